import { ActivityStatus, SecurityMode, UnitKind } from '@evs/schema';
import { addDays, ZONE } from '../../common/calendar';
import { SettingValues } from '../settings/settings.defaults';
import { DeadlineStage, deadlineStageLabels } from './deadlines.types';

/**
 * The stages of an activity that someone owes by a date (SPEC §2, seed 六 明确责任): who is
 * responsible, by when, and when it counts as done. The deadline panel (`deadlinesOf`), the
 * detachment's queue, the overview's late figures, the 督办 reminders and the punctuality table all
 * read this one table, in TypeScript and (for the aggregates) as SQL built from it.
 *
 * 逾期 (overdue) is defined here once, for all of them (review 9-B F3: the overview counted an
 * activity late that the 督办 list, the reminders and the punctuality table did not): an activity is
 * overdue when a stage it has not completed yet — the one it waits on or a later one — has a passed
 * due date, since it can no longer meet that deadline. The overdue stage is the first such stage in
 * lifecycle order (`overdueStage`, `overdueStageSql`); the unit that must act is the one the activity
 * waits on (the current stage's), whatever stage's deadline passed.
 */

/** 条例 Art. 14: police decide within 7 days of accepting the application. */
export const ART14_DECISION_DAYS = 7;

export type Responsible =
  | { kind: 'UNIT_KIND'; unitKind: UnitKind }
  /** The organizer's unit (when it has an account), else the unit that registered the activity. */
  | { kind: 'ORGANIZER' }
  /** The selected company, or the self-recruiting organizer (else the registering unit). */
  | { kind: 'ROSTER_SUBMITTER' };

export interface StageDef {
  stage: DeadlineStage;
  /** Only for this security mode (undefined: both). */
  mode?: SecurityMode;
  responsible: Responsible;
  /** Reached (done) once the activity is in this status or later. */
  doneStatus: ActivityStatus;
  /** The column stamped when the stage is done. */
  stampColumn: string;
  /** What the responsible unit is to do, for reminders and the overdue list. */
  task: string;
}

export const STAGES: StageDef[] = [
  { stage: DeadlineStage.REQUEST, responsible: { kind: 'UNIT_KIND', unitKind: UnitKind.SECURITY_DETACHMENT }, doneStatus: ActivityStatus.REPORTED, stampColumn: 'requested_at', task: '受理通报并向领导请示' },
  { stage: DeadlineStage.DECISION, responsible: { kind: 'UNIT_KIND', unitKind: UnitKind.LEADING_GROUP }, doneStatus: ActivityStatus.APPROVED, stampColumn: 'approved_at', task: '领导批示（条例第十四条：受理之日起7日内）' },
  { stage: DeadlineStage.CANDIDATES, mode: SecurityMode.SERVICE_COMPANY, responsible: { kind: 'UNIT_KIND', unitKind: UnitKind.SECURITY_DETACHMENT }, doneStatus: ActivityStatus.CANDIDATES_RECOMMENDED, stampColumn: 'recommended_at', task: '推荐不少于3家候选公司' },
  { stage: DeadlineStage.SELECTION, mode: SecurityMode.SERVICE_COMPANY, responsible: { kind: 'ORGANIZER' }, doneStatus: ActivityStatus.COMPANY_SELECTED, stampColumn: 'selected_at', task: '填报报价、比选并遴选保安服务公司' },
  { stage: DeadlineStage.ROSTER, responsible: { kind: 'ROSTER_SUBMITTER' }, doneStatus: ActivityStatus.VETTING, stampColumn: 'roster_submitted_at', task: '上报保安员名单' },
  { stage: DeadlineStage.VETTING, responsible: { kind: 'UNIT_KIND', unitKind: UnitKind.SECURITY_DETACHMENT }, doneStatus: ActivityStatus.TRAINING, stampColumn: 'vetting_closed_at', task: '完成背景审核' },
  { stage: DeadlineStage.TRAINING, responsible: { kind: 'UNIT_KIND', unitKind: UnitKind.SECURITY_DETACHMENT }, doneStatus: ActivityStatus.READY, stampColumn: 'ready_at', task: '完成岗前培训' },
  { stage: DeadlineStage.CLOSING, responsible: { kind: 'UNIT_KIND', unitKind: UnitKind.SECURITY_DETACHMENT }, doneStatus: ActivityStatus.CLOSED, stampColumn: 'closed_at', task: '活动总结' },
];

