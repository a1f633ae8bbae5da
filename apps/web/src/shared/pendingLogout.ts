import { fetchNotingServerTime } from './clock';
import { forgetDeviceCopies, LOGOUT_PENDING } from './deviceCopies';

/**
 * A logout the server has not heard yet. The session cookie is httpOnly and persistent: only the
 * server's answer to `logout` removes it, so a logout pressed without a connection leaves the session
 * alive, and the next person to open the app once online would be signed in as the previous officer.
 * The mark (with its time) is kept in localStorage outside the `evs.` prefix that
 * `forgetDeviceCopies` clears; while it is there the device shows nothing signed-in, every GraphQL
 * request first sends the logout ({@link fetchGraphQL}), and so do every start, the `online` event and
 * a retry every half minute. It goes when the server answers the logout (ended, or no session to end).
 * No React and no GraphQL client here: the entry sends the logout before the early `me`
 * (`app/firstRequests.ts`).
 */
export { LOGOUT_PENDING };

/** What the officer is told when the logout did not reach the server (the login page shows it while it waits). */
export const LOGOUT_PENDING_NOTICE = '未能连接服务器：退出尚未在服务器上完成，恢复网络后将自动完成；在此之前请勿将手机交给他人';

/** Fired on the window when the mark is set or removed in this tab (another tab's change fires `storage`). */
const CHANGED = 'evs-logout-pending-change';

/** When the logout was pressed, if it has not reached the server yet. */
export function logoutPendingSince(): string | null {
  try {
    const raw = localStorage.getItem(LOGOUT_PENDING);
    if (raw === null) return null;
    try {
      const since = (JSON.parse(raw) as { since?: unknown } | null)?.since;
      return typeof since === 'string' ? since : raw;
    } catch {
      return raw; // damaged, still a mark
    }
  } catch {
    return null; // storage disabled: nothing can be marked
  }
}

export const logoutPending = (): boolean => logoutPendingSince() !== null;

/**
 * Marks the logout as not yet done on the server, and forgets what the device kept for the user, as a
 * logout does. Without storage the mark cannot be kept; the device copies are forgotten all the same.
 */
export function markLogoutPending(now = new Date()): void {
  try {
    localStorage.setItem(LOGOUT_PENDING, JSON.stringify({ since: now.toISOString() }));
  } catch {
    /* storage disabled */
  }
  forgetDeviceCopies();
  announce();
}

function clearLogoutPending(): void {
  try {
    localStorage.removeItem(LOGOUT_PENDING);
  } catch {
    /* storage disabled */
  }
  announce();
}

function announce(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(CHANGED));
}

/** Calls `listener` whenever the mark may have changed (this tab or another). */
export function onLogoutPendingChange(listener: () => void): () => void {
  const storage = (e: StorageEvent) => {
    if (e.key === null || e.key === LOGOUT_PENDING) listener();
  };
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', storage);
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener('storage', storage);
  };
}

const LOGOUT_REQUEST = JSON.stringify({ operationName: 'Logout', query: 'mutation Logout { logout }', variables: {} });

/**
 * Sends `logout` (not through {@link fetchGraphQL}, which would wait for itself). True when the server
 * answered that the session is over: ended now (its answer also clears the cookie), or unknown to it
 * (UNAUTHENTICATED: ended already, by the idle timeout or another logout). False when the server was
 * not reached, or answered anything else (its database down…): the session may still be alive.
 */
export async function endSessionOnServer(): Promise<boolean> {
  try {
    const response = await fetchNotingServerTime('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: LOGOUT_REQUEST,
    });
    if (!/json/.test(response.headers.get('content-type') ?? '')) return false; // a proxy's error page
    const json = (await response.json()) as { data?: { logout?: boolean } | null; errors?: { extensions?: { code?: unknown } }[] };
    if (json.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return true;
    return !json.errors?.length && json.data?.logout === true;
  } catch {
    return false;
  }
}

let sending: Promise<boolean> | undefined;

/**
 * Sends the pending logout, if one is marked (one request at a time); the mark goes once the server
 * has answered. True when no logout is pending any more.
 */
export function settlePendingLogout(): Promise<boolean> {
  if (!logoutPending()) return Promise.resolve(true);
  sending ??= endSessionOnServer()
    .then((ended) => {
      if (ended) {
        forgetDeviceCopies(); // anything written back meanwhile belonged to the session just ended
        clearLogoutPending();
      }
      return ended;
    })
    .finally(() => {
      sending = undefined;
    });
  return sending;
}

/** Thrown instead of sending a request while the previous session's logout cannot reach the server. */
export class LogoutPendingError extends Error {
  constructor() {
    super(LOGOUT_PENDING_NOTICE);
    this.name = 'LogoutPendingError';
  }
}

/**
 * The `fetch` of every GraphQL request (Apollo's HttpLink, `postGraphQL`): while a logout is pending it
 * is sent first, and the request goes only once the server has ended that session; otherwise it fails
 * as a request without a connection would. So nothing is ever asked with the previous officer's cookie
 * (the early `me` included), and a new login never replaces a cookie whose session is still alive.
 */
export const fetchGraphQL: typeof fetch = async (input, init) => {
  if (logoutPending() && !(await settlePendingLogout())) throw new LogoutPendingError();
  return fetchNotingServerTime(input, init);
};

let resumed = false;
/** How often a pending logout is tried again without an `online` event (a phone with signal but no data). */
const RETRY_MS = 30_000;

/**
 * On every start, before the first request: a pending logout is sent (and what the device kept is
 * forgotten again), and sent again whenever the connection returns, and every half minute while it
 * waits. Once per page load.
 */
export function resumePendingLogout(): void {
  if (resumed) return;
  resumed = true;
  window.addEventListener('online', () => void settlePendingLogout());
  window.setInterval(() => {
    if (logoutPending()) void settlePendingLogout();
  }, RETRY_MS);
  if (!logoutPending()) return;
  forgetDeviceCopies();
  void settlePendingLogout();
}
