import { Role, SecurityMode } from '@evs/schema';
import { Actor, hasRole, isPolice } from '../../common/actor';
import { forbidden } from '../../common/errors';
import { ActivityEntity } from '../activities/activity.entity';
import { canViewActivity } from '../activities/activity.policy';
import { registerIdOf } from '../guards/guard.policy';

/**
 * The privacy tiers of vetting (SPEC §1):
 * - POLICE: 保安管理支队 — everything, incl. relatives and record details (each read audited);
 *   the other police roles (leader, office, event detachment, district) see outcomes with ID numbers masked.
 * - SUBMITTER: the company that submitted the roster (or, for a self-recruited activity, the
 *   organizer unit) — its own guards' PASSED/FAILED with the reason category only, IDs masked.
 * - ORGANIZER: the organizer of a service-company activity — counts and the cleared roster only.
 */
export enum VettingTier {
  DETAIL = 'DETAIL',
  POLICE = 'POLICE',
  SUBMITTER = 'SUBMITTER',
  ORGANIZER = 'ORGANIZER',
}

/**
 * Roles that submit, change and precheck a roster at the edge (SPEC §1): the selected company, or
 * for a self-recruited activity the organizer; `isSubmitter` decides which activity is theirs.
 */
export const ROSTER_SUBMITTERS: readonly Role[] = [Role.COMPANY, Role.ORGANIZER];

/** Roles that vet (SPEC §1: 保安管理支队 decides, passes the clean, closes and rechecks vetting). */
export const VETTING_DECIDERS: readonly Role[] = [Role.SECURITY_DETACHMENT];

/** Roles that read vetting detail: suggestions, hits, relatives, decision notes (SPEC §1: 保安管理支队 alone, each read audited). */
export const VETTING_DETAIL_READERS: readonly Role[] = [Role.SECURITY_DETACHMENT];

/** Is the actor the unit that submits this activity's roster? */
export function isSubmitter(actor: Actor, a: Pick<ActivityEntity, 'securityMode' | 'selectedCompanyId' | 'organizerUnitId'>): boolean {
  if (a.securityMode === SecurityMode.SELF_RECRUITED) {
    return hasRole(actor, Role.ORGANIZER) && a.organizerUnitId === actor.unitId;
  }
  return hasRole(actor, Role.COMPANY) && !!actor.companyId && a.selectedCompanyId === actor.companyId;
}

/** The actor's tier for one activity, or null when the activity is not theirs to see. */
export function vettingTier(
  actor: Actor,
  a: Pick<ActivityEntity, 'district' | 'organizerUnitId' | 'selectedCompanyId' | 'securityMode'>,
): VettingTier | null {
  if (!canViewActivity(actor, a)) return null;
  if (seesVettingDetail(actor)) return VettingTier.DETAIL;
  if (isPolice(actor)) return VettingTier.POLICE;
  if (isSubmitter(actor, a)) return VettingTier.SUBMITTER;
  if (hasRole(actor, Role.ORGANIZER)) return VettingTier.ORGANIZER;
  return null;
}

/**
 * Vetting detail (record details, relatives, decision notes, the system's suggestions): 保安管理支队
 * alone (SPEC §1), each read audited. The detachment is also the one that vets: it decides, closes
 * vetting and keeps the register of records it vets against.
 */
export const seesVettingDetail = (actor: Actor | null): boolean => hasRole(actor, ...VETTING_DETAIL_READERS);

/** FORBIDDEN with `message` for anyone but 保安管理支队. */
export function assertSeesVettingDetail(actor: Actor, message: string): void {
  if (!seesVettingDetail(actor)) throw forbidden(message);
}

/** Is this the detachment that vets? When another party's action completes vetting, the system closes it. */
export const runsVetting = (actor: Actor): boolean => hasRole(actor, ...VETTING_DECIDERS);

/**
 * The vetting decisions of one activity as its timeline shows them: with the reason (and for
 * 保安管理支队 the decision note) to the tiers that may read the outcome of that entry; to the
 * organizer of a service-company activity, passed guards by name and failures as a count; nothing of
 * another register's guards to a submitter.
 */
export type DecisionView = 'WITH_NOTE' | 'WITH_REASON' | 'COUNT_FAILURES' | 'HIDDEN';

export function decisionView(tier: VettingTier | null, actor: Actor, entryRegisterId: string): DecisionView {
  switch (tier) {
    case VettingTier.DETAIL:
      return 'WITH_NOTE';
    case VettingTier.POLICE:
      return 'WITH_REASON';
    case VettingTier.SUBMITTER:
      return entryRegisterId === registerIdOf(actor) ? 'WITH_REASON' : 'HIDDEN';
    case VettingTier.ORGANIZER:
      return 'COUNT_FAILURES';
    default:
      return 'HIDDEN';
  }
}
