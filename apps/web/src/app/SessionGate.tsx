import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorCode, errorMessage, isTransient } from '@/shared/errors';
import { forgetSession, MeQuery, rememberedSession, SessionProvider } from '@/shared/session';
import { useLogoutPending } from '@/shared/useLogoutPending';
import { BootLoading, ErrorNotice } from './boot';
import type { MeQuery as MeResult } from '@/gql/graphql';

/** How often the session's end is checked while a user is shown (and when the page becomes visible). */
const CHECK_END_MS = 60_000;

/**
 * The authenticated part of the route tree: loads `me`, sends anonymous visitors to the login page
 * and users who must change their password to that page first. Without a connection it opens with
 * the user last confirmed on this device, so the on-site screen works in a dead zone, until the
 * session's end (`shared/deviceCopies.ts`): past it, the remembered user and the on-site copies are
 * gone. While a logout has not reached the server (`shared/pendingLogout.ts`) nobody is signed in:
 * `me` is not asked, and the login page says why. Plain markup: it is also the gate of the on-site
 * screen's light root (`onsiteRoot.tsx`), which renders `children`.
 */
export function SessionGate({ children }: { children?: ReactNode }) {
  const location = useLocation();
  const logoutPending = useLogoutPending();
  const { data, error, loading, refetch } = useQuery(MeQuery, { fetchPolicy: 'cache-first', skip: logoutPending });
  const unreachable = !logoutPending && !data && isTransient(error);

  useEffect(() => {
    if (errorCode(error) === 'UNAUTHENTICATED') {
      forgetSession();
    }
  }, [error]);
  // Offline: the remembered user, kept while `me` is asked again, until the server answers or the
  // session's end passes (then `expired`, until the server answers).
  const [offlineMe, setOfflineMe] = useState<MeResult['me'] | null>(null);
  const [expired, setExpired] = useState(false);
  const reask = useCallback(
    () =>
      void refetch().then(
        (r) => r.data?.me && setExpired(false),
        () => undefined, // shown by the query's error
      ),
    [refetch],
  );
  // Back online: the server's answer replaces the remembered user.
  useEffect(() => {
    if (logoutPending || (!unreachable && !expired)) return;
    window.addEventListener('online', reask);
    return () => window.removeEventListener('online', reask);
  }, [logoutPending, unreachable, expired, reask]);
  if (unreachable && !offlineMe && !expired) {
    const remembered = rememberedSession();
    if (remembered === 'expired') setExpired(true);
    else if (remembered) setOfflineMe(remembered.me);
  }
  if ((data || logoutPending) && offlineMe) setOfflineMe(null);
  // A new answer of the server (after the end passed: a session that lasts longer than the device knew).
  useEffect(() => {
    if (data?.me) setExpired(false);
  }, [data?.me]);

  // The session's end passing while a user is shown (a phone in a dead zone for hours, the tab open or
  // woken from the pocket): the user, the on-site copies and the photos go, and so does what the
  // GraphQL cache holds; `me` is asked again (online, the server's answer decides).
  const client = useApolloClient();
  const shown = !expired && !logoutPending && !!(data?.me ?? offlineMe);
  useEffect(() => {
    if (!shown) return;
    const check = () => {
      if (rememberedSession() !== 'expired') return;
      setExpired(true);
      setOfflineMe(null);
      void client
        .clearStore()
        .catch(() => undefined)
        .then(reask);
    };
    const timer = window.setInterval(check, CHECK_END_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [shown, client, reask]);

  if (logoutPending) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const me = expired ? undefined : (data?.me ?? offlineMe ?? undefined);
  if (!me && loading) return <BootLoading />;
  if (!me) {
    if (errorCode(error) === 'UNAUTHENTICATED') {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    if (expired) {
      return (
        <ErrorNotice
          title="离线使用已到期"
          subTitle="本机保存的登录信息已超过会话期限，已从本机清除（含现场数据和照片）。请恢复网络后重新登录。"
          action="重试"
          onAction={reask}
        />
      );
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
