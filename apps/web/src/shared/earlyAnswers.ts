/**
 * Answers asked for with `fetch` on the first load, before Apollo has loaded (the on-site screen's
 * data: `features/inspections/earlyOnsite.ts`), handed to Apollo when it sends the same operation
 * (`app/apollo.ts`): the request then overlaps the download of Apollo and the page's code instead of
 * following it. Each answer is used once; a failed one is asked for again the usual way.
 */
const answers = new Map<string, { answer: Promise<unknown>; at: number }>();
/**
 * Operations Apollo has already sent over the network (no early answer was there yet): an early answer
 * put after that is dropped. Otherwise it would wait in the map and be handed to the next request of the
 * same operation — a refetch after 活动开始, say — as if fresh: the screen kept the status of its first
 * load and the refetch never reached the server (a CI run of the on-site journey: the header stayed
 * 待上岗 after the server answered IN_PROGRESS). The answers are put once `me` has answered, so on a fast
 * load Apollo can ask first.
 */
const askedFirst = new Set<string>();
/** How long an early answer stays usable: the first load, not the life of the page. */
export const EARLY_ANSWER_MS = 10_000;

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
  const key = earlyKey(operationName, variables);
  if (askedFirst.has(key)) return; // Apollo has asked already: its own answer is the one shown
  answers.set(key, { answer, at: Date.now() });
}

/**
 * The early answer to this operation, once, while it is recent (`EARLY_ANSWER_MS`); later asks go over
 * the network. Asked with none there, the operation is marked: an early answer put after it is dropped.
 */
export function takeEarlyAnswer(operationName: string, variables: unknown): Promise<unknown> | undefined {
  const key = earlyKey(operationName, variables);
  const early = answers.get(key);
  answers.delete(key);
  if (!early) {
    askedFirst.add(key);
    return undefined;
  }
  return Date.now() - early.at <= EARLY_ANSWER_MS ? early.answer : undefined;
}