export const stageDef = (stage: DeadlineStage): StageDef => STAGES.find((s) => s.stage === stage)!;

/** The settings a stage's due date is counted with. */
export interface StageDays {
  request: number;
  recommend: number;
  selection: number;
  roster: number;
  vetting: number;
  training: number;
  closing: number;
}

export function stageDaysOf(s: SettingValues): StageDays {
  return {
    request: s['deadline.requestDays'],
    recommend: s['deadline.recommendDaysBefore'],
    selection: s['deadline.selectionDaysBefore'],
    roster: s['deadline.rosterDaysBefore'],
    vetting: s['deadline.vettingDaysBefore'],
    training: s['deadline.trainingDaysBefore'],
    closing: s['deadline.closingDaysAfter'],
  };
}

/** The dates a stage's due date is counted from (Beijing calendar dates). */
export interface StageDates {
  /** The day the 通报 reached the detachment (null before it was reported). */
  reportedOn: string | null;
  appliedOn: string;
  startOn: string;
  endOn: string;
}

/** The due date of a stage (null when it cannot be known yet: the 请示 before the 通报). */
export function dueOn(stage: DeadlineStage, d: StageDates, days: StageDays): string | null {
  switch (stage) {
    case DeadlineStage.REQUEST:
      return d.reportedOn ? addDays(d.reportedOn, days.request) : null;
    case DeadlineStage.DECISION:
      return addDays(d.appliedOn, ART14_DECISION_DAYS);
    case DeadlineStage.CANDIDATES:
      return addDays(d.startOn, -days.recommend);
    case DeadlineStage.SELECTION:
      return addDays(d.startOn, -days.selection);
    case DeadlineStage.ROSTER:
      return addDays(d.startOn, -days.roster);
    case DeadlineStage.VETTING:
      return addDays(d.startOn, -days.vetting);
    case DeadlineStage.TRAINING:
      return addDays(d.startOn, -days.training);
    case DeadlineStage.CLOSING:
      return addDays(d.endOn, days.closing);
  }
}

export const stagesFor = (mode: SecurityMode): StageDef[] => STAGES.filter((s) => !s.mode || s.mode === mode);

const ORDER = Object.values(ActivityStatus);
/** Has an activity in `status` reached `stage` (CANCELLED reaches nothing)? */
export const reached = (status: ActivityStatus, stage: ActivityStatus) =>
  status !== ActivityStatus.CANCELLED && ORDER.indexOf(status) >= ORDER.indexOf(stage);

/**
 * The stage an activity waits on: the first applicable stage not yet done (the 请示 counts as done
 * once `requestedAt` is set). None for drafts, closed and cancelled activities.
 */
export function currentStage(status: ActivityStatus, mode: SecurityMode, requested: boolean): DeadlineStage | null {
  if (status === ActivityStatus.DRAFT || status === ActivityStatus.CLOSED || status === ActivityStatus.CANCELLED) return null;
  for (const def of stagesFor(mode)) {
    const done = def.stage === DeadlineStage.REQUEST ? requested || reached(status, ActivityStatus.APPROVED) : reached(status, def.doneStatus);
    if (!done) return def.stage;
  }
  return null;
}

/** Has a due date (Beijing `YYYY-MM-DD`, null: not known yet) passed on `today`? The day itself is still in time. */
export const isPastDue = (due: string | null, today: string): due is string => due !== null && today > due;

/**
 * The overdue stage of an activity (see the top of this file): the first applicable stage, from the
 * one it waits on, whose due date has passed on `today`; null when it is on time (and for drafts,
 * closed and cancelled activities). `dueOf` gives a stage's due date.
 */
export function overdueStage(
  status: ActivityStatus,
  mode: SecurityMode,
  requested: boolean,
  dueOf: (stage: DeadlineStage) => string | null,
  today: string,
): { stage: DeadlineStage; dueOn: string; current: DeadlineStage } | null {
  const current = currentStage(status, mode, requested);
  if (!current) return null;
  const stages = stagesFor(mode);
  for (const def of stages.slice(stages.findIndex((d) => d.stage === current))) {
    const due = dueOf(def.stage);
    if (isPastDue(due, today)) return { stage: def.stage, dueOn: due, current };
  }
  return null;
}

/**
 * What an overdue activity is told (reminders, the 督办 list, the queue): the stage whose deadline
 * passed, and — when it is a later one — the stage it still waits on, e.g.
 * “推荐候选截止日期（12月3日）已过，当前待受理请示”.
 */
