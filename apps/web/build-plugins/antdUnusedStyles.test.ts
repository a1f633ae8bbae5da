import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { antdUnusedStyles, UNUSED_ANTD_COMPONENTS } from './antdUnusedStyles';

const trim = (css: string) => postcss([antdUnusedStyles()]).process(css, { from: undefined }).css;

describe("antd's stylesheet without the components the app never renders", () => {
  it('drops the rules of an unused component, keeps those of the components in use', () => {
    const out = trim('@layer antd{.ant-slider{height:4px}.ant-slider-rail .ant-tooltip{color:red}.ant-select{display:flex}.ant-picker-dropdown{z-index:1}}');
    expect(out).toBe('@layer antd{.ant-select{display:flex}.ant-picker-dropdown{z-index:1}}');
  });

  it('keeps the selectors of a used component in a rule shared with an unused one', () => {
    expect(trim('.ant-cascader-menu,.ant-select-dropdown{padding:4px}')).toBe('.ant-select-dropdown{padding:4px}');
  });

  it('matches the whole component name: the date picker stays, the calendar goes', () => {
    expect(trim('.ant-picker-calendar{width:280px}.ant-picker-panel{width:280px}')).toBe('.ant-picker-panel{width:280px}');
  });

  it('removes a media query left empty, leaves other rules and our own classes alone', () => {
    expect(trim('@media (max-width:575px){.ant-tour{width:100%}}.app-footer{color:#333}')).toBe('.app-footer{color:#333}');
  });

  it('lists none of the components the app imports from antd', () => {
    for (const used of ['select', 'picker', 'table', 'form', 'upload', 'tree', 'collapse', 'image']) expect(UNUSED_ANTD_COMPONENTS).not.toContain(used);
  });
});
