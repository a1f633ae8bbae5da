/**
 * The answer to a COMMIT of a file with bad rows: every problem reported, nothing saved (SPEC §8, "bad
 * input: … nothing stored; an import reports every bad row"). The counts of what would have been
 * created, updated or left are zero: none of it happened. The same for every import (guards, records,
 * companies).
 */
export function nothingStored<T extends { created: number; updated: number; unchanged: number; ids: string[] }>(outcome: T): T {
  return { ...outcome, created: 0, updated: 0, unchanged: 0, ids: [] };
}
