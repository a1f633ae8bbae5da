import { GuardStatus, Role } from '@evs/schema';
import { SelectQueryBuilder } from 'typeorm';
import { Actor, hasRole, isPolice } from '../../common/actor';
import { localDate } from '../../common/calendar';
import { badInput, forbidden, notFound } from '../../common/errors';
import { EVERY_ROW, NO_ROW, SqlPredicate } from '../../common/sql-predicate';

/** Roles that see every guard on the register (ID numbers masked for all but 保安管理支队). */
const SEE_ALL_GUARDS: Role[] = [Role.SECURITY_DETACHMENT, Role.OFFICE, Role.LEADER, Role.EVENT_DETACHMENT];

/**
 * A district bureau sees the activities of its district (SPEC §1), and of the guard register the
 * people on their rosters (entries not removed: pending, passed or failed), not the city's register
 * with everybody's phone and address: what it needs for the activities it registers and no more
 * (个人信息保护法 Art. 6, the minimum necessary; review 11-B F3).
 */
const districtGuards = (actor: Actor, alias: string): SqlPredicate =>
  actor.district
    ? {
        sql: `EXISTS (SELECT 1 FROM roster_entries dr JOIN activities da ON da.id = dr.activity_id
               WHERE dr.guard_id = ${alias}.id AND dr.state = 'ACTIVE' AND da.district = :scopeDistrict)`,
        params: { scopeDistrict: actor.district },
      }
    : NO_ROW;

/**
 * Roles that keep a register of their own (`registerIdOf`): a company its company's, a self-recruiting
 * organizer (自招保安单位, SPEC §2) its unit's. What a keeper may do with its register — list, read,
 * register, edit, record a leaving — follows from `keepsRegister`, the same rule for both.
 */
export const OWN_REGISTER_ROLES: readonly Role[] = [Role.COMPANY, Role.ORGANIZER];

/**
 * Roles allowed on the `guards` list at the edge: the police every register, a keeper its own
 * (`guardListScope`: an organizer its own register, never the guards of a roster of its activities).
 */
export const GUARD_LIST_ROLES: Role[] = [...SEE_ALL_GUARDS, Role.DISTRICT_BUREAU, ...OWN_REGISTER_ROLES];
/** Roles allowed on `guard(id)`: the list's, and the organizer also a cleared guard on a roster of its own activity (`guardScope`). */
export const GUARD_READER_ROLES: Role[] = [...GUARD_LIST_ROLES];
/** Roles that keep a guard register: a keeper its own (`keepsRegister`), 保安管理支队 every one. */
export const GUARD_MANAGER_ROLES: Role[] = [Role.SECURITY_DETACHMENT, ...OWN_REGISTER_ROLES];

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
/** Revocations cancelled as entered in error (kept with their reason): 保安管理支队 alone; others see those in force. */
export const seesCancelledRevocations = seesFullIdNumbers;
/**
 * Contact details, photo, relatives' count and statement, revocations and eligibility of a guard:
 * the register's keepers and the police. The organizer reads another register's guards (cleared
 * guards of its activities' rosters) as on the cleared roster (name, masked ID number, age, sex,
 * company, certificate, education); the guards of its own register (自招) as a company reads its own.
 * Without `guard`: whether the actor sees them of a guard not on its own register.
 */
export const seesGuardParticulars = (actor: Actor | null, guard?: { companyId: string }): boolean =>
  !!actor && (!hasRole(actor, Role.ORGANIZER) || (!!guard && keepsRegister(actor, guard.companyId)));

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

/**
 * The register list's rows (`guards`), as a condition on `guards` aliased `alias`: the city-wide police
 * every register, a district bureau the people on its district's rosters, a keeper its own
 * (`registerIdOf`) and no other (an organizer without a register: none).
 */
export function guardListScope(actor: Actor, alias = 'g'): SqlPredicate {
  if (hasRole(actor, ...SEE_ALL_GUARDS)) return EVERY_ROW;
  if (hasRole(actor, Role.DISTRICT_BUREAU)) return districtGuards(actor, alias);
  const own = registerIdOf(actor);
  return own ? { sql: `${alias}.company_id = :scopeRegisterId`, params: { scopeRegisterId: own } } : NO_ROW;
}

/**
 * The guards an actor may read one by one (`guard(id)`), as a condition on `guards` aliased `alias`
 * (query builder and raw SQL alike): the list's rows, and for the organizer also the cleared guards of
 * its own activities' rosters (read at the organizer's tier, `seesGuardParticulars`).
 */
