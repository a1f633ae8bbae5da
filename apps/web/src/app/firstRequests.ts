import { expireDeviceCopies } from '@/shared/deviceCopies';
import { askForSessionEarly, peekEarlySession } from '@/shared/earlySession';
import { resumePendingLogout } from '@/shared/pendingLogout';

/**
 * What the first load asks for before React is in (`main.ts`), and what the router asks for on the
 * first navigation past the login page: each at most once per page load. No React and no router here
 * (this runs from the entry, whose point is to hold neither).
 */

/**
 * The activity of the on-site screen's path (`/inspections/:activityId`, the router's ONSITE route), if
 * that is the path: the one test of it, for the entry, the router and the screen's root.
 */
export function onsiteActivityId(pathname: string): string | undefined {
  return /^\/inspections\/([^/]+)\/?$/i.exec(pathname)?.[1];
}

/**
 * Where the page was opened: the on-site screen, or a page of the signed-in part. The login page asks
 * for nothing: its chunk asked for here (tried) only took bandwidth from React's on the phone profile,
 * and the page showed later (LCP +0.2–0.4 s), since it has no request to overlap with the download.
 * Before anything, on every path: a logout that has not reached the server is sent (and every request,
 * the early `me` included, waits for it: `shared/pendingLogout.ts`), and the device copies of a session
 * whose end has passed are forgotten (`shared/deviceCopies.ts`).
 */
export function startFirstLoad({ pathname, search }: Pick<Location, 'pathname' | 'search'>): void {
  resumePendingLogout();
  expireDeviceCopies();
  if (/^\/login\/?$/i.test(pathname)) return;
  const activityId = onsiteActivityId(pathname);
  if (activityId) startOnsite(activityId);
  else startSignedIn(pathname + search);
}

let onsiteStarted = false;

/**
 * 现场监管 of one activity, opened first: `me`, the screen's light root (`onsiteRoot.tsx`) and, as soon
 * as `me` says the screen admits this user, its three queries (`earlyOnsite.ts`).
 */
export function startOnsite(activityId: string): void {
  if (onsiteStarted) return;
  onsiteStarted = true;
  askForSessionEarly();
  const me = peekEarlySession(); // taken now: the screen's root may take it from the session before this chunk is in
  import('@/features/inspections/earlyOnsite').then((m) => m.askForOnsiteEarly(activityId, me)).catch(() => undefined);
  import('./onsiteRoot').catch(() => undefined);
}

let signedInStarted = false;

/**
 * A page of the signed-in part: `me`, the signed-in part, the layout and the page's chunk, and the
 * page's data once Apollo and `me` are in (`firstLoad.ts`), all asked for at once.
 */
export function startSignedIn(path: string): void {
  if (signedInStarted) return;
  signedInStarted = true;
  askForSessionEarly();
  import('./pageChunks').then((m) => m.prefetchSignedInPage(path)).catch(() => undefined);
  import('./firstLoad').catch(() => undefined);
  import('./signedInRoutes').catch(() => undefined);
}
