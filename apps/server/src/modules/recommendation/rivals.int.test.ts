import ExcelJS from 'exceljs';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { approvedActivity, createCompany, quoteAllCandidates, unitIdOf } from '../../../test/activity-fixtures';
import { CANDIDATES_WITHHELD } from './recommendation.policy';

/**
 * A company sees none of its rivals (SPEC §1; `seesCandidates`): not in the candidate list, and not
 * through any copy of the recommendation step — the transition's comment, the 台账 entry, the 台账
 * export, the shortfall note and its warning, the notifications. Written from the side of the chosen
 * company; the organizer reading the same activity shows the names are there to leak.
 */
const ACTIVITY = /* GraphQL */ `
  query ($id: ID!) {
    activity(id: $id) {
      id status recommendationShortfall recommendationJustification
      warnings { code message }
      candidates { companyId }
      transitions { toStatus comment }
    }
  }
`;
const TIMELINE = /* GraphQL */ `query ($id: ID!) { activityTimeline(activityId: $id) { entries { kind title detail } } }`;
const NOTIFICATIONS = /* GraphQL */ `{ notifications(page: { pageSize: 100 }) { items { title body } } }`;
const MY_ACTIVITIES = /* GraphQL */ `{ activities(page: { pageSize: 200 }) { items { id } } }`;
const RECOMMEND = /* GraphQL */ `
  mutation ($id: ID!, $ids: [ID!]!, $j: String) { recommendCandidates(activityId: $id, companyIds: $ids, justification: $j) { id } }
`;
const SELECT = /* GraphQL */ `
  mutation ($id: ID!, $c: ID!) { selectCompany(activityId: $id, companyId: $c, reason: "人员充足、报价合理") { id status } }
`;

/** A score as the 台账 writes it, e.g. "（72.40分）". */
const SCORE = /（\d+(?:\.\d+)?分）/;

