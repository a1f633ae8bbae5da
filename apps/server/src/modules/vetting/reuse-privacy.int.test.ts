import { expectData, TestApp, TestClient } from '../../../test/harness';
import { addRecord, idFor, makeActivity, makeGuard, passAllSeen, vettingParties } from '../../../test/vetting-fixtures';

/**
 * Reviews 5-A F3 / 9-A F1: reusing an earlier pass must not tell the company that a record arrived
 * since for its guard's relative (SPEC §1: pass/fail with a reason category, never a relative's
 * record). The reuse no longer depends on records that arrived since; they are handled as for a guard
 * already on a roster (open-roster-effects.ts `applyRecordsToOpenRosters`): an own record that bars
 * under 条例第十七条 turns the reused pass into 不通过 (本人有记录, by the system); any other new record
 * leaves the pass standing and asks 保安管理支队 to review it.
 *
 * Review 9-C F6: vetting stamps and windows its domain dates with the app's clock.
 */

// Every field of RosterEntry the company may read (the rest are the detachment's: FORBIDDEN for it).
const COMPANY_FIELDS = `id activityId guardId guardName idNumber companyId companyName post state precheckProblems { code message }
  checked decision reasonCategory decidedAt reused replacesEntryId version`;
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { activityStatus warning entries { ${COMPANY_FIELDS} } } }`;
const ENTRIES = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { total items { ${COMPANY_FIELDS} } } }`;
const ENTRIES_SD = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { items {
  id guardId decision reasonCategory decidedAt decidedByName decisionNote suggestion suggestionCategory suggestionReason hitCount reused version
  hits { relation record { category } } } } }`;
const SUMMARY = `query($id: ID!) { vettingSummary(activityId: $id) { tier closed issuedAt counts { total passed failed pending unchecked removed }
  reasonCounts { reasonCategory count } entries { entryId guardName idNumber companyName post decision reasonCategory removed replaced reused decisionNote hitCount }
  clearedRoster { guardName idNumber companyName post } } }`;
const NOTIFICATIONS = `query { notifications(page: { pageSize: 200 }) { items { id title body link activityId } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What tells two guards apart by who they are, not by how they fared. */
const IDENTITY = ['id', 'entryId', 'guardId', 'guardName', 'idNumber', 'decidedAt'];
const shape = (row: Row) => Object.fromEntries(Object.entries(row).filter(([k]) => !IDENTITY.includes(k)));

describe('reusing a pass tells the company nothing about records that arrived since (review 9-A F1)', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string, organizerUnit: string;

  beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));
  afterAll(() => t?.close());

  let seq = 0;
  /** Each activity a day apart, weeks ahead of the (app) clock: rosters are taken until the event starts. */
  const newActivity = (from = Date.now()) =>
    makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 5, startsAt: new Date(from + (40 + ++seq) * 86400_000).toISOString() });
  const submit = async (activityId: string, guardIds: string[]) => expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster;
  const companyEntries = async (activityId: string): Promise<Row[]> => expectData(await company.gql(ENTRIES, { id: activityId })).rosterEntries.items;
  const sdEntry = async (activityId: string, guardId: string): Promise<Row> =>
    expectData(await baoan.gql(ENTRIES_SD, { id: activityId })).rosterEntries.items.find((e: Row) => e.guardId === guardId);
  const companyNotices = async (activityId: string): Promise<Row[]> =>
    expectData(await company.gql(NOTIFICATIONS)).notifications.items.filter((n: Row) => n.activityId === activityId);
  const reviewNotices = (activityId: string): Promise<Row[]> =>
    t.sql(`SELECT n.title, n.body, u.kind FROM notifications n JOIN units u ON u.id = n.unit_id WHERE n.activity_id = $1 AND n.title LIKE '已通过人员有新记录%'`, [activityId]);
  /** A guard with both parents declared (the mother's ID number kept to give her a record later). */
  const passedGuard = async (name: string) => {
    const mother = { name: `${name}母`, idNumber: idFor('1960-03-03', true) };
    const g = await makeGuard(t, companyId, {
      name,
      relatives: [{ relation: 'FATHER', name: `${name}父`, idNumber: idFor('1958-08-08') }, { relation: 'MOTHER', ...mother }],
    });
    return { ...g, mother };
  };

  it('a relative’s record imported after the pass: the company sees the same PASSED (reused) as for a guard with nothing new; 保安管理支队 is told to review', async () => {
    const first = await newActivity();
    const related = await passedGuard('甲涛');
    const clean = await passedGuard('乙明');
    await submit(first, [related.id, clean.id]);
    expect(await passAllSeen(baoan, first)).toBe(2);

    // After the pass, a record for the mother of one of them is imported.
    await addRecord(t, related.mother.idNumber, 'ADMIN_DETENTION', { name: related.mother.name });

    const second = await newActivity();
    const answer = await submit(second, [related.id, clean.id]);
    const [a, b] = [related, clean].map((g) => answer.entries.find((e: Row) => e.guardId === g.id));
    expect(a).toMatchObject({ decision: 'PASSED', reused: true, reasonCategory: 'CLEAR', checked: true });
    expect(shape(a)).toEqual(shape(b));
    expect(answer.warning).toBeNull();

    const listed = await companyEntries(second);
    const [la, lb] = [related, clean].map((g) => listed.find((e) => e.guardId === g.id)!);
    expect(shape(la)).toEqual(shape(lb));
    expect(shape(la)).toEqual(shape(a));

    const summary = expectData(await company.gql(SUMMARY, { id: second })).vettingSummary;
    expect(summary.tier).toBe('SUBMITTER');
    expect(summary.counts).toMatchObject({ total: 2, passed: 2, failed: 0, pending: 0 });
    expect(summary.reasonCounts).toEqual([]);
    const [sa, sb] = [related, clean].map((g) => summary.entries.find((e: Row) => e.guardName === g.name));
    expect(sa).toMatchObject({ decision: 'PASSED', reasonCategory: 'CLEAR', reused: true, decisionNote: null, hitCount: null });
    expect(shape(sa)).toEqual(shape(sb));
    expect(summary.clearedRoster.map((c: Row) => c.guardName).sort()).toEqual([related.name, clean.name].sort());

    // Nothing told to the company about this roster names either guard or a relative.
    const notices = JSON.stringify(await companyNotices(second));
    for (const text of [related.name, clean.name, related.mother.name, '母亲', '亲属', '记录', '复核']) expect(notices).not.toContain(text);
    expect(JSON.stringify([answer, listed, summary])).not.toContain(related.mother.name);

    // 保安管理支队: the same notice as for a record reaching a cleared guard on an open roster, a count, no name.
    const review = await reviewNotices(second);
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ kind: 'SECURITY_DETACHMENT' });
    expect(review[0].body).toContain('1名已审核通过的人员');
    expect(review[0].body).not.toContain(related.name);
    // The officer's view shows the new record and the suggestion, as for any check.
    const forOfficer = await sdEntry(second, related.id);
    expect(forOfficer).toMatchObject({ decision: 'PASSED', reused: true, suggestion: 'PENDING', suggestionCategory: 'RELATIVE_RECORD', hitCount: 1 });
    expect(forOfficer.hits).toEqual([{ relation: 'MOTHER', record: { category: 'ADMIN_DETENTION' } }]);
    expect(forOfficer.suggestionReason).toContain('母亲');
    expect(forOfficer.decisionNote).toContain('沿用');
    expect(await sdEntry(second, clean.id)).toMatchObject({ decision: 'PASSED', reused: true, suggestion: 'PASSED', hitCount: 0 });

    // The probe cannot be repeated to any effect: taken off and put back, the guard is passed again.
    expectData(await company.gql(REMOVE, { e: a.id }));
    const again = (await submit(second, [related.id])).entries[0];
    expect(shape(again)).toEqual(shape(b));

    // The officer can change the decision on what the review found (the company then sees it, as any decision).
    const current = await sdEntry(second, related.id);
    expectData(await baoan.gql(DECIDE, {
      input: { entryIds: [current.id], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: '复核：母亲有行政拘留记录，不宜上岗', expectedVersions: [current.version] },
    }));
    expect((await companyEntries(second)).find((e) => e.guardId === related.id)).toMatchObject({ decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', reused: false });
  });

  it('the guard’s own non-barring record imported after the pass: PASSED (reused) as well, the detachment told to review', async () => {
    const first = await newActivity();
    const minor = await passedGuard('丙刚');
    const clean = await passedGuard('丁强');
    await submit(first, [minor.id, clean.id]);
    await passAllSeen(baoan, first);
    await addRecord(t, minor.idNumber, 'ADMIN_DETENTION', { name: minor.name });

    const second = await newActivity();
    const answer = await submit(second, [minor.id, clean.id]);
    const [a, b] = [minor, clean].map((g) => answer.entries.find((e: Row) => e.guardId === g.id));
    expect(a).toMatchObject({ decision: 'PASSED', reused: true, reasonCategory: 'CLEAR' });
    expect(shape(a)).toEqual(shape(b));
    expect(await reviewNotices(second)).toHaveLength(1);
    expect(await sdEntry(second, minor.id)).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'OWN_RECORD', hitCount: 1 });
    expect(await companyNotices(second)).toEqual([]);
  });

  it('an own record that bars under 条例第十七条: the reused pass is not kept (不通过, 本人有记录, by the system); nothing about relatives reaches the company', async () => {
    const first = await newActivity();
    const barred = await passedGuard('戊军');
    const clean = await passedGuard('己伟');
    await submit(first, [barred.id, clean.id]);
    await passAllSeen(baoan, first);
    // Both his own barring record and one of his mother's arrive after the pass.
    await addRecord(t, barred.idNumber, 'INTENTIONAL_CRIME', { name: barred.name });
    await addRecord(t, barred.mother.idNumber, 'INTENTIONAL_CRIME', { name: barred.mother.name });

    const second = await newActivity();
    const answer = await submit(second, [barred.id, clean.id]);
    const [a, b] = [barred, clean].map((g) => answer.entries.find((e: Row) => e.guardId === g.id));
    expect(a).toMatchObject({ decision: 'FAILED', reasonCategory: 'OWN_RECORD', reused: false, checked: true });
    expect(b).toMatchObject({ decision: 'PASSED', reasonCategory: 'CLEAR', reused: true });
    expect(answer.activityStatus).toBe('VETTING');

    const listed = (await companyEntries(second)).find((e) => e.guardId === barred.id)!;
    expect(listed).toMatchObject({ decision: 'FAILED', reasonCategory: 'OWN_RECORD', reused: false });
    const summary = expectData(await company.gql(SUMMARY, { id: second })).vettingSummary;
    expect(summary.reasonCounts).toEqual([{ reasonCategory: 'OWN_RECORD', count: 1 }]);
    expect(summary.entries.find((e: Row) => e.guardName === barred.name)).toMatchObject({ decision: 'FAILED', reasonCategory: 'OWN_RECORD', decisionNote: null, hitCount: null });

    // The company is told, with the category only, as for any 不通过 it must replace.
    const notices = await companyNotices(second);
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain(barred.name);
    expect(notices[0].body).toContain('本人违法犯罪记录');
    expect(notices[0].body).toContain('请替换或移出名单');
    const told = JSON.stringify([notices, answer, listed, summary]);
    for (const text of [barred.mother.name, '母亲', '亲属', '故意犯罪']) expect(told).not.toContain(text);
    expect(JSON.stringify(notices)).not.toContain(clean.name);
    expect(await reviewNotices(second)).toEqual([]);

    // Decided by the system (no officer named), audited as the system, at the app clock's time.
    const [row] = await t.sql(`SELECT decided_by, decided_at, decision_note, reused_from_entry_id FROM roster_entries WHERE id = $1`, [a.id]);
    expect(row).toMatchObject({ decided_by: null, reused_from_entry_id: null });
    expect(row.decision_note).toContain('条例第十七条');
    const officer = await sdEntry(second, barred.id);
    expect(officer).toMatchObject({ decidedByName: null, suggestion: 'FAILED', suggestionCategory: 'OWN_RECORD', hitCount: 2 });
    const audit = await t.sql(`SELECT actor_id, actor_name, summary, after FROM audit_log WHERE entity_type = 'RosterEntry' AND entity_id = $1`, [a.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, actor_name: '系统', after: { id: a.id, guardId: barred.id, decision: 'FAILED' } });
    // The person by reference (entry and guard id): no name of the guard or a relative in the append-only log.
    expect(audit[0].summary).toContain('名单中1人本人记录属条例第十七条情形');
    expect(JSON.stringify(audit[0])).not.toContain(barred.name);
    expect(JSON.stringify(audit[0])).not.toContain(barred.mother.name);

    // A system 不通过 is a decision like an officer's: it stops any later reuse within the window.
    expectData(await company.gql(REMOVE, { e: a.id }));
    const third = await newActivity();
    expect((await submit(third, [barred.id])).entries[0]).toMatchObject({ decision: 'PENDING', reused: false });
  });

  describe('the app clock (review 9-C F6)', () => {
    afterEach(() => t.clock.reset());

    it('decisions, the reuse window and the notice are stamped with the app clock, not the database’s', async () => {
      const ahead = new Date(Date.now() + 86400_000);
      ahead.setMilliseconds(123);
      t.clock.set(ahead);
      const g = await makeGuard(t, companyId, { name: '庚时钟' });
      const h = await makeGuard(t, companyId, { name: '辛时钟' });
      const activityId = await newActivity(ahead.getTime());
      const answer = await submit(activityId, [g.id, h.id]);
      const [eg, eh] = [g, h].map((x) => answer.entries.find((e: Row) => e.guardId === x.id));
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [eg.id], decision: 'PASSED' } }));
      await passAllSeen(baoan, activityId);
      const rows = await t.sql(`SELECT id, decided_at FROM roster_entries WHERE id = ANY($1::uuid[])`, [[eg.id, eh.id]]);
      for (const r of rows) expect(new Date(r.decided_at).toISOString()).toBe(ahead.toISOString());
      const summary = expectData(await company.gql(SUMMARY, { id: activityId })).vettingSummary;
      expect(summary.issuedAt).toBe(ahead.toISOString());

      // The reuse window is counted back from the app clock: a day inside it the pass is reused, a day past it not.
      const days = (await t.services.settings.all(t.ds.manager))['vetting.reuseWindowDays'];
      const within = new Date(ahead.getTime() + (days - 1) * 86400_000);
      t.clock.set(within);
      const inWindow = await newActivity(within.getTime());
      expect((await submit(inWindow, [g.id])).entries[0]).toMatchObject({ decision: 'PASSED', reused: true });
      const beyond = new Date(ahead.getTime() + (days + 1) * 86400_000);
      t.clock.set(beyond);
      const late = await newActivity(beyond.getTime());
      expect((await submit(late, [h.id])).entries[0]).toMatchObject({ decision: 'PENDING', reused: false });
    });
  });
});
