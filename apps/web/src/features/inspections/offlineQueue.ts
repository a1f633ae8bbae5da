/**
 * The inspection screen's outbox (SPEC §2 step 7: venues have dead zones). Every recording is first
 * written to IndexedDB on the device, then sent; it leaves the outbox only when the server has
 * answered. Its id is made on the device, so a resend after a lost answer never creates a duplicate.
 *
 * A phone may be shared, and a check holds personal data (whom it is about, an unvetted person's name,
 * the note, the photo; review 11-B F1). So what the device keeps of a check is sealed: AES-256-GCM
 * under its recorder's own key, which the server derives for that account alone and gives only to its
 * session (`outboxKey`; kept with the session's other device copies and forgotten with them,
 * `shared/deviceCopies.ts`). In the clear stay only the check's id, its recorder's user id, when it was
 * queued and how often it was tried. Through a logout the sealed checks stay (nothing lost); the same
 * officer signed in again gets the same key and they are opened and sent. Another account sees a count.
 */
import type { RecordInspectionInput } from '@/gql/graphql';
import { whenNetworkQuiet } from '@/shared/networkActivity';
import { PHOTO_CACHE } from '@/shared/deviceCopies';

/** A check in the outbox, as its recorder's session sees it (opened). */
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
   * a change of officer the next one does not send, read or delete the last one's checks); the server
   * refuses it in another's (`recordedBy`). Absent on checks queued before this was kept.
   */
  queuedBy?: Recorder;
}

/** Who records a check: the signed-in account, by id, and by name as the outbox shows it. */
export interface Recorder {
  id: string;
  name: string;
}

/** What IndexedDB holds of a check: whose it is and when, and the rest sealed under its recorder's key. */
export interface SealedInspection {
  id: string;
  /** The recorder's user id: whose key opens it. */
  recordedBy: string;
  queuedAt: string;
  attempts: number;
  /** AES-GCM's 96-bit nonce, new at every write. */
  iv: Uint8Array<ArrayBuffer>;
  /** The sealed {@link Sealed} (JSON), with the tag; the check's id and recorder are its associated data. */
  ciphertext: ArrayBuffer;
}

/** The content a {@link SealedInspection} hides. */
type Sealed = Pick<QueuedInspection, 'activityId' | 'input' | 'label' | 'refused' | 'queuedBy'>;

/** A record of either form: sealed, or in the clear as builds before the sealing kept it (and as a fallback, below). */
type Stored = SealedInspection | QueuedInspection;

const isSealed = (r: Stored): r is SealedInspection => 'ciphertext' in r && 'recordedBy' in r;

const DB = 'evs-onsite';
const STORE = 'inspections';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      // the index served the clear records of older builds; sealed records carry no activity
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' }).createIndex('activityId', 'activityId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      t.oncomplete = () => resolve(req ? req.result : (undefined as T));
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  } finally {
    db.close();
  }
}

/** Every record on the device, as stored (sealed or clear): what a script in the page could read. */
export function storedRecords(): Promise<Stored[]> {
  return tx<Stored[]>('readonly', (s) => s.getAll());
}

/** The associated data of a sealed check: a ciphertext moved to another record, or another recorder's, does not open. */
const bound = (id: string, recordedBy: string) => new TextEncoder().encode(`evs-outbox:v1\n${id}\n${recordedBy}`);

async function seal(item: QueuedInspection & { queuedBy: Recorder }, key: CryptoKey): Promise<SealedInspection> {
  const content: Sealed = { activityId: item.activityId, input: item.input, label: item.label, refused: item.refused, queuedBy: item.queuedBy };
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: bound(item.id, item.queuedBy.id) },
    key,
    new TextEncoder().encode(JSON.stringify(content)),
  );
  return { id: item.id, recordedBy: item.queuedBy.id, queuedAt: item.queuedAt, attempts: item.attempts, iv, ciphertext };
}

/** Opens a sealed check; null when `key` is not the one it was sealed with (another account's, a changed one) or it was altered. */
export async function unseal(record: SealedInspection, key: CryptoKey): Promise<QueuedInspection | null> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: bound(record.id, record.recordedBy) }, key, record.ciphertext);
    const content = JSON.parse(new TextDecoder().decode(plain)) as Sealed;
    if (content.queuedBy?.id !== record.recordedBy) return null;
    return { ...content, id: record.id, queuedAt: record.queuedAt, attempts: record.attempts };
  } catch {
    return null;
  }
}

// ---- writing ----

