import { Role } from '@evs/schema';

/** Roles that read the 待办 work queue: the stages that wait on 保安管理支队 (请示, 推荐, 审核, 培训, 开始, 总结), its own. */
export const WORK_QUEUE_READERS: readonly Role[] = [Role.SECURITY_DETACHMENT];
