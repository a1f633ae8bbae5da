import { EntityManager } from 'typeorm';

/** One row of the on-duty roster, straight from SQL. */
export interface DutyRow {
  rosterEntryId: string;
  guardId: string;
  companyId: string;
  post: string | null;
  area: string | null;
}

/**
 * Trained (SPEC §2 step 6, seed step 四): roster entry `r` passed all three subjects — 法律法规,
 * 基本勤务技能, 突发情况处置 — in the sessions of its activity, in one session or several. The same
 * text is in migration Calendar (the per-activity roster summary the overview reads).
 */
export const trainedSql = (r = 'r') => `(
  SELECT count(DISTINCT pt) FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
   CROSS JOIN unnest(ta.passed_topics) AS pt
   WHERE ta.roster_entry_id = ${r}.id AND ts.activity_id = ${r}.activity_id AND ta.attended
) = cardinality(enum_range(NULL::training_topic))`;

/**
 * Cleared (通过审核): roster entry `r` is on the roster (ACTIVE) with a PASSED decision now — a pass
 * withdrawn since is not. The cleared roster every party of the activity may read (SPEC §1: the
 * organizer sees vetting as counts and this list): training's trainees, and the rows of a 签到表
 * shown to the organizer.
 */
export const clearedSql = (r = 'r') => `(${r}.state = 'ACTIVE' AND ${r}.decision = 'PASSED')`;

/**
 * The duty gate: a roster entry is on duty only when it is ACTIVE, its vetting decision is PASSED,
 * and it passed all three training subjects. Every place that puts someone on duty (posts,
 * inspections, READY, start, the overview) reads this one condition.
 */
export const onDutySql = (r = 'r') => `(${clearedSql(r)} AND ${trainedSql(r)})`;

export const ON_DUTY_CONDITION = onDutySql('r');

/** Where the photo of a guard on an on-duty roster is served, followed by the roster entry's id (photos.http.ts). */
export const ROSTER_PHOTO_PATH = '/photos/roster/';

export async function onDutyRows(m: EntityManager, activityId: string): Promise<DutyRow[]> {
  return m.query(
    `SELECT r.id AS "rosterEntryId", r.guard_id AS "guardId", r.company_id AS "companyId", r.post, r.area
       FROM roster_entries r
      WHERE r.activity_id = $1 AND ${ON_DUTY_CONDITION}`,
    [activityId],
  );
}

/**
 * The guard's entry on the on-duty roster as it stood at `at`: on duty now, or on duty then and his pass
 * withdrawn since (`pass_withdrawn_at`). A check made offline before the withdrawal and sent after it
 * saw a cleared guard, and is not a 未经审查人员上岗 finding against the company (review 10 D3).
 * Passes are all given before the event starts (vetting takes no decision but a withdrawal after it
 * closes), so a pass withdrawn after `at` was held at `at`.
 */
export async function dutyRowAt(m: EntityManager, activityId: string, guardId: string, at: Date): Promise<DutyRow | undefined> {
  const [row]: DutyRow[] = await m.query(
    `SELECT r.id AS "rosterEntryId", r.guard_id AS "guardId", r.company_id AS "companyId", r.post, r.area
       FROM roster_entries r
      WHERE r.activity_id = $1 AND r.guard_id = $2
        AND (${ON_DUTY_CONDITION}
             OR (r.state = 'ACTIVE' AND r.decision = 'FAILED' AND r.pass_withdrawn_at > $3 AND ${trainedSql('r')}))
      ORDER BY r.created_at DESC LIMIT 1`,
    [activityId, guardId, at],
  );
  return row;
}

export async function onDutyCount(m: EntityManager, activityId: string): Promise<number> {
  const [{ n }] = await m.query(
    `SELECT count(*)::int AS n FROM roster_entries r WHERE r.activity_id = $1 AND ${ON_DUTY_CONDITION}`,
    [activityId],
  );
  return n;
}
