import type { ReactNode } from 'react';
import { Role } from '@evs/schema';
import { useRole } from './session';

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Police roles that see city-wide data. */
export const CITY_ROLES: readonly Role[] = [Role.LEADER, Role.OFFICE, Role.SECURITY_DETACHMENT, Role.EVENT_DETACHMENT];

export function canAccess(role: Role, roles: readonly Role[]): boolean {
  return roles.includes(role);
}

/** Whether the session must take a step before any page (a new password, an expired one, 2FA enrolment). */
export function hasStepLeft(me: { mustChangePassword: boolean; passwordExpired: boolean; mustEnrolTotp: boolean }): boolean {
  return me.mustChangePassword || me.passwordExpired || me.mustEnrolTotp;
}

/**
 * Shows its children to the given roles only. This is presentation: the API enforces access on
 * every operation and record, so hiding a button is never the protection.
 */
export function Access({ roles, children, fallback = null }: { roles: readonly Role[]; children: ReactNode; fallback?: ReactNode }) {
  return <>{canAccess(useRole(), roles) ? children : fallback}</>;
}
