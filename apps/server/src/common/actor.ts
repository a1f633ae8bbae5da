import { District, Role, UnitKind } from '@evs/schema';

/** The logged-in user as every service sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  district: District | null;
  /** The company this user works for (role COMPANY only). */
  companyId: string | null;
  /** Set by an administrator (first login, reset) or because the password expired. */
  mustChangePassword: boolean;
  // Facts of a logged-in account (absent on actors that scripts and seeds build for themselves).
  /** The password is older than the `security.passwordMaxAgeDays` setting. */
  passwordExpired?: boolean;
  passwordExpiresAt?: Date;
  totpEnabled?: boolean;
  /** The role requires two-factor login and the account has not enrolled yet. */
  mustEnrolTotp?: boolean;
}

/*
 * Role sets shared by several policies. Which role may do or see what is decided in the feature's
 * `*.policy.ts`; these only name the groups of SPEC §1 those policies are written in.
 */

/** The police units: 领导小组, its office, the two detachments and the district bureaus. */
export const POLICE_ROLES: readonly Role[] = [
  Role.LEADER,
  Role.OFFICE,
  Role.SECURITY_DETACHMENT,
  Role.EVENT_DETACHMENT,
  Role.DISTRICT_BUREAU,
];

/** The police roles that see every activity city-wide (SPEC §1); a district bureau sees its district. */
export const CITY_WIDE_ROLES: readonly Role[] = [Role.LEADER, Role.OFFICE, Role.SECURITY_DETACHMENT, Role.EVENT_DETACHMENT];

/**
 * The parties to an activity: the police roles, its organizer and its company (SPEC §1). Each
 * policy holds a party to the activities it may see (`activityVisibility`); the administrator and the
 * auditor are not parties (三员分立).
 */
export const ACTIVITY_PARTIES: readonly Role[] = [...POLICE_ROLES, Role.ORGANIZER, Role.COMPANY];

/** Does the actor hold one of the roles? (null: nobody logged in, holds none.) */
export function hasRole(actor: Pick<Actor, 'role'> | null | undefined, ...roles: readonly Role[]): boolean {
  return !!actor && roles.includes(actor.role);
}

/** Is the actor one of the police (as opposed to an organizer, a company, the administrator or the auditor)? */
export const isPolice = (actor: Pick<Actor, 'role'> | null | undefined): boolean => hasRole(actor, ...POLICE_ROLES);

/** The company an account of `role` in unit `unitId` works for: its own unit for a company account, none otherwise. */
export const companyIdOf = (role: Role, unitId: string): string | null => (hasRole({ role }, Role.COMPANY) ? unitId : null);

/**
 * Who acted, as `reader` may read it (review 11-B F2). A label is "姓名（单位）"; the police read it
 * whole, an organizer or a company reads the unit that acted, never an officer's or the leader's
 * personal name (SPEC §1 grants them their own activities, not the people inside the bureau). The
 * system's own label ("系统…") is shown as it is.
 */
export function actorLabelFor(reader: Pick<Actor, 'role'> | null | undefined, label: string | null): string | null {
  if (label === null || isPolice(reader) || label.startsWith('系统')) return label;
  const unit = /^[^（]*（(.+)）$/.exec(label);
  return unit ? unit[1] : label;
}
