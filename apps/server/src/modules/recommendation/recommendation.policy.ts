import { Role } from '@evs/schema';
import { Actor, hasRole } from '../../common/actor';
import { forbidden } from '../../common/errors';
import { ActivityEntity } from '../activities/activity.entity';

/**
 * The recommended candidates and their scores: everybody who sees the activity but the companies
 * themselves (SPEC §1: the organizer sees the weights and every score; a company sees none of its rivals).
 */
export const seesCandidates = (actor: Actor): boolean => !hasRole(actor, Role.COMPANY);

/** Is the actor the organizer of this activity, the unit that quotes and chooses (the police recommend, never assign)? */
export function isChoosingOrganizer(actor: Actor, a: Pick<ActivityEntity, 'organizerUnitId'>): boolean {
  return hasRole(actor, Role.ORGANIZER) && a.organizerUnitId === actor.unitId;
}

export function assertIsChoosingOrganizer(actor: Actor, a: Pick<ActivityEntity, 'organizerUnitId'>): void {
  if (!isChoosingOrganizer(actor, a)) throw forbidden('只有本活动的主办单位可以填报报价和遴选');
}
