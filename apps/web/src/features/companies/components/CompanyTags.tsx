import { Space, Tag, Tooltip, Typography } from 'antd';
import { CompanyStatus, companyStatusLabels } from '@evs/schema';
import { MISSING } from '@/shared/format';
import { labelOf } from '@/shared/labels';
import { MultilineText } from '@/shared/MultilineText';

const statusColor: Record<CompanyStatus, string> = {
  [CompanyStatus.ACTIVE]: 'green',
  [CompanyStatus.SUSPENDED]: 'orange',
  [CompanyStatus.REVOKED]: 'red',
};

export function CompanyStatusTag({ status, reason }: { status: string; reason?: string | null }) {
  const tag = <Tag color={statusColor[status as CompanyStatus]}>{labelOf(companyStatusLabels, status as CompanyStatus)}</Tag>;
  return reason ? <Tooltip title={<MultilineText>{reason}</MultilineText>}>{tag}</Tooltip> : tag;
}

/**
 * Licence expiry with a warning: expired (red), within 60 days (orange). None (a self-recruiting
 * organizer's own register holds no 保安服务许可证: the server answers null): "—".
 */
export function LicenseExpiry({ expiry, daysLeft }: { expiry: string | null; daysLeft: number | null }) {
  if (expiry == null || daysLeft == null) return <>{MISSING}</>;
  return (
    <Space size={4} wrap>
      <span>{expiry}</span>
      {daysLeft < 0 ? (
        <Tag color="red">已过期{-daysLeft}天</Tag>
      ) : daysLeft <= 60 ? (
        <Tag color="orange">{daysLeft}天后到期</Tag>
      ) : null}
    </Space>
  );
}

export function Muted({ children }: { children: React.ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/** Marks a self-recruiting organizer's own guard register where a 保安服务公司 would be shown. */
export function OwnRegisterTag() {
  return (
    <Tooltip title="主办单位自行招用保安员的名册，不是保安服务公司：无许可证、注册资本和表现得分">
      <Tag color="purple">自招保安单位名册</Tag>
    </Tooltip>
  );
}
