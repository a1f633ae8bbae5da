import { ActivityStatus, District, districtLabels, Role, SecurityMode } from '@evs/schema';
import { Actor, hasRole } from '../../common/actor';
import { badInput, forbidden } from '../../common/errors';
import { SqlPredicate } from '../../common/sql-predicate';
import { activityScope } from '../activities/activity.policy';
import { Period } from './overview.sql';

/** Who may open the overview (SPEC §6); a district bureau sees its own district only. */
export const OVERVIEW_ROLES = [Role.LEADER, Role.OFFICE, Role.SECURITY_DETACHMENT, Role.DISTRICT_BUREAU];

/** FORBIDDEN with `message` for a role the overview is not for. */
export function assertSeesOverview(actor: Actor, message: string): void {
  if (!hasRole(actor, ...OVERVIEW_ROLES)) throw forbidden(message);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The period and district the actor's overview covers. A district bureau is held to its own
 * district (another is refused); the period must be real dates, in order, at most ten years long.
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

/**
 * The district an overview or drill-down covers: a district bureau's own (asked for, or not named).
 * Another district is refused, never answered with the bureau's own figures under the name asked for
 * (red team F6: overview(district: DAWA) by 盘山 answered 盘山's figures).
 */
export function overviewDistrict(actor: Actor, district: District | null | undefined): District | null {
  assertSeesOverview(actor, '无权查看总览');
  if (hasRole(actor, Role.DISTRICT_BUREAU)) {
    if (!actor.district) throw forbidden('账号未关联辖区');
    if (district && district !== actor.district) {
      throw forbidden(`县区公安（分）局只能查看本辖区（${districtLabels[actor.district]}）的统计，无权查看${districtLabels[district]}的统计`);
    }
    return actor.district;
  }
  return district ?? null;
}

/** Which home (SPEC §6) an actor gets. */
export enum HomeKind {
  /** Users and units: the administrator sees no business figures. */
  ADMIN = 'ADMIN',
  /** 保安管理支队: what waits on it. */
  DETACHMENT = 'DETACHMENT',
  /** 领导小组: the city's figures, and a bureau chief's own district's activities. */
  LEADER = 'LEADER',
  /** 领导小组办公室: the city's figures. */
  OFFICE = 'OFFICE',
  /** A district bureau: its district's activities. */
  DISTRICT = 'DISTRICT',
  /** 大型活动安全保卫支队: the city's activities. */
  EVENT_DETACHMENT = 'EVENT_DETACHMENT',
  /** An organizer: its activities, choosing a company, self-recruited rosters. */
  ORGANIZER = 'ORGANIZER',
  /** A company: its profile, register, assignments and outcomes. */
  COMPANY = 'COMPANY',
  /** Anyone else (the auditor): notices only. */
  NONE = 'NONE',
}

const HOMES: Partial<Record<Role, HomeKind>> = {
  [Role.ADMIN]: HomeKind.ADMIN,
  [Role.SECURITY_DETACHMENT]: HomeKind.DETACHMENT,
  [Role.LEADER]: HomeKind.LEADER,
  [Role.OFFICE]: HomeKind.OFFICE,
  [Role.DISTRICT_BUREAU]: HomeKind.DISTRICT,
  [Role.EVENT_DETACHMENT]: HomeKind.EVENT_DETACHMENT,
  [Role.ORGANIZER]: HomeKind.ORGANIZER,
  [Role.COMPANY]: HomeKind.COMPANY,
};

export const homeKindOf = (actor: Actor): HomeKind => HOMES[actor.role] ?? HomeKind.NONE;

/** 领导小组 answers the 请示: on its home the instructions waiting are its own to answer. */
export const answersInstructions = (actor: Actor): boolean => hasRole(actor, Role.LEADER);

/**
 * Who acts next on an activity in each state, and which role that is: the home lists an activity as
 * the actor's turn (`isTurnOf`) when it waits on the actor's role.
 */
export function waitingOn(status: ActivityStatus, mode: SecurityMode): { label: string; role: Role | null } {
  switch (status) {
    case ActivityStatus.DRAFT:
      return { label: '登记单位修改后通报', role: null };
    case ActivityStatus.REPORTED:
      return { label: '等待保安管理支队请示、领导批示', role: null };
    case ActivityStatus.APPROVED:
      return mode === SecurityMode.SELF_RECRUITED
        ? { label: '等待自招单位上报人员名单', role: Role.ORGANIZER }
        : { label: '等待保安管理支队推荐候选公司', role: Role.SECURITY_DETACHMENT };
    case ActivityStatus.CANDIDATES_RECOMMENDED:
      return { label: '等待主办单位报价比选、遴选公司', role: Role.ORGANIZER };
    case ActivityStatus.COMPANY_SELECTED:
      return { label: '等待保安服务公司上报人员名单', role: Role.COMPANY };
    case ActivityStatus.VETTING:
      return { label: '背景审核中', role: Role.SECURITY_DETACHMENT };
    case ActivityStatus.TRAINING:
      return { label: '岗前培训中', role: Role.SECURITY_DETACHMENT };
    case ActivityStatus.READY:
      return { label: '待上岗，活动当天现场监管', role: Role.SECURITY_DETACHMENT };
    case ActivityStatus.IN_PROGRESS:
      return { label: '活动进行中，现场监管', role: Role.SECURITY_DETACHMENT };
    case ActivityStatus.CLOSED:
      return { label: '已总结', role: null };
    default:
      return { label: '已取消', role: null };
  }
}

/** Is it the actor's turn when an activity waits on `role`? */
export const isTurnOf = (actor: Actor, role: Role | null): boolean => role !== null && hasRole(actor, role);

/**
 * The activities listed on a home: the ones the actor sees (the activity scope), narrowed for a
 * member of 领导小组 who heads a district bureau to that district (the city's figures are beside it).
 */
export function homeActivityScope(actor: Actor, alias = 'a'): SqlPredicate {
  if (hasRole(actor, Role.LEADER) && actor.district) {
    return { sql: `${alias}.district = :homeDistrict`, params: { homeDistrict: actor.district } };
  }
  return activityScope(actor, alias);
}

/** A company's home counts its own roster entries and findings only (another register may share an activity it once held). */
export const ownCompanyFilter = (actor: Actor): string | null => (hasRole(actor, Role.COMPANY) ? actor.companyId : null);
