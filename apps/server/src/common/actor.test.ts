import { Role } from '@evs/schema';
import { actorFor, table } from '../../test/actors';
import { CITY_WIDE_ROLES, companyIdOf, hasRole, isPolice } from './actor';

describe('role sets (SPEC §1)', () => {
  it.each(table<{ police: boolean; cityWide: boolean }>({
    [Role.LEADER]: { police: true, cityWide: true },
    [Role.OFFICE]: { police: true, cityWide: true },
    [Role.SECURITY_DETACHMENT]: { police: true, cityWide: true },
    [Role.EVENT_DETACHMENT]: { police: true, cityWide: true },
    [Role.DISTRICT_BUREAU]: { police: true, cityWide: false },
    [Role.ORGANIZER]: { police: false, cityWide: false },
    [Role.COMPANY]: { police: false, cityWide: false },
    [Role.ADMIN]: { police: false, cityWide: false },
    [Role.AUDITOR]: { police: false, cityWide: false },
  }))('%s: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({ police: isPolice(actor), cityWide: hasRole(actor, ...CITY_WIDE_ROLES) }).toEqual(expected);
  });

  it('nobody logged in holds no role; only a company account works for a company', () => {
    expect([hasRole(null, Role.ADMIN), isPolice(undefined)]).toEqual([false, false]);
    expect(Object.values(Role).filter((role) => companyIdOf(role, 'u') !== null)).toEqual([Role.COMPANY]);
  });
});
