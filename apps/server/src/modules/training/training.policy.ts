import { Role, SecurityMode } from '@evs/schema';
import { Actor, hasRole } from '../../common/actor';
import { forbidden } from '../../common/errors';
import { ActivityEntity } from '../activities/activity.entity';

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
