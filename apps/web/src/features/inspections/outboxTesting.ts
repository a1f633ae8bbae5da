/**
 * Test support for the on-site outbox (unit tests only): what the server would give an account as its
 * outbox key, the working keyring the device derives from it, and a check as an older build kept it in
 * the clear. Not imported by the app.
 */
import type { QueuedInspection } from './offlineQueue';
import { deriveOutboxKey, keepOutboxKey, type OutboxKey, type OutboxKeyring } from './outboxKey';

/** The server's key of `userId` of `version` (base64 of 32 bytes): a fixed function of both, as HKDF on the server is. */
export function serverKeyOf(userId: string, version = 1): string {
  const bytes = new Uint8Array(32);
  const seed = `${userId}:v${version}`;
  for (let i = 0; i < 32; i += 1) bytes[i] = (seed.charCodeAt(i % seed.length) * (i + 7)) & 0xff;
  return btoa(String.fromCharCode(...bytes));
}

/** What the server answers to `outboxKey` for `userId`. */
export const outboxKeyAnswer = (userId: string, version = 1) => ({ __typename: 'OutboxKey' as const, userId, version, key: serverKeyOf(userId, version) });

/** The working key this device derives for `userId` of `version`. */
export async function workingKey(userId: string, version = 1): Promise<OutboxKey> {
  return { userId, version, key: await deriveOutboxKey(userId, version, serverKeyOf(userId, version)) };
}

/** A keyring sealing under `version` and opening every version up to it (as the server gives them). */
export async function testKeyring(userId: string, version = 1): Promise<OutboxKeyring> {
  const current = await workingKey(userId, version);
  return { userId, current, open: async (v) => (v >= 1 && v <= version ? (await workingKey(userId, v)).key : null) };
}

/** Keeps `userId`'s working key on the device, as a login does. */
export async function keepTestKey(userId: string, version = 1): Promise<OutboxKeyring> {
  await keepOutboxKey(await workingKey(userId, version));
  return testKeyring(userId, version);
}

/** Writes a check as an older build did: in the clear. */
export function putClearCheck(item: QueuedInspection): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('evs-onsite', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('inspections', { keyPath: 'id' }).createIndex('activityId', 'activityId');
    req.onsuccess = () => {
      const db = req.result;
      const t = db.transaction('inspections', 'readwrite');
      t.objectStore('inspections').put(item);
      t.oncomplete = () => {
        db.close();
        resolve();
      };
      t.onerror = () => reject(t.error);
    };
    req.onerror = () => reject(req.error);
  });
}
