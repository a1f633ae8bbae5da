import { hkdfSync } from 'node:crypto';
import { badInput } from '../../common/errors';
import { piiKeyring } from '../../common/pii';

/**
 * The key of one account's on-site outbox on a phone (SPEC §2 step 7; review 11-B F1): a check the
 * officer could not send yet is kept on the device sealed with AES-256-GCM under a key the phone
 * derives from this one and a random salt of its own (`apps/web/src/features/inspections/outboxKey.ts`),
 * so what one phone keeps is bound to that phone and to this account. Only that account's session
 * obtains it (query `outboxKey`); the same account gets the same key of a version at every login, so
 * its checks kept through a logout are opened again once it is back on the same phone.
 *
 * Derived, never stored: HKDF-SHA256 (RFC 5869) of the keyed-hash key `PII_HASH_KEY`, with a salt and an
 * info string of this purpose alone (independent of the ID-number and name hashes made with the same key
 * material, `common/pii.ts`). Versioned: a release that raises {@link CURRENT_OUTBOX_KEY_VERSION} rotates
 * every account's key; the phone records the version each check was sealed under, asks for that version
 * to open an older check and seals it again under the current one. Never the password, never logged.
 */
const SALT = 'evs:onsite-outbox-key';

/** The version new checks are sealed under. Older versions (1 …) are still given, to open older checks. */
export const CURRENT_OUTBOX_KEY_VERSION = 1;

export function outboxKeyFor(userId: string, version: number = CURRENT_OUTBOX_KEY_VERSION, hashKey: Buffer = piiKeyring().hashKey): Buffer {
  return Buffer.from(hkdfSync('sha256', hashKey, SALT, `v${version}:user:${userId}`, 32));
}

/** The version asked for (the current one when none), refused unless it is one that exists. */
export function outboxKeyVersion(asked: number | null | undefined): number {
  if (asked === null || asked === undefined) return CURRENT_OUTBOX_KEY_VERSION;
  if (!Number.isInteger(asked) || asked < 1 || asked > CURRENT_OUTBOX_KEY_VERSION) {
    const message = `密钥版本 ${asked} 不存在（当前版本为 ${CURRENT_OUTBOX_KEY_VERSION}）`;
    throw badInput(message, [{ field: 'version', message }]);
  }
  return asked;
}
