/**
 * The inspection screen's outbox (SPEC §2 step 7: venues have dead zones). Every recording is first
 * written to IndexedDB on the device, then sent; it leaves the outbox only when the server has
 * answered. Its id is made on the device, so a resend after a lost answer never creates a duplicate.
 *
 * A phone may be shared, and a check holds personal data (whom it is about, an unvetted person's name
 * and ID number, the note, the photo; review 11-B F1). So a check is never written to the device in the
 * clear: it is sealed with AES-256-GCM under its recorder's working key (`outboxKey.ts`: derived on this
 * device from the account's server key, kept as a non-extractable CryptoKey, forgotten at logout). In
 * the clear stay only the check's id, its recorder's user id and the key version it was sealed under.
 * Through a logout the sealed checks stay (nothing lost); the same officer signed in again on this
 * device derives the same key and they are opened and sent. Another account sees only their number.
 *
 * Without a key (exceptionally: it could not be fetched at login nor since), a check is kept in this
 * page's memory only, and the screen says so; it is sent from there, or sealed as soon as a key comes.
 * Checks an older build kept in the clear are sealed as soon as their recorder's key is here.
 */
import type { RecordInspectionInput } from '@/gql/graphql';
import { whenNetworkQuiet } from '@/shared/networkActivity';
import { PHOTO_CACHE } from '@/shared/deviceCopies';
import type { OutboxKeyring } from './outboxKey';

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
   * refuses it in another's (`recordedBy`). Absent on checks an old build queued before this was kept.
   */
  queuedBy?: Recorder;
  /** Not on the device: kept in this page's memory only, for want of a key (never stored). */
  memoryOnly?: boolean;
}

/** Who records a check: the signed-in account, by id, and by name as the outbox shows it. */
export interface Recorder {
  id: string;
  name: string;
}

/** What IndexedDB holds of a check: whose it is, under which key version, and the rest sealed. */
export interface SealedInspection {
  id: string;
  /** The recorder's user id: whose key opens it. */
  recordedBy: string;
  /** The version of the recorder's key it was sealed under (`outboxKey`'s version). */
  keyVersion: number;
  /** AES-GCM's 96-bit nonce, new at every write. */
  iv: Uint8Array<ArrayBuffer>;
  /** The sealed {@link Sealed} (JSON), with the tag; id, recorder and version are its associated data. */
  ciphertext: ArrayBuffer;
}

/** The content a {@link SealedInspection} hides: everything but its id and whose it is. */
type Sealed = Omit<QueuedInspection, 'id' | 'memoryOnly'> & { queuedBy: Recorder };

/** A record of either form: sealed, or in the clear as builds before the sealing kept it. */
type Stored = SealedInspection | QueuedInspection;

export const isSealed = (r: Stored): r is SealedInspection => 'ciphertext' in r && 'recordedBy' in r;

/** Thrown by {@link enqueue} without a key: the check is not written (the caller keeps it in memory). */
export class NoOutboxKeyError extends Error {
  constructor() {
    super('outbox: no key to seal with');
    this.name = 'NoOutboxKeyError';
  }
}

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

/** Every record on the device, as stored (sealed, or clear from an older build): what a script in the page could read. */
export function storedRecords(): Promise<Stored[]> {
  return tx<Stored[]>('readonly', (s) => s.getAll());
}

/** The associated data: a ciphertext moved to another record, recorder or version does not open. */
const bound = (id: string, recordedBy: string, version: number) => new TextEncoder().encode(`evs-outbox:v${version}\n${id}\n${recordedBy}`);

export async function seal(item: QueuedInspection & { queuedBy: Recorder }, key: { version: number; key: CryptoKey }): Promise<SealedInspection> {
  const content: Sealed = {
    activityId: item.activityId,
    input: item.input,
    label: item.label,
    queuedAt: item.queuedAt,
    attempts: item.attempts,
    refused: item.refused,
    queuedBy: item.queuedBy,
  };
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: bound(item.id, item.queuedBy.id, key.version) },
    key.key,
    new TextEncoder().encode(JSON.stringify(content)),
  );
  return { id: item.id, recordedBy: item.queuedBy.id, keyVersion: key.version, iv, ciphertext };
}

/** Opens a sealed check; null when `key` is not the one it was sealed with (another account's or device's, another version) or it was altered. */
export async function unseal(record: SealedInspection, key: CryptoKey): Promise<QueuedInspection | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: record.iv, additionalData: bound(record.id, record.recordedBy, record.keyVersion) },
      key,
      record.ciphertext,
    );
    const content = JSON.parse(new TextDecoder().decode(plain)) as Sealed;
    if (content.queuedBy?.id !== record.recordedBy) return null;
    return { ...content, id: record.id };
  } catch {
    return null;
  }
}

// ---- the checks kept in this page's memory only (no key) ----

const inMemory = new Map<string, QueuedInspection & { queuedBy: Recorder }>();

/** Keeps a check in this page's memory only: there was no key to seal it with. Gone with the page. */
export function keepInMemory(item: QueuedInspection & { queuedBy: Recorder }): void {
  inMemory.set(item.id, { ...item, memoryOnly: true });
}

