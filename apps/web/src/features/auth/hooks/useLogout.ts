import { useApolloClient } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { endSessionOnServer, markLogoutPending } from '@/shared/pendingLogout';
import { forgetSession } from '@/shared/session';
import { LOGGED_OUT_IDLE } from '../login';

/**
 * Ends the session cleanly: on the server (which may have ended it already), then the device's copies
 * of the user and the GraphQL cache, then the login page (which says why, after the idle timeout).
 * The user always lands on the login page. When the server was not reached, the session (and its
 * httpOnly cookie) is still alive: the logout is marked pending (`shared/pendingLogout.ts`), sent
 * again before any other request and whenever the connection returns, and the login page says so
 * until the server has answered.
 */
export function useLogout(): { logout: (why?: 'idle') => Promise<void>; loggingOut: boolean } {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);
  const logout = useCallback(
    async (why?: 'idle') => {
      setLoggingOut(true);
      try {
        const ended = await endSessionOnServer(); // ended now, or already (the idle timeout)
        if (!ended) markLogoutPending();
        forgetSession();
        if (why === 'idle') sessionStorage.setItem(LOGGED_OUT_IDLE, '1');
        await client.clearStore().catch(() => undefined); // a query still on its way is dropped with the cache
        navigate('/login', { replace: true });
      } finally {
        setLoggingOut(false);
      }
    },
    [client, navigate],
  );
  return { logout, loggingOut };
}
