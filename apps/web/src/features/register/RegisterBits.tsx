import { Space, Tag, Tooltip, Typography } from 'antd';
import { CompanyStatus, companyStatusLabels, GuardStatus, guardStatusLabels } from '@evs/schema';
import { labelOf } from '@/shared/labels';

const statusColor: Record<CompanyStatus, string> = {
  [CompanyStatus.ACTIVE]: 'green',
  [CompanyStatus.SUSPENDED]: 'orange',
  [CompanyStatus.REVOKED]: 'red',
};

export function CompanyStatusTag({ status, reason }: { status: string; reason?: string | null }) {
  const tag = <Tag color={statusColor[status as CompanyStatus]}>{labelOf(companyStatusLabels, status as CompanyStatus)}</Tag>;
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
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

export function GuardStatusTag({ status, leftOn }: { status: string; leftOn?: string | null }) {
  return status === GuardStatus.ACTIVE ? (
    <Tag color="green">{guardStatusLabels[GuardStatus.ACTIVE]}</Tag>
  ) : (
    <Tag>{labelOf(guardStatusLabels, status as GuardStatus)}{leftOn ? ` ${leftOn}` : ''}</Tag>
  );
}

export function EligibilityTag({ problems }: { problems: { code: string; message: string }[] }) {
  if (problems.length === 0) return <Tag color="green">符合上岗条件</Tag>;
  return (
    <Tooltip title={<div>{problems.map((p) => <div key={p.code}>{p.message}</div>)}</div>}>
      <Tag color="orange">不符合（{problems.length}项）</Tag>
    </Tooltip>
  );
}

export function Muted({ children }: { children: React.ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
