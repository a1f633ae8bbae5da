import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool } from 'pg';
import { EntityManager } from 'typeorm';

/**
 * Catches, in every integration test, code that asks the pool for a second connection while its
 * transaction holds one (`this.ds.query` inside `ds.transaction(async (m) => …)` instead of `m`).
 * Under load those transactions hold every connection and wait for one more: the node hangs.
 */

const inTransaction = new AsyncLocalStorage<true>();
const found: string[] = [];
let installed = false;

export function watchForSecondConnections(): void {
  if (installed) return;
  installed = true;
  const transaction = EntityManager.prototype.transaction;
  EntityManager.prototype.transaction = function (this: EntityManager, ...args: unknown[]) {
    const at = args.findIndex((a) => typeof a === 'function');
    const work = args[at] as (m: EntityManager) => Promise<unknown>;
    if (at >= 0) args[at] = (m: EntityManager) => inTransaction.run(true, () => work(m));
    return (transaction as (...a: unknown[]) => Promise<unknown>).apply(this, args);
  } as typeof transaction;
  const connect = Pool.prototype.connect;
  Pool.prototype.connect = function (this: Pool, ...args: unknown[]) {
    if (inTransaction.getStore()) {
      const stack = (new Error().stack ?? '').split('\n').filter((l) => l.includes('/src/') && !l.includes('node_modules')).slice(0, 6).join('\n');
      found.push(stack);
    }
    return (connect as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof connect;
}

/** Throws, naming where, when any test of this file took a second connection inside a transaction. */
export function assertNoSecondConnections(): void {
  if (!found.length) return;
  const unique = [...new Set(found)];
  found.length = 0;
  throw new Error(`a second pooled connection was requested inside a transaction (use the transaction's manager):\n${unique.join('\n---\n')}`);
}
