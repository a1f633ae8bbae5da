import {
  ActivityStatus,
  AgeBand,
  ageBandLabels,
  CompanyStatus,
  companyStatusLabels,
  District,
  DrilldownKind,
  LateStage,
  SecurityMode,
  VettingDecision,
  vettingDecisionLabels,
} from '@evs/schema';
import { DataSource } from 'typeorm';
import { todayBy, ZONE } from '../../common/calendar';
import { Clock } from '../../common/clock';
import { Actor } from '../../common/actor';
import { bindPredicate } from '../../common/sql-predicate';
import { SupervisionService } from '../supervision/supervision.service';
import { answersInstructions, homeActivityScope, HomeKind, homeKindOf, isTurnOf, ownCompanyFilter, waitingOn } from './dashboard.policy';
import { Home, HomeActivity, HomeCount, OverviewCount } from './dashboard.types';
import { ageBandExpr, Deadlines, lateStageExpr, onRosterExpr, Params, qualifiedExpr, todaySql, vettingCountedExpr } from './overview.sql';
import { OverviewService } from './overview.service';

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

const count = (key: string, label: string, value: unknown, link: string | null = null, warn = false): HomeCount => ({
  key,
  label,
  value: n(value),
  link,
  warn: warn && n(value) > 0,
});

/**
 * Each role's home (SPEC §6): small aggregate queries over the actor's own rows. Row-level scope
 * follows the activity policy: a district bureau its district, an organizer its unit, a company
 * the activities it was selected for.
 */
export class HomeService {
  constructor(
    private readonly ds: DataSource,
    private readonly overview: OverviewService,
    private readonly supervision: SupervisionService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return todaySql(todayBy(this.clock));
  }

  async home(actor: Actor): Promise<Home> {
    const d = await this.overview.deadlines();
    const empty: Home = { counts: [], activities: [], company: null, trainings: [], outcomes: [], ageProfile: [], overdue: [], noticesToAnswer: 0 };
    const kind = homeKindOf(actor);
    if (kind === HomeKind.ADMIN) return { ...empty, counts: await this.adminCounts() };
    const [overdue, [{ n: noticesToAnswer }]] = await Promise.all([
      this.supervision.overdueByUnit(actor),
      this.ds.query(`SELECT count(*)::int AS n FROM supervision_notices WHERE unit_id = $1 AND answered_at IS NULL AND closed_at IS NULL`, [actor.unitId]),
    ]);
    const base = { ...empty, overdue, noticesToAnswer };
    switch (kind) {
      case HomeKind.DETACHMENT:
        return { ...base, ...(await this.detachmentHome(d)) };
      case HomeKind.LEADER:
        // A member of the leader group sees the city, and their own unit's part: a bureau chief the district's activities.
        return {
          ...base,
          counts: await this.officeCounts(actor, d),
          activities: actor.district ? (await this.scopedActivities(actor, d)).items : [],
        };
      case HomeKind.OFFICE:
        return { ...base, counts: await this.officeCounts(actor, d) };
      case HomeKind.DISTRICT:
      case HomeKind.EVENT_DETACHMENT:
      case HomeKind.ORGANIZER:
        return { ...base, ...(await this.activitiesHome(actor, kind, d)) };
      case HomeKind.COMPANY:
        return { ...base, ...(await this.companyHome(actor, d)) };
      default:
        return base;
    }
  }

  /** 保安管理支队: counts (its queue ordered by deadline is the deadlines module's `workQueue`). */
  private async detachmentHome(d: Deadlines): Promise<Partial<Home>> {
    const late = lateStageExpr(d, this.today());
    const [c] = await this.ds.query(
        `SELECT count(*) FILTER (WHERE a.status = 'REPORTED' AND a.requested_at IS NULL) AS to_request,
                count(*) FILTER (WHERE a.status = 'APPROVED' AND a.security_mode = 'SERVICE_COMPANY') AS to_recommend,
                (SELECT count(*) FROM roster_entries r JOIN activities va ON va.id = r.activity_id
                  WHERE va.status = 'VETTING' AND r.state = 'ACTIVE' AND r.decision = 'PENDING') AS to_vet,
                count(*) FILTER (WHERE a.status = 'TRAINING') AS training,
                count(*) FILTER (WHERE a.status IN ('READY', 'IN_PROGRESS')) AS on_site,
                count(*) FILTER (WHERE ${late} IS NOT NULL) AS late
           FROM activities a WHERE a.status NOT IN ('DRAFT', 'CLOSED', 'CANCELLED')`,
    );
    return {
      counts: [
        count('toRequest', '待受理请示', c.to_request, '/queue', true),
        count('toRecommend', '待推荐候选', c.to_recommend, '/candidates'),
        count('toVet', '待审核保安员', c.to_vet, '/vetting'),
        count('training', '培训中的活动', c.training, '/training'),
        count('onSite', '待上岗/进行中', c.on_site, '/inspections'),
        count('late', '阶段逾期', c.late, null, true),
      ],
    };
  }

