import { District, Role, unitKindsOfRole } from '@evs/schema';
import { Actor, companyIdOf } from '../src/common/actor';

/**
 * Actors for pure policy tests: one per role, in its own unit, a district bureau in OWN_DISTRICT, a
 * company account working for its own unit. "Own" and "foreign" rows are built from these ids.
 */
export const ALL_ROLES: Role[] = Object.values(Role);
export const OWN_DISTRICT = District.XINGLONGTAI;
export const FOREIGN_DISTRICT = District.DAWA;
export const unitOf = (role: Role): string => `unit-${role.toLowerCase()}`;
/** The id of the unit (and register) of the organizer and of the company actors. */
export const OWN_ORGANIZER = unitOf(Role.ORGANIZER);
export const OWN_COMPANY = unitOf(Role.COMPANY);
export const FOREIGN_ORGANIZER = 'unit-other-organizer';
export const FOREIGN_COMPANY = 'unit-other-company';

export function actorFor(role: Role, overrides: Partial<Actor> = {}): Actor {
  const unitId = overrides.unitId ?? unitOf(role);
  return {
    id: `user-${role.toLowerCase()}`,
    username: role.toLowerCase(),
    displayName: role,
    role,
    unitId,
    unitName: role,
    unitKind: unitKindsOfRole[role][0],
    district: role === Role.DISTRICT_BUREAU ? OWN_DISTRICT : null,
    companyId: companyIdOf(role, unitId),
    mustChangePassword: false,
    ...overrides,
  };
}

/** Every role's actor with what the table expects of it: `Record<Role, …>` fails to compile when a role is added to the schema and not to the table. */
export const table = <T>(expected: Record<Role, T>): [Role, T][] => ALL_ROLES.map((role) => [role, expected[role]]);

/** Which of the named role lists (a policy's `@Authorized` lists) grant `role`: `{ name: role is in it }`. */
export const grantedBy = <K extends string>(lists: Record<K, readonly Role[]>, role: Role): Record<K, boolean> =>
  Object.fromEntries(Object.entries<readonly Role[]>(lists).map(([name, roles]) => [name, roles.includes(role)])) as Record<K, boolean>;
