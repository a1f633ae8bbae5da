import unusedComponents from './unused-antd-components.json';

/**
 * antd's stylesheet (`app/antd.css` imports all of `antd/dist/antd.css`, 1 MB raw) without the rules
 * of the components this app never renders: about a fifth of it, which every phone downloads and
 * parses on its first signed-in page. A PostCSS plugin (Vite runs it after the `@import` is inlined):
 * a rule goes when every one of its selectors names one of these components; a rule shared with a
 * component in use keeps the selectors of the used one.
 *
 * The list is `unused-antd-components.json`. `scripts/bundle-size.mjs` (part of `npm test`) checks it:
 * none of these names may appear in the built JavaScript, where antd names a component's classes
 * (`getPrefixCls('slider')`). Using one of them later fails the test until it leaves the list.
 */
export const UNUSED_ANTD_COMPONENTS: readonly string[] = unusedComponents;

interface Rule {
  selectors: string[];
  remove(): void;
}
interface AtRule {
  name: string;
  nodes?: unknown[];
  remove(): void;
}
interface Root {
  walkRules(visit: (rule: Rule) => void): void;
  walkAtRules(visit: (rule: AtRule) => void): void;
}

const CLASS = /\.ant-([a-z]+(?:-[a-z]+)*)/g;
const unused = (cls: string) => UNUSED_ANTD_COMPONENTS.some((c) => cls === c || cls.startsWith(`${c}-`));
const namesUnused = (selector: string) => [...selector.matchAll(CLASS)].some(([, cls]) => unused(cls));

export function antdUnusedStyles() {
  return {
    postcssPlugin: 'evs-antd-unused-styles',
    Once(root: Root) {
      root.walkRules((rule) => {
        const keep = rule.selectors.filter((s) => !namesUnused(s));
        if (keep.length === 0) rule.remove();
        else if (keep.length < rule.selectors.length) rule.selectors = keep;
      });
      // a media query (or layer) whose every rule went
      root.walkAtRules((at) => {
        if (at.nodes && at.nodes.length === 0 && ['media', 'supports', 'layer'].includes(at.name)) at.remove();
      });
    },
  };
}
antdUnusedStyles.postcss = true as const;
