import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button, Modal, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { lastActivityAt } from '@/app/apollo';
import { forgetSession } from '@/shared/session';
import { LOGGED_OUT_IDLE } from '../login';
import { CurrentSessionQuery, LogoutMutation } from '@/features/auth/operations';

const WARN_MS = 60_000;

/**
 * The idle timeout as the user sees it: the server ends a session after `idleTimeoutMinutes` without
 * a request (polling does not count). A minute before, this asks whether to stay; at the end it logs
 * out cleanly (session ended on the server, cache and device copies cleared, login page says why).
 */
export function IdleGuard() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const { data, refetch } = useQuery(CurrentSessionQuery, { fetchPolicy: 'network-only' });
  const [logout] = useMutation(LogoutMutation);
  const [left, setLeft] = useState<number | null>(null);
  const idleMs = (data?.currentSession.idleTimeoutMinutes ?? 0) * 60_000;

  const end = useCallback(async () => {
    try {
      await logout();
    } catch {
      /* the server may have ended it already */
    }
    forgetSession();
    sessionStorage.setItem(LOGGED_OUT_IDLE, '1');
    await client.clearStore();
    navigate('/login', { replace: true });
  }, [client, logout, navigate]);

  useEffect(() => {
    if (!idleMs) return;
    const tick = () => {
      const remaining = lastActivityAt() + idleMs - Date.now();
      if (remaining <= 0) {
        setLeft(null);
        void end();
      } else {
        setLeft(remaining <= WARN_MS ? remaining : null);
      }
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [idleMs, end]);

  return (
    <Modal
      open={left !== null}
      title="即将自动退出登录"
      closable={false}
      maskClosable={false}
      footer={[
        <Button key="out" onClick={() => void end()}>
          立即退出
        </Button>,
        <Button key="stay" type="primary" onClick={() => void refetch()}>
          继续使用
        </Button>,
      ]}
    >
      <Typography.Paragraph data-testid="idle-warning">
        您已较长时间未操作，为保护账号安全，系统将在 <strong>{Math.ceil((left ?? 0) / 1000)}</strong> 秒后自动退出登录。
      </Typography.Paragraph>
    </Modal>
  );
}
