import { Card, Progress, Space, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { ScoreWeightsFragment } from '@/gql/graphql';

/** The score's weights and rules, visible to everyone who sees a score (SPEC §1, §4). */
export function WeightsCard({ weights, extra }: { weights: ScoreWeightsFragment[]; extra?: React.ReactNode }) {
  return (
    <Card size="small" variant="borderless" title="评分规则：得分 = Σ 权重占比 × 该项归一化分（0–100）" extra={extra} styles={{ title: { whiteSpace: "normal" } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))', gap: 12 }}>
        {weights.map((w) => (
          <Space key={w.key} orientation="vertical" size={0}>
            <Space size={4}>
              <Typography.Text strong>{w.label}</Typography.Text>
              <Tooltip title={w.rule}>
                <QuestionCircleOutlined style={{ color: '#999' }} />
              </Tooltip>
            </Space>
            <Progress aria-label={`${w.label}权重`} percent={Math.round(w.share * 100)} size="small" format={(p) => `${p}%`} />
          </Space>
        ))}
      </div>
    </Card>
  );
}
