import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { forgetSession } from '@/shared/session';
import { LOGGED_OUT_IDLE } from '../login';
import { LogoutMutation } from '@/features/auth/operations';

/**
 * Ends the session cleanly: on the server (which may have ended it already), then the device's copies
 * of the user and the GraphQL cache, then the login page (which says why, after the idle timeout).
 * The user always lands on the login page, whatever the server or the cache answered.
 */
export function useLogout(): { logout: (why?: 'idle') => Promise<void>; loggingOut: boolean } {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [endSession, state] = useMutation(LogoutMutation);
  const logout = useCallback(
    async (why?: 'idle') => {
      await endSession().catch(() => undefined); // the server may have ended it already
      forgetSession();
      if (why === 'idle') sessionStorage.setItem(LOGGED_OUT_IDLE, '1');
      await client.clearStore().catch(() => undefined); // a query still on its way is dropped with the cache
      navigate('/login', { replace: true });
    },
    [client, endSession, navigate],
  );
  return { logout, loggingOut: state.loading };
}
