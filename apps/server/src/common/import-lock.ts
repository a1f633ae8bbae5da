import type { DataSource } from 'typeorm';
import { conflict } from './errors';

/**
 * One import (importGuards, importCompanies, importRecords; PREVIEW or COMMIT) per unit at a time.
 * Reading a file is the costly part of an import (up to 15 MB of CSV, or an .xlsx that inflates to
 * tens of MB), and nothing in it is worth doing twice at once: eight hostile previews sent together
 * by one account took 24 s and slowed every other user to 2 s (red team 3, H3).
 *
 * The lock is PostgreSQL's, not the process's: API nodes keep no state (SPEC §8), and two requests of
 * one unit may land on two nodes. It is a session-level advisory lock taken with pg_try_advisory_lock
 * on a connection of its own, held while the file is read and the import runs (on other connections,
 * in its own transactions), and released in `finally`; if the node dies, PostgreSQL ends the session
 * and the lock with it. Not a transaction-level lock: the import's transaction begins only after the
 * file is read, and a transaction left open while a file is parsed would meet idle_in_transaction_session_timeout.
 * The two-key form, in a key space of its own (hashtext('unit-import'), hashtext(unit id)): the
 * one-key locks the imports take on COMMIT (guard-import:…, records-import, company-import) still
 * order imports of different units into one register.
 *
 * Each import in flight holds one pooled connection for its lock, so a node runs at most
 * MAX_IMPORTS_PER_NODE at once: more would leave too few connections in the pool (20 by default) for
 * the imports' own queries and everyone else's. A unit's second import on the same node is refused as
 * IMPORT_RUNNING before it counts against that cap or takes a connection (`unitsImporting`): ten imports
 * of one unit sent at once must all hear "本单位…正在进行", not "系统正在处理较多导入" because the
 * unit's own refused attempts held the node's slots for a moment (CI flake at 6cdea65).
 */
const MAX_IMPORTS_PER_NODE = 5;
let importsInFlight = 0;
const unitsImporting = new Set<string>();

export const IMPORT_RUNNING = '本单位有一个导入（预览或导入）正在进行，请等它完成后再试';
export const IMPORTS_BUSY = '系统正在处理较多导入，请稍后再试';

export async function oneImportPerUnit<T>(ds: DataSource, unitId: string, work: () => Promise<T>): Promise<T> {
  if (unitsImporting.has(unitId)) throw conflict(IMPORT_RUNNING);
  if (importsInFlight >= MAX_IMPORTS_PER_NODE) throw conflict(IMPORTS_BUSY);
  unitsImporting.add(unitId);
  importsInFlight += 1;
  try {
    const runner = ds.createQueryRunner();
    await runner.connect();
    let releaseError: unknown;
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('unit-import'), hashtext($1)) AS locked`, [unitId]);
      if (!locked) throw conflict(IMPORT_RUNNING);
      try {
        return await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('unit-import'), hashtext($1))`, [unitId]).catch((err: unknown) => {
          releaseError = err;
        });
      }
    } finally {
      // A connection whose unlock failed may still hold the lock: it is closed, not put back in the pool
      // (given an error, TypeORM's release hands it to pg's pool as broken, and the pool drops it).
      if (releaseError) await (runner as unknown as { releasePostgresConnection(err: unknown): Promise<void> }).releasePostgresConnection(releaseError);
      else await runner.release();
    }
  } finally {
    importsInFlight -= 1;
    unitsImporting.delete(unitId);
  }
}
