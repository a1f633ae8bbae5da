import { useQuery } from '@apollo/client/react';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { activityStatusLabels } from '@evs/schema';
import { VettingActivitiesQuery } from '@/features/vetting/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { formatDate } from '@/shared/format';

/** The activities whose 审核通报 this user may read (company: selected ones; organizer: its own). */
export default function VettingNoticesPage() {
  const { data, loading, error } = useQuery(VettingActivitiesQuery, {
    variables: { statuses: ['VETTING', 'TRAINING', 'READY', 'IN_PROGRESS', 'CLOSED'] as never, page: { page: 1, pageSize: 100 } },
  });
  const items = data?.vettingActivities.items ?? [];
  return (
    <PageContainer subTitle="背景审核结果通报；可打印或下载 Excel">
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Card>
        <List
          loading={loading}
          dataSource={items}
          locale={{ emptyText: <Empty description="暂无审核通报" /> }}
          renderItem={(a) => (
            <List.Item actions={[<Link key="n" to={`/vetting/notice/${a.id}`}>查看通报</Link>]}>
              <List.Item.Meta
                title={<Link to={`/vetting/notice/${a.id}`}>{a.name}</Link>}
                description={
                  <Space wrap size={[8, 4]}>
                    <Tag color={a.status === 'VETTING' ? 'processing' : 'success'}>{a.status === 'VETTING' ? '审核中' : `审核已结束 · ${labelOf(activityStatusLabels, a.status)}`}</Tag>
                    <span>{formatDate(a.startsAt)}</span>
                    <Typography.Text type="secondary">
                      名单{a.counts.total}人，通过{a.counts.passed}人{a.tier === 'ORGANIZER' ? '' : `，不通过${a.counts.failed}人`}，所需{a.guardsRequired}人
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </PageContainer>
  );
}
