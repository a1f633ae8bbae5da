import { Card, Descriptions, Progress, Typography } from 'antd';
import { onDutyPercent } from '../training';

/** 在岗名单: how many cleared guards passed all three subjects, against the number required. */
export function OnDutyCard({ training: t }: { training: { clearedCount: number; onDutyCount: number; guardsRequired: number } }) {
  return (
    <Card title="在岗名单" variant="borderless">
      <Progress aria-label="已上岗人数" type="dashboard" percent={onDutyPercent(t)} format={() => <span data-testid="on-duty">{`${t.onDutyCount}/${t.guardsRequired}`}</span>} />
      <Descriptions
        column={1}
        size="small"
        items={[
          { label: '已通过审核', children: `${t.clearedCount} 人` },
          { label: '三科合格（在岗名单）', children: `${t.onDutyCount} 人` },
          { label: '所需保安员', children: `${t.guardsRequired} 人` },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        在岗名单 = 审核通过 ∧ 法律法规、基本勤务技能、突发情况处置三个科目均考核合格（可在一次或多次培训中完成）；达到所需人数时活动自动转为“待上岗”。
        培训安排在批示之后、活动开始之前；开始前可修改或取消，开始后方可登记结果。
      </Typography.Paragraph>
    </Card>
  );
}