export function overdueNote(stage: DeadlineStage, dueOn: string, current: DeadlineStage): string {
  const [, month, day] = dueOn.split('-').map(Number);
  const passed = `${deadlineStageLabels[stage]}截止日期（${month}月${day}日）已过`;
  return stage === current ? passed : `${passed}，当前待${deadlineStageLabels[current]}`;
}

export { deadlineStageLabels };

// ---- the same rules in SQL, for aggregates over many activities ------------------------------

const int = (n: number) => Math.trunc(Number(n));

/** The current stage of activity `a` as SQL (a DeadlineStage value, or NULL). */
export function currentStageSql(a = 'a'): string {
  return `(CASE
    WHEN ${a}.status = 'REPORTED' AND ${a}.requested_at IS NULL THEN 'REQUEST'
    WHEN ${a}.status = 'REPORTED' THEN 'DECISION'
    WHEN ${a}.status = 'APPROVED' AND ${a}.security_mode = 'SERVICE_COMPANY' THEN 'CANDIDATES'
    WHEN ${a}.status = 'APPROVED' THEN 'ROSTER'
    WHEN ${a}.status = 'CANDIDATES_RECOMMENDED' THEN 'SELECTION'
    WHEN ${a}.status = 'COMPANY_SELECTED' THEN 'ROSTER'
    WHEN ${a}.status = 'VETTING' THEN 'VETTING'
    WHEN ${a}.status = 'TRAINING' THEN 'TRAINING'
    WHEN ${a}.status IN ('READY', 'IN_PROGRESS') THEN 'CLOSING'
  END)`;
}

/** The due date (SQL `date`) of one stage for activity `a`: by its own deadline days (fixed at the 通报), else `days`. */
export function stageDueSql(stage: DeadlineStage, given: StageDays, a = 'a'): string {
  const start = `(${a}.starts_at AT TIME ZONE '${ZONE}')::date`;
  const days = Object.fromEntries(
    (Object.keys(given) as (keyof StageDays)[]).map((k) => [k, `COALESCE((${a}.deadline_days->>'${k}')::int, ${int(given[k])})`]),
  ) as Record<keyof StageDays, string>;
  switch (stage) {
    case DeadlineStage.REQUEST:
      return `((${a}.reported_at AT TIME ZONE '${ZONE}')::date + ${days.request})`;
    case DeadlineStage.DECISION:
      return `(${a}.applied_on + ${ART14_DECISION_DAYS})`;
    case DeadlineStage.CANDIDATES:
      return `(${start} - ${days.recommend})`;
    case DeadlineStage.SELECTION:
      return `(${start} - ${days.selection})`;
    case DeadlineStage.ROSTER:
      return `(${start} - ${days.roster})`;
    case DeadlineStage.VETTING:
      return `(${start} - ${days.vetting})`;
    case DeadlineStage.TRAINING:
      return `(${start} - ${days.training})`;
    case DeadlineStage.CLOSING:
      return `((${a}.ends_at AT TIME ZONE '${ZONE}')::date + ${days.closing})`;
  }
}

/** The due date (SQL `date`) of `stage`, a SQL expression yielding a DeadlineStage value. */
export function dueOnSql(stage: string, days: StageDays, a = 'a'): string {
  return `(CASE ${stage} ${STAGES.map((d) => `WHEN '${d.stage}' THEN ${stageDueSql(d.stage, days, a)}`).join(' ')} END)`;
}

/** The unit responsible for `stage` (SQL uuid); `unitOfKind` maps a unit kind to a SQL uuid expression. */
export function responsibleUnitSql(stage: string, unitOfKind: (kind: UnitKind) => string, a = 'a'): string {
  const rosterSubmitter = `COALESCE(CASE WHEN ${a}.security_mode = 'SERVICE_COMPANY' THEN ${a}.selected_company_id ELSE ${a}.organizer_unit_id END, ${a}.reporter_unit_id)`;
  return `(CASE ${stage}
    WHEN 'DECISION' THEN ${unitOfKind(UnitKind.LEADING_GROUP)}
    WHEN 'SELECTION' THEN COALESCE(${a}.organizer_unit_id, ${a}.reporter_unit_id)
    WHEN 'ROSTER' THEN ${rosterSubmitter}
    ELSE ${unitOfKind(UnitKind.SECURITY_DETACHMENT)}
  END)`;
}

