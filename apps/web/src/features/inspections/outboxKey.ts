import type { OutboxKeyQuery } from '@/gql/graphql';
import { keepOutboxKey, keptOutboxKey } from '@/shared/deviceCopies';
import { postGraphQL } from '@/shared/graphqlRequest';

/**
 * The key that seals the signed-in officer's checks in the on-site outbox (`offlineQueue.ts`): derived
 * by the server for this account alone (the same at every login), given only to its session, kept on
 * the device with the session's other copies (`shared/deviceCopies.ts`: forgotten at logout, at the
 * next login and at the session's end), so that the on-site screen opened again in a dead zone still
 * seals and opens the checks. GraphQL Code Generator reads this text (tagged by its GraphQL comment) and
 * writes `OutboxKeyDocument`, which the screen sends through Apollo; the login page sends it with `fetch`.
 */
export const OUTBOX_KEY_QUERY = /* GraphQL */ `
  query OutboxKey {
    outboxKey {
      userId
      key
    }
  }
`;

export type OutboxKeyAnswer = OutboxKeyQuery['outboxKey'];
/** Asks the server for the signed-in account's outbox key. */
export type AskOutboxKey = () => Promise<OutboxKeyAnswer>;

/** The roles that record inspections (the server's `ON_SITE_SUPERVISORS`): only they have a key. */
export const mayRecordChecks = (role: string): boolean => role === 'SECURITY_DETACHMENT';

/** How long the screen waits for the key before keeping a check without it (it is sealed once the key comes). */
const ASK_TIMEOUT_MS = 8_000;

const imported = new Map<string, Promise<CryptoKey>>();

/** The key the server gave (base64 of 32 bytes) as a Web Crypto AES-GCM key that cannot be exported. */
export function importOutboxKey(raw: string): Promise<CryptoKey> {
  let key = imported.get(raw);
  if (!key) {
    const bytes = Uint8Array.from(atob(raw), (c) => c.charCodeAt(0));
    key = bytes.length === 32 ? crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']) : Promise.reject(new Error('outbox key: 32 bytes expected'));
    key.catch(() => imported.delete(raw));
    imported.set(raw, key);
  }
  return key;
}

function within<T>(answer: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    answer.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * `userId`'s outbox key: the one kept on the device for this session, else (online) asked for and kept.
 * Null when it cannot be had now (offline without a kept key, a refusal, a session that is another
 * account's): the caller asks again later.
 */
export async function outboxKeyOf(userId: string, ask?: AskOutboxKey): Promise<CryptoKey | null> {
  const kept = keptOutboxKey();
  if (kept?.userId === userId) {
    try {
      return await importOutboxKey(kept.key);
    } catch {
      /* damaged: asked for again */
    }
  }
  if (!ask || !navigator.onLine) return null;
  try {
    const answer = await within(ask(), ASK_TIMEOUT_MS);
    if (answer.userId !== userId) return null; // the cookie is another account's now (a login in another tab)
    const key = await importOutboxKey(answer.key);
    keepOutboxKey(userId, answer.key);
    return key;
  } catch {
    return null;
  }
}

/** The key asked for with `fetch` (the login page has no Apollo). */
export const askOutboxKeyWithFetch: AskOutboxKey = async () =>
  (await postGraphQL<OutboxKeyQuery, Record<string, never>>('OutboxKey', OUTBOX_KEY_QUERY, {})).outboxKey;

/**
 * Right after a login, for an account that records checks and has no step left to take: its key is
 * asked for and kept at once, so the on-site screen first opened later in a dead zone can seal. Never
 * fails (the screen asks again when it is online).
 */
export async function keepOutboxKeyAfterLogin(user: { id: string; role: string; mustChangePassword: boolean; mustEnrolTotp: boolean }): Promise<void> {
  if (!mayRecordChecks(user.role) || user.mustChangePassword || user.mustEnrolTotp) return;
  await outboxKeyOf(user.id, askOutboxKeyWithFetch).catch(() => null);
}
