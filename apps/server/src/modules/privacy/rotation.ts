import { DataSource } from 'typeorm';
import { activePiiKeyId, decryptPii, idHashWith, nameHashWith, piiKeyring, reencryptPii } from '../../common/pii';
import { replaceHashKeyFingerprint } from './key-check';

/** Every encrypted column (`pii:rotate` re-encrypts them; the privacy test scans every other text column). */
export const ENCRYPTED_COLUMNS: { table: string; columns: string[] }[] = [
  { table: 'guards', columns: ['id_cipher'] },
  { table: 'guard_relatives', columns: ['id_cipher', 'name_cipher'] },
  { table: 'certificate_revocations', columns: ['id_cipher'] },
  { table: 'criminal_records', columns: ['id_cipher', 'name_cipher'] },
  { table: 'vetting_hits', columns: ['subject_id_cipher', 'subject_name_cipher', 'record_name_cipher'] },
  { table: 'users', columns: ['totp_secret', 'totp_pending_secret'] },
];

export interface RotationProgress {
  table: string;
  /** Rows re-encrypted by this run. */
  rotated: number;
}

export interface RotationResult {
  activeKeyId: string;
  tables: RotationProgress[];
  /** False when stopped by `maxBatches` before every ciphertext was under the active key. */
  complete: boolean;
  /** Ciphertexts still under each key id, after the run (all under the active one when complete). */
  remaining: Record<string, number>;
}

/**
 * Re-encrypts every ciphertext under the active key (the first of PII_KEYS), table by table in
 * batches of `batchSize` rows, each batch one statement. Idempotent and resumable: it picks only
 * what is not yet under the active key, so a stopped run continues where it was. A row the app
 * changed meanwhile is left as the app wrote it (under the active key already): each update
 * applies only if the ciphertexts are still those read. Hashes do not change, so the identity
 * locks of guards on open rosters are not touched.
 */
export async function rotatePii(
  ds: DataSource,
  options: { batchSize?: number; maxBatches?: number; onBatch?: (p: RotationProgress) => void } = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 2000;
  const active = activePiiKeyId();
  const prefix = `v1:${active}:%`;
  let batches = 0;
  let complete = true;
  const tables: RotationProgress[] = [];
  outer: for (const { table, columns } of ENCRYPTED_COLUMNS) {
    const progress: RotationProgress = { table, rotated: 0 };
    tables.push(progress);
    const stale = columns.map((c) => `(${c} IS NOT NULL AND ${c} NOT LIKE $2)`).join(' OR ');
    let last = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) {
        complete = false;
        break outer;
      }
      const rows: Record<string, string | null>[] = await ds.query(
        `SELECT id, ${columns.join(', ')} FROM ${table} WHERE id > $1 AND (${stale}) ORDER BY id LIMIT ${batchSize}`,
        [last, prefix],
      );
      if (!rows.length) break;
      batches++;
      const params: unknown[] = [rows.map((r) => r.id)];
      for (const c of columns) {
        params.push(rows.map((r) => r[c]));
        params.push(rows.map((r) => (r[c] == null ? null : reencryptPii(r[c]!))));
      }
      const sets = columns.map((c, i) => `${c} = v.n${i}`).join(', ');
      const same = columns.map((c, i) => `t.${c} IS NOT DISTINCT FROM v.o${i}`).join(' AND ');
      const cols = columns.map((_, i) => `o${i}, n${i}`).join(', ');
      const types = columns.map((_, i) => `$${2 + 2 * i}::text[], $${3 + 2 * i}::text[]`).join(', ');
      await ds.query(`UPDATE ${table} t SET ${sets} FROM unnest($1::uuid[], ${types}) AS v(id, ${cols}) WHERE t.id = v.id AND ${same}`, params);
      progress.rotated += rows.length;
      options.onBatch?.(progress);
      last = rows[rows.length - 1].id as string;
    }
  }
  return { activeKeyId: active, tables, complete, remaining: await cipherKeyCounts(ds) };
}

/** How many ciphertexts each key id holds, over every encrypted column. */
export async function cipherKeyCounts(ds: DataSource): Promise<Record<string, number>> {
  const parts = ENCRYPTED_COLUMNS.flatMap(({ table, columns }) =>
    columns.map((c) => `SELECT split_part(${c}, ':', 2) AS key_id, count(*) AS n FROM ${table} WHERE ${c} IS NOT NULL GROUP BY 1`),
  );
  const rows: { key_id: string; n: string }[] = await ds.query(`SELECT key_id, sum(n)::bigint AS n FROM (${parts.join(' UNION ALL ')}) x GROUP BY key_id ORDER BY key_id`);
  return Object.fromEntries(rows.map((r) => [r.key_id, Number(r.n)]));
}

