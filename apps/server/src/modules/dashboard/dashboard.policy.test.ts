import { ActivityStatus, District, Role, SecurityMode } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_DISTRICT, grantedBy, OWN_COMPANY, OWN_DISTRICT, table } from '../../../test/actors';
import { activityScope } from '../activities/activity.policy';
import {
  answersInstructions,
  homeActivityScope,
  HomeKind,
  homeKindOf,
  isTurnOf,
  OVERVIEW_ROLES,
  overviewDistrict,
  overviewScope,
  ownCompanyFilter,
  waitingOn,
} from './dashboard.policy';

const outcome = <T>(fn: () => T): T | string => {
  try {
    return fn();
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('overview (SPEC §6)', () => {
  it.each(table<{ asked: unknown; none: unknown }>({
    [Role.LEADER]: { asked: FOREIGN_DISTRICT, none: null },
    [Role.OFFICE]: { asked: FOREIGN_DISTRICT, none: null },
    [Role.SECURITY_DETACHMENT]: { asked: FOREIGN_DISTRICT, none: null },
    [Role.DISTRICT_BUREAU]: { asked: 'FORBIDDEN', none: OWN_DISTRICT },
    [Role.EVENT_DETACHMENT]: { asked: 'FORBIDDEN', none: 'FORBIDDEN' },
    [Role.ORGANIZER]: { asked: 'FORBIDDEN', none: 'FORBIDDEN' },
    [Role.COMPANY]: { asked: 'FORBIDDEN', none: 'FORBIDDEN' },
    [Role.ADMIN]: { asked: 'FORBIDDEN', none: 'FORBIDDEN' },
    [Role.AUDITOR]: { asked: 'FORBIDDEN', none: 'FORBIDDEN' },
  }))('%s asking for another district / none gets: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({ asked: outcome(() => overviewDistrict(actor, FOREIGN_DISTRICT)), none: outcome(() => overviewDistrict(actor, null)) }).toEqual(expected);
  });

  it('a district bureau without a district is refused, and the period is checked', () => {
    expect(outcome(() => overviewDistrict(actorFor(Role.DISTRICT_BUREAU, { district: null }), null))).toBe('FORBIDDEN');
    expect(overviewScope(actorFor(Role.DISTRICT_BUREAU), '2026-01-01', '2026-12-31', null)).toEqual({ from: '2026-01-01', to: '2026-12-31', district: OWN_DISTRICT });
    expect(overviewScope(actorFor(Role.DISTRICT_BUREAU), '2026-01-01', '2026-12-31', OWN_DISTRICT)).toEqual({ from: '2026-01-01', to: '2026-12-31', district: OWN_DISTRICT });
    expect(outcome(() => overviewScope(actorFor(Role.DISTRICT_BUREAU), '2026-01-01', '2026-12-31', District.PANSHAN))).toBe('FORBIDDEN');
    expect(outcome(() => overviewScope(actorFor(Role.OFFICE), '2026-12-31', '2026-01-01', null))).toBe('BAD_USER_INPUT');
  });
});

describe('homes (SPEC §6)', () => {
  it.each(table({
    [Role.ADMIN]: HomeKind.ADMIN,
    [Role.SECURITY_DETACHMENT]: HomeKind.DETACHMENT,
    [Role.LEADER]: HomeKind.LEADER,
    [Role.OFFICE]: HomeKind.OFFICE,
    [Role.DISTRICT_BUREAU]: HomeKind.DISTRICT,
    [Role.EVENT_DETACHMENT]: HomeKind.EVENT_DETACHMENT,
    [Role.ORGANIZER]: HomeKind.ORGANIZER,
    [Role.COMPANY]: HomeKind.COMPANY,
    [Role.AUDITOR]: HomeKind.NONE,
  }))('%s gets the %s home', (role, expected) => {
    expect(homeKindOf(actorFor(role))).toBe(expected);
  });

  it.each(table({
    [Role.LEADER]: true,
    [Role.OFFICE]: false,
    [Role.SECURITY_DETACHMENT]: false,
    [Role.EVENT_DETACHMENT]: false,
    [Role.DISTRICT_BUREAU]: false,
    [Role.ORGANIZER]: false,
    [Role.COMPANY]: false,
    [Role.ADMIN]: false,
    [Role.AUDITOR]: false,
  }))('%s answers the 请示 itself: %s', (role, expected) => {
    expect(answersInstructions(actorFor(role))).toBe(expected);
    expect(isTurnOf(actorFor(role), Role.LEADER)).toBe(expected);
    expect(isTurnOf(actorFor(role), null)).toBe(false);
  });

  it('lists the activities the actor sees; a leader who heads a bureau, its district', () => {
    for (const role of Object.values(Role)) {
      if (role === Role.LEADER) continue;
      expect(homeActivityScope(actorFor(role))).toEqual(activityScope(actorFor(role)));
    }
    expect(homeActivityScope(actorFor(Role.LEADER))).toEqual(activityScope(actorFor(Role.LEADER)));
    expect(homeActivityScope(actorFor(Role.LEADER, { district: OWN_DISTRICT }))).toEqual({ sql: 'a.district = :homeDistrict', params: { homeDistrict: OWN_DISTRICT } });
  });

  it('a company counts its own roster entries and findings only', () => {
    expect(Object.values(Role).filter((role) => ownCompanyFilter(actorFor(role)) !== null)).toEqual([Role.COMPANY]);
    expect(ownCompanyFilter(actorFor(Role.COMPANY))).toBe(OWN_COMPANY);
  });
});

describe('the overview at the edge (the @Authorized list)', () => {
  it.each(table<{ readsOverview: boolean }>({
    [Role.LEADER]: { readsOverview: true },
    [Role.OFFICE]: { readsOverview: true },
    [Role.SECURITY_DETACHMENT]: { readsOverview: true },
    [Role.DISTRICT_BUREAU]: { readsOverview: true },
    [Role.EVENT_DETACHMENT]: { readsOverview: false },
    [Role.ORGANIZER]: { readsOverview: false },
    [Role.COMPANY]: { readsOverview: false },
    [Role.ADMIN]: { readsOverview: false },
    [Role.AUDITOR]: { readsOverview: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ readsOverview: OVERVIEW_ROLES }, role)).toEqual(expected);
  });
});

