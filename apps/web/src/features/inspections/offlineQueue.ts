/**
 * The inspection screen's outbox (SPEC §2 step 7: venues have dead zones). Every recording is first
 * written to IndexedDB on the device, then sent; it leaves the outbox only when the server has
 * answered. Its id is made on the device, so a resend after a lost answer never creates a duplicate.
 */
import type { RecordInspectionInput } from '@/gql/graphql';
import { whenNetworkQuiet } from '@/shared/networkActivity';
import { PHOTO_CACHE } from '@/shared/deviceCopies';

export interface QueuedInspection {
  id: string;
  activityId: string;
  input: RecordInspectionInput;
  /** What the officer sees in the list: who, which items. */
  label: string;
  queuedAt: string;
  attempts: number;
  /** Set when the server refused it (not a network failure); it stays until the officer deletes it. */
  refused?: string;
  /**
   * The account that recorded it. Sent only in that account's session (a phone may be shared: after
   * a change of officer the next one does not send, or delete, the last one's checks); the server
   * refuses it in another's (`recordedBy`). Absent on checks queued before this was kept.
   */
  queuedBy?: Recorder;
}

/** Who records a check: the signed-in account, by id, and by name as the outbox shows it. */
export interface Recorder {
  id: string;
  name: string;
}

const DB = 'evs-onsite';
const STORE = 'inspections';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' }).createIndex('activityId', 'activityId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  } finally {
    db.close();
  }
}

export function enqueue(item: QueuedInspection): Promise<IDBValidKey> {
  return tx('readwrite', (s) => s.put(item));
}

export async function listQueued(activityId: string): Promise<QueuedInspection[]> {
  const all = await tx<QueuedInspection[]>('readonly', (s) => s.index('activityId').getAll(activityId));
  return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/**
 * Every check `recorderId` queued on this device, of every activity, oldest first (refused ones too).
 * Checks without `queuedBy` are not theirs to count (the logout's warning, `features/auth/unsentChecks.ts`).
 */
export async function listQueuedBy(recorderId: string): Promise<QueuedInspection[]> {
  const all = await tx<QueuedInspection[]>('readonly', (s) => s.getAll());
  return all.filter((item) => item.queuedBy?.id === recorderId).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export function removeQueued(id: string): Promise<undefined> {
  return tx('readwrite', (s) => s.delete(id));
}

const KEPT = 'evs.onsite.';
type OfflineKind = 'activity' | 'roster' | 'findings';

/**
 * What the screen last saw online for an activity (its header, the on-duty roster, the findings;
 * photos are addresses, the pictures seen are kept by the service worker), shown in a dead zone and when the app is opened again without a
 * connection. Cleared with the session (`forgetSession` removes every `evs.` key), and once the
 * session's end has passed (`shared/deviceCopies.ts`: the remembered user goes with it).
 */
export function keepForOffline<T>(kind: OfflineKind, activityId: string, value: T): void {
  try {
    localStorage.setItem(`${KEPT}${kind}.${activityId}`, JSON.stringify({ savedAt: new Date().toISOString(), value }));
  } catch {
    /* storage full: the live data is still shown */
  }
}

export function keptForOffline<T>(kind: OfflineKind, activityId: string): { savedAt: string; value: T } | null {
  try {
    const raw = localStorage.getItem(`${KEPT}${kind}.${activityId}`);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the pictures behind these addresses on the device (the on-duty roster's photos, so that a
 * guard can be recognised in a dead zone even if their row was never shown online). Once the page's
 * own requests are over, one at a time, only those not kept yet; stops at the first network failure.
 */
export async function keepPhotosForOffline(urls: readonly (string | null | undefined)[]): Promise<void> {
  if (typeof caches === 'undefined') return;
  const wanted = [...new Set(urls.filter((u): u is string => !!u))];
  if (!wanted.length) return;
  await whenNetworkQuiet(1000);
  const cache = await caches.open(PHOTO_CACHE);
  for (const url of wanted) {
    if (await cache.match(url)) continue;
    try {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (res.ok) await cache.put(url, res);
    } catch {
      return;
    }
  }
}
