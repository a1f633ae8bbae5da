import type { ApolloClient } from '@apollo/client';
import type { ComponentType } from 'react';
import { matchRoutes, type Params } from 'react-router';
import type { Role } from '@evs/schema';
import type { MeQuery } from '@/gql/graphql';
import { canAccess, hasStepLeft } from '@/shared/access';
import { kept, type Kept } from '@/shared/keptModule';
import { featureRoutes, type FeatureRoute } from './routes';

/** The signed-in shell (menu, bell, user menu, idle guard): its own chunk, kept once in (`keptLazy`). */
export const layoutChunk = kept(() => import('./layout/AppLayout').then((m) => m.AppLayout));

const pageChunkOf = new Map<FeatureRoute, Kept<ComponentType>>();
/** A registry page's chunk, the same one for its prefetch and its route (kept once in: `keptLazy`). */
export function pageChunk(route: FeatureRoute): Kept<ComponentType> {
  let chunk = pageChunkOf.get(route);
  if (!chunk) pageChunkOf.set(route, (chunk = kept(() => route.lazy().then((m) => m.default))));
  return chunk;
}

/**
 * Starts downloading the layout and the page of `path`. The router calls it on the first navigation
 * past the login page, alongside the signed-in part (Apollo, the antd providers) rather than after
 * it: this module is the route registry alone, so on venue mobile data every chunk the first screen
 * needs is asked for at once instead of in two rounds. The page is still shown only to the roles its
 * registry entry allows.
 */
export function prefetchSignedInPage(path: string): void {
  // a chunk that fails here (offline, a new version) fails again, and is reported, where it renders
  layoutChunk.load().catch(() => undefined);
  firstPage = matchFeatureRoute(path);
  if (firstPage) pageChunk(firstPage.route).load().catch(() => undefined);
}

let firstPage: { route: FeatureRoute; params: Params; search: URLSearchParams } | undefined;

function matchFeatureRoute(path: string): typeof firstPage {
  const pathname = path.split(/[?#]/)[0];
  const match = matchRoutes(featureRoutes.map((r, i) => ({ id: String(i), path: r.path })), pathname);
  if (!match) return undefined;
  const last = match[match.length - 1];
  // the query string of the page being opened (a bookmarked 总览 period); none after the login page
  const search = new URLSearchParams(window.location.pathname === pathname ? window.location.search : '');
  return { route: featureRoutes[Number(last.route.id)], params: last.params, search };
}

/**
 * The first page's data (its registry entry's `preload`), once the early `me` says who is signed in:
 * only for a role the page admits and a session with no step left to take (a new password, 2FA), so
 * nothing is asked that the server would refuse. Once; later navigations load their data as they render.
 * Settles when the answers are in the cache (or failed: the page then asks again and shows it).
 */
export function preloadFirstPage(client: ApolloClient, { me }: MeQuery): Promise<unknown> {
  const page = firstPage;
  firstPage = undefined;
  if (!page?.route.preload || !canAccess(me.role as Role, page.route.roles)) return Promise.resolve();
  if (hasStepLeft(me)) return Promise.resolve();
  return page.route.preload(client, { params: page.params, search: page.search, me }).catch(() => undefined); // the page asks again and shows it
}