/** `recorderId`'s checks kept in memory only, oldest first. */
export function memoryChecks(recorderId: string): QueuedInspection[] {
  return [...inMemory.values()].filter((i) => i.queuedBy.id === recorderId).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Forgets every check kept in memory (tests; a page that changes account reloads anyway). */
export function forgetMemoryChecks(): void {
  inMemory.clear();
}

// ---- writing ----

/**
 * Keeps a check on the device (replacing the one with its id), sealed under the keyring's current key.
 * Without one nothing is written: {@link NoOutboxKeyError} (the caller keeps it in memory, and says so).
 */
export async function enqueue(item: QueuedInspection & { queuedBy: Recorder }, keyring: OutboxKeyring | null): Promise<void> {
  if (!keyring?.current || keyring.current.userId !== item.queuedBy.id) throw new NoOutboxKeyError();
  const record = await seal(item, keyring.current);
  await tx('readwrite', (s) => s.put(record));
  inMemory.delete(item.id);
}

/**
 * Writes back what became of a check being sent (one more attempt, a refusal): in memory for one kept
 * there; on the device, sealed, only while it is still there (one the other sender, the screen's retry
 * or the logout's 立即发送, has just sent and removed does not come back); a clear one of an older build
 * is left as it was without a key (nothing is written in the clear).
 */
export async function updateQueued(item: QueuedInspection, keyring: OutboxKeyring | null): Promise<void> {
  if (item.memoryOnly) {
    if (inMemory.has(item.id) && item.queuedBy) inMemory.set(item.id, { ...item, queuedBy: item.queuedBy });
    return;
  }
  if (!keyring?.current || !item.queuedBy || keyring.current.userId !== item.queuedBy.id) return;
  const record = await seal({ ...item, queuedBy: item.queuedBy }, keyring.current);
  await tx('readwrite', (s) => {
    const now = s.get(item.id);
    now.onsuccess = () => {
      if (now.result) s.put(record);
    };
  });
}

/** Removes a check, from the device and from memory. */
export async function removeQueued(id: string): Promise<void> {
  inMemory.delete(id);
  await tx('readwrite', (s) => s.delete(id));
}

/** Whose a check kept in the clear by an older build is: its recorder's, or (kept before recorders were) any recorder's with a key. */
const clearBelongsTo = (item: QueuedInspection, recorderId: string, mayRecord: boolean) => (item.queuedBy ? item.queuedBy.id === recorderId : mayRecord);

/**
 * Once the keyring has a current key: seals the checks its account left in the clear (an older build;
 * one recorded before recorders were kept becomes this recorder's, as any officer's session sent those),
 * seals again under the current version those sealed under an older one (a rotated key), and moves the
 * checks kept in memory to the device. Each record is replaced only if it is still there unchanged.
 * Returns how many were written.
 */
export async function sealPending(recorder: Recorder, keyring: OutboxKeyring): Promise<number> {
  const current = keyring.current;
  if (!current || current.userId !== recorder.id) return 0;
  let written = 0;
  for (const item of memoryChecks(recorder.id)) {
    await enqueue({ ...item, memoryOnly: undefined, queuedBy: item.queuedBy ?? recorder }, keyring);
    written += 1;
  }
  for (const stored of await storedRecords()) {
    let item: QueuedInspection | null;
    if (!isSealed(stored)) item = clearBelongsTo(stored, recorder.id, true) ? stored : null;
    else if (stored.recordedBy === recorder.id && stored.keyVersion !== current.version) {
      const old = await keyring.open(stored.keyVersion);
      item = old ? await unseal(stored, old) : null;
    } else item = null;
    if (!item) continue;
    const record = await seal({ ...item, queuedBy: item.queuedBy ?? recorder }, current);
    await tx('readwrite', (s) => {
      const now = s.get(stored.id);
      now.onsuccess = () => {
        const was = now.result as Stored | undefined;
        const unchanged = was && (isSealed(stored) ? isSealed(was) && was.iv.every((b, i) => b === stored.iv[i]) : !isSealed(was) && was.attempts === stored.attempts && was.refused === stored.refused);
        if (unchanged) {
          s.put(record);
          written += 1;
        }
      };
    });
  }
  return written;
}

// ---- reading ----

/** The outbox as one account's session may see it. */
export interface OutboxView {
  /** This recorder's checks (of one activity, when asked), opened, oldest first; those in memory only included. */
  items: QueuedInspection[];
  /** This recorder's sealed checks that cannot be opened now: no key on the device yet, or a key that no longer opens them. */
  locked: number;
  /** Checks other accounts left on this device: their number, nothing else (not whose, when, nor what). */
  others: number;
}

/**
 * What `recorderId`'s session may see of the outbox: its own checks opened with its keyring, the others
 * counted. `mayRecord`: the account may record checks; a clear check of an older build kept before
 * recorders were kept is then its own.
 */
export async function readOutbox(
  recorderId: string,
  keyring: OutboxKeyring | null,
  { activityId, mayRecord = true }: { activityId?: string; mayRecord?: boolean } = {},
): Promise<OutboxView> {
  const view: OutboxView = { items: [], locked: 0, others: 0 };
  const wanted = (item: QueuedInspection) => !activityId || item.activityId === activityId;
  for (const record of await storedRecords()) {
    if (isSealed(record)) {
      if (record.recordedBy !== recorderId) view.others += 1;
      else {
        const key = keyring && keyring.userId === recorderId ? await keyring.open(record.keyVersion) : null;
        const item = key ? await unseal(record, key) : null;
        if (!item) view.locked += 1;
        else if (wanted(item)) view.items.push(item);
      }
    } else if (!clearBelongsTo(record, recorderId, mayRecord)) {
      view.others += 1;
    } else if (wanted(record)) {
      view.items.push(record);
    }
  }
  const stored = new Set(view.items.map((i) => i.id));
  for (const item of memoryChecks(recorderId)) if (wanted(item) && !stored.has(item.id)) view.items.push(item);
  view.items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  return view;
}

/** This recorder's checks of one activity, opened: what the screen lists. */
export async function listQueued(activityId: string, recorderId: string, keyring: OutboxKeyring | null): Promise<QueuedInspection[]> {
  return (await readOutbox(recorderId, keyring, { activityId })).items;
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
