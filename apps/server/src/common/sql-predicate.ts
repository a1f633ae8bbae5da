import { MAX_SEARCH_LENGTH } from '@evs/schema';
import { badInput } from './errors';
/**
 * A WHERE condition with named parameters (`:name`), so that one rule serves both the TypeORM query
 * builder (`qb.andWhere(p.sql, p.params)`) and raw SQL (`bindPredicate(p, bind)`).
 */
export interface SqlPredicate {
  sql: string;
  params: Record<string, unknown>;
}

export const EVERY_ROW: SqlPredicate = { sql: 'true', params: {} };
export const NO_ROW: SqlPredicate = { sql: 'false', params: {} };

/** The predicate's SQL with each `:name` replaced by what `bind` returns for its value (e.g. `$3`). */
export function bindPredicate(p: SqlPredicate, bind: (value: unknown) => string): string {
  return p.sql.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => (name in p.params ? bind(p.params[name]) : whole));
}

/**
 * An ILIKE pattern for "contains `text`": the text's own `%`, `_` and `\` are matched as typed, not
 * as wildcards (a search for "%" finds names with a percent sign, not every row).
 */
export function containsPattern(text: string): string {
  // A name, a certificate number or an ID number is far shorter; a long pattern costs its length on
  // every row scanned (review 8-A F4: a 1 MB search ran 48 s, and 40 of them stalled the node).
  if (text.length > MAX_SEARCH_LENGTH) {
    const message = `搜索内容不能超过${MAX_SEARCH_LENGTH}个字符`;
    throw badInput(message, [{ field: 'search', message }]);
  }
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
