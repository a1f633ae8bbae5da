import { useQuery } from '@apollo/client/react';
import { Button, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorCode, errorMessage } from '@/shared/errors';
import { MeQuery, SessionProvider } from '@/shared/session';
import { PageLoading } from '@/shared/PageLoading';

/**
 * The authenticated part of the route tree: loads `me`, sends anonymous visitors to the login page
 * and users who must change their password to that page first.
 */
export function SessionGate() {
  const location = useLocation();
  const { data, error, loading, refetch } = useQuery(MeQuery, { fetchPolicy: 'cache-first' });

  if (!data && loading) return <PageLoading fullscreen />;
  if (!data) {
    if (errorCode(error) === 'UNAUTHENTICATED') {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return (
      <Result
        status="500"
        title="无法加载用户信息"
        subTitle={errorMessage(error)}
        extra={<Button type="primary" onClick={() => void refetch()}>重试</Button>}
      />
    );
  }
  const onChangePassword = location.pathname === '/change-password';
  if (data.me.mustChangePassword && !onChangePassword) return <Navigate to="/change-password" replace />;
  return (
    <SessionProvider me={data.me}>
      <Outlet />
    </SessionProvider>
  );
}
