import { ActivityStatus, Role } from '@evs/schema';
import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { ActivityEntity } from './activity.entity';

const CITY_WIDE: Role[] = [Role.LEADER, Role.OFFICE, Role.SECURITY_DETACHMENT, Role.EVENT_DETACHMENT];

/** Which activities an actor may see (SPEC §1). */
export function canViewActivity(actor: Actor, a: Pick<ActivityEntity, 'district' | 'organizerUnitId' | 'selectedCompanyId'>): boolean {
  if (CITY_WIDE.includes(actor.role)) return true;
  switch (actor.role) {
    case Role.DISTRICT_BUREAU:
      return a.district === actor.district;
    case Role.ORGANIZER:
      return a.organizerUnitId === actor.unitId;
    case Role.COMPANY:
      return !!actor.companyId && a.selectedCompanyId === actor.companyId;
    default:
      return false;
  }
}

/** Throws NOT_FOUND (never revealing that the row exists) when the actor may not see it. */
export function assertCanViewActivity(actor: Actor, a: ActivityEntity | null): asserts a is ActivityEntity {
  if (!a || !canViewActivity(actor, a)) throw notFound('活动');
}

/** Adds the row-level rule to a query over `activities` aliased `alias`. */
export function scopeActivities<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'a'): SelectQueryBuilder<T> {
  if (CITY_WIDE.includes(actor.role)) return qb;
  switch (actor.role) {
    case Role.DISTRICT_BUREAU:
      return qb.andWhere(`${alias}.district = :scopeDistrict`, { scopeDistrict: actor.district });
    case Role.ORGANIZER:
      return qb.andWhere(`${alias}.organizer_unit_id = :scopeUnit`, { scopeUnit: actor.unitId });
    case Role.COMPANY:
      return qb.andWhere(`${alias}.selected_company_id = :scopeCompany`, { scopeCompany: actor.companyId });
    default:
      return qb.andWhere('false');
  }
}

/** May this actor register or edit activities in the district (their own district, or any for the event detachment)? */
export function assertCanRegisterIn(actor: Actor, district: string): void {
  if (actor.role === Role.EVENT_DETACHMENT) return;
  if (actor.role === Role.DISTRICT_BUREAU && actor.district === district) return;
  throw forbidden('只能登记本辖区的大型活动');
}

/** Is the actor the unit that is responsible for the activity's reporting (reporter or event detachment)? */
export function isReporterSide(actor: Actor, a: ActivityEntity): boolean {
  if (actor.role === Role.EVENT_DETACHMENT) return true;
  return actor.role === Role.DISTRICT_BUREAU && actor.district === a.district;
}

export const OPEN_STATUSES: ActivityStatus[] = Object.values(ActivityStatus).filter(
  (s) => s !== ActivityStatus.CLOSED && s !== ActivityStatus.CANCELLED,
);
