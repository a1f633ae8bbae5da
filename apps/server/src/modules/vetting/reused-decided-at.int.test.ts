import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, idFor, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';
import { addDays, localDate, todayCN } from '../../common/calendar';

/**
 * Review 11-A F2: a pass reused from another unit's activity keeps the original decision's time
 * (`decided_at`: the reuse window is anchored there), which is when another employer's roster was
 * decided. The unit that submits the new roster (here a self-recruiting organizer) and every other
 * non-police reader see this roster's own time; the police see the stored time.
 */

const ENTRY_FIELDS = 'id guardId decision reasonCategory decidedAt reused checked';
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { ${ENTRY_FIELDS} } } }`;
const ENTRIES = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { items { ${ENTRY_FIELDS} } } }`;
const ENTRY = `query($id: ID!) { rosterEntry(id: $id) { ${ENTRY_FIELDS} } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const LEAVES = `mutation ($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status leftOn } }`;
const TIMELINE = `query ($id: ID!) { activityTimeline(activityId: $id) { entries { at kind title detail actorName } } }`;
const SUMMARY = `query($id: ID!) { vettingSummary(activityId: $id) { tier entries { entryId guardName decision reasonCategory reused } clearedRoster { guardName } } }`;
const NOTIFICATIONS = `query { notifications(page: { pageSize: 200 }) { items { title body activityId createdAt } } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a reused pass shows the new register this roster’s own time, the police the original decision’s (review 11-A F2)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let office: TestClient;
  let company: TestClient;
  let organizer: TestClient;
  let companyId: string;
  let organizerUnit: string;

  /** The earlier decision: 40 days ago at 18:00Z (02:00 the next day in Beijing), within the reuse window. */
  const original = new Date(`${addDays(todayCN(), -40)}T18:00:00.000Z`);
  const originalIso = original.toISOString();
  let guard: { id: string; idNumber: string; name: string };
  let selfRecruited: string;
  let entryId: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    organizerUnit = await ensureCompany(t, await unitOf(t, 'organizer1'));
    [baoan, office, company, organizer] = await Promise.all([t.login('baoan'), t.login('office'), t.login('company1'), t.login('organizer1')]);

    // company1's roster of another organizer's event, decided by 保安管理支队 at `original` (the app clock).
    t.clock.set(original);
    // The same parents on both registers: the identity the pass was made on (a reuse holds for it only).
    const parents = [{ relation: 'FATHER' as const, name: '沿用父', idNumber: idFor('1960-01-01') }, { relation: 'MOTHER' as const, name: '沿用母', idNumber: idFor('1962-02-02', true) }];
    guard = await makeGuard(t, companyId, { name: '沿用时刻', relatives: parents, relativesStatement: null });
    const earlier = await makeActivity(t, {
      selectedCompanyId: companyId, organizerUnitId: await unitOf(t, 'organizer2'), guardsRequired: 1,
      startsAt: new Date(original.getTime() + 5 * 86400_000).toISOString(),
    });
    const [first] = expectData(await company.gql(SUBMIT, { input: { activityId: earlier, guardIds: [guard.id] } })).submitRoster.entries;
    expect(first).toMatchObject({ decision: 'PENDING', reused: false });
    expect(expectData(await baoan.gql(DECIDE, { input: { entryIds: [first.id], decision: 'PASSED' } })).decideVetting.decided).toBe(1);
    const [stored] = await t.sql(`SELECT decided_at FROM roster_entries WHERE id = $1`, [first.id]);
    expect(new Date(stored.decided_at).toISOString()).toBe(originalIso);
    t.clock.reset();

    // That event is over; he leaves company1 and joins organizer1's self-recruited register.
    expect(expectData(await company.gql(LEAVES, { id: guard.id, date: addDays(todayCN(), -3) })).guardLeaves.status).toBe('LEFT');
    const joined = await makeGuard(t, organizerUnit, { name: guard.name, idNumber: guard.idNumber, relatives: parents, relativesStatement: null });
    selfRecruited = await makeActivity(t, {
      securityMode: 'SELF_RECRUITED', organizerUnitId: organizerUnit, status: 'APPROVED', guardsRequired: 1,
      startsAt: new Date(Date.now() + 40 * 86400_000).toISOString(),
    });
    const submitted = expectData(await organizer.gql(SUBMIT, { input: { activityId: selfRecruited, guardIds: [joined.id] } })).submitRoster.entries;
    expect(submitted).toHaveLength(1);
    entryId = submitted[0].id;
    submittedAnswer = submitted[0];
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  let submittedAnswer: Row;
  /** This roster's own time: when the entry was checked (the reuse is applied then). */
  const ownTime = async () => {
    const [row] = await t.sql(`SELECT checked_at, created_at, decided_at, reused_from_entry_id FROM roster_entries WHERE id = $1`, [entryId]);
    // The stored value stays the original decision's: the reuse window is anchored there.
    expect(new Date(row.decided_at).toISOString()).toBe(originalIso);
    expect(row.reused_from_entry_id).not.toBeNull();
    expect(row.checked_at).not.toBeNull();
    return new Date(row.checked_at).toISOString();
  };

  it('the submitting organizer: submitRoster, rosterEntries and rosterEntry date the reused pass at this roster’s check', async () => {
    const own = await ownTime();
    expect(own).not.toBe(originalIso);
    expect(submittedAnswer).toMatchObject({ decision: 'PASSED', reasonCategory: 'CLEAR', reused: true, checked: true, decidedAt: own });
    const listed = expectData(await organizer.gql(ENTRIES, { id: selfRecruited })).rosterEntries.items;
    expect(listed).toEqual([submittedAnswer]);
    expect(expectData(await organizer.gql(ENTRY, { id: entryId })).rosterEntry).toEqual(submittedAnswer);
  });

  it('the organizer’s 台账 dates the decision at this roster’s time; nothing it reads carries the earlier decision’s time or day', async () => {
    const own = await ownTime();
    const timeline = expectData(await organizer.gql(TIMELINE, { id: selfRecruited })).activityTimeline.entries;
    const decisions = timeline.filter((e: Row) => e.kind === 'VETTING_DECISION');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ at: own, title: `${guard.name}：审核通过` });

    const summary = expectData(await organizer.gql(SUMMARY, { id: selfRecruited })).vettingSummary;
    expect(summary.tier).toBe('SUBMITTER');
    expect(summary.entries).toEqual([expect.objectContaining({ decision: 'PASSED', reused: true })]);
    const notices = expectData(await organizer.gql(NOTIFICATIONS)).notifications.items.filter((n: Row) => n.activityId === selfRecruited);
    const entries = expectData(await organizer.gql(ENTRIES, { id: selfRecruited })).rosterEntries.items;
    const everything = JSON.stringify([submittedAnswer, entries, timeline, summary, notices]);
    // Neither the instant nor its day (UTC or Beijing) in any form the organizer reads.
    for (const text of [originalIso, originalIso.slice(0, 16), originalIso.slice(0, 10), localDate(original)]) expect(everything).not.toContain(text);
  });

  it('the police still read the stored time: 保安管理支队 and the office, on the entry and in the 台账', async () => {
    for (const police of [baoan, office]) {
      const [entry] = expectData(await police.gql(ENTRIES, { id: selfRecruited })).rosterEntries.items;
      expect(entry).toMatchObject({ id: entryId, decision: 'PASSED', reused: true, decidedAt: originalIso });
      const timeline = expectData(await police.gql(TIMELINE, { id: selfRecruited })).activityTimeline.entries;
      expect(timeline.filter((e: Row) => e.kind === 'VETTING_DECISION').map((e: Row) => e.at)).toEqual([originalIso]);
    }
    expect(expectData(await baoan.gql(ENTRY, { id: entryId })).rosterEntry.decidedAt).toBe(originalIso);
  });

  it('a decision made on this roster is shown at its own time to everyone', async () => {
    const [entry] = await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [entryId]);
    expectData(await baoan.gql(DECIDE, {
      input: { entryIds: [entryId], decision: 'FAILED', reasonCategory: 'OTHER', note: '复核后不予通过（测试）', expectedVersions: [entry.version] },
    }));
    const [row] = await t.sql(`SELECT decided_at, reused_from_entry_id FROM roster_entries WHERE id = $1`, [entryId]);
    expect(row.reused_from_entry_id).toBeNull();
    const decided = new Date(row.decided_at).toISOString();
    expect(decided).not.toBe(originalIso);
    for (const reader of [organizer, baoan]) {
      expect(expectData(await reader.gql(ENTRY, { id: entryId })).rosterEntry).toMatchObject({ decision: 'FAILED', reused: false, decidedAt: decided });
    }
  });
});
