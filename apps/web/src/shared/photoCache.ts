/** The service worker's cache of the on-site photos seen (vite.config.ts), emptied when the session ends. */
export const PHOTO_CACHE = 'evs-photos';

/** Empties it: the pictures of people stay on a device no longer than the session that saw them. */
export function forgetPhotos(): void {
  if (typeof caches !== 'undefined') void caches.delete(PHOTO_CACHE).catch(() => undefined);
}

