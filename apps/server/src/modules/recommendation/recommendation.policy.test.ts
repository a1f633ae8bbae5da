import { Role } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_ORGANIZER, grantedBy, OWN_ORGANIZER, table } from '../../../test/actors';
import {
  assertIsChoosingOrganizer,
  COMPANY_CHOOSERS,
  COMPARISON_READERS,
  isChoosingOrganizer,
  RECOMMENDERS,
  seesCandidates,
  SUGGESTION_READERS,
} from './recommendation.policy';

describe('candidates and the organizer’s choice (the police recommend, never assign)', () => {
  it.each(table<{ candidates: boolean; choosesOwn: boolean; choosesForeign: boolean }>({
    [Role.ORGANIZER]: { candidates: true, choosesOwn: true, choosesForeign: false },
    [Role.COMPANY]: { candidates: false, choosesOwn: false, choosesForeign: false },
    [Role.SECURITY_DETACHMENT]: { candidates: true, choosesOwn: false, choosesForeign: false },
    [Role.LEADER]: { candidates: true, choosesOwn: false, choosesForeign: false },
    [Role.OFFICE]: { candidates: true, choosesOwn: false, choosesForeign: false },
    [Role.EVENT_DETACHMENT]: { candidates: true, choosesOwn: false, choosesForeign: false },
    [Role.DISTRICT_BUREAU]: { candidates: true, choosesOwn: false, choosesForeign: false },
    [Role.ADMIN]: { candidates: true, choosesOwn: false, choosesForeign: false },
    [Role.AUDITOR]: { candidates: true, choosesOwn: false, choosesForeign: false },
  }))('%s: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({
      candidates: seesCandidates(actor),
      choosesOwn: isChoosingOrganizer(actor, { organizerUnitId: OWN_ORGANIZER }),
      choosesForeign: isChoosingOrganizer(actor, { organizerUnitId: FOREIGN_ORGANIZER }),
    }).toEqual(expected);
  });

  it('refuses anyone but the activity’s own organizer with FORBIDDEN', () => {
    expect(() => assertIsChoosingOrganizer(actorFor(Role.ORGANIZER), { organizerUnitId: OWN_ORGANIZER })).not.toThrow();
    for (const [actor, organizerUnitId] of [[actorFor(Role.ORGANIZER), FOREIGN_ORGANIZER], [actorFor(Role.SECURITY_DETACHMENT), OWN_ORGANIZER]] as const) {
      try {
        assertIsChoosingOrganizer(actor, { organizerUnitId });
        throw new Error('not refused');
      } catch (e) {
        expect((e as DomainError).code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('recommendation operations at the edge (the @Authorized lists)', () => {
  type Row = { readsSuggestions: boolean; recommends: boolean; readsComparison: boolean; chooses: boolean };
  const none: Row = { readsSuggestions: false, recommends: false, readsComparison: false, chooses: false };
  it.each(table<Row>({
    [Role.SECURITY_DETACHMENT]: { readsSuggestions: true, recommends: true, readsComparison: true, chooses: false },
    [Role.OFFICE]: { ...none, readsSuggestions: true, readsComparison: true },
    [Role.LEADER]: { ...none, readsSuggestions: true, readsComparison: true },
    [Role.EVENT_DETACHMENT]: { ...none, readsComparison: true },
    [Role.DISTRICT_BUREAU]: { ...none, readsComparison: true },
    [Role.ORGANIZER]: { ...none, readsComparison: true, chooses: true },
    [Role.COMPANY]: none,
    [Role.ADMIN]: none,
    [Role.AUDITOR]: none,
  }))('%s: %o', (role, expected) => {
    expect(
      grantedBy({ readsSuggestions: SUGGESTION_READERS, recommends: RECOMMENDERS, readsComparison: COMPARISON_READERS, chooses: COMPANY_CHOOSERS }, role),
    ).toEqual(expected);
  });
});