/**
 * Keeps a check on the device (replacing the one with its id): sealed under `key`, its recorder's. Without
 * a key (a session that has not obtained it yet and has no connection to ask: only for a session opened
 * before the sealing was built) it is kept in the clear rather than lost, shown to its recorder only,
 * and sealed as soon as the key is there ({@link sealClearChecks}).
 */
export async function enqueue(item: QueuedInspection, key: CryptoKey | null): Promise<void> {
  const record: Stored = key && item.queuedBy ? await seal({ ...item, queuedBy: item.queuedBy }, key) : item;
  await tx('readwrite', (s) => s.put(record));
}

export function removeQueued(id: string): Promise<undefined> {
  return tx('readwrite', (s) => s.delete(id));
}

/** Whose a check kept in the clear is: its recorder's, or (kept before recorders were) any recorder's with a key. */
const clearBelongsTo = (item: QueuedInspection, recorderId: string, mayRecord: boolean) =>
  item.queuedBy ? item.queuedBy.id === recorderId : mayRecord;

/**
 * Seals the checks `recorder` left in the clear (queued by a build before the sealing, or without the key),
 * with its key now there; a check recorded before recorders were kept becomes this recorder's (any
 * officer's session sent those). Each is replaced only if it is still there unchanged: one sent and
 * removed meanwhile does not come back. Returns how many were sealed.
 */
export async function sealClearChecks(recorder: Recorder, key: CryptoKey): Promise<number> {
  const clear = (await storedRecords()).filter((r): r is QueuedInspection => !isSealed(r) && clearBelongsTo(r, recorder.id, true));
  let sealed = 0;
  for (const item of clear) {
    const record = await seal({ ...item, queuedBy: item.queuedBy ?? recorder }, key);
    await tx('readwrite', (s) => {
      const current = s.get(item.id);
      current.onsuccess = () => {
        const now = current.result as Stored | undefined;
        if (now && !isSealed(now) && now.attempts === item.attempts && now.refused === item.refused) {
          s.put(record);
          sealed += 1;
        }
      };
    });
  }
  return sealed;
}

// ---- reading ----

/** The outbox as one account's session may see it. */
export interface OutboxView {
  /** This recorder's checks (of one activity, when asked), opened, oldest first. */
  items: QueuedInspection[];
  /** This recorder's sealed checks that cannot be opened now: no key on the device yet, or a key that no longer opens them. */
  locked: number;
  /** Checks other accounts left on this device: their number, nothing else (not whose, when, nor what). */
  others: number;
}

/**
 * What `recorderId`'s session may see of the outbox: its own checks opened with `key`, the others counted.
 * `mayRecord`: the account may record checks (it has, or may ask for, a key): a check kept in the clear
 * before recorders were kept is then its own.
 */
export async function readOutbox(recorderId: string, key: CryptoKey | null, { activityId, mayRecord = !!key }: { activityId?: string; mayRecord?: boolean } = {}): Promise<OutboxView> {
  const view: OutboxView = { items: [], locked: 0, others: 0 };
  for (const record of await storedRecords()) {
    if (isSealed(record)) {
      if (record.recordedBy !== recorderId) view.others += 1;
      else {
        const item = key ? await unseal(record, key) : null;
        if (!item) view.locked += 1;
        else if (!activityId || item.activityId === activityId) view.items.push(item);
      }
    } else if (!clearBelongsTo(record, recorderId, mayRecord)) {
      view.others += 1;
    } else if (!activityId || record.activityId === activityId) {
      view.items.push(record);
    }
  }
  view.items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  return view;
}

/** How many of `recorderId`'s checks wait on this device to be sent (refused ones aside; sealed ones not opened now included). */
export async function countUnsent(recorderId: string, key: CryptoKey | null): Promise<number> {
  const { items, locked } = await readOutbox(recorderId, key);
  return items.filter((i) => !i.refused).length + locked;
}

/** This recorder's checks of one activity, opened: what the screen lists. */
export async function listQueued(activityId: string, recorderId: string, key: CryptoKey | null): Promise<QueuedInspection[]> {
  return (await readOutbox(recorderId, key, { activityId })).items;
}

// ---- one writer at a time ----

let lock: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` after every sending or sealing started before it: the screen's retries, the logout's
 * 立即发送 and the sealing of clear checks never send, re-seal or remove the same check at once.
 */
export function withOutboxLock<T>(work: () => Promise<T>): Promise<T> {
  const run = lock.then(work, work);
  lock = run.catch(() => undefined);
  return run;
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
