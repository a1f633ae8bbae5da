import { useQuery } from '@apollo/client/react';
import { RightOutlined } from '@ant-design/icons';
import { Empty, Flex, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { activityStatusLabels, districtLabels } from '@evs/schema';
import { WorkQueueQuery } from '@/features/deadlines/operations';
import { activateByKey } from '@/shared/activate';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { labelOf } from '@/shared/labels';
import { HomeSection as Section } from './HomeSection';

/** 保安管理支队: the deadlines module's work queue, soonest deadline first. */
export function DetachmentQueue() {
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(WorkQueueQuery, { variables: { page: { page: 1, pageSize: 8 } } });
  const queue = data?.workQueue;
  return (
    <Section
      testId="home-queue"
      title="工作队列（按截止时间）"
      extra={<Typography.Link onClick={() => navigate('/queue')}>全部 {queue?.total ?? ''}</Typography.Link>}
    >
      {error && <ErrorAlert error={error} />}
      <List
        loading={loading && !queue}
        dataSource={queue?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有等待保安管理支队处理的事项" /> }}
        renderItem={(w) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(w.link)} data-testid="home-queue-item" extra={<RightOutlined style={{ color: '#bfbfbf' }} />}>
            <div className="list-item-action" {...activateByKey(() => navigate(w.link))}>
            <List.Item.Meta
              title={
                <Flex wrap gap={6} align="center">
                  <Typography.Text strong>{w.task}</Typography.Text>
                  {w.late ? <Tag color="orange">已逾期 {-w.daysLeft} 天</Tag> : <Tag>{w.daysLeft === 0 ? '今天截止' : `${w.daysLeft} 天后截止`}</Tag>}
                </Flex>
              }
              description={
                <Flex vertical gap={2}>
                  <span>{w.activityName}（{labelOf(activityStatusLabels, w.status)}）</span>
                  <span className="home-activity-meta">
                    截止 {w.dueOn} · {labelOf(districtLabels, w.district)} · {w.detail}
                  </span>
                </Flex>
              }
            />
            </div>
          </List.Item>
        )}
      />
    </Section>
  );
}
