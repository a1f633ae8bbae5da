import { expectData, TestApp, TestClient } from '../../../test/harness';
import { idFor, makeActivity, makeGuard, passAllSeen, vettingParties } from '../../../test/vetting-fixtures';

/**
 * 在复用期内背景审核通过的在职保安员数 (`guardsWithValidVetting`) follows the rule by which a pass is
 * reused (vetting.service.ts `evaluate()`): the latest decision on the person within the window counts,
 * so a 不通过 after a pass takes the guard out (review 9-B F6); a pass made after it does not bring them
 * back while the 不通过 is kept on record, as no roster reuses it (review 11-A F1, code review 11 C8); and
 * the windows count back from the app's clock, as the reuse does (review 9 C8).
 */
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId decision reused } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const UPDATE_GUARD = `mutation($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { id } }`;
const LEAVES = `mutation($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status } }`;
const SET_RELATIVES = `mutation($g: ID!, $r: [RelativeInput!]!, $s: String) { setGuardRelatives(guardId: $g, relatives: $r, statement: $s) { id } }`;
const FIGURE = `query ($id: ID!) { company(id: $id) { guardsWithValidVetting } }`;
const DAY = 86400_000;

describe('guardsWithValidVetting: the latest decision within the reuse window (review 9-B F6)', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string, organizerUnit: string;

  beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));
  afterAll(() => t?.close());

  afterEach(() => t.clock.reset());

  let seq = 0;
  /** An activity 20+ days after the app's clock. */
  const newActivity = () =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 3, startsAt: new Date(t.clock.now().getTime() + (20 + ++seq) * 86400_000).toISOString() });
  const submit = async (activityId: string, guardIds: string[]) =>
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster.entries as { id: string; decision: string; reused: boolean }[];
  const validVetting = async (): Promise<number> => expectData(await baoan.gql(FIGURE, { id: companyId })).company.guardsWithValidVetting;

  it('drops a guard failed after an earlier pass (also once taken off the roster); a later pass counts only once the 不通过 is past its window, as reuse holds it (code review 11 C8)', async () => {
    const before = await validVetting();
    const g = await makeGuard(t, companyId, { name: '戊先过后否' });
    const first = await newActivity();
    await submit(first, [g.id]);
    await passAllSeen(baoan, first);
    expect(await validVetting()).toBe(before + 1);

    // The pass is reused on a second activity, where the officer finds the guard unfit.
    const second = await newActivity();
    const [reused] = await submit(second, [g.id]);
    expect(reused).toMatchObject({ decision: 'PASSED', reused: true });
    const [{ version }] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [reused.id]);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [reused.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '考察发现不宜上岗', expectedVersions: [version] } }));
    const failedAt = t.clock.now().getTime();
    expect(await validVetting()).toBe(before);
    // Taking them off the roster does not undo the 不通过.
    expectData(await company.gql(REMOVE, { e: reused.id }));
    expect(await validVetting()).toBe(before);

    // A third roster gets no reused pass; the officer passes them there, knowingly.
    const third = await newActivity();
    const [fresh] = await submit(third, [g.id]);
    expect(fresh).toMatchObject({ decision: 'PENDING', reused: false });
    // (Not 一键通过: it leaves a person with a 不通过 in the window to the officer, review 11-A F1.)
    const [{ version: v3 }] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [fresh.id]);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [fresh.id], decision: 'PASSED', note: '复核后通过', expectedVersions: [v3] } }));
    // That pass is not one the next roster reuses (the 不通过 is kept on record): not counted either.
    expect(await validVetting()).toBe(before);
    const fourth = await newActivity();
    const [next] = await submit(fourth, [g.id]);
    expect(next).toMatchObject({ decision: 'PENDING', reused: false });

    // Once the 不通过 is past its window (the retention period, code review 11 C2), a new pass counts, and is reused.
    const kept = (await t.services.settings.all(t.ds.manager))['privacy.retentionDays'];
    t.clock.set(new Date(failedAt + (kept + 1) * DAY));
    const base = await validVetting();
    const fifth = await newActivity();
    const [clean] = await submit(fifth, [g.id]);
    expect(clean).toMatchObject({ decision: 'PENDING', reused: false });
    expect(await passAllSeen(baoan, fifth)).toBe(1);
    expect(await validVetting()).toBe(base + 1);
    const sixth = await newActivity();
    const [again] = await submit(sixth, [g.id]);
    expect(again).toMatchObject({ decision: 'PASSED', reused: true });
  });

  it('counts the window back from the app\'s clock, as the reuse does: a pass older than the window by that clock is not counted (review 9 C8)', async () => {
    const g = await makeGuard(t, companyId, { name: '己窗口' });
    const first = await newActivity();
    await submit(first, [g.id]);
    await passAllSeen(baoan, first);
    // Dated ten days back, so that it leaves the window apart from the passes other tests make today.
    await t.sql(`UPDATE roster_entries SET decided_at = decided_at - interval '10 days' WHERE activity_id = $1 AND guard_id = $2`, [first, g.id]);
    const [{ decided_at: decidedAt }] = await t.sql(`SELECT decided_at FROM roster_entries WHERE activity_id = $1 AND guard_id = $2`, [first, g.id]);
    const [{ days }] = await t.sql(`SELECT COALESCE((SELECT (value #>> '{}')::int FROM settings WHERE key = 'vetting.reuseWindowDays'), 180) AS days`);
    const leavesAt = new Date(decidedAt).getTime() + days * 86400_000;

    // The app's clock a few seconds either side of the pass leaving the window; the database's clock
    // stays today, when the pass is well inside it.
    t.clock.set(new Date(leavesAt - 5_000));
    const inside = await validVetting();
    t.clock.set(new Date(leavesAt + 5_000));
    expect(await validVetting()).toBe(inside - 1);

    // The reuse says the same at that moment: the pass is not reused on a new roster.
    const later = await newActivity();
    const [entry] = await submit(later, [g.id]);
    expect(entry).toMatchObject({ decision: 'PENDING', reused: false });
  });

  it('a 不通过 follows the person as the vetting does: a failed row given a made-up number and the real number registered anew is not counted when passed (red-team F2)', async () => {
    const g = await makeGuard(t, companyId, { name: '庚换号' });
    const first = await newActivity();
    const [failed] = await submit(first, [g.id]);
    const [{ version }] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [failed.id]);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [failed.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '考察发现不宜上岗', expectedVersions: [version] } }));
    expectData(await company.gql(REMOVE, { e: failed.id }));
    const madeUp = idFor(`${g.idNumber.slice(6, 10)}-${g.idNumber.slice(10, 12)}-${g.idNumber.slice(12, 14)}`);
    expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', idNumber: madeUp, certificateNo: `辽庚${madeUp.slice(-6)}` } }));
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expectData(await company.gql(LEAVES, { id: g.id, date: today }));
    const before = await validVetting();

    // The real number on a new row: the vetting finds the 不通过 and the officer passes him, knowingly.
    const real = await makeGuard(t, companyId, { name: g.name, idNumber: g.idNumber });
    const second = await newActivity();
    const [entry] = await submit(second, [real.id]);
    expect(entry).toMatchObject({ decision: 'PENDING', reused: false });
    const [{ version: v2 }] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [entry.id]);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entry.id], decision: 'PASSED', note: '复核后通过', expectedVersions: [v2] } }));
    // Not a pass the next roster reuses, so not counted.
    expect(await validVetting()).toBe(before);
    const [next] = await submit(await newActivity(), [real.id]);
    expect(next).toMatchObject({ decision: 'PENDING', reused: false });
  });

  it('counts a pass only for the person as registered now: relatives declared otherwise since take the guard out, as the reuse does (red-team G1)', async () => {
    const g = await makeGuard(t, companyId, { name: '辛改亲属' });
    const first = await newActivity();
    const [entry] = await submit(first, [g.id]);
    expect(await passAllSeen(baoan, first)).toBe(1);
    const counted = await validVetting();
    // Off the roster (the identity is locked while on it), the pass kept on record.
    expectData(await company.gql(REMOVE, { e: entry.id }));
    expect(await validVetting()).toBe(counted);
    const father = { relation: 'FATHER', name: '辛父', idNumber: idFor('1961-01-01') };
    const mother = { relation: 'MOTHER', name: '辛母', idNumber: idFor('1962-02-02', true) };
    expectData(await company.gql(SET_RELATIVES, { g: g.id, r: [father, mother], s: null }));
    expect(await validVetting()).toBe(counted - 1);
    const [next] = await submit(await newActivity(), [g.id]);
    expect(next).toMatchObject({ decision: 'PENDING', reused: false });
  });
});
