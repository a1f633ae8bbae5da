import { CombinedGraphQLErrors } from '@apollo/client';
import type { FormInstance } from 'antd';
import { errorCodeLabels } from '@evs/schema';

/** One offending field as the server reports it in `extensions.fields` (BAD_USER_INPUT). */
export interface FieldError {
  field: string;
  message: string;
  row?: number | null;
}

function firstGraphQLError(error: unknown) {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0];
  return undefined;
}

/** The error's `extensions.code` (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT…). */
export function errorCode(error: unknown): string | undefined {
  const code = firstGraphQLError(error)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The server was not reached, or answered that it cannot serve now (UNAVAILABLE: its database is
 * down or an external service failed): the same request may simply be sent again later.
 */
export function isTransient(error: unknown): boolean {
  if (!error) return false;
  return !CombinedGraphQLErrors.is(error) || errorCode(error) === 'UNAVAILABLE';
}

/** The message to show: the server's Chinese message as is, or a generic line for network failures. */
export function errorMessage(error: unknown): string {
  if (!error) return '';
  const gql = firstGraphQLError(error);
  if (gql?.message) return gql.message;
  const code = errorCode(error);
  if (code && errorCodeLabels[code]) return errorCodeLabels[code];
  return '无法连接服务器，请检查网络后重试';
}

export function fieldErrors(error: unknown): FieldError[] {
  const fields = firstGraphQLError(error)?.extensions?.fields;
  return Array.isArray(fields) ? (fields as FieldError[]) : [];
}

/**
 * Marks the form items named by the server's `extensions.fields` with their messages.
 * Returns the field errors that match no item (e.g. import rows), for the caller to list.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): FieldError[] {
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const matched = fieldErrors(error).filter((f) => f.row == null && registered.has(f.field));
  // one entry per field, with every reason the server gave for it (e.g. each broken password rule)
  const byField = new Map<string, string[]>();
  for (const f of matched) byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
  form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors })));
  return fieldErrors(error).filter((f) => !matched.includes(f));
}

/** Whether a login answer asks for the second factor (`extensions.secondFactor`). */
export function needsSecondFactor(error: unknown): boolean {
  return firstGraphQLError(error)?.extensions?.secondFactor === true;
}
