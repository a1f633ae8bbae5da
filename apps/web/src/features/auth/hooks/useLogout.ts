import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { forgetMemoryChecks } from '@/features/inspections/offlineQueue';
import { forgetOutboxKeys } from '@/shared/deviceCopies';
import { endSessionOnServer, markLogoutPending } from '@/shared/pendingLogout';
import { forgetSession, useSession } from '@/shared/session';
import { LOGGED_OUT_IDLE } from '../login';
import { loadFreshPage } from '../loadPage';
import { inMemoryWarning, unsentChecksOf, unsentWarning, type UnsentChoice } from '../unsentChecks';

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
 * A logout the user asked for, while on-site checks they recorded wait on the device, first says so
 * (review 11-B F1): 立即发送, 仍然退出 (the checks stay, for their next login) or 取消. The idle timeout
 * asks nothing (nobody is there); the checks stay the same way.
 */
export function useLogout(): { logout: (why?: 'idle') => Promise<void>; loggingOut: boolean } {
  const client = useApolloClient();
  const navigate = useNavigate();
  const { id: userId } = useSession();
  const [loggingOut, setLoggingOut] = useState(false);
  /** The warning being asked, if any: a second click meanwhile does nothing; the idle timeout closes it. */
  const asking = useRef<AbortController | null>(null);
  const logout = useCallback(
    async (why?: 'idle') => {
      if (why === 'idle') {
        asking.current?.abort(); // a warning nobody answered: the idle logout goes on without it
      } else {
        if (asking.current) return;
        const ask = new AbortController();
        asking.current = ask;
        try {
          const choice = await askAboutUnsentChecks(client, userId, ask.signal);
          if (choice === 'cancel' || ask.signal.aborted) return;
        } finally {
          asking.current = null;
        }
      }
      setLoggingOut(true);
      try {
        const ended = await endSessionOnServer(); // ended now, or already (the idle timeout)
        if (!ended) markLogoutPending();
        forgetSession();
        // the outbox's key too, before the page goes (an IndexedDB write left running may be cut off):
        // the checks it sealed stay, for this account's next login on this device
        await forgetOutboxKeys();
        forgetMemoryChecks(); // checks kept in this page only (no key): gone with the session, as the warning said
        if (why === 'idle') sessionStorage.setItem(LOGGED_OUT_IDLE, '1');
        await client.clearStore().catch(() => undefined); // a query still on its way is dropped with the cache
        if (ended) loadFreshPage('/login');
        else navigate('/login', { replace: true });
      } finally {
        setLoggingOut(false);
      }
    },
    [client, navigate, userId],
  );
  return { logout, loggingOut };
}

/**
 * When checks `userId` recorded wait on the device: the warning, and what the user chose (after
 * 立即发送, once the sending is over). Nothing waiting, or no IndexedDB to read: `'logout'` at once.
 */
async function askAboutUnsentChecks(client: ApolloClient, userId: string, signal: AbortSignal): Promise<UnsentChoice> {
  let count: number;
  let inMemory: number;
  try {
    ({ count, inMemory } = await unsentChecksOf(userId));
  } catch {
    return 'logout'; // no IndexedDB: nothing can have been kept
  }
  if (count === 0) return 'logout';
  const dialog = await import('../components/UnsentChecksConfirm')
    .then((m) => ({ confirm: m.confirmLogoutWithUnsent, send: m.sendUnsentChecks }))
    .catch(() => null);
  if (!dialog) {
    // the dialog's code could not be loaded (no connection, not kept by the service worker): the browser's own
    const lost = inMemory > 0 ? `\n${inMemoryWarning(inMemory)}` : '';
    return window.confirm(`${unsentWarning(count)}${lost}\n\n仍然退出吗？`) ? 'logout' : 'cancel';
  }
  return dialog.confirm(count, () => dialog.send(client, userId, signal), signal, inMemory);
}
