import { Role } from '@evs/schema';
import { grantedBy, table } from '../../../test/actors';
import { WORK_QUEUE_READERS } from './deadlines.policy';

describe('the 待办 work queue at the edge (the @Authorized lists)', () => {
  it.each(table<{ readsWorkQueue: boolean }>({
    [Role.SECURITY_DETACHMENT]: { readsWorkQueue: true },
    [Role.OFFICE]: { readsWorkQueue: false },
    [Role.LEADER]: { readsWorkQueue: false },
    [Role.EVENT_DETACHMENT]: { readsWorkQueue: false },
    [Role.DISTRICT_BUREAU]: { readsWorkQueue: false },
    [Role.ORGANIZER]: { readsWorkQueue: false },
    [Role.COMPANY]: { readsWorkQueue: false },
    [Role.ADMIN]: { readsWorkQueue: false },
    [Role.AUDITOR]: { readsWorkQueue: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ readsWorkQueue: WORK_QUEUE_READERS }, role)).toEqual(expected);
  });
});
