import { Role, UnitKind } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_DISTRICT, OWN_DISTRICT, table } from '../../../test/actors';
import { assertCanCreateUnit, defaultDistrictOfNewUnit, mustOpenAccountWithUnit, seesEveryUnit } from './onboarding.policy';

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
