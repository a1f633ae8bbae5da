/**
 * The SQL predicates and expressions the overview and its drill-down lists share, so a figure and
 * the list behind it can never disagree. Every value from outside goes in as a bound parameter;
 * the deadline days (integers from settings) are inlined after truncation.
 */
import { District } from '@evs/schema';

/** Collects bound parameters: `p(value)` returns its placeholder (`$1`, `$2`, …). */
export class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The calendar is Beijing time, whatever the server's or the database's time zone. */
export const ZONE = 'Asia/Shanghai';
export const TODAY = `(now() AT TIME ZONE '${ZONE}')::date`;

export interface Period {
  /** Inclusive Beijing dates; a missing bound is open. */
  from: string | null;
  to: string | null;
  district: District | null;
}

export interface Deadlines {
  recommendDays: number;
  vettingDaysBefore: number;
  trainingDaysBefore: number;
}

/**
 * Activities of the period: reported (not drafts), starting between `from` and `to` inclusive
 * (Beijing dates), in the district when one is given.
 */
export function periodActivities(q: Params, period: Period, alias = 'a'): string {
  const parts = [`${alias}.status <> 'DRAFT'`];
  if (period.from) parts.push(`${alias}.starts_at >= (${q.p(period.from)}::date::timestamp AT TIME ZONE '${ZONE}')`);
  if (period.to) parts.push(`${alias}.starts_at < ((${q.p(period.to)}::date + 1)::timestamp AT TIME ZONE '${ZONE}')`);
  if (period.district) parts.push(`${alias}.district = ${q.p(period.district)}::district`);
  return parts.join(' AND ');
}

const days = (n: number) => Math.max(0, Math.trunc(Number(n) || 0));

/**
 * The stage of an activity whose deadline has passed (SPEC §2: candidates ≥ 15 days before the
 * start, vetting closed ≥ 5, training done ≥ 2; all from settings), or NULL when it is on time.
 * The late stage is the one the activity is still in.
 */
export function lateStageExpr(d: Deadlines, alias = 'a'): string {
  const before = (n: number) => `now() > ${alias}.starts_at - interval '${days(n)} days'`;
  return `(CASE
    WHEN ${alias}.status IN ('REPORTED', 'APPROVED') AND ${alias}.security_mode = 'SERVICE_COMPANY' AND ${before(d.recommendDays)} THEN 'RECOMMENDATION'
    WHEN ${alias}.status IN ('REPORTED', 'APPROVED', 'CANDIDATES_RECOMMENDED', 'COMPANY_SELECTED', 'VETTING') AND ${before(d.vettingDaysBefore)} THEN 'VETTING'
    WHEN ${alias}.status = 'TRAINING' AND ${before(d.trainingDaysBefore)} THEN 'TRAINING'
  END)`;
}

/**
 * "Qualified" on the overview: ACTIVE ∧ licence valid today ∧ no unresolved serious finding.
 * (The per-activity qualification of SPEC §4 also counts eligible guards against the activity's
 * needs; that depends on an activity, so the city-wide overview leaves it out.)
 */
export function qualifiedExpr(alias = 'c'): string {
  return `(${alias}.status = 'ACTIVE' AND ${alias}.license_expiry >= ${TODAY} AND NOT EXISTS (
    SELECT 1 FROM findings sf WHERE sf.company_id = ${alias}.id AND sf.serious AND sf.corrected_at IS NULL))`;
}

/** Roster entries that count in vetting figures: everyone on a roster, and every decision ever made. */
export function vettingCountedExpr(alias = 'r'): string {
  return `(${alias}.state = 'ACTIVE' OR ${alias}.decision <> 'PENDING')`;
}

/** A guard's result in one session; absence counts before any score. */
export function trainingOutcomeExpr(alias = 't'): string {
  return `(CASE WHEN ${alias}.attended = false THEN 'ABSENT' WHEN ${alias}.passed THEN 'PASSED'
    WHEN ${alias}.passed = false THEN 'FAILED' ELSE 'PENDING' END)`;
}

/** On duty (SPEC §2.6): on the roster ∧ cleared ∧ passed a training session of the activity. */
export function onDutyExpr(alias = 'r'): string {
  return `(${alias}.state = 'ACTIVE' AND ${alias}.decision = 'PASSED' AND EXISTS (
    SELECT 1 FROM training_attendance dt WHERE dt.roster_entry_id = ${alias}.id AND dt.passed))`;
}

/** Age in whole years on the activity's first day (Beijing date). */
export function ageExpr(guard = 'g', activity = 'a'): string {
  return `date_part('year', age((${activity}.starts_at AT TIME ZONE '${ZONE}')::date, ${guard}.birth_date))::int`;
}

/** The age band of an age in whole years (an expression or column, evaluated once per branch). */
export function ageBandExpr(guard = 'g', activity = 'a', age = ageExpr(guard, activity)): string {
  return `(CASE WHEN ${age} < 18 THEN 'UNDER_18' WHEN ${age} <= 25 THEN 'AGE_18_25' WHEN ${age} <= 35 THEN 'AGE_26_35'
    WHEN ${age} <= 45 THEN 'AGE_36_45' WHEN ${age} <= 55 THEN 'AGE_46_55' ELSE 'OVER_55' END)`;
}
