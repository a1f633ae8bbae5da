import { EntityManager } from 'typeorm';

/** One row of the on-duty roster, straight from SQL. */
export interface DutyRow {
  rosterEntryId: string;
  guardId: string;
  companyId: string;
  post: string | null;
}

/**
 * The duty gate (SPEC §2 step 6): a roster entry is on duty only when it is ACTIVE, its vetting
 * decision is PASSED, and the guard attended a training session of this activity and passed it.
 * Every place that puts someone on duty (posts, inspections, READY, start) reads this one query.
 */
export const ON_DUTY_CONDITION = `
  r.state = 'ACTIVE' AND r.decision = 'PASSED'
  AND EXISTS (
    SELECT 1 FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
     WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id AND ta.attended AND ta.passed
  )`;

export async function onDutyRows(m: EntityManager, activityId: string): Promise<DutyRow[]> {
  return m.query(
    `SELECT r.id AS "rosterEntryId", r.guard_id AS "guardId", r.company_id AS "companyId", r.post
       FROM roster_entries r
      WHERE r.activity_id = $1 AND ${ON_DUTY_CONDITION}`,
    [activityId],
  );
}

export async function onDutyCount(m: EntityManager, activityId: string): Promise<number> {
  const [{ n }] = await m.query(
    `SELECT count(*)::int AS n FROM roster_entries r WHERE r.activity_id = $1 AND ${ON_DUTY_CONDITION}`,
    [activityId],
  );
  return n;
}
