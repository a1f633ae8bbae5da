import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Vendor libraries get their own long-cached chunks; each route is its own lazy chunk (src/app/routes.tsx).
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The package's main is CommonJS dist for the server; the browser takes the TypeScript source.
      '@evs/schema': src('../../packages/schema/src/index.ts'),
      '@': src('./src'),
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://localhost:4000', '/healthz': 'http://localhost:4000', '/exports': 'http://localhost:4000' },
  },
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
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|decimal\.js-light|@reduxjs|redux|redux-thunk|react-redux|use-sync-external-store|tiny-invariant|es-toolkit|eventemitter3|immer|reselect)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
