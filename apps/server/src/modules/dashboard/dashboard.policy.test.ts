import { District, Role } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_DISTRICT, OWN_COMPANY, OWN_DISTRICT, table } from '../../../test/actors';
import { activityScope } from '../activities/activity.policy';
import { answersInstructions, homeActivityScope, HomeKind, homeKindOf, isTurnOf, overviewDistrict, overviewScope, ownCompanyFilter } from './dashboard.policy';

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
    [Role.DISTRICT_BUREAU]: { asked: OWN_DISTRICT, none: OWN_DISTRICT },
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
    expect(overviewScope(actorFor(Role.DISTRICT_BUREAU), '2026-01-01', '2026-12-31', District.PANSHAN)).toEqual({ from: '2026-01-01', to: '2026-12-31', district: OWN_DISTRICT });
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