/** The lifecycle position (0…7) of `stage`, a SQL expression yielding a DeadlineStage value. */
export function stageIndexSql(stage: string): string {
  return `(CASE ${stage} ${STAGES.map((d, i) => `WHEN '${d.stage}' THEN ${i}`).join(' ')} END)`;
}

/**
 * The overdue stage of `a` (SQL, a DeadlineStage value or NULL), as `overdueStage`: the first
 * applicable stage, from the one it waits on, whose due date has passed on `today` (a SQL date).
 */
export function overdueStageSql(days: StageDays, today: string, a = 'a'): string {
  const index = stageIndexSql(currentStageSql(a));
  const whens = STAGES.map((d, i) => {
    const mode = d.mode ? ` AND ${a}.security_mode = '${d.mode}'` : '';
    return `WHEN ${index} <= ${i}${mode} AND ${today} > ${stageDueSql(d.stage, days, a)} THEN '${d.stage}'`;
  });
  return `(CASE ${whens.join('\n    ')} END)`;
}

/** `LateStage` of the overview for a DeadlineStage (the same stages; recommendation is named differently). */
export const lateStageValue = (stage: DeadlineStage): string => (stage === DeadlineStage.CANDIDATES ? 'RECOMMENDATION' : stage);

/** The overdue stage of `a` as the overview's LateStage value (or NULL): `overdueStageSql`, renamed. */
export function lateStageSql(days: StageDays, today: string, a = 'a'): string {
  return `(CASE ${overdueStageSql(days, today, a)} ${STAGES.map((d) => `WHEN '${d.stage}' THEN '${lateStageValue(d.stage)}'`).join(' ')} END)`;
}

/**
 * `CROSS JOIN LATERAL (…) alias`: one row per stage activity `a` has reached (done, or the one it
 * waits on), for the punctuality table — `stage`, `unit_id` (responsible), `due_on`, `done`,
 * `done_on`, `is_current`, `overdue`. `unitOfKind` gives the SQL uuid of the detachment and the
 * leader group. `overdue` is the one rule (`overdueStageSql`), carried by the row of the stage the
 * activity waits on: its unit must act, also when the deadline that passed is a later stage's. So a
 * unit's overdue count is the number of its items in the 督办 list (for the period's activities).
 */
export function stageRowsLateral(days: StageDays, unitOfKind: (kind: UnitKind) => string, today: string, a = 'a', alias = 'sr'): string {
  const statusOrder = `ARRAY[${ORDER.map((x) => `'${x}'`).join(', ')}]`;
  const pos = (status: string) => `array_position(${statusOrder}, ${status})`;
  const values = STAGES.map((d) => {
    const reachedSql = (status: ActivityStatus) => `(CASE WHEN ${a}.status = 'CANCELLED' THEN ${a}.${d.stampColumn} IS NOT NULL
                              ELSE ${pos(`${a}.status::text`)} >= ${pos(`'${status}'`)} END)`;
    // The 请示 is done once made, or once approved (as `currentStage`): being reported is not enough —
    // a reported activity waits on it (review 9-B F3: the table counted every 请示 done on time).
    const done = d.stage === DeadlineStage.REQUEST ? `(${a}.requested_at IS NOT NULL OR ${reachedSql(ActivityStatus.APPROVED)})` : reachedSql(d.doneStatus);
    return `('${d.stage}', ${d.mode ? `${a}.security_mode = '${d.mode}'` : 'true'}, ${done}, ${a}.${d.stampColumn}, ${stageDueSql(d.stage, days, a)})`;
  });
  // The current and the overdue stage once per activity, not once per stage row.
  return `CROSS JOIN LATERAL (
    SELECT st.stage, ${responsibleUnitSql('st.stage', unitOfKind, a)} AS unit_id, st.due_on, st.done,
           (st.stamp AT TIME ZONE '${ZONE}')::date AS done_on, (st.stage = cur.stage) AS is_current,
           (NOT st.done AND st.stage = cur.stage AND cur.overdue_stage IS NOT NULL) AS overdue
      FROM (SELECT ${currentStageSql(a)} AS stage, ${overdueStageSql(days, today, a)} AS overdue_stage) cur,
           (VALUES ${values.join(',\n              ')}) AS st(stage, applies, done, stamp, due_on)
     WHERE st.applies AND st.due_on IS NOT NULL AND (st.done OR st.stage = cur.stage)) ${alias}`;
}
