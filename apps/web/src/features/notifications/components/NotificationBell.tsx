import { BellOutlined } from '@ant-design/icons';
import { Badge, Popover, Spin } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useUnreadNotificationCount } from '../hooks/useNotifications';

const NotificationPanel = lazy(() => import('./NotificationPanel'));

/** Focuses the panel's first notice, else its first button. */
export function focusFirstIn(panel: HTMLElement | null): void {
  panel?.querySelector<HTMLElement>('[role="button"], button:not([disabled])')?.focus();
}

/** Whether the focus is nowhere (the page itself) or inside the given, now hidden, element. */
function focusLost(panel: HTMLElement | null): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || (panel?.contains(active) ?? false);
}

/** The header bell: unread count (polled); opening it shows the latest notices (NotificationPanel). */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false); // the panel's chunk loads on the first opening
  if (open && !opened) setOpened(true);
  const bellRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // whether it is open now: the end of an opening animation can come after a quick Escape
  const openNow = useRef(false);
  useEffect(() => {
    openNow.current = open;
  }, [open]);
  const unread = useUnreadNotificationCount();
  // Escape closes the panel and gives the focus back to the bell.
  const close = () => {
    setOpen(false);
    bellRef.current?.focus();
  };

  return (
    <Popover
      content={
        opened && (
          <div ref={panelRef} style={{ width: 'min(340px, calc(100vw - 32px))' }}>
            <Suspense fallback={<Spin style={{ display: 'block', padding: 24 }} />}>
              <NotificationPanel open={open} unread={unread} onClose={() => setOpen(false)} onEscape={close} />
            </Suspense>
          </div>
        )
      }
      title="站内通知"
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      // keyboard: once open, the focus goes into the panel; once closed (Escape, a click outside, a
      // notice opened), a focus left in the hidden panel or dropped on the page goes back to the bell
      afterOpenChange={(isOpen) => {
        if (isOpen) {
          if (openNow.current) focusFirstIn(panelRef.current);
        } else if (!openNow.current && focusLost(panelRef.current)) {
          bellRef.current?.focus();
        }
      }}
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
