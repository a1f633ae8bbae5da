import { Role } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, table, unitOf } from '../../../test/actors';
import { assertAnswersNotice, noticeUnitScope, seesEveryUnitsNotices, seesSupervisionOf } from './supervision.policy';

const OTHER_UNIT = 'unit-elsewhere';
const outcome = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('督办 (supervision) access', () => {
  type Row = { everyUnit: boolean; ledgerOthers: boolean; answerOthers: string | null };
  it.each(table<Row>({
    [Role.LEADER]: { everyUnit: true, ledgerOthers: true, answerOthers: 'FORBIDDEN' },
    [Role.OFFICE]: { everyUnit: true, ledgerOthers: true, answerOthers: 'FORBIDDEN' },
    [Role.SECURITY_DETACHMENT]: { everyUnit: false, ledgerOthers: true, answerOthers: 'NOT_FOUND' },
    [Role.EVENT_DETACHMENT]: { everyUnit: false, ledgerOthers: true, answerOthers: 'NOT_FOUND' },
    [Role.DISTRICT_BUREAU]: { everyUnit: false, ledgerOthers: true, answerOthers: 'NOT_FOUND' },
    [Role.ORGANIZER]: { everyUnit: false, ledgerOthers: false, answerOthers: 'NOT_FOUND' },
    [Role.COMPANY]: { everyUnit: false, ledgerOthers: false, answerOthers: 'NOT_FOUND' },
    [Role.ADMIN]: { everyUnit: false, ledgerOthers: false, answerOthers: 'NOT_FOUND' },
    [Role.AUDITOR]: { everyUnit: false, ledgerOthers: false, answerOthers: 'NOT_FOUND' },
  }))('%s: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({
      everyUnit: seesEveryUnitsNotices(actor),
      ledgerOthers: seesSupervisionOf(actor, OTHER_UNIT),
      answerOthers: outcome(() => assertAnswersNotice(actor, { unitId: OTHER_UNIT })),
    }).toEqual(expected);
    // Its own unit's notices: every role sees and answers them.
    expect(seesSupervisionOf(actor, unitOf(role))).toBe(true);
    expect(outcome(() => assertAnswersNotice(actor, { unitId: unitOf(role) }))).toBeNull();
    expect(noticeUnitScope(actor)).toBe(expected.everyUnit ? null : unitOf(role));
  });
});