  private async officeCounts(actor: Actor, d: Deadlines): Promise<HomeCount[]> {
    const late = lateStageExpr(d, this.today());
    const [c] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE a.status = 'REPORTED' AND a.requested_at IS NOT NULL) AS to_approve,
              count(*) FILTER (WHERE a.status NOT IN ('CLOSED', 'CANCELLED')) AS open,
              count(*) FILTER (WHERE ${late} IS NOT NULL) AS late,
              count(*) FILTER (WHERE a.status = 'IN_PROGRESS') AS in_progress
         FROM activities a WHERE a.status <> 'DRAFT'`,
    );
    return [
      count('toApprove', answersInstructions(actor) ? '待我批示（已请示）' : '待领导批示', c.to_approve, '/approvals', answersInstructions(actor)),
      count('open', '未结束的活动', c.open, '/activities'),
      count('inProgress', '正在进行', c.in_progress, '/activities'),
      count('late', '阶段逾期', c.late, '/overview', true),
    ];
  }

  private async adminCounts(): Promise<HomeCount[]> {
    const [c] = await this.ds.query(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM units) AS units,
              (SELECT count(*) FROM users WHERE locked_until > now()) AS locked`,
    );
    return [count('users', '用户', c.users, '/admin/users'), count('units', '单位', c.units, '/admin/users'), count('locked', '锁定的账号', c.locked, '/admin/users', true)];
  }

  /** The activities an actor's unit sees, open ones first (soonest start first), then recent closed ones. */
  private async scopedActivities(actor: Actor, d: Deadlines, limit = 20): Promise<{ items: HomeActivity[]; counts: Row }> {
    const q = new Params();
    const scope = bindPredicate(homeActivityScope(actor, 'a'), (v) => q.p(v));
    const today = this.today();
    const late = lateStageExpr(d, today);
    // The counts below use only the scope and today: the parameters bound so far.
    const sharedParams = q.values.length;
    const ownCompany = ownCompanyFilter(actor);
    const companyOnly = ownCompany ? `AND r.company_id = ${q.p(ownCompany)}::uuid` : '';
    const [rows, [counts]] = await Promise.all([
      this.ds.query(
        `SELECT a.id, a.code, a.name, a.status, a.district, a.venue, a.starts_at, a.guards_required, a.security_mode,
                ((a.starts_at AT TIME ZONE '${ZONE}')::date - ${today}) AS days_left, ${late} AS late_stage,
                v.passed, v.failed, v.pending,
                (SELECT min(s.starts_at) FROM training_sessions s WHERE s.activity_id = a.id AND s.cancelled_at IS NULL
                    AND s.starts_at >= ${q.p(this.clock.now())}::timestamptz) AS next_training,
                (SELECT count(*)::int FROM findings f WHERE f.activity_id = a.id AND f.corrected_at IS NULL
                   ${ownCompany ? 'AND f.company_id = a.selected_company_id' : ''}) AS findings_open
           FROM activities a
           -- The roster's figures as it stands (onRosterExpr): 通过, 不通过 and 待审 of those on it, as the
           -- 审核通报's counts and the vetting page give them; a failure replaced or taken off is no longer
           -- 不通过 of this roster (review 9-B F4, review 10 R10-4).
           LEFT JOIN LATERAL (
             SELECT count(*) FILTER (WHERE r.decision = 'PASSED')::int AS passed,
                    count(*) FILTER (WHERE r.decision = 'FAILED')::int AS failed,
                    count(*) FILTER (WHERE r.decision = 'PENDING')::int AS pending
               FROM roster_entries r WHERE r.activity_id = a.id AND ${onRosterExpr()} ${companyOnly}) v ON true
          WHERE ${scope}
          ORDER BY (a.status IN ('CLOSED', 'CANCELLED')), CASE WHEN a.status IN ('CLOSED', 'CANCELLED') THEN -extract(epoch FROM a.starts_at) ELSE extract(epoch FROM a.starts_at) END
          LIMIT ${limit}`,
        q.values,
      ),
      this.ds.query(
        `SELECT count(*) FILTER (WHERE a.status NOT IN ('CLOSED', 'CANCELLED')) AS open,
                count(*) FILTER (WHERE ${late} IS NOT NULL) AS late,
                count(*) FILTER (WHERE a.status = 'DRAFT') AS drafts,
                count(*) FILTER (WHERE a.status = 'CANDIDATES_RECOMMENDED') AS to_select,
                count(*) FILTER (WHERE a.status = 'APPROVED' AND a.security_mode = 'SELF_RECRUITED') AS to_submit,
                count(*) FILTER (WHERE a.status = 'COMPANY_SELECTED') AS selected,
                count(*) FILTER (WHERE a.status = 'CLOSED') AS closed,
                count(*) FILTER (WHERE a.status NOT IN ('DRAFT', 'CLOSED', 'CANCELLED')
                                   AND (a.starts_at AT TIME ZONE '${ZONE}')::date - ${today} BETWEEN 0 AND 30) AS next30
           FROM activities a WHERE ${scope}`,
        q.values.slice(0, sharedParams),
      ),
    ]);
    const items = (rows as Row[]).map((r): HomeActivity => {
      const w = waitingOn(r.status as ActivityStatus, r.security_mode as SecurityMode);
      return {
        id: r.id as string,
        code: r.code as string,
        name: r.name as string,
        status: r.status as ActivityStatus,
        district: r.district as District,
        venue: r.venue as string,
        startsAt: new Date(r.starts_at as string),
        guardsRequired: n(r.guards_required),
        daysLeft: n(r.days_left),
        lateStage: (r.late_stage as LateStage) ?? null,
        waitingOn: w.label,
        myTurn: isTurnOf(actor, w.role),
        vettingPassed: n(r.passed),
        vettingFailed: n(r.failed),
        vettingPending: n(r.pending),
        nextTrainingAt: r.next_training ? new Date(r.next_training as string) : null,
        findingsOpen: n(r.findings_open),
        link: `/activities/${r.id}`,
      };
    });
    return { items, counts };
  }

  private async activitiesHome(actor: Actor, kind: HomeKind, d: Deadlines): Promise<Partial<Home>> {
    const { items, counts: c } = await this.scopedActivities(actor, d);
    if (kind === HomeKind.ORGANIZER) {
      return {
        activities: items,
        counts: [
          count('open', '未结束的活动', c.open, '/activities'),
          count('toSelect', '待我遴选', c.to_select, '/comparison', true),
          count('toSubmit', '待上报自招人员', c.to_submit, '/activities', true),
          count('next30', '30天内开始', c.next30, '/activities'),
          count('closed', '已总结', c.closed, '/activities'),
        ],
      };
    }
    return {
      activities: items,
      counts: [
        count('open', kind === HomeKind.DISTRICT ? '本辖区未结束的活动' : '全市未结束的活动', c.open, '/activities'),
        count('next30', '30天内开始', c.next30, '/activities'),
        count('drafts', '草稿（未通报）', c.drafts, '/activities', true),
        count('late', '阶段逾期', c.late, '/activities', true),
        count('closed', '已总结', c.closed, '/activities'),
      ],
    };
  }

  /** 保安服务公司: its profile, register, assignments, outcomes, training dates and findings. */
  private async companyHome(actor: Actor, d: Deadlines): Promise<Partial<Home>> {
    if (!actor.companyId) return {};
    const id = actor.companyId;
    const [profileRows, [reg], outcomeRows, ageRows, trainingRows, [fc], assignments] = await Promise.all([
      this.ds.query(
        `SELECT c.id, c.name, c.credit_code, c.license_no, c.license_expiry::text AS license_expiry, c.status, c.district,
                (c.license_expiry - $2::date) AS license_days_left, ${qualifiedExpr('$2::date')} AS qualified,
                (SELECT count(*)::int FROM findings sf WHERE sf.company_id = c.id AND sf.serious AND sf.corrected_at IS NULL) AS serious_open
           FROM companies c WHERE c.id = $1`,
        [id, todayBy(this.clock)],
      ),
      this.ds.query(
        `SELECT count(*) FILTER (WHERE g.status = 'ACTIVE') AS active,
                count(*) FILTER (WHERE g.status = 'ACTIVE' AND g.certificate_no IS NULL) AS no_certificate,
                count(*) FILTER (WHERE g.status = 'LEFT') AS left_
           FROM guards g WHERE g.company_id = $1`,
        [id],
      ),
      this.ds.query(
        `SELECT r.decision, count(*)::int AS count FROM roster_entries r
          WHERE r.company_id = $1 AND ${vettingCountedExpr()} GROUP BY 1`,
        [id],
      ),
      this.ds.query(
        `SELECT ${ageBandExpr('g', 'x')} AS band, count(*)::int AS count
           FROM guards g CROSS JOIN (SELECT $2::timestamptz AS starts_at) x
          WHERE g.company_id = $1 AND g.status = 'ACTIVE' GROUP BY 1`,
        [id, this.clock.now()],
      ),
      this.ds.query(
        `SELECT s.id, a.name AS activity, s.starts_at, s.place, s.is_makeup,
                (SELECT count(*)::int FROM training_attendance t JOIN roster_entries r ON r.id = t.roster_entry_id
                  WHERE t.session_id = s.id AND r.company_id = $1) AS guards
           FROM training_sessions s JOIN activities a ON a.id = s.activity_id
          WHERE s.starts_at >= ($2::date::timestamp AT TIME ZONE '${ZONE}') AND s.cancelled_at IS NULL
            AND EXISTS (SELECT 1 FROM training_attendance t JOIN roster_entries r ON r.id = t.roster_entry_id
                         WHERE t.session_id = s.id AND r.company_id = $1)
          ORDER BY s.starts_at LIMIT 10`,
        [id, todayBy(this.clock)],
      ),
      this.ds.query(
        `SELECT count(*) FILTER (WHERE f.corrected_at IS NULL) AS open, count(*) AS total,
                count(*) FILTER (WHERE f.serious AND f.corrected_at IS NULL) AS serious_open
           FROM findings f WHERE f.company_id = $1`,
        [id],
      ),
      this.scopedActivities(actor, d),
    ]);
    const p = profileRows[0] as Row | undefined;
    const decisions = new Map((outcomeRows as Row[]).map((r) => [r.decision as string, n(r.count)]));
    const ages = new Map((ageRows as Row[]).map((r) => [r.band as string, n(r.count)]));
    const outcomes: OverviewCount[] = [VettingDecision.PASSED, VettingDecision.FAILED, VettingDecision.PENDING].map((dec) => ({
      key: dec,
      label: vettingDecisionLabels[dec],
      value: decisions.get(dec) ?? 0,
      kind: DrilldownKind.VETTING_ENTRIES,
      filter: { decision: dec, companyId: id },
    }));
    const ageProfile: OverviewCount[] = Object.values(AgeBand).map((b) => ({
      key: b,
      label: ageBandLabels[b],
      value: ages.get(b) ?? 0,
      kind: DrilldownKind.GUARDS_ON_DUTY,
      filter: { ageBand: b, companyId: id },
    }));
    const problems: string[] = [];
    if (p) {
      if (p.status !== CompanyStatus.ACTIVE) problems.push(`公司状态：${companyStatusLabels[p.status as CompanyStatus]}`);
      if (n(p.license_days_left) < 0) problems.push(`保安服务许可证已于 ${p.license_expiry} 到期`);
      if (n(p.serious_open) > 0) problems.push(`有 ${n(p.serious_open)} 个严重问题尚未纠正`);
    }
    return {
      company: p
        ? {
            id: p.id as string,
            name: p.name as string,
            creditCode: p.credit_code as string,
            licenseNo: p.license_no as string,
            licenseExpiry: p.license_expiry as string,
            licenseDaysLeft: n(p.license_days_left),
            status: p.status as string,
            district: p.district as District,
            qualified: !!p.qualified,
            problems,
          }
        : null,
      counts: [
        count('guards', '在册保安员', reg.active, '/guards'),
        count('noCertificate', '无保安员证', reg.no_certificate, '/guards', true),
        count('assignments', '未结束的任务', assignments.counts.open, '/assignments'),
        count('vettingFailed', '审核未通过', decisions.get(VettingDecision.FAILED) ?? 0, '/vetting/results', true),
        count('findingsOpen', '未纠正问题', fc.open, '/inspections', true),
        count('findingsTotal', '现场问题合计', fc.total, '/inspections'),
      ],
      activities: assignments.items,
      outcomes,
      ageProfile,
      trainings: (trainingRows as Row[]).map((t) => ({
        id: t.id as string,
        activityName: t.activity as string,
        startsAt: new Date(t.starts_at as string),
        place: t.place as string,
        guards: n(t.guards),
        makeup: !!t.is_makeup,
      })),
    };
  }
}
