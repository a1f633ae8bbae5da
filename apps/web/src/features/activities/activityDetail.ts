import { ActivityStatus, permitTierLabels, Role } from '@evs/schema';
import type { ActivityDetailQuery as ActivityDetailResult } from '@/gql/graphql';

/** The activity as the detail screen reads it. */
export type ActivityDetail = ActivityDetailResult['activity'];

/** The security plan's items (条例第六条) in the order the form and the detail screen show them. */
export const PLAN_LABELS: [keyof ActivityDetail['plan'], string][] = [
  ['posts', '岗位分工'],
  ['identificationMarks', '识别标志'],
  ['venueCapacity', '场所核定容量'],
  ['bufferZones', '疏散缓冲区域'],
  ['ticketAndSecurityChecks', '票证查验与安全检查'],
  ['parking', '车辆停放'],
  ['crowdGuidance', '人员疏导'],
  ['emergencyPlan', '应急救援预案'],
];

export interface StagePage {
  /** The route pattern (as declared in app/routes.tsx), asked about with `mayOpen`. */
  pattern: string;
  to: string;
  label: string;
}

/** Pages of the later stages, offered once the activity has reached the stage (and the role may open them). */
const STAGE_PAGES: { reached: ActivityStatus | null; pattern: string; to: (id: string) => string; label: string }[] = [
  { reached: ActivityStatus.VETTING, pattern: '/vetting/notice/:activityId', to: (id) => `/vetting/notice/${id}`, label: '审核通报' },
  { reached: ActivityStatus.TRAINING, pattern: '/training/:activityId', to: (id) => `/training/${id}`, label: '岗前培训' },
  { reached: ActivityStatus.READY, pattern: '/inspections/:activityId', to: (id) => `/inspections/${id}`, label: '现场监管' },
  { reached: null, pattern: '/timeline/:activityId', to: (id) => `/timeline/${id}`, label: '活动台账' },
];

/** The police who register activities may open more accounts for an activity's organizer. */
const ORGANIZER_ONBOARDERS: readonly Role[] = [Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];
const CANCELLERS: readonly Role[] = [Role.SECURITY_DETACHMENT, Role.OFFICE, Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];

type Activity = Pick<ActivityDetail, 'id' | 'status' | 'transitions'>;

/** Stages reached: every one the history records, and those up to the current status in lifecycle order. */
export function reachedStages(a: Pick<Activity, 'status' | 'transitions'>): Set<string> {
  const lifecycle = Object.values(ActivityStatus).filter((st) => st !== ActivityStatus.CANCELLED) as string[];
  return new Set([...a.transitions.map((t) => t.toStatus as string), ...lifecycle.slice(0, lifecycle.indexOf(a.status) + 1)]);
}

/** The later stages' pages the role may open for this activity. */
export function stagePagesFor(a: Activity, mayOpen: (pattern: string) => boolean): StagePage[] {
  const reached = reachedStages(a);
  return STAGE_PAGES.filter((p) => (p.reached === null || reached.has(p.reached)) && mayOpen(p.pattern)).map((p) => ({
    pattern: p.pattern,
    to: p.to(a.id),
    label: p.label,
  }));
}

/** Neither closed nor cancelled. */
export const isOpen = (status: string) => status !== ActivityStatus.CLOSED && status !== ActivityStatus.CANCELLED;

interface Viewer {
  role: Role;
  unit: { district?: string | null };
}

/**
 * What the viewer may do with the activity. Presentation only: the API decides every action again.
 * The registering side is the 大型活动管理支队 and the district bureau of the activity's district.
 */
export function activityActionsFor(
  viewer: Viewer,
  a: Pick<ActivityDetail, 'status' | 'district' | 'requestedAt' | 'securityMode' | 'candidates' | 'organizerUnitId'> & { deadlines: { next: unknown }; organizerUnit?: { district?: string | null } | null },
) {
  const { role } = viewer;
  const reporterSide = role === Role.EVENT_DETACHMENT || (role === Role.DISTRICT_BUREAU && viewer.unit.district === a.district);
  const open = isOpen(a.status);
  return {
    edit: reporterSide && a.status === ActivityStatus.DRAFT,
    report: reporterSide && a.status === ActivityStatus.DRAFT,
    requestInstruction: role === Role.SECURITY_DETACHMENT && a.status === ActivityStatus.REPORTED && !a.requestedAt,
    approve: role === Role.LEADER && a.status === ActivityStatus.REPORTED && !!a.requestedAt,
    issueNotice: role === Role.OFFICE && open && !!a.deadlines.next,
    recommend: role === Role.SECURITY_DETACHMENT && a.status === ActivityStatus.APPROVED && a.securityMode === 'SERVICE_COMPANY',
    compare: a.candidates.length > 0 && role !== Role.COMPANY,
    compareIsNextStep: role === Role.ORGANIZER && a.status === ActivityStatus.CANDIDATES_RECOMMENDED,
    cancel: open && CANCELLERS.includes(role) && (role !== Role.DISTRICT_BUREAU || reporterSide),
    // as the API (units/onboarding.policy.ts): a district bureau opens accounts for the organizers of its own district only
    organizerAccounts: !!a.organizerUnitId && ORGANIZER_ONBOARDERS.includes(role) && (role !== Role.DISTRICT_BUREAU || a.organizerUnit?.district === viewer.unit.district),
    seesNotices: role === Role.OFFICE || role === Role.LEADER,
  };
}

/** The 受理并请示 form's first draft, from the activity's own figures. */
export function instructionDraft(a: Pick<ActivityDetail, 'expectedAttendance' | 'permitTier' | 'venue' | 'guardsRequired' | 'suggestedGuards'>) {
  return {
    scale: `预计每场${a.expectedAttendance}人，${permitTierLabels[a.permitTier]}，场所${a.venue}`,
    staffing: `所需保安员${a.guardsRequired}人（按配比建议${a.suggestedGuards}人）`,
    proposedCandidates: 3,
  };
}

/** A plan item as shown: null when not filled in, the capacity with its unit. */
export function planValue(plan: ActivityDetail['plan'], key: keyof ActivityDetail['plan']): string | null {
  const v = plan[key];
  if (v == null) return null;
  return key === 'venueCapacity' ? `${v} 人` : String(v);
}

export const hasPlan = (plan: ActivityDetail['plan']) => PLAN_LABELS.some(([k]) => plan[k] != null);