describe('a company never sees its rival candidates or their scores', () => {
  let t: TestApp;
  let baoan: TestClient;
  let organizer1: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    organizer1 = await t.login('organizer1');
  });
  afterAll(() => t?.close());

  /** Every text the company reads of the activity: the activity with its transitions, the 台账, its Excel export, its notifications. */
  async function whatTheCompanyReads(client: TestClient, id: string): Promise<string> {
    const activity = expectData(await client.gql(ACTIVITY, { id })).activity;
    const timeline = expectData(await client.gql(TIMELINE, { id })).activityTimeline;
    const res = await fetch(`${t.url}/exports/timeline/${id}.xlsx`, { headers: { cookie: `evs_session=${client.cookie('evs_session')}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))));
    const notifications = expectData(await client.gql(NOTIFICATIONS)).notifications.items;
    return JSON.stringify({ activity, timeline, cells, notifications });
  }

  it('the chosen company reads that candidates were recommended, never who else stood or any score (transition, 台账, export, notifications)', async () => {
    const mine = await createCompany(t, { name: '中选甲保安服务有限公司', guards: [{ count: 30, age: 30 }], username: 'rival_mine' });
    const rivalA = await createCompany(t, { name: '对手乙保安服务有限公司', guards: [{ count: 30, age: 32 }] });
    const rivalB = await createCompany(t, { name: '对手丙保安服务有限公司', guards: [{ count: 30, age: 34 }] });
    const id = await approvedActivity(t);
    expectData(await baoan.gql(RECOMMEND, { id, ids: [rivalA, mine, rivalB] }));
    await quoteAllCandidates(t, organizer1, id);
    expectData(await organizer1.gql(SELECT, { id, c: mine }));

    // The organizer compares them by name and score: the names are in the record.
    const organizerSees = expectData(await organizer1.gql(TIMELINE, { id })).activityTimeline.entries;
    expect(organizerSees.find((e: { kind: string }) => e.kind === 'CANDIDATES').detail).toMatch(/对手乙保安服务有限公司（[\d.]+分）/);

    const company = await t.login('rival_mine');
    const text = await whatTheCompanyReads(company, id);
    expect(text).not.toContain('对手乙');
    expect(text).not.toContain('对手丙');
    expect(text).not.toMatch(SCORE);
    // What it does read: the step happened, when and by whom.
    const activity = expectData(await company.gql(ACTIVITY, { id })).activity;
    expect(activity.candidates).toEqual([]);
    expect(activity.transitions.find((x: { toStatus: string }) => x.toStatus === 'CANDIDATES_RECOMMENDED').comment).toBe(CANDIDATES_WITHHELD);
    const entries = expectData(await company.gql(TIMELINE, { id })).activityTimeline.entries;
    expect(entries.find((e: { kind: string }) => e.kind === 'CANDIDATES')).toEqual({ kind: 'CANDIDATES', title: '推荐候选公司', detail: CANDIDATES_WITHHELD });
  });

  it('fewer than 3 recommended: the written note and its warning name every qualified company, so the chosen company reads neither', async () => {
    const mine = await createCompany(t, { name: '中选大型保安服务有限公司', guards: [{ count: 260, age: 30 }], username: 'rival_big' });
    await createCompany(t, { name: '对手大型保安服务有限公司', guards: [{ count: 260, age: 31 }] });
    const id = await approvedActivity(t, { guardsRequired: 200, expectedAttendance: 20000 });
    const qualified: string[] = expectData(
      await baoan.gql(`query ($id: ID!) { candidateSuggestions(activityId: $id, qualifiedOnly: true) { items { companyId } } }`, { id }),
    ).candidateSuggestions.items.map((i: { companyId: string }) => i.companyId);
    expectData(await baoan.gql(RECOMMEND, { id, ids: qualified, j: '活动规模大，符合条件的公司不足3家' }));
    await quoteAllCandidates(t, organizer1, id);
    expectData(await organizer1.gql(SELECT, { id, c: mine }));

    const organizerSees = expectData(await organizer1.gql(ACTIVITY, { id })).activity;
    expect(organizerSees.recommendationJustification).toContain('对手大型保安服务有限公司');
    expect(organizerSees.warnings.map((w: { code: string }) => w.code)).toContain('RECOMMENDATION_SHORTFALL');
    expect(organizerSees.recommendationShortfall).toBe(true);

    const company = await t.login('rival_big');
    const activity = expectData(await company.gql(ACTIVITY, { id })).activity;
    expect(activity.recommendationJustification).toBeNull();
    expect(activity.recommendationShortfall).toBe(false);
    expect(activity.warnings.map((w: { code: string }) => w.code)).not.toContain('RECOMMENDATION_SHORTFALL');
    const text = await whatTheCompanyReads(company, id);
    expect(text).not.toContain('对手大型');
    expect(text).not.toMatch(SCORE);
  });

  it("the demo company's own activities: no other candidate's name and no score anywhere it reads", async () => {
    const company1 = await t.login('company1');
    const ids: string[] = expectData(await company1.gql(MY_ACTIVITIES)).activities.items.map((a: { id: string }) => a.id);
    const rivals: string[] = (
      await t.sql(
        `SELECT DISTINCT co.name FROM activity_candidates c JOIN companies co ON co.id = c.company_id
          WHERE c.activity_id = ANY($1::uuid[]) AND c.company_id <> $2`,
        [ids, await unitIdOf(t, 'company1')],
      )
    ).map((r: { name: string }) => r.name);
    // The demo data recommends rivals on company1's activities (the leak was found there).
    expect(rivals.length).toBeGreaterThan(0);
    for (const id of ids) {
      const text = await whatTheCompanyReads(company1, id);
      for (const name of rivals) expect({ id, leaked: text.includes(name) }).toEqual({ id, leaked: false });
      expect(text).not.toMatch(SCORE);
    }
  });
  it('a suspension at the moment of selection: the selection is refused, or it stands and the organizer is told the company was suspended (review 6 B)', async () => {
    const SUSPEND = `mutation ($id: ID!) { setCompanyStatus(id: $id, status: SUSPENDED, reason: "停业整顿") { id status } }`;
    const outcomes: string[] = [];
    for (let round = 0; round < 4; round++) {
      const mine = await createCompany(t, { name: `停业竞态${round}号保安服务有限公司`, guards: [{ count: 30, age: 30 }] });
      const other = await createCompany(t, { name: `停业竞态对照${round}号保安服务有限公司`, guards: [{ count: 30, age: 31 }] });
      const third = await createCompany(t, { name: `停业竞态第三${round}号保安服务有限公司`, guards: [{ count: 30, age: 32 }] });
      const id = await approvedActivity(t);
      expectData(await baoan.gql(RECOMMEND, { id, ids: [mine, other, third] }));
      await quoteAllCandidates(t, organizer1, id);
      const [selected, suspended] = await Promise.all([organizer1.gql(SELECT, { id, c: mine }), baoan.gql(SUSPEND, { id: mine })]);
      expectData(suspended);
      const [{ status, selected_company_id: chosen }] = await t.sql(`SELECT status, selected_company_id FROM activities WHERE id = $1`, [id]);
      const told = (await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE activity_id = $1 AND title LIKE '中选公司状态变更%'`, [id]))[0].n;
      if (selected.errors) {
        expect(chosen).toBeNull();
        outcomes.push('refused');
      } else {
        expect({ status, chosen, told: told > 0 }).toEqual({ status: 'COMPANY_SELECTED', chosen: mine, told: true });
        outcomes.push('told');
      }
    }
    expect(outcomes).toHaveLength(4);
  });
  it('a selected company suspended before any roster: the organizer chooses another candidate, recorded and told; not while it is 正常, and not once a roster is in (review 7-B F2)', async () => {
    const SUSPEND = `mutation ($id: ID!, $s: CompanyStatus!) { setCompanyStatus(id: $id, status: $s, reason: "停业整顿") { id status } }`;
    const first = await createCompany(t, { name: '改选甲保安服务有限公司', guards: [{ count: 30, age: 30 }] });
    const second = await createCompany(t, { name: '改选乙保安服务有限公司', guards: [{ count: 30, age: 31 }] });
    const third = await createCompany(t, { name: '改选丙保安服务有限公司', guards: [{ count: 30, age: 32 }] });
    const id = await approvedActivity(t);
    expectData(await baoan.gql(RECOMMEND, { id, ids: [first, second, third] }));
    await quoteAllCandidates(t, organizer1, id);
    expectData(await organizer1.gql(SELECT, { id, c: first }));
    // while the chosen company is 正常: no second choice; the refusal says which was chosen (a stale tab, review 8-C F2)
    const [{ at }] = await t.sql(`SELECT to_char(selected_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS at FROM activities WHERE id = $1`, [id]);
    expect(expectErrorCode(await organizer1.gql(SELECT, { id, c: second }), 'CONFLICT').message).toBe(
      `本活动已于 ${at} 遴选改选甲保安服务有限公司，不能再选其他公司；请刷新页面查看`,
    );
    expect(expectErrorCode(await organizer1.gql(SELECT, { id, c: first }), 'CONFLICT').message).toContain('无需重复操作');

    const canSelect = async () => expectData(await organizer1.gql(`query ($id: ID!) { candidateComparison(activityId: $id) { canSelect } }`, { id })).candidateComparison.canSelect;
    expect(await canSelect()).toBe(false);
    expectData(await baoan.gql(SUSPEND, { id: first, s: 'SUSPENDED' }));
    expect(await canSelect()).toBe(true);
    expectData(await organizer1.gql(SELECT, { id, c: second }));
    expect(await canSelect()).toBe(false);
    const [row] = await t.sql(`SELECT status, selected_company_id FROM activities WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'COMPANY_SELECTED', selected_company_id: second });
    const [moved] = await t.sql(`SELECT from_status, to_status, comment FROM activity_transitions WHERE activity_id = $1 ORDER BY at DESC, id DESC LIMIT 1`, [id]);
    expect(moved).toEqual({ from_status: 'COMPANY_SELECTED', to_status: 'COMPANY_SELECTED', comment: '改选改选乙保安服务有限公司：原中选公司已被变更为“暂停”（停业整顿），不能继续承担；人员充足、报价合理' });
    // each company is told, naming no other company (a company sees none of its rivals)
    const toCompany = async (unit: string) =>
      (await t.sql(`SELECT title, body FROM notifications WHERE activity_id = $1 AND unit_id = $2 ORDER BY created_at DESC LIMIT 1`, [id, unit]))[0];
    const toSecond = await toCompany(second);
    expect(toSecond.body).toContain('改选本公司');
    expect(toSecond.body).not.toContain('改选甲');
    const toFirst = await toCompany(first);
    expect(toFirst.title).toMatch(/^不再承担/);
    expect(toFirst.body).not.toContain('改选乙');
    expect((await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE activity_id = $1 AND title LIKE '改选中选公司%'`, [id]))[0].n).toBeGreaterThan(0);
    // the suspended one cannot be chosen back; once a roster is in, no change of company this way
    expectErrorCode(await organizer1.gql(SELECT, { id, c: first }), 'CONFLICT');
    await t.sql(`UPDATE activities SET status = 'VETTING' WHERE id = $1`, [id]);
    expectData(await baoan.gql(SUSPEND, { id: second, s: 'SUSPENDED' }));
    expectErrorCode(await organizer1.gql(SELECT, { id, c: third }), 'CONFLICT');
    expect((await t.sql(`SELECT selected_company_id FROM activities WHERE id = $1`, [id]))[0].selected_company_id).toBe(second);
  });

  it('a selected licence that ends before the activity: the warning offers another choice, and the organizer makes it (台账, audit, version)', async () => {
    const first = await createCompany(t, { name: '续证甲保安服务有限公司', guards: [{ count: 30, age: 30 }] });
    const second = await createCompany(t, { name: '续证乙保安服务有限公司', guards: [{ count: 30, age: 31 }] });
    const third = await createCompany(t, { name: '续证丙保安服务有限公司', guards: [{ count: 30, age: 32 }] });
    const id = await approvedActivity(t);
    expectData(await baoan.gql(RECOMMEND, { id, ids: [first, second, third] }));
    await quoteAllCandidates(t, organizer1, id);
    expectData(await organizer1.gql(SELECT, { id, c: first }));
    const [{ d, end, version }] = await t.sql(
      `SELECT to_char((ends_at AT TIME ZONE 'Asia/Shanghai')::date - 1, 'YYYY-MM-DD') AS d,
              to_char((ends_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS end, version FROM activities WHERE id = $1`,
      [id],
    );
    await t.sql(`UPDATE companies SET license_expiry = $2 WHERE id = $1`, [first, d]);
    const warning = expectData(await organizer1.gql(ACTIVITY, { id })).activity.warnings.find((w: { code: string }) => w.code === 'LICENSE_EXPIRES');
    expect(warning.message).toBe(
      `中选公司“续证甲保安服务有限公司”的保安服务许可证 ${d} 到期，早于活动结束日 ${end}，不能继续上报名单、替换人员或开始现场监管；名单报送前，主办单位可在候选公司比较中改选其他候选公司`,
    );
    const auditBefore = (await t.sql(`SELECT coalesce(max(id), 0)::bigint AS id FROM audit_log`))[0].id;
    expectData(await organizer1.gql(SELECT, { id, c: second }));
    const [row] = await t.sql(`SELECT selected_company_id, version FROM activities WHERE id = $1`, [id]);
    expect(row).toEqual({ selected_company_id: second, version: version + 1 });
    const [moved] = await t.sql(`SELECT from_status, to_status, comment FROM activity_transitions WHERE activity_id = $1 ORDER BY at DESC, id DESC LIMIT 1`, [id]);
    expect(moved.comment).toContain(`原中选公司的保安服务许可证 ${d} 到期`);
    expect(moved.comment).not.toContain('续证甲');
    const audited = await t.sql(`SELECT action, summary FROM audit_log WHERE id > $1 AND entity_id = $2`, [auditBefore, id]);
    expect(audited).toEqual([{ action: 'UPDATE', summary: expect.stringContaining('原中选公司“续证甲保安服务有限公司”的保安服务许可证') }]);
  });
});
