import { Role } from '@evs/schema';
import { grantedBy, table } from '../../../test/actors';
import { SETTINGS_EDITORS } from './settings.policy';

describe('local policy settings at the edge (the @Authorized lists)', () => {
  it.each(table<{ edits: boolean }>({
    [Role.SECURITY_DETACHMENT]: { edits: true },
    [Role.OFFICE]: { edits: false },
    [Role.LEADER]: { edits: false },
    [Role.EVENT_DETACHMENT]: { edits: false },
    [Role.DISTRICT_BUREAU]: { edits: false },
    [Role.ORGANIZER]: { edits: false },
    [Role.COMPANY]: { edits: false },
    [Role.ADMIN]: { edits: false },
    [Role.AUDITOR]: { edits: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ edits: SETTINGS_EDITORS }, role)).toEqual(expected);
  });
});
