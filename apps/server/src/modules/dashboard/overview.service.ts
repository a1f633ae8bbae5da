import {
  ActivityStatus,
  activityStatusLabels,
  AgeBand,
  ageBandLabels,
  CompanyStatus,
  companyStatusLabels,
  District,
  districtLabels,
  DrilldownKind,
  drilldownKindLabels,
  InspectionItem,
  inspectionItemLabels,
  LateStage,
  lateStageLabels,
  maskIdNumber,
  TrainingOutcome,
  trainingOutcomeLabels,
  VettingDecision,
  vettingDecisionLabels,
  VettingReasonCategory,
  vettingReasonCategoryLabels,
} from '@evs/schema';
import { idTextView } from '../../common/id-text';
import { decryptNullable } from '../../common/pii';
import { ANONYMISED } from '../privacy/anonymised';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/actor';
import { badInput } from '../../common/errors';
import { PageInput, pageWindow } from '../../common/pagination';
import { formatCN, localDate, todayBy } from '../../common/calendar';
import { Clock } from '../../common/clock';
import { stageDaysOf } from '../deadlines/stages';
import { SettingsService } from '../settings/settings.service';
import { SupervisionService } from '../supervision/supervision.service';
import { seesFullIdNumbers } from '../guards/guard.policy';
import { overviewDistrict, overviewScope } from './dashboard.policy';
import { DrilldownFilter, DrilldownPage, DrilldownRow, Overview, OverviewCount, OverviewGroup } from './dashboard.types';
import {
  ageBandExpr,
  ageExpr,
  closedWithSeriousExpr,
  Deadlines,
  lateStageExpr,
  onDutyExpr,
  Params,
  Period,
  periodActivities,
  qualifiedExpr,
  todaySql,
  trainingOutcomeExpr,
  vettingCountedExpr,
} from './overview.sql';

/** Stages shown on the "activities by stage" chart, in lifecycle order (drafts are not reported yet). */
const STAGES = Object.values(ActivityStatus).filter((s) => s !== ActivityStatus.DRAFT);
const FAILURE_REASONS = [
  VettingReasonCategory.OWN_RECORD,
  VettingReasonCategory.RELATIVE_RECORD,
  VettingReasonCategory.PRE_CHECK,
  VettingReasonCategory.OTHER,
];
const OPEN = new Set<string>(STAGES.filter((s) => s !== ActivityStatus.CLOSED && s !== ActivityStatus.CANCELLED));

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);
const rate = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

type Aggregate = 'activities' | 'companies' | 'rosters' | 'training' | 'findings' | 'findingsByCompany' | 'punctuality';
const ALL_AGGREGATES: ReadonlySet<Aggregate> = new Set(['activities', 'companies', 'rosters', 'training', 'findings', 'findingsByCompany', 'punctuality']);
/** Which aggregates each field of Overview is built from (the headline draws on five). */
const AGGREGATES_OF_FIELD: Record<string, Aggregate[]> = {
  headline: ['activities', 'companies', 'rosters', 'training', 'findings'],
  companiesByDistrict: ['companies'],
  vettingOutcomes: ['rosters'],
  failureReasons: ['rosters'],
  activitiesByStage: ['activities'],
  lateByStage: ['activities'],
  fewCandidates: ['activities'],
  closedWithSerious: ['activities'],
  punctuality: ['punctuality'],
  trainingOutcomes: ['training'],
  findingsByItem: ['findings'],
  findingsByCompany: ['findingsByCompany'],
  ageProfile: ['rosters'],
};

/**
 * The 领导小组办公室 overview (SPEC §6). Every figure is an aggregate computed in PostgreSQL; the
 * server only receives one row per group. The drill-down lists reuse the same predicates.
 */
