/**
 * Calls `run` once the browser is idle (within 3 s at most); browsers without requestIdleCallback
 * (Safari) wait a second. Returns a cancel. For work that must not compete with the first screen.
 */
export function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const idle = window.requestIdleCallback(run, { timeout: 3000 });
    return () => window.cancelIdleCallback(idle);
  }
  const timer = window.setTimeout(run, 1000);
  return () => window.clearTimeout(timer);
}
