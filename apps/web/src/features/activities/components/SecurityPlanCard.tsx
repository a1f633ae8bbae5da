import { Card, Descriptions, Empty, Typography } from 'antd';
import { hasPlan, PLAN_LABELS, planValue, type ActivityDetail } from '../activityDetail';
import { MultilineText } from '@/shared/MultilineText';

/** 安全工作方案 (条例第六条) as registered, each item with its line breaks; items not filled in say so. */
export function SecurityPlanCard({ plan }: { plan: ActivityDetail['plan'] }) {
  return (
    <Card title="安全工作方案（条例第六条）" variant="borderless">
      {hasPlan(plan) ? (
        <Descriptions
          column={1}
          size="small"
          items={PLAN_LABELS.map(([k, label]) => {
            const v = planValue(plan, k);
            return { key: k, label, children: v == null ? <Typography.Text type="secondary">未填写</Typography.Text> : <MultilineText>{v}</MultilineText> };
          })}
        />
      ) : (
        <Empty description="未填写安全工作方案" />
      )}
    </Card>
  );
}
