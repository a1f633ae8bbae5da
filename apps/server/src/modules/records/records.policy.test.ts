import { Role } from '@evs/schema';
import { grantedBy, table } from '../../../test/actors';
import { RECORD_REGISTER_KEEPERS } from './records.policy';

describe('the criminal-record register at the edge (the @Authorized lists)', () => {
  it.each(table<{ keepsRegister: boolean }>({
    [Role.SECURITY_DETACHMENT]: { keepsRegister: true },
    [Role.OFFICE]: { keepsRegister: false },
    [Role.LEADER]: { keepsRegister: false },
    [Role.EVENT_DETACHMENT]: { keepsRegister: false },
    [Role.DISTRICT_BUREAU]: { keepsRegister: false },
    [Role.ORGANIZER]: { keepsRegister: false },
    [Role.COMPANY]: { keepsRegister: false },
    [Role.ADMIN]: { keepsRegister: false },
    [Role.AUDITOR]: { keepsRegister: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ keepsRegister: RECORD_REGISTER_KEEPERS }, role)).toEqual(expected);
  });
});