export function guardScope(actor: Actor, alias = 'g'): SqlPredicate {
  const register = guardListScope(actor, alias);
  if (register === EVERY_ROW || !hasRole(actor, Role.ORGANIZER)) return register;
  // Cleared guards only (issue 10): a PENDING or FAILED guard of another register is nobody the organizer may read.
  const cleared = `EXISTS (SELECT 1 FROM roster_entries sr JOIN activities sa ON sa.id = sr.activity_id
               WHERE sr.guard_id = ${alias}.id AND sr.state = 'ACTIVE' AND sr.decision = 'PASSED' AND sa.organizer_unit_id = :scopeUnitId)`;
  return register === NO_ROW
    ? { sql: cleared, params: { scopeUnitId: actor.unitId } }
    : { sql: `(${register.sql} OR ${cleared})`, params: { ...register.params, scopeUnitId: actor.unitId } };
}

export function scopeGuards<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'g'): SelectQueryBuilder<T> {
  const p = guardScope(actor, alias);
  return p === EVERY_ROW ? qb : qb.andWhere(p.sql, p.params);
}

/** A register filter in a guard list: a keeper may name only its own register (another answers NOT_FOUND). */
export function assertCanListCompanyGuards(actor: Actor, companyId: string): void {
  if (registerIdOf(actor) !== null && !keepsRegister(actor, companyId)) throw notFound('保安服务公司', { denied: true });
}

/** The register a new guard goes on: a keeper's own (another named answers NOT_FOUND); 保安管理支队 the one it names. */
export function targetCompanyId(actor: Actor, requested: string | undefined | null): string | null {
  const own = registerIdOf(actor);
  if (own !== null) {
    if (requested && requested !== own) throw notFound('保安服务公司', { denied: true });
    return own;
  }
  if (managesEveryRegister(actor)) return requested ?? null;
  throw forbidden('只有保安服务公司、自招保安单位和保安管理支队可以维护保安员名册');
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
 * for a self-recruiting organizer its own unit (SPEC §2 self-recruited activities; the row may not
 * exist yet: it is created on the first guard, `ensureOwnRegister`).
 */
export function registerIdOf(actor: Actor | null): string | null {
  if (hasRole(actor, Role.COMPANY)) return actor!.companyId;
  if (hasRole(actor, Role.ORGANIZER)) return actor!.unitId;
  return null;
}

/**
 * The register the actor keeps (`registerIdOf`) and whether keeping it hangs on being a 自招保安单位
 * (an organizer's: `isSelfRecruiting`, guard-import.service.ts); a company's is its own always. Null: none.
 */
export function ownRegisterOf(actor: Actor | null): { registerId: string; selfRecruited: boolean } | null {
  const registerId = registerIdOf(actor);
  return registerId === null ? null : { registerId, selfRecruited: hasRole(actor, Role.ORGANIZER) };
}

/** Does the actor keep this register (its own company's, or its own unit's self-recruited guards)? */
export const keepsRegister = (actor: Actor | null, registerId: string): boolean => {
  const own = registerIdOf(actor);
  return own !== null && own === registerId;
};

/**
 * May the actor edit this guard (details, relatives, leaving): the keeper of its register (a company,
 * a self-recruiting organizer), 保安管理支队 any; for anyone else the guard does not exist.
 */
export function canManageGuard(actor: Actor, guard: { companyId: string }): boolean {
  return keepsRegister(actor, guard.companyId) || managesEveryRegister(actor);
}

/** Roles that import a guard register from a file: its keepers (a self-recruiting organizer its own, 自招保安单位). */
export const GUARD_IMPORT_ROLES: Role[] = [...GUARD_MANAGER_ROLES];

/**
 * The register a new guard (the form, an import) goes on, as `targetCompanyId` decides: another
 * register answers NOT_FOUND. `ownUnit`: a self-recruiting organizer's own unit register, created on
 * first use (`ensureOwnRegister`).
 */
export function importRegister(actor: Actor, requested: string | undefined | null): { companyId: string | null; ownUnit: boolean } {
  return { companyId: targetCompanyId(actor, requested), ownUnit: hasRole(actor, Role.ORGANIZER) };
}

/** Who holds a person elsewhere is named to 保安管理支队 alone (issue 10: no competitor named to a company). */
export const seesOtherRegisters = (actor: Actor): boolean => hasRole(actor, Role.SECURITY_DETACHMENT);
