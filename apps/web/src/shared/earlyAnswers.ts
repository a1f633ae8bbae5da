/**
 * Answers asked for with `fetch` on the first load, before Apollo has loaded (the on-site screen's
 * data: `features/inspections/earlyOnsite.ts`), handed to Apollo when it sends the same operation
 * (`app/apollo.ts`): the request then overlaps the download of Apollo and the page's code instead of
 * following it. Each answer is used once; a failed one is asked for again the usual way.
 */
const answers = new Map<string, Promise<unknown>>();

/** Field names in code-unit order: `localeCompare` would load the locale's collation (ICU) on the first screen's path, 0.1 s on the phone profile. */
const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** One key per operation and variables, whatever the order of the variables' fields. */
export function earlyKey(operationName: string, variables: unknown): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(byName).map(([k, x]) => [k, sorted(x)]))
      : v;
  return `${operationName}:${JSON.stringify(sorted(variables ?? {}))}`;
}

export function putEarlyAnswer(operationName: string, variables: unknown, answer: Promise<unknown>): void {
  answer.catch(() => undefined); // a failure is left to Apollo, which asks again
  answers.set(earlyKey(operationName, variables), answer);
}

/** The early answer to this operation, once (later asks go over the network). */
export function takeEarlyAnswer(operationName: string, variables: unknown): Promise<unknown> | undefined {
  const key = earlyKey(operationName, variables);
  const answer = answers.get(key);
  answers.delete(key);
  return answer;
}
