import { hkdfSync } from 'node:crypto';
import { piiKeyring } from '../../common/pii';

/**
 * The key of one account's on-site outbox on a phone (SPEC §2 step 7; review 11-B F1): a check the
 * officer could not send is kept on the device encrypted with AES-256-GCM under this key
 * (`apps/web/src/features/inspections/offlineQueue.ts`), which only that account's session obtains
 * (query `outboxKey`). The same account gets the same key at every login, so its checks kept through
 * a logout are sent once it is back; another account's key opens nothing of them.
 *
 * Derived, never stored: HKDF-SHA256 (RFC 5869) of the keyed-hash key `PII_HASH_KEY`, with a salt and
 * an info string of this purpose alone, so it is independent of the ID-number and name hashes made
 * with the same key material (`common/pii.ts`). The hash key, not an encryption key of `PII_KEYS`:
 * those rotate (`pii:rotate`), and a rotated key would leave the checks on a device unreadable. A
 * change of the hash key (`pii:rehash`) changes every outbox key: checks still waiting on a phone then
 * cannot be opened (the web keeps them, and says so). Never the password, never logged.
 */
const SALT = 'evs:onsite-outbox-key';
const VERSION = 'v1';

export function outboxKeyFor(userId: string, hashKey: Buffer = piiKeyring().hashKey): Buffer {
  return Buffer.from(hkdfSync('sha256', hashKey, SALT, `${VERSION}:user:${userId}`, 32));
}
