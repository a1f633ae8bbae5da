import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, Kind, SelectionSetNode, valueFromASTUntyped, ValueNode } from 'graphql';
import type { AppContext } from './context';
import { badInput } from './errors';

/** `PageInput.pageSize`'s own limit (common/pagination.ts). */
const MAX_PAGE_SIZE = 500;

/** Rows one request may ask for across its paged lists (aliases and nesting multiplied). */
export const MAX_ROWS_PER_REQUEST = 1000;

/** A list field's `page: { pageSize }` (literal or variable), the default 20 when `page` is given without one. */
function pageSizeOf(args: readonly { name: { value: string }; value: ValueNode }[] | undefined, variables: Record<string, unknown>): number | null {
  const page = args?.find((a) => a.name.value === 'page')?.value;
  if (!page) return null;
  const read = (v: ValueNode | undefined): unknown => {
    if (!v) return undefined;
    if (v.kind === Kind.VARIABLE) return variables[v.name.value];
    if (v.kind === Kind.INT) return Number(v.value);
    if (v.kind === Kind.OBJECT) return Object.fromEntries(v.fields.map((f) => [f.name.value, read(f.value)]));
    return undefined;
  };
  const value = read(page) as { pageSize?: unknown } | null | undefined;
  const size = value && typeof value === 'object' ? value.pageSize : undefined;
  // A size over the page's own limit is refused by its validator, naming the field: counted at that limit.
  return typeof size === 'number' && Number.isFinite(size) && size > 0 ? Math.min(size, MAX_PAGE_SIZE) : 20;
}

/** Rows a selection set asks for: each paged list's size times what its items ask for (at least 1 each). */
function rowsOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>, seen: Set<string>): number {
  if (!set) return 0;
  let rows = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const size = pageSizeOf(s.arguments, variables);
      const inner = rowsOf(s.selectionSet, fragments, variables, seen);
      rows += size === null ? inner : size * Math.max(1, inner);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      rows += rowsOf(s.selectionSet, fragments, variables, seen);
    } else {
      const f = fragments.get(s.name.value);
      if (f && !seen.has(f.name.value)) rows += rowsOf(f.selectionSet, fragments, variables, new Set([...seen, f.name.value]));
    }
  }
  return rows;
}

/**
 * graphql-armor's cost counts fields, not the rows a page asks for: 15 aliases of a 500-guard page passed
 * every limit and one account's 40 such requests stalled the node (review 8-A F3). The rows a request asks
 * for across its paged lists are bounded; the web's largest read asks for 500.
 */
export function pageBudget(maxRows = MAX_ROWS_PER_REQUEST): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const fragments = new Map(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          if (!operation) return;
          // A variable's default counts as sent (`$p: PageInput = { pageSize: 500 }` asks for 500).
          const variables: Record<string, unknown> = {};
          for (const d of operation.variableDefinitions ?? []) {
            const given = request.variables?.[d.variable.name.value];
            variables[d.variable.name.value] = given !== undefined ? given : d.defaultValue ? valueFromASTUntyped(d.defaultValue) : undefined;
          }
          const rows = rowsOf(operation.selectionSet, fragments, variables, new Set());
          if (rows > maxRows) {
            throw badInput(`一次请求读取的记录过多（按每页条数合计${rows}条，上限${maxRows}条），请减少每页条数或分次查询`);
          }
        },
      };
    },
  };
}