describe('whose turn an activity is, on the homes', () => {
  // `Record<ActivityStatus, …>`: a new status must say who acts next. [service-company activity, self-recruited activity]
  const waitsOn: Record<ActivityStatus, [Role | null, Role | null]> = {
    [ActivityStatus.DRAFT]: [null, null],
    [ActivityStatus.REPORTED]: [null, null],
    [ActivityStatus.APPROVED]: [Role.SECURITY_DETACHMENT, Role.ORGANIZER],
    [ActivityStatus.CANDIDATES_RECOMMENDED]: [Role.ORGANIZER, Role.ORGANIZER],
    [ActivityStatus.COMPANY_SELECTED]: [Role.COMPANY, Role.COMPANY],
    [ActivityStatus.VETTING]: [Role.SECURITY_DETACHMENT, Role.SECURITY_DETACHMENT],
    [ActivityStatus.TRAINING]: [Role.SECURITY_DETACHMENT, Role.SECURITY_DETACHMENT],
    [ActivityStatus.READY]: [Role.SECURITY_DETACHMENT, Role.SECURITY_DETACHMENT],
    [ActivityStatus.IN_PROGRESS]: [Role.SECURITY_DETACHMENT, Role.SECURITY_DETACHMENT],
    [ActivityStatus.CLOSED]: [null, null],
    [ActivityStatus.CANCELLED]: [null, null],
  };
  it.each(Object.entries(waitsOn) as [ActivityStatus, [Role | null, Role | null]][])('%s waits on %o', (status, expected) => {
    expect([waitingOn(status, SecurityMode.SERVICE_COMPANY).role, waitingOn(status, SecurityMode.SELF_RECRUITED).role]).toEqual(expected);
  });
});
