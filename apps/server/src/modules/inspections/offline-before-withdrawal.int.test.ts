import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';

/**
 * A check is judged against the on-duty roster as it stood when it was made (review 10 D3): a phone
 * offline in the venue checks a cleared guard at 10:00, his pass is withdrawn at 10:30, the phone sends
 * at 11:00. The guard was on duty when seen: no 未经审查人员上岗 finding against the company. A check
 * of the same guard made after the withdrawal is one.
 */
const RECORD = /* GraphQL */ `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id onDutyRoster findings { item serious } } }`;
const DECIDE = /* GraphQL */ `mutation ($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const NOW = '2031-06-01T10:00:00+08:00';
const MINUTE = 60_000;

describe('an offline check made before a pass was withdrawn', () => {
  let t: TestApp;
  let baoan: TestClient;
  let activityId: string;
  let seen: { guardId: string; entryId: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    baoan = await t.login('baoan');
    const companyId = await createCompanyWithGuards(t, '离线检查保安服务有限公司', 3);
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 3, startsInHours: -1 });
    await trainAll(t, a.id);
    activityId = a.id;
    seen = a.cleared[0];
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  const record = (guardId: string, recordedAt: Date) =>
    baoan.gql(RECORD, { input: { id: randomUUID(), activityId, guardId, results: checklist(), recordedAt: recordedAt.toISOString() } });

  it('is not a 未经审查人员上岗 finding; a check of the same guard after the withdrawal is', async () => {
    const checkedAt = t.clock.now();
    t.clock.set(new Date(checkedAt.getTime() + 30 * MINUTE));
    const [entry] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [seen.entryId]);
    expectData(
      await baoan.gql(DECIDE, {
        input: { entryIds: [seen.entryId], decision: 'FAILED', reasonCategory: 'OTHER', note: '复核：不宜上岗', expectedVersions: [entry.version] },
      }),
    );
    const [withdrawn] = await t.sql(`SELECT decision, pass_withdrawn_at FROM roster_entries WHERE id = $1`, [seen.entryId]);
    expect(withdrawn.decision).toBe('FAILED');
    expect(new Date(withdrawn.pass_withdrawn_at).getTime()).toBe(checkedAt.getTime() + 30 * MINUTE);

    t.clock.set(new Date(checkedAt.getTime() + 60 * MINUTE));
    const before = expectData(await record(seen.guardId, checkedAt)).recordInspection;
    expect(before.onDutyRoster).toBe(true);
    expect(before.findings).toEqual([]);
    const [stored] = await t.sql(`SELECT roster_entry_id FROM inspections WHERE id = $1`, [before.id]);
    expect(stored.roster_entry_id).toBe(seen.entryId);

    const after = expectData(await record(seen.guardId, new Date(checkedAt.getTime() + 45 * MINUTE))).recordInspection;
    expect(after.onDutyRoster).toBe(false);
    expect(after.findings).toEqual([{ item: 'UNVETTED_ON_DUTY', serious: true }]);
  });
});
