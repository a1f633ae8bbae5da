import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  enqueue,
  forgetMemoryChecks,
  isSealed,
  keepForOffline,
  keepInMemory,
  keptForOffline,
  listQueued,
  NoOutboxKeyError,
  readOutbox,
  removeQueued,
  sealPending,
  storedRecords,
  updateQueued,
  type QueuedInspection,
  type Recorder,
  type SealedInspection,
} from '@/features/inspections/offlineQueue';
import { openOutboxKeys, OUTBOX_DEVICE } from '@/shared/deviceCopies';
import { putClearCheck, testKeyring } from './outboxTesting';

const OFFICER: Recorder = { id: 'U1', name: '刘宝军' };
const OTHER: Recorder = { id: 'U2', name: '孟祥勇' };

const item = (id: string, activityId: string, queuedAt: string, extra: Partial<QueuedInspection> = {}): QueuedInspection & { queuedBy: Recorder } => ({
  id,
  activityId,
  input: {
    id,
    activityId,
    rosterEntryId: null,
    personName: '王某某',
    personIdNumber: '110101199003071234',
    findings: [{ item: 'UNVETTED_ON_DUTY', note: '无证上岗，自称临时顶班' }],
    recordedAt: queuedAt,
  } as unknown as QueuedInspection['input'],
  label: `王某某：未经审查人员上岗 ${id}`,
  queuedAt,
  attempts: 0,
  queuedBy: OFFICER,
  ...extra,
});

/** Every record as a script in the page reads it, ciphertexts decoded as text. */
async function rawOutbox(): Promise<string> {
  return (await storedRecords()).map((r) => JSON.stringify(r) + (isSealed(r) ? new TextDecoder().decode(r.ciphertext) : '')).join('\n');
}
const SECRETS = ['王某某', '110101199003071234', '无证上岗', '刘宝军', 'A1', '2026-12-02'];

beforeEach(() => {
  // a fresh device for every test
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
  forgetMemoryChecks();
});

