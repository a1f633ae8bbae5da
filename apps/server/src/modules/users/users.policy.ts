import { Role, rolesOfUnitKind, UnitKind, unitKindOfRole } from '@evs/schema';
import { Actor, hasRole } from '../../common/actor';
import { forbidden } from '../../common/errors';

/**
 * Roles that manage accounts at the edge (list, create, (de)activate, reset password or second factor):
 * the administrator and the security auditor, each held to its side by `assertMayManage` (三员分立).
 */
export const ACCOUNT_MANAGERS: readonly Role[] = [Role.ADMIN, Role.AUDITOR];

/**
 * 三员分立 (separation of duties): the system administrator manages every account except the
 * security auditors'; a security auditor manages auditors' accounts only. So ADMIN can never create,
 * reset or take over an account that reads the audit log, nor give anyone (itself included) that
 * duty; roles never change (the database refuses any role change into or out of ADMIN and AUDITOR).
 */
export function assertMayManage(actor: Actor, targetRole: Role): void {
  if (hasRole(actor, Role.ADMIN) && targetRole !== Role.AUDITOR) return;
  if (hasRole(actor, Role.AUDITOR) && targetRole === Role.AUDITOR) return;
  throw forbidden(
    targetRole === Role.AUDITOR
      ? '三员分立：安全审计员账号只能由安全审计员管理'
      : '三员分立：安全审计员只能管理安全审计员账号',
  );
}

/**
 * Opening an account: the administrator is held to 三员分立 (never a security auditor's account);
 * the police who onboard units are held to their units by `assertCanManageAccountsOf`.
 */
export function assertMayIssueAccount(actor: Actor, role: Role): void {
  if (hasRole(actor, Role.ADMIN)) assertMayManage(actor, role);
}

/**
 * The role of a new account of a unit of `kind`: the one its kind allows, or the one asked for among
 * several; `NOT_ALLOWED` for a role the kind does not have, `MISSING` when the kind has several and none was chosen.
 */
export function accountRole(kind: UnitKind, requested: Role | null | undefined): Role | 'NOT_ALLOWED' | 'MISSING' {
  const roles = rolesOfUnitKind(kind);
  if (requested) return roles.includes(requested) ? requested : 'NOT_ALLOWED';
  return roles.length === 1 ? roles[0] : 'MISSING';
}

/** Roles whose accounts read vetting detail (SPEC §1): what the administrator must not read. */
const DETAIL_ROLES: Role[] = [Role.SECURITY_DETACHMENT];

/** Does an account of this role read vetting detail (the warning says so)? */
export const readsVettingDetail = (role: Role): boolean => DETAIL_ROLES.includes(role);

/** The security auditor's unit kind and role: told of every account the administrator opens or resets. */
export const AUDITOR_UNIT_KIND = unitKindOfRole[Role.AUDITOR];
export const AUDITOR_ROLE = Role.AUDITOR;

/**
 * Is this act on an account (opening it, resetting its password or second factor) one the security
 * auditor must see? Every one the administrator does, whatever the role (review 8-B F2: an office or
 * leader account the administrator opens for itself reads the audit trail and the register). The
 * police who onboard an organizer or a company tell that unit instead (`watchAccountGrant`).
 */
export const isAdministratorsGrant = (actor: Actor): boolean => hasRole(actor, Role.ADMIN);
