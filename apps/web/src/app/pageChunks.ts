import { matchRoutes } from 'react-router';
import { featureRoutes } from './routes';

/** The signed-in shell (menu, bell, user menu, idle guard): its own chunk. */
export const loadLayout = () => import('./layout/AppLayout');

/**
 * Starts downloading the layout and the page of `path`. The router calls it on the first navigation
 * past the login page, alongside the signed-in part (Apollo, the antd providers) rather than after
 * it: this module is the route registry alone, so on venue mobile data every chunk the first screen
 * needs is asked for at once instead of in two rounds. The page is still shown only to the roles its
 * registry entry allows.
 */
export function prefetchSignedInPage(path: string): void {
  // a chunk that fails here (offline, a new version) fails again, and is reported, where it renders
  loadLayout().catch(() => undefined);
  const match = matchRoutes(featureRoutes.map((r, i) => ({ id: String(i), path: r.path })), path);
  const route = match ? featureRoutes[Number(match[match.length - 1].route.id)] : undefined;
  route?.lazy().catch(() => undefined);
}
