import { GuardStatus, Role } from '@evs/schema';
import { SelectQueryBuilder } from 'typeorm';
import { Actor, hasRole, isPolice } from '../../common/actor';
import { localDate } from '../../common/calendar';
import { badInput, forbidden, notFound } from '../../common/errors';
import { EVERY_ROW, NO_ROW, SqlPredicate } from '../../common/sql-predicate';

/** Roles that see every guard on the register (ID numbers masked for all but 保安管理支队). */
const SEE_ALL_GUARDS: Role[] = [
  Role.SECURITY_DETACHMENT,
  Role.OFFICE,
  Role.LEADER,
  Role.EVENT_DETACHMENT,
  Role.DISTRICT_BUREAU,
];

/** Roles allowed on the `guards` list at the edge. The organizer gets no guard list (only its cleared rosters, elsewhere). */
export const GUARD_LIST_ROLES: Role[] = [...SEE_ALL_GUARDS, Role.COMPANY];
/** Roles allowed on `guard(id)`: the organizer sees a guard on a roster of its own activity. */
export const GUARD_READER_ROLES: Role[] = [...GUARD_LIST_ROLES, Role.ORGANIZER];
/** Roles that keep a guard register: a company its own, 保安管理支队 every company's. */
export const GUARD_MANAGER_ROLES: Role[] = [Role.SECURITY_DETACHMENT, Role.COMPANY];

/** SPEC §1: full ID numbers for 保安管理支队 alone. */
export const seesFullIdNumbers = (actor: Actor | null): boolean => hasRole(actor, Role.SECURITY_DETACHMENT);
/** SPEC §1: relatives' identities for 保安管理支队 alone. */
export const seesRelatives = (actor: Actor | null): boolean => hasRole(actor, Role.SECURITY_DETACHMENT);
/**
 * The birth date is exactly the eight digits a masked ID number hides (issue 10): 保安管理支队 alone;
 * everybody else gets the age.
 */
export const seesBirthDate = seesFullIdNumbers;
/**
 * Eligibility on a date other than today, asked again and again, bisects to the birth date (the
 * digits a masked ID number hides): only those who see the birth date may ask for another day.
 * Everyone else gets today's (the on-duty check of an activity's date is the roster's pre-check).
 */
export function assertMayAskEligibilityOn(actor: Actor | null, date: string, today: string, field: string): void {
  if (date === today || seesBirthDate(actor)) return;
  const message = '只能查询今日的上岗条件（其他日期可推算出生日期，仅保安管理支队可查询）';
  throw badInput(message, [{ field, message }]);
}

/**
 * Matching a search against a whole ID number (by its keyed hash) confirms a guessed number: only for
 * those who see full numbers, and for a register's keeper on its own register (it entered them).
 */
export const searchesByIdNumber = (actor: Actor | null): boolean => seesFullIdNumbers(actor) || registerIdOf(actor) !== null;

/** Why a 保安员证 was revoked: 保安管理支队 alone (others see that and when, for eligibility). */
export const seesRevocationReasons = seesFullIdNumbers;
/**
 * Contact details, photo, relatives' count and statement, revocations and eligibility of a guard:
 * the register's keepers and the police. The organizer reads cleared guards only, as on the cleared
 * roster (name, masked ID number, age, sex, company, certificate, education).
 */
export const seesGuardParticulars = (actor: Actor | null): boolean => !!actor && !hasRole(actor, Role.ORGANIZER);

/**
 * A former employer's record of a person (LEFT) shows the person as they were when they left, not what
 * was recorded about them since, while at another register or none (review 11-A F3). The day is the
 * leaving date (as the retention rule reads it, the last change when none was recorded); a fact belongs
 * to the record when it both took effect and was recorded by then: a revocation dated before the leaving
 * but entered afterwards is news of the time after, and the date alone is whatever the officer typed.
 * The police read every record whole; an active record is the person's present and shows everything.
 * Null: no cut-off for this actor and record.
 */
export function formerEmployerCutoff(
  actor: Actor | null,
  g: { status: GuardStatus; leftOn: string | null; updatedAt: Date },
): string | null {
  if (isPolice(actor) || g.status !== GuardStatus.LEFT) return null;
  return g.leftOn ?? localDate(g.updatedAt);
}

/** What of the person's revocations a record shows to `actor` (`formerEmployerCutoff`). */
export function revocationsShownOn<R extends { revokedOn: string; createdAt: Date }>(
  actor: Actor | null,
  g: { status: GuardStatus; leftOn: string | null; updatedAt: Date },
  revocations: R[],
): R[] {
  const cutoff = formerEmployerCutoff(actor, g);
  return cutoff === null ? revocations : revocations.filter((r) => r.revokedOn <= cutoff && localDate(r.createdAt) <= cutoff);
}

