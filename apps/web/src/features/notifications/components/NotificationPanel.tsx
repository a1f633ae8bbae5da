import { useQuery } from '@apollo/client/react';
import { Button, Empty, Flex, List, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { activateByKey } from '@/shared/activate';
import { formatDateTime } from '@/shared/format';
import { useNotificationActions } from '../hooks/useNotifications';
import { NotificationsQuery } from '../operations';
import { focusFirstIn } from './NotificationBell';

/**
 * The bell's panel: the latest notices, mark-as-read, the link to all. Its own chunk (a list with
 * paging), loaded when the bell is first opened rather than with every page.
 */
export default function NotificationPanel({ open, unread, onClose, onEscape }: { open: boolean; unread: number; onClose: () => void; onEscape: () => void }) {
  const navigate = useNavigate();
  const panelRef = useRef<HTMLDivElement>(null);
  const { data, loading } = useQuery(NotificationsQuery, {
    variables: { unreadOnly: false, page: { page: 1, pageSize: 8 } },
    skip: !open,
    fetchPolicy: 'network-only',
  });
  const { openNotice: openAndGo, markAllRead } = useNotificationActions();
  const items = data?.notifications.items ?? [];

  // Keyboard: the opened panel takes the focus once its notices are in (the bell also moves it there
  // when the popover has finished opening, `focusFirstIn`).
  useEffect(() => {
    if (!open || (loading && !data)) return;
    const t = window.setTimeout(() => focusFirstIn(panelRef.current), 0);
    return () => window.clearTimeout(t);
  }, [open, loading, data]);
  const openNotice = (n: { id: string; readAt?: unknown; link?: string | null }) => openAndGo(n, onClose);

  return (
    <div
      ref={panelRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onEscape();
      }}
    >
      <List
        loading={loading && !data}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" /> }}
        style={{ maxHeight: 400, overflowY: 'auto' }}
        renderItem={(n) => (
          <List.Item className={`notification-item${n.readAt ? '' : ' unread'}`} onClick={() => openNotice(n)}>
            <div className="list-item-action" {...activateByKey(() => openNotice(n))}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 2 }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </div>
          </List.Item>
        )}
      />
      <Flex justify="space-between" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Button type="link" size="small" disabled={unread === 0} onClick={markAllRead}>
          全部标为已读
        </Button>
        <Button
          type="link"
          size="small"
          onClick={() => {
            onClose();
            navigate('/notifications');
          }}
        >
          查看全部
        </Button>
      </Flex>
    </div>
  );
}
