import dayjs, { type Dayjs } from 'dayjs';
import { District, LANDLINE_PATTERN, MOBILE_PATTERN, SecurityMode, wholeNumberProblem } from '@evs/schema';
import type { ActivityInput } from '@/gql/graphql';
import { numberSetting, type EditableSetting } from '@/features/settings/settingsForm';
import { formatDateTime, toApiDate } from '@/shared/format';
import type { ActivityDetail } from './activityDetail';

/** Types offered as the officer types (any other type may be written). */
export const ACTIVITY_TYPES = ['演唱会', '体育赛事', '展会', '庆典', '灯会', '节庆活动', '文艺演出', '游园会', '人才招聘会'];
/** The server's default for `staffing.guardsPerThousand`, used only while the settings load. */
const DEFAULT_GUARDS_PER_THOUSAND = 10;
/** 条例第十三条: the application comes at least 20 days before the activity. */
const MIN_LEAD_DAYS = 20;

/** The activity form's values (dates as dayjs, the plan as its own group). */
export interface ActivityFormValues {
  name: string;
  type: string;
  organizerUnitId?: string | null;
  organizerName: string;
  undertakerName?: string;
  venue: string;
  address: string;
  district: District;
  startsAt: Dayjs;
  endsAt: Dayjs;
  appliedOn: Dayjs;
  expectedAttendance: number;
  guardsRequired: number;
  securityMode: SecurityMode;
  contactName: string;
  contactPhone: string;
  ageLimit?: number | null;
  plan?: Record<string, string | number | null | undefined>;
}

/** The plan's text items (the venue capacity is a number of its own). */
export const PLAN_TEXT_ITEMS: { name: string; label: string; rows?: number; placeholder?: string }[] = [
  { name: 'posts', label: '岗位分工', rows: 3, placeholder: '如：入口安检12人，主舞台周边8人，停车场6人' },
  { name: 'identificationMarks', label: '识别标志', placeholder: '如：统一制服，佩戴保安服务标志和工作证' },
  { name: 'bufferZones', label: '疏散缓冲区域', rows: 2 },
  { name: 'ticketAndSecurityChecks', label: '票证查验与安全检查', rows: 2 },
  { name: 'parking', label: '车辆停放', rows: 2 },
  { name: 'crowdGuidance', label: '人员疏导', rows: 2 },
  { name: 'emergencyPlan', label: '应急救援预案', rows: 3 },
];

/** A registered activity as the form's values. */
export function activityFormValues(a: ActivityDetail): ActivityFormValues {
  return {
    ...a,
    undertakerName: a.undertakerName ?? undefined,
    district: a.district as District,
    securityMode: a.securityMode as SecurityMode,
    startsAt: dayjs(a.startsAt),
    endsAt: dayjs(a.endsAt),
    appliedOn: dayjs(a.appliedOn),
    plan: { ...a.plan },
  };
}

/**
 * The form's values as the API takes them: blanks become null, empty plan items are left out, and a
 * district bureau's activity is in its own district whatever the (disabled) field says.
 */
export function activityInput(v: ActivityFormValues, fixedDistrict?: District): ActivityInput {
  const plan = Object.fromEntries(Object.entries(v.plan ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''));
  return {
    name: v.name,
    type: v.type,
    organizerUnitId: v.organizerUnitId || null,
    organizerName: v.organizerName,
    undertakerName: v.undertakerName || null,
    venue: v.venue,
    address: v.address,
    district: fixedDistrict ?? v.district,
    // The pickers show hours and minutes; seconds they keep from "此刻" or the current time are not the
    // user's (the API refuses a time with seconds, and compares registrations to the minute).
    startsAt: v.startsAt.second(0).millisecond(0).toISOString(),
    endsAt: v.endsAt.second(0).millisecond(0).toISOString(),
    appliedOn: toApiDate(v.appliedOn),
    expectedAttendance: v.expectedAttendance,
    guardsRequired: v.guardsRequired,
    securityMode: v.securityMode,
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    ageLimit: v.ageLimit ?? null,
    plan,
  };
}

/** The ratio the server suggests guards by (the setting `staffing.guardsPerThousand`); its default while the settings load. */
export const guardsPerThousand = (settings: readonly EditableSetting[] | undefined) => numberSetting(settings, 'staffing.guardsPerThousand', DEFAULT_GUARDS_PER_THOUSAND);

/** Guards suggested by the ratio (guards per thousand attendees, rounded up, as the server counts them); none without an attendance. */
export const suggestedGuards = (attendance: number | null | undefined, perThousand: number) => (attendance ? Math.ceil((attendance / 1000) * perThousand) : null);

/** Whole days from the application to the activity's start. */
export const leadDays = (startsAt?: Dayjs | null, appliedOn?: Dayjs | null) => (startsAt && appliedOn ? startsAt.startOf('day').diff(appliedOn.startOf('day'), 'day') : null);

/** A lead shorter than the regulation's 20 days. */
export const leadTooShort = (lead: number | null) => lead !== null && lead < MIN_LEAD_DAYS;

/** The note under the attendance: outside the regulation below 1000, else who grants the permit. */
export function attendanceNote(attendance: number | null | undefined): { text: string; warning: boolean } | null {
  if (!attendance) return null;
  if (attendance < 1000) return { text: '不足1000人，不属条例调整范围', warning: true };
  return { text: attendance > 5000 ? '市公安局许可' : '县级公安机关许可', warning: false };
}

/**
 * A whole number in range, refused with the field's message (never clamped or rounded by the input);
 * text that is not a plain number (`1e2`, `0x10`, as NumberInput hands it over) is refused as not a whole number.
 */
export function wholeNumberRule(label: string, min: number, max: number) {
  return {
    validator: (_: unknown, v: number | string | null | undefined) => {
      const problem = v == null ? null : wholeNumberProblem(typeof v === 'number' ? v : Number.NaN, label, min, max);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

/** A start already past cannot be registered. */
export function startsAtProblem(v: Dayjs | undefined, now: Dayjs): string | null {
  return !v || v.isAfter(now) ? null : `开始时间${formatDateTime(v)}已过，不能登记已开始的活动`;
}

/** The end must come after the start. */
export function endsAtProblem(end: Dayjs | undefined, start: Dayjs | undefined): string | null {
  return !end || !start || end.isAfter(start) ? null : '结束时间应晚于开始时间';
}

/** A mobile number or a landline with its area code. */
export function contactPhoneProblem(v: string | undefined): string | null {
  return !v || MOBILE_PATTERN.test(v) || LANDLINE_PATTERN.test(v) ? null : '联系电话应为手机号或带区号的固定电话';
}

/** A problem as an antd validator's answer. */
export const asValidation = (problem: string | null) => (problem ? Promise.reject(new Error(problem)) : Promise.resolve());