describe('offline queue (IndexedDB), sealed for its recorder (review 11-B F1)', () => {
  it('lists one activity’s queued recordings, oldest first', async () => {
    const keys = await testKeyring(OFFICER.id);
    await enqueue(item('b', 'A1', '2026-12-02T08:02:00Z'), keys);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), keys);
    await enqueue(item('c', 'A2', '2026-12-02T08:00:00Z'), keys);
    expect((await listQueued('A1', OFFICER.id, keys)).map((i) => i.id)).toEqual(['a', 'b']);
    expect((await listQueued('A2', OFFICER.id, keys)).map((i) => i.id)).toEqual(['c']);
  });

  it('keeps one entry per id: queueing the same recording again replaces it', async () => {
    const keys = await testKeyring(OFFICER.id);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), keys);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z', { attempts: 2, refused: '该保安员不在岗' }), keys);
    const [only, ...rest] = await listQueued('A1', OFFICER.id, keys);
    expect(rest).toHaveLength(0);
    expect(only).toMatchObject({ id: 'a', attempts: 2, refused: '该保安员不在岗', queuedBy: OFFICER });
  });

  it('removes only the recording named', async () => {
    const keys = await testKeyring(OFFICER.id);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), keys);
    await enqueue(item('b', 'A1', '2026-12-02T08:02:00Z'), keys);
    await removeQueued('a');
    expect((await listQueued('A1', OFFICER.id, keys)).map((i) => i.id)).toEqual(['b']);
  });

  it('writes nothing of a check in the clear: only its id, its recorder’s user id and the key version', async () => {
    const keys = await testKeyring(OFFICER.id);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), keys);
    const [record] = (await storedRecords()) as SealedInspection[];
    expect(Object.keys(record).sort()).toEqual(['ciphertext', 'id', 'iv', 'keyVersion', 'recordedBy']);
    expect(record).toMatchObject({ id: 'a', recordedBy: 'U1', keyVersion: 1 });
    const raw = await rawOutbox();
    for (const secret of SECRETS) expect(raw).not.toContain(secret);
  });

  it('a new nonce at every write; a ciphertext moved to another record does not open', async () => {
    const keys = await testKeyring(OFFICER.id);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), keys);
    await enqueue(item('b', 'A1', '2026-12-02T08:02:00Z'), keys);
    const [a, b] = (await storedRecords()) as SealedInspection[];
    expect(a.iv).not.toEqual(b.iv);
    await removeQueued('b');
    await putClearCheck({ ...a, id: 'b' } as unknown as QueuedInspection); // a's content under b's id
    const view = await readOutbox(OFFICER.id, keys);
    expect(view.items.map((i) => i.id)).toEqual(['a']);
    expect(view.locked).toBe(1);
  });

  it('without a key, writes nothing (NoOutboxKeyError); kept in memory only, listed as such, and sealed once a key comes', async () => {
    await expect(enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), null)).rejects.toBeInstanceOf(NoOutboxKeyError);
    // another account's key does not seal it either
    await expect(enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), await testKeyring(OTHER.id))).rejects.toBeInstanceOf(NoOutboxKeyError);
    expect(await storedRecords()).toEqual([]);

    keepInMemory(item('a', 'A1', '2026-12-02T08:01:00Z'));
    const before = await readOutbox(OFFICER.id, null);
    expect(before.items.map((i) => [i.id, i.memoryOnly])).toEqual([['a', true]]);
    expect(await storedRecords()).toEqual([]);
    expect((await readOutbox(OTHER.id, null)).items).toEqual([]); // not another account's

    const keys = await testKeyring(OFFICER.id);
    expect(await sealPending(OFFICER, keys)).toBe(1);
    const [record] = await storedRecords();
    expect(isSealed(record)).toBe(true);
    const after = await readOutbox(OFFICER.id, keys);
    expect(after.items.map((i) => [i.id, i.memoryOnly])).toEqual([['a', undefined]]);
    expect(await rawOutbox()).not.toContain('王某某');
  });

  it('another account’s checks: counted only, not opened with its key, nor the device’s checks of another device', async () => {
    await enqueue(item('mine', 'A1', '2026-12-02T08:01:00Z'), await testKeyring(OFFICER.id));
    await enqueue(item('theirs', 'A1', '2026-12-02T08:02:00Z', { queuedBy: OTHER }), await testKeyring(OTHER.id));
    const mine = await readOutbox(OFFICER.id, await testKeyring(OFFICER.id), { activityId: 'A1' });
    expect(mine.items.map((i) => i.id)).toEqual(['mine']);
    expect(mine).toMatchObject({ locked: 0, others: 1 });
    // the other account's keyring under my id opens nothing of mine
    const wrong = { ...(await testKeyring(OTHER.id)), userId: OFFICER.id };
    expect(await readOutbox(OFFICER.id, wrong)).toMatchObject({ items: [], locked: 1, others: 1 });

    // the same server key on another device (another salt) opens nothing
    const db = await openOutboxKeys();
    await new Promise((resolve) => {
      const t = db.transaction(OUTBOX_DEVICE, 'readwrite');
      t.objectStore(OUTBOX_DEVICE).clear();
      t.oncomplete = resolve;
    });
    db.close();
    expect(await readOutbox(OFFICER.id, await testKeyring(OFFICER.id))).toMatchObject({ items: [], locked: 1, others: 1 });
  });

  it('older clear checks: this account’s (and those of no recorder) are sealed once its key is here; another account’s stay counted only', async () => {
    await putClearCheck(item('old-mine', 'A1', '2026-12-02T08:01:00Z'));
    await putClearCheck(item('old-anyone', 'A1', '2026-12-02T08:02:00Z', { queuedBy: undefined }) as QueuedInspection);
    await putClearCheck(item('old-theirs', 'A1', '2026-12-02T08:03:00Z', { queuedBy: OTHER }));

    // before the key: the account's own are listed (they were its), the other's only counted
    const before = await readOutbox(OFFICER.id, null, { activityId: 'A1' });
    expect(before.items.map((i) => i.id)).toEqual(['old-mine', 'old-anyone']);
    expect(before.others).toBe(1);
    expect((await readOutbox(OTHER.id, null, { mayRecord: true })).items.map((i) => i.id)).toEqual(['old-anyone', 'old-theirs']);

    const keys = await testKeyring(OFFICER.id);
    expect(await sealPending(OFFICER, keys)).toBe(2);
    const stored = await storedRecords();
    expect(stored.filter((r) => !isSealed(r)).map((r) => r.id)).toEqual(['old-theirs']);
    const after = await readOutbox(OFFICER.id, keys, { activityId: 'A1' });
    expect(after.items.map((i) => [i.id, i.queuedBy?.id])).toEqual([
      ['old-mine', 'U1'],
      ['old-anyone', 'U1'],
    ]);
    expect(after.others).toBe(1);
    // the other account, with its key, seals its own
    expect(await sealPending(OTHER, await testKeyring(OTHER.id))).toBe(1);
    expect((await storedRecords()).every(isSealed)).toBe(true);
  });

  it('key versions: a check sealed under v1 opens with v1, and is sealed again under the current v2; without v1 it is locked', async () => {
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), await testKeyring(OFFICER.id, 1));
    const v2 = await testKeyring(OFFICER.id, 2);
    expect((await readOutbox(OFFICER.id, { ...v2, open: async (v) => (v === 2 ? v2.current!.key : null) })).locked).toBe(1);
    expect((await readOutbox(OFFICER.id, v2)).items.map((i) => i.id)).toEqual(['a']);
    expect(await sealPending(OFFICER, v2)).toBe(1);
    expect(((await storedRecords()) as SealedInspection[]).map((r) => r.keyVersion)).toEqual([2]);
    expect((await readOutbox(OFFICER.id, { ...v2, open: async (v) => (v === 2 ? v2.current!.key : null) })).items.map((i) => i.id)).toEqual(['a']);
  });

  it('updateQueued writes back sealed, and never brings back a check removed meanwhile', async () => {
    const keys = await testKeyring(OFFICER.id);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), keys);
    const [a] = await listQueued('A1', OFFICER.id, keys);
    await updateQueued({ ...a, attempts: 1, refused: '晚于活动结束时间' }, keys);
    expect((await listQueued('A1', OFFICER.id, keys))[0]).toMatchObject({ attempts: 1, refused: '晚于活动结束时间' });
    expect(await rawOutbox()).not.toContain('晚于活动结束时间');
    await removeQueued('a');
    await updateQueued({ ...a, attempts: 2 }, keys);
    expect(await storedRecords()).toEqual([]);
  });

  it('an older clear check is not rewritten in the clear without a key', async () => {
    await putClearCheck(item('old', 'A1', '2026-12-02T08:01:00Z'));
    await updateQueued({ ...item('old', 'A1', '2026-12-02T08:01:00Z'), attempts: 5 }, null);
    expect(((await storedRecords()) as QueuedInspection[])[0].attempts).toBe(0);
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
