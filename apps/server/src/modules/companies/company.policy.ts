import { Role } from '@evs/schema';
import { SelectQueryBuilder } from 'typeorm';
import { Actor, hasRole, isPolice } from '../../common/actor';
import { forbidden, notFound } from '../../common/errors';
import { keepsRegister } from '../guards/guard.policy';

/** Roles that see every company's register entry (the organizer: public register info only). */
const SEE_ALL_COMPANIES: Role[] = [
  Role.SECURITY_DETACHMENT,
  Role.OFFICE,
  Role.LEADER,
  Role.EVENT_DETACHMENT,
  Role.DISTRICT_BUREAU,
  Role.ORGANIZER,
];

/** Roles allowed on the `companies` / `company` queries at the edge; rows are filtered by `scopeCompanies`. */
export const COMPANY_READER_ROLES: Role[] = [...SEE_ALL_COMPANIES, Role.COMPANY];

/**
 * May the actor read this register entry. A row that is no 保安服务公司 (`securityCompany` false: a
 * self-recruiting organizer's own register, its unit's kind is not COMPANY; review 11-C F4) is no
 * candidate anyone compares: the police and the organizer whose register it is read it, for everyone
 * else it does not exist (as the `companies` list leaves it out).
 */
export function canViewCompany(actor: Actor, companyId: string, register: { securityCompany: boolean } = { securityCompany: true }): boolean {
  if (!register.securityCompany) return isPolice(actor) || keepsRegister(actor, companyId);
  if (hasRole(actor, ...SEE_ALL_COMPANIES)) return true;
  return hasRole(actor, Role.COMPANY) && actor.companyId === companyId;
}

/** NOT_FOUND, never revealing whether another company exists; asking for another company's is audited as a denial. */
export function assertCanViewCompany(actor: Actor, companyId: string, register?: { securityCompany: boolean }): void {
  if (!canViewCompany(actor, companyId, register)) throw notFound('保安服务公司', { denied: true });
}

/** Adds the row rule to a query over `companies` aliased `alias`. */
export function scopeCompanies<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'c'): SelectQueryBuilder<T> {
  if (hasRole(actor, ...SEE_ALL_COMPANIES)) return qb;
  if (hasRole(actor, Role.COMPANY) && actor.companyId) {
    return qb.andWhere(`${alias}.id = :scopeCompanyId`, { scopeCompanyId: actor.companyId });
  }
  return qb.andWhere('false');
}

/** Roles that keep the company register: create, import, edit, suspend or revoke (SPEC §1: 保安管理支队). */
export const COMPANY_REGISTER_KEEPERS: readonly Role[] = [Role.SECURITY_DETACHMENT];

/** Roles that edit a company's own address and contact (`ownCompanyId` holds it to its own company). */
export const COMPANY_PROFILE_EDITORS: readonly Role[] = [Role.COMPANY];

/** The register (create, edit, suspend) belongs to 保安管理支队. */
export const managesCompanyRegister = (actor: Actor): boolean => hasRole(actor, ...COMPANY_REGISTER_KEEPERS);

export function assertCanManageCompanies(actor: Actor): void {
  if (!managesCompanyRegister(actor)) throw forbidden('只有保安管理支队可以登记和修改保安服务公司');
}

/** A company user edits its own company's address and contact only. */
export function ownCompanyId(actor: Actor): string {
  if (!hasRole(actor, Role.COMPANY) || !actor.companyId) throw forbidden('只有保安服务公司账号可以维护本公司资料');
  return actor.companyId;
}
