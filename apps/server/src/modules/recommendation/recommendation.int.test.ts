import { createTestApp, expectData, expectErrorCode, TestApp, TestClient, UPDATE_SETTINGS } from '../../../test/harness';
import { ON_DUTY_CONDITION } from '../training/duty-roster';
import { YOUNG_AGE } from './scoring';
import { activityInput, CREATE_ACTIVITY, createCompany, dateFromNow, guardsOf, quoteAllCandidates, unitIdOf } from '../../../test/activity-fixtures';

const SUGGEST = /* GraphQL */ `
  query ($id: ID!) {
    candidateSuggestions(activityId: $id) {
      guardsNeeded qualifiedCount minAge maxAge reuseWindowDays
      weights { key label weight share rule }
      items {
        companyId companyName qualified rank score eligibleGuards guardsNeeded recommended
        guardsOnRegister youngShare averageAge findingsPer100 vettingFailureRate
        parts { key label weight raw measure normalized points }
        exclusions { code message }
      }
    }
  }
`;
const RECOMMEND = /* GraphQL */ `
  mutation ($id: ID!, $ids: [ID!]!, $j: String) {
    recommendCandidates(activityId: $id, companyIds: $ids, justification: $j) { id status recommendationShortfall warnings { code } }
  }
`;
const COMPARE = /* GraphQL */ `
  query ($id: ID!) {
    candidateComparison(activityId: $id) {
      canSelect
      weights { key weight share }
      candidates { companyId companyName rank score quote selected }
      rows { key label group higherIsBetter cells { companyId display value best } }
    }
  }
`;
const QUOTE = /* GraphQL */ `
  mutation ($id: ID!, $c: ID!, $amount: Float!, $note: String) { submitQuote(activityId: $id, companyId: $c, amount: $amount, note: $note) { companyId quote } }
`;
const SELECT = /* GraphQL */ `
  mutation ($id: ID!, $c: ID!, $reason: String!) { selectCompany(activityId: $id, companyId: $c, reason: $reason) { id status selectedCompanyId } }
`;
const GET = /* GraphQL */ `query ($id: ID!) { activity(id: $id) { id status selectedCompany { id name } candidates { companyId } } }`;
const LIST = /* GraphQL */ `query { activities(page: { pageSize: 500 }) { total items { id } } }`;
const REPORT = /* GraphQL */ `mutation ($id: ID!) { reportActivity(id: $id) { id } }`;
const APPROVE = /* GraphQL */ `mutation ($id: ID!) { approveActivity(id: $id, approved: true, note: "同意") { id status } }`;
const REQUEST = /* GraphQL */ `
  mutation ($id: ID!) { requestInstruction(id: $id, input: { scale: "中型", staffing: "按配比", proposedCandidates: 3 }) { id } }
`;

interface Suggestion {
  companyId: string;
  guardsOnRegister: number;
  youngShare: number;
  averageAge: number | null;
  findingsPer100: number | null;
  vettingFailureRate: number | null;
  companyName: string;
  qualified: boolean;
  rank: number | null;
  score: number;
  eligibleGuards: number;
  parts: { key: string; weight: number; normalized: number; points: number }[];
  exclusions: { code: string; message: string }[];
}

