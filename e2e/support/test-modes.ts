/**
 * How a spec runs beside playwright.config.ts's defaults, which leave the service worker out (its
 * precache of the whole app in every new context cost about 13% of a short check's time) and trace
 * only a failed test's retry (a trace cost about 40%).
 */

/** With the service worker, as a user's browser runs the app: the specs about it (login and install, the on-site screen). */
export const withServiceWorker = { serviceWorkers: 'allow' } as const;

/**
 * A journey: with the service worker too, and traced on its first try, since its retry cannot pass
 * once its first steps have written.
 */
export const journey = { ...withServiceWorker, trace: 'retain-on-failure' } as const;
