import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, makeActivity, makeGuard, passAllSeen, unitOf } from '../../../test/vetting-fixtures';

/**
 * A decision stands on the facts it was made on (review 6): an officer's 不通过 is not undone by the
 * company taking the guard off the roster and putting them back, and a revocation recorded while the
 * company submits its roster reaches the new entry whichever commits first.
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId decision reused } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const REVOKE = `mutation($id: String!, $date: String!) { recordCertificateRevocation(idNumber: $id, date: $date, reason: "违法从业") { id } }`;

describe('a decision stands on the facts it was made on (review 6)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let companyId: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    organizerUnit = await unitOf(t, 'organizer1');
    baoan = await t.login('baoan');
    company = await t.login('company1');
  });
  afterAll(() => t?.close());

  let seq = 0;
  const newActivity = () =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 3, startsAt: new Date(Date.now() + (20 + ++seq) * 86400_000).toISOString() });
  const submit = async (activityId: string, guardIds: string[]) => expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster.entries;

  it('an officer’s 不通过 is not undone by removing the guard and submitting them again, on this activity or another; an earlier pass is reused only when it is the latest decision', async () => {
    const g = await makeGuard(t, companyId, { name: '夏复用' });
    const first = await newActivity();
    await submit(first, [g.id]);
    await passAllSeen(baoan, first);

    // Passed on the first: reused on the second, as before
    const second = await newActivity();
    const [reused] = await submit(second, [g.id]);
    expect(reused).toMatchObject({ decision: 'PASSED', reused: true });

    // The officer fails them on the second; the company takes them off and puts them back
    const [{ version }] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [reused.id]);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [reused.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '考察发现不宜上岗', expectedVersions: [version] } }));
    expectData(await company.gql(REMOVE, { e: reused.id }));
    const [again] = await submit(second, [g.id]);
    expect(again).toMatchObject({ decision: 'PENDING', reused: false });
    // and on a third activity: the latest decision is the 不通过, not the older pass
    const third = await newActivity();
    const [elsewhere] = await submit(third, [g.id]);
    expect(elsewhere).toMatchObject({ decision: 'PENDING', reused: false });
    const rows = await t.sql(`SELECT decision, reused_from_entry_id FROM roster_entries WHERE guard_id = $1 AND state = 'ACTIVE' AND activity_id = ANY($2::uuid[])`, [g.id, [second, third]]);
    expect(rows).toEqual([
      { decision: 'PENDING', reused_from_entry_id: null },
      { decision: 'PENDING', reused_from_entry_id: null },
    ]);
  });

  it('a revocation recorded while the company submits its roster reaches the new entry, whichever commits first; 一键通过 does not pass it', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const missed: string[] = [];
    for (let round = 0; round < 6; round++) {
      const activityId = await newActivity();
      const g = await makeGuard(t, companyId, { name: `丁吊销${round}` });
      const [submitted, revoked] = await Promise.all([
        company.gql(SUBMIT, { input: { activityId, guardIds: [g.id] } }),
        (async () => {
          await new Promise((r) => setTimeout(r, round * 3));
          return baoan.gql(REVOKE, { id: g.idNumber, date: today });
        })(),
      ]);
      expectData(submitted);
      expectData(revoked);
      await passAllSeen(baoan, activityId);
      const [entry] = await t.sql(`SELECT decision, precheck_problems FROM roster_entries WHERE activity_id = $1 AND guard_id = $2 AND state = 'ACTIVE'`, [activityId, g.id]);
      const codes = (entry.precheck_problems ?? []).map((p: { code: string }) => p.code);
      if (!codes.includes('REVOKED') || entry.decision === 'PASSED') missed.push(`round ${round}: ${entry.decision} ${JSON.stringify(codes)}`);
    }
    expect(missed).toEqual([]);
  });
});
