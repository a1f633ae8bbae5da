import { Role, SecurityMode } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_COMPANY, OWN_COMPANY, table } from '../../../test/actors';
import { assertAssignsPosts } from './training.policy';

const outcome = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('岗位分工 (post assignment)', () => {
  const ok = null;
  const no = 'FORBIDDEN';
  it.each(table<[string | null, string | null, string | null]>({
    // [own selected company's activity, a foreign company's activity, a self-recruited activity]
    [Role.COMPANY]: [ok, no, no],
    [Role.EVENT_DETACHMENT]: [no, no, ok],
    [Role.SECURITY_DETACHMENT]: [no, no, no],
    [Role.LEADER]: [no, no, no],
    [Role.OFFICE]: [no, no, no],
    [Role.DISTRICT_BUREAU]: [no, no, no],
    [Role.ORGANIZER]: [no, no, no],
    [Role.ADMIN]: [no, no, no],
    [Role.AUDITOR]: [no, no, no],
  }))('%s: %o', (role, expected) => {
    const actor = actorFor(role);
    expect([
      outcome(() => assertAssignsPosts(actor, { securityMode: SecurityMode.SERVICE_COMPANY, selectedCompanyId: OWN_COMPANY })),
      outcome(() => assertAssignsPosts(actor, { securityMode: SecurityMode.SERVICE_COMPANY, selectedCompanyId: FOREIGN_COMPANY })),
      outcome(() => assertAssignsPosts(actor, { securityMode: SecurityMode.SELF_RECRUITED, selectedCompanyId: null })),
    ]).toEqual(expected);
  });
});
