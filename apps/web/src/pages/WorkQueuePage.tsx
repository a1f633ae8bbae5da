import { useQuery } from '@apollo/client/react';
import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { districtLabels } from '@evs/schema';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { WorkQueueQuery } from '@/features/deadlines/operations';
import { labelOf } from '@/shared/labels';
import { ListScaffold } from '@/shared/ListScaffold';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime } from '@/shared/format';

/** 保安管理支队's work queue: what waits on it, ordered by the deadline of each step. */
export default function WorkQueuePage() {
  const { data, loading, error } = useQuery(WorkQueueQuery, { variables: { page: { pageSize: 200 } } });
  const items = data?.workQueue.items ?? [];
  const late = items.filter((i) => i.late).length;
  return (
    <PageContainer subTitle={data ? `共 ${data.workQueue.total} 项${late ? `，逾期 ${late} 项` : ''}` : undefined}>
      <Card variant="borderless">
        <ListScaffold
          label="待办事项"
          rowKey={(r) => `${r.activityId}-${r.task}`}
          rowName={(r) => `${r.task} ${r.activityName}`}
          loading={loading && !data}
          error={error}
          dataSource={items}
          pagination={false}
          scrollX={900}
          empty="没有待办事项"
          rowClassName={(r) => (r.late ? 'row-late' : '')}
          columns={[
            {
              title: '截止',
              dataIndex: 'dueOn',
              width: 150,
              render: (v: string, r) => (
                <>
                  <div>{v}</div>
                  {r.late ? <Tag color="error">已逾期 {-r.daysLeft} 天</Tag> : <Tag color={r.daysLeft <= 2 ? 'warning' : 'default'}>剩 {r.daysLeft} 天</Tag>}
                </>
              ),
            },
            { title: '待办', dataIndex: 'task', width: 150, card: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            {
              title: '活动',
              dataIndex: 'activityName',
              render: (v: string, r) => (
                <>
                  <Link to={`/activities/${r.activityId}`}>{v}</Link>
                  <div><Typography.Text type="secondary">{r.activityCode} · {labelOf(districtLabels, r.district)} · {formatDateTime(r.startsAt)} 开始（{r.daysUntilStart > 0 ? `${r.daysUntilStart}天后` : r.daysUntilStart === 0 ? '今天' : '已开始'}）</Typography.Text></div>
                </>
              ),
            },
            { title: '阶段', dataIndex: 'status', width: 110, render: (v) => <ActivityStatusTag status={v} /> },
            { title: '进度', dataIndex: 'detail' },
            { title: '', key: 'link', width: 90, card: 'action', actions: (r) => [{ key: 'open', label: '处理', type: 'primary', to: r.link }] },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
