/**
 * The SQL predicates and expressions the overview and its drill-down lists share, so a figure and
 * the list behind it can never disagree. Every value from outside goes in as a bound parameter;
 * the deadline days (integers from settings) are inlined after truncation.
 */
import { District } from '@evs/schema';
import { ZONE } from '../../common/calendar';
import { lateStageSql, StageDays } from '../deadlines/stages';
import { onDutySql } from '../training/duty-roster';

/** Collects bound parameters: `p(value)` returns its placeholder (`$1`, `$2`, …). */
export class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Today (Beijing, from the app's clock) as a SQL date literal. Not a bound parameter: it comes from
 * the server's own clock (checked to be `YYYY-MM-DD`), and a list that does not use it must not
 * carry an unused parameter.
 */
export function todaySql(today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`todaySql: not a date: ${today}`);
  return `DATE '${today}'`;
}

export interface Period {
  /** Inclusive Beijing dates; a missing bound is open. */
  from: string | null;
  to: string | null;
  district: District | null;
}

/** The stage deadlines of the settings (stages.ts). */
export type Deadlines = StageDays;

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

/**
 * The stage of an activity whose deadline has passed on `today` (a SQL date): the first stage, from
 * the one it waits on, past its due date (stages.ts; settings `deadline.*`), or NULL when on time.
 */
export function lateStageExpr(d: Deadlines, today: string, alias = 'a'): string {
  return lateStageSql(d, today, alias);
}

/**
 * "Qualified" on the overview: ACTIVE ∧ its unit not 停用 ∧ licence valid today ∧ no unresolved serious
 * finding, as the recommendation's exclusions say (UNIT_INACTIVE: review 7-B F8).
 * (The per-activity qualification of SPEC §4 also counts eligible guards against the activity's
 * needs; that depends on an activity, so the city-wide overview leaves it out.)
 */
export function qualifiedExpr(today: string, alias = 'c'): string {
  return `(${alias}.status = 'ACTIVE' AND ${alias}.license_expiry >= ${today}
    AND EXISTS (SELECT 1 FROM units qu WHERE qu.id = ${alias}.id AND qu.active) AND NOT EXISTS (
    SELECT 1 FROM findings sf WHERE sf.company_id = ${alias}.id AND sf.serious AND sf.corrected_at IS NULL))`;
}

/**
 * 严重问题未纠正即总结: closed with a statement on serious problems left uncorrected, or closed and holding one
 * that is still open without any (a check recorded offline before the close, received after it; review 7-B F1).
 */
export function closedWithSeriousExpr(alias = 'a'): string {
  return `(${alias}.close_statement IS NOT NULL OR (${alias}.status = 'CLOSED' AND EXISTS (
    SELECT 1 FROM findings cf WHERE cf.activity_id = ${alias}.id AND cf.serious AND cf.corrected_at IS NULL)))`;
}

/**
 * Roster entries that count in vetting figures over many rosters (the overview's 已审核/审核通过/通过率 and
 * its drill-down, a company's outcomes on its home page, a company's 审核不通过率 in its performance):
 * those on the roster, and those found unfit (a failure taken off or replaced still counts against the
 * company). Not a PASSED entry taken off the roster: reuse copies only PASSED decisions, so counting
 * removed ones let a company add and remove a guard with a reusable pass to pile up "decisions" no
 * officer made (review 9-B F1), and a cleared guard who left is not on the roster the figures describe.
 * The same rule is frozen in the database function refresh_activity_roster_stats (migration
 * VettingCountedRule); change both together.
 *
 * A reused pass kept ON a roster (`reused_from_entry_id` set: a copy of an earlier decision) is still
 * counted here: the overview's 审核通过 is 人次 cleared for the period's activities, and that guard is
 * cleared for this one and may go on duty in it. It is NOT a decision, though: a company's past
 * performance (SPEC §4, its record) counts only the decisions made in each activity — by an officer, or
 * the system's 不通过 on a barring record — so putting its whole reusable register on one roster does not
 * lower its 审核不通过率 (review 9 C5). The summary keeps reused copies apart for that (its `reused`
 * column; companies/performance.ts).
 *
 * One activity's own figures (the home page's 通过/不通过/待审 per activity, the 审核通报's counts, the
 * vetting page) are those of the roster as it stands: `onRosterExpr`.
 */
export function vettingCountedExpr(alias = 'r'): string {
  return `(${alias}.state = 'ACTIVE' OR ${alias}.decision = 'FAILED')`;
}

/**
 * Entries counted in ONE activity's figures (通过/不通过/待审): those on its roster, as the vetting page
 * and the 审核通报 count them (VettingService.counts: 名单 = 通过 + 不通过 + 待审核), and as the
 * organizer reads the official notice: who stands on the roster it will receive and whether they are
 * cleared. A failure replaced or taken off is not "不通过" of that roster; the 通报 lists it per guard
 * (已替换/已移出) for the police and the company, and it counts against the company in the figures over
 * many rosters (`vettingCountedExpr`). Counting it here made the home page say 不通过1 beside a 通报
 * saying 不通过0人 for the same roster (review 10 R10-4).
 */
export function onRosterExpr(alias = 'r'): string {
  return `(${alias}.state = 'ACTIVE')`;
}

/** A guard's result in one session; absence counts before any score. */
export function trainingOutcomeExpr(alias = 't'): string {
  return `(CASE WHEN ${alias}.attended = false THEN 'ABSENT' WHEN ${alias}.passed THEN 'PASSED'
    WHEN ${alias}.passed = false THEN 'FAILED' ELSE 'PENDING' END)`;
}

/** On duty (SPEC §2.6): on the roster ∧ cleared ∧ passed all three training subjects (the duty gate). */
export function onDutyExpr(alias = 'r'): string {
  return onDutySql(alias);
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
