import argon2 from 'argon2';
import bcrypt from 'bcryptjs';

/**
 * Password hashing: argon2id through the native `argon2` package (libargon2), run on libuv's thread
 * pool so the event loop stays free. The cost was measured on this deployment's 2-core machine
 * (`pnpm --filter @evs/server bench:login`): 19 MiB and 2 passes is OWASP's argon2id baseline and
 * keeps a whole login well under 150 ms p50; above ~24 MiB the time per hash jumps several-fold here.
 * Older hashes (bcrypt from bcryptjs, or argon2 with other parameters) still verify and are
 * replaced at the next successful login (`needsRehash`).
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

const isBcrypt = (hash: string) => /^\$2[aby]\$/.test(hash);

/** Whether `password` matches `hash` (argon2 or a legacy bcrypt hash); never throws for a bad hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    if (isBcrypt(hash)) return await bcrypt.compare(password, hash);
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash made with other parameters or another algorithm: replace it once the password is known. */
export function needsRehash(hash: string): boolean {
  if (isBcrypt(hash)) return true;
  try {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  } catch {
    return true;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of a real check when there is no account (or it is locked), so that the time of
 * the answer does not tell an unknown user or a locked account from a wrong password.
 */
export async function spendVerifyTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-never-matches');
  await verifyPassword(await decoy, password);
}