describe('recommendation, comparison and selection', () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let baoan: TestClient;
  let organizer1: TestClient;
  const licenceShort = dateFromNow(20);

  beforeAll(async () => {
    t = await createTestApp();
    // Activity on day +40 needing 20 guards → 24 with the 20% margin.
    c.alpha = await createCompany(t, { name: '测试甲保安服务有限公司', district: 'DAWA', guards: [{ count: 60, age: 30 }], username: 'ctest_alpha' });
    c.beta = await createCompany(t, { name: '测试乙保安服务有限公司', guards: [{ count: 30, age: 50 }], username: 'ctest_beta' });
    c.gamma = await createCompany(t, { name: '测试丙保安服务有限公司', guards: [{ count: 40, age: 40 }] });
    c.delta = await createCompany(t, { name: '测试丁保安服务有限公司', guards: [{ count: 30, age: 35 }] });
    c.suspended = await createCompany(t, {
      name: '测试停业保安服务有限公司',
      status: 'SUSPENDED',
      statusReason: '整改期间',
      guards: [{ count: 50, age: 30 }],
    });
    c.licence = await createCompany(t, { name: '测试证照保安服务有限公司', licenseExpiry: licenceShort, guards: [{ count: 50, age: 30 }] });
    c.small = await createCompany(t, { name: '测试小保安服务有限公司', guards: [{ count: 10, age: 30 }] });
    c.old = await createCompany(t, { name: '测试老龄保安服务有限公司', guards: [{ count: 10, age: 30 }, { count: 40, age: 58 }] });
    c.nocert = await createCompany(t, { name: '测试无证保安服务有限公司', guards: [{ count: 40, age: 30, certificate: false }] });
    c.revoked = await createCompany(t, { name: '测试吊销保安服务有限公司', guards: [{ count: 30, age: 30 }] });
    c.failed = await createCompany(t, { name: '测试审核保安服务有限公司', guards: [{ count: 30, age: 30 }] });
    c.serious = await createCompany(t, { name: '测试问题保安服务有限公司', guards: [{ count: 50, age: 30 }] });
    c.poor = await createCompany(t, { name: '测试资本保安服务有限公司', capital: 500_000, guards: [{ count: 50, age: 30 }] });

    // 10 of 30 revoked within 3 years → 20 eligible < 24.
    for (const g of await guardsOf(t, c.revoked, 10)) {
      await t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, $3, '违规')`, [g.id_cipher, g.id_hash, dateFromNow(-400)]);
    }
    // 10 of 30 FAILED in vetting recently (on some earlier activity) → 20 eligible.
    const [{ id: pastActivity }] = await t.sql(`SELECT id FROM activities LIMIT 1`).then(async (rows) =>
      rows.length ? rows : [{ id: await makeBareActivity() }],
    );
    for (const g of await guardsOf(t, c.failed, 10)) {
      await t.sql(
        `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, decided_at, state)
         VALUES ($1, $2, $3, 'FAILED', now() - interval '10 days', 'REMOVED')`,
        [pastActivity, g.id, c.failed],
      );
    }
    // An unresolved serious finding.
    await t.sql(
      `INSERT INTO findings (inspection_id, activity_id, company_id, item, serious, recorded_by, recorded_at)
       VALUES (gen_random_uuid(), $1, $2, 'UNVETTED_ON_DUTY', true, (SELECT id FROM users WHERE username = 'baoan'), now())`,
      [pastActivity, c.serious],
    );
    baoan = await t.login('baoan');
    organizer1 = await t.login('organizer1');
  });
  afterAll(() => t?.close());

  async function makeBareActivity(): Promise<string> {
    const dawa = await t.login('dawa');
    return expectData(await dawa.gql(CREATE_ACTIVITY, { input: activityInput() })).createActivity.id;
  }

  /** An APPROVED activity of organizer1 in DAWA, day +40, 20 guards. */
  async function approved(overrides: Record<string, unknown> = {}): Promise<string> {
    const dawa = await t.login('dawa');
    const organizerUnitId = await unitIdOf(t, 'organizer1');
    const a = expectData(
      await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId, guardsRequired: 20, ...overrides }) }),
    ).createActivity;
    expectData(await dawa.gql(REPORT, { id: a.id }));
    expectData(await (await t.login('baoan')).gql(REQUEST, { id: a.id }));
    const leader = await t.login('leader');
    expectData(await leader.gql(APPROVE, { id: a.id }));
    return a.id;
  }

  async function suggestions(id: string) {
    const data = expectData(await baoan.gql(SUGGEST, { id })).candidateSuggestions;
    const mine = (data.items as Suggestion[]).filter((i) => Object.values(c).includes(i.companyId));
    return { data, mine, by: (key: string) => mine.find((i) => i.companyId === c[key])! };
  }

  it('ranks every company: the qualified first by score, each part shown; weights visible', async () => {
    const id = await approved();
    const { data, mine, by } = await suggestions(id);
    expect(data.guardsNeeded).toBe(24);
    expect(data.maxAge).toBe(55);
    expect(data.weights.map((w: { key: string }) => w.key)).toEqual(['capacity', 'age', 'performance', 'experience', 'locality']);
    expect(mine.filter((i) => i.qualified).map((i) => i.companyId).sort()).toEqual([c.alpha, c.beta, c.gamma, c.delta].sort());
    // Qualified before unqualified, by score.
    const qualifiedIdx = data.items.map((i: Suggestion) => i.qualified);
    expect(qualifiedIdx.indexOf(false)).toBeGreaterThan(qualifiedIdx.lastIndexOf(true));
    const q = data.items.filter((i: Suggestion) => i.qualified);
    for (let i = 1; i < q.length; i++) expect(q[i - 1].score).toBeGreaterThanOrEqual(q[i].score);
    // Alpha: same district, most headroom, young → first of mine.
    const alpha = by('alpha');
    expect(alpha.parts).toHaveLength(5);
    const sum = alpha.parts.reduce((s, p) => s + p.points, 0);
    expect(Math.abs(sum - alpha.score)).toBeLessThan(0.3);
    expect(alpha.parts.find((p) => p.key === 'locality')!.normalized).toBe(100);
    expect(alpha.parts.find((p) => p.key === 'capacity')!.normalized).toBe(100); // 60 vs 24: > double
    expect(by('beta').parts.find((p) => p.key === 'age')!.normalized).toBe(0); // all 50 years old
    expect(alpha.score).toBeGreaterThan(by('beta').score);
  });

  it("every company's guard figures equal a guard-by-guard count (age by age(), education per Art. 16, revocations and failures looked up per guard)", async () => {
    const id = await approved();
    const { data } = await suggestions(id);
    const [{ day }] = await t.sql(`SELECT ((starts_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS day FROM activities WHERE id = $1`, [id]);
    const guards: { company_id: string; birth_date: string; has_cert: boolean; age: number; revoked: boolean; failed: boolean }[] =
      await t.sql(
        `SELECT g.company_id, g.birth_date::text AS birth_date, g.certificate_no IS NOT NULL AND g.education <> 'PRIMARY' AS has_cert,
                date_part('year', age($1::date, g.birth_date))::int AS age,
                EXISTS (SELECT 1 FROM certificate_revocations cr WHERE cr.id_hash = g.id_hash
                         GROUP BY cr.id_hash HAVING count(*) >= 2 OR max(cr.revoked_on) > $1::date - interval '3 years') AS revoked,
                EXISTS (SELECT 1 FROM roster_entries r JOIN guards p ON p.id = r.guard_id
                         WHERE p.id_hash = g.id_hash AND r.decision = 'FAILED'
                           AND r.decided_at >= now() - make_interval(days => $2::int)) AS failed
           FROM guards g WHERE g.status = 'ACTIVE'`,
        [day, data.reuseWindowDays],
      );
    const start = Date.parse(day);
    let checked = 0;
    for (const item of data.items as Suggestion[]) {
      const mine = guards.filter((g) => g.company_id === item.companyId);
      const eligible = mine.filter((g) => g.has_cert && g.age >= data.minAge && g.age <= data.maxAge && !g.revoked && !g.failed);
      expect({ company: item.companyName, onRegister: item.guardsOnRegister, eligible: item.eligibleGuards }).toEqual({
        company: item.companyName,
        onRegister: mine.length,
        eligible: eligible.length,
      });
      const young = eligible.filter((g) => g.age < YOUNG_AGE).length;
      expect(item.youngShare).toBeCloseTo(eligible.length ? young / eligible.length : 0, 3);
      const meanAge = eligible.reduce((sum, g) => sum + (start - Date.parse(g.birth_date)) / 86_400_000 / 365.2425, 0) / eligible.length;
      expect(item.averageAge).toBe(eligible.length ? Math.round(meanAge * 10) / 10 : null);
      if (eligible.length) checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('performance comes from the roster summary and equals a direct count over roster entries and findings', async () => {
    const id = await approved();
    const { data } = await suggestions(id);
    const rows: { id: string; duty: number; decided: number; failed: number; findings: number }[] = await t.sql(
      `SELECT c.id,
              (SELECT count(*) FROM roster_entries r JOIN activities a ON a.id = r.activity_id
                WHERE r.company_id = c.id AND a.status IN ('IN_PROGRESS', 'CLOSED') AND ${ON_DUTY_CONDITION})::int AS duty,
              (SELECT count(*) FROM roster_entries r WHERE r.company_id = c.id AND r.decision <> 'PENDING'
                  AND (r.state = 'ACTIVE' OR r.decision = 'FAILED'))::int AS decided,
              (SELECT count(*) FROM roster_entries r WHERE r.company_id = c.id AND r.decision = 'FAILED')::int AS failed,
              (SELECT count(*) FROM findings f WHERE f.company_id = c.id)::int AS findings
         FROM companies c`,
    );
    const direct = new Map(rows.map((r) => [r.id, r]));
    for (const item of data.items as Suggestion[]) {
      const d = direct.get(item.companyId)!;
      expect({ company: item.companyName, findingsPer100: item.findingsPer100, vettingFailureRate: item.vettingFailureRate }).toEqual({
        company: item.companyName,
        findingsPer100: d.duty > 0 ? Math.round(((d.findings * 100) / d.duty) * 100) / 100 : null,
        vettingFailureRate: d.decided > 0 ? Math.round((d.failed / d.decided) * 10000) / 10000 : null,
      });
    }
    // The demo data has served activities with guards on duty, and failed vetting: the figures are not all empty.
    expect(rows.some((r) => r.duty > 0)).toBe(true);
    expect(rows.some((r) => r.failed > 0)).toBe(true);
  });

  it("a self-recruiting organizer's own register is neither a candidate nor listed among companies", async () => {
    const organizerUnit = await unitIdOf(t, 'organizer1');
    // What importGuards creates for a self-recruiting unit: a register row under the organizer's unit.
    await t.sql(
      `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district, contact_name, contact_phone)
       VALUES ($1, '自招保安名册', '91211100MA0SELF001', '—', now()::date + 3650, 5000000, '大洼区', 'DAWA', '赵敏', '13904270001')
       ON CONFLICT (id) DO NOTHING`,
      [organizerUnit],
    );
    const id = await approved();
    const { data } = await suggestions(id);
    expect(data.items.map((i: Suggestion) => i.companyId)).not.toContain(organizerUnit);
    const list = expectData(
      await baoan.gql(`query { companies(page: { pageSize: 500 }) { items { id } } }`),
    ).companies.items.map((i: { id: string }) => i.id);
    expect(list).not.toContain(organizerUnit);
    expect(list).toContain(c.alpha);
  });

  it('gives every reason a company is out', async () => {
    const id = await approved();
    const { by } = await suggestions(id);
    const codes = (key: string) => by(key).exclusions.map((e) => e.code);
    expect(codes('suspended')).toEqual(['NOT_ACTIVE']);
    expect(by('suspended').exclusions[0].message).toContain('暂停');
    expect(codes('licence')).toEqual(['LICENSE_EXPIRES']);
    expect(by('licence').exclusions[0].message).toContain(`许可证 ${licenceShort} 到期`);
    expect(codes('small')).toEqual(['TOO_FEW_GUARDS']);
    expect(by('small').exclusions[0].message).toContain('10人，少于所需24人');
    expect(codes('old')).toEqual(['TOO_FEW_GUARDS']);
    expect(by('old').exclusions[0].message).toContain('年龄不在18–55岁40人');
    expect(by('nocert').exclusions[0].message).toContain('无保安员证40人');
    expect(by('revoked').exclusions[0].message).toContain('保安员证被吊销10人');
    expect(by('failed').exclusions[0].message).toContain('天内审核不通过10人');
    expect(codes('serious')).toEqual(['SERIOUS_FINDING']);
    expect(codes('poor')).toEqual(['CAPITAL']);
    for (const key of ['suspended', 'licence', 'small', 'old', 'nocert', 'revoked', 'failed', 'serious', 'poor']) {
      expect(by(key).qualified).toBe(false);
      expect(by(key).rank).toBeNull();
    }
  });

  it('a per-activity age limit and the settings change eligibility and the score', async () => {
    const id = await approved({ ageLimit: 60 });
    const { by } = await suggestions(id);
    expect(by('old').qualified).toBe(true); // 58-year-olds allowed up to 60
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'recommendation.weight.locality', value: 0 }] }));
    const after = await suggestions(id);
    expect(after.by('alpha').parts.find((p) => p.key === 'locality')!.points).toBe(0);
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'recommendation.weight.locality', value: 0.1 }] }));
    const audit = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Settings'`);
    expect(audit[0].n).toBeGreaterThanOrEqual(2);
  });

  it('who may see suggestions and recommend', async () => {
    const id = await approved();
    for (const username of ['organizer1', 'dawa', 'dahuo']) {
      expectErrorCode(await (await t.login(username)).gql(SUGGEST, { id }), 'FORBIDDEN');
    }
    expectData(await (await t.login('office')).gql(SUGGEST, { id }));
    expectData(await (await t.login('leader')).gql(SUGGEST, { id }));
    for (const username of ['office', 'leader', 'dawa', 'organizer1']) {
      expectErrorCode(
        await (await t.login(username)).gql(RECOMMEND, { id, ids: [c.alpha, c.beta, c.gamma] }),
        'FORBIDDEN',
      );
    }
  });

  it('needs at least 3 while 3 or more qualify, whatever the justification; refuses unqualified companies naming why', async () => {
    const id = await approved();
    const two = expectErrorCode(await baoan.gql(RECOMMEND, { id, ids: [c.alpha, c.beta], j: '本区符合规模的公司仅两家' }), 'BAD_USER_INPUT');
    expect(two.extensions!.fields![0].field).toBe('companyIds');
    expect(two.message).toMatch(/符合条件的公司有\d+家，应推荐不少于3家（已选2家）；公安机关不得指定保安服务公司/);
    const one = expectErrorCode(await baoan.gql(RECOMMEND, { id, ids: [c.alpha], j: '只此一家' }), 'BAD_USER_INPUT');
    expect(one.extensions!.fields![0].field).toBe('companyIds');
    const bad = expectErrorCode(await baoan.gql(RECOMMEND, { id, ids: [c.alpha, c.beta, c.licence] }), 'BAD_USER_INPUT');
    expect(bad.message).toContain('测试证照保安服务有限公司不具备推荐资格');
    expect(bad.message).toContain(`许可证 ${licenceShort} 到期`);
    expect((await t.sql(`SELECT count(*)::int AS n FROM activity_candidates WHERE activity_id = $1`, [id]))[0].n).toBe(0);
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [id]))[0].status).toBe('APPROVED');

  });

  it('Art. 16 in the count: guards below junior middle school are not eligible, and the reason says so', async () => {
    const id = await approved();
    const before = (await suggestions(id)).by('gamma').eligibleGuards;
    const low = await guardsOf(t, c.gamma, 5);
    await t.sql(`UPDATE guards SET education = 'PRIMARY' WHERE id = ANY($1::uuid[])`, [low.map((g) => g.id)]);
    try {
      const after = (await suggestions(id)).by('gamma');
      expect(after.eligibleGuards).toBe(before - 5);
      const small = await createCompany(t, { name: '测试学历保安服务有限公司', guards: [{ count: 30, age: 30 }] });
      await t.sql(`UPDATE guards SET education = 'PRIMARY' WHERE id = ANY($1::uuid[])`, [(await guardsOf(t, small, 10)).map((g) => g.id)]);
      const item = (await suggestions(id)).data.items.find((i: Suggestion) => i.companyId === small) as Suggestion;
      expect(item.qualified).toBe(false);
      expect(item.exclusions[0].message).toContain('学历低于初中10人（条例第十六条）');
    } finally {
      await t.sql(`UPDATE guards SET education = 'SENIOR_MIDDLE' WHERE id = ANY($1::uuid[])`, [low.map((g) => g.id)]);
    }
  });

  it('a self-recruited activity is refused recommendation with a clear message', async () => {
    const id = await approved({ securityMode: 'SELF_RECRUITED' });
    const err = expectErrorCode(await baoan.gql(SUGGEST, { id }), 'CONFLICT');
    expect(err.message).toContain('自招保安单位');
    expectErrorCode(await baoan.gql(RECOMMEND, { id, ids: [c.alpha, c.beta, c.gamma] }), 'CONFLICT');
  });

  it('recommend → compare → quote → select: the full path, with notifications and scope', async () => {
    const id = await approved();
    const res = expectData(await baoan.gql(RECOMMEND, { id, ids: [c.gamma, c.alpha, c.beta] }));
    expect(res.recommendCandidates).toMatchObject({ status: 'CANDIDATES_RECOMMENDED', recommendationShortfall: false });
    // Recommending again is an illegal transition.
    expectErrorCode(await baoan.gql(RECOMMEND, { id, ids: [c.gamma, c.alpha, c.beta] }), 'CONFLICT');
    const notified = await t.sql(`SELECT unit_id FROM notifications WHERE activity_id = $1 AND title LIKE '候选公司已推荐%'`, [id]);
    const units = notified.map((n: { unit_id: string }) => n.unit_id);
    expect(units).toContain(await unitIdOf(t, 'organizer1'));
    expect(units).toContain(await unitIdOf(t, 'office'));

    const cmp = expectData(await organizer1.gql(COMPARE, { id })).candidateComparison;
    expect(cmp.canSelect).toBe(true);
    expect(cmp.candidates.map((x: { companyId: string }) => x.companyId)).toEqual([c.alpha, c.gamma, c.beta]);
    expect(cmp.weights).toHaveLength(5);
    const keys = cmp.rows.map((r: { key: string }) => r.key);
    expect(keys).toEqual(expect.arrayContaining([
      'license', 'eligibleGuards', 'youngShare', 'activitiesServed', 'findingsPer100', 'vettingFailureRate', 'score',
      'part.capacity', 'part.age', 'part.performance', 'part.experience', 'part.locality', 'quote',
    ]));
    const row = (key: string) => cmp.rows.find((r: { key: string }) => r.key === key);
    expect(row('eligibleGuards').cells.find((x: { best: boolean }) => x.best).companyId).toBe(c.alpha);
    expect(row('score').cells.filter((x: { best: boolean }) => x.best).map((x: { companyId: string }) => x.companyId)).toEqual([c.alpha]);

    // Police recommend, never choose.
    for (const username of ['baoan', 'leader', 'office', 'dawa']) {
      expectErrorCode(await (await t.login(username)).gql(SELECT, { id, c: c.alpha, reason: '指定' }), 'FORBIDDEN');
      expectErrorCode(await (await t.login(username)).gql(QUOTE, { id, c: c.alpha, amount: 1 }), 'FORBIDDEN');
    }
    // Another organizer cannot see, quote or select.
    const organizer2 = await t.login('organizer2');
    expectErrorCode(await organizer2.gql(COMPARE, { id }), 'NOT_FOUND');
    expectErrorCode(await organizer2.gql(SELECT, { id, c: c.alpha, reason: '试试' }), 'NOT_FOUND');

    // Out-of-range quotes are refused with the field's message, never rounded or clamped.
    for (const [amount, message] of [
      [-5, '报价应为大于0的金额（元）'],
      [0, '报价应为大于0的金额（元）'],
      [5e9, '报价不超过1亿元（100,000,000元），请核对金额'],
      [1200.125, '报价最多精确到分（两位小数）'],
    ] as const) {
      const err = expectErrorCode(await organizer1.gql(QUOTE, { id, c: c.alpha, amount }), 'BAD_USER_INPUT');
      expect(err.extensions!.fields).toEqual([{ field: 'amount', message }]);
    }
    expect((await t.sql(`SELECT quote FROM activity_candidates WHERE activity_id = $1 AND company_id = $2`, [id, c.alpha]))[0].quote).toBeNull();
    expectErrorCode(await organizer1.gql(QUOTE, { id, c: c.delta, amount: 100 }), 'NOT_FOUND');
    expectData(await organizer1.gql(QUOTE, { id, c: c.alpha, amount: 120000 }));
    expectData(await organizer1.gql(QUOTE, { id, c: c.gamma, amount: 98000, note: '含交通' }));
    expectData(await organizer1.gql(QUOTE, { id, c: c.beta, amount: 105000.5 }));
    const quoted = expectData(await organizer1.gql(COMPARE, { id })).candidateComparison;
    const quoteRow = quoted.rows.find((r: { key: string }) => r.key === 'quote');
    expect(quoteRow.cells.find((x: { best: boolean }) => x.best).companyId).toBe(c.gamma);
    expect(quoteRow.higherIsBetter).toBe(false);
    // Companies without a record: shown as such, never marked best, nor outranked by a record.
    const findingsRow = quoted.rows.find((r: { key: string }) => r.key === 'findingsPer100');
    expect(findingsRow.cells.map((x: { display: string; best: boolean }) => [x.display, x.best])).toEqual([['无记录', false], ['无记录', false], ['无记录', false]]);

    expectErrorCode(await organizer1.gql(SELECT, { id, c: c.alpha, reason: '' }), 'BAD_USER_INPUT');
    expectErrorCode(await organizer1.gql(SELECT, { id, c: c.delta, reason: '不是候选' }), 'NOT_FOUND');
    const selected = expectData(await organizer1.gql(SELECT, { id, c: c.alpha, reason: '人员充足、属地、报价合理' }));
    expect(selected.selectCompany).toMatchObject({ status: 'COMPANY_SELECTED', selectedCompanyId: c.alpha });
    expectErrorCode(await organizer1.gql(SELECT, { id, c: c.beta, reason: '改选' }), 'CONFLICT');
    expectErrorCode(await organizer1.gql(QUOTE, { id, c: c.beta, amount: 1 }), 'CONFLICT');

    const toCompany = await t.sql(`SELECT title FROM notifications WHERE activity_id = $1 AND unit_id = $2`, [id, c.alpha]);
    expect(toCompany.map((n: { title: string }) => n.title)).toContain(`遴选结果：测试音乐节`);
    const toDetachment = await t.sql(
      `SELECT 1 FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '遴选结果%'`,
      [id, await unitIdOf(t, 'baoan')],
    );
    expect(toDetachment).toHaveLength(1);
    const audit = await t.sql(`SELECT summary FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { summary: string }) => a.summary).join('\n')).toContain('已遴选');

    // The chosen company sees its assignment; another company does not.
    const alphaUser = await t.login('ctest_alpha');
    const got = expectData(await alphaUser.gql(GET, { id })).activity;
    expect(got.selectedCompany.name).toBe('测试甲保安服务有限公司');
    expect(got.candidates).toEqual([]); // other candidates' quotes are not the company's business
    expect(expectData(await alphaUser.gql(LIST)).activities.items.map((x: { id: string }) => x.id)).toContain(id);
    const betaUser = await t.login('ctest_beta');
    expectErrorCode(await betaUser.gql(GET, { id }), 'NOT_FOUND');
    expect(expectData(await betaUser.gql(LIST)).activities.items.map((x: { id: string }) => x.id)).not.toContain(id);
    expectErrorCode(await alphaUser.gql(COMPARE, { id }), 'FORBIDDEN');
  });

  it('two organizers’ clicks at once: one selection wins, the other gets CONFLICT', async () => {
    const id = await approved();
    expectData(await baoan.gql(RECOMMEND, { id, ids: [c.alpha, c.beta, c.gamma] }));
    await quoteAllCandidates(t, organizer1, id);
    const other = await t.login('organizer1');
    const results = await Promise.all([
      organizer1.gql(SELECT, { id, c: c.alpha, reason: '甲' }),
      other.gql(SELECT, { id, c: c.beta, reason: '乙' }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    const transitions = await t.sql(`SELECT count(*)::int AS n FROM activity_transitions WHERE activity_id = $1 AND to_status = 'COMPANY_SELECTED'`, [id]);
    expect(transitions[0].n).toBe(1);
  });

  it('fewer than 3 only when fewer than 3 qualify: then all of them, with a note naming them, shown to the office', async () => {
    const giant = await createCompany(t, { name: '测试大型保安服务有限公司', guards: [{ count: 300, age: 30 }] });
    const id = await approved({ guardsRequired: 200, expectedAttendance: 20000 });
    const { data } = await suggestions(id);
    expect(data.items.filter((i: Suggestion) => i.qualified).map((i: Suggestion) => i.companyId)).toEqual([giant]);
    const noNote = expectErrorCode(await baoan.gql(RECOMMEND, { id, ids: [giant] }), 'BAD_USER_INPUT');
    expect(noNote.extensions!.fields![0].field).toBe('justification');
    const res = expectData(await baoan.gql(RECOMMEND, { id, ids: [giant], j: '活动规模大，需保安员240人（含富余）' }));
    expect(res.recommendCandidates).toMatchObject({ status: 'CANDIDATES_RECOMMENDED', recommendationShortfall: true });
    const [row] = await t.sql(`SELECT recommendation_justification FROM activities WHERE id = $1`, [id]);
    expect(row.recommendation_justification).toBe('本活动符合条件的公司仅1家（测试大型保安服务有限公司），已全部推荐。活动规模大，需保安员240人（含富余）');
    const office = await unitIdOf(t, 'office');
    const [note] = await t.sql(`SELECT body FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '候选公司已推荐%'`, [id, office]);
    expect(note.body).toContain('测试大型保安服务有限公司），已全部推荐');
    await t.sql(`UPDATE guards SET status = 'LEFT', left_on = now()::date WHERE company_id = $1`, [giant]);
  });

  describe('遴选 waits for every candidate’s quote (SPEC §2 step 4: compared on price too)', () => {
    const SET_STATUS = /* GraphQL */ `
      mutation ($id: ID!, $s: CompanyStatus!, $r: String!) { setCompanyStatus(id: $id, status: $s, reason: $r) { id status } }
    `;
    let n = 0;
    /** Three fresh companies able to serve an activity of `approved()`, recommended for a new one; by rank. */
    async function recommendedThree(label: string): Promise<{ id: string; ranked: { id: string; name: string }[] }> {
      const made: string[] = [];
      for (const suffix of ['甲', '乙', '丙']) {
        made.push(await createCompany(t, { name: `报价${label}${suffix}${++n}保安服务有限公司`, guards: [{ count: 30, age: 30 + made.length }] }));
      }
      const id = await approved();
      expectData(await baoan.gql(RECOMMEND, { id, ids: made }));
      const ranked = await t.sql(
        `SELECT c.company_id AS id, co.name FROM activity_candidates c JOIN companies co ON co.id = c.company_id WHERE c.activity_id = $1 ORDER BY c.rank`,
        [id],
      );
      return { id, ranked };
    }
    /** What a selection stores: the activity's row, its 台账, its audit entries and its notifications. */
    async function stored(id: string) {
      const [row] = await t.sql(
        `SELECT status, version, selected_company_id, selection_reason, selected_at,
                (SELECT count(*)::int FROM activity_transitions WHERE activity_id = $1) AS transitions,
                (SELECT count(*)::int FROM audit_log WHERE entity_id = $1::text) AS audits,
                (SELECT count(*)::int FROM notifications WHERE activity_id = $1) AS notifications
           FROM activities WHERE id = $1`,
        [id],
      );
      return row;
    }
    /** 120000 yuan for `a`, 98000 for `b`; the third candidate left without a quote. */
    async function quoteTwo(id: string, a: string, b: string) {
      expectData(await organizer1.gql(QUOTE, { id, c: a, amount: 120000 }));
      expectData(await organizer1.gql(QUOTE, { id, c: b, amount: 98000 }));
    }
    const standing = async (id: string) =>
      Object.fromEntries(
        expectData(await organizer1.gql(COMPARE, { id }))
          .candidateComparison.rows.find((r: { key: string }) => r.key === 'standing')
          .cells.map((x: { companyId: string; display: string; value: number }) => [x.companyId, [x.display, x.value]]),
      );

    it('refused while a candidate has no quote, naming each, nothing stored; selected once every quote is in', async () => {
      const { id, ranked: [first, second, third] } = await recommendedThree('齐全');
      expectData(await organizer1.gql(QUOTE, { id, c: second.id, amount: 96000 }));
      const before = await stored(id);
      for (const chosen of [second, first]) {
        const refused = expectErrorCode(await organizer1.gql(SELECT, { id, c: chosen.id, reason: '报价最低' }), 'BAD_USER_INPUT');
        expect(refused.message).toBe(`请先录入全部候选公司的报价：${first.name}、${third.name}未录入报价`);
        expect(refused.extensions!.fields).toEqual([
          { field: 'quote', message: `${first.name}未录入报价` },
          { field: 'quote', message: `${third.name}未录入报价` },
        ]);
      }
      expect(await stored(id)).toEqual(before);
      expect(before).toMatchObject({ status: 'CANDIDATES_RECOMMENDED', selected_company_id: null, selection_reason: null });
      // every candidate can serve: each is awaited
      expect(await standing(id)).toEqual(Object.fromEntries([first, second, third].map((x) => [x.id, ['正常', 1]])));

      expectData(await organizer1.gql(QUOTE, { id, c: first.id, amount: 120000 }));
      const one = expectErrorCode(await organizer1.gql(SELECT, { id, c: second.id, reason: '报价最低' }), 'BAD_USER_INPUT');
      expect(one.message).toBe(`请先录入全部候选公司的报价：${third.name}未录入报价`);
      expectData(await organizer1.gql(QUOTE, { id, c: third.id, amount: 101000 }));
      expect(expectData(await organizer1.gql(SELECT, { id, c: second.id, reason: '报价最低' })).selectCompany).toMatchObject({
        status: 'COMPANY_SELECTED',
        selectedCompanyId: second.id,
      });
      const after = await stored(id);
      expect(after).toMatchObject({ status: 'COMPANY_SELECTED', selected_company_id: second.id, transitions: before.transitions + 1 });
      expect(after.audits).toBeGreaterThan(before.audits + 1); // two quotes, then the selection
      expect(after.notifications).toBeGreaterThan(before.notifications);
    });

    it('a candidate that can no longer serve needs no quote, and the comparison says so; a stale page is still told who was chosen', async () => {
      const { id, ranked: [first, second, third] } = await recommendedThree('停业');
      await quoteTwo(id, first.id, second.id);
      expect(expectErrorCode(await organizer1.gql(SELECT, { id, c: second.id, reason: '报价最低' }), 'BAD_USER_INPUT').message).toBe(
        `请先录入全部候选公司的报价：${third.name}未录入报价`,
      );
      expectData(await baoan.gql(SET_STATUS, { id: third.id, s: 'SUSPENDED', r: '停业整顿' }));
      expect((await standing(id))[third.id]).toEqual(['不能承担（无需报价）：公司已被变更为“暂停”（停业整顿）', 0]);
      expect((await standing(id))[first.id]).toEqual(['正常', 1]);
      expectData(await organizer1.gql(SELECT, { id, c: second.id, reason: '报价最低' }));
      expect((await t.sql(`SELECT quote FROM activity_candidates WHERE activity_id = $1 AND company_id = $2`, [id, third.id]))[0].quote).toBeNull();

      // back to 正常, unquoted: a page still open elsewhere that chooses another is told of the selection, not asked for a quote
      expectData(await baoan.gql(SET_STATUS, { id: third.id, s: 'ACTIVE', r: '整改完毕' }));
      const before = await stored(id);
      const stale = expectErrorCode(await organizer1.gql(SELECT, { id, c: first.id, reason: '人员充足' }), 'CONFLICT');
      expect(stale.message).toMatch(new RegExp(`^本活动已于 .+ 遴选${second.name}，不能再选其他公司；请刷新页面查看$`));
      expect(await stored(id)).toEqual(before);
    });

    it('re-selection once the chosen company lapsed waits for the quotes too: the others may be quoted then, the lapsed one’s stays', async () => {
      const { id, ranked: [first, second, third] } = await recommendedThree('改选');
      await quoteTwo(id, first.id, second.id);
      expectData(await baoan.gql(SET_STATUS, { id: third.id, s: 'SUSPENDED', r: '停业整顿' }));
      expectData(await organizer1.gql(SELECT, { id, c: first.id, reason: '人员充足' }));
      // closed after the selection while the chosen company stands
      expect(expectErrorCode(await organizer1.gql(QUOTE, { id, c: third.id, amount: 99000 }), 'CONFLICT').message).toBe('只能在遴选前填报报价');
      expectData(await baoan.gql(SET_STATUS, { id: third.id, s: 'ACTIVE', r: '整改完毕' }));
      expectData(await baoan.gql(SET_STATUS, { id: first.id, s: 'SUSPENDED', r: '停业整顿' }));

      const before = await stored(id);
      const refused = expectErrorCode(await organizer1.gql(SELECT, { id, c: second.id, reason: '原中选公司停业' }), 'BAD_USER_INPUT');
      expect(refused.message).toBe(`请先录入全部候选公司的报价：${third.name}未录入报价`);
      expect(await stored(id)).toEqual(before);
      // the chosen company's quote, a ground of the first choice, stays as entered
      const kept = expectErrorCode(await organizer1.gql(QUOTE, { id, c: first.id, amount: 1000 }), 'CONFLICT');
      expect(kept.message).toBe('原中选公司的报价是遴选时的依据，不能更改；请为其他候选公司填报报价后改选');
      expectData(await organizer1.gql(QUOTE, { id, c: third.id, amount: 99000 }));
      const quotes = await t.sql(`SELECT company_id, quote::float AS quote FROM activity_candidates WHERE activity_id = $1 ORDER BY rank`, [id]);
      expect(quotes).toEqual([{ company_id: first.id, quote: 120000 }, { company_id: second.id, quote: 98000 }, { company_id: third.id, quote: 99000 }]);
      expect(expectData(await organizer1.gql(SELECT, { id, c: second.id, reason: '原中选公司停业' })).selectCompany.selectedCompanyId).toBe(second.id);
      // and closed again
      expectErrorCode(await organizer1.gql(QUOTE, { id, c: third.id, amount: 97000 }), 'CONFLICT');
    });

    it('30 selections at once: with a quote missing none goes through; with every quote in, exactly one, the others told (CONFLICT)', async () => {
      const { id, ranked } = await recommendedThree('并发');
      await quoteTwo(id, ranked[0].id, ranked[1].id);
      const race = () =>
        Promise.all(Array.from({ length: 30 }, (_, i) => organizer1.gql(SELECT, { id, c: ranked[i % 3].id, reason: `第${i + 1}次点击` })));
      const before = await stored(id);
      const refused = await race();
      expect(refused.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(Array(30).fill('BAD_USER_INPUT'));
      expect(await stored(id)).toEqual(before);

      await quoteAllCandidates(t, organizer1, id);
      const results = await race();
      const won = results.filter((r) => !r.errors);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(29);
      const [row] = await t.sql(`SELECT status, selected_company_id FROM activities WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'COMPANY_SELECTED', selected_company_id: won[0].data.selectCompany.selectedCompanyId });
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM activity_transitions WHERE activity_id = $1 AND to_status = 'COMPANY_SELECTED'`, [id]);
      expect(n).toBe(1);
      const told = await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE activity_id = $1 AND unit_id = $2 AND title LIKE '遴选结果%'`, [
        id,
        row.selected_company_id,
      ]);
      expect(told[0].n).toBe(1);
    });
  });
});
