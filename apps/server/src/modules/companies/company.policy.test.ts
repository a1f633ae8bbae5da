import { Role } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_COMPANY, FOREIGN_ORGANIZER, grantedBy, OWN_COMPANY, OWN_ORGANIZER, table } from '../../../test/actors';
import {
  assertCanManageCompanies,
  canViewCompany,
  COMPANY_PROFILE_EDITORS,
  COMPANY_READER_ROLES,
  COMPANY_REGISTER_KEEPERS,
  managesCompanyRegister,
  ownCompanyId,
} from './company.policy';

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

  it.each(table<{ own: boolean; other: boolean }>({
    [Role.SECURITY_DETACHMENT]: { own: true, other: true },
    [Role.LEADER]: { own: true, other: true },
    [Role.OFFICE]: { own: true, other: true },
    [Role.EVENT_DETACHMENT]: { own: true, other: true },
    [Role.DISTRICT_BUREAU]: { own: true, other: true },
    [Role.ORGANIZER]: { own: true, other: false },
    [Role.COMPANY]: { own: false, other: false },
    [Role.ADMIN]: { own: false, other: false },
    [Role.AUDITOR]: { own: false, other: false },
  }))('%s views its own / another organizer’s self-recruited register (no 保安服务公司; review 11-C F4): %o', (role, expected) => {
    const actor = actorFor(role);
    const notACompany = { securityCompany: false };
    expect({ own: canViewCompany(actor, OWN_ORGANIZER, notACompany), other: canViewCompany(actor, FOREIGN_ORGANIZER, notACompany) }).toEqual(expected);
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

describe('company register operations at the edge (the @Authorized lists)', () => {
  it.each(table<{ reads: boolean; keepsRegister: boolean; editsProfile: boolean }>({
    [Role.SECURITY_DETACHMENT]: { reads: true, keepsRegister: true, editsProfile: false },
    [Role.OFFICE]: { reads: true, keepsRegister: false, editsProfile: false },
    [Role.LEADER]: { reads: true, keepsRegister: false, editsProfile: false },
    [Role.EVENT_DETACHMENT]: { reads: true, keepsRegister: false, editsProfile: false },
    [Role.DISTRICT_BUREAU]: { reads: true, keepsRegister: false, editsProfile: false },
    [Role.ORGANIZER]: { reads: true, keepsRegister: false, editsProfile: false },
    [Role.COMPANY]: { reads: true, keepsRegister: false, editsProfile: true },
    [Role.ADMIN]: { reads: false, keepsRegister: false, editsProfile: false },
    [Role.AUDITOR]: { reads: false, keepsRegister: false, editsProfile: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ reads: COMPANY_READER_ROLES, keepsRegister: COMPANY_REGISTER_KEEPERS, editsProfile: COMPANY_PROFILE_EDITORS }, role)).toEqual(expected);
    expect(managesCompanyRegister(actorFor(role))).toBe(expected.keepsRegister);
  });
});
