import { errorCodeLabels } from '@evs/schema';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { domainErrorFromDatabase } from './db-errors';
import { DomainError, type ErrorCode, FieldProblem, ScopeDenial } from './domain-error';
import { translateGraphQLError } from './graphql-messages';
import { logger as rootLogger } from './logger';
import { OutageLog } from './outage';

export { DomainError, ScopeDenial } from './domain-error';
export type { ErrorCode, FieldProblem } from './domain-error';

/**
 * The HTTP status of each code, for answers outside GraphQL (downloads, uploads, the JSON error
 * handler); a DomainError's own `httpStatus` (a database outage: 503) comes first.
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  UNAVAILABLE: 503,
};

export const unauthenticated = (message = '请先登录') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = '无权进行此操作') => new DomainError('FORBIDDEN', message);
/**
 * `denied`: the actor asked for a record outside its scope (another unit's). The answer is the same
 * as for a record that does not exist; the refusal is audited as a permission denial (`ScopeDenial`).
 */
export const notFound = (what: string, options: { denied?: boolean } = {}) =>
  options.denied ? new ScopeDenial(`${what}不存在或无权查看`) : new DomainError('NOT_FOUND', `${what}不存在或无权查看`);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const badInput = (message: string, fields: FieldProblem[] = []) =>
  new DomainError('BAD_USER_INPUT', message, fields);

export { IDENTITY_LOCKED } from './domain-error';

/** Throws one BAD_USER_INPUT naming every problem, when there are any. */
export function assertNoProblems(problems: FieldProblem[], summary = '输入有误'): void {
  if (problems.length > 0) {
    throw badInput(`${summary}：${problems.map((p) => p.message).join('；')}`, problems);
  }
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** class-validator's default (English) messages, for decorators that give none of their own. */
function constraintMessage(field: string, constraint: string, english: string): string {
  const n = /(\d[\d,_]*)/.exec(english)?.[1]?.replace(/[,_]/g, '');
  switch (constraint) {
    case 'maxLength': return `${field}不能超过${n}个字`;
    case 'minLength': return `${field}至少${n}个字`;
    case 'arrayMaxSize': return `${field}最多${n}项`;
    case 'arrayMinSize': return `${field}至少${n}项`;
    case 'max': return `${field}不能大于${n}`;
    case 'min': return `${field}不能小于${n}`;
    case 'isInt': return `${field}应为整数`;
    case 'isUuid': return `${field}应为有效的编号`;
    case 'isNotEmpty': return `${field}不能为空`;
    default: return `${field}不符合要求`;
  }
}

function flattenValidation(errors: ValidationErrorLike[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: HAS_CHINESE.test(message) ? message : constraintMessage(field, constraint, message),
    }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** The DomainError an error stands for (its own, or a database error the client can act on). */
export function asDomainError(error: unknown): DomainError | null {
  const original = originalOf(error);
  if (original instanceof DomainError) return original;
  return domainErrorFromDatabase(original);
}

/** A NOT_FOUND of a record outside the actor's scope (`notFound(what, { denied: true })`): audited as a permission denial. */
export const isScopeDenial = (error: unknown): boolean => originalOf(error) instanceof ScopeDenial;

/** What was thrown: graphql-js wraps errors (and non-Error values, e.g. pg's connection failures). */
function originalOf(error: unknown): unknown {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const thrown = (original as { thrownValue?: unknown } | undefined)?.thrownValue;
  return thrown ?? original;
}

/** Database outages, logged once per interval rather than per request (see OutageLog). */
export const databaseOutage = new OutageLog(rootLogger);

/**
 * The one place that turns errors into what a client sees: a Chinese message, a code, the fields
 * at fault. Unknown errors are logged and hidden; no stack, path or library text goes out.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    const domain = asDomainError(error);
    if (domain) {
      if (domain.httpStatus === 503) databaseOutage.failure(original);
      return {
        message: domain.message,
        path: formatted.path,
        extensions: { code: domain.code, ...(domain.fields ? { fields: domain.fields } : {}), ...domain.extensions },
      };
    }
    const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })?.extensions
      ?.validationErrors;
    if (validationErrors) {
      const fields = flattenValidation(validationErrors);
      return {
        message: `输入有误：${fields.map((f) => f.message).join('；')}`,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }
    const code = formatted.extensions?.code as string | undefined;
    // Errors of the GraphQL layer itself (parse, validation, bad variables, limits) are the client's fault.
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      const gqlError = error instanceof GraphQLError ? error : undefined;
      const { message, field } = translateGraphQLError({
        message: formatted.message,
        source: gqlError?.source,
        positions: gqlError?.positions,
        locations: formatted.locations,
      });
      return {
        message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        path: formatted.path,
        extensions: { code: code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : code, ...(field ? { fields: [{ field, message }] } : {}) },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: errorCodeLabels.INTERNAL_SERVER_ERROR,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** The name of the unique constraint or index a write violated (SQLSTATE 23505), or null for any other error. */
export function violatedUnique(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  if (code !== '23505') return null;
  return e.constraint ?? e.driverError?.constraint ?? '';
}
