import { Role } from '@evs/schema';
import { grantedBy, table } from '../../../test/actors';
import { FINDING_READERS, INSPECTION_READERS, ON_SITE_SUPERVISORS } from './inspections.policy';

describe('现场监管 operations at the edge (the @Authorized lists)', () => {
  it.each(table<{ supervises: boolean; readsFindings: boolean; readsInspections: boolean }>({
    [Role.SECURITY_DETACHMENT]: { supervises: true, readsFindings: true, readsInspections: true },
    [Role.OFFICE]: { supervises: false, readsFindings: true, readsInspections: true },
    [Role.LEADER]: { supervises: false, readsFindings: true, readsInspections: true },
    [Role.COMPANY]: { supervises: false, readsFindings: true, readsInspections: false },
    [Role.ORGANIZER]: { supervises: false, readsFindings: true, readsInspections: false },
    [Role.EVENT_DETACHMENT]: { supervises: false, readsFindings: true, readsInspections: false },
    [Role.DISTRICT_BUREAU]: { supervises: false, readsFindings: true, readsInspections: false },
    [Role.ADMIN]: { supervises: false, readsFindings: false, readsInspections: false },
    [Role.AUDITOR]: { supervises: false, readsFindings: false, readsInspections: false },
  }))('%s: %o', (role, expected) => {
    expect(grantedBy({ supervises: ON_SITE_SUPERVISORS, readsFindings: FINDING_READERS, readsInspections: INSPECTION_READERS }, role)).toEqual(expected);
  });
});
