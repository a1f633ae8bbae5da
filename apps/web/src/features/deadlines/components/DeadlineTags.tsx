import { Space, Tag, Typography } from 'antd';

interface Stage {
  stage: string;
  label: string;
  dueOn: string;
  daysLeft: number;
  done: boolean;
  late: boolean;
  rule?: string | null;
  responsibleUnitName?: string | null;
}

/** Each stage's deadline with its responsible unit: done, late (red), or days left. */
export function DeadlineTags({ stages, daysUntilStart }: { stages: Stage[]; daysUntilStart: number }) {
  return (
    <Space direction="vertical" size={6} data-testid="deadline-tags">
      <Typography.Text>{daysUntilStart > 0 ? `距开始 ${daysUntilStart} 天` : daysUntilStart === 0 ? '今天开始' : `已开始 ${-daysUntilStart} 天`}</Typography.Text>
      {stages.map((s) => (
        <span key={s.stage} data-testid={`deadline-${s.stage}`}>
          <Tag color={s.done ? 'success' : s.late ? 'error' : s.daysLeft <= 2 ? 'warning' : 'default'}>
            {s.label}
          </Tag>
          <Typography.Text type={s.late ? 'danger' : 'secondary'}>
            {s.done ? '已完成' : s.late ? `已逾期 ${-s.daysLeft} 天` : `剩 ${s.daysLeft} 天`}（截止 {s.dueOn}{s.rule ? `，${s.rule}` : ''}）
          </Typography.Text>
          {s.responsibleUnitName && <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {s.responsibleUnitName}</Typography.Text>}
        </span>
      ))}
    </Space>
  );
}
