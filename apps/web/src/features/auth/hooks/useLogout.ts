import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { countUnsent } from '@/features/inspections/offlineQueue';
import { askOutboxKeyWithFetch, importOutboxKey, outboxKeyOf } from '@/features/inspections/outboxKey';
import { keptOutboxKey, rememberedUserId } from '@/shared/deviceCopies';
import { endSessionOnServer, markLogoutPending } from '@/shared/pendingLogout';
import { forgetSession } from '@/shared/session';
import type { UnsentChoice } from '../components/UnsentChecksConfirm';
import { LOGGED_OUT_IDLE } from '../login';
import { loadFreshPage } from '../loadPage';
import { unsentWarning } from '../unsentChecks';

/**
 * Ends the session cleanly: on the server (which may have ended it already), then the device's copies
 * of the user and the GraphQL cache, then the login page (which says why, after the idle timeout).
 * The user always lands on the login page: as a new document once the server has ended the session
 * (nothing of the last user's page stays in the DOM or in memory: review 11-B F5); when the server was
 * not reached, inside the app (a new document could not load without a connection, and the login page
 * must say that the logout waits): the session (and its httpOnly cookie) is still alive, the logout is
 * marked pending (`shared/pendingLogout.ts`), sent again before any other request and whenever the
 * connection returns, and the login page says so until the server has answered.
 *
 * A logout the user asked for, while their on-site checks wait on the device, first says so (review
 * 11-B F1): 立即发送, 仍然退出 (they stay, sealed under the officer's key, for their next login) or 取消.
 * The idle timeout asks nothing (nobody is there): they stay the same way.
 */
export function useLogout(): { logout: (why?: 'idle') => Promise<void>; loggingOut: boolean } {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);
  const asking = useRef(false);
  const logout = useCallback(
    async (why?: 'idle') => {
      if (why !== 'idle') {
        if (asking.current) return; // the warning is open already
        asking.current = true;
        try {
          if ((await askAboutUnsentChecks(client)) === 'cancel') return;
        } finally {
          asking.current = false;
        }
      }
      setLoggingOut(true);
      try {
        const ended = await endSessionOnServer(); // ended now, or already (the idle timeout)
        if (!ended) markLogoutPending();
        forgetSession();
        if (why === 'idle') sessionStorage.setItem(LOGGED_OUT_IDLE, '1');
        await client.clearStore().catch(() => undefined); // a query still on its way is dropped with the cache
        if (ended) loadFreshPage('/login');
        else navigate('/login', { replace: true });
      } finally {
        setLoggingOut(false);
      }
    },
    [client, navigate],
  );
  return { logout, loggingOut };
}

/**
 * When this account's checks wait on the device: the warning, and what the user chose (after 立即发送,
 * once the sending is over). Nothing waiting (or no IndexedDB): `'logout'` at once.
 */
async function askAboutUnsentChecks(client: ApolloClient): Promise<UnsentChoice> {
  const kept = keptOutboxKey();
  const userId = kept?.userId ?? rememberedUserId();
  if (!userId) return 'logout';
  const key = kept ? await importOutboxKey(kept.key).catch(() => null) : null;
  let count: number;
  try {
    count = await countUnsent(userId, key);
  } catch {
    return 'logout'; // no IndexedDB: nothing can have been kept
  }
  if (count === 0) return 'logout';
  const send = async () => {
    const { sendQueued } = await import('@/features/inspections/sendQueued');
    await sendQueued(client, userId, key ?? (await outboxKeyOf(userId, askOutboxKeyWithFetch)));
  };
  try {
    const { confirmLogoutWithUnsent } = await import('../components/UnsentChecksConfirm');
    return await confirmLogoutWithUnsent(count, send);
  } catch {
    // the dialog's code could not be loaded (no connection, not kept by the service worker): the browser's own
    return window.confirm(`${unsentWarning(count)}\n\n确定仍然退出？`) ? 'logout' : 'cancel';
  }
}
