import { Role, UnitKind } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_DISTRICT, grantedBy, OWN_DISTRICT, table } from '../../../test/actors';
import {
  ACCOUNT_ISSUERS,
  assertCanCreateUnit,
  defaultDistrictOfNewUnit,
  mustOpenAccountWithUnit,
  seesEveryUnit,
  UNIT_ADMINISTRATORS,
  UNIT_CREATORS,
} from './onboarding.policy';

const allowed = (fn: () => void): boolean => {
  try {
    fn();
    return true;
  } catch (e) {
    expect((e as DomainError).code).toBe('FORBIDDEN');
    return false;
  }
};

describe('onboarding units', () => {
  type Row = { organizerHere: boolean; organizerElsewhere: boolean; company: boolean; everyUnit: boolean };
  it.each(table<Row>({
    [Role.ADMIN]: { organizerHere: true, organizerElsewhere: true, company: true, everyUnit: true },
    [Role.EVENT_DETACHMENT]: { organizerHere: true, organizerElsewhere: true, company: false, everyUnit: true },
    [Role.DISTRICT_BUREAU]: { organizerHere: true, organizerElsewhere: false, company: false, everyUnit: true },
    [Role.SECURITY_DETACHMENT]: { organizerHere: false, organizerElsewhere: false, company: false, everyUnit: true },
    [Role.LEADER]: { organizerHere: false, organizerElsewhere: false, company: false, everyUnit: true },
    [Role.OFFICE]: { organizerHere: false, organizerElsewhere: false, company: false, everyUnit: true },
    [Role.ORGANIZER]: { organizerHere: false, organizerElsewhere: false, company: false, everyUnit: false },
    [Role.COMPANY]: { organizerHere: false, organizerElsewhere: false, company: false, everyUnit: false },
    [Role.AUDITOR]: { organizerHere: false, organizerElsewhere: false, company: false, everyUnit: false },
  }))('%s: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({
      organizerHere: allowed(() => assertCanCreateUnit(actor, UnitKind.ORGANIZER, OWN_DISTRICT)),
      organizerElsewhere: allowed(() => assertCanCreateUnit(actor, UnitKind.ORGANIZER, FOREIGN_DISTRICT)),
      company: allowed(() => assertCanCreateUnit(actor, UnitKind.COMPANY, OWN_DISTRICT)),
      everyUnit: seesEveryUnit(actor),
    }).toEqual(expected);
  });

  it('a district bureau’s new organizer is in its district; only the administrator may create a unit without an account', () => {
    expect(defaultDistrictOfNewUnit(actorFor(Role.DISTRICT_BUREAU), UnitKind.ORGANIZER)).toBe(OWN_DISTRICT);
    expect(defaultDistrictOfNewUnit(actorFor(Role.DISTRICT_BUREAU), UnitKind.COMPANY)).toBeNull();
    expect(defaultDistrictOfNewUnit(actorFor(Role.EVENT_DETACHMENT), UnitKind.ORGANIZER)).toBeNull();
    expect(Object.values(Role).filter((role) => !mustOpenAccountWithUnit(actorFor(role)))).toEqual([Role.ADMIN]);
  });
});

describe('unit operations at the edge (the @Authorized lists)', () => {
  it.each(table<{ createsUnits: boolean; issuesAccounts: boolean; administersUnits: boolean }>({
    [Role.ADMIN]: { createsUnits: true, issuesAccounts: true, administersUnits: true },
    [Role.EVENT_DETACHMENT]: { createsUnits: true, issuesAccounts: true, administersUnits: false },
    [Role.DISTRICT_BUREAU]: { createsUnits: true, issuesAccounts: true, administersUnits: false },
    [Role.SECURITY_DETACHMENT]: { createsUnits: false, issuesAccounts: true, administersUnits: false },
    [Role.LEADER]: { createsUnits: false, issuesAccounts: false, administersUnits: false },
    [Role.OFFICE]: { createsUnits: false, issuesAccounts: false, administersUnits: false },
    [Role.ORGANIZER]: { createsUnits: false, issuesAccounts: false, administersUnits: false },
    [Role.COMPANY]: { createsUnits: false, issuesAccounts: false, administersUnits: false },
    [Role.AUDITOR]: { createsUnits: false, issuesAccounts: false, administersUnits: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ createsUnits: UNIT_CREATORS, issuesAccounts: ACCOUNT_ISSUERS, administersUnits: UNIT_ADMINISTRATORS }, role)).toEqual(expected);
  });
});
