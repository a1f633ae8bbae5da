import { Role } from '@evs/schema';
import { grantedBy, table } from '../../../test/actors';
import { SECURITY_POLICY_EDITORS, SECURITY_POLICY_READERS, TOTP_REQUIRED_BY_DEFAULT } from './auth.policy';

describe('the security policy at the edge (the @Authorized lists) and its defaults', () => {
  it.each(table<{ readsPolicy: boolean; editsPolicy: boolean; totpByDefault: boolean }>({
    [Role.ADMIN]: { readsPolicy: true, editsPolicy: true, totpByDefault: true },
    [Role.AUDITOR]: { readsPolicy: true, editsPolicy: false, totpByDefault: false },
    [Role.SECURITY_DETACHMENT]: { readsPolicy: false, editsPolicy: false, totpByDefault: true },
    [Role.LEADER]: { readsPolicy: false, editsPolicy: false, totpByDefault: false },
    [Role.OFFICE]: { readsPolicy: false, editsPolicy: false, totpByDefault: false },
    [Role.EVENT_DETACHMENT]: { readsPolicy: false, editsPolicy: false, totpByDefault: false },
    [Role.DISTRICT_BUREAU]: { readsPolicy: false, editsPolicy: false, totpByDefault: false },
    [Role.ORGANIZER]: { readsPolicy: false, editsPolicy: false, totpByDefault: false },
    [Role.COMPANY]: { readsPolicy: false, editsPolicy: false, totpByDefault: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ readsPolicy: SECURITY_POLICY_READERS, editsPolicy: SECURITY_POLICY_EDITORS, totpByDefault: TOTP_REQUIRED_BY_DEFAULT }, role)).toEqual(expected);
  });
});
