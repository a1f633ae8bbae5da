import { withCreditCheckChar } from '@evs/schema';
import { randomInt } from 'node:crypto';

/** A valid GB 32100 统一社会信用代码 (an enterprise's: 91, then 盘锦's area code) no other test uses. */
export function creditCode(): string {
  let body = '912111';
  while (body.length < 17) body += String(randomInt(10));
  return withCreditCheckChar(body);
}

let seq = 0;
/** A short suffix no other call in this process returns (usernames, names of test units). */
export const uniq = (): string => `${Date.now().toString(36).slice(-4)}${++seq}`;
