import { Space, Tag, Typography } from 'antd';

interface Stage {
  stage: string;
  label: string;
  dueOn: string;
  daysLeft: number;
  done: boolean;
  late: boolean;
}

/** Each stage's deadline: done, late (red), or days left. */
export function DeadlineTags({ stages, daysUntilStart }: { stages: Stage[]; daysUntilStart: number }) {
  return (
    <Space direction="vertical" size={6}>
      <Typography.Text>{daysUntilStart > 0 ? `距开始 ${daysUntilStart} 天` : daysUntilStart === 0 ? '今天开始' : `已开始 ${-daysUntilStart} 天`}</Typography.Text>
      {stages.map((s) => (
        <span key={s.stage}>
          <Tag color={s.done ? 'success' : s.late ? 'error' : s.daysLeft <= 2 ? 'warning' : 'default'}>
            {s.label}
          </Tag>
          <Typography.Text type={s.late ? 'danger' : 'secondary'}>
            {s.done ? '已完成' : s.late ? `已逾期 ${-s.daysLeft} 天` : `剩 ${s.daysLeft} 天`}（截止 {s.dueOn}）
          </Typography.Text>
        </span>
      ))}
    </Space>
  );
}
