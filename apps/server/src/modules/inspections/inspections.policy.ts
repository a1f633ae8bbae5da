import { Role } from '@evs/schema';
import { ACTIVITY_PARTIES } from '../../common/actor';

/*
 * 现场监管 (on-site supervision) at the edge: which roles reach each operation at all. The service
 * holds every caller to the activities it sees (`assertCanViewActivity`).
 */

/** Roles that start and close an activity and record inspections and corrections (SPEC §1: 保安管理支队 supervises on site). */
export const ON_SITE_SUPERVISORS: readonly Role[] = [Role.SECURITY_DETACHMENT];

/** Roles that read an activity's findings: every unit that takes part in activities (SPEC §1), each its own activities. */
export const FINDING_READERS: readonly Role[] = ACTIVITY_PARTIES;

/** Roles that read the inspection records themselves: 保安管理支队, 领导小组 and its office. */
export const INSPECTION_READERS: readonly Role[] = [Role.SECURITY_DETACHMENT, Role.OFFICE, Role.LEADER];
