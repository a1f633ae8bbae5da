import { Role } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_COMPANY, FOREIGN_ORGANIZER, grantedBy, OWN_COMPANY, OWN_ORGANIZER, table } from '../../../test/actors';
import {
  assertCanListCompanyGuards,
  assertDetachment,
  canManageGuard,
  EVERY_REGISTER_KEEPERS,
  guardListScope,
  guardScope,
  GUARD_IMPORT_ROLES,
  GUARD_LIST_ROLES,
  GUARD_MANAGER_ROLES,
  GUARD_READER_ROLES,
  importRegister,
  keepsRegister,
  managesEveryRegister,
  registerIdOf,
  seesBirthDate,
  seesFullIdNumbers,
  seesGuardParticulars,
  seesOtherRegisters,
  seesRelatives,
  seesRevocationReasons,
  targetCompanyId,
} from './guard.policy';

const outcome = <T>(fn: () => T): T | string => {
  try {
    return fn();
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('guard register privacy (SPEC §1)', () => {
  it.each(table({
    [Role.SECURITY_DETACHMENT]: true,
    [Role.LEADER]: false,
    [Role.OFFICE]: false,
    [Role.EVENT_DETACHMENT]: false,
    [Role.DISTRICT_BUREAU]: false,
    [Role.ORGANIZER]: false,
    [Role.COMPANY]: false,
    [Role.ADMIN]: false,
    [Role.AUDITOR]: false,
  }))('%s sees full ID numbers, birth dates, relatives and revocation reasons: %s', (role, expected) => {
    const actor = actorFor(role);
    expect([seesFullIdNumbers(actor), seesBirthDate(actor), seesRelatives(actor), seesRevocationReasons(actor), managesEveryRegister(actor)]).toEqual(
      Array(5).fill(expected),
    );
  });

  it('nobody logged in sees nothing', () => {
    expect([seesFullIdNumbers(null), seesRelatives(null), seesGuardParticulars(null), registerIdOf(null)]).toEqual([false, false, false, null]);
  });

  it.each(table({
    [Role.SECURITY_DETACHMENT]: true,
    [Role.LEADER]: true,
    [Role.OFFICE]: true,
    [Role.EVENT_DETACHMENT]: true,
    [Role.DISTRICT_BUREAU]: true,
    [Role.ORGANIZER]: false,
    [Role.COMPANY]: true,
    [Role.ADMIN]: true,
    [Role.AUDITOR]: true,
  }))('%s sees a guard’s particulars (contacts, photo, revocations) of another register: %s', (role, expected) => {
    expect(seesGuardParticulars(actorFor(role))).toBe(expected);
    expect(seesGuardParticulars(actorFor(role), { companyId: FOREIGN_ORGANIZER })).toBe(expected);
  });

  it('the organizer sees them of its own register (自招) as a company does of its own (review 11-C F3)', () => {
    expect(seesGuardParticulars(actorFor(Role.ORGANIZER), { companyId: OWN_ORGANIZER })).toBe(true);
    expect(seesGuardParticulars(actorFor(Role.COMPANY), { companyId: OWN_COMPANY })).toBe(true);
  });
});

describe('who keeps which register', () => {
  type Keeping = { register: string | null; keepsOwn: boolean; keepsForeign: boolean; editsOwn: boolean; editsForeign: boolean };
  const none: Keeping = { register: null, keepsOwn: false, keepsForeign: false, editsOwn: false, editsForeign: false };
  it.each(table<Keeping>({
    [Role.COMPANY]: { register: OWN_COMPANY, keepsOwn: true, keepsForeign: false, editsOwn: true, editsForeign: false },
    [Role.ORGANIZER]: { register: OWN_ORGANIZER, keepsOwn: true, keepsForeign: false, editsOwn: true, editsForeign: false },
    [Role.SECURITY_DETACHMENT]: { ...none, editsOwn: true, editsForeign: true },
    [Role.LEADER]: none,
    [Role.OFFICE]: none,
    [Role.EVENT_DETACHMENT]: none,
    [Role.DISTRICT_BUREAU]: none,
    [Role.ADMIN]: none,
    [Role.AUDITOR]: none,
  }))('%s: %o', (role, expected) => {
    const actor = actorFor(role);
    const own = role === Role.ORGANIZER ? OWN_ORGANIZER : OWN_COMPANY;
    const foreign = role === Role.ORGANIZER ? FOREIGN_ORGANIZER : FOREIGN_COMPANY;
    expect({
      register: registerIdOf(actor),
      keepsOwn: keepsRegister(actor, own),
      keepsForeign: keepsRegister(actor, foreign),
      editsOwn: canManageGuard(actor, { companyId: own }),
      editsForeign: canManageGuard(actor, { companyId: foreign }),
    }).toEqual(expected);
  });

  it.each(table<{ named: unknown; foreign: unknown; unnamed: unknown }>({
    [Role.COMPANY]: { named: OWN_COMPANY, foreign: 'NOT_FOUND', unnamed: OWN_COMPANY },
    [Role.SECURITY_DETACHMENT]: { named: OWN_COMPANY, foreign: FOREIGN_COMPANY, unnamed: null },
    [Role.ORGANIZER]: { named: OWN_ORGANIZER, foreign: 'NOT_FOUND', unnamed: OWN_ORGANIZER },
    [Role.LEADER]: { named: 'FORBIDDEN', foreign: 'FORBIDDEN', unnamed: 'FORBIDDEN' },
    [Role.OFFICE]: { named: 'FORBIDDEN', foreign: 'FORBIDDEN', unnamed: 'FORBIDDEN' },
    [Role.EVENT_DETACHMENT]: { named: 'FORBIDDEN', foreign: 'FORBIDDEN', unnamed: 'FORBIDDEN' },
    [Role.DISTRICT_BUREAU]: { named: 'FORBIDDEN', foreign: 'FORBIDDEN', unnamed: 'FORBIDDEN' },
    [Role.ADMIN]: { named: 'FORBIDDEN', foreign: 'FORBIDDEN', unnamed: 'FORBIDDEN' },
    [Role.AUDITOR]: { named: 'FORBIDDEN', foreign: 'FORBIDDEN', unnamed: 'FORBIDDEN' },
  }))('%s puts a new guard on the register of its own company / a foreign one / none named: %o', (role, expected) => {
    const actor = actorFor(role);
    const own = role === Role.ORGANIZER ? OWN_ORGANIZER : OWN_COMPANY;
    const foreign = role === Role.ORGANIZER ? FOREIGN_ORGANIZER : FOREIGN_COMPANY;
    expect({
      named: outcome(() => targetCompanyId(actor, own)),
      foreign: outcome(() => targetCompanyId(actor, foreign)),
      unnamed: outcome(() => targetCompanyId(actor, null)),
    }).toEqual(expected);
  });

  it.each(table<{ own: unknown; foreign: unknown }>({
    [Role.COMPANY]: { own: { companyId: OWN_COMPANY, ownUnit: false }, foreign: 'NOT_FOUND' },
    [Role.ORGANIZER]: { own: { companyId: OWN_ORGANIZER, ownUnit: true }, foreign: 'NOT_FOUND' },
    [Role.SECURITY_DETACHMENT]: { own: { companyId: OWN_COMPANY, ownUnit: false }, foreign: { companyId: FOREIGN_COMPANY, ownUnit: false } },
    [Role.LEADER]: { own: 'FORBIDDEN', foreign: 'FORBIDDEN' },
    [Role.OFFICE]: { own: 'FORBIDDEN', foreign: 'FORBIDDEN' },
    [Role.EVENT_DETACHMENT]: { own: 'FORBIDDEN', foreign: 'FORBIDDEN' },
    [Role.DISTRICT_BUREAU]: { own: 'FORBIDDEN', foreign: 'FORBIDDEN' },
    [Role.ADMIN]: { own: 'FORBIDDEN', foreign: 'FORBIDDEN' },
    [Role.AUDITOR]: { own: 'FORBIDDEN', foreign: 'FORBIDDEN' },
  }))('%s imports into its own register / a foreign one: %o', (role, expected) => {
    const actor = actorFor(role);
    const own = role === Role.ORGANIZER ? OWN_ORGANIZER : OWN_COMPANY;
    const foreign = role === Role.ORGANIZER ? FOREIGN_ORGANIZER : FOREIGN_COMPANY;
    expect({ own: outcome(() => importRegister(actor, own)), foreign: outcome(() => importRegister(actor, foreign)) }).toEqual(expected);
    expect(seesOtherRegisters(actor)).toBe(role === Role.SECURITY_DETACHMENT);
  });

  it('a keeper lists its own register’s guards only; transfers and revocations are the detachment’s', () => {
    expect(outcome(() => assertCanListCompanyGuards(actorFor(Role.COMPANY), OWN_COMPANY))).toBeUndefined();
    expect(outcome(() => assertCanListCompanyGuards(actorFor(Role.COMPANY), FOREIGN_COMPANY))).toBe('NOT_FOUND');
    expect(outcome(() => assertCanListCompanyGuards(actorFor(Role.ORGANIZER), OWN_ORGANIZER))).toBeUndefined();
    expect(outcome(() => assertCanListCompanyGuards(actorFor(Role.ORGANIZER), FOREIGN_ORGANIZER))).toBe('NOT_FOUND');
    expect(outcome(() => assertCanListCompanyGuards(actorFor(Role.ORGANIZER), OWN_COMPANY))).toBe('NOT_FOUND');
    expect(outcome(() => assertCanListCompanyGuards(actorFor(Role.OFFICE), FOREIGN_COMPANY))).toBeUndefined();
    expect(outcome(() => assertDetachment(actorFor(Role.SECURITY_DETACHMENT), '调转'))).toBeUndefined();
    expect(outcome(() => assertDetachment(actorFor(Role.COMPANY), '调转'))).toBe('FORBIDDEN');
  });
});

describe('which guards a list and a read reach (review 11-C F3)', () => {
  it('a keeper lists its own register alone; the organizer reads besides the cleared guards of its activities’ rosters', () => {
    expect(guardListScope(actorFor(Role.COMPANY))).toEqual({ sql: 'g.company_id = :scopeRegisterId', params: { scopeRegisterId: OWN_COMPANY } });
    expect(guardListScope(actorFor(Role.ORGANIZER))).toEqual({ sql: 'g.company_id = :scopeRegisterId', params: { scopeRegisterId: OWN_ORGANIZER } });
    expect(guardScope(actorFor(Role.COMPANY))).toEqual(guardListScope(actorFor(Role.COMPANY)));
    const read = guardScope(actorFor(Role.ORGANIZER));
    expect(read.sql).toMatch(/^\(g\.company_id = :scopeRegisterId OR EXISTS \(SELECT 1 FROM roster_entries/);
    expect(read.sql).toContain(`sr.decision = 'PASSED' AND sa.organizer_unit_id = :scopeUnitId`);
    expect(read.params).toEqual({ scopeRegisterId: OWN_ORGANIZER, scopeUnitId: OWN_ORGANIZER });
    for (const role of [Role.ADMIN, Role.AUDITOR]) expect([guardListScope(actorFor(role)).sql, guardScope(actorFor(role)).sql]).toEqual(['false', 'false']);
    expect([guardListScope(actorFor(Role.OFFICE)).sql, guardScope(actorFor(Role.OFFICE)).sql]).toEqual(['true', 'true']);
  });
});

describe('guard register operations at the edge (the @Authorized lists)', () => {
  type Row = { lists: boolean; reads: boolean; manages: boolean; imports: boolean; transfersAndRevokes: boolean };
  const none: Row = { lists: false, reads: false, manages: false, imports: false, transfersAndRevokes: false };
  const police: Row = { ...none, lists: true, reads: true };
  it.each(table<Row>({
    [Role.SECURITY_DETACHMENT]: { lists: true, reads: true, manages: true, imports: true, transfersAndRevokes: true },
    [Role.COMPANY]: { lists: true, reads: true, manages: true, imports: true, transfersAndRevokes: false },
    [Role.ORGANIZER]: { lists: true, reads: true, manages: true, imports: true, transfersAndRevokes: false },
    [Role.OFFICE]: police,
    [Role.LEADER]: police,
    [Role.EVENT_DETACHMENT]: police,
    [Role.DISTRICT_BUREAU]: police,
    [Role.ADMIN]: none,
    [Role.AUDITOR]: none,
  }))('%s: %o', (role, expected) => {
    expect(
      grantedBy(
        {
          lists: GUARD_LIST_ROLES,
          reads: GUARD_READER_ROLES,
          manages: GUARD_MANAGER_ROLES,
          imports: GUARD_IMPORT_ROLES,
          transfersAndRevokes: EVERY_REGISTER_KEEPERS,
        },
        role,
      ),
    ).toEqual(expected);
    expect(managesEveryRegister(actorFor(role))).toBe(expected.transfersAndRevokes);
  });
});
