import { randomInt } from 'node:crypto';

/** Characters that survive being read off paper: no 0/O, 1/l/I, and symbols on every keyboard. */
const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?!'] as const;
export const INITIAL_PASSWORD_LENGTH = 12;

/**
 * A one-time initial password for a new account (开户通知): 12 characters from a CSPRNG with every
 * class present (≈ 70 bits), so it passes any composition rule; the holder must change it at first login.
 */
export function generateInitialPassword(): string {
  const all = CLASSES.join('');
  const chars = CLASSES.map((c) => c[randomInt(c.length)]);
  while (chars.length < INITIAL_PASSWORD_LENGTH) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
