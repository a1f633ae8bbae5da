import { describe, expect, it } from 'vitest';
import { ActivityStatus, Role } from '@evs/schema';
import { activityActionsFor, hasPlan, instructionDraft, isOpen, planValue, reachedStages, stagePagesFor, type ActivityDetail } from './activityDetail';

const transition = (toStatus: ActivityStatus, fromStatus: ActivityStatus | null = null) => ({ id: toStatus, toStatus, fromStatus, actorName: '', comment: null, at: '' });
const activity = (over: Partial<ActivityDetail> = {}) =>
  ({
    id: 'a1',
    status: ActivityStatus.DRAFT,
    district: 'XINGLONGTAI',
    requestedAt: null,
    securityMode: 'SERVICE_COMPANY',
    candidates: [],
    organizerUnitId: 'u1',
    transitions: [],
    deadlines: { next: null },
    ...over,
  }) as unknown as ActivityDetail;
const viewer = (role: Role, district: string | null = null) => ({ role, unit: { district } });
const everyPage = () => true;

describe('the later stages offered on the detail screen', () => {
  it('counts every stage up to the current status as reached', () => {
    const reached = reachedStages({ status: ActivityStatus.TRAINING, transitions: [] });
    expect([...reached]).toEqual(['DRAFT', 'REPORTED', 'APPROVED', 'CANDIDATES_RECOMMENDED', 'COMPANY_SELECTED', 'VETTING', 'TRAINING']);
  });

  it('counts the stages a cancelled activity passed through, from its history', () => {
    const reached = reachedStages({ status: ActivityStatus.CANCELLED, transitions: [transition(ActivityStatus.VETTING), transition(ActivityStatus.CANCELLED)] });
    expect(reached.has('VETTING')).toBe(true);
    expect(reached.has('TRAINING')).toBe(false);
  });

  it('offers only the timeline before vetting, and the vetting and training pages once training is reached', () => {
    expect(stagePagesFor(activity({ status: ActivityStatus.APPROVED }), everyPage).map((p) => p.label)).toEqual(['活动台账']);
    expect(stagePagesFor(activity({ status: ActivityStatus.TRAINING }), everyPage)).toEqual([
      { pattern: '/vetting/notice/:activityId', to: '/vetting/notice/a1', label: '审核通报' },
      { pattern: '/training/:activityId', to: '/training/a1', label: '岗前培训' },
      { pattern: '/timeline/:activityId', to: '/timeline/a1', label: '活动台账' },
    ]);
  });

  it('leaves out the pages the role may not open', () => {
    const pages = stagePagesFor(activity({ status: ActivityStatus.IN_PROGRESS }), (pattern) => pattern !== '/inspections/:activityId');
    expect(pages.map((p) => p.label)).toEqual(['审核通报', '岗前培训', '活动台账']);
  });
});

describe('the actions each role is offered', () => {
  it('lets the registering side edit and report a draft, and a district bureau only in its own district', () => {
    expect(activityActionsFor(viewer(Role.EVENT_DETACHMENT), activity())).toMatchObject({ edit: true, report: true, cancel: true });
    expect(activityActionsFor(viewer(Role.DISTRICT_BUREAU, 'XINGLONGTAI'), activity())).toMatchObject({ edit: true, report: true, cancel: true });
    expect(activityActionsFor(viewer(Role.DISTRICT_BUREAU, 'PANSHAN'), activity())).toMatchObject({ edit: false, report: false, cancel: false });
    expect(activityActionsFor(viewer(Role.SECURITY_DETACHMENT), activity())).toMatchObject({ edit: false, report: false, cancel: true });
  });

  it('offers 受理并请示 before the request and 批示 after it', () => {
    const reported = activity({ status: ActivityStatus.REPORTED });
    const requested = activity({ status: ActivityStatus.REPORTED, requestedAt: '2026-12-01T00:00:00Z' });
    expect(activityActionsFor(viewer(Role.SECURITY_DETACHMENT), reported).requestInstruction).toBe(true);
    expect(activityActionsFor(viewer(Role.SECURITY_DETACHMENT), requested).requestInstruction).toBe(false);
    expect(activityActionsFor(viewer(Role.LEADER), reported).approve).toBe(false);
    expect(activityActionsFor(viewer(Role.LEADER), requested).approve).toBe(true);
  });

  it('offers nothing to cancel once closed or cancelled', () => {
    expect(isOpen(ActivityStatus.CLOSED)).toBe(false);
    expect(isOpen(ActivityStatus.CANCELLED)).toBe(false);
    expect(activityActionsFor(viewer(Role.OFFICE), activity({ status: ActivityStatus.CLOSED })).cancel).toBe(false);
  });

  it('shows the comparison to all but the company, as the next step to the organizer', () => {
    const recommended = activity({ status: ActivityStatus.CANDIDATES_RECOMMENDED, candidates: [{ companyId: 'c' }] as ActivityDetail['candidates'] });
    expect(activityActionsFor(viewer(Role.COMPANY), recommended).compare).toBe(false);
    expect(activityActionsFor(viewer(Role.ORGANIZER), recommended)).toMatchObject({ compare: true, compareIsNextStep: true });
    expect(activityActionsFor(viewer(Role.OFFICE), recommended)).toMatchObject({ compare: true, compareIsNextStep: false });
  });

  it('lets only the registering police open the organizer accounts, and only when the organizer has a unit', () => {
    expect(activityActionsFor(viewer(Role.EVENT_DETACHMENT), activity()).organizerAccounts).toBe(true);
    expect(activityActionsFor(viewer(Role.EVENT_DETACHMENT), activity({ organizerUnitId: null })).organizerAccounts).toBe(false);
    expect(activityActionsFor(viewer(Role.OFFICE), activity()).organizerAccounts).toBe(false);
  });

  it('lets a district bureau open the accounts of its own district’s organizers only', () => {
    const ofXinglongtai = activity({ organizerUnit: { id: 'u1', name: '主办', district: 'XINGLONGTAI' } } as Partial<ActivityDetail>);
    expect(activityActionsFor(viewer(Role.DISTRICT_BUREAU, 'XINGLONGTAI'), ofXinglongtai).organizerAccounts).toBe(true);
    expect(activityActionsFor(viewer(Role.DISTRICT_BUREAU, 'PANSHAN'), ofXinglongtai).organizerAccounts).toBe(false);
    expect(activityActionsFor(viewer(Role.EVENT_DETACHMENT), ofXinglongtai).organizerAccounts).toBe(true);
  });
});

describe('the request for instruction and the security plan', () => {
  it('drafts the assessment from the activity’s own figures, proposing three candidates', () => {
    expect(instructionDraft({ expectedAttendance: 8000, permitTier: 'CITY', venue: '体育中心', guardsRequired: 90, suggestedGuards: 80 } as ActivityDetail)).toEqual({
      scale: '预计每场8000人，市公安局许可，场所体育中心',
      staffing: '所需保安员90人（按配比建议80人）',
      proposedCandidates: 3,
    });
  });

  it('shows a plan item with its unit, and an empty plan as empty', () => {
    const plan = { posts: '入口12人', venueCapacity: 30000, identificationMarks: null, bufferZones: null, ticketAndSecurityChecks: null, parking: null, crowdGuidance: null, emergencyPlan: null };
    expect(planValue(plan, 'venueCapacity')).toBe('30000 人');
    expect(planValue(plan, 'posts')).toBe('入口12人');
    expect(planValue(plan, 'parking')).toBeNull();
    expect(hasPlan(plan)).toBe(true);
    expect(hasPlan({ ...plan, posts: null, venueCapacity: null })).toBe(false);
  });
});
