import { ActivityStatus, PermitTier } from '@evs/schema';
import { daysBetween, formatCN, localDate } from '../../common/calendar';
import { deadlinesOf } from '../deadlines/deadlines';
import { SettingValues } from '../settings/settings.defaults';
import { ActivityEntity } from './activity.entity';
import { ActivityType, ActivityWarningType } from './activity.types';
import { hasEnded, hasStarted } from './event-window';

/** 条例 Art. 12: 1000–5000 per session → the county-level bureau; above 5000 → the city bureau. */
export function permitTierOf(expectedAttendance: number): PermitTier {
  if (expectedAttendance < 1000) return PermitTier.NOT_COVERED;
  return expectedAttendance > 5000 ? PermitTier.CITY : PermitTier.COUNTY;
}

export function suggestedGuardsFor(expectedAttendance: number, guardsPerThousand: number): number {
  return Math.ceil((expectedAttendance / 1000) * guardsPerThousand);
}

/** The age range an activity's guards must be in on its first day (SPEC §3–§4). */
export interface AgeLimits {
  minAge: number;
  maxAge: number;
}

type AgeLimitColumns = Pick<ActivityEntity, 'ageLimit' | 'approvedMinAge' | 'approvedMaxAge'>;

/**
 * The age limits an activity holds its guards to, wherever they are read (pre-checks, vetting,
 * recommendation, the activity's own fields): from the leader's 批示 on, those fixed on the activity
 * then; before it, its own upper limit or the settings. A later change of the settings applies only to
 * activities not yet approved.
 */
export function ageLimitsOf(a: AgeLimitColumns, s: Pick<SettingValues, 'guard.minAge' | 'guard.maxAge'>): AgeLimits {
  return {
    minAge: a.approvedMinAge ?? s['guard.minAge'],
    maxAge: a.approvedMaxAge ?? a.ageLimit ?? s['guard.maxAge'],
  };
}

/** The columns that fix an activity's age limits at its 批示 (the limits it is approved on). */
export function approvedAgeLimits(a: AgeLimitColumns, s: Pick<SettingValues, 'guard.minAge' | 'guard.maxAge'>): Pick<ActivityEntity, 'approvedMinAge' | 'approvedMaxAge'> {
  const { minAge, maxAge } = ageLimitsOf(a, s);
  return { approvedMinAge: minAge, approvedMaxAge: maxAge };
}

/** States in which an activity is still being prepared: once the event has started, none of their steps can be taken (event-window.ts). */
const PREPARING: ActivityStatus[] = [
  ActivityStatus.REPORTED,
  ActivityStatus.APPROVED,
  ActivityStatus.CANDIDATES_RECOMMENDED,
  ActivityStatus.COMPANY_SELECTED,
  ActivityStatus.VETTING,
  ActivityStatus.TRAINING,
  ActivityStatus.READY,
];

/**
 * An activity its day has overtaken (review 9-C F1): still being prepared after the event started (its
 * steps are refused from then on: the way out is the cancellation with its reason), or supervised past
 * its end with no 总结.
 */
function overtakenBy(a: Pick<ActivityEntity, 'status' | 'startsAt' | 'endsAt'>, now: Date): ActivityWarningType | null {
  if (a.status === ActivityStatus.DRAFT && hasStarted(a, now)) {
    // a draft (or a 请示 sent back) can still be corrected: a postponed event gets its new dates and is reported again
    return { code: 'EVENT_OVERTAKEN', message: `活动时间${formatCN(a.startsAt)}已过，尚未上报；如活动改期，请登记单位修改时间后重新上报，否则请取消活动并说明原因` };
  }
  if (PREPARING.includes(a.status) && hasStarted(a, now)) {
    const ready = a.status === ActivityStatus.READY;
    return {
      code: 'EVENT_OVERTAKEN',
      message: `活动已于${formatCN(a.startsAt)}开始，${ready ? '未开始现场监管' : '前置审核未完成'}；` +
        `${ready && !hasEnded(a, now) ? '请保安管理支队开始现场监管' : '各环节已不能再办理，请保安管理支队取消活动并说明原因'}`,
    };
  }
  if (a.status === ActivityStatus.IN_PROGRESS && hasEnded(a, now)) {
    return { code: 'EVENT_OVERTAKEN', message: `活动已于${formatCN(a.endsAt)}结束，请保安管理支队作出总结` };
  }
  return null;
}

