import { Role } from '@evs/schema';

/**
 * Roles that change the local policy settings (weights, margins, age limit, reuse period, deadlines):
 * 保安管理支队 (SPEC §1), each change audited. Every signed-in role reads them.
 */
export const SETTINGS_EDITORS: readonly Role[] = [Role.SECURITY_DETACHMENT];
