/**
 * What the app keeps on the device for the signed-in user, for the on-site screen in a dead zone:
 * localStorage keys under `evs.` (the remembered user, the on-site copies) and the service worker's
 * cache of the on-site photos seen. All of it leaves with the session (logout, a session the server
 * no longer knows), at every login, and once the session's end has passed (the server has ended it
 * by then, whether or not the device could hear so), so nothing of one account is left to the next on
 * a shared device. The on-site outbox (IndexedDB) stays, so that nothing recorded is lost: its checks
 * are sealed under their recorder's key (`features/inspections/offlineQueue.ts`), which the device keeps
 * only as a non-extractable CryptoKey in IndexedDB ({@link OUTBOX_KEYS_DB}) and forgets with the other
 * copies, so only that account, signed in again on this device, opens them.
 * No React and no GraphQL client here: the entry expires the copies before anything else (`app/firstRequests.ts`).
 */

/** The service worker's cache of the on-site photos seen (vite.config.ts). */
export const PHOTO_CACHE = 'evs-photos';

/** The user as the server last confirmed them: every answer of `me` from the network (`app/apollo.ts`, `shared/earlySession.ts`). */
const REMEMBERED = 'evs.session.me';
/** When the server last confirmed the session (this device's clock, ms). */
const CONFIRMED_AT = 'evs.session.confirmedAt';
/** The session's absolute end as the server gave it (`currentSession.expiresAt`), in this device's clock (ms). */
const SESSION_END = 'evs.session.ends';

/**
 * How long a session lasts at most (the server's `sessionHours`, default 12): when the device does not
 * know the session's end, the remembered user and the on-site copies last this long from the last time
 * the server confirmed the session. The idle timeout (30 min) is not used: an officer in a venue's dead
 * zone may be offline for hours, and the device cannot know of requests it did not make.
 */
export const SESSION_FALLBACK_MS = 12 * 3600_000;
/** A device clock found this far before the time a copy was saved has been set back: the copies expire. */
const CLOCK_SET_BACK_MS = 5 * 60_000;

export function forgetDeviceCopies(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('evs.')) localStorage.removeItem(key);
  } catch {
    /* storage disabled: nothing was kept */
  }
  if (typeof caches !== 'undefined') void caches.delete(PHOTO_CACHE).catch(() => undefined);
  void forgetOutboxKeys();
}

/**
 * The keys of the on-site outbox (review 11-B F1, code review C5), in an IndexedDB database of their own:
 * store `keys` holds the signed-in account's working keys, one per key version, as non-extractable
 * `CryptoKey`s (structured-cloned, never raw bytes; `features/inspections/outboxKey.ts` derives them);
 * store `device` holds this device's random salt, which binds them to this device. The keys go with the
 * other copies; the salt stays (it opens nothing alone), so the same account signed in again on this
 * device derives the same key and opens its checks.
 */
export const OUTBOX_KEYS_DB = 'evs-outbox-keys';
export const OUTBOX_KEYS = 'keys';
export const OUTBOX_DEVICE = 'device';

