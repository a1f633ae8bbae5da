/**
 * What the app keeps on the device for the signed-in user, for the on-site screen in a dead zone:
 * localStorage keys under `evs.` (the remembered user, the on-site copies) and the service worker's
 * cache of the on-site photos seen. All of it leaves with the session (logout, a session the server
 * no longer knows) and at every login, so nothing of one account is left to the next on a shared
 * device. The on-site outbox (IndexedDB) stays: its checks are bound to their recorder.
 */

/** The service worker's cache of the on-site photos seen (vite.config.ts). */
export const PHOTO_CACHE = 'evs-photos';

export function forgetDeviceCopies(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('evs.')) localStorage.removeItem(key);
  } catch {
    /* storage disabled: nothing was kept */
  }
  if (typeof caches !== 'undefined') void caches.delete(PHOTO_CACHE).catch(() => undefined);
}
