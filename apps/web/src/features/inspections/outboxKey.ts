import type { OutboxKeyQuery } from '@/gql/graphql';
import { logoutIsPending, openOutboxKeys, OUTBOX_DEVICE, OUTBOX_KEYS, outboxKeysForgotten } from '@/shared/deviceCopies';
import { postGraphQL } from '@/shared/graphqlRequest';

/**
 * The keys that seal the signed-in officer's checks in the on-site outbox (`offlineQueue.ts`; review
 * 11-B F1, code review C5). The server gives each account a key per version (query `outboxKey`, the same
 * at every login); the phone never keeps it: it derives from it, with HKDF and a random salt of this
 * device, a working AES-GCM key that cannot be exported, and keeps only that `CryptoKey` in IndexedDB
 * (`shared/deviceCopies.ts`: forgotten at logout, at every login and at the session's end). A check is
 * sealed under the current version and records it; an older version is asked for to open an older check.
 *
 * The key is fetched and kept at login (which needs the network) and whenever the on-site screen is
 * online without it, so the screen opened later in a dead zone still seals and opens the checks.
 * GraphQL Code Generator reads the text below (tagged by its GraphQL comment) and writes
 * `OutboxKeyDocument`, which the screen sends through Apollo; the login page sends it with `fetch`.
 */
export const OUTBOX_KEY_QUERY = /* GraphQL */ `
  query OutboxKey($version: Int) {
    outboxKey(version: $version) {
      userId
      version
      key
    }
  }
`;

export type OutboxKeyAnswer = OutboxKeyQuery['outboxKey'];
/** Asks the server for the signed-in account's outbox key (of `version`, the current one when left out). */
export type AskOutboxKey = (version?: number) => Promise<OutboxKeyAnswer>;

/** A working key of the outbox: whose, of which version. */
export interface OutboxKey {
  userId: string;
  version: number;
  key: CryptoKey;
}

/** The roles that record inspections (the server's `ON_SITE_SUPERVISORS`): only they have a key. */
export const mayRecordChecks = (role: string): boolean => role === 'SECURITY_DETACHMENT';

/** How long the key is waited for before the check is kept without it (in memory only, `offlineQueue.ts`). */
const ASK_TIMEOUT_MS = 8_000;

function within<T>(answer: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    answer.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function keyTx<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T> {
  const db = await openOutboxKeys();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(store, mode);
      const req = fn(t.objectStore(store));
      t.oncomplete = () => resolve(req ? req.result : (undefined as T));
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  } finally {
    db.close();
  }
}

/** This device's random salt: made once, kept through logouts (it opens nothing alone). */
export async function deviceSalt(): Promise<Uint8Array<ArrayBuffer>> {
  const fresh = crypto.getRandomValues(new Uint8Array(32));
  // one transaction: two screens making the first salt at once keep the same one
  const kept = await keyTx<{ name: string; salt: Uint8Array<ArrayBuffer> } | undefined>(OUTBOX_DEVICE, 'readwrite', (s) => {
    const req = s.get('salt');
    req.onsuccess = () => {
      if (!req.result) s.put({ name: 'salt', salt: fresh });
    };
    return req;
  });
  return kept?.salt ?? fresh;
}

/**
 * The working key of `userId`'s outbox of `version` on this device: HKDF-SHA256 of the server's key
 * (base64, 32 bytes) with this device's salt, an AES-256-GCM key that cannot be exported.
 */
