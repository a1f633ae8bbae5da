import { Space, Tag, Tooltip, Typography } from 'antd';
import { CompanyStatus, companyStatusLabels } from '@evs/schema';
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

/** Licence expiry with a warning: expired (red), within 60 days (orange). */
export function LicenseExpiry({ expiry, daysLeft }: { expiry: string; daysLeft: number }) {
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
