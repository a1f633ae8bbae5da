import { Role } from '@evs/schema';

/**
 * Who recommends candidates (推荐候选): 保安管理支队 only, as the server's `recommendCandidates` allows.
 * 领导小组 and 领导小组办公室 may open the page (`/candidates/:id`) to read the ranking.
 */
export const RECOMMENDERS: readonly Role[] = [Role.SECURITY_DETACHMENT];
