import { Role } from '@evs/schema';

/**
 * Roles that import the register of criminal records vetting compares against and read its figures
 * (SPEC §1: 保安管理支队, the detachment that vets).
 */
export const RECORD_REGISTER_KEEPERS: readonly Role[] = [Role.SECURITY_DETACHMENT];
