import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { configurePii, encryptPii, idHash, nameHash, parsePiiKeyring } from '../common/pii';

/**
 * The benchmarks' personal-information keys: PII_KEYS/PII_HASH_KEY when set, else fixed keys derived
 * from a label (the generated data is not real, and a kept data set must decrypt on the next run).
 */
export function useBenchPiiKeys(): void {
  const key = (label: string) => createHash('sha256').update(`evs-bench-${label}`).digest('base64');
  if (!process.env.PII_KEYS && !process.env.PII_HASH_KEY) Object.assign(process.env, { PII_KEYS: `bench1:${key('pii')}`, PII_HASH_KEY: key('pii-hash') });
  configurePii(parsePiiKeyring(process.env));
}

type Field = 'idCipher' | 'idHash' | 'nameCipher' | 'nameHash';

/**
 * Moves rows generated in plaintext into a session's temp table (`k` int key, `id_number`, and
 * `pname` when a name is encrypted) to their real table as the app stores them: the ID number (and
 * name) encrypted and hashed in JS, in batches. `insert` reads `$1` (keys) and `$2…` (the fields, in
 * order) and joins them to the temp table as `v(k, …)`.
 */
export async function insertEncrypted(client: Client, table: string, fields: Field[], insert: string, batch = 20_000): Promise<number> {
  await client.query(`CREATE INDEX ON ${table} (k)`);
  let last = -1;
  let total = 0;
  for (;;) {
    const { rows } = await client.query<{ k: number; id_number: string; pname?: string }>(
      `SELECT k, id_number${fields.some((f) => f.startsWith('name')) ? ', pname' : ''} FROM ${table} WHERE k > $1 ORDER BY k LIMIT ${batch}`,
      [last],
    );
    if (!rows.length) return total;
    const column = (f: Field) =>
      rows.map((r) => (f === 'idCipher' ? encryptPii(r.id_number) : f === 'idHash' ? idHash(r.id_number) : f === 'nameCipher' ? encryptPii(r.pname!) : nameHash(r.pname!)));
    await client.query(insert, [rows.map((r) => r.k), ...fields.map(column)]);
    last = rows[rows.length - 1].k;
    total += rows.length;
  }
}