/** Adds the row rule to a query over `guards` aliased `alias`. */
/** The guards an actor may read, as a condition on `guards` aliased `alias` (query builder and raw SQL alike). */
export function guardScope(actor: Actor, alias = 'g'): SqlPredicate {
  if (hasRole(actor, ...SEE_ALL_GUARDS)) return EVERY_ROW;
  if (hasRole(actor, Role.COMPANY) && actor.companyId) {
    return { sql: `${alias}.company_id = :scopeCompanyId`, params: { scopeCompanyId: actor.companyId } };
  }
  if (hasRole(actor, Role.ORGANIZER)) {
    // Cleared guards only (issue 10): a PENDING or FAILED guard is nobody the organizer may read.
    return {
      sql: `EXISTS (SELECT 1 FROM roster_entries sr JOIN activities sa ON sa.id = sr.activity_id
               WHERE sr.guard_id = ${alias}.id AND sr.state = 'ACTIVE' AND sr.decision = 'PASSED' AND sa.organizer_unit_id = :scopeUnitId)`,
      params: { scopeUnitId: actor.unitId },
    };
  }
  return NO_ROW;
}

export function scopeGuards<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'g'): SelectQueryBuilder<T> {
  const p = guardScope(actor, alias);
  return p === EVERY_ROW ? qb : qb.andWhere(p.sql, p.params);
}

/** A company filter in a guard list: a company user may name only its own company. */
export function assertCanListCompanyGuards(actor: Actor, companyId: string): void {
  if (hasRole(actor, Role.COMPANY) && actor.companyId !== companyId) throw notFound('保安服务公司', { denied: true });
}

/** The company whose register a new guard goes on. */
export function targetCompanyId(actor: Actor, requested: string | undefined | null): string | null {
  if (hasRole(actor, Role.COMPANY)) {
    if (requested && requested !== actor.companyId) throw notFound('保安服务公司', { denied: true });
    return actor.companyId;
  }
  if (managesEveryRegister(actor)) return requested ?? null;
  throw forbidden('只有保安服务公司和保安管理支队可以维护保安员名册');
}

/** Transfers between companies and certificate revocations belong to 保安管理支队. */
export function assertDetachment(actor: Actor, what: string): void {
  if (!managesEveryRegister(actor)) throw forbidden(`只有保安管理支队可以${what}`);
}

/**
 * Roles that keep every company's register (SPEC §1: 保安管理支队): at the edge, transfers between
 * companies and certificate revocations are theirs alone.
 */
export const EVERY_REGISTER_KEEPERS: readonly Role[] = [Role.SECURITY_DETACHMENT];

/** 保安管理支队 keeps every company's register: it may edit any guard and is told which company holds a person. */
export const managesEveryRegister = (actor: Actor | null): boolean => hasRole(actor, ...EVERY_REGISTER_KEEPERS);

/**
 * The register (a companies row) whose guards this actor keeps and submits: the company's own, or
 * for a self-recruiting organizer its own unit (SPEC §2 self-recruited activities).
 */
export function registerIdOf(actor: Actor | null): string | null {
  if (hasRole(actor, Role.COMPANY)) return actor!.companyId;
  if (hasRole(actor, Role.ORGANIZER)) return actor!.unitId;
  return null;
}

/** Does the actor keep this register (its own company's, or its own unit's self-recruited guards)? */
export const keepsRegister = (actor: Actor | null, registerId: string): boolean => {
  const own = registerIdOf(actor);
  return own !== null && own === registerId;
};

/** May the actor edit this guard: a company its own register's, 保安管理支队 any; for anyone else the guard does not exist. */
export function canManageGuard(actor: Actor, guard: { companyId: string }): boolean {
  if (hasRole(actor, Role.COMPANY)) return guard.companyId === actor.companyId;
  return managesEveryRegister(actor);
}

/** Roles that import a guard register from a file: its keepers, and a self-recruiting organizer (自招保安单位) its own. */
export const GUARD_IMPORT_ROLES: Role[] = [...GUARD_MANAGER_ROLES, Role.ORGANIZER];

/**
 * The register an import writes into. A company and 保安管理支队 as on the form (`targetCompanyId`:
 * another company's register answers NOT_FOUND, as the form does); a self-recruiting organizer its
 * own unit's register (`ownUnit`), created on first use.
 */
export function importRegister(actor: Actor, requested: string | undefined | null): { companyId: string | null; ownUnit: boolean } {
  if (hasRole(actor, Role.ORGANIZER)) {
    if (requested && requested !== actor.unitId) throw notFound('保安服务公司', { denied: true });
    return { companyId: actor.unitId, ownUnit: true };
  }
  return { companyId: targetCompanyId(actor, requested), ownUnit: false };
}

/** Who holds a person elsewhere is named to 保安管理支队 alone (issue 10: no competitor named to a company). */
export const seesOtherRegisters = (actor: Actor): boolean => hasRole(actor, Role.SECURITY_DETACHMENT);
