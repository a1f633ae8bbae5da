import {
  astFromValue,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  print,
} from 'graphql';

/**
 * Builds GraphQL documents that select every field of a type, recursively, straight from the
 * schema: a field added to the schema is selected on the day it is added. Used by the privacy
 * field walk (src/modules/vetting/privacy.fieldwalk.int.test.ts).
 */

/** One selected field: its arguments (as values) and, for object types, what is selected below it. */
export interface Selection {
  /** The object type the field is defined on. */
  parentType: string;
  field: string;
  /** The named type the field returns. */
  returnType: string;
  nonNull: boolean;
  args: { arg: GraphQLArgument; value: unknown }[];
  /** Object fields: the selection below (always starts with __typename when rendered). */
  children?: Selection[];
}

/** A field the walker could not select: a required argument it has no value for, or the depth cut. */
export interface Skipped {
  parentType: string;
  field: string;
  reason: string;
}

/** Values for required arguments of nested (non-root) fields, by `Type.field.arg`. */
export type NestedArgs = Record<string, unknown>;

export interface SelectionOptions {
  /** How many levels of fields below the root field (the root field is level 1). */
  maxDepth: number;
  nestedArgs?: NestedArgs;
}

function isRequired(arg: GraphQLArgument): boolean {
  return isNonNullType(arg.type) && arg.defaultValue === undefined;
}

/** Everything below an object type, skipping cycles (a type already on the path) and stopping at maxDepth. */
export function selectAll(
  type: GraphQLObjectType,
  options: SelectionOptions,
  skipped: Skipped[] = [],
  depth = 2,
  path: string[] = [type.name],
): Selection[] {
  const out: Selection[] = [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isInterfaceType(named) || isUnionType(named)) {
      throw new Error(`${type.name}.${field.name}: interfaces and unions are not walked yet — extend test/schema-walk.ts`);
    }
    const args: Selection['args'] = [];
    let missing: string | null = null;
    for (const arg of field.args) {
      const key = `${type.name}.${field.name}.${arg.name}`;
      if (options.nestedArgs && key in options.nestedArgs) args.push({ arg, value: options.nestedArgs[key] });
      else if (isRequired(arg)) missing = `no value for required argument ${key} (add it to NESTED_ARGS)`;
    }
    if (missing) {
      skipped.push({ parentType: type.name, field: field.name, reason: missing });
      continue;
    }
    const base = { parentType: type.name, field: field.name, returnType: named.name, nonNull: isNonNullType(field.type), args };
    if (isLeafType(named)) {
      out.push(base);
      continue;
    }
    if (!isObjectType(named)) continue;
    if (path.includes(named.name)) {
      skipped.push({ parentType: type.name, field: field.name, reason: `cycle: ${[...path, named.name].join(' → ')}` });
      continue;
    }
    if (depth >= options.maxDepth) {
      skipped.push({ parentType: type.name, field: field.name, reason: `depth limit ${options.maxDepth}` });
      continue;
    }
    const children = selectAll(named, options, skipped, depth + 1, [...path, named.name]);
    if (children.length) out.push({ ...base, children });
  }
  return out;
}

/** The root field with every field below it selected. */
export function rootSelection(
  schema: GraphQLSchema,
  operation: 'query' | 'mutation',
  fieldName: string,
  args: Record<string, unknown>,
  options: SelectionOptions,
  skipped: Skipped[] = [],
): Selection {
  const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = root.getFields()[fieldName];
  if (!field) throw new Error(`${root.name}.${fieldName} does not exist`);
  const named = getNamedType(field.type);
  const argValues = field.args.filter((a) => a.name in args).map((arg) => ({ arg, value: args[arg.name] }));
  return {
    parentType: root.name,
    field: fieldName,
    returnType: named.name,
    nonNull: isNonNullType(field.type),
    args: argValues,
    children: isObjectType(named) ? selectAll(named, options, skipped, 2, [named.name]) : undefined,
  };
}

