import { ActivityStatus, CompanyStatus, companyStatusLabels, SecurityMode } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { localDate } from '../../common/calendar';
import type { AppContext } from '../../common/context';
import { conflict } from '../../common/errors';

interface SelectedCompanyOf {
  securityMode: SecurityMode;
  selectedCompanyId: string | null;
  endsAt: Date;
}

/** What decides whether a selected company can still serve an activity. */
export interface CompanyStanding {
  name: string;
  status: CompanyStatus;
  statusReason: string | null;
  licenseExpiry: string;
  /** The company's unit; a 停用 unit's accounts cannot log in. Unknown (undefined) counts as active. */
  unitActive?: boolean;
}

/** Why a selected company can no longer serve, said after its name ("中选公司“X”…"). */
export interface CompanyLapse {
  code: 'SELECTED_COMPANY_NOT_ACTIVE' | 'LICENSE_EXPIRES';
  why: string;
}

/**
 * The one rule for "the selected company can no longer serve the activity" (SPEC §4: a company qualifies
 * when it is ACTIVE and its 保安服务许可证 is valid through the activity's end; 条例第八、九条): 停业整顿
 * (SUSPENDED) or 吊销 (REVOKED) after the selection, its unit 停用, or its licence ending before the activity
 * does. The refusals, the activity's warning and the organizer's re-selection all read it.
 */
export function companyLapse(company: CompanyStanding, activity: { endsAt: Date }): CompanyLapse | null {
  if (company.status !== CompanyStatus.ACTIVE) {
    const reason = company.statusReason ? `（${company.statusReason}）` : '';
    return { code: 'SELECTED_COMPANY_NOT_ACTIVE', why: `已被变更为“${companyStatusLabels[company.status]}”${reason}` };
  }
  if (company.unitActive === false) return { code: 'SELECTED_COMPANY_NOT_ACTIVE', why: '的单位已停用' };
  const endDate = localDate(activity.endsAt);
  if (company.licenseExpiry < endDate) {
    return { code: 'LICENSE_EXPIRES', why: `的保安服务许可证 ${company.licenseExpiry} 到期，早于活动结束日 ${endDate}` };
  }
  return null;
}

/** The selected company's standing as stored; with `hold`, its and its unit's rows are held (shared) until commit. */
export async function readCompanyStanding(m: EntityManager, companyId: string, hold: boolean): Promise<CompanyStanding | null> {
  const [company]: CompanyStanding[] = await m.query(
    `SELECT c.name, c.status, c.status_reason AS "statusReason", to_char(c.license_expiry, 'YYYY-MM-DD') AS "licenseExpiry",
            u.active AS "unitActive"
       FROM companies c JOIN units u ON u.id = c.id WHERE c.id = $1 ${hold ? 'FOR SHARE OF c, u' : ''}`,
    [companyId],
  );
  return company ?? null;
}

/** No roster, no replacement, no start on site with a selected company that lapsed: refused with the reason. */
export async function assertSelectedCompanyActive(m: EntityManager, activity: SelectedCompanyOf, doing: string): Promise<void> {
  if (activity.securityMode !== SecurityMode.SERVICE_COMPANY || !activity.selectedCompanyId) return;
  const company = await readCompanyStanding(m, activity.selectedCompanyId, false);
  const lapse = company && companyLapse(company, activity);
  if (!lapse) return;
  const renew = lapse.code === 'LICENSE_EXPIRES' ? '；公司办理许可证延续后，由保安管理支队更新登记的有效期' : '';
  throw conflict(`中选公司“${company.name}”${lapse.why}，不能${doing}${renew}`);
}

/** Steps that still need the selected company: its licence must cover the activity until the end. */
const NEEDS_COMPANY: ActivityStatus[] = [
  ActivityStatus.COMPANY_SELECTED,
  ActivityStatus.VETTING,
  ActivityStatus.TRAINING,
  ActivityStatus.READY,
  ActivityStatus.IN_PROGRESS,
];

/** The activity's warning when its selected company can no longer serve it (`companyLapse`; one batched read per page). */
export async function selectedCompanyWarning(
  a: SelectedCompanyOf & { status: ActivityStatus },
  ctx: AppContext,
): Promise<{ code: string; message: string } | null> {
  if (a.securityMode !== SecurityMode.SERVICE_COMPANY || !a.selectedCompanyId || !NEEDS_COMPANY.includes(a.status)) return null;
  const [company, unit] = await Promise.all([ctx.loaders.companyById.load(a.selectedCompanyId), ctx.loaders.unit.load(a.selectedCompanyId)]);
  const lapse = company && companyLapse({ ...company, unitActive: unit?.active }, a);
  if (!lapse) return null;
  // Before any roster the organizer may choose another candidate (recommendation.service select).
  const next =
    a.status === ActivityStatus.COMPANY_SELECTED
      ? '；名单报送前，主办单位可在候选公司比较中改选其他候选公司'
      : lapse.code === 'SELECTED_COMPANY_NOT_ACTIVE'
        ? '；请与保安管理支队商定后续安排'
        : '';
  return { code: lapse.code, message: `中选公司“${company.name}”${lapse.why}，不能继续上报名单、替换人员或开始现场监管${next}` };
}
