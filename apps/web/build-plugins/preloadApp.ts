import type { HtmlTagDescriptor, Plugin } from 'vite';

export interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  imports?: readonly string[];
}
export type Bundle = Readonly<Record<string, ChunkLike>>;

/** The files of `chunk` and everything it imports statically, dependencies first. */
function staticClosure(bundle: Bundle, chunk: ChunkLike, seen = new Set<string>()): string[] {
  if (seen.has(chunk.fileName)) return [];
  seen.add(chunk.fileName);
  const deps = (chunk.imports ?? []).flatMap((file) => (bundle[file] ? staticClosure(bundle, bundle[file], seen) : []));
  return [...deps, chunk.fileName];
}

/** The files of the module's chunk and its static imports that `html` does not load already. */
export function filesToPreload(bundle: Bundle, html: string, moduleSuffix: string): string[] {
  const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(moduleSuffix));
  if (!chunk) throw new Error(`preloadApp: no chunk for ${moduleSuffix} in the bundle`);
  return staticClosure(bundle, chunk).filter((file) => !html.includes(`/${file}"`));
}

/**
 * index.html asks for the app's first chunk (`moduleSuffix`: React and the router) with the page.
 * The entry (`src/main.ts`) holds no React, so that the first requests leave the moment it runs; the
 * app, which it then imports, is `<link rel="modulepreload">`ed by the HTML instead of one round trip
 * later, when the entry has arrived and run.
 *
 * Only that: preloading the on-site screen's root from the HTML as well (tried, in a copy of the page
 * for its path) filled a phone's six connections, and the entry's own requests (`me`) waited for them.
 */
export function preloadApp(moduleSuffix: string): Plugin {
  return {
    name: 'evs:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle as Bundle | undefined;
        if (!bundle) return html;
        const tags: HtmlTagDescriptor[] = filesToPreload(bundle, html, moduleSuffix).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head',
        }));
        return { html, tags };
      },
    },
  };
}