export function openOutboxKeys(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(OUTBOX_KEYS_DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(OUTBOX_KEYS)) db.createObjectStore(OUTBOX_KEYS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(OUTBOX_DEVICE)) db.createObjectStore(OUTBOX_DEVICE, { keyPath: 'name' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let forgetting: Promise<void> = Promise.resolve();

/**
 * Forgets every kept outbox key (the salt stays). Awaited by a logout before it leaves the page; a key
 * kept after it waits for it ({@link outboxKeysForgotten}), so a clearing never lands after a new login's key.
 */
export function forgetOutboxKeys(): Promise<void> {
  forgetting = forgetting.then(async () => {
    if (typeof indexedDB === 'undefined') return;
    try {
      const db = await openOutboxKeys();
      try {
        await new Promise<void>((resolve, reject) => {
          const t = db.transaction(OUTBOX_KEYS, 'readwrite');
          t.objectStore(OUTBOX_KEYS).clear();
          t.oncomplete = () => resolve();
          t.onerror = () => reject(t.error);
          t.onabort = () => reject(t.error);
        });
      } finally {
        db.close();
      }
    } catch {
      /* no IndexedDB: nothing was kept */
    }
  });
  return forgetting;
}

/** Resolves once every forgetting of the outbox keys asked for so far is done. */
export const outboxKeysForgotten = (): Promise<void> => forgetting;

/** Whether a logout waits for the server: nothing of the session is kept meanwhile. */
export function logoutIsPending(): boolean {
  try {
    return localStorage.getItem(LOGOUT_PENDING) !== null;
  } catch {
    return false;
  }
}

/**
 * The mark of a logout that has not reached the server (`shared/pendingLogout.ts`): outside the `evs.`
 * prefix, so forgetting the device copies leaves it.
 */
export const LOGOUT_PENDING = 'evs-logout-pending';

/**
 * Keeps the user the server has just confirmed (an answer of `me` from the network, not from a cache),
 * with the time: the start of the 12 h fallback. Nothing is kept while a logout waits for the server
 * (an answer that was on its way when it was pressed).
 */
export function keepConfirmedUser<T>(me: T, now = Date.now()): void {
  try {
    if (localStorage.getItem(LOGOUT_PENDING) !== null) return;
    localStorage.setItem(CONFIRMED_AT, String(now));
    localStorage.setItem(REMEMBERED, JSON.stringify(me));
  } catch {
    /* storage full or disabled: the app then needs a connection to open */
  }
}

/**
 * Notes the session's absolute end, as the server gave it, converted to this device's clock by the
 * caller (the offset to the server's clock is known when the answer arrives, not on a later start).
 */
export function noteSessionEnd(endsAtDeviceMs: number): void {
  if (!Number.isFinite(endsAtDeviceMs)) return;
  try {
    if (localStorage.getItem(LOGOUT_PENDING) !== null) return;
    localStorage.setItem(SESSION_END, String(endsAtDeviceMs));
  } catch {
    /* the 12 h fallback applies */
  }
}

function readNumber(key: string): number | undefined {
  const raw = localStorage.getItem(key);
  const value = raw === null ? NaN : Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

interface RememberedRecord<T> {
  me: T;
  confirmedAt: number;
  until: number;
}

/** The remembered user with its dates; `'undated'` when kept without the time of its confirmation (or damaged). */
function readRecord<T>(): RememberedRecord<T> | 'undated' | null {
  try {
    const raw = localStorage.getItem(REMEMBERED);
    if (raw === null) return null;
    const me = JSON.parse(raw) as T | null;
    const confirmedAt = readNumber(CONFIRMED_AT);
    if (!me || confirmedAt === undefined) return 'undated';
    return { me, confirmedAt, until: readNumber(SESSION_END) ?? confirmedAt + SESSION_FALLBACK_MS };
  } catch {
    return 'undated';
  }
}

/** The remembered user while the session may still be alive; `'expired'` when it was kept and is past its end. */
export type RememberedUser<T> = { me: T; until: number } | 'expired' | null;

/**
 * The remembered user, if the session may still be alive by this device's clock. Past the session's end,
 * with a clock set back before the time it was confirmed, or kept without that time (by a version
 * before the copies expired), every device copy is forgotten and `'expired'` is answered; nothing
 * kept, `null`.
 */
export function rememberedUser<T>(now = Date.now()): RememberedUser<T> {
  const record = readRecord<T>();
  if (record === null) return null;
  if (record === 'undated' || now >= record.until || now < record.confirmedAt - CLOCK_SET_BACK_MS) {
    forgetDeviceCopies();
    return 'expired';
  }
  return { me: record.me, until: record.until };
}

/**
 * On every start (`main.ts`, before the first request): the device copies of a session whose end has
 * passed, or of no remembered session at all (the on-site copies, the photos), are forgotten. Returns
 * whether they were.
 */
export function expireDeviceCopies(now = Date.now()): boolean {
  const remembered = rememberedUser(now);
  if (remembered === 'expired') return true;
  if (remembered) return false;
  // nothing remembered: whatever else is kept belongs to no live session
  let kept = false;
  try {
    kept = Object.keys(localStorage).some((key) => key.startsWith('evs.'));
  } catch {
    /* storage disabled */
  }
  forgetDeviceCopies();
  return kept;
}