export class OverviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: SettingsService,
    private readonly supervision: SupervisionService,
    private readonly clock: Clock,
  ) {}

  async deadlines(): Promise<Deadlines> {
    return stageDaysOf(await this.settings.all());
  }

  /** Today in Beijing by the app's clock (`YYYY-MM-DD`). */
  today(): string {
    return todayBy(this.clock);
  }

  /**
   * The overview; `selected` (the fields a query asks for) limits the aggregates run to those the
   * asked-for charts need — the figures of charts not asked for are left empty. Without it, all.
   */
  async overview(actor: Actor, from: string, to: string, district?: District | null, selected?: ReadonlySet<string>): Promise<Overview> {
    const period = overviewScope(actor, from, to, district);
    const base: DrilldownFilter = { from: period.from, to: period.to, district: period.district };
    const f = (extra: Partial<DrilldownFilter>): DrilldownFilter => ({ ...base, ...extra });
    const needed = new Set<Aggregate>();
    for (const [field, aggregates] of Object.entries(AGGREGATES_OF_FIELD)) {
      if (!selected || selected.has(field)) for (const a of aggregates) needed.add(a);
    }

    // The stage deadlines are read once, for the activity figures and punctuality alike.
    const deadlines = needed.has('activities') || needed.has('punctuality') ? this.deadlines() : undefined;
    const [[activityRows, companyRows, rosterRows, trainingRows, findingRows, companyFindingRows], punctuality] = await Promise.all([
      this.figures(period, deadlines, needed),
      needed.has('punctuality') ? this.supervision.punctuality(period, undefined, deadlines) : Promise.resolve([]),
    ]);
    const vettingRows = rosterRows;
    const ageRows = rosterRows.filter((r) => r.band);

    // activities by stage, late, few candidates
    const byStage = new Map<string, { onTime: number; late: number }>();
    const lateBy = new Map<string, number>();
    let activities = 0;
    let open = 0;
    let late = 0;
    let few = 0;
    let closedWithSerious = 0;
    for (const r of activityRows) {
      const count = n(r.count);
      const status = r.status as string;
      const stage = byStage.get(status) ?? { onTime: 0, late: 0 };
      if (r.late_stage) {
        stage.late += count;
        late += count;
        lateBy.set(r.late_stage as string, (lateBy.get(r.late_stage as string) ?? 0) + count);
      } else stage.onTime += count;
      byStage.set(status, stage);
      activities += count;
      if (OPEN.has(status)) open += count;
      if (r.few) few += count;
      if (r.closed_with_serious) closedWithSerious += count;
    }
    const A = DrilldownKind.ACTIVITIES;
    const activitiesByStage: OverviewGroup[] = STAGES.map((s) => ({
      key: s,
      label: activityStatusLabels[s],
      parts: [
        { key: 'ON_TIME', label: '按期', value: byStage.get(s)?.onTime ?? 0, kind: A, filter: f({ status: s, late: false }) },
        { key: 'LATE', label: '逾期', value: byStage.get(s)?.late ?? 0, kind: A, filter: f({ status: s, late: true }) },
      ],
    }));
    const lateByStage: OverviewCount[] = Object.values(LateStage).map((s) => ({
      key: s,
      label: lateStageLabels[s],
      value: lateBy.get(s) ?? 0,
      kind: A,
      filter: f({ lateStage: s }),
    }));

    // companies
    const C = DrilldownKind.COMPANIES;
    const companyFilter = (extra: Partial<DrilldownFilter>): DrilldownFilter => ({ district: period.district, ...extra });
    const byDistrict = new Map<string, { yes: number; no: number }>();
    let companiesQualified = 0;
    let companiesTotal = 0;
    for (const r of companyRows) {
      const d = byDistrict.get(r.district as string) ?? { yes: 0, no: 0 };
      if (r.qualified) {
        d.yes += n(r.count);
        companiesQualified += n(r.count);
      } else d.no += n(r.count);
      companiesTotal += n(r.count);
      byDistrict.set(r.district as string, d);
    }
    const districts = period.district ? [period.district] : Object.values(District);
    const companiesByDistrict: OverviewGroup[] = districts.map((d) => ({
      key: d,
      label: districtLabels[d],
      parts: [
        { key: 'QUALIFIED', label: '合格', value: byDistrict.get(d)?.yes ?? 0, kind: C, filter: companyFilter({ district: d, qualified: true }) },
        { key: 'NOT_QUALIFIED', label: '不合格', value: byDistrict.get(d)?.no ?? 0, kind: C, filter: companyFilter({ district: d, qualified: false }) },
      ],
    }));

    // vetting
    const V = DrilldownKind.VETTING_ENTRIES;
    const decisions = new Map<string, number>();
    const reasons = new Map<string, number>();
    for (const r of vettingRows) {
      decisions.set(r.decision as string, (decisions.get(r.decision as string) ?? 0) + n(r.count));
      if (r.decision === VettingDecision.FAILED) {
        const reason = FAILURE_REASONS.includes(r.reason_category as VettingReasonCategory) ? (r.reason_category as string) : VettingReasonCategory.OTHER;
        reasons.set(reason, (reasons.get(reason) ?? 0) + n(r.count));
      }
    }
    const vettingOutcomes: OverviewCount[] = [VettingDecision.PASSED, VettingDecision.FAILED, VettingDecision.PENDING].map((d) => ({
      key: d,
      label: vettingDecisionLabels[d],
      value: decisions.get(d) ?? 0,
      kind: V,
      filter: f({ decision: d }),
    }));
    const failureReasons: OverviewCount[] = FAILURE_REASONS.map((c) => ({
      key: c,
      label: vettingReasonCategoryLabels[c],
      value: reasons.get(c) ?? 0,
      kind: V,
      filter: f({ decision: VettingDecision.FAILED, reasonCategory: c }),
    }));
    const passed = decisions.get(VettingDecision.PASSED) ?? 0;
    const failed = decisions.get(VettingDecision.FAILED) ?? 0;

    // training
    const T = DrilldownKind.TRAINING_RESULTS;
    const outcomes = new Map(trainingRows.map((r) => [r.outcome as string, n(r.count)]));
    const trainingOutcomes: OverviewCount[] = Object.values(TrainingOutcome).map((o) => ({
      key: o,
      label: trainingOutcomeLabels[o],
      value: outcomes.get(o) ?? 0,
      kind: T,
      filter: f({ trainingOutcome: o }),
    }));
    const tPassed = outcomes.get(TrainingOutcome.PASSED) ?? 0;
    const tAssessed = tPassed + (outcomes.get(TrainingOutcome.FAILED) ?? 0) + (outcomes.get(TrainingOutcome.ABSENT) ?? 0);

    // findings
    const F = DrilldownKind.FINDINGS;
    const byItem = new Map<string, { open: number; corrected: number }>();
    let findingsOpen = 0;
    let findingsTotal = 0;
    for (const r of findingRows) {
      const it = byItem.get(r.item as string) ?? { open: 0, corrected: 0 };
      if (r.open) {
        it.open += n(r.count);
        findingsOpen += n(r.count);
      } else it.corrected += n(r.count);
      findingsTotal += n(r.count);
      byItem.set(r.item as string, it);
    }
    const findingsByItem: OverviewGroup[] = Object.values(InspectionItem).map((i) => ({
      key: i,
      label: inspectionItemLabels[i],
      parts: [
        { key: 'OPEN', label: '未纠正', value: byItem.get(i)?.open ?? 0, kind: F, filter: f({ item: i, open: true }) },
        { key: 'CORRECTED', label: '已纠正', value: byItem.get(i)?.corrected ?? 0, kind: F, filter: f({ item: i, open: false }) },
      ],
    }));
    const findingsByCompany: OverviewGroup[] = companyFindingRows.map((r) => ({
      key: r.company_id as string,
      label: r.name as string,
      parts: [
        { key: 'OPEN', label: '未纠正', value: n(r.open), kind: F, filter: f({ companyId: r.company_id as string, open: true }) },
        { key: 'CORRECTED', label: '已纠正', value: n(r.total) - n(r.open), kind: F, filter: f({ companyId: r.company_id as string, open: false }) },
      ],
    }));

    // age profile of guards on duty
    const ages = new Map<string, number>();
    for (const r of ageRows) ages.set(r.band as string, (ages.get(r.band as string) ?? 0) + n(r.count));
    const ageProfile: OverviewCount[] = Object.values(AgeBand).map((b) => ({
      key: b,
      label: ageBandLabels[b],
      value: ages.get(b) ?? 0,
      kind: DrilldownKind.GUARDS_ON_DUTY,
      filter: f({ ageBand: b }),
    }));
    const guardsOnDuty = [...ages.values()].reduce((a, b) => a + b, 0);

    return {
      from: period.from!,
      to: period.to!,
      district: period.district,
      generatedAt: this.clock.now(),
      headline: {
        activities,
        activitiesOpen: open,
        activitiesLate: late,
        activitiesFewCandidates: few,
        activitiesClosedWithSerious: closedWithSerious,
        companiesQualified,
        companiesTotal,
        guardsVetted: passed + failed,
        guardsPassed: passed,
        guardsPending: decisions.get(VettingDecision.PENDING) ?? 0,
        vettingPassRate: rate(passed, passed + failed),
        trainingPassRate: rate(tPassed, tAssessed),
        guardsOnDuty,
        findingsOpen,
        findingsTotal,
      },
      companiesByDistrict,
      vettingOutcomes,
      failureReasons,
      activitiesByStage,
      lateByStage,
      fewCandidates: { key: 'FEW_CANDIDATES', label: '候选不足3家', value: few, kind: A, filter: f({ fewCandidates: true }) },
      closedWithSerious: {
        key: 'CLOSED_WITH_SERIOUS',
        label: '严重问题未纠正即总结',
        value: closedWithSerious,
        kind: A,
        filter: f({ closedWithSerious: true }),
      },
      punctuality,
      trainingOutcomes,
      findingsByItem,
      findingsByCompany,
      ageProfile,
    };
  }

  // ---- the aggregates (one row per group) ----------------------------------------------------

  /**
   * Runs one aggregate with JIT compilation off: the planner's cost estimates for these scans pass
   * `jit_above_cost`, and compiling then takes longer than the query itself (seen at city scale:
   * hundreds of milliseconds of JIT for a 30 ms aggregate).
   */
  private aggregate(sql: string, params: unknown[]): Promise<Row[]> {
    return this.ds.query(sql, params);
  }

  /**
   * The six aggregate queries behind the overview, run concurrently (the benchmark times them alone
   * too; without `deadlines` the activity aggregate reads them from the settings, alongside the
   * others); `needed` leaves out those no asked-for chart uses. One statement each: JIT is off for the
   * app's connections (database/data-source.ts).
   */
  async figures(period: Period, deadlines?: Deadlines | Promise<Deadlines>, needed: ReadonlySet<Aggregate> = ALL_AGGREGATES): Promise<Row[][]> {
    const run = (a: Aggregate, q: () => Promise<Row[]>) => (needed.has(a) ? q() : Promise.resolve([]));
    const [activityRows, companyRows, rosterRows, trainingRows, [findingRows, companyFindingRows]] = await Promise.all([
      run('activities', async () => this.activityFigures(period, await (deadlines ?? this.deadlines()))),
      run('companies', () => this.companyFigures(period)),
      run('rosters', () => this.rosterFigures(period)),
      run('training', () => this.trainingFigures(period)),
      this.findingFigures(period, needed.has('findings'), needed.has('findingsByCompany')),
    ]);
    return [activityRows, companyRows, rosterRows, trainingRows, findingRows, companyFindingRows];
  }

  private activityFigures(period: Period, d: Deadlines): Promise<Row[]> {
    const q = new Params();
    const today = todaySql(this.today());
    return this.aggregate(
      `SELECT a.status, ${lateStageExpr(d, today)} AS late_stage, (a.recommendation_justification IS NOT NULL) AS few,
              ${closedWithSeriousExpr()} AS closed_with_serious, count(*)::int AS count
         FROM activities a WHERE ${periodActivities(q, period)} GROUP BY 1, 2, 3, 4`,
      q.values,
    );
  }

  private companyFigures(period: Period): Promise<Row[]> {
    const q = new Params();
    const today = todaySql(this.today());
    const where = period.district ? `WHERE c.district = ${q.p(period.district)}::district` : '';
    return this.aggregate(
      `SELECT c.district, ${qualifiedExpr(today)} AS qualified, count(*)::int AS count
         FROM companies c JOIN units cu ON cu.id = c.id AND cu.kind = 'COMPANY' ${where} GROUP BY 1, 2`,
      q.values,
    );
  }

  /**
   * Vetting outcomes and the age profile of those on duty, from the per-activity roster summary that
   * triggers keep exact (migration RosterStats: same definitions as vettingCountedExpr, onDutyExpr and
   * ageBandExpr): one row per (decision, reason, age band), the band set only for guards on duty.
   */
  private rosterFigures(period: Period): Promise<Row[]> {
    const q = new Params();
    return this.aggregate(
      `SELECT r.decision, r.reason_category, r.band, sum(r.count)::int AS count
         FROM activities a JOIN activity_roster_stats r ON r.activity_id = a.id
        WHERE ${periodActivities(q, period)} GROUP BY 1, 2, 3`,
      q.values,
    );
  }

  private trainingFigures(period: Period): Promise<Row[]> {
    const q = new Params();
    return this.aggregate(
      `SELECT t.outcome, sum(t.count)::int AS count
         FROM activities a JOIN activity_training_stats t ON t.activity_id = a.id
        WHERE ${periodActivities(q, period)} GROUP BY 1`,
      q.values,
    );
  }

  /**
   * Findings by item (open or corrected) and the ten companies with the most findings, in one
   * statement over the period's findings; either part only when asked for.
   */
  private async findingFigures(period: Period, byItem: boolean, byCompany: boolean): Promise<[Row[], Row[]]> {
    if (!byItem && !byCompany) return [[], []];
    const q = new Params();
    const parts = [
      byItem
        ? `SELECT 'item' AS part, 0::bigint AS ord, pf.item::text AS item, pf.open, count(*)::int AS count,
                  NULL::uuid AS company_id, NULL::text AS name, NULL::int AS total, NULL::int AS open_total
             FROM pf GROUP BY pf.item, pf.open`
        : null,
      byCompany
        ? `SELECT 'company' AS part, row_number() OVER (ORDER BY x.total DESC, c.name) AS ord, NULL::text AS item, NULL::boolean AS open,
                  NULL::int AS count, x.company_id, c.name, x.total, x.open_total
             FROM (SELECT pf.company_id, count(*)::int AS total, count(*) FILTER (WHERE pf.open)::int AS open_total
                     FROM pf WHERE pf.company_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10) x
             JOIN companies c ON c.id = x.company_id`
        : null,
    ].filter(Boolean);
    const rows = await this.aggregate(
      `WITH pf AS MATERIALIZED (
         SELECT f.item, f.company_id, (f.corrected_at IS NULL) AS open
           FROM activities a JOIN findings f ON f.activity_id = a.id WHERE ${periodActivities(q, period)})
       ${parts.join(' UNION ALL ')}
       ORDER BY 1, 2`,
      q.values,
    );
    return [
      rows.filter((r) => r.part === 'item').map((r) => ({ item: r.item, open: r.open, count: r.count })),
      rows.filter((r) => r.part === 'company').map((r) => ({ company_id: r.company_id, name: r.name, total: r.total, open: r.open_total })),
    ];
  }

  // ---- the lists behind the figures ----------------------------------------------------------

  async drilldown(actor: Actor, kind: DrilldownKind, filter: DrilldownFilter, page?: PageInput): Promise<DrilldownPage> {
    // The same scope as the overview: a district bureau is held to its own district.
    const period: Period = { from: filter.from ?? null, to: filter.to ?? null, district: overviewDistrict(actor, filter.district) };
    const { skip, take, page: pageNo, pageSize } = pageWindow(page);
    const deadlines = await this.deadlines();
    const q = new Params();
    const spec = this.listSpec(kind, filter, period, deadlines, q, seesFullIdNumbers(actor), this.today());
    const [{ total }] = await this.aggregate(`SELECT count(*)::int AS total ${spec.from}`, q.values);
    const rows: Row[] = await this.aggregate(
      `SELECT ${spec.select} ${spec.from} ORDER BY ${spec.orderBy} LIMIT ${take} OFFSET ${skip}`,
      q.values,
    );
    return {
      kind,
      title: drilldownKindLabels[kind],
      columns: spec.columns,
      items: rows.map(spec.toRow),
      total: Number(total),
      page: pageNo,
      pageSize,
    };
  }

  /** One list: its FROM … WHERE, the columns it shows and how one row reads. */
  private listSpec(kind: DrilldownKind, filter: DrilldownFilter, period: Period, d: Deadlines, q: Params, fullIds: boolean, todayDate: string) {
    const todayOf = () => todaySql(todayDate);
    // The web's formats (`YYYY-MM-DD HH:mm`, `YYYY-MM-DD`, Beijing time), so a drill-down reads like every other list.
    const date = (v: unknown) => (v ? formatCN(new Date(v as string)) : '');
    const day = (v: unknown) => (v ? localDate(new Date(v as string)) : '');
    // ID numbers are stored encrypted: decrypted for the page being shown, masked unless the reader sees them whole.
    const id = (cipher: unknown) => {
      const plain = decryptNullable(cipher as string | null);
      return plain === null ? ANONYMISED : fullIds ? plain : maskIdNumber(plain);
    };
    // The row of a whole ID number names its roster entry, for the request's READ_DETAIL entry (DrilldownRowResolver).
    const wholeIdOf = (r: Row) => (fullIds && r.id_cipher != null ? { wholeIdOf: r.id as string } : {});
    // Free text (a finding's note may name an unvetted person "及证件号"): ID numbers masked alike (common/id-text.ts).
    const shownText = idTextView(fullIds);
    const where: string[] = [];
    const bool = (v: boolean | null | undefined, yes: string, no: string) => {
      if (v === true) where.push(yes);
      else if (v === false) where.push(no);
    };

    switch (kind) {
      case DrilldownKind.ACTIVITIES: {
        where.push(periodActivities(q, period));
        const late = lateStageExpr(d, todayOf());
        if (filter.status) where.push(`a.status = ${q.p(filter.status)}::activity_status`);
        if (filter.lateStage) where.push(`${late} = ${q.p(filter.lateStage)}`);
        bool(filter.late, `${late} IS NOT NULL`, `${late} IS NULL`);
        bool(filter.fewCandidates, 'a.recommendation_justification IS NOT NULL', 'a.recommendation_justification IS NULL');
        bool(filter.closedWithSerious, closedWithSeriousExpr(), `NOT ${closedWithSeriousExpr()}`);
        return {
          from: `FROM activities a WHERE ${where.join(' AND ')}`,
          select: `a.id, a.code, a.name, a.district, a.starts_at, a.status, ${late} AS late_stage, a.guards_required,
                   (SELECT count(*)::int FROM activity_candidates ac WHERE ac.activity_id = a.id) AS candidates,
                   a.close_statement, a.recommendation_justification, ${closedWithSeriousExpr()} AS closed_with_serious`,
          orderBy: 'a.starts_at, a.code',
          columns: ['编号', '活动名称', '辖区', '开始时间', '阶段', '逾期', '需保安员', '候选公司', '说明'],
          toRow: (r: Row): DrilldownRow => ({
            id: r.id as string,
            cells: [
              r.code as string,
              r.name as string,
              districtLabels[r.district as District],
              date(r.starts_at),
              activityStatusLabels[r.status as ActivityStatus],
              r.late_stage ? lateStageLabels[r.late_stage as LateStage] : '按期',
              String(r.guards_required),
              String(r.candidates),
              shownText([
                r.close_statement
                  ? `严重问题未纠正即总结：${r.close_statement}`
                  : r.closed_with_serious ? '总结后补录的严重问题未纠正，尚无说明' : null,
                r.recommendation_justification ? `推荐不足3家：${r.recommendation_justification}` : null,
              ].filter(Boolean).join('；')),
            ],
            link: `/activities/${r.id}`,
          }),
        };
      }
      case DrilldownKind.COMPANIES: {
        if (period.district) where.push(`c.district = ${q.p(period.district)}::district`);
        const today = todayOf();
        bool(filter.qualified, qualifiedExpr(today), `NOT ${qualifiedExpr(today)}`);
        return {
          from: `FROM companies c JOIN units cu ON cu.id = c.id AND cu.kind = 'COMPANY'${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
          select: `c.id, c.name, c.district, c.status, c.license_expiry::text AS license_expiry, ${qualifiedExpr(today)} AS qualified, cu.active AS unit_active,
                   (c.license_expiry < ${today}) AS expired,
                   (SELECT count(*)::int FROM guards g WHERE g.company_id = c.id AND g.status = 'ACTIVE') AS guards,
                   (SELECT count(*)::int FROM findings sf WHERE sf.company_id = c.id AND sf.serious AND sf.corrected_at IS NULL) AS serious_open`,
          orderBy: 'c.district, c.name',
          columns: ['公司名称', '辖区', '状态', '许可证有效期至', '在册保安员', '未纠正严重问题', '是否合格'],
          toRow: (r: Row): DrilldownRow => {
            const why = [
              r.status !== CompanyStatus.ACTIVE ? companyStatusLabels[r.status as CompanyStatus] : null,
              r.unit_active ? null : '单位已停用',
              r.expired ? '许可证过期' : null,
              n(r.serious_open) > 0 ? '有未纠正严重问题' : null,
            ].filter(Boolean);
            return {
              id: r.id as string,
              cells: [
                r.name as string,
                districtLabels[r.district as District],
                companyStatusLabels[r.status as CompanyStatus],
                r.license_expiry as string,
                String(r.guards),
                String(r.serious_open),
                r.qualified ? '合格' : `不合格（${why.join('、')}）`,
              ],
              link: `/companies/${r.id}`,
            };
          },
        };
      }
      case DrilldownKind.VETTING_ENTRIES: {
        where.push(periodActivities(q, period), vettingCountedExpr());
        if (filter.decision) where.push(`r.decision = ${q.p(filter.decision)}::vetting_decision`);
        if (filter.reasonCategory === VettingReasonCategory.OTHER) where.push(`(r.reason_category IS NULL OR r.reason_category IN ('OTHER', 'CLEAR'))`);
        else if (filter.reasonCategory) where.push(`r.reason_category = ${q.p(filter.reasonCategory)}::vetting_reason_category`);
        if (filter.companyId) where.push(`r.company_id = ${q.p(filter.companyId)}::uuid`);
        return {
          from: `FROM activities a JOIN roster_entries r ON r.activity_id = a.id JOIN guards g ON g.id = r.guard_id
                 JOIN companies c ON c.id = r.company_id WHERE ${where.join(' AND ')}`,
          select: `r.id, g.name, g.id_cipher, c.name AS company, a.name AS activity, a.id AS activity_id, r.decision, r.reason_category, r.decided_at`,
          orderBy: 'a.starts_at, a.code, g.name, r.id',
          columns: ['保安员', '身份证号', '公司', '活动', '审核结论', '原因类别', '决定时间'],
          toRow: (r: Row): DrilldownRow => ({
            id: r.id as string,
            cells: [
              r.name as string,
              id(r.id_cipher),
              r.company as string,
              r.activity as string,
              vettingDecisionLabels[r.decision as VettingDecision],
              r.reason_category ? vettingReasonCategoryLabels[r.reason_category as VettingReasonCategory] : '',
              date(r.decided_at),
            ],
            link: `/activities/${r.activity_id}`,
            ...wholeIdOf(r),
          }),
        };
      }
      case DrilldownKind.TRAINING_RESULTS: {
        where.push(periodActivities(q, period));
        if (filter.trainingOutcome) where.push(`${trainingOutcomeExpr()} = ${q.p(filter.trainingOutcome)}`);
        return {
          from: `FROM activities a JOIN training_sessions s ON s.activity_id = a.id JOIN training_attendance t ON t.session_id = s.id
                 JOIN roster_entries r ON r.id = t.roster_entry_id JOIN guards g ON g.id = r.guard_id
                 JOIN companies c ON c.id = r.company_id WHERE ${where.join(' AND ')}`,
          select: `t.session_id || ':' || t.roster_entry_id AS id, g.name, c.name AS company, a.name AS activity, a.id AS activity_id,
                   s.starts_at, s.is_makeup, ${trainingOutcomeExpr()} AS outcome`,
          orderBy: 's.starts_at, g.name, 1',
          columns: ['保安员', '公司', '活动', '培训时间', '场次', '结果'],
          toRow: (r: Row): DrilldownRow => ({
            id: r.id as string,
            cells: [
              r.name as string,
              r.company as string,
              r.activity as string,
              date(r.starts_at),
              r.is_makeup ? '补训' : '集中培训',
              trainingOutcomeLabels[r.outcome as TrainingOutcome],
            ],
            link: `/activities/${r.activity_id}`,
          }),
        };
      }
      case DrilldownKind.FINDINGS: {
        where.push(periodActivities(q, period));
        if (filter.item) where.push(`f.item = ${q.p(filter.item)}::inspection_item`);
        bool(filter.open, 'f.corrected_at IS NULL', 'f.corrected_at IS NOT NULL');
        if (filter.companyId) where.push(`f.company_id = ${q.p(filter.companyId)}::uuid`);
        return {
          // the guard as the check recorded him, not as the register reads today (red team F4)
          from: `FROM activities a JOIN findings f ON f.activity_id = a.id LEFT JOIN companies c ON c.id = f.company_id
                 LEFT JOIN inspections i ON i.id = f.inspection_id WHERE ${where.join(' AND ')}`,
          select: `f.id, a.name AS activity, a.id AS activity_id, c.name AS company, i.guard_name AS guard, f.item, f.serious, f.note,
                   f.recorded_at, f.corrected_at`,
          orderBy: 'f.recorded_at DESC, f.id',
          columns: ['活动', '公司', '保安员', '检查项目', '严重', '说明', '记录时间', '纠正'],
          toRow: (r: Row): DrilldownRow => ({
            id: r.id as string,
            cells: [
              r.activity as string,
              (r.company as string) ?? '—',
              (r.guard as string) ?? '—',
              inspectionItemLabels[r.item as InspectionItem],
              r.serious ? '严重' : '一般',
              shownText((r.note as string) ?? ''),
              date(r.recorded_at),
              r.corrected_at ? `已纠正 ${date(r.corrected_at)}` : '未纠正',
            ],
            link: `/activities/${r.activity_id}`,
          }),
        };
      }
      case DrilldownKind.GUARDS_ON_DUTY: {
        where.push(periodActivities(q, period), onDutyExpr());
        if (filter.ageBand) where.push(`${ageBandExpr()} = ${q.p(filter.ageBand)}`);
        if (filter.companyId) where.push(`r.company_id = ${q.p(filter.companyId)}::uuid`);
        return {
          from: `FROM activities a JOIN roster_entries r ON r.activity_id = a.id JOIN guards g ON g.id = r.guard_id
                 JOIN companies c ON c.id = r.company_id WHERE ${where.join(' AND ')}`,
          select: `r.id, g.name, g.id_cipher, ${ageExpr()} AS age, c.name AS company, a.name AS activity, a.id AS activity_id,
                   a.starts_at, r.post`,
          orderBy: 'a.starts_at, g.name, r.id',
          columns: ['保安员', '身份证号', '年龄', '公司', '活动', '活动日期', '岗位'],
          toRow: (r: Row): DrilldownRow => ({
            id: r.id as string,
            cells: [
              r.name as string,
              id(r.id_cipher),
              String(r.age),
              r.company as string,
              r.activity as string,
              day(r.starts_at),
              (r.post as string) ?? '',
            ],
            link: `/activities/${r.activity_id}`,
            ...wholeIdOf(r),
          }),
        };
      }
      default:
        throw badInput('未知的列表类型', [{ field: 'kind', message: '未知的列表类型' }]);
    }
  }
}
