import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { addRecord, ensureCompany, idFor, makeActivity, makeGuard, passAllSeen, unitOf } from '../../../test/vetting-fixtures';

/**
 * Review 11-A F1: a 不通过 is not laundered. A guard failed for a relative's record, taken off the roster,
 * declared again without that relative and put back (on the same activity, or by another register
 * after he left the first) is not suggested PASSED, not passed by 一键通过 and reuses no pass: the
 * suggestion names the earlier 不通过 for the officer's review, and 保安管理支队 sees the person's earlier
 * decisions on the entry. The company learns nothing new: its entry reads as any other waiting for review.
 */

// Every field of RosterEntry the company may read (the rest are the detachment's: FORBIDDEN for it).
const COMPANY_FIELDS = `id activityId guardId guardName idNumber companyId companyName post state precheckProblems { code message }
  checked decision reasonCategory decidedAt reused replacesEntryId version`;
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { activityStatus warning entries { ${COMPANY_FIELDS} } } }`;
const ENTRIES = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { total items { ${COMPANY_FIELDS} } } }`;
const ENTRY = `query($id: ID!) { rosterEntry(id: $id) { ${COMPANY_FIELDS} } }`;
const ENTRY_SD = `query($id: ID!) { rosterEntry(id: $id) { id decision suggestion suggestionCategory suggestionReason hitCount reused
  priorDecisions { entryId activityId activityName companyName decision reasonCategory decidedAt note reused removed } } }`;
const PRIOR = `query($id: ID!) { rosterEntry(id: $id) { id priorDecisions { decision activityName } } }`;
const HITS = `query($id: ID!) { rosterEntry(id: $id) { id hits { id } } }`;
const SUMMARY = `query($id: ID!) { vettingSummary(activityId: $id) { tier counts { total passed failed pending unchecked removed }
  reasonCounts { reasonCategory count } entries { entryId guardName idNumber companyName post decision reasonCategory removed replaced reused } } }`;
