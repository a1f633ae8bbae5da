import { describe, expect, it } from 'vitest';
import { routeErrorText } from './routeError';

describe('what an error page says', () => {
  it('a page whose chunk is gone asks for a reload (Chrome, Firefox and Safari wordings)', () => {
    for (const message of ['Failed to fetch dynamically imported module: /assets/x.js', 'error loading dynamically imported module', 'Importing a module script failed.']) {
      expect(routeErrorText(new TypeError(message)).title).toBe('系统已更新，请刷新页面');
    }
  });

  it('any other failure asks to retry, then to call the administrator', () => {
    expect(routeErrorText(new Error('boom'))).toEqual({ title: '页面加载出错', subTitle: '请刷新页面重试；如仍有问题，请联系系统管理员。' });
    expect(routeErrorText(new TypeError('x is undefined')).title).toBe('页面加载出错');
  });
});
