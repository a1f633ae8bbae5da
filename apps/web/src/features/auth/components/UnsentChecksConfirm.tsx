import { Button, ConfigProvider, Modal } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import '@/app/antd.css';
import { SIGNED_IN_THEME } from '@/app/theme';
import { unsentWarning } from '../unsentChecks';

/** What the officer chose, asked before a logout with unsent on-site checks. */
export type UnsentChoice = 'sent' | 'logout' | 'cancel';


// The dialog is opened from a hook (the logout of the menu and of the on-site bar, which has no antd
// App around it): antd's static dialogs take the app's locale and theme from here.
ConfigProvider.config({
  holderRender: (children) => (
    <ConfigProvider locale={zhCN} theme={SIGNED_IN_THEME}>
      {children}
    </ConfigProvider>
  ),
});

/**
 * Before a logout while `count` of this account's checks wait on the device: 立即发送 (`send`, then the
 * logout goes on: what could not be sent stays sealed on the device), 仍然退出, or 取消. Loaded when
 * wanted (with antd); the on-site dialogs' chunk carries it too, so it opens in a dead zone.
 */
export function confirmLogoutWithUnsent(count: number, send: () => Promise<unknown>): Promise<UnsentChoice> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (choice: UnsentChoice) => {
      if (settled) return;
      settled = true;
      resolve(choice);
    };
    const online = navigator.onLine;
    const dialog = Modal.confirm({
      title: '退出登录',
      content: (
        <>
          <p data-testid="unsent-warning">{unsentWarning(count)}</p>
          {!online && <p style={{ color: 'rgba(0,0,0,0.45)' }}>当前没有网络连接，暂时无法发送。</p>}
        </>
      ),
      okText: '立即发送',
      okButtonProps: { disabled: !online },
      cancelText: '取消',
      onOk: async () => {
        await send().catch(() => undefined); // what was not sent stays, sealed
        done('sent');
      },
      onCancel: () => done('cancel'),
      footer: (_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          <Button
            danger
            onClick={() => {
              done('logout');
              dialog.destroy();
            }}
          >
            仍然退出
          </Button>
          <OkBtn />
        </>
      ),
    });
  });
}
