import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorCode, errorMessage, isTransient } from '@/shared/errors';
import { forgetSession, MeQuery, rememberedSession, rememberSession, SessionProvider } from '@/shared/session';
import { BootLoading, ErrorNotice } from './boot';
import type { MeQuery as MeResult } from '@/gql/graphql';

/**
 * The authenticated part of the route tree: loads `me`, sends anonymous visitors to the login page
 * and users who must change their password to that page first. Without a connection it opens with
 * the user last confirmed on this device, so the on-site screen works in a dead zone. Plain markup:
 * it is also the gate of the on-site screen's light root (`onsiteRoot.tsx`), which renders `children`.
 */
export function SessionGate({ children }: { children?: ReactNode }) {
  const location = useLocation();
  const { data, error, loading, refetch } = useQuery(MeQuery, { fetchPolicy: 'cache-first' });
  const unreachable = !data && isTransient(error);

  useEffect(() => {
    if (data?.me) rememberSession(data.me);
  }, [data?.me]);
  useEffect(() => {
    if (errorCode(error) === 'UNAUTHENTICATED') {
      forgetSession();
    }
  }, [error]);
  // Back online: the server's answer replaces the remembered user.
  useEffect(() => {
    if (!unreachable) return;
    const retry = () => void refetch();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [unreachable, refetch]);

  // Offline: the remembered user, kept while `me` is asked again, until the server answers.
  const [offlineMe, setOfflineMe] = useState<MeResult['me'] | null>(null);
  if (unreachable && !offlineMe) {
    const remembered = rememberedSession();
    if (remembered) setOfflineMe(remembered);
  }
  if (data && offlineMe) setOfflineMe(null);

  const me = data?.me ?? offlineMe;
  if (!me && loading) return <BootLoading />;
  if (!me) {
    if (errorCode(error) === 'UNAUTHENTICATED') {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return <ErrorNotice title="无法加载用户信息" subTitle={errorMessage(error)} action="重试" onAction={() => void refetch()} />;
  }
  const onChangePassword = location.pathname === '/change-password';
  if (me.mustChangePassword && !onChangePassword) return <Navigate to="/change-password" replace />;
  // a role that requires two-factor login enrols before anything else
  if (!me.mustChangePassword && me.mustEnrolTotp && location.pathname !== '/account/two-factor') {
    // Keyed by the location: right after 修改密码 the page's own navigate('/') can land after this
    // redirect, and an element that stays mounted would not redirect again (a blank page).
    return <Navigate key={location.key} to="/account/two-factor" replace />;
  }
  // One shape online and offline, so the page below stays mounted when the connection returns.
  return (
    <SessionProvider me={me}>
      {!data && (
        <div className="offline-banner" role="alert" data-testid="offline-banner">
          无法连接服务器：离线使用，现场检查记录先保存在本机，恢复网络后自动发送
        </div>
      )}
      {children ?? <Outlet />}
    </SessionProvider>
  );
}
