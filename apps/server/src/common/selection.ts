import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects directly under the current field, or under its field
 * `under` (a page's `items`), through fragments and inline fragments too, so a resolver computes
 * only what is asked for. `@include`/`@skip` are not evaluated: a field under either counts as
 * selected (computing too much, never too little).
 */
export function selectedFields(info: GraphQLResolveInfo, under?: string): Set<string> {
  const names = new Set<string>();
  const fields = (set: SelectionSetNode | undefined, found: (f: FieldNode) => void) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) found(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) fields(s.selectionSet, found);
      else fields(info.fragments[s.name.value]?.selectionSet, found);
    }
  };
  const add = (f: FieldNode) => names.add(f.name.value);
  for (const node of info.fieldNodes as readonly FieldNode[]) {
    // `under`: the fields selected one level down, below that field (a page's `items`)
    fields(node.selectionSet, under ? (f) => f.name.value === under && fields(f.selectionSet, add) : add);
  }
  return names;
}
