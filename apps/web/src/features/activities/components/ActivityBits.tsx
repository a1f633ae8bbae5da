import { Alert, Space, Tag, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { activityStatusLabels, ActivityStatus, permitTierLabels, PermitTier } from '@evs/schema';
import { labelOf } from '@/shared/labels';

const statusColors: Record<ActivityStatus, string> = {
  DRAFT: 'default',
  REPORTED: 'gold',
  APPROVED: 'cyan',
  CANDIDATES_RECOMMENDED: 'blue',
  COMPANY_SELECTED: 'geekblue',
  VETTING: 'purple',
  TRAINING: 'magenta',
  READY: 'lime',
  IN_PROGRESS: 'green',
  CLOSED: 'default',
  CANCELLED: 'red',
};

export function ActivityStatusTag({ status }: { status: `${ActivityStatus}` }) {
  return <Tag color={statusColors[status as ActivityStatus]}>{labelOf(activityStatusLabels, status)}</Tag>;
}

export function PermitTierTag({ tier }: { tier: `${PermitTier}` }) {
  const color = tier === 'CITY' ? 'volcano' : tier === 'COUNTY' ? 'orange' : 'default';
  return <Tag color={color}>{labelOf(permitTierLabels, tier)}</Tag>;
}

/** 距开始 N 天, red when close or past. */
export function DaysUntil({ days, status }: { days: number; status: string }) {
  if (status === 'CLOSED' || status === 'CANCELLED') return <Typography.Text type="secondary">—</Typography.Text>;
  if (days < 0) return <Typography.Text type="secondary">已开始</Typography.Text>;
  const type = days <= 5 ? 'danger' : days <= 15 ? 'warning' : undefined;
  return <Typography.Text type={type}>{days === 0 ? '今天' : `${days} 天`}</Typography.Text>;
}

interface Warning {
  code: string;
  message: string;
}

/** A compact icon with the warnings in a tooltip (lists). */
export function WarningsIcon({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Tooltip title={<ul style={{ margin: 0, paddingInlineStart: 16 }}>{warnings.map((w) => <li key={w.code + w.message}>{w.message}</li>)}</ul>}>
      <Tag color="warning" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {warnings.length} 项提示
      </Tag>
    </Tooltip>
  );
}

/** Every warning in full (detail page). */
export function WarningsList({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {warnings.map((w) => (
        <Alert key={w.code + w.message} type={w.code === 'STAGE_LATE' || w.code === 'EVENT_OVERTAKEN' ? 'error' : 'warning'} showIcon title={w.message} />
      ))}
    </Space>
  );
}
