/**
 * UNAVAILABLE: the database or an external service the operation depends on failed; nothing was
 * changed and the same request may be sent again later.
 */
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
    /** HTTP status of the whole response when this error occurs (a database outage: 503). */
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/**
 * NOT_FOUND for a record that exists but lies outside the actor's scope (another unit's activity,
 * another company's guard). The client gets exactly the answer of a missing record (no existence
 * oracle); the server audits it as a permission denial (audit.http.ts). The class is the only marker:
 * nothing of it goes into the answer.
 */
export class ScopeDenial extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** SQLSTATE raised by the identity-lock triggers (migration VettingIntegrity). */
export const IDENTITY_LOCKED = 'EV001';
