import { ActivityStatus, Role } from '@evs/schema';
import { Actor, hasRole } from '../../common/actor';
import { forbidden } from '../../common/errors';
import { ActivityEntity } from '../activities/activity.entity';

/** Roles that read every company's qualification and scores for an activity (候选推荐): 保安管理支队, 领导小组 and its office. */
export const SUGGESTION_READERS: readonly Role[] = [Role.SECURITY_DETACHMENT, Role.OFFICE, Role.LEADER];

/** Roles that recommend the candidates (SPEC §1: 保安管理支队 recommends, never assigns). */
export const RECOMMENDERS: readonly Role[] = [Role.SECURITY_DETACHMENT];

/** Roles that read the comparison of the candidates (候选比选): the organizer and the police, never a company (see `seesCandidates`). */
export const COMPARISON_READERS: readonly Role[] = [
  Role.ORGANIZER,
  Role.SECURITY_DETACHMENT,
  Role.OFFICE,
  Role.LEADER,
  Role.EVENT_DETACHMENT,
  Role.DISTRICT_BUREAU,
];

/** Roles that quote and choose the company (SPEC §1: the organizer); `assertIsChoosingOrganizer` holds it to its own activity. */
export const COMPANY_CHOOSERS: readonly Role[] = [Role.ORGANIZER];

/**
 * The recommended candidates and their scores: everybody who sees the activity but the companies
 * themselves (SPEC §1: the organizer sees the weights and every score; a company sees none of its rivals).
 */
export const seesCandidates = (actor: Actor): boolean => !hasRole(actor, Role.COMPANY);

/**
 * What a viewer who may not see the candidates reads of the recommendation step in the 台账 (the
 * transition's comment, the timeline's entry, its export): the chosen company needs to know that its
 * activity went through recommendation and comparison before it was chosen, and when — never who else
 * stood, how many, or any score. The stored comment names every candidate (and a shortfall note every
 * qualified company).
 */
export const CANDIDATES_WITHHELD = '候选公司名单及得分仅主办单位和公安机关可见';

/** A transition's comment as `actor` may read it (see `CANDIDATES_WITHHELD`). */
export function transitionCommentFor(actor: Actor, t: { toStatus: ActivityStatus; comment: string | null }): string | null {
  return t.toStatus === ActivityStatus.CANDIDATES_RECOMMENDED && !seesCandidates(actor) ? CANDIDATES_WITHHELD : t.comment;
}

/** Is the actor the organizer of this activity, the unit that quotes and chooses (the police recommend, never assign)? */
export function isChoosingOrganizer(actor: Actor, a: Pick<ActivityEntity, 'organizerUnitId'>): boolean {
  return hasRole(actor, Role.ORGANIZER) && a.organizerUnitId === actor.unitId;
}

export function assertIsChoosingOrganizer(actor: Actor, a: Pick<ActivityEntity, 'organizerUnitId'>): void {
  if (!isChoosingOrganizer(actor, a)) throw forbidden('只有本活动的主办单位可以填报报价和遴选');
}
