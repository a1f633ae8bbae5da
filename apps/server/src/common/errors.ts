import { errorCodeLabels } from '@evs/schema';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** UNAVAILABLE: an external service the operation depends on failed; nothing was changed. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE';

/** One offending field: its path (e.g. `rows.3.idNumber`) and why, in Chinese. */
export interface FieldProblem {
  field: string;
  message: string;
  /** 1-based row of an imported file, when the problem is in one. */
  row?: number;
}

/** An expected failure of a business rule; mapped to `extensions.code` in `formatError`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
    /** More for the client in `extensions` (e.g. `secondFactor: true` on a login that needs a code). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const unauthenticated = (message = '请先登录') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = '无权进行此操作') => new DomainError('FORBIDDEN', message);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}不存在或无权查看`);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const badInput = (message: string, fields: FieldProblem[] = []) =>
  new DomainError('BAD_USER_INPUT', message, fields);

/** SQLSTATE raised by the identity-lock triggers (migration VettingIntegrity). */
export const IDENTITY_LOCKED = 'EV001';

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

function flattenValidation(errors: ValidationErrorLike[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** The one place that turns errors into what a client sees. Unknown errors are logged and hidden. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, ...(original.fields ? { fields: original.fields } : {}), ...original.extensions },
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
    // A rule the database enforces itself (trigger, SQLSTATE EV001: a vetted identity is locked):
    // its message is written for the user.
    if ((original as { code?: unknown } | null)?.code === IDENTITY_LOCKED) {
      return { message: (original as Error).message, path: formatted.path, extensions: { code: 'CONFLICT' } };
    }
    const code = formatted.extensions?.code as string | undefined;
    // Errors of the GraphQL layer itself (parse, validation, bad variables) are the client's fault.
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      return { ...formatted, extensions: { code } };
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
