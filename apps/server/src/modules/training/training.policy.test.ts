import { Role, SecurityMode } from '@evs/schema';
import { DomainError } from '../../common/errors';
import { actorFor, FOREIGN_COMPANY, grantedBy, OWN_COMPANY, table } from '../../../test/actors';
import { assertAssignsPosts, POST_ASSIGNERS, TRAINERS, TRAINING_VIEWERS } from './training.policy';

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

describe('training operations at the edge (the @Authorized lists)', () => {
  it.each(table<{ views: boolean; trains: boolean; assignsPosts: boolean }>({
    [Role.SECURITY_DETACHMENT]: { views: true, trains: true, assignsPosts: false },
    [Role.OFFICE]: { views: true, trains: false, assignsPosts: false },
    [Role.LEADER]: { views: true, trains: false, assignsPosts: false },
    [Role.COMPANY]: { views: true, trains: false, assignsPosts: true },
    [Role.ORGANIZER]: { views: true, trains: false, assignsPosts: false },
    [Role.EVENT_DETACHMENT]: { views: true, trains: false, assignsPosts: true },
    [Role.DISTRICT_BUREAU]: { views: true, trains: false, assignsPosts: false },
    [Role.ADMIN]: { views: false, trains: false, assignsPosts: false },
    [Role.AUDITOR]: { views: false, trains: false, assignsPosts: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ views: TRAINING_VIEWERS, trains: TRAINERS, assignsPosts: POST_ASSIGNERS }, role)).toEqual(expected);
  });
});