function literal(value: unknown, type: GraphQLInputType): string {
  const ast = astFromValue(value, type);
  if (!ast) throw new Error(`cannot write ${JSON.stringify(value)} as ${String(type)}`);
  return print(ast);
}

function render(s: Selection, indent: string): string {
  const args = s.args.length ? `(${s.args.map(({ arg, value }) => `${arg.name}: ${literal(value, arg.type)}`).join(', ')})` : '';
  if (!s.children) return `${indent}${s.field}${args}`;
  const inner = [`${indent}  __typename`, ...s.children.map((c) => render(c, `${indent}  `))].join('\n');
  return `${indent}${s.field}${args} {\n${inner}\n${indent}}`;
}

/** The document text for one root selection. */
export function documentFor(operation: 'query' | 'mutation', root: Selection): string {
  return `${operation} {\n${render(root, '  ')}\n}`;
}

/**
 * Removes the field an error points at (`path` as GraphQL reports it; list indices ignored).
 * Returns the removed selection, or null when the path names the root field itself or nothing.
 */
export function prune(root: Selection, path: readonly (string | number)[]): Selection | null {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (names[0] !== root.field || names.length < 2) return null;
  let node = root;
  for (let i = 1; i < names.length; i++) {
    const children = node.children ?? [];
    const at = children.findIndex((c) => c.field === names[i]);
    if (at < 0) return null;
    if (i === names.length - 1) {
      const [removed] = children.splice(at, 1);
      return removed;
    }
    node = children[at];
  }
  return null;
}

/** Finds the selection an error path points at (list indices ignored). */
export function selectionAt(root: Selection, path: readonly (string | number)[]): Selection | null {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (names[0] !== root.field) return null;
  let node: Selection | undefined = root;
  for (const name of names.slice(1)) {
    node = node?.children?.find((c) => c.field === name);
    if (!node) return null;
  }
  return node;
}

/**
 * The selection narrowed to one path of field names below the root (`['items', 'decisionNote']`):
 * only what that one field needs. A path reaching into a JSON scalar stops at the scalar.
 */
export function narrowTo(sel: Selection, names: string[]): Selection | null {
  if (!sel.children) return { ...sel };
  const [head, ...rest] = names;
  const child = sel.children.find((c) => c.field === head);
  if (!child) return null;
  const narrowed = narrowTo(child, rest);
  return narrowed && { ...sel, children: [narrowed] };
}

/** Every (type, field) pair a selection tree asks for. */
export function selectedPairs(root: Selection, out = new Set<string>()): Set<string> {
  out.add(`${root.parentType}.${root.field}`);
  for (const c of root.children ?? []) selectedPairs(c, out);
  return out;
}

/**
 * The (type, field) pairs actually answered in `data`: a pair counts when an object of the parent
 * type was present in the answer with that field in it (null values included).
 */
export function answeredPairs(root: Selection, data: unknown, out = new Set<string>()): Set<string> {
  const visit = (s: Selection, value: unknown) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((v) => visit(s, v));
      return;
    }
    if (!s.children || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    for (const c of s.children) {
      if (!(c.field in obj)) continue;
      out.add(`${c.parentType}.${c.field}`);
      visit(c, obj[c.field]);
    }
  };
  if (data && typeof data === 'object' && root.field in (data as object)) {
    out.add(`${root.parentType}.${root.field}`);
    visit(root, (data as Record<string, unknown>)[root.field]);
  }
  return out;
}

/** Values to try for a required argument, when nothing more specific is known. */
export function enumValues(arg: GraphQLArgument): string[] | null {
  const named = getNamedType(arg.type);
  return isEnumType(named) ? named.getValues().map((v) => v.name) : null;
}

export function requiredArgs(field: GraphQLField<unknown, unknown>): GraphQLArgument[] {
  return field.args.filter(isRequired);
}
