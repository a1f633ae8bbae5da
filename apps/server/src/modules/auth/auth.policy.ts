import { Role } from '@evs/schema';

/** Roles that read the security policy (password lifetime, which roles must use two-factor login): the administrator and the security auditor. */
export const SECURITY_POLICY_READERS: readonly Role[] = [Role.ADMIN, Role.AUDITOR];

/** Roles that change the security policy: the system administrator, each change audited (三员分立: the auditor reads it). */
export const SECURITY_POLICY_EDITORS: readonly Role[] = [Role.ADMIN];

/** Roles whose accounts need a second factor on a new production database (等保 2.0 三级: police accounts). */
export const TOTP_REQUIRED_BY_DEFAULT: readonly Role[] = [Role.ADMIN, Role.SECURITY_DETACHMENT];
