import { ApolloProvider } from '@apollo/client/react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Navigate, Link } from 'react-router';
import { Role } from '@evs/schema';
import { IdleNotice } from '@/features/auth/components/IdleNotice';
import { useLogout } from '@/features/auth/hooks/useLogout';
import { ToastProvider } from '@/features/inspections/components/plain';
import { ONSITE_ROLES, preloadOnsiteFor } from '@/features/inspections/preload';
import InspectionPage from '@/pages/InspectionPage';
import { canAccess } from '@/shared/access';
import { useSession } from '@/shared/session';
import { ServiceWorkerAfterFirstScreen } from '@/shared/serviceWorker';
import { apolloClient } from './apollo';
import { takeEarlyMe } from './earlyMe';
import { onsiteActivityId } from './firstRequests';
import { SessionGate } from './SessionGate';
import './unauthenticated';

/**
 * 现场监管 of one activity, in a root of its own (`router.tsx`): Apollo, the session gate (`me`, the
 * forced steps, the remembered user in a dead zone), the idle timeout, a bar with the way back and
 * the logout, and the screen, all in plain markup. What the signed-in layout adds (antd, the menu,
 * the route registry's icons) is not loaded: on a phone's venue mobile data the screen opens with
 * React, the router and Apollo only. Its dialogs bring antd when they are first wanted.
 */
dayjs.locale('zh-cn');

// The screen's data as soon as the early `me` says who is signed in, while this chunk still downloads.
takeEarlyMe((data) => {
  const activityId = onsiteActivityId(window.location.pathname);
  if (activityId) void preloadOnsiteFor(apolloClient, data, activityId);
});

function OnsiteBar() {
  const me = useSession();
  const { logout, loggingOut } = useLogout();
  const back = me.role === Role.SECURITY_DETACHMENT || me.role === Role.COMPANY ? { to: '/inspections', label: '现场监管列表' } : { to: '/', label: '首页' };
  return (
    <nav className="onsite-bar" aria-label="现场监管">
      <Link to={back.to}>‹ {back.label}</Link>
      <span className="who" data-testid="user-name">{me.displayName}</span>
      <button type="button" className="onsite-link-btn" disabled={loggingOut} onClick={() => void logout()}>退出登录</button>
    </nav>
  );
}

/** The roles the registry admits; everyone else gets the 403 page (of the signed-in part). */
function Guarded() {
  const { role } = useSession();
  if (!canAccess(role, ONSITE_ROLES)) return <Navigate to="/403" replace />;
  return (
    <ToastProvider>
      <IdleNotice />
      <OnsiteBar />
      <main>
        <InspectionPage />
      </main>
      <ServiceWorkerAfterFirstScreen />
    </ToastProvider>
  );
}

export default function OnsiteRoot() {
  return (
    <div className="onsite-root">
      <ApolloProvider client={apolloClient}>
        <SessionGate>
          <Guarded />
        </SessionGate>
      </ApolloProvider>
    </div>
  );
}
