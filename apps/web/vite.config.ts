import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { antdUnusedStyles } from './build-plugins/antdUnusedStyles';
import { graphqlDocuments } from './build-plugins/graphqlDocuments';
import { preloadApp } from './build-plugins/preloadApp';
import { PHOTO_CACHE, SESSION_FALLBACK_MS } from './src/shared/deviceCopies';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * What the service worker downloads on a first visit: the shell (login, the signed-in layout) and the
 * on-site screens, which must reopen in a venue's dead zone; every other page's chunks are cached
 * when first opened (runtime caching below) instead of 2.4 MB up front on a phone's mobile data.
 */
const OFFLINE_ENTRIES = ['index.html', 'src/app/mount.tsx', 'src/pages/LoginPage.tsx', 'src/app/signedInRoutes.tsx', 'src/app/pageChunks.ts', 'src/app/layout/AppLayout.tsx', 'src/pages/OnsiteListPage.tsx', 'src/app/onsiteRoot.tsx', 'src/pages/InspectionPage.tsx',
  // the logout's warning of unsent on-site checks (features/auth/hooks/useLogout.ts): a logout in a dead zone shows it too
  'src/features/auth/components/UnsentChecksConfirm.tsx'];
/** on-site pages whose own lazy parts (the checklist drawer, the dialogs) must open offline too */
const OFFLINE_WITH_LAZY_PARTS = new Set(['src/pages/OnsiteListPage.tsx', 'src/pages/InspectionPage.tsx']);
function offlineFiles(): Set<string> {
  const path = src('./dist/.vite/manifest.json');
  const files = new Set<string>();
  if (!existsSync(path)) return files;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[] }>;
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((c) => files.add(c));
    chunk.imports?.forEach(visit);
    if (OFFLINE_WITH_LAZY_PARTS.has(key)) chunk.dynamicImports?.forEach(visit);
  };
  OFFLINE_ENTRIES.forEach(visit);
  return files;
}

// Vendor libraries get their own long-cached chunks; each route is its own lazy chunk (src/app/routes.tsx).
export default defineConfig({
  plugins: [
    graphqlDocuments(),
    react(),
    // React and the router, which the entry imports once it has sent the first requests: asked for with the HTML
    preloadApp('/src/app/mount.tsx'),
    // A service worker keeps the app itself on the device, so the 现场监管 screen opens again in a
    // venue's dead zone (a phone may drop the tab while the camera is open). Only the app's files are
    // cached; data stays with the pages (the on-duty roster as last seen, the outbox in IndexedDB).
    VitePWA({
      registerType: 'autoUpdate',
      // registered by the app once the first screen shows (shared/serviceWorker.ts), not at the load event
      injectRegister: false,
      // Installable on a phone's home screen (the on-site screen opens like an app).
      manifest: {
        name: '大型活动安保前置审核系统',
        short_name: '安保审核',
        description: '盘锦市公安局大型活动安保前置审核：推荐、背景审核、岗前培训、现场监管',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#0b2a5b',
        theme_color: '#0b2a5b',
        icons: [
          { src: '/pwa-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/pwa-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        manifestTransforms: [
          (entries) => {
            const keep = offlineFiles();
            const manifest = entries.filter((e) => !/\.(js|css)$/.test(e.url) || keep.has(e.url) || !e.url.startsWith('assets/'));
            return { manifest, warnings: [] };
          },
        ],
        // hashed chunks of the other pages: kept once opened, so a page seen online also opens offline
        runtimeCaching: [
          // the on-site photos seen (roster, findings): from the network, revalidated each time
          // (`private, no-cache`), and from this cache in a dead zone; emptied when the session ends
          // (logout, a session the server no longer knows, its end passed: shared/deviceCopies.ts),
          // and no photo is kept longer than a session lasts (12 h, the server's sessionHours)
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/photos/'),
            handler: 'NetworkFirst',
            options: {
              cacheName: PHOTO_CACHE,
              networkTimeoutSeconds: 4,
              expiration: { maxEntries: 2000, maxAgeSeconds: SESSION_FALLBACK_MS / 1000 },
            },
          },
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'evs-assets', expiration: { maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 } },
          },
        ],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/graphql/, /^\/exports\//, /^\/photos\//, /^\/templates\//, /^\/healthz/, /^\/readyz/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
      },
    }),
    // .br and .gz next to every text asset, made once at build time at the highest settings; the
    // server sends whichever the browser accepts (venue mobile data: ~5× fewer bytes than raw JS).
    compression({
      include: /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/,
      threshold: 1024,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
    }),
  ],
  resolve: {
    alias: {
      // The package's main is CommonJS dist for the server; the browser takes the TypeScript source.
      '@evs/schema': src('../../packages/schema/src/index.ts'),
      '@': src('./src'),
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://localhost:4000', '/healthz': 'http://localhost:4000', '/readyz': 'http://localhost:4000', '/exports': 'http://localhost:4000', '/photos': 'http://localhost:4000' },
  },
  // antd's stylesheet without the components the app never renders (build-plugins/antdUnusedStyles.ts)
  css: { postcss: { plugins: [antdUnusedStyles()] } },
  build: {
    outDir: 'dist',
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // without this a group also swallows its libraries' dependencies (clsx, react-is…), which
          // antd shares, and the charts chunk would become part of the first load
          includeDependenciesRecursively: false,
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 40 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|zen-observable|tslib)[\\/]/, priority: 30 },
            // the app's own modules that the on-site screen and every signed-in page load and the login
            // page does not (Apollo's client, the session and its gate, the logout, the first page's
            // preload): one chunk instead of seven, each of which cost a phone a round trip on its first
            // visit. Not the modules the login page or the entry's early requests use (they would then
            // wait for React and Apollo): shared/earlyAnswers, deviceCopies, serviceWorker
            {
              name: 'app-core',
              test: /apps[\\/]web[\\/]src[\\/](app[\\/](apollo|earlyMe|SessionGate|unauthenticated)|shared[\\/](session|access|preload|format)|features[\\/]auth[\\/](operations|hooks[\\/]use(Idle)?Logout)|gql[\\/]graphql|features[\\/]inspections[\\/](operations|preload))\.tsx?$|node_modules[\\/]dayjs[\\/](locale[\\/]zh-cn|plugin[\\/]utc)\.js$/,
              priority: 10,
            },
            // what the entry's early requests use with the login page and the signed-in part: `fetch` for
            // GraphQL, the logout that has not reached the server yet (sent before anything else) and the
            // device copies' expiry. One chunk preloaded with the HTML instead of three; no React in it.
            { name: 'early-requests', test: /apps[\\/]web[\\/]src[\\/]shared[\\/](graphqlRequest|pendingLogout|deviceCopies)\.ts$/, priority: 15 },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|decimal\.js-light|@reduxjs|redux|redux-thunk|react-redux|use-sync-external-store|tiny-invariant|es-toolkit|eventemitter3|immer|reselect)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
