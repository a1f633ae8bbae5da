import { Role } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, grantedBy, table, unitOf } from '../../../test/actors';
import {
  assertAnswersNotice,
  NOTICE_ISSUERS,
  noticeUnitScope,
  seesEveryUnitsNotices,
  seesSupervisionOf,
  SUPERVISION_PARTIES,
} from './supervision.policy';

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

describe('督办 operations at the edge (the @Authorized lists)', () => {
  it.each(table<{ listsAndAnswers: boolean; issuesAndCloses: boolean }>({
    [Role.LEADER]: { listsAndAnswers: true, issuesAndCloses: false },
    [Role.OFFICE]: { listsAndAnswers: true, issuesAndCloses: true },
    [Role.SECURITY_DETACHMENT]: { listsAndAnswers: true, issuesAndCloses: false },
    [Role.EVENT_DETACHMENT]: { listsAndAnswers: true, issuesAndCloses: false },
    [Role.DISTRICT_BUREAU]: { listsAndAnswers: true, issuesAndCloses: false },
    [Role.ORGANIZER]: { listsAndAnswers: true, issuesAndCloses: false },
    [Role.COMPANY]: { listsAndAnswers: true, issuesAndCloses: false },
    [Role.ADMIN]: { listsAndAnswers: false, issuesAndCloses: false },
    [Role.AUDITOR]: { listsAndAnswers: false, issuesAndCloses: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ listsAndAnswers: SUPERVISION_PARTIES, issuesAndCloses: NOTICE_ISSUERS }, role)).toEqual(expected);
  });
});