/** Warnings an officer should see on an activity: its day passed, legal frame, staffing, and late stages. */
export function warningsFor(a: ActivityEntity, s: SettingValues, now: Date): ActivityWarningType[] {
  const warnings: ActivityWarningType[] = [];
  const overtaken = overtakenBy(a, now);
  if (overtaken) warnings.push(overtaken);
  const startDate = localDate(a.startsAt);
  const lead = daysBetween(a.appliedOn, startDate);
  if (lead < 20) {
    warnings.push({ code: 'LATE_APPLICATION', message: `受理日期距活动开始仅${lead}天，少于条例第十三条规定的20日` });
  }
  if (a.expectedAttendance < 1000) {
    warnings.push({ code: 'BELOW_THRESHOLD', message: '预计每场人数不足1000人，不属于《大型群众性活动安全管理条例》调整范围' });
  }
  const suggested = suggestedGuardsFor(a.expectedAttendance, s['staffing.guardsPerThousand']);
  if (a.guardsRequired < suggested) {
    warnings.push({ code: 'FEW_GUARDS', message: `所需保安员${a.guardsRequired}人，少于按配比建议的${suggested}人` });
  }
  if (a.recommendationJustification) {
    warnings.push({ code: 'RECOMMENDATION_SHORTFALL', message: `推荐候选公司不足3家：${a.recommendationJustification}` });
  }
  if (a.closeStatement) {
    warnings.push({ code: 'CLOSED_WITH_SERIOUS', message: `总结时仍有严重问题未纠正，说明：${a.closeStatement}` });
  }
  for (const st of deadlinesOf(a, s, now).stages.filter((x) => x.late)) {
    warnings.push({ code: 'STAGE_LATE', message: `${st.label}（${st.responsibleUnitName}）应于${st.dueOn}前完成（${st.rule}），已逾期` });
  }
  return warnings;
}

/** Where a view keeps what its lazy fields are computed from (a symbol: no field, no JSON). */
const SOURCE = Symbol('activity view source');

interface ViewSource {
  row: ActivityEntity;
  settings: SettingValues;
  now: Date;
}

/**
 * An activity as the API shows it. Its costly derived fields are getters on this prototype, computed
 * on first read and then kept on the instance as plain properties (so spreads and JSON carry a field
 * once read, and a caller may still set it). Getters on the prototype, not accessors defined on each
 * row: accessors with closures of their own gave every row a hidden class of its own, and graphql-js,
 * reading every field of every row by name, then read them all megamorphically.
 */
class ActivityView extends ActivityType {
  declare [SOURCE]: ViewSource;
}

function lazyField<K extends 'warnings' | 'daysUntilStart'>(key: K, compute: (v: ViewSource) => ActivityType[K]): void {
  const keep = (view: ActivityView, value: ActivityType[K]) =>
    Object.defineProperty(view, key, { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(ActivityView.prototype, key, {
    configurable: true,
    get(this: ActivityView) {
      const value = compute(this[SOURCE]);
      keep(this, value);
      return value;
    },
    set(this: ActivityView, value: ActivityType[K]) {
      keep(this, value);
    },
  });
}

lazyField('warnings', (v) => warningsFor(v.row, v.settings, v.now));
lazyField('daysUntilStart', (v) => daysBetween(localDate(v.now), localDate(v.row.startsAt)));

/**
 * The activity as the API shows it: the row plus what is derived from it and the settings. The
 * derived fields that cost something (warnings walk every stage's deadline; dates go through the
 * time-zone formatter) are computed only when read.
 */
export function toActivityType(a: ActivityEntity, s: SettingValues, now: Date): ActivityType {
  // An ActivityType instance: type-graphql converts a field resolver's root that is not one into one
  // (a new object and a copy of every column) on each call — per row and per resolved field.
  // One copy of the row's columns (no intermediate spread: a list builds one per row).
  const limits = ageLimitsOf(a, s);
  const view: ActivityView = Object.assign(Object.create(ActivityView.prototype) as ActivityView, a, {
    plan: a.plan ?? {},
    permitTier: permitTierOf(a.expectedAttendance),
    suggestedGuards: suggestedGuardsFor(a.expectedAttendance, s['staffing.guardsPerThousand']),
    effectiveAgeLimit: limits.maxAge,
    effectiveMinAge: limits.minAge,
    ageLimitsFixed: a.approvedMaxAge != null,
    startableFrom: new Date(a.startsAt.getTime() - s['onsite.startLeadHours'] * 3600_000),
    recommendationShortfall: !!a.recommendationJustification,
    [SOURCE]: { row: a, settings: s, now },
  });
  return view;
}