export async function deriveOutboxKey(userId: string, version: number, serverKey: string): Promise<CryptoKey> {
  const bytes = Uint8Array.from(atob(serverKey), (c) => c.charCodeAt(0));
  if (bytes.length !== 32) throw new Error('outbox key: 32 bytes expected');
  const material = await crypto.subtle.importKey('raw', bytes, 'HKDF', false, ['deriveKey']);
  bytes.fill(0);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: await deviceSalt(), info: new TextEncoder().encode(`evs-outbox:v${version}:${userId}`) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

interface KeptKey extends OutboxKey {
  id: string;
}

/** The working keys kept on this device for `userId`, newest version first. */
export async function keptOutboxKeys(userId: string): Promise<OutboxKey[]> {
  try {
    const all = await keyTx<KeptKey[]>(OUTBOX_KEYS, 'readonly', (s) => s.getAll());
    return all.filter((k) => k.userId === userId && typeof k.key === 'object' && k.key !== null).sort((a, b) => b.version - a.version);
  } catch {
    return [];
  }
}

/** Keeps a working key (after any forgetting under way; not while a logout waits for the server). */
export async function keepOutboxKey(key: OutboxKey): Promise<void> {
  await outboxKeysForgotten();
  if (logoutIsPending()) return;
  await keyTx(OUTBOX_KEYS, 'readwrite', (s) => s.put({ id: `${key.userId}:v${key.version}`, ...key } satisfies KeptKey));
}

/**
 * Asks the server for `userId`'s key (of `version`, the current one when left out), derives the working
 * key and keeps it. Null when it cannot be had now (offline, no answer in time, a refusal, a session that
 * is another account's).
 */
export async function fetchOutboxKey(userId: string, ask: AskOutboxKey, version?: number): Promise<OutboxKey | null> {
  if (!navigator.onLine) return null;
  try {
    const answer = await within(ask(version), ASK_TIMEOUT_MS);
    if (answer.userId !== userId) return null; // the cookie is another account's now (a login in another tab)
    if (version !== undefined && answer.version !== version) return null;
    const key: OutboxKey = { userId, version: answer.version, key: await deriveOutboxKey(userId, answer.version, answer.key) };
    await keepOutboxKey(key).catch(() => undefined); // not kept: asked for again next time
    return key;
  } catch {
    return null;
  }
}

/**
 * What the outbox of one account is sealed and opened with: `current` seals new checks (null when no key
 * could be had: then nothing is written to the device, `offlineQueue.ts`), `open` finds the key of a
 * version (kept, else asked for while online).
 */
export interface OutboxKeyring {
  userId: string;
  current: OutboxKey | null;
  open(version: number): Promise<CryptoKey | null>;
}

/**
 * `userId`'s keyring: the newest kept key, else (online, with `ask`) the current one fetched and kept.
 * Without `ask` (the logout, which must work in a dead zone) only the kept keys.
 */
export async function outboxKeyring(userId: string, ask?: AskOutboxKey): Promise<OutboxKeyring> {
  const kept = await keptOutboxKeys(userId);
  const byVersion = new Map<number, Promise<CryptoKey | null>>(kept.map((k) => [k.version, Promise.resolve(k.key)]));
  const current = kept[0] ?? (ask ? await fetchOutboxKey(userId, ask) : null);
  if (current) byVersion.set(current.version, Promise.resolve(current.key));
  return {
    userId,
    current,
    open(version) {
      let key = byVersion.get(version);
      if (!key) {
        key = ask ? fetchOutboxKey(userId, ask, version).then((k) => k?.key ?? null) : Promise.resolve(null);
        // a version that could not be had is asked for again next time
        void key.then((k) => {
          if (!k) byVersion.delete(version);
        });
        byVersion.set(version, key);
      }
      return key;
    },
  };
}

/** The key asked for with `fetch` (the login page has no Apollo). */
export const askOutboxKeyWithFetch: AskOutboxKey = async (version) =>
  (await postGraphQL<OutboxKeyQuery, { version?: number }>('OutboxKey', OUTBOX_KEY_QUERY, version === undefined ? {} : { version })).outboxKey;

/**
 * Right after a login, for an account that records checks and has no step left to take: its current key
 * is fetched and kept at once, so the on-site screen first opened later in a dead zone can seal. Never
 * fails (the screen asks again when it is online). Returns whether a key is kept.
 */
export async function keepOutboxKeyAfterLogin(user: { id: string; role: string; mustChangePassword: boolean; mustEnrolTotp: boolean }): Promise<boolean> {
  if (!mayRecordChecks(user.role) || user.mustChangePassword || user.mustEnrolTotp) return false;
  return !!(await fetchOutboxKey(user.id, askOutboxKeyWithFetch).catch(() => null));
}
