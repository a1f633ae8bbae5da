import { describe, expect, it, vi } from 'vitest';
import { EARLY_ANSWER_MS, earlyKey, putEarlyAnswer, takeEarlyAnswer } from './earlyAnswers';

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

  it('are not kept for a later ask once Apollo has asked first: a refetch never gets the first load’s answer', async () => {
    // Apollo's first request went over the network (the early answer was not there yet)…
    expect(takeEarlyAnswer('OnsiteActivity', { id: 'late' })).toBeUndefined();
    // …then the early answer arrives: it is dropped, and the refetch goes to the server
    putEarlyAnswer('OnsiteActivity', { id: 'late' }, Promise.resolve({ activity: { status: 'READY' } }));
    expect(takeEarlyAnswer('OnsiteActivity', { id: 'late' })).toBeUndefined();
  });

  it('are not used past the first load', () => {
    vi.useFakeTimers();
    try {
      putEarlyAnswer('A', { id: 'old' }, Promise.resolve('answer'));
      vi.advanceTimersByTime(EARLY_ANSWER_MS + 1);
      expect(takeEarlyAnswer('A', { id: 'old' })).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
