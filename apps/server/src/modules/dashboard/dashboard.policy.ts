import { District, Role } from '@evs/schema';
import { Actor } from '../../common/context';
import { badInput, forbidden } from '../../common/errors';
import { Period } from './overview.sql';

/** Who may open the overview (SPEC §6); a district bureau sees its own district only. */
export const OVERVIEW_ROLES = [Role.LEADER, Role.OFFICE, Role.SECURITY_DETACHMENT, Role.DISTRICT_BUREAU];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The period and district the actor's overview covers. A district bureau is held to its own
 * district whatever it asks for; the period must be real dates, in order, at most ten years long.
 */
export function overviewScope(actor: Actor, from: string, to: string, district: District | null | undefined): Period {
  const scopedDistrict = overviewDistrict(actor, district);
  const problems = [];
  if (!isDate(from)) problems.push({ field: 'range.from', message: '起始日期不是有效日期' });
  if (!isDate(to)) problems.push({ field: 'range.to', message: '截止日期不是有效日期' });
  if (problems.length === 0 && from > to) problems.push({ field: 'range.to', message: '截止日期不能早于起始日期' });
  if (problems.length === 0 && Date.parse(to) - Date.parse(from) > 3660 * 86_400_000) {
    problems.push({ field: 'range.to', message: '统计期间不能超过10年' });
  }
  if (problems.length) throw badInput(`统计期间有误：${problems.map((p) => p.message).join('；')}`, problems);
  return { from, to, district: scopedDistrict };
}

/** The district an overview or drill-down covers: a district bureau's own, whatever it asks for. */
export function overviewDistrict(actor: Actor, district: District | null | undefined): District | null {
  if (!OVERVIEW_ROLES.includes(actor.role)) throw forbidden('无权查看总览');
  if (actor.role === Role.DISTRICT_BUREAU) {
    if (!actor.district) throw forbidden('账号未关联辖区');
    return actor.district;
  }
  return district ?? null;
}

/** Full ID numbers are for 保安管理支队 alone (SPEC §1). */
export function seesFullIdNumbers(actor: Actor): boolean {
  return actor.role === Role.SECURITY_DETACHMENT;
}
