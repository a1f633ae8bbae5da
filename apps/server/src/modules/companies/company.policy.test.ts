import { Role } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_COMPANY, OWN_COMPANY, table } from '../../../test/actors';
import { assertCanManageCompanies, canViewCompany, managesCompanyRegister, ownCompanyId } from './company.policy';

const outcome = <T>(fn: () => T): T | string => {
  try {
    return fn();
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('company register access', () => {
  it.each(table<{ own: boolean; foreign: boolean }>({
    [Role.SECURITY_DETACHMENT]: { own: true, foreign: true },
    [Role.LEADER]: { own: true, foreign: true },
    [Role.OFFICE]: { own: true, foreign: true },
    [Role.EVENT_DETACHMENT]: { own: true, foreign: true },
    [Role.DISTRICT_BUREAU]: { own: true, foreign: true },
    [Role.ORGANIZER]: { own: true, foreign: true },
    [Role.COMPANY]: { own: true, foreign: false },
    [Role.ADMIN]: { own: false, foreign: false },
    [Role.AUDITOR]: { own: false, foreign: false },
  }))('%s views its own / a foreign company: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({ own: canViewCompany(actor, OWN_COMPANY), foreign: canViewCompany(actor, FOREIGN_COMPANY) }).toEqual(expected);
  });

  it.each(table<{ manages: boolean; ownProfile: string }>({
    [Role.SECURITY_DETACHMENT]: { manages: true, ownProfile: 'FORBIDDEN' },
    [Role.COMPANY]: { manages: false, ownProfile: OWN_COMPANY },
    [Role.LEADER]: { manages: false, ownProfile: 'FORBIDDEN' },
    [Role.OFFICE]: { manages: false, ownProfile: 'FORBIDDEN' },
    [Role.EVENT_DETACHMENT]: { manages: false, ownProfile: 'FORBIDDEN' },
    [Role.DISTRICT_BUREAU]: { manages: false, ownProfile: 'FORBIDDEN' },
    [Role.ORGANIZER]: { manages: false, ownProfile: 'FORBIDDEN' },
    [Role.ADMIN]: { manages: false, ownProfile: 'FORBIDDEN' },
    [Role.AUDITOR]: { manages: false, ownProfile: 'FORBIDDEN' },
  }))('%s keeps the register / edits its own profile: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({ manages: managesCompanyRegister(actor), ownProfile: outcome(() => ownCompanyId(actor)) }).toEqual(expected);
    expect(outcome(() => assertCanManageCompanies(actor))).toBe(expected.manages ? undefined : 'FORBIDDEN');
  });
});
