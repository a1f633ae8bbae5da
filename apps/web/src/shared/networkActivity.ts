/**
 * Whether the app is waiting on the server: the GraphQL requests in flight (every one goes through
 * `fetchNotingServerTime` in `clock.ts`). Work that can wait, such as installing the service worker
 * with its 1 MB precache, waits until the first screen's data has arrived instead of competing with
 * it for a phone's bandwidth.
 */
let inFlight = 0;
let settledAt = 0;
const waiting = new Set<() => void>();

/** Counts `request` as in flight until it settles. */
export function trackRequest<T>(request: Promise<T>): Promise<T> {
  inFlight += 1;
  const settle = () => {
    inFlight -= 1;
    settledAt = Date.now();
    if (inFlight === 0) waiting.forEach((check) => check());
  };
  request.then(settle, settle);
  return request;
}

/** Resolves once no request has been in flight for `quietMs` (at once if none was sent lately). */
export function whenNetworkQuiet(quietMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      if (inFlight > 0) return; // checked again when the last one settles
      const left = settledAt + quietMs - Date.now();
      if (left > 0) {
        timer = setTimeout(check, left);
        return;
      }
      waiting.delete(check);
      resolve();
    };
    waiting.add(check);
    check();
  });
}
