import ExcelJS from 'exceljs';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { SESSION_COOKIE } from '../auth/auth.service';
import { insertOverviewFixture } from '../../../test/overview-fixture';

const COUNT = 'key label value kind filter { from to district status lateStage late fewCandidates closedWithSerious qualified decision reasonCategory trainingOutcome item open companyId ageBand }';
const OVERVIEW = /* GraphQL */ `
  query ($range: DateRangeInput!, $district: District) {
    overview(range: $range, district: $district) {
      from to district
      headline { activities activitiesOpen activitiesLate activitiesFewCandidates activitiesClosedWithSerious companiesQualified companiesTotal
                 guardsVetted guardsPassed guardsPending vettingPassRate trainingPassRate guardsOnDuty findingsOpen findingsTotal }
      companiesByDistrict { key label parts { ${COUNT} } }
      vettingOutcomes { ${COUNT} }
      failureReasons { ${COUNT} }
      activitiesByStage { key label parts { ${COUNT} } }
      lateByStage { ${COUNT} }
      fewCandidates { ${COUNT} }
      closedWithSerious { ${COUNT} }
      punctuality { unitId unitName onTime late overdue open }
      trainingOutcomes { ${COUNT} }
      findingsByItem { key label parts { ${COUNT} } }
      findingsByCompany { key label parts { ${COUNT} } }
      ageProfile { ${COUNT} }
    }
  }
`;
const DRILL = /* GraphQL */ `
  query ($kind: DrilldownKind!, $filter: DrilldownFilterInput!, $page: PageInput) {
    overviewDrilldown(kind: $kind, filter: $filter, page: $page) { kind title columns total items { id cells link } }
  }
`;
const HOME = /* GraphQL */ `
  query { myHome { counts { key value }
                   activities { code status waitingOn myTurn vettingPassed vettingFailed vettingPending }
                   company { name qualified problems } trainings { activityName guards makeup } outcomes { key value } ageProfile { key value } } }
`;

interface Count { key: string; label: string; value: number; kind: string; filter: Record<string, unknown> }
interface Group { key: string; parts: Count[] }

/** Beijing date, `days` from today. */
function cnDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
const FROM = cnDate(-90);
const TO = cnDate(90);
/** The stages and their default deadlines (settings), written out again here, independent of stages.ts. */
const STAGES = [
  // the 请示 is done once made (requested_at), or once approved: a reported activity waits on it (review 9-B F3)
  { stage: 'REQUEST', late: 'REQUEST', done: 'APPROVED', stamp: 'requested_at', due: (a: Act) => (a.reported_on ? plus(a.reported_on, 1) : null) },
  { stage: 'DECISION', late: 'DECISION', done: 'APPROVED', stamp: 'approved_at', due: (a: Act) => plus(a.applied_on, 7) },
  { stage: 'CANDIDATES', late: 'RECOMMENDATION', done: 'CANDIDATES_RECOMMENDED', stamp: 'recommended_at', due: (a: Act) => plus(a.start_on, -15), service: true },
  { stage: 'SELECTION', late: 'SELECTION', done: 'COMPANY_SELECTED', stamp: 'selected_at', due: (a: Act) => plus(a.start_on, -10), service: true },
  { stage: 'ROSTER', late: 'ROSTER', done: 'VETTING', stamp: 'roster_submitted_at', due: (a: Act) => plus(a.start_on, -8) },
  { stage: 'VETTING', late: 'VETTING', done: 'TRAINING', stamp: 'vetting_closed_at', due: (a: Act) => plus(a.start_on, -5) },
  { stage: 'TRAINING', late: 'TRAINING', done: 'READY', stamp: 'ready_at', due: (a: Act) => plus(a.start_on, -2) },
  { stage: 'CLOSING', late: 'CLOSING', done: 'CLOSED', stamp: 'closed_at', due: (a: Act) => plus(a.end_on, 3) },
];
const ORDER = ['DRAFT', 'REPORTED', 'APPROVED', 'CANDIDATES_RECOMMENDED', 'COMPANY_SELECTED', 'VETTING', 'TRAINING', 'READY', 'IN_PROGRESS', 'CLOSED', 'CANCELLED'];
interface Act {
  status: string; security_mode: string; start_on: string; end_on: string; applied_on: string; reported_on: string | null;
  requested_at: Date | null; recommendation_justification: string | null; close_statement: string | null; open_serious: boolean;
  stamps: Record<string, string | null>; organizer_unit_id: string | null; reporter_unit_id: string; selected_company_id: string | null;
}
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const todayCN = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** The stage an activity waits on (by its status and whether the 请示 is made). */
function current(a: Act): string | null {
  switch (a.status) {
    case 'REPORTED': return a.requested_at ? 'DECISION' : 'REQUEST';
    case 'APPROVED': return a.security_mode === 'SERVICE_COMPANY' ? 'CANDIDATES' : 'ROSTER';
    case 'CANDIDATES_RECOMMENDED': return 'SELECTION';
    case 'COMPANY_SELECTED': return 'ROSTER';
    case 'VETTING': return 'VETTING';
    case 'TRAINING': return 'TRAINING';
    case 'READY': case 'IN_PROGRESS': return 'CLOSING';
    default: return null;
  }
}
const applies = (a: Act, st: (typeof STAGES)[number]) => !st.service || a.security_mode === 'SERVICE_COMPANY';
/** The first stage from the current one whose due date has passed. */
function lateStage(a: Act): string | null {
  const cur = current(a);
  if (!cur) return null;
  const from = STAGES.findIndex((st) => st.stage === cur);
  const today = todayCN();
  const late = STAGES.slice(from).find((st) => applies(a, st) && st.due(a) !== null && today > st.due(a)!);
  return late?.late ?? null;
}

