import { Role, SecurityMode } from '@evs/schema';
import { ACTIVITY_PARTIES, Actor, hasRole } from '../../common/actor';
import { forbidden } from '../../common/errors';
import { ActivityEntity } from '../activities/activity.entity';

/**
 * Roles that read an activity's training, its sessions and the on-duty roster: every unit that takes
 * part in activities (SPEC §1); the service holds each to the activities it sees.
 */
export const TRAINING_VIEWERS: readonly Role[] = ACTIVITY_PARTIES;

/** Roles that schedule, change and cancel training and record its results (SPEC §1: 保安管理支队 trains). */
export const TRAINERS: readonly Role[] = [Role.SECURITY_DETACHMENT];

/** Roles that may assign posts at the edge; `assertAssignsPosts` decides for each activity which of them it is. */
export const POST_ASSIGNERS: readonly Role[] = [Role.COMPANY, Role.EVENT_DETACHMENT];

/**
 * 岗位分工 (post assignment): the selected company assigns its on-duty guards; for a self-recruited
 * activity, which has no company, 大型活动安全保卫支队 does.
 */
export function assertAssignsPosts(actor: Actor, a: Pick<ActivityEntity, 'securityMode' | 'selectedCompanyId'>): void {
  if (a.securityMode === SecurityMode.SELF_RECRUITED) {
    if (!hasRole(actor, Role.EVENT_DETACHMENT)) throw forbidden('自招保安单位的活动由大型活动安全保卫支队分配岗位');
    return;
  }
  if (!hasRole(actor, Role.COMPANY) || !actor.companyId || actor.companyId !== a.selectedCompanyId) {
    throw forbidden('岗位由中选的保安服务公司分配');
  }
}
