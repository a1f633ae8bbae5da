import type { FormInstance } from 'antd';
import type { InternalNamePath } from 'antd/es/form/interface';
import type { GraphQLFormattedError } from 'graphql';
import { errorCodeLabels } from '@evs/schema';

/** One offending field as the server reports it in `extensions.fields` (BAD_USER_INPUT). */
export interface FieldError {
  field: string;
  message: string;
  row?: number | null;
}

/**
 * Whether the server answered with GraphQL errors: Apollo's `CombinedGraphQLErrors.is`, read from the
 * brand Apollo puts on its errors so that this module (and the login page) does not load Apollo; the
 * login page's own request error carries the same brand (`shared/graphqlRequest.ts`).
 */
function isGraphQLErrors(error: unknown): error is { errors: readonly GraphQLFormattedError[] } {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[Symbol.for('apollo.error')] === 'CombinedGraphQLErrors';
}

function firstGraphQLError(error: unknown) {
  return isGraphQLErrors(error) ? error.errors[0] : undefined;
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
  return !isGraphQLErrors(error) || errorCode(error) === 'UNAVAILABLE';
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
 * The first item marked (in the form's order) is scrolled to and focused (`markFieldErrors`).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, argumentPrefix = ''): FieldError[] {
  return markFieldErrors(form, error, argumentPrefix).unmatched;
}

/**
 * `applyFieldErrors`, also saying which items it marked (their name paths, in the form's order):
 * none means the refusal names no field of the form, and its message must be shown elsewhere
 * (`shared/formRefusal.tsx` brings the form's error alert into view then).
 *
 * The first marked item is scrolled to (to the middle of the screen, clear of the sticky header)
 * and focused, so that a keyboard or screen-reader user lands on what to correct rather than on the
 * submit button.
 */
export function markFieldErrors(form: FormInstance, error: unknown, argumentPrefix = ''): { marked: InternalNamePath[]; unmatched: FieldError[] } {
  // each item's own name path: a list row's index is a number there ('relatives.0.name' is ['relatives', 0, 'name'])
  const registered = new Map(form.getFieldsError().map((f) => [f.name.join('.'), f.name] as const));
  // `argumentPrefix`: the argument the form fills, e.g. 'input.' when the server names 'input.username'.
  const local = (f: FieldError) => (argumentPrefix && f.field.startsWith(argumentPrefix) ? f.field.slice(argumentPrefix.length) : f.field);
  const matched = fieldErrors(error).filter((f) => f.row == null && registered.has(local(f)));
  // one entry per field, with every reason the server gave for it (e.g. each broken password rule)
  const byField = new Map<string, string[]>();
  for (const f of matched) byField.set(local(f), [...(byField.get(local(f)) ?? []), f.message]);
  const marked = [...registered].filter(([key]) => byField.has(key));
  form.setFields(marked.map(([key, name]) => ({ name, errors: byField.get(key)! })));
  if (marked.length) form.scrollToField(marked[0][1], { focus: true, block: 'center' });
  return { marked: marked.map(([, name]) => name), unmatched: fieldErrors(error).filter((f) => !matched.includes(f)) };
}

/** Whether a login answer asks for the second factor (`extensions.secondFactor`). */
export function needsSecondFactor(error: unknown): boolean {
  return firstGraphQLError(error)?.extensions?.secondFactor === true;
}
