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

/** Why the company's 保安服务许可证 does not cover the activity (SPEC §4: valid through its end; 条例第八、九条), or null. */
export function licenceShortfall(company: { name: string; licenseExpiry: string }, activity: { endsAt: Date }): string | null {
  const endDate = localDate(activity.endsAt);
  return company.licenseExpiry < endDate ? `中选公司“${company.name}”的保安服务许可证 ${company.licenseExpiry} 到期，早于活动结束日 ${endDate}` : null;
}

/**
 * A company 停业整顿 (SUSPENDED) or 吊销 (REVOKED) after it was selected, or whose 保安服务许可证 no
 * longer covers the activity's end, serves no further step of the activity (SPEC §4: a company
 * qualifies when it is ACTIVE and its licence is valid through the activity's end; 条例第八、九条):
 * no roster, no replacement, no start on site. The organizer and the police see why in the refusal.
 */
export async function assertSelectedCompanyActive(m: EntityManager, activity: SelectedCompanyOf, doing: string): Promise<void> {
  if (activity.securityMode !== SecurityMode.SERVICE_COMPANY || !activity.selectedCompanyId) return;
  const [company]: { name: string; status: CompanyStatus; status_reason: string | null; licenseExpiry: string }[] = await m.query(
    `SELECT name, status, status_reason, license_expiry::text AS "licenseExpiry" FROM companies WHERE id = $1`,
    [activity.selectedCompanyId],
  );
  if (!company) return;
  if (company.status !== CompanyStatus.ACTIVE) {
    throw conflict(
      `中选公司“${company.name}”当前为“${companyStatusLabels[company.status]}”状态${company.status_reason ? `（${company.status_reason}）` : ''}，不能${doing}`,
    );
  }
  const licence = licenceShortfall(company, activity);
  if (licence) throw conflict(`${licence}，不能${doing}；公司办理许可证延续后，由保安管理支队更新登记的有效期`);
}

/** Steps that still need the selected company: its licence must cover the activity until the end. */
const NEEDS_COMPANY: ActivityStatus[] = [
  ActivityStatus.COMPANY_SELECTED,
  ActivityStatus.VETTING,
  ActivityStatus.TRAINING,
  ActivityStatus.READY,
  ActivityStatus.IN_PROGRESS,
];

/** The activity's warning when the selected company's licence ends before the activity does (one batched read per page). */
export async function selectedLicenceWarning(
  a: SelectedCompanyOf & { status: ActivityStatus },
  ctx: AppContext,
): Promise<{ code: string; message: string } | null> {
  if (a.securityMode !== SecurityMode.SERVICE_COMPANY || !a.selectedCompanyId || !NEEDS_COMPANY.includes(a.status)) return null;
  const company = await ctx.loaders.companyById.load(a.selectedCompanyId);
  if (!company) return null;
  // Suspended or revoked after the selection (review 7-B F2): the activity cannot go on with it, and says so.
  if (company.status !== CompanyStatus.ACTIVE) {
    return {
      code: 'SELECTED_COMPANY_NOT_ACTIVE',
      message: `中选公司“${company.name}”已被变更为“${companyStatusLabels[company.status]}”${company.statusReason ? `（${company.statusReason}）` : ''}，不能继续上报名单、替换人员或开始现场监管；${
        a.status === ActivityStatus.COMPANY_SELECTED ? '名单报送前，主办单位可在候选公司比较中改选其他候选公司' : '请与保安管理支队商定后续安排'}`,
    };
  }
  const message = licenceShortfall(company, a);
  return message ? { code: 'LICENSE_EXPIRES', message: `${message}，不能继续上报名单、替换人员或开始现场监管` } : null;
}
