import { apolloClient } from './apollo';
import { takeEarlyMe } from './earlyMe';
import { preloadFirstPage } from './pageChunks';

/**
 * The first load past the login page, as soon as Apollo is there: `router.tsx` asks for this module
 * before the signed-in part, whose antd and providers take seconds more on venue mobile data.
 * With the early `me` in the cache, the first page's data and chunks are asked for (`preload` in the
 * route registry), while the signed-in part and the page's code are still downloading.
 */
takeEarlyMe((data) => void preloadFirstPage(apolloClient, data));
