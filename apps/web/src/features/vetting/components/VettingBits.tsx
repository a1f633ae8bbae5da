import { Space, Tag, Tooltip, Typography } from 'antd';
import {
  VettingDecision,
  vettingDecisionLabels,
  VettingReasonCategory,
  vettingReasonCategoryLabels,
} from '@evs/schema';
import { labelOf } from '@/shared/labels';

const decisionColor: Record<VettingDecision, string> = {
  [VettingDecision.PENDING]: 'processing',
  [VettingDecision.PASSED]: 'success',
  [VettingDecision.FAILED]: 'error',
};

export function DecisionTag({ decision, reused }: { decision: `${VettingDecision}` | string; reused?: boolean | null }) {
  return (
    <Space size={4} wrap>
      <Tag color={decisionColor[decision as VettingDecision]}>{labelOf(vettingDecisionLabels, decision as VettingDecision)}</Tag>
      {reused && (
        <Tooltip title="复用期内此前审核通过，且此后本人及直系亲属无新记录">
          <Tag>沿用结论</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function ReasonText({ reason }: { reason?: string | null }) {
  if (!reason) return null;
  const color = reason === VettingReasonCategory.CLEAR ? undefined : 'danger';
  return <Typography.Text type={color}>{labelOf(vettingReasonCategoryLabels, reason as VettingReasonCategory)}</Typography.Text>;
}

/** Pre-check problems, one tag each; a green tag when there are none. */
export function PrecheckTags({ problems }: { problems: readonly { code: string; message: string }[] }) {
  if (problems.length === 0) return <Tag color="success">预审通过</Tag>;
  return (
    <Space size={[4, 4]} wrap>
      {problems.map((p, i) => (
        <Tag key={i} color="warning" style={{ whiteSpace: 'normal' }}>
          {p.message}
        </Tag>
      ))}
    </Space>
  );
}

export const statusWords = {
  reading: '正在读取文件',
  uploading: '正在上传',
  checking: '服务器正在逐行校验',
  done: '完成',
} as const;
