import { Actor, isPolice } from '../../common/actor';

/** What of a roster entry says when it was decided (columns or entity fields alike). */
export interface EntryDecisionTimes {
  decidedAt: Date | null;
  /** Set while the entry's decision is a reused pass (every new decision clears it). */
  reusedFromEntryId: string | null;
  checkedAt: Date | null;
  createdAt: Date;
}

/**
 * When a roster entry was decided, as `actor` may read it (review 11-A F2). A reused pass keeps the
 * original decision's time (`decided_at`, vetting.service `evaluate`: the reuse window is anchored
 * there), and that is when a roster of another activity, often another unit's, was decided: a piece of
 * the person's history at a former employer. The police read the stored time; the submitting unit (a
 * company, or a self-recruiting organizer) and the organizer read this roster's own time: when the entry
 * was checked (the reuse is applied at the check), else when it was added. One rule for every place an
 * entry's decision time leaves the server (RosterEntry.decidedAt, the 台账 and its export).
 */
export function decidedAtShownTo(actor: Pick<Actor, 'role'> | null | undefined, e: EntryDecisionTimes): Date | null {
  if (!e.decidedAt || !e.reusedFromEntryId || isPolice(actor)) return e.decidedAt;
  return e.checkedAt ?? e.createdAt;
}
