import { Role, SecurityMode } from '@evs/schema';
import { Actor } from '../../common/context';
import { ActivityEntity } from '../activities/activity.entity';
import { canViewActivity } from '../activities/activity.policy';

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

/** The register (companies row) whose guards this actor submits: the company, or the self-recruiting organizer unit. */
export function registerIdOf(actor: Actor): string | null {
  if (actor.role === Role.COMPANY) return actor.companyId;
  if (actor.role === Role.ORGANIZER) return actor.unitId;
  return null;
}

/** Is the actor the unit that submits this activity's roster? */
export function isSubmitter(actor: Actor, a: Pick<ActivityEntity, 'securityMode' | 'selectedCompanyId' | 'organizerUnitId'>): boolean {
  if (a.securityMode === SecurityMode.SELF_RECRUITED) {
    return actor.role === Role.ORGANIZER && a.organizerUnitId === actor.unitId;
  }
  return actor.role === Role.COMPANY && !!actor.companyId && a.selectedCompanyId === actor.companyId;
}

/** The actor's tier for one activity, or null when the activity is not theirs to see. */
export function vettingTier(actor: Actor, a: ActivityEntity): VettingTier | null {
  if (!canViewActivity(actor, a)) return null;
  if (actor.role === Role.SECURITY_DETACHMENT) return VettingTier.DETAIL;
  if ([Role.LEADER, Role.OFFICE, Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU].includes(actor.role)) return VettingTier.POLICE;
  if (isSubmitter(actor, a)) return VettingTier.SUBMITTER;
  if (actor.role === Role.ORGANIZER) return VettingTier.ORGANIZER;
  return null;
}

/** Full ID numbers for 保安管理支队 only. */
export function seesFullIdNumbers(actor: Actor): boolean {
  return actor.role === Role.SECURITY_DETACHMENT;
}
