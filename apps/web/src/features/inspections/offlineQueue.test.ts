import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { enqueue, keepForOffline, keptForOffline, listQueued, removeQueued, type QueuedInspection } from '@/features/inspections/offlineQueue';

const item = (id: string, activityId: string, queuedAt: string, extra: Partial<QueuedInspection> = {}): QueuedInspection => ({
  id,
  activityId,
  input: { id, activityId, rosterEntryId: `entry-${id}`, findings: [], recordedAt: queuedAt } as unknown as QueuedInspection['input'],
  label: `保安员 ${id}`,
  queuedAt,
  attempts: 0,
  ...extra,
});

beforeEach(() => {
  // a fresh device for every test
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
});

describe('offline queue (IndexedDB)', () => {
  it('lists one activity’s queued recordings, oldest first', async () => {
    await enqueue(item('b', 'A1', '2026-12-02T08:02:00Z'));
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'));
    await enqueue(item('c', 'A2', '2026-12-02T08:00:00Z'));
    expect((await listQueued('A1')).map((i) => i.id)).toEqual(['a', 'b']);
    expect((await listQueued('A2')).map((i) => i.id)).toEqual(['c']);
  });

  it('keeps one entry per id: queueing the same recording again replaces it', async () => {
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'));
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z', { attempts: 2, refused: '该保安员不在岗' }));
    const [only, ...rest] = await listQueued('A1');
    expect(rest).toHaveLength(0);
    expect(only).toMatchObject({ id: 'a', attempts: 2, refused: '该保安员不在岗' });
  });

  it('removes only the recording named', async () => {
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'));
    await enqueue(item('b', 'A1', '2026-12-02T08:02:00Z'));
    await removeQueued('a');
    expect((await listQueued('A1')).map((i) => i.id)).toEqual(['b']);
  });

});

describe('what the screen last saw online (localStorage)', () => {
  it('gives back the kept value with the time it was saved', () => {
    keepForOffline('roster', 'A1', [{ name: '张三' }]);
    const kept = keptForOffline<{ name: string }[]>('roster', 'A1');
    expect(kept?.value).toEqual([{ name: '张三' }]);
    expect(Number.isNaN(Date.parse(kept!.savedAt))).toBe(false);
  });

  it('keeps each kind and activity apart', () => {
    keepForOffline('roster', 'A1', 'roster of A1');
    keepForOffline('findings', 'A1', 'findings of A1');
    expect(keptForOffline('roster', 'A2')).toBeNull();
    expect(keptForOffline('findings', 'A1')?.value).toBe('findings of A1');
  });

  it('keeps the key under the session prefix, so logging out clears it', () => {
    keepForOffline('activity', 'A1', {});
    expect(Object.keys(localStorage).every((k) => k.startsWith('evs.'))).toBe(true);
  });

  it('does not throw when the storage is full', () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(() => keepForOffline('roster', 'A1', 'x')).not.toThrow();
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('reads a damaged entry as nothing kept', () => {
    localStorage.setItem('evs.onsite.roster.A1', '{not json');
    expect(keptForOffline('roster', 'A1')).toBeNull();
  });
});
