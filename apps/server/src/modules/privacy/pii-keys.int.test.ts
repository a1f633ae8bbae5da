import { randomBytes } from 'node:crypto';
import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { TEST_PII_ENV, TEST_PII_KEY_2 } from '../../../test/pii-keys';
import { idFor } from '../../../test/vetting-fixtures';
import { configurePii, decryptPii, parsePiiKeyring, PiiKeyError, piiCipherKeyId, PiiKeyring } from '../../common/pii';
import { loadConfig } from '../../config';
import { verifyPiiKeys } from './key-check';
import { cipherKeyCounts, ENCRYPTED_COLUMNS, rehashPii, rotatePii } from './rotation';

const GUARDS = `query ($filter: GuardFilterInput) { guards(filter: $filter, page: { pageSize: 30 }) { items { id idNumber relatives { name idNumber } } } }`;
const VETTING = `query($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 200 }) { items { id guardId idNumber decision checked
  hits { subjectName subjectIdNumber record { name } } relatives { name idNumber } } } }`;
const CREATE = `mutation ($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;

const original = parsePiiKeyring(TEST_PII_ENV)!;
/** `test2` active, `test1` still decrypting: the keyring during a rotation. */
const rotating = parsePiiKeyring({ PII_KEYS: `${TEST_PII_KEY_2},${TEST_PII_ENV.PII_KEYS}`, PII_HASH_KEY: TEST_PII_ENV.PII_HASH_KEY })!;
const rotated = parsePiiKeyring({ PII_KEYS: TEST_PII_KEY_2, PII_HASH_KEY: TEST_PII_ENV.PII_HASH_KEY })!;

describe('personal-information keys: refusal, rotation, rehash', () => {
  let t: TestApp;
  let baoan: TestClient;
  let vettingActivity: string;

  beforeAll(async () => {
    configurePii(original);
    t = await createTestApp();
    baoan = await t.login('baoan');
    // The demo's activity in 背景审核, with hits on guards and relatives.
    [{ activity_id: vettingActivity }] = await t.sql(
      `SELECT re.activity_id FROM vetting_hits h JOIN roster_entries re ON re.id = h.roster_entry_id JOIN activities a ON a.id = re.activity_id
        WHERE a.status = 'VETTING' LIMIT 1`,
    );
  });
  afterAll(async () => {
    configurePii(original);
    await t?.close();
  });

  /** Everything the detachment reads whole: guards with relatives, roster entries with hits and relatives. */
  const readAll = async () => {
    const guards = expectData(await baoan.gql(GUARDS, {})).guards.items;
    const entries = expectData(await baoan.gql(VETTING, { id: vettingActivity })).rosterEntries.items;
    return JSON.stringify({ guards, entries });
  };

  it('refuses to start without keys on a real deployment, and a wrong key at startup, each in Chinese', async () => {
    const saved = { ...process.env };
    try {
      process.env.DATABASE_URL = 'postgres://evs@localhost/evs';
      delete process.env.PII_KEYS;
      delete process.env.PII_HASH_KEY;
      expect(() => loadConfig()).toThrow(/使用 DATABASE_URL（正式部署）时必须设置个人信息加密密钥 PII_KEYS/);
    } finally {
      process.env = saved;
    }
    // The database knows the fingerprints of its keys (recorded when the template was prepared).
    await expect(verifyPiiKeys(t.ds, original)).resolves.toBeUndefined();
    const wrongHash = parsePiiKeyring({ PII_KEYS: TEST_PII_ENV.PII_KEYS, PII_HASH_KEY: randomBytes(32).toString('base64') })!;
    await expect(verifyPiiKeys(t.ds, wrongHash)).rejects.toThrow(/PII_HASH_KEY 与本数据库写入时使用的不同：按身份证号的比对将全部落空/);
    const wrongKey = parsePiiKeyring({ PII_KEYS: `test1:${randomBytes(32).toString('base64')}`, PII_HASH_KEY: TEST_PII_ENV.PII_HASH_KEY })!;
    await expect(verifyPiiKeys(t.ds, wrongKey)).rejects.toThrow(/PII_KEYS 中的密钥“test1”与本数据库记录的同名密钥不同/);
    // Reading with the wrong key: an error, never a wrong value.
    const [{ id_cipher }] = await t.sql(`SELECT id_cipher FROM guards WHERE id_cipher IS NOT NULL LIMIT 1`);
    configurePii(wrongKey);
    try {
      expect(() => decryptPii(id_cipher)).toThrow(PiiKeyError);
      const r = await baoan.gql(GUARDS, {});
      expect(r.errors?.[0]).toBeDefined();
      expect(r.data?.guards ?? null).toBeNull();
    } finally {
      configurePii(original);
    }
  });

  it('rotates to a new key in batches: reads keep working midway, new writes use the new key, the old key can then go', async () => {
    const before = await readAll();
    const total = Object.values(await cipherKeyCounts(t.ds)).reduce((a, b) => a + b, 0);
    expect(await cipherKeyCounts(t.ds)).toEqual({ test1: total });
    configurePii(rotating);
    await verifyPiiKeys(t.ds, rotating);

    const partial = await rotatePii(t.ds, { batchSize: 40, maxBatches: 3 });
    expect(partial.complete).toBe(false);
    expect(partial.remaining).toEqual({ test1: total - 120, test2: 120 });
    expect(await readAll()).toBe(before);

    const company = await t.login('company1');
    const { createGuard } = expectData(await company.gql(CREATE, { input: { name: '轮换中', idNumber: idFor('1990-05-05'), phone: '13904279999', education: 'SENIOR_MIDDLE' } }));
    const [{ id_cipher: fresh }] = await t.sql(`SELECT id_cipher FROM guards WHERE id = $1`, [createGuard.id]);
    expect(piiCipherKeyId(fresh)).toBe('test2');

    // Guards on open rosters are re-encrypted too: their hashes (the vetted identity) do not change.
    const [{ n: locked }] = await t.sql(`SELECT count(*)::int AS n FROM guards g WHERE guard_open_roster_activity(ARRAY[g.id]) IS NOT NULL`);
    expect(locked).toBeGreaterThan(0);
    const identities = await t.sql(`SELECT id, identity_hash, guard_identity_hash(guard_id) AS now FROM roster_entries WHERE identity_hash IS NOT NULL ORDER BY id`);
    const done = await rotatePii(t.ds, { batchSize: 500 });
    expect(done.complete).toBe(true);
    expect(done.remaining).toEqual({ test2: total + 1 });
    expect(await t.sql(`SELECT id, identity_hash, guard_identity_hash(guard_id) AS now FROM roster_entries WHERE identity_hash IS NOT NULL ORDER BY id`)).toEqual(identities);
    // Idempotent: nothing left to do.
    expect((await rotatePii(t.ds)).tables.every((x) => x.rotated === 0)).toBe(true);

    configurePii(rotated);
    expect(await readAll()).toBe(before);
    for (const { table, columns } of ENCRYPTED_COLUMNS) {
      for (const c of columns) {
        const rows: Record<string, string>[] = await t.sql(`SELECT ${c} AS v FROM ${table} WHERE ${c} IS NOT NULL LIMIT 20`);
        for (const r of rows) expect(() => decryptPii(r.v)).not.toThrow();
      }
    }
    // The old key alone no longer opens anything.
    configurePii(original);
    expect(() => decryptPii(fresh)).toThrow(/密钥“test2”加密，但 PII_KEYS 中没有该密钥/);
    configurePii(rotated);
  });

  it('changes the hash key (pii:rehash): matches and vetted identities hold under the new key, the old one is refused', async () => {
    const ring: PiiKeyring = { ...rotated };
    configurePii(ring);
    const before = await readAll();
    const [g] = await t.sql(`SELECT id, id_cipher FROM guards WHERE status = 'ACTIVE' AND id_cipher IS NOT NULL ORDER BY name LIMIT 1`);
    const idNumber = decryptPii(g.id_cipher);
    const checked = await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE identity_hash = guard_identity_hash(guard_id)`);

    const newHashKey = randomBytes(32);
    const counts = await rehashPii(t.ds, newHashKey, { batchSize: 100 });
    expect(counts.guards).toBeGreaterThan(0);
    expect(counts.roster_entries).toBe(checked[0].n);
    const next: PiiKeyring = { keys: ring.keys, hashKey: newHashKey };
    configurePii(next);
    await expect(verifyPiiKeys(t.ds, next)).resolves.toBeUndefined();
    await expect(verifyPiiKeys(t.ds, ring)).rejects.toThrow(/PII_HASH_KEY/);

    // The same person is found by number; every identity that held still holds; the vetting reads the same.
    const found = expectData(await baoan.gql(`query ($filter: GuardFilterInput) { guards(filter: $filter) { items { id } } }`, { filter: { search: idNumber } })).guards.items;
    expect(found.map((x: { id: string }) => x.id)).toContain(g.id);
    expect(await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE identity_hash = guard_identity_hash(guard_id)`)).toEqual(checked);
    expect(await readAll()).toBe(before);
    const recheck = await baoan.gql(`mutation($id: ID!) { recheckVetting(activityId: $id) }`, { id: vettingActivity });
    expect(recheck.errors).toBeUndefined();
    const hitsAfter = await t.sql(`SELECT count(*)::int AS n FROM vetting_hits h JOIN roster_entries re ON re.id = h.roster_entry_id WHERE re.activity_id = $1`, [vettingActivity]);
    expect(hitsAfter[0].n).toBeGreaterThan(0);
  });
});
