import { CompanyStatus, companyStatusLabels, SecurityMode } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { conflict } from '../../common/errors';

/**
 * A company 停业整顿 (SUSPENDED) or 吊销 (REVOKED) after it was selected serves no further step of the
 * activity (SPEC §4: a company qualifies when it is ACTIVE; 条例第八条): no roster, no replacement,
 * no start on site. The organizer and the police see why in the refusal.
 */
export async function assertSelectedCompanyActive(
  m: EntityManager,
  activity: { securityMode: SecurityMode; selectedCompanyId: string | null },
  doing: string,
): Promise<void> {
  if (activity.securityMode !== SecurityMode.SERVICE_COMPANY || !activity.selectedCompanyId) return;
  const [company]: { name: string; status: CompanyStatus; status_reason: string | null }[] = await m.query(
    `SELECT name, status, status_reason FROM companies WHERE id = $1`,
    [activity.selectedCompanyId],
  );
  if (!company || company.status === CompanyStatus.ACTIVE) return;
  throw conflict(
    `中选公司“${company.name}”当前为“${companyStatusLabels[company.status]}”状态${company.status_reason ? `（${company.status_reason}）` : ''}，不能${doing}`,
  );
}
