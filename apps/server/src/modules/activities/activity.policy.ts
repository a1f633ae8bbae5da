import { ActivityStatus, Role } from '@evs/schema';
import { SelectQueryBuilder } from 'typeorm';
import { ACTIVITY_PARTIES, Actor, CITY_WIDE_ROLES, hasRole, isPolice } from '../../common/actor';
import { forbidden, notFound } from '../../common/errors';
import { EVERY_ROW, NO_ROW, SqlPredicate } from '../../common/sql-predicate';
import { ActivityEntity } from './activity.entity';

/**
 * Roles that reach the activity list and an activity at all: every unit that takes part in
 * activities (SPEC §1); `activityVisibility` below decides which rows each sees.
 */
export const ACTIVITY_VIEWERS: readonly Role[] = ACTIVITY_PARTIES;

/**
 * Roles that register, edit and report (通报) activities (SPEC §1): a district bureau in its district,
 * 大型活动安全保卫支队 city-wide (`assertCanRegisterIn`).
 */
export const ACTIVITY_REPORTERS: readonly Role[] = [Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];

/** Roles that send the 请示 on a reported activity (SPEC §1: 保安管理支队). */
export const INSTRUCTION_REQUESTERS: readonly Role[] = [Role.SECURITY_DETACHMENT];

/** Roles that answer a 请示 with a 批示 (SPEC §1: 领导小组). */
export const INSTRUCTION_ANSWERERS: readonly Role[] = [Role.LEADER];

/**
 * Which activities an actor sees (SPEC §1), written once: `canViewActivity` reads it for a loaded
 * row, `activityScope` turns it into SQL for the query builder and for raw SQL.
 * - the city-wide police roles: every activity;
 * - a district bureau: the activities of its district;
 * - an organizer: the activities its unit organizes;
 * - a company: the activities that selected it;
 * - anyone else (the administrator, the auditor), or an account missing its district or company: none.
 */
export type ActivityVisibility =
  | { kind: 'ALL' }
  | { kind: 'NONE' }
  | { kind: 'MATCH'; field: 'district' | 'organizerUnitId' | 'selectedCompanyId'; value: string };

export function activityVisibility(actor: Actor): ActivityVisibility {
  if (hasRole(actor, ...CITY_WIDE_ROLES)) return { kind: 'ALL' };
  const match = (field: 'district' | 'organizerUnitId' | 'selectedCompanyId', value: string | null): ActivityVisibility =>
    value ? { kind: 'MATCH', field, value } : { kind: 'NONE' };
  if (hasRole(actor, Role.DISTRICT_BUREAU)) return match('district', actor.district);
  if (hasRole(actor, Role.ORGANIZER)) return match('organizerUnitId', actor.unitId);
  if (hasRole(actor, Role.COMPANY)) return match('selectedCompanyId', actor.companyId);
  return { kind: 'NONE' };
}

const SCOPE_COLUMNS = { district: 'district', organizerUnitId: 'organizer_unit_id', selectedCompanyId: 'selected_company_id' } as const;

/** The columns `canViewActivity` reads, and a select list that reads them from `activities` aliased `a`. */
export type ActivityScopeColumns = Pick<ActivityEntity, keyof typeof SCOPE_COLUMNS>;
export const ACTIVITY_SCOPE_COLUMNS = Object.entries(SCOPE_COLUMNS)
  .map(([field, column]) => `a.${column} AS "${field}"`)
  .join(', ');

/** Which activities an actor may see (SPEC §1). */
export function canViewActivity(actor: Actor, a: ActivityScopeColumns): boolean {
  const v = activityVisibility(actor);
  if (v.kind !== 'MATCH') return v.kind === 'ALL';
  return a[v.field] === v.value;
}

/** Throws NOT_FOUND (never revealing that the row exists) when the actor may not see it; another unit's is audited as a denial. */
export function assertCanViewActivity(actor: Actor, a: ActivityEntity | null): asserts a is ActivityEntity {
  if (!a) throw notFound('活动');
  if (!canViewActivity(actor, a)) throw notFound('活动', { denied: true });
}

/** The activities the actor sees, as a condition on `activities` aliased `alias`. */
export function activityScope(actor: Actor, alias = 'a'): SqlPredicate {
  const v = activityVisibility(actor);
  if (v.kind === 'ALL') return EVERY_ROW;
  if (v.kind === 'NONE') return NO_ROW;
  return { sql: `${alias}.${SCOPE_COLUMNS[v.field]} = :activityScope`, params: { activityScope: v.value } };
}

/** Adds the row-level rule to a query over `activities` aliased `alias`. */
export function scopeActivities<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'a'): SelectQueryBuilder<T> {
  const p = activityScope(actor, alias);
  return p === EVERY_ROW ? qb : qb.andWhere(p.sql, p.params);
}

/** May this actor register or edit activities in the district (their own district, or any for the event detachment)? */
export function assertCanRegisterIn(actor: Actor, district: string): void {
  if (hasRole(actor, Role.EVENT_DETACHMENT)) return;
  if (hasRole(actor, Role.DISTRICT_BUREAU) && actor.district === district) return;
  throw forbidden('只能登记本辖区的大型活动');
}

/** Is the actor the unit that is responsible for the activity's reporting (reporter or event detachment)? */
export function isReporterSide(actor: Actor, a: Pick<ActivityEntity, 'district'>): boolean {
  if (hasRole(actor, Role.EVENT_DETACHMENT)) return true;
  return hasRole(actor, Role.DISTRICT_BUREAU) && actor.district === a.district;
}

/** Roles that may cancel an activity at all (the record check is `assertCanCancel`). */
export const ACTIVITY_CANCELLERS: readonly Role[] = [Role.SECURITY_DETACHMENT, Role.OFFICE, Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];

export function assertMayCancelActivities(actor: Actor): void {
  if (!hasRole(actor, ...ACTIVITY_CANCELLERS)) throw forbidden();
}

/** A district bureau cancels the activities of its own district only; the other cancellers any they see. */
export function assertCanCancel(actor: Actor, a: Pick<ActivityEntity, 'district'>): void {
  assertMayCancelActivities(actor);
  if (hasRole(actor, Role.DISTRICT_BUREAU) && !isReporterSide(actor, a)) throw forbidden();
}

/** 请示 and 批示 are internal to the police: the organizer and the company see the 批示 as a transition only. */
export const seesInstructionRequests = (actor: Actor): boolean => isPolice(actor);

export const OPEN_STATUSES: ActivityStatus[] = Object.values(ActivityStatus).filter(
  (s) => s !== ActivityStatus.CLOSED && s !== ActivityStatus.CANCELLED,
);