/**
 * Changes the hash key (PII_HASH_KEY → `newHashKey`): every keyed hash is recomputed from the
 * decrypted values, and the vetted identities that still held are carried over, in ONE transaction
 * with the tables locked against writes (stop the API nodes first; see README). The identity locks
 * are suspended for the statement only: the people do not change, only their hashes.
 */
export async function rehashPii(ds: DataSource, newHashKey: Buffer, options: { batchSize?: number } = {}): Promise<Record<string, number>> {
  const batchSize = options.batchSize ?? 5000;
  if (newHashKey.equals(piiKeyring().hashKey)) throw new Error('新的哈希密钥与当前 PII_HASH_KEY 相同');
  return ds.transaction(async (m) => {
    await m.query(`LOCK TABLE guards, guard_relatives, certificate_revocations, criminal_records, roster_entries IN EXCLUSIVE MODE`);
    // The identities as they hold now, under the old key, to carry over what still matched.
    await m.query(`CREATE TEMP TABLE rehash_identity ON COMMIT DROP AS SELECT id AS guard_id, guard_identity_hash(id) AS old FROM guards`);
    await m.query(`ALTER TABLE guards DISABLE TRIGGER trg_guards_identity`);
    await m.query(`ALTER TABLE guard_relatives DISABLE TRIGGER trg_relatives_identity_update`);
    const counts: Record<string, number> = {};
    const work: { table: string; select: string; update: string; values: (r: Record<string, string>) => unknown[] }[] = [
      {
        table: 'guards',
        select: `SELECT id, id_cipher FROM guards WHERE id_cipher IS NOT NULL`,
        update: `UPDATE guards t SET id_hash = v.h FROM unnest($1::uuid[], $2::bytea[]) AS v(id, h) WHERE t.id = v.id`,
        values: (r) => [idHashWith(newHashKey, decryptPii(r.id_cipher))],
      },
      {
        table: 'guard_relatives',
        select: `SELECT id, id_cipher, name_cipher FROM guard_relatives`,
        update: `UPDATE guard_relatives t SET id_hash = v.h, name_hash = v.nh FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) AS v(id, h, nh) WHERE t.id = v.id`,
        values: (r) => [idHashWith(newHashKey, decryptPii(r.id_cipher)), nameHashWith(newHashKey, decryptPii(r.name_cipher))],
      },
      {
        table: 'certificate_revocations',
        select: `SELECT id, id_cipher FROM certificate_revocations`,
        update: `UPDATE certificate_revocations t SET id_hash = v.h FROM unnest($1::uuid[], $2::bytea[]) AS v(id, h) WHERE t.id = v.id`,
        values: (r) => [idHashWith(newHashKey, decryptPii(r.id_cipher))],
      },
      {
        table: 'criminal_records',
        select: `SELECT id, id_cipher FROM criminal_records`,
        update: `UPDATE criminal_records t SET id_hash = v.h FROM unnest($1::uuid[], $2::bytea[]) AS v(id, h) WHERE t.id = v.id`,
        values: (r) => [idHashWith(newHashKey, decryptPii(r.id_cipher))],
      },
    ];
    for (const w of work) {
      counts[w.table] = 0;
      let last = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows: Record<string, string>[] = await m.query(
          `${w.select} ${w.select.includes('WHERE') ? 'AND' : 'WHERE'} id > $1 ORDER BY id LIMIT ${batchSize}`,
          [last],
        );
        if (!rows.length) break;
        const computed = rows.map(w.values);
        const columns = computed[0].map((_, i) => computed.map((c) => c[i]));
        await m.query(w.update, [rows.map((r) => r.id), ...columns]);
        counts[w.table] += rows.length;
        last = rows[rows.length - 1].id;
      }
    }
    // The deferred triggers of the rows just written (migration SuggestionInputsVersion) fire now:
    // ALTER TABLE refuses a table with pending trigger events.
    await m.query(`SET CONSTRAINTS ALL IMMEDIATE`);
    await m.query(`ALTER TABLE guards ENABLE TRIGGER trg_guards_identity`);
    await m.query(`ALTER TABLE guard_relatives ENABLE TRIGGER trg_relatives_identity_update`);
    // guard_identity_hash now reads the new hashes: carry over each identity that held before.
    const carried: { id: string }[] = await m.query(
      `WITH done AS (UPDATE roster_entries re SET identity_hash = guard_identity_hash(re.guard_id)
                       FROM rehash_identity o WHERE o.guard_id = re.guard_id AND re.identity_hash = o.old RETURNING re.id)
       SELECT id FROM done`,
    );
    counts.roster_entries = carried.length;
    await replaceHashKeyFingerprint(m, newHashKey);
    return counts;
  });
}
