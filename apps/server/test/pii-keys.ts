import { createHash } from 'node:crypto';

/** Fixed keys of the test runs (derived from labels, so every run and worker agrees). Never used outside tests. */
const key = (label: string) => createHash('sha256').update(`evs-test-${label}`).digest('base64');

export const TEST_PII_ENV = {
  PII_KEYS: `test1:${key('pii-1')}`,
  PII_HASH_KEY: key('pii-hash'),
};

/** A second encryption key (rotation tests): `test2` active, `test1` still decrypting. */
export const TEST_PII_KEY_2 = `test2:${key('pii-2')}`;

/** Puts the test keys in the environment (global setup; the workers inherit it). */
export function useTestPiiKeys(): void {
  Object.assign(process.env, TEST_PII_ENV);
}
