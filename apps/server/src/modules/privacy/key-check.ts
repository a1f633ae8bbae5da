import { DataSource, QueryRunner } from 'typeorm';
import { keyFingerprint, PiiKeyError, PiiKeyring, piiKeyring } from '../../common/pii';

export const HASH_KIND = 'HASH';
export const ENCRYPTION_KIND = 'ENCRYPTION';
const HASH_KEY_ID = 'hash';

/**
 * Startup check of the personal-information keys against the fingerprints this database keeps:
 * a different PII_HASH_KEY (every ID-number match would silently miss) or a different key under a
 * known id is refused with a Chinese message; keys seen for the first time are recorded.
 */
export async function verifyPiiKeys(db: DataSource | QueryRunner, ring: PiiKeyring = piiKeyring()): Promise<void> {
  const runner = db instanceof DataSource ? db.createQueryRunner() : db;
  try {
    // Before the migration that creates the table there is nothing to check (nothing is encrypted yet).
    const [{ present }] = await runner.query(`SELECT to_regclass('public.pii_key_fingerprints') IS NOT NULL AS present`);
    if (!present) return;
    await runner.startTransaction();
    try {
      await check(runner, ring);
      await runner.commitTransaction();
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    }
  } finally {
    if (runner !== db) await runner.release();
  }
}

async function check(m: QueryRunner, ring: PiiKeyring): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(7700200)');
  const rows: { kind: string; key_id: string; fingerprint: string }[] = await m.query(`SELECT kind, key_id, fingerprint FROM pii_key_fingerprints`);
  const known = new Map(rows.map((r) => [`${r.kind}:${r.key_id}`, r.fingerprint]));
  const hash = known.get(`${HASH_KIND}:${HASH_KEY_ID}`);
  if (hash && hash !== keyFingerprint(ring.hashKey)) {
    throw new PiiKeyError(
      'PII_HASH_KEY 与本数据库写入时使用的不同：按身份证号的比对将全部落空，系统拒绝启动。请改回原来的 PII_HASH_KEY；' +
        '确需更换时先用 npm run pii:rehash 重算全部哈希（见 README“密钥轮换”）',
    );
  }
  for (const k of ring.keys) {
    const fp = known.get(`${ENCRYPTION_KIND}:${k.id}`);
    if (fp && fp !== keyFingerprint(k.key)) {
      throw new PiiKeyError(`PII_KEYS 中的密钥“${k.id}”与本数据库记录的同名密钥不同，无法解密已有数据；新密钥须使用新的编号（见 README“密钥轮换”）`);
    }
  }
  const fresh = [
    ...(hash ? [] : [{ kind: HASH_KIND, keyId: HASH_KEY_ID, fingerprint: keyFingerprint(ring.hashKey) }]),
    ...ring.keys.filter((k) => !known.has(`${ENCRYPTION_KIND}:${k.id}`)).map((k) => ({ kind: ENCRYPTION_KIND, keyId: k.id, fingerprint: keyFingerprint(k.key) })),
  ];
  if (fresh.length) {
    await m.query(
      `INSERT INTO pii_key_fingerprints (kind, key_id, fingerprint) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [fresh.map((f) => f.kind), fresh.map((f) => f.keyId), fresh.map((f) => f.fingerprint)],
    );
  }
}

/** Records a new hash key's fingerprint in place of the old one (after `pii:rehash`). */
export async function replaceHashKeyFingerprint(m: { query: DataSource['query'] }, hashKey: Buffer): Promise<void> {
  await m.query(
    `INSERT INTO pii_key_fingerprints (kind, key_id, fingerprint) VALUES ($1, $2, $3)
     ON CONFLICT (kind, key_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, created_at = now()`,
    [HASH_KIND, HASH_KEY_ID, keyFingerprint(hashKey)],
  );
}
