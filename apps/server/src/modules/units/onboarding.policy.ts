import { District, districtLabels, Role, UnitKind, unitKindLabels } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/actor';
import { forbidden } from '../../common/errors';
import { UnitEntity } from './unit.entity';

/**
 * Who may create which units and open accounts for them (README「正式部署：开户」):
 *
 * | role                     | new units                               | accounts for                                       |
 * |--------------------------|-----------------------------------------|----------------------------------------------------|
 * | ADMIN                    | any kind (`createUnit`)                 | any unit                                           |
 * | EVENT_DETACHMENT         | ORGANIZER, any district                 | ORGANIZER units                                    |
 * | DISTRICT_BUREAU          | ORGANIZER in its own district           | ORGANIZER units of its district                    |
 * | SECURITY_DETACHMENT      | COMPANY (`createCompany`, `importCompanies`) | COMPANY units                                 |
 * | everyone else            | none                                    | none                                               |
 *
 * The police who register an activity onboard its organizer; the detachment that keeps the company
 * register onboards companies; the administrator can do everything, and nobody can onboard itself.
 */
export function assertCanCreateUnit(actor: Actor, kind: UnitKind, district: District | null | undefined): void {
  switch (actor.role) {
    case Role.ADMIN:
      return;
    case Role.EVENT_DETACHMENT:
      if (kind === UnitKind.ORGANIZER) return;
      break;
    case Role.DISTRICT_BUREAU:
      if (kind !== UnitKind.ORGANIZER) break;
      if (district && district !== actor.district) {
        throw forbidden(`只能新建本辖区（${actor.district ? districtLabels[actor.district] : ''}）的主办单位`);
      }
      return;
    default:
      break;
  }
  throw forbidden(`无权新建${unitKindLabels[kind]}`);
}

/** May the actor open (or list) accounts of this unit? FORBIDDEN names why not. */
export async function assertCanManageAccountsOf(_m: EntityManager, actor: Actor, unit: UnitEntity): Promise<void> {
  switch (actor.role) {
    case Role.ADMIN:
      return;
    case Role.SECURITY_DETACHMENT:
      if (unit.kind === UnitKind.COMPANY) return;
      throw forbidden('保安管理支队只能为保安服务公司开设账号');
    case Role.EVENT_DETACHMENT:
      if (unit.kind === UnitKind.ORGANIZER) return;
      throw forbidden('只能为主办/承办单位开设账号');
    case Role.DISTRICT_BUREAU: {
      if (unit.kind !== UnitKind.ORGANIZER) throw forbidden('只能为主办/承办单位开设账号');
      // Not "or organizing an activity here": the bureau registers the activities of its district
      // itself, so a draft it creates would open it an account (and every activity) of any organizer
      // in the city. Another district's organizer is onboarded by 大型活动安全保卫支队.
      if (unit.district === actor.district) return;
      throw forbidden('只能为本辖区的主办单位开设账号；其他辖区的主办单位由大型活动安全保卫支队开设账号');
    }
    default:
      throw forbidden('无权开设账号');
  }
}

/**
 * Kinds the city has exactly one of, made at first start (a unique index holds it): the detachment whose
 * accounts read vetting detail, and the security auditor's unit (三员分立). A second one would receive the
 * warnings meant for the real one (reviews 6 A-F1, 8-B F1).
 */
export const ONE_PER_CITY_UNIT_KINDS: readonly UnitKind[] = [UnitKind.SECURITY_DETACHMENT, UnitKind.INSPECTORATE];

/**
 * The security auditor's unit is never deactivated: only the administrator deactivates units, and the
 * auditor watches the administrator (三员分立; review 8-B F1: every auditor was logged out and kept out).
 */
export function assertMayDeactivateKind(kind: UnitKind): void {
  if (kind === UnitKind.INSPECTORATE) {
    throw forbidden('三员分立：安全审计员所在的警务督察部门不能停用（停用会使安全审计员无法登录、收不到系统管理员操作的提醒）');
  }
}

/** Roles that may see every unit; an organizer or a company sees its own unit only. */
export const SEE_ALL_UNITS: Role[] = [
  Role.ADMIN,
  Role.LEADER,
  Role.OFFICE,
  Role.SECURITY_DETACHMENT,
  Role.EVENT_DETACHMENT,
  Role.DISTRICT_BUREAU,
];

/** Does the actor see every unit (else only its own)? */
export const seesEveryUnit = (actor: Actor): boolean => hasRole(actor, ...SEE_ALL_UNITS);

/** A district bureau's new organizer is in the bureau's district unless the input names one. */
export function defaultDistrictOfNewUnit(actor: Actor, kind: UnitKind): District | null {
  return hasRole(actor, Role.DISTRICT_BUREAU) && kind === UnitKind.ORGANIZER ? actor.district : null;
}

/** The police who onboard an organizer open its contact's account with it; the administrator may add accounts later. */
export const mustOpenAccountWithUnit = (actor: Actor): boolean => !hasRole(actor, Role.ADMIN);

/** Roles that may open accounts for some units, and list and count a unit's accounts (the edge check; `assertCanManageAccountsOf` decides per unit). */
export const ACCOUNT_ISSUERS: Role[] = [Role.ADMIN, Role.SECURITY_DETACHMENT, Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];

/** Roles that may call createUnit (edge check; `assertCanCreateUnit` decides which kinds and districts). */
export const UNIT_CREATORS: Role[] = [Role.ADMIN, Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];

/** Roles that deactivate, reactivate and merge units and read why a unit was deactivated: the system administrator. */
export const UNIT_ADMINISTRATORS: readonly Role[] = [Role.ADMIN];
