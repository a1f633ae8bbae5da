import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { addRecord, ensureCompany, makeActivity, makeGuard, passAllSeen, unitOf } from '../../../test/vetting-fixtures';

/**
 * Code review 11 C1: a 不通过 reaches the same person's other open rosters in the transaction that makes
 * it (open-roster-effects `applyFailureToOpenRosters`), whichever path makes it: an officer's decision, a
 * pass withdrawn after the close, the system's on a reuse the person's own records bar.
 * - An undecided entry checked clean no longer reads "资格预审通过": its suggestion is the review a check
 *   now gives, and neither 一键通过 nor a 批量通过 (on a stale copy, or a fresh one) passes it.
 * - A pass (reused or not) stands, and 保安管理支队 is asked to review it, as for a record arriving after a
 *   pass: one notice per activity, with a count.
 * - The company and the organizer learn nothing of it: their views are those of any entry waiting for
 *   review (or of a pass), and they get no notice.
 */

// Every field of RosterEntry the company may read (the rest are the detachment's).
const COMPANY_FIELDS = `id activityId guardId guardName idNumber companyId companyName post state precheckProblems { code message }
  checked decision reasonCategory decidedAt reused replacesEntryId version`;
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { activityStatus entries { ${COMPANY_FIELDS} } } }`;
const ENTRIES = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { total items { ${COMPANY_FIELDS} } } }`;
const ENTRY_SD = `query($id: ID!) { rosterEntry(id: $id) { id decision suggestion suggestionCategory suggestionReason reused version } }`;
const SUMMARY = `query($id: ID!) { vettingSummary(activityId: $id) { tier counts { total passed failed pending unchecked removed }
  reasonCounts { reasonCategory count } entries { entryId guardName idNumber companyName post decision reasonCategory removed replaced reused } } }`;
