import {
  defaultFieldResolver,
  getNullableType,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import { INVISIBLE_ONLY, inputFieldLabel, isBlank } from '@evs/schema';
import { FieldProblem, DomainError } from './errors';
import { operationFieldLabel, writtenTextProblems } from './written-text';

/**
 * Input every operation shares, checked at the edge so that the database never sees it: every ID is a
 * UUID (PostgreSQL would answer 22P02 in English); no text holds a NUL character (which PostgreSQL
 * cannot store) or nothing but invisible characters (zero-width spaces look filled in, say nothing,
 * and escape the `.trim()` of a field's own check); no list is longer than MAX_LIST_LENGTH (PostgreSQL
 * takes at most 65,535 parameters per statement, and an audit entry keeps what it was given). The
 * refusal names the field as the form knows it (`guardIds.2`, `name`) and says it in the glossary's words;
 * no text holds half a surrogate pair or a direction override (review 6 C-F1, C-F3).
 */

/** The longest list any argument may carry (a roster of 10,000 is the largest real one). */
export const MAX_LIST_LENGTH = 10_000;

/**
 * The longest text any argument may carry, whatever the field's own rule (the longest a field allows
 * is 4,000: 应急救援预案): a text path whose own limit was forgotten still cannot store 300,000
 * characters and send them to every unit notified (red-team L5). Files and photos, whose bytes come as
 * base64 text with limits of their own in bytes, are not text (`NOT_TEXT`).
 */
export const MAX_TEXT_LENGTH = 5_000;
const NOT_TEXT = new Set(['base64', 'photo']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks one argument's value at `path` of `operation` (the Query or Mutation field), adding to `problems`. */
type Check = (value: unknown, path: string, problems: FieldProblem[], operation: string) => void;

/** Half of a UTF-16 surrogate pair alone: no character at all (the driver would store U+FFFD, jsonb refuses it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Direction overrides, embeddings and isolates: text shown in another order than stored, in any text. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** Why any text of any operation is refused, or null (the field's own rules come after, with its own words). */
function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return '含有不允许的控制字符（NUL）';
  if (LONE_SURROGATE.test(value)) return '含有无效字符（不完整的代理项，多为复制粘贴时截断），请重新输入';
  if (BIDI_CONTROL.test(value)) return '含有改变文字显示方向的控制字符（如U+202E），显示的文字与实际不符，请删除后重新输入';
  // Spaces alone are the field's own check (its message names it); invisible and blank-looking
  // characters that `.trim()` keeps (U+200B and kin, the Hangul filler ㅤ U+3164, the braille blank
  // U+2800: text.ts isBlank) are refused here, for every text of every operation.
  if (value.trim() !== '' && isBlank(value)) return INVISIBLE_ONLY;
  return null;
}

/**
 * The field a refusal names, as the form knows it: the operation's `input` object is the form, so
 * `input.name` is `name` (as the services' own refusals name it); other arguments keep their name.
 */
const fieldOf = (path: string) => path.replace(/^input\./, '');

/**
 * The field's Chinese label: the operation's own where the argument's name says too little
 * (written-text.ts: `cancelActivity` `reason` is 取消原因), else the glossary's, with the path when
 * there is none (`活动名称`, `guardIds.0 `).
 */
function labelOf(path: string, operation: string): string {
  const own = operationFieldLabel(operation, path);
  if (own) return own;
  const label = inputFieldLabel(path);
  const item = /\.(\d+)(?:\.\w+)?$/.exec(path);
  return label ? `${label}${item ? `（第${Number(item[1]) + 1}项）` : ''}` : `${fieldOf(path)} `;
}

/** A checker for one input type, or null when nothing in it needs checking. */
function checkerFor(type: GraphQLInputType, seen = new Map<string, Check | null>()): Check | null {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = checkerFor(nullable.ofType, seen);
    return (value, path, problems, operation) => {
      if (Array.isArray(value) && value.length > MAX_LIST_LENGTH) {
        problems.push({ field: fieldOf(path), message: `${labelOf(path, operation)}一次最多${MAX_LIST_LENGTH}项（现${value.length}项）` });
        return;
      }
      if (!item) return;
      if (Array.isArray(value)) value.forEach((v, i) => item(v, `${path}.${i}`, problems, operation));
      else item(value, path, problems, operation);
    };
  }
  if (isScalarType(nullable)) {
    if (nullable.name === 'ID') {
      return (value, path, problems, operation) => {
        if (typeof value === 'string' && !UUID.test(value)) problems.push({ field: fieldOf(path), message: `${labelOf(path, operation)}无效（应为系统生成的编号）` });
      };
    }
    if (nullable.name === 'String') {
      return (value, path, problems, operation) => {
        if (typeof value !== 'string') return;
        if (value.length > MAX_TEXT_LENGTH && !NOT_TEXT.has(path.split('.').pop()!)) {
          problems.push({ field: fieldOf(path), message: `${labelOf(path, operation)}过长（${value.length}字），任何一项内容都不能超过${MAX_TEXT_LENGTH}字` });
          return;
        }
        const problem = textProblem(value);
        if (problem) problems.push({ field: fieldOf(path), message: `${labelOf(path, operation)}${problem}` });
      };
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) {
      // A recursive input type: resolve lazily through the map once it is complete.
      return (value, path, problems, operation) => seen.get(nullable.name)?.(value, path, problems, operation);
    }
    seen.set(nullable.name, null);
    const fields = Object.values(nullable.getFields())
      .map((f) => ({ name: f.name, check: checkerFor(f.type, seen) }))
      .filter((f): f is { name: string; check: Check } => f.check !== null);
    const check: Check | null = fields.length
      ? (value, path, problems, operation) => {
          if (!value || typeof value !== 'object') return;
          for (const f of fields) {
            const v = (value as Record<string, unknown>)[f.name];
            if (v !== undefined && v !== null) f.check(v, `${path}.${f.name}`, problems, operation);
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
          if (v !== undefined && v !== null) a.check(v, a.name, problems, field.name);
        }
        // Free text written for the record says something (written-text.ts), once it shows something at all.
        problems.push(...writtenTextProblems(field.name, args as Record<string, unknown>).filter((w) => !problems.some((p) => p.field === w.field)));
        if (problems.length) {
          throw new DomainError('BAD_USER_INPUT', `输入有误：${problems.slice(0, 5).map((p) => p.message).join('；')}`, problems.slice(0, 50));
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
