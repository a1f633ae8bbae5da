import { describe, expect, it } from 'vitest';
import { filesToPreload, preloadApp, type Bundle } from './preloadApp';

/** A bundle as Rolldown hands it over: the entry, the app it imports dynamically, and their shared chunks. */
const bundle: Bundle = {
  'assets/index.js': { type: 'chunk', fileName: 'assets/index.js', facadeModuleId: '/repo/src/main.ts', imports: ['assets/runtime.js'] },
  'assets/runtime.js': { type: 'chunk', fileName: 'assets/runtime.js', facadeModuleId: null, imports: [] },
  'assets/react.js': { type: 'chunk', fileName: 'assets/react.js', facadeModuleId: null, imports: ['assets/runtime.js'] },
  'assets/router.js': { type: 'chunk', fileName: 'assets/router.js', facadeModuleId: '/repo/src/app/router.tsx', imports: ['assets/react.js'] },
  'assets/mount.js': { type: 'chunk', fileName: 'assets/mount.js', facadeModuleId: '/repo/src/app/mount.tsx', imports: ['assets/react.js', 'assets/router.js'] },
  'assets/index.css': { type: 'asset', fileName: 'assets/index.css' },
};
const html = '<head><script type="module" src="/assets/index.js"></script><link rel="modulepreload" href="/assets/runtime.js"></head>';

describe('index.html preloads the app the entry imports once its first requests are out', () => {
  it('the app’s chunk and its static imports, dependencies first, none the page loads already', () => {
    expect(filesToPreload(bundle, html, '/src/app/mount.tsx')).toEqual(['assets/react.js', 'assets/router.js', 'assets/mount.js']);
  });

  it('as modulepreload links in the head, like Vite’s own', () => {
    const hook = (preloadApp('/src/app/mount.tsx').transformIndexHtml as unknown as { handler: (h: string, ctx: { bundle: Bundle }) => { tags: unknown[] } }).handler;
    expect(hook(html, { bundle }).tags).toEqual(
      ['react', 'router', 'mount'].map((name) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/assets/${name}.js` }, injectTo: 'head' })),
    );
  });

  it('fails the build when the app’s module is not in the bundle (renamed, or no longer imported)', () => {
    expect(() => filesToPreload(bundle, html, '/src/app/start.tsx')).toThrow('no chunk for /src/app/start.tsx');
  });
});