const NOTIFICATIONS = `query { notifications(page: { pageSize: 200 }) { items { title body activityId } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { activityStatus decided } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What tells two guards apart by who they are, not by how they fared; and `version`, which every change of
 * an entry bumps (a check, a post, the detachment's suggestion), so that a stale copy is refused.
 */
const IDENTITY = ['id', 'entryId', 'guardId', 'guardName', 'idNumber', 'decidedAt', 'version'];
const shape = (row: Row) => Object.fromEntries(Object.entries(row).filter(([k]) => !IDENTITY.includes(k)));
const DAY = 86400_000;
/** YYYY-MM-DD in China time. */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const REVIEW_TITLE = '已通过人员另有审核不通过结论，请复核：';

describe('a 不通过 reaches the same person’s other open rosters at once (code review 11 C1)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let organizer: TestClient;
  let companyId: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    organizerUnit = await unitOf(t, 'organizer1');
    [baoan, company, organizer] = await Promise.all([t.login('baoan'), t.login('company1'), t.login('organizer1')]);
  });
  afterAll(() => t?.close());

  let seq = 0;
  /** Each activity a day apart, weeks ahead; 5 guards required, so the decisions below never close vetting unless asked. */
  const newActivity = (guardsRequired = 5) => {
    const name = `他处不通过测试${++seq}`;
    return makeActivity(t, { selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired, name, startsAt: new Date(t.clock.now().getTime() + (30 + seq) * DAY).toISOString() })
      .then((id) => ({ id, name }));
  };
  const submit = async (activityId: string, guardIds: string[]): Promise<Row[]> => expectData(await company.gql(SUBMIT, { input: { activityId, guardIds } })).submitRoster.entries;
  const entryOf = (entries: Row[], guardId: string): Row => entries.find((e) => e.guardId === guardId)!;
  const sdEntry = async (id: string): Promise<Row> => expectData(await baoan.gql(ENTRY_SD, { id })).rosterEntry;
  const version = async (id: string): Promise<number> => (await t.sql(`SELECT version FROM roster_entries WHERE id = $1`, [id]))[0].version;
  const decision = async (id: string): Promise<string> => (await t.sql(`SELECT decision FROM roster_entries WHERE id = $1`, [id]))[0].decision;
  const decide = async (entryIds: string[], d: 'PASSED' | 'FAILED', extra: Row = {}) =>
    baoan.gql(DECIDE, { input: { entryIds, decision: d, expectedVersions: await Promise.all(entryIds.map(version)), ...extra } });
  const failOther = async (entryId: string) => expectData(await decide([entryId], 'FAILED', { reasonCategory: 'OTHER', note: '考察发现不宜上岗' }));
  const noticesOf = async (client: TestClient, activityId: string): Promise<Row[]> =>
    expectData(await client.gql(NOTIFICATIONS)).notifications.items.filter((n: Row) => n.activityId === activityId);
  /** What the company and the organizer can see of an activity's vetting, and the notices they got about it. */
  const outsideView = async (activityId: string) => ({
    companyEntries: (expectData(await company.gql(ENTRIES, { id: activityId })).rosterEntries.items as Row[]).map((e) => ({ guardId: e.guardId, ...shape(e) })),
    companySummary: expectData(await company.gql(SUMMARY, { id: activityId })).vettingSummary,
    organizerSummary: expectData(await organizer.gql(SUMMARY, { id: activityId })).vettingSummary,
    companyNotices: await noticesOf(company, activityId),
    organizerNotices: await noticesOf(organizer, activityId),
  });

  it('(a) X undecided, checked clean; 不通过 on Y: X no longer suggests 通过, 批量通过 and 一键通过 leave him, the company sees any entry waiting for review', async () => {
    const x = await newActivity();
    const y = await newActivity();
    const jia = await makeGuard(t, companyId, { name: '甲两地' });
    const yi = await makeGuard(t, companyId, { name: '乙等待' });
    const onX = await submit(x.id, [jia.id, yi.id]);
    const [jiaX, yiX] = [entryOf(onX, jia.id), entryOf(onX, yi.id)];
    const jiaY = entryOf(await submit(y.id, [jia.id]), jia.id);
    for (const e of [jiaX, yiX, jiaY]) expect(await sdEntry(e.id)).toMatchObject({ decision: 'PENDING', suggestion: 'PASSED', suggestionReason: '本人及直系亲属未比中记录，资格预审通过' });
    // The officer on X has the rows as they are now (the versions a 批量通过 sends back).
    const readBefore = await Promise.all([jiaX.id, yiX.id].map(version));
    const outsideBefore = await outsideView(x.id);

    await failOther(jiaY.id);
    const failedOn = chinaDate(t.clock.now());

    // The workbench on X: the review a check would now ask, not "资格预审通过"; 乙 is untouched.
    expect(await sdEntry(jiaX.id)).toMatchObject({
      decision: 'PENDING', suggestion: 'PENDING', suggestionCategory: 'OTHER', suggestionReason: `此人于${failedOn}审核不通过（其他原因），请复核`,
    });
    expect(await sdEntry(yiX.id)).toMatchObject({ suggestion: 'PASSED', suggestionReason: '本人及直系亲属未比中记录，资格预审通过' });

    // 批量通过 of the rows ticked before the 不通过: the copy is stale, nothing is passed.
    const stale = expectErrorCode(
      await baoan.gql(DECIDE, { input: { entryIds: [jiaX.id, yiX.id], decision: 'PASSED', expectedVersions: readBefore } }),
      'CONFLICT',
    );
    expect(stale.message).toContain('甲两地');
    // On a fresh copy: refused, naming 甲, until his entry is checked again; nothing is passed.
    const refused = expectErrorCode(await decide([jiaX.id, yiX.id], 'PASSED'), 'BAD_USER_INPUT');
    expect(refused.extensions!.fields).toEqual([expect.objectContaining({ field: 'entryIds.0', message: expect.stringContaining('甲两地') })]);
    expect([await decision(jiaX.id), await decision(yiX.id)]).toEqual(['PENDING', 'PENDING']);

    // The company and the organizer: the same as before the 不通过 (an entry waiting for review, no notice),
    // and 甲's entry on X reads as 乙's, who is simply waiting.
    const outsideAfter = await outsideView(x.id);
    expect(outsideAfter).toEqual(outsideBefore);
    const listed = outsideAfter.companyEntries;
    expect(shape(listed.find((e) => e.guardId === jia.id)!)).toEqual(shape(listed.find((e) => e.guardId === yi.id)!));
    // No review is asked on X: nobody passed him there.
    expect((await noticesOf(baoan, x.id)).filter((n) => n.title.startsWith(REVIEW_TITLE))).toEqual([]);

    // 一键通过 passes 乙 only.
    expect(await passAllSeen(baoan, x.id)).toBe(1);
    expect([await decision(jiaX.id), await decision(yiX.id)]).toEqual(['PENDING', 'PASSED']);
  });

  it('(b) X already passed (by an officer, or reused); 不通过 on Y: the pass stands and 保安管理支队 is asked to review it, once per activity; outside, nothing changes', async () => {
    const x = await newActivity();
    const y = await newActivity();
    const bing = await makeGuard(t, companyId, { name: '丙已过' });
    const jiaX = entryOf(await submit(x.id, [bing.id]), bing.id);
    const jiaY = entryOf(await submit(y.id, [bing.id]), bing.id);
    expectData(await decide([jiaX.id], 'PASSED'));

    // 丁: passed on P, the pass reused on Q and on R; R's reused pass is then failed by the officer.
    const [p, q, r] = [await newActivity(), await newActivity(), await newActivity()];
    const ding = await makeGuard(t, companyId, { name: '丁沿用' });
    const dingP = entryOf(await submit(p.id, [ding.id]), ding.id);
    expectData(await decide([dingP.id], 'PASSED'));
    const dingQ = entryOf(await submit(q.id, [ding.id]), ding.id);
    const dingR = entryOf(await submit(r.id, [ding.id]), ding.id);
    expect([dingQ, dingR]).toEqual([expect.objectContaining({ decision: 'PASSED', reused: true }), expect.objectContaining({ decision: 'PASSED', reused: true })]);

    const before = await Promise.all([x, p, q].map((a) => outsideView(a.id)));
    const versions = await Promise.all([jiaX.id, dingP.id, dingQ.id].map(version));
    await failOther(jiaY.id);
    await failOther(dingR.id);

    // As for a record arriving after a pass: the decision stands (reused or not), unchanged.
    expect(await sdEntry(jiaX.id)).toMatchObject({ decision: 'PASSED', reused: false });
    expect(await sdEntry(dingQ.id)).toMatchObject({ decision: 'PASSED', reused: true });
    expect(await Promise.all([jiaX.id, dingP.id, dingQ.id].map(version))).toEqual(versions);
    // 保安管理支队 is asked to review each: one notice per activity, a count, no name.
    for (const a of [x, p, q]) {
      const asked = (await noticesOf(baoan, a.id)).filter((n) => n.title.startsWith(REVIEW_TITLE));
      expect(asked).toEqual([{ title: `${REVIEW_TITLE}${a.name}`, body: `“${a.name}”名单中1名已审核通过的人员在其他活动的名单中被审核不通过，请复核。`, activityId: a.id }]);
      expect(JSON.stringify(asked)).not.toMatch(/丙已过|丁沿用/);
    }
    // Not on the activities of the 不通过 themselves.
    for (const a of [y, r]) expect((await noticesOf(baoan, a.id)).filter((n) => n.title.startsWith(REVIEW_TITLE))).toEqual([]);
    // The company and the organizer see the same passes, and get no notice.
    expect(await Promise.all([x, p, q].map((a) => outsideView(a.id)))).toEqual(before);
  });

  it('(c) a pass withdrawn after the close reaches another roster where the person waits', async () => {
    const x = await newActivity(1);
    const y = await newActivity();
    const wu = await makeGuard(t, companyId, { name: '戊撤销' });
    const wuX = entryOf(await submit(x.id, [wu.id]), wu.id);
    const wuY = entryOf(await submit(y.id, [wu.id]), wu.id);
    expect(expectData(await decide([wuX.id], 'PASSED')).decideVetting.activityStatus).toBe('TRAINING');
    expect(await sdEntry(wuY.id)).toMatchObject({ suggestion: 'PASSED' });

    // withdrawPass: 保安管理支队 withdraws the pass on X (training).
    expectData(await decide([wuX.id], 'FAILED', { reasonCategory: 'OTHER', note: '复核后不宜上岗' }));
    expect(await sdEntry(wuY.id)).toMatchObject({
      decision: 'PENDING', suggestion: 'PENDING', suggestionCategory: 'OTHER', suggestionReason: `此人于${chinaDate(t.clock.now())}审核不通过（其他原因），请复核`,
    });
    expect(await passAllSeen(baoan, y.id)).toBe(0);
  });

  it('(d) the system’s 不通过 on a reuse barred by the person’s own record reaches the other rosters', async () => {
    const [p, q, z] = [await newActivity(), await newActivity(), await newActivity()];
    const ji = await makeGuard(t, companyId, { name: '己被拦' });
    const jiP = entryOf(await submit(p.id, [ji.id]), ji.id);
    const jiQ = entryOf(await submit(q.id, [ji.id]), ji.id);
    expectData(await decide([jiP.id], 'PASSED'));

    // His own record (an intentional crime), stored without an import's effects; then a roster would reuse his pass: barred.
    await addRecord(t, ji.idNumber, 'INTENTIONAL_CRIME', { name: ji.name });
    const jiZ = entryOf(await submit(z.id, [ji.id]), ji.id);
    expect(jiZ).toMatchObject({ decision: 'FAILED', reasonCategory: 'OWN_RECORD', reused: false });
    // Q, where he waits: the review of that 不通过.
    expect(await sdEntry(jiQ.id)).toMatchObject({
      decision: 'PENDING', suggestion: 'PENDING', suggestionCategory: 'OTHER', suggestionReason: `此人于${chinaDate(t.clock.now())}审核不通过（本人违法犯罪记录），请复核`,
    });
    // P, where he passed: the pass stands, to be reviewed.
    expect(await decision(jiP.id)).toBe('PASSED');
    expect((await noticesOf(baoan, p.id)).filter((n) => n.title.startsWith(REVIEW_TITLE))).toHaveLength(1);
  });
});
