import { Card, Descriptions } from 'antd';
import { permitTierLabels } from '@evs/schema';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';
import type { ActivityDetail } from '../activityDetail';
import { MultilineText } from '@/shared/MultilineText';

/** 请示与批示: each request of the 保安管理支队 (newest first) and the leader's answer. */
export function InstructionRequestsCard({ requests }: { requests: ActivityDetail['instructionRequests'] }) {
  if (requests.length === 0) return null;
  return (
    <Card title="请示与批示" variant="borderless" data-testid="instruction-requests">
      {[...requests].reverse().map((r) => (
        <Descriptions
          key={r.id}
          size="small"
          column={{ xs: 1, sm: 2 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'by', label: '请示', children: `${r.requestedByName}，${formatDateTime(r.requestedAt)}` },
            { key: 'tier', label: '许可层级', children: labelOf(permitTierLabels, r.assessment.permitTier) },
            { key: 'scale', label: '规模研判', children: <MultilineText>{r.assessment.scale}</MultilineText>, span: 2 },
            { key: 'staffing', label: '人员配备', children: <MultilineText>{`${r.assessment.staffing}（所需${r.assessment.guardsRequired}人，建议${r.assessment.suggestedGuards}人）`}</MultilineText>, span: 2 },
            { key: 'n', label: '拟推荐', children: `${r.assessment.proposedCandidates} 家候选公司` },
            ...(r.assessment.opinion ? [{ key: 'op', label: '其他意见', children: <MultilineText>{r.assessment.opinion}</MultilineText> }] : []),
            {
              key: 'answer',
              label: '批示',
              span: 2,
              children: r.answeredAt ? <MultilineText>{`${r.approved ? '同意' : '退回'}：${r.answer}（${r.answeredByName}，${formatDateTime(r.answeredAt)}）`}</MultilineText> : '待领导批示',
            },
          ]}
        />
      ))}
    </Card>
  );
}
