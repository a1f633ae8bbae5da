import type { ApolloClient } from '@apollo/client';
import { Button, ConfigProvider, Modal, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@/app/antd.css';
import { SIGNED_IN_THEME } from '@/app/theme';
import { removeQueued, updateQueued } from '@/features/inspections/offlineQueue';
import { useOnline } from '@/features/inspections/hooks/useOutbox';
import { RecordInspectionMutation } from '@/features/inspections/operations';
import { errorCode, errorMessage, isTransient } from '@/shared/errors';
import { inMemoryWarning, unsentChecksOf, unsentWarning, type UnsentChoice } from '../unsentChecks';

function UnsentChecksDialog({ count, inMemory, send, choose }: { count: number; inMemory: number; send: () => Promise<unknown>; choose: (choice: UnsentChoice) => void }) {
  const online = useOnline();
  const [sending, setSending] = useState(false);
  const sendNow = async () => {
    setSending(true);
    await send().catch(() => undefined); // what could not be sent stays on the device; the logout goes on
    choose('sent');
  };
  return (
    <Modal
      open
      title="退出登录"
      // while sending, only the sending ends it: a logout under it would end the session it sends in
      closable={!sending}
      keyboard={!sending}
      mask={{ closable: false }}
      onCancel={() => {
        if (!sending) choose('cancel');
      }}
      footer={[
        <Button key="cancel" disabled={sending} onClick={() => choose('cancel')}>
          取消
        </Button>,
        <Button key="logout" danger disabled={sending} onClick={() => choose('logout')}>
          仍然退出
        </Button>,
        <Button key="send" type="primary" disabled={!online} loading={sending} onClick={() => void sendNow()}>
          立即发送
        </Button>,
      ]}
    >
      <Typography.Paragraph data-testid="unsent-warning">{unsentWarning(count)}</Typography.Paragraph>
      {inMemory > 0 && (
        <Typography.Paragraph type="danger" data-testid="unsent-in-memory">
          {inMemoryWarning(inMemory)}
        </Typography.Paragraph>
      )}
      {!online && (
        <Typography.Paragraph type="secondary" data-testid="unsent-offline">
          当前没有网络连接，暂时无法发送。
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

/**
 * Before a logout while `count` of this account's on-site checks wait on the device (`inMemory` of them
 * only in this page's memory, for want of a key: lost with the logout): 立即发送 (`send`,
 * then the logout goes on), 仍然退出, or 取消. An abort of `signal` (the idle timeout took over) closes
 * it as 取消. Loaded when wanted, with antd (the on-site screen is plain markup until its dialogs).
 *
 * Rendered in a root of its own rather than with antd's static `Modal.confirm`: `useLogout` has no
 * antd App around it on the on-site screen, and this leaves antd's global configuration
 * (`ConfigProvider.config`) untouched for the rest of the app.
 */
export function confirmLogoutWithUnsent(count: number, send: () => Promise<unknown>, signal?: AbortSignal, inMemory = 0): Promise<UnsentChoice> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve('cancel');
      return;
    }
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    let settled = false;
    const choose = (choice: UnsentChoice) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      // gone at once, no closing animation: the page changes next, or the user stays where they were
      root.unmount();
      container.remove();
      if (choice === 'cancel') before?.focus();
      resolve(choice);
    };
    const abort = () => choose('cancel');
    signal?.addEventListener('abort', abort);
    root.render(
      <ConfigProvider locale={zhCN} theme={SIGNED_IN_THEME}>
        <UnsentChecksDialog count={count} inMemory={inMemory} send={send} choose={choose} />
      </ConfigProvider>,
    );
  });
}

/**
 * The dialog's 立即发送: sends `recorderId`'s waiting checks one at a time, as the on-site screen's
 * outbox does (`features/inspections/hooks/useOutbox.ts`): a check leaves the device once the server
 * accepted it (its id is made on the device, so one the screen's own retry sends at the same time is
 * not recorded twice); a refusal marks it, with the server's reason (sealed again under the kept key,
 * and only if still there); a network failure stops. Opened with the key kept on the device (the
 * dialog must work in a dead zone), those kept in memory only (no key) too. Returns
 * how many were sent. Here, in the chunk loaded only when checks wait, rather than with the logout's
 * code: the mutation's document stays out of every signed-in page's code.
 */
export async function sendUnsentChecks(client: ApolloClient, recorderId: string, signal?: AbortSignal): Promise<number> {
  let sent = 0;
  const { items, keyring } = await unsentChecksOf(recorderId);
  for (const item of items) {
    if (signal?.aborted || !navigator.onLine) break;
    try {
      await client.mutate({ mutation: RecordInspectionMutation, variables: { input: item.input }, fetchPolicy: 'no-cache' });
      await removeQueued(item.id);
      sent += 1;
    } catch (e) {
      // Not reached, or the session ended under it (the idle timeout): the check is as good as it
      // was, for the next connection or login. Left as it is: writing it back could bring back one
      // the screen's own retry has just sent and removed.
      if (isTransient(e) || errorCode(e) === 'UNAUTHENTICATED') break;
      // The server answered and refused: keep it, visibly, for the officer to see why.
      await updateQueued({ ...item, attempts: item.attempts + 1, refused: errorMessage(e) }, keyring);
    }
  }
  return sent;
}
