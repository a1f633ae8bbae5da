import { Role } from '@evs/schema';
import { ACTIVITY_PARTIES, Actor, hasRole, isPolice } from '../../common/actor';
import { forbidden, notFound } from '../../common/errors';

/**
 * Roles on the 督办 lists and answers: every role that owes a stage or supervises (SPEC §1; the
 * administrator and the auditor neither); each sees and answers what is addressed to its unit.
 */
export const SUPERVISION_PARTIES: readonly Role[] = ACTIVITY_PARTIES;

/** Roles that issue and close 督办通知 (SPEC §1: 领导小组办公室 supervises). */
export const NOTICE_ISSUERS: readonly Role[] = [Role.OFFICE];

/** The leader group and its office follow up every unit's late stages; any other unit sees what is addressed to it. */
const SUPERVISORS: Role[] = [Role.LEADER, Role.OFFICE];

/** Does the actor see every unit's overdue items and notices (the 督办 lists)? */
export const seesEveryUnitsNotices = (actor: Actor): boolean => hasRole(actor, ...SUPERVISORS);

/** The unit whose overdue items and notices the actor's lists are held to: none for the supervisors, its own otherwise. */
export const noticeUnitScope = (actor: Actor): string | null => (seesEveryUnitsNotices(actor) ? null : actor.unitId);

/**
 * On the 台账 of an activity the actor already sees: the police read every reminder and notice
 * (the activity's whole ledger is theirs, SPEC §1); an organizer or a company those addressed to its unit.
 */
export const seesSupervisionOf = (actor: Actor, unitId: string): boolean => isPolice(actor) || actor.unitId === unitId;

/** Only the addressed unit answers a notice; the supervisors are told why, anyone else learns nothing of it. */
export function assertAnswersNotice(actor: Actor, notice: { unitId: string }): void {
  if (notice.unitId === actor.unitId) return;
  if (seesEveryUnitsNotices(actor)) throw forbidden('督办通知由责任单位答复');
  throw notFound('督办通知', { denied: true });
}