const NOTIFICATIONS = `query { notifications(page: { pageSize: 200 }) { items { title body activityId } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const REMOVE = `mutation($e: ID!) { removeRosterEntry(entryId: $e) { id state } }`;
const SET_RELATIVES = `mutation($g: ID!, $r: [RelativeInput!]!, $s: String) { setGuardRelatives(guardId: $g, relatives: $r, statement: $s) { id } }`;
const LEAVES = `mutation($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status } }`;
const CREATE_GUARD = `mutation($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What tells two guards apart by who they are, not by how they fared. */
const IDENTITY = ['id', 'entryId', 'guardId', 'guardName', 'idNumber', 'decidedAt'];
const shape = (row: Row) => Object.fromEntries(Object.entries(row).filter(([k]) => !IDENTITY.includes(k)));
const DAY = 86400_000;
/** YYYY-MM-DD in China time. */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('a 不通过 is not laundered by removing, re-declaring or moving the guard (review 11-A F1)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let company2: TestClient;
  let organizer: TestClient;
  let office: TestClient;
  let companyId: string;
  let company2Id: string;
  let organizerUnit: string;
  let windowDays: number;
  let keptDays: number;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    company2Id = await ensureCompany(t, await unitOf(t, 'company2'));
    organizerUnit = await unitOf(t, 'organizer1');
    [baoan, company, company2, organizer, office] = await Promise.all(['baoan', 'company1', 'company2', 'organizer1', 'office'].map((u) => t.login(u)));
    const settings = await t.services.settings.all(t.ds.manager);
    windowDays = settings['vetting.reuseWindowDays'];
    keptDays = settings['privacy.retentionDays'];
  });
  afterAll(() => t?.close());

  let seq = 0;
  /** Each activity a day apart, weeks ahead of the (app) clock; never closed by the decisions below (5 required). */
  const newActivity = (selected = companyId, from = t.clock.now().getTime()) =>
    makeActivity(t, { selectedCompanyId: selected, organizerUnitId: organizerUnit, guardsRequired: 5, name: `复核测试活动${++seq}`, startsAt: new Date(from + (30 + seq) * DAY).toISOString() });
  const submitAs = async (client: TestClient, activityId: string, guardIds: string[]) =>
    expectData(await client.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster;
  const entryOf = (answer: Row, guardId: string): Row => answer.entries.find((e: Row) => e.guardId === guardId);
  const sdEntry = async (id: string): Promise<Row> => expectData(await baoan.gql(ENTRY_SD, { id })).rosterEntry;
  const version = async (id: string) => (await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [id]))[0].version;
  const failForFather = async (entryId: string) =>
    expectData(await baoan.gql(DECIDE, {
      input: { entryIds: [entryId], decision: 'FAILED', reasonCategory: 'RELATIVE_RECORD', note: '父亲有故意犯罪记录，不宜上岗', expectedVersions: [await version(entryId)] },
    }));

  /** A guard whose father has a record (a relative's record: the officer reviews it), and his mother. */
  const guardWithFather = async (name: string, registerId = companyId) => {
    const father = { relation: 'FATHER' as const, name: `${name}父`, idNumber: idFor('1960-01-01') };
    const mother = { relation: 'MOTHER' as const, name: `${name}母`, idNumber: idFor('1962-02-02', true) };
    const g = await makeGuard(t, registerId, { name, relatives: [father, mother], relativesStatement: null });
    await addRecord(t, father.idNumber, 'INTENTIONAL_CRIME', { name: father.name });
    return { ...g, father, mother };
  };
  const relativeSuggestion = '此人于';

  it('same activity: failed for his father, removed, declared again without him and put back — not suggested PASSED, 一键通过 leaves him, no later pass is reused', async () => {
    const activityId = await newActivity();
    const g = await guardWithFather('甲洗白');
    const clean = await makeGuard(t, companyId, { name: '乙清白' });
    const first = await submitAs(company, activityId, [g.id]);
    const failedEntry = entryOf(first, g.id);
    expect(await sdEntry(failedEntry.id)).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'RELATIVE_RECORD' });
    await failForFather(failedEntry.id);
    const failedOn = chinaDate(t.clock.now());

    // The company takes him off, declares his relatives again without the father, and puts him back.
    expectData(await company.gql(REMOVE, { e: failedEntry.id }));
    expectData(await company.gql(SET_RELATIVES, { g: g.id, r: [{ relation: 'MOTHER', name: g.mother.name, idNumber: g.mother.idNumber }], s: '父亲已故' }));
    const again = await submitAs(company, activityId, [g.id, clean.id]);
    const laundered = entryOf(again, g.id);
    const cleanEntry = entryOf(again, clean.id);

    const officer = await sdEntry(laundered.id);
    expect(officer).toMatchObject({ decision: 'PENDING', suggestion: 'PENDING', suggestionCategory: 'OTHER', hitCount: 0, reused: false });
    expect(officer.suggestionReason).toBe(`请审核：未登记父亲，申报说明：父亲已故；此人于${failedOn}审核不通过（直系亲属违法犯罪记录），请复核；申报的直系亲属与当时不同`);
    expect(await sdEntry(cleanEntry.id)).toMatchObject({ suggestion: 'PASSED', suggestionReason: '本人及直系亲属未比中记录，资格预审通过' });

    // 一键通过 passes the clean guard only.
    expect(await passAllSeen(baoan, activityId)).toBe(1);
    const [row] = await t.sql(`SELECT decision, decided_by FROM roster_entries WHERE id = $1`, [laundered.id]);
    expect(row).toEqual({ decision: 'PENDING', decided_by: null });

    // The officer sees the earlier 不通过 on the entry: the removed entry of this activity, with its note.
    expect(officer.priorDecisions).toEqual([
      expect.objectContaining({
        entryId: failedEntry.id, activityId, activityName: `复核测试活动${seq}`, companyName: failedEntry.companyName, decision: 'FAILED',
        reasonCategory: 'RELATIVE_RECORD', note: '父亲有故意犯罪记录，不宜上岗', reused: false, removed: true,
      }),
    ]);

    // Passed by the officer, knowingly: still no reuse of that pass elsewhere within the window of the 不通过.
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [laundered.id], decision: 'PASSED', note: '复核：父亲确已故', expectedVersions: [await version(laundered.id)] } }));
    const elsewhere = await newActivity();
    const next = entryOf(await submitAs(company, elsewhere, [g.id]), g.id);
    expect(next).toMatchObject({ decision: 'PENDING', reused: false });
    const nextOfficer = await sdEntry(next.id);
    // The identity checked then (at the 不通过) differs from now: the relatives were declared again.
    expect(nextOfficer.suggestionReason).toBe(`请审核：未登记父亲，申报说明：父亲已故；此人于${failedOn}审核不通过（直系亲属违法犯罪记录），请复核；申报的直系亲属与当时不同`);
    expect(nextOfficer.priorDecisions.map((d: Row) => d.decision)).toEqual(['PASSED', 'FAILED']);
    expect(await passAllSeen(baoan, elsewhere)).toBe(0);
  });

  it('another register: the guard leaves, another company registers the same ID number without the father — the same review, not 一键通过', async () => {
    const first = await newActivity();
    const g = await guardWithFather('丙换司');
    const failedEntry = entryOf(await submitAs(company, first, [g.id]), g.id);
    await failForFather(failedEntry.id);
    const failedOn = chinaDate(t.clock.now());
    expectData(await company.gql(REMOVE, { e: failedEntry.id }));
    expectData(await company.gql(LEAVES, { id: g.id, date: chinaDate(t.clock.now()) }));

    // company2 registers him with his own ID number, his mother only and a statement.
    const moved = expectData(await company2.gql(CREATE_GUARD, {
      input: {
        name: g.name, idNumber: g.idNumber, education: 'SENIOR_MIDDLE', certificateNo: `辽换${g.idNumber.slice(-6)}`, certificateIssuedOn: '2020-03-01',
        relatives: [{ relation: 'MOTHER', name: g.mother.name, idNumber: g.mother.idNumber }], relativesStatement: '父亲已故',
      },
    })).createGuard;
    const second = await newActivity(company2Id);
    const entry = entryOf(await submitAs(company2, second, [moved.id]), moved.id);
    expect(entry).toMatchObject({ decision: 'PENDING', reused: false });
    const officer = await sdEntry(entry.id);
    expect(officer).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'OTHER', hitCount: 0 });
    expect(officer.suggestionReason).toBe(`请审核：未登记父亲，申报说明：父亲已故；此人于${failedOn}审核不通过（直系亲属违法犯罪记录），请复核；申报的直系亲属与当时不同`);
    expect(officer.priorDecisions).toEqual([expect.objectContaining({ entryId: failedEntry.id, activityId: first, decision: 'FAILED', companyName: failedEntry.companyName })]);
    expect(officer.priorDecisions[0].companyName).not.toBe(entry.companyName);
    expect(await passAllSeen(baoan, second)).toBe(0);
    expect((await t.sql(`SELECT decision FROM roster_entries WHERE id = $1`, [entry.id]))[0].decision).toBe('PENDING');
  });

  it('the same identity as at the 不通过 (nothing changed): the review is asked without the remark on relatives; a finding now comes first', async () => {
    const first = await newActivity();
    const g = await guardWithFather('丁原样');
    const failedEntry = entryOf(await submitAs(company, first, [g.id]), g.id);
    await failForFather(failedEntry.id);
    expectData(await company.gql(REMOVE, { e: failedEntry.id }));
    const second = await newActivity();
    const entry = entryOf(await submitAs(company, second, [g.id]), g.id);
    const officer = await sdEntry(entry.id);
    expect(officer).toMatchObject({ suggestion: 'PENDING', suggestionCategory: 'RELATIVE_RECORD', hitCount: 1 });
    expect(officer.suggestionReason).toMatch(/^请审核：父亲有故意犯罪\S*记录；此人于\d{4}-\d{2}-\d{2}审核不通过（直系亲属违法犯罪记录），请复核$/);
  });

  it('一键通过 skips an entry checked clean before a 不通过 on another roster of the same person', async () => {
    const waiting = await newActivity();
    const other = await newActivity();
    const g = await makeGuard(t, companyId, { name: '壬两单' });
    const clean = entryOf(await submitAs(company, waiting, [g.id]), g.id);
    expect(await sdEntry(clean.id)).toMatchObject({ suggestion: 'PASSED', hitCount: 0 });
    const there = entryOf(await submitAs(company, other, [g.id]), g.id);
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [there.id], decision: 'FAILED', reasonCategory: 'OTHER', note: '考察发现不宜上岗', expectedVersions: [await version(there.id)] } }));

    expect(await passAllSeen(baoan, waiting)).toBe(0);
    expect((await t.sql(`SELECT decision FROM roster_entries WHERE id = $1`, [clean.id]))[0].decision).toBe('PENDING');
    // The officer sees why on the entry, and decides.
    expect((await sdEntry(clean.id)).priorDecisions).toEqual([expect.objectContaining({ entryId: there.id, decision: 'FAILED', reasonCategory: 'OTHER', removed: false })]);
    // A pass on the stale check is refused (批量通过 too), naming the guard; after 重新比对 the suggestion says why, and the officer decides (code review 11 C1).
    const stale = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [clean.id], decision: 'PASSED', expectedVersions: [await version(clean.id)] } }), 'BAD_USER_INPUT');
    expect(stale.extensions!.fields).toEqual([expect.objectContaining({ message: '壬两单在比对后另有审核不通过结论（其他名单），请先重新比对后再审核' })]);
    expect((await t.sql(`SELECT decision FROM roster_entries WHERE id = $1`, [clean.id]))[0].decision).toBe('PENDING');
    expectData(await baoan.gql(`mutation ($id: ID!) { recheckVetting(activityId: $id) }`, { id: waiting }));
    expect((await sdEntry(clean.id)).suggestionReason).toContain('审核不通过（其他原因），请复核');
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [clean.id], decision: 'PASSED', note: '复核：原不通过系误判', expectedVersions: [await version(clean.id)] } }));
  });

  it('only 保安管理支队 reads the earlier decisions; the company’s view of the entry is that of any entry waiting for review', async () => {
    const activityId = await newActivity();
    const g = await guardWithFather('戊隐私');
    const failedEntry = entryOf(await submitAs(company, activityId, [g.id]), g.id);
    await failForFather(failedEntry.id);
    expectData(await company.gql(REMOVE, { e: failedEntry.id }));
    expectData(await company.gql(SET_RELATIVES, { g: g.id, r: [{ relation: 'MOTHER', name: g.mother.name, idNumber: g.mother.idNumber }], s: '父亲已故' }));
    const noticesBefore = expectData(await company.gql(NOTIFICATIONS)).notifications.items.filter((n: Row) => n.activityId === activityId).length;

    // Put back with a clean guard who is simply waiting for review (nobody has decided yet).
    const clean = await makeGuard(t, companyId, { name: '己等待' });
    const answer = await submitAs(company, activityId, [g.id, clean.id]);
    const [a, b] = [g, clean].map((x) => entryOf(answer, x.id));
    expect(a).toMatchObject({ decision: 'PENDING', reasonCategory: null, reused: false });
    expect(shape(a)).toEqual(shape(b));
    const listed: Row[] = expectData(await company.gql(ENTRIES, { id: activityId })).rosterEntries.items;
    const [la, lb] = [g, clean].map((x) => listed.find((e) => e.guardId === x.id)!);
    expect(shape(la)).toEqual(shape(lb));
    expect(shape(expectData(await company.gql(ENTRY, { id: a.id })).rosterEntry)).toEqual(shape(expectData(await company.gql(ENTRY, { id: b.id })).rosterEntry));
    const summary = expectData(await company.gql(SUMMARY, { id: activityId })).vettingSummary;
    const [sa, sb] = [g, clean].map((x) => summary.entries.find((e: Row) => e.guardName === x.name && !e.removed));
    expect(shape(sa)).toEqual(shape(sb));
    const notices = expectData(await company.gql(NOTIFICATIONS)).notifications.items.filter((n: Row) => n.activityId === activityId);
    expect(notices).toHaveLength(noticesBefore);

    // The detachment reads them (audited); everyone else is refused as for the other detail fields.
    const audits = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ_DETAIL' AND entity_id = $1`, [a.id]))[0].n;
    const before = await audits();
    expect(expectData(await baoan.gql(PRIOR, { id: a.id })).rosterEntry.priorDecisions).toEqual([{ decision: 'FAILED', activityName: `复核测试活动${seq}` }]);
    expect(await audits()).toBeGreaterThan(before);
    for (const client of [company, organizer, office]) {
      // The same answer as for the entry's record hits (FORBIDDEN, or NOT_FOUND where the entry itself is not theirs).
      const hitsCode = (await client.gql(HITS, { id: a.id })).errors?.[0]?.extensions?.code;
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(hitsCode);
      const refused = await client.gql(PRIOR, { id: a.id });
      expectErrorCode(refused, hitsCode!);
      expect(refused.data?.rosterEntry ?? null).toBeNull();
      expect(JSON.stringify(refused)).not.toContain('复核测试活动');
      expect(JSON.stringify(refused)).not.toContain('FAILED');
    }
  });

  describe('how far back, on the app clock', () => {
    afterEach(() => t.clock.reset());

    it('past the reuse window the review is still asked (the window may be set to 0: code review 11 C2); past the retention period the usual suggestion, 一键通过 passes', async () => {
      const first = await newActivity();
      const g = await guardWithFather('庚过期');
      const h = await guardWithFather('辛未过');
      const answer = await submitAs(company, first, [g.id, h.id]);
      for (const x of [g, h]) {
        const e = entryOf(answer, x.id);
        await failForFather(e.id);
        expectData(await company.gql(REMOVE, { e: e.id }));
        expectData(await company.gql(SET_RELATIVES, { g: x.id, r: [{ relation: 'MOTHER', name: x.mother.name, idNumber: x.mother.idNumber }], s: '父亲已故' }));
      }
      const decidedAt = t.clock.now().getTime();

      expect(keptDays).toBeGreaterThan(windowDays + 1);
      const inside = new Date(decidedAt + (windowDays + 1) * DAY);
      t.clock.set(inside);
      const late = await newActivity(companyId, inside.getTime());
      const he = entryOf(await submitAs(company, late, [h.id]), h.id);
      expect((await sdEntry(he.id)).suggestionReason).toContain('审核不通过（直系亲属违法犯罪记录），请复核');

      const beyond = new Date(decidedAt + (keptDays + 1) * DAY);
      t.clock.set(beyond);
      const later = await newActivity(companyId, beyond.getTime());
      const ge = entryOf(await submitAs(company, later, [g.id]), g.id);
      const officer = await sdEntry(ge.id);
      // The statement standing in for the father is still the officer's to weigh (red-team F1); the earlier 不通过 is not named.
      expect(officer).toMatchObject({ suggestion: 'PENDING', suggestionReason: '请审核：未登记父亲，申报说明：父亲已故', hitCount: 0 });
      expect(officer.suggestionReason).not.toContain(relativeSuggestion);
      // The history is still shown to the officer.
      expect(officer.priorDecisions.map((d: Row) => d.decision)).toEqual(['FAILED']);
      expect(await passAllSeen(baoan, later)).toBe(0);
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [ge.id], decision: 'PASSED', note: '父亲已故，经核实', expectedVersions: [await version(ge.id)] } }));
    });
  });
});