describe('overview', () => {
  let t: TestApp;
  let office: TestClient;
  let companyUser: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ companyUser } = await insertOverviewFixture(t.sql));
    office = await t.login('office');
  });
  afterAll(() => t?.close());

  /** Every figure, counted again in plain SQL (and plain JS for the date rules) over the whole database. */
  async function expected(district: string | null) {
    const params = [FROM, TO, district];
    const inPeriod = `a.status <> 'DRAFT' AND (a.starts_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date
                      AND ($3::text IS NULL OR a.district::text = $3)`;
    const day = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date::text`;
    const acts: Act[] = await t.sql(
      `SELECT a.status::text, a.security_mode::text, ${day('a.starts_at')} AS start_on, ${day('a.ends_at')} AS end_on,
              a.applied_on::text, ${day('a.reported_at')} AS reported_on, a.requested_at, a.recommendation_justification, a.close_statement,
              EXISTS (SELECT 1 FROM findings f WHERE f.activity_id = a.id AND f.serious AND f.corrected_at IS NULL) AS open_serious,
              a.organizer_unit_id, a.reporter_unit_id, a.selected_company_id,
              json_build_object('requested_at', ${day('a.requested_at')}, 'approved_at', ${day('a.approved_at')},
                                'recommended_at', ${day('a.recommended_at')}, 'selected_at', ${day('a.selected_at')},
                                'roster_submitted_at', ${day('a.roster_submitted_at')}, 'vetting_closed_at', ${day('a.vetting_closed_at')},
                                'ready_at', ${day('a.ready_at')}, 'closed_at', ${day('a.closed_at')}) AS stamps
         FROM activities a WHERE ${inPeriod}`,
      params,
    );
    // Punctuality per responsible unit, stage by stage in JS.
    const [{ baoan, leading }] = await t.sql(
      `SELECT (SELECT id FROM units WHERE kind = 'SECURITY_DETACHMENT' ORDER BY created_at, id LIMIT 1) AS baoan,
              (SELECT id FROM units WHERE kind = 'LEADING_GROUP' ORDER BY created_at, id LIMIT 1) AS leading`,
    );
    const punctual = new Map<string, { onTime: number; late: number; overdue: number; open: number }>();
    for (const a of acts) {
      const cur = current(a);
      for (const st of STAGES.filter((x) => applies(a, x))) {
        const due = st.due(a);
        if (!due) continue;
        const done = a.status === 'CANCELLED'
          ? a.stamps[st.stamp] !== null
          : ORDER.indexOf(a.status) >= ORDER.indexOf(st.done) || (st.stage === 'REQUEST' && !!a.requested_at);
        if (!done && st.stage !== cur) continue;
        const unit = st.stage === 'DECISION' ? leading
          : st.stage === 'SELECTION' ? (a.organizer_unit_id ?? a.reporter_unit_id)
          : st.stage === 'ROSTER' ? ((a.security_mode === 'SERVICE_COMPANY' ? a.selected_company_id : a.organizer_unit_id) ?? a.reporter_unit_id)
          : baoan;
        const p = punctual.get(unit) ?? { onTime: 0, late: 0, overdue: 0, open: 0 };
        const doneOn = a.stamps[st.stamp];
        if (done && (!doneOn || doneOn <= due)) p.onTime++;
        else if (done) p.late++;
        // overdue is the activity's (one rule, review 9-B F3): the stage it waits on carries it, also when
        // the deadline that passed is a later stage's
        else if (lateStage(a)) p.overdue++;
        else p.open++;
        punctual.set(unit, p);
      }
    }
    const companies = await t.sql(
      `SELECT district::text, count(*)::int AS total,
              count(*) FILTER (WHERE status = 'ACTIVE' AND license_expiry >= (now() AT TIME ZONE 'Asia/Shanghai')::date
                               AND id IN (SELECT id FROM units WHERE active)
                               AND id NOT IN (SELECT company_id FROM findings WHERE serious AND corrected_at IS NULL AND company_id IS NOT NULL))::int AS qualified
         FROM companies WHERE ($1::text IS NULL OR district::text = $1)
          AND id IN (SELECT id FROM units WHERE kind = 'COMPANY') GROUP BY 1`,
      [district],
    );
    const vetting = await t.sql(
      `SELECT r.decision::text, COALESCE(NULLIF(r.reason_category::text, 'CLEAR'), 'OTHER') AS reason, count(*)::int AS n
         FROM roster_entries r JOIN activities a ON a.id = r.activity_id
        WHERE ${inPeriod} AND (r.state = 'ACTIVE' OR r.decision = 'FAILED') GROUP BY 1, 2`,
      params,
    );
    const training = await t.sql(
      `SELECT t.attended, t.passed, count(*)::int AS n FROM training_attendance t JOIN training_sessions s ON s.id = t.session_id
         JOIN activities a ON a.id = s.activity_id WHERE ${inPeriod} GROUP BY 1, 2`,
      params,
    );
    const findings = await t.sql(
      `SELECT f.item::text, f.company_id, f.corrected_at IS NULL AS open, count(*)::int AS n
         FROM findings f JOIN activities a ON a.id = f.activity_id WHERE ${inPeriod} GROUP BY 1, 2, 3`,
      params,
    );
    const onDuty = await t.sql(
      `SELECT g.birth_date::text AS birth, (a.starts_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day
         FROM roster_entries r JOIN activities a ON a.id = r.activity_id JOIN guards g ON g.id = r.guard_id
        WHERE ${inPeriod} AND r.state = 'ACTIVE' AND r.decision = 'PASSED'
          AND r.id IN (SELECT ta.roster_entry_id FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                        CROSS JOIN unnest(ta.passed_topics) pt
                        WHERE ts.activity_id = a.id AND ta.attended GROUP BY 1 HAVING count(DISTINCT pt) = 3)`,
      params,
    );
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);
    const age = (birth: string, day: string) => {
      const [by, bm, bd] = birth.split('-').map(Number);
      const [y, m, d] = day.split('-').map(Number);
      return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
    };
    const band = (x: number) => (x < 18 ? 'UNDER_18' : x <= 25 ? 'AGE_18_25' : x <= 35 ? 'AGE_26_35' : x <= 45 ? 'AGE_36_45' : x <= 55 ? 'AGE_46_55' : 'OVER_55');
    const trainingOutcome = (r: { attended: boolean | null; passed: boolean | null }) =>
      r.attended === false ? 'ABSENT' : r.passed === true ? 'PASSED' : r.passed === false ? 'FAILED' : 'PENDING';
    return {
      byStatus: (s: string, late: boolean) => acts.filter((a) => a.status === s && !!lateStage(a) === late).length,
      lateBy: (s: string) => acts.filter((a) => lateStage(a) === s).length,
      activities: acts.length,
      late: acts.filter((a) => lateStage(a)).length,
      few: acts.filter((a) => a.recommendation_justification !== null).length,
      closedWithSerious: acts.filter((a) => a.close_statement !== null || (a.status === 'CLOSED' && a.open_serious)).length,
      punctual,
      companiesTotal: sum(companies, (r) => r.total),
      companiesQualified: sum(companies, (r) => r.qualified),
      companies: (d: string, qualified: boolean) => sum(companies.filter((r) => r.district === d), (r) => (qualified ? r.qualified : r.total - r.qualified)),
      decision: (d: string) => sum(vetting.filter((r) => r.decision === d), (r) => r.n),
      reason: (c: string) => sum(vetting.filter((r) => r.decision === 'FAILED' && r.reason === c), (r) => r.n),
      training: (o: string) => sum(training.filter((r) => trainingOutcome(r) === o), (r) => r.n),
      findings: (item: string, open: boolean) => sum(findings.filter((r) => r.item === item && r.open === open), (r) => r.n),
      findingsOfCompany: (id: string, open: boolean) => sum(findings.filter((r) => r.company_id === id && r.open === open), (r) => r.n),
      findingsOpen: sum(findings.filter((r) => r.open), (r) => r.n),
      findingsTotal: sum(findings, (r) => r.n),
      companyFindingTotals: Object.values(
        findings.filter((r) => r.company_id).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.company_id]: (acc[r.company_id] ?? 0) + r.n }), {}),
      ),
      age: (b: string) => onDuty.filter((r) => band(age(r.birth, r.day)) === b).length,
      onDuty: onDuty.length,
    };
  }

  async function checkAgainstSql(o: any, district: string | null) { // eslint-disable-line @typescript-eslint/no-explicit-any
    const e = await expected(district);
    const h = o.headline;
    expect(h.activities).toBe(e.activities);
    expect(h.activitiesLate).toBe(e.late);
    expect(h.activitiesFewCandidates).toBe(e.few);
    expect(o.fewCandidates.value).toBe(e.few);
    expect(h.activitiesClosedWithSerious).toBe(e.closedWithSerious);
    expect(o.closedWithSerious.value).toBe(e.closedWithSerious);
    const punctuality = Object.fromEntries((o.punctuality as { unitId: string; onTime: number; late: number; overdue: number; open: number }[])
      .map((p) => [p.unitId, { onTime: p.onTime, late: p.late, overdue: p.overdue, open: p.open }]));
    expect(punctuality).toEqual(Object.fromEntries(e.punctual));
    for (const g of o.activitiesByStage as Group[]) {
      expect([g.key, g.parts[0].value, g.parts[1].value]).toEqual([g.key, e.byStatus(g.key, false), e.byStatus(g.key, true)]);
    }
    for (const c of o.lateByStage as Count[]) expect([c.key, c.value]).toEqual([c.key, e.lateBy(c.key)]);
    expect(h.companiesTotal).toBe(e.companiesTotal);
    expect(h.companiesQualified).toBe(e.companiesQualified);
    for (const g of o.companiesByDistrict as Group[]) {
      expect([g.key, g.parts[0].value, g.parts[1].value]).toEqual([g.key, e.companies(g.key, true), e.companies(g.key, false)]);
    }
    for (const c of o.vettingOutcomes as Count[]) expect([c.key, c.value]).toEqual([c.key, e.decision(c.key)]);
    for (const c of o.failureReasons as Count[]) expect([c.key, c.value]).toEqual([c.key, e.reason(c.key)]);
    expect(h.guardsVetted).toBe(e.decision('PASSED') + e.decision('FAILED'));
    expect(h.guardsPending).toBe(e.decision('PENDING'));
    for (const c of o.trainingOutcomes as Count[]) expect([c.key, c.value]).toEqual([c.key, e.training(c.key)]);
    for (const g of o.findingsByItem as Group[]) {
      expect([g.key, g.parts[0].value, g.parts[1].value]).toEqual([g.key, e.findings(g.key, true), e.findings(g.key, false)]);
    }
    for (const g of o.findingsByCompany as Group[]) {
      expect([g.key, g.parts[0].value, g.parts[1].value]).toEqual([g.key, e.findingsOfCompany(g.key, true), e.findingsOfCompany(g.key, false)]);
    }
    const top = e.companyFindingTotals.sort((a, b) => b - a).slice(0, 10);
    expect((o.findingsByCompany as Group[]).map((g) => g.parts[0].value + g.parts[1].value)).toEqual(top);
    expect(h.findingsOpen).toBe(e.findingsOpen);
    expect(h.findingsTotal).toBe(e.findingsTotal);
    for (const c of o.ageProfile as Count[]) expect([c.key, c.value]).toEqual([c.key, e.age(c.key)]);
    expect(h.guardsOnDuty).toBe(e.onDuty);
    return e;
  }

  it('equals counts made independently in SQL, city-wide', async () => {
    const o = expectData(await office.gql(OVERVIEW, { range: { from: FROM, to: TO } })).overview;
    expect(o.district).toBeNull();
    const e = await checkAgainstSql(o, null);
    // The fixture makes every kind of figure non-trivial.
    expect(e.late).toBeGreaterThanOrEqual(4);
    expect(e.few).toBeGreaterThanOrEqual(2);
    expect(e.closedWithSerious).toBeGreaterThanOrEqual(2);
    const all = [...e.punctual.values()];
    for (const k of ['onTime', 'late', 'overdue', 'open'] as const) expect(all.some((p) => p[k] > 0)).toBe(true);
    expect(e.decision('FAILED')).toBeGreaterThan(0);
    expect(e.reason('OWN_RECORD') + e.reason('RELATIVE_RECORD') + e.reason('PRE_CHECK')).toBeGreaterThan(0);
    expect(e.training('ABSENT')).toBeGreaterThan(0);
    expect(e.onDuty).toBeGreaterThan(0);
    expect(e.findingsOpen).toBeGreaterThan(0);
    expect(e.companiesTotal - e.companiesQualified).toBeGreaterThanOrEqual(4);
  });

  it('equals the SQL counts for one district, and for the leader and the security detachment', async () => {
    const o = expectData(await office.gql(OVERVIEW, { range: { from: FROM, to: TO }, district: 'DAWA' })).overview;
    expect(o.district).toBe('DAWA');
    expect(o.companiesByDistrict.map((g: Group) => g.key)).toEqual(['DAWA']);
    await checkAgainstSql(o, 'DAWA');
    for (const who of ['leader', 'baoan']) {
      const c = await t.login(who);
      const again = expectData(await c.gql(OVERVIEW, { range: { from: FROM, to: TO } })).overview;
      expect(again.headline).toEqual(expectData(await office.gql(OVERVIEW, { range: { from: FROM, to: TO } })).overview.headline);
    }
  });

  it("holds a district bureau to its own district: another district is refused, never swapped for its own (red team F6)", async () => {
    const panshan = await t.login('panshan');
    const own = expectData(await panshan.gql(OVERVIEW, { range: { from: FROM, to: TO } })).overview;
    const named = expectData(await panshan.gql(OVERVIEW, { range: { from: FROM, to: TO }, district: 'PANSHAN' })).overview;
    expect(own.district).toBe('PANSHAN');
    expect(named).toEqual(own);
    await checkAgainstSql(own, 'PANSHAN');
    // Asking for 大洼 used to answer 盘山's figures (district "PANSHAN") as if that were what was asked.
    const other = await panshan.gql(OVERVIEW, { range: { from: FROM, to: TO }, district: 'DAWA' });
    expectErrorCode(other, 'FORBIDDEN');
    expect(other.errors![0].message).toBe('县区公安（分）局只能查看本辖区（盘山县）的统计，无权查看大洼的统计');
    expect(other.data?.overview ?? null).toBeNull();
    // Its drill-down lists too: another district is refused; without one, its own.
    const foreign = await panshan.gql(DRILL, { kind: 'ACTIVITIES', filter: { from: FROM, to: TO, district: 'DAWA' }, page: { page: 1, pageSize: 500 } });
    expectErrorCode(foreign, 'FORBIDDEN');
    expect(foreign.errors![0].message).toContain('无权查看大洼的统计');
    const list = expectData(await panshan.gql(DRILL, { kind: 'ACTIVITIES', filter: { from: FROM, to: TO }, page: { page: 1, pageSize: 500 } }));
    const codes = list.overviewDrilldown.items.map((r: { cells: string[] }) => r.cells[0]);
    const dawa = await t.sql(`SELECT code FROM activities WHERE district = 'DAWA'`);
    expect(codes.length).toBeGreaterThan(0);
    for (const { code } of dawa) expect(codes).not.toContain(code);
    expect(list.overviewDrilldown.items.every((r: { cells: string[] }) => r.cells[2] === '盘山县')).toBe(true);
  });

  it('every bar and slice drills down to a list of exactly its size', async () => {
    const o = expectData(await office.gql(OVERVIEW, { range: { from: FROM, to: TO } })).overview;
    const counts: Count[] = [
      ...o.companiesByDistrict.flatMap((g: Group) => g.parts),
      ...o.vettingOutcomes,
      ...o.failureReasons,
      ...o.activitiesByStage.flatMap((g: Group) => g.parts),
      ...o.lateByStage,
      o.fewCandidates,
      o.closedWithSerious,
      ...o.trainingOutcomes,
      ...o.findingsByItem.flatMap((g: Group) => g.parts),
      ...o.findingsByCompany.flatMap((g: Group) => g.parts),
      ...o.ageProfile,
    ].filter((c) => c.value > 0);
    expect(counts.length).toBeGreaterThan(20);
    for (const c of counts) {
      const filter = Object.fromEntries(Object.entries(c.filter).filter(([, v]) => v !== null));
      const page = expectData(await office.gql(DRILL, { kind: c.kind, filter, page: { page: 1, pageSize: 5 } })).overviewDrilldown;
      expect([c.kind, c.label, JSON.stringify(filter), page.total]).toEqual([c.kind, c.label, JSON.stringify(filter), c.value]);
      expect(page.items.length).toBe(Math.min(5, c.value));
      expect(page.items[0].cells.length).toBe(page.columns.length);
    }
  });

  it('masks ID numbers in drill-down lists for everyone but the security detachment', async () => {
    const filter = { from: FROM, to: TO, decision: 'PASSED' };
    const masked = expectData(await office.gql(DRILL, { kind: 'VETTING_ENTRIES', filter })).overviewDrilldown.items[0].cells[1];
    expect(masked).toMatch(/\*{8}/);
    const baoan = await t.login('baoan');
    const full = expectData(await baoan.gql(DRILL, { kind: 'VETTING_ENTRIES', filter })).overviewDrilldown.items[0].cells[1];
    expect(full).not.toMatch(/\*/);
  });

  it('refuses companies, organizers, the event detachment and anonymous callers', async () => {
    for (const who of [companyUser, 'organizer1', 'dahuo', 'admin']) {
      const c = await t.login(who);
      expectErrorCode(await c.gql(OVERVIEW, { range: { from: FROM, to: TO } }), 'FORBIDDEN');
      expectErrorCode(await c.gql(DRILL, { kind: 'COMPANIES', filter: {} }), 'FORBIDDEN');
    }
    expectErrorCode(await t.anonymous().gql(OVERVIEW, { range: { from: FROM, to: TO } }), 'UNAUTHENTICATED');
  });

  it('rejects a period that ends before it starts', async () => {
    const error = expectErrorCode(await office.gql(OVERVIEW, { range: { from: TO, to: FROM } }), 'BAD_USER_INPUT');
    expect(error.extensions?.fields?.[0].field).toBe('range.to');
    expectErrorCode(await office.gql(OVERVIEW, { range: { from: '2026-02-30', to: TO } }), 'BAD_USER_INPUT');
  });

  it('exports the figures as Excel to the roles that may see them', async () => {
    const get = (client: TestClient | null, query = `from=${FROM}&to=${TO}`) =>
      fetch(`${t.url}/exports/overview.xlsx?${query}`, {
        headers: client ? { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` } : {},
      });
    const res = await get(office);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['关键数字', '公司', '背景审核', '活动阶段', '按期情况', '岗前培训', '现场问题', '年龄结构']);
    const o = expectData(await office.gql(OVERVIEW, { range: { from: FROM, to: TO } })).overview;
    expect(wb.getWorksheet('关键数字')!.getRow(5).values).toEqual([undefined, '期间内活动（不含草稿）', o.headline.activities]);
    // every headline figure of the screen, and its punctuality table, row for row
    const figures = new Map(wb.getWorksheet('关键数字')!.getSheetValues().slice(5).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(figures.get('严重问题未纠正即总结的活动')).toBe(o.headline.activitiesClosedWithSerious);
    const punctuality = wb.getWorksheet('按期情况')!.getSheetValues().slice(5).map((r) => (r as unknown[]).slice(1));
    expect(punctuality).toEqual(
      o.punctuality.map((u: { unitName: string; onTime: number; late: number; overdue: number; open: number }) => [
        u.unitName, u.onTime, u.late, u.overdue, u.open, u.onTime + u.late + u.overdue + u.open,
      ]),
    );
    expect(punctuality.length).toBeGreaterThan(0);

    expect((await get(null)).status).toBe(401);
    expect((await get(await t.login('organizer1'))).status).toBe(403);
    expect((await get(office, `from=${TO}&to=${FROM}`)).status).toBe(400);
    // A district bureau's export is its own district's; another district is refused (red team F6).
    const panshanClient = await t.login('panshan');
    const panshan = await get(panshanClient, `from=${FROM}&to=${TO}`);
    expect(panshan.status).toBe(200);
    expect(decodeURIComponent(panshan.headers.get('content-disposition') ?? '')).toContain('盘山县');
    expect((await get(panshanClient, `from=${FROM}&to=${TO}&district=DAWA`)).status).toBe(403);
  });

  it("gives each role its own home figures", async () => {
    const baoan = expectData(await (await t.login('baoan')).gql(HOME)).myHome;
    const [{ n: toVet }] = await t.sql(
      `SELECT count(*)::int AS n FROM roster_entries r JOIN activities a ON a.id = r.activity_id
        WHERE a.status = 'VETTING' AND r.state = 'ACTIVE' AND r.decision = 'PENDING'`,
    );
    expect(baoan.counts.find((c: { key: string }) => c.key === 'toVet').value).toBe(toVet);

    const panshan = expectData(await (await t.login('panshan')).gql(HOME)).myHome;
    const [{ n: open }] = await t.sql(`SELECT count(*)::int AS n FROM activities WHERE district = 'PANSHAN' AND status NOT IN ('CLOSED', 'CANCELLED')`);
    expect(panshan.counts.find((c: { key: string }) => c.key === 'open').value).toBe(open);
    expect(panshan.activities.length).toBeGreaterThan(0);
    const codes = panshan.activities.map((a: { code: string }) => a.code);
    expect(codes).not.toContain('OVFX-A4');

    const company = expectData(await (await t.login(companyUser)).gql(HOME)).myHome;
    expect(company.company).toMatchObject({ name: 'OVFX保安公司0', qualified: true, problems: [] });
    const outcomes = await t.sql(
      `SELECT r.decision::text AS key, count(*)::int AS value FROM roster_entries r JOIN companies c ON c.id = r.company_id
        WHERE c.name = 'OVFX保安公司0' AND (r.state = 'ACTIVE' OR r.decision = 'FAILED') GROUP BY 1`,
    );
    for (const o of outcomes) expect(company.outcomes.find((c: { key: string }) => c.key === o.key).value).toBe(o.value);
    expect(company.counts.find((c: { key: string }) => c.key === 'guards').value).toBe(40);
    expect(company.trainings).toEqual([expect.objectContaining({ activityName: 'OVFX活动A6', guards: 3, makeup: true })]);
    expect(company.activities.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['OVFX-A5', 'OVFX-A6', 'OVFX-A8']));
    expect(company.ageProfile.reduce((a: number, c: { value: number }) => a + c.value, 0)).toBe(40);
  });
});
