import { Tag, Tooltip } from 'antd';
import { GuardStatus, guardStatusLabels } from '@evs/schema';
import { labelOf } from '@/shared/labels';

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
