import { useQuery } from '@apollo/client/react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { activateByKey } from '@/shared/activate';
import { formatDateTime } from '@/shared/format';
import { useNotificationActions, useUnreadNotificationCount } from '../hooks/useNotifications';
import { NotificationsQuery } from '../operations';

/** The header bell: unread count (polled), the latest notices, mark-as-read. */
export function NotificationBell() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const bellRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const unread = useUnreadNotificationCount();
  const { data, loading } = useQuery(NotificationsQuery, {
    variables: { unreadOnly: false, page: { page: 1, pageSize: 8 } },
    skip: !open,
    fetchPolicy: 'network-only',
  });
  const { openNotice: openAndGo, markAllRead } = useNotificationActions();
  const items = data?.notifications.items ?? [];

  // Keyboard: the opened panel takes the focus (its first notice, else its first button); Escape
  // closes it and gives the focus back to the bell.
  useEffect(() => {
    if (!open || (loading && !data)) return;
    const t = window.setTimeout(() => {
      panelRef.current?.querySelector<HTMLElement>('[role="button"], button:not([disabled])')?.focus();
    }, 0);
    return () => window.clearTimeout(t);
  }, [open, loading, data]);
  const openNotice = (n: { id: string; readAt?: unknown; link?: string | null }) => openAndGo(n, () => setOpen(false));
  const close = () => {
    setOpen(false);
    bellRef.current?.focus();
  };

  const content = (
    <div
      ref={panelRef}
      style={{ width: 'min(340px, calc(100vw - 32px))' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <List
        loading={loading && !data}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" /> }}
        style={{ maxHeight: 400, overflowY: 'auto' }}
        renderItem={(n) => (
          <List.Item
            className={`notification-item${n.readAt ? '' : ' unread'}`}
            onClick={() => openNotice(n)}
          >
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
            setOpen(false);
            navigate('/notifications');
          }}
        >
          查看全部
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover
      content={content}
      title="站内通知"
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      <button
        type="button"
        ref={bellRef}
        className="header-action"
        aria-label={`站内通知，${unread} 条未读`}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="notification-bell"
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </button>
    </Popover>
  );
}
