import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { MarkNotificationsReadMutation, notificationQueries, NotificationsQuery } from '@/features/notifications/operations';
import { ListScaffold } from '@/shared/ListScaffold';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime } from '@/shared/format';
import { MultilineText } from '@/shared/MultilineText';

export default function NotificationsPage() {
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const { data, loading, error } = useQuery(NotificationsQuery, { variables: { unreadOnly, page: { page, pageSize: 20 } } });
  const [markRead, { loading: marking }] = useMutation(MarkNotificationsReadMutation, { refetchQueries: notificationQueries });

  return (
    <PageContainer
      extra={
        <>
          <Button disabled={selected.length === 0} loading={marking} onClick={() => void markRead({ variables: { ids: selected } }).then(() => setSelected([]))}>
            标为已读
          </Button>
          <Button onClick={() => void markRead({ variables: { ids: [] } })}>全部标为已读</Button>
        </>
      }
    >
      <Card variant="borderless">
        <ListScaffold
          label="通知"
          rowKey="id"
          rowName={(n) => n.title}
          loading={loading}
          error={error}
          scrollX={720}
          empty="暂无通知"
          dataSource={data?.notifications.items ?? []}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          pagination={{ current: page, pageSize: 20, total: data?.notifications.total ?? 0, onChange: setPage, unit: '条' }}
          filters={
            <Segmented
              aria-label="范围"
              value={unreadOnly ? 'unread' : 'all'}
              options={[
                { label: '全部', value: 'all' },
                { label: '未读', value: 'unread' },
              ]}
              onChange={(v) => {
                setUnreadOnly(v === 'unread');
                setPage(1);
              }}
            />
          }
          columns={[
            {
              title: '标题',
              dataIndex: 'title',
              width: 240,
              card: 'title',
              render: (t: string, n) => <Badge dot={!n.readAt} offset={[6, 0]}><Typography.Text strong={!n.readAt}>{t}</Typography.Text></Badge>,
            },
            { title: '内容', dataIndex: 'body', render: (v: string) => <MultilineText>{v}</MultilineText> },
            { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
            {
              title: '操作',
              key: 'action',
              width: 90,
              card: 'action',
              actions: (n) => [
                !!n.link && {
                  key: 'open',
                  label: '查看',
                  type: 'link',
                  onClick: () => {
                    if (!n.readAt) void markRead({ variables: { ids: [n.id] } });
                    navigate(n.link!);
                  },
                },
              ],
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
