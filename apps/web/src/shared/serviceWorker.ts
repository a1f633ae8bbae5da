import { useEffect } from 'react';
import { whenIdle } from './idle';
import { whenNetworkQuiet } from './networkActivity';

let requested = false;

/**
 * Installs the service worker (the 现场监管 screen reopens in a venue's dead zone) once the first
 * screen is on display, its data has arrived (no GraphQL request for a second) and the browser is
 * idle. Registered at the window's load event, as before, its
 * precache (the shell and the on-site chunks, about 1 MB) competed with the first screen's own lazy
 * chunks for a phone's bandwidth and CPU: the login page showed 1.7 s later on the throttled phone
 * profile (e2e/bench/phone.bench.ts); registered as soon as the page's chunk had loaded, it slowed
 * that page's own queries. Called by the login page and the signed-in layout, which every first visit
 * reaches (inside the page's Suspense boundary, so after the page's chunk).
 */
export function useServiceWorkerAfterFirstScreen(): void {
  useEffect(() => {
    if (requested || !('serviceWorker' in navigator)) return;
    requested = true;
    const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
    void whenNetworkQuiet(1000).then(() => whenIdle(register));
  }, []);
}

/** Rendered next to a lazily loaded page inside its Suspense boundary: commits when the page does. */
export function ServiceWorkerAfterFirstScreen(): null {
  useServiceWorkerAfterFirstScreen();
  return null;
}
