import { Role, UnitKind } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, ALL_ROLES, grantedBy, table } from '../../../test/actors';
import { ACCOUNT_MANAGERS, accountRole, assertMayIssueAccount, assertMayManage } from './users.policy';

const allowed = (fn: () => void): boolean => {
  try {
    fn();
    return true;
  } catch (e) {
    expect((e as DomainError).code).toBe('FORBIDDEN');
    return false;
  }
};

describe('三员分立 (separation of duties) on accounts', () => {
  const everyRoleBut = (r: Role) => ALL_ROLES.filter((x) => x !== r);
  it.each(table<Role[]>({
    [Role.ADMIN]: everyRoleBut(Role.AUDITOR),
    [Role.AUDITOR]: [Role.AUDITOR],
    [Role.LEADER]: [],
    [Role.OFFICE]: [],
    [Role.SECURITY_DETACHMENT]: [],
    [Role.EVENT_DETACHMENT]: [],
    [Role.DISTRICT_BUREAU]: [],
    [Role.ORGANIZER]: [],
    [Role.COMPANY]: [],
  }))('%s manages accounts of the roles %o', (role, expected) => {
    const actor = actorFor(role);
    expect(ALL_ROLES.filter((target) => allowed(() => assertMayManage(actor, target)))).toEqual(expected);
  });

  it('the administrator never opens an auditor’s account; the police opening their units’ accounts are held by the onboarding policy', () => {
    expect(allowed(() => assertMayIssueAccount(actorFor(Role.ADMIN), Role.AUDITOR))).toBe(false);
    expect(allowed(() => assertMayIssueAccount(actorFor(Role.ADMIN), Role.COMPANY))).toBe(true);
    expect(allowed(() => assertMayIssueAccount(actorFor(Role.SECURITY_DETACHMENT), Role.COMPANY))).toBe(true);
  });

  it('a new account takes the role its unit kind allows', () => {
    expect(accountRole(UnitKind.COMPANY, null)).toBe(Role.COMPANY);
    expect(accountRole(UnitKind.COMPANY, Role.ADMIN)).toBe('NOT_ALLOWED');
    expect(accountRole(UnitKind.DISTRICT_BUREAU, null)).toBe(Role.DISTRICT_BUREAU);
    expect(accountRole(UnitKind.LEADING_GROUP, Role.LEADER)).toBe(Role.LEADER);
    expect(accountRole(UnitKind.INSPECTORATE, Role.ADMIN)).toBe('NOT_ALLOWED');
  });
});

describe('account operations at the edge (the @Authorized lists)', () => {
  it.each(table<{ managesAccounts: boolean }>({
    [Role.ADMIN]: { managesAccounts: true },
    [Role.AUDITOR]: { managesAccounts: true },
    [Role.LEADER]: { managesAccounts: false },
    [Role.OFFICE]: { managesAccounts: false },
    [Role.SECURITY_DETACHMENT]: { managesAccounts: false },
    [Role.EVENT_DETACHMENT]: { managesAccounts: false },
    [Role.DISTRICT_BUREAU]: { managesAccounts: false },
    [Role.ORGANIZER]: { managesAccounts: false },
    [Role.COMPANY]: { managesAccounts: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ managesAccounts: ACCOUNT_MANAGERS }, role)).toEqual(expected);
  });
});
