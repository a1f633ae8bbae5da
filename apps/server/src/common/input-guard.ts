import {
  defaultFieldResolver,
  getNullableType,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import { isBlank } from '@evs/schema';
import { FieldProblem, DomainError } from './errors';

/**
 * Input every operation shares, checked at the edge so that the database never sees it: every ID is a
 * UUID (PostgreSQL would answer 22P02 in English); no text holds a NUL character (which PostgreSQL
 * cannot store) or nothing but invisible characters (zero-width spaces look filled in, say nothing,
 * and escape the `.trim()` of a field's own check); no list is longer than MAX_LIST_LENGTH (PostgreSQL
 * takes at most 65,535 parameters per statement, and an audit entry keeps what it was given). The
 * refusal names the field, e.g. `input.guardIds.2`.
 */

/** The longest list any argument may carry (a roster of 10,000 is the largest real one). */
export const MAX_LIST_LENGTH = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Check = (value: unknown, path: string, problems: FieldProblem[]) => void;

/** A checker for one input type, or null when nothing in it needs checking. */
function checkerFor(type: GraphQLInputType, seen = new Map<string, Check | null>()): Check | null {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = checkerFor(nullable.ofType, seen);
    return (value, path, problems) => {
      if (Array.isArray(value) && value.length > MAX_LIST_LENGTH) {
        problems.push({ field: path, message: `${path} 一次最多${MAX_LIST_LENGTH}项（现${value.length}项）` });
        return;
      }
      if (!item) return;
      if (Array.isArray(value)) value.forEach((v, i) => item(v, `${path}.${i}`, problems));
      else item(value, path, problems);
    };
  }
  if (isScalarType(nullable)) {
    if (nullable.name === 'ID') {
      return (value, path, problems) => {
        if (typeof value === 'string' && !UUID.test(value)) problems.push({ field: path, message: `${path} 应为有效的编号（UUID）` });
      };
    }
    if (nullable.name === 'String') {
      return (value, path, problems) => {
        if (typeof value !== 'string') return;
        if (value.includes('\u0000')) problems.push({ field: path, message: `${path} 含有不允许的控制字符（NUL）` });
        // Spaces alone are the field's own check (its message names it); invisible characters that
        // `.trim()` keeps (U+200B and kin) are refused here, for every text of every operation.
        else if (value.trim() !== '' && isBlank(value)) problems.push({ field: path, message: `${path} 只有零宽字符等不可见字符，请填写内容` });
      };
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) {
      // A recursive input type: resolve lazily through the map once it is complete.
      return (value, path, problems) => seen.get(nullable.name)?.(value, path, problems);
    }
    seen.set(nullable.name, null);
    const fields = Object.values(nullable.getFields())
      .map((f) => ({ name: f.name, check: checkerFor(f.type, seen) }))
      .filter((f): f is { name: string; check: Check } => f.check !== null);
    const check: Check | null = fields.length
      ? (value, path, problems) => {
          if (!value || typeof value !== 'object') return;
          for (const f of fields) {
            const v = (value as Record<string, unknown>)[f.name];
            if (v !== undefined && v !== null) f.check(v, `${path}.${f.name}`, problems);
          }
        }
      : null;
    seen.set(nullable.name, check);
    return check;
  }
  return null;
}

/** Wraps the resolvers of Query and Mutation with the checks of their arguments. */
export function guardInputValues(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const checks = field.args
        .map((a) => ({ name: a.name, check: checkerFor(a.type) }))
        .filter((a): a is { name: string; check: Check } => a.check !== null);
      if (!checks.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const problems: FieldProblem[] = [];
        for (const a of checks) {
          const v = (args as Record<string, unknown>)[a.name];
          if (v !== undefined && v !== null) a.check(v, a.name, problems);
        }
        if (problems.length) {
          throw new DomainError('BAD_USER_INPUT', `输入有误：${problems.slice(0, 5).map((p) => p.message).join('；')}`, problems.slice(0, 50));
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
