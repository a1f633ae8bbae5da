import { describe, expect, it, vi } from 'vitest';
import { earlyKey, putEarlyAnswer, takeEarlyAnswer } from './earlyAnswers';

describe('answers asked for before Apollo', () => {
  it('are keyed by operation and variables, whatever the order of the fields (undefined ones left out)', () => {
    expect(earlyKey('A', { b: 1, a: { d: 2, c: 3 } })).toBe(earlyKey('A', { a: { c: 3, d: 2 }, b: 1, e: undefined }));
    expect(earlyKey('A', { a: 1 })).not.toBe(earlyKey('B', { a: 1 }));
    expect(earlyKey('A', { a: 1 })).not.toBe(earlyKey('A', { a: 2 }));
    expect(earlyKey('A', undefined)).toBe(earlyKey('A', {}));
  });

  it('are keyed without the locale’s collation, which would load on the first screen’s path (0.1 s on a slow phone)', () => {
    const collate = vi.spyOn(String.prototype, 'localeCompare');
    expect(earlyKey('OnsiteActivity', { id: 'a-1', page: { pageSize: 200, page: 1 } })).toBe('OnsiteActivity:{"id":"a-1","page":{"page":1,"pageSize":200}}');
    expect(collate).not.toHaveBeenCalled();
  });

  it('are taken once', async () => {
    putEarlyAnswer('A', { id: 1 }, Promise.resolve('answer'));
    await expect(takeEarlyAnswer('A', { id: 1 })).resolves.toBe('answer');
    expect(takeEarlyAnswer('A', { id: 1 })).toBeUndefined();
    expect(takeEarlyAnswer('A', { id: 2 })).toBeUndefined();
  });
});
