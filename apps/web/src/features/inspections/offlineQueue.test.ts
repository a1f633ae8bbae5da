import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  countUnsent,
  enqueue,
  keepForOffline,
  keptForOffline,
  listQueued,
  readOutbox,
  removeQueued,
  sealClearChecks,
  storedRecords,
  type QueuedInspection,
  type SealedInspection,
} from '@/features/inspections/offlineQueue';
import { importOutboxKey } from '@/features/inspections/outboxKey';

/** The officers on a shared phone, each with the key the server derives for them (32 random bytes here). */
const OFFICER = { id: 'U1', name: '刘宝军' };
const NEXT_OFFICER = { id: 'U2', name: '孟祥勇' };
const rawKey = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
let officerKey: CryptoKey;
let nextKey: CryptoKey;

/** A check about an unvetted person on duty, with everything personal a check can hold. */
const item = (id: string, activityId: string, queuedAt: string, extra: Partial<QueuedInspection> = {}): QueuedInspection => ({
  id,
  activityId,
  input: {
    id,
    activityId,
    guardId: null,
    personName: '王某某',
    post: '停车场',
    note: '无保安员证，身份证号211102199001011234',
    photo: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD',
    results: [],
    recordedAt: queuedAt,
    recordedBy: OFFICER.id,
  } as unknown as QueuedInspection['input'],
  label: `王某某 ${id}：未经审查人员上岗`,
  queuedAt,
  attempts: 0,
  queuedBy: OFFICER,
  ...extra,
});

/** What a script in the page reads of the device's outbox: every record as stored, as text. */
async function rawText(): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  return (await storedRecords())
    .map((r) => JSON.stringify(r) + ('ciphertext' in r ? decoder.decode(r.ciphertext as ArrayBuffer) : ''))
    .join('\n');
}

beforeEach(async () => {
  // a fresh device for every test
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
  officerKey = await importOutboxKey(rawKey());
  nextKey = await importOutboxKey(rawKey());
});

describe('offline queue (IndexedDB)', () => {
  it('lists one activity’s queued recordings, oldest first', async () => {
    await enqueue(item('b', 'A1', '2026-12-02T08:02:00Z'), officerKey);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), officerKey);
    await enqueue(item('c', 'A2', '2026-12-02T08:00:00Z'), officerKey);
    expect((await listQueued('A1', OFFICER.id, officerKey)).map((i) => i.id)).toEqual(['a', 'b']);
    expect((await listQueued('A2', OFFICER.id, officerKey)).map((i) => i.id)).toEqual(['c']);
  });

  it('keeps one entry per id: queueing the same recording again replaces it', async () => {
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), officerKey);
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z', { attempts: 2, refused: '该保安员不在岗' }), officerKey);
    const [only, ...rest] = await listQueued('A1', OFFICER.id, officerKey);
    expect(rest).toHaveLength(0);
    expect(only).toMatchObject({ id: 'a', attempts: 2, refused: '该保安员不在岗' });
    expect(await storedRecords()).toHaveLength(1);
  });

  it('removes only the recording named', async () => {
    await enqueue(item('a', 'A1', '2026-12-02T08:01:00Z'), officerKey);
    await enqueue(item('b', 'A1', '2026-12-02T08:02:00Z'), officerKey);
    await removeQueued('a');
    expect((await listQueued('A1', OFFICER.id, officerKey)).map((i) => i.id)).toEqual(['b']);
  });
});

describe('sealed under the recorder’s key (review 11-B F1)', () => {
  it('stores the check encrypted: the record holds its id, recorder, time and attempts, nothing personal', async () => {
    const check = item('r1', 'A1', '2026-12-02T08:01:00Z', { attempts: 1, refused: '该人员已离岗' });
    await enqueue(check, officerKey);
    const [record] = await storedRecords();
    expect(Object.keys(record).sort()).toEqual(['attempts', 'ciphertext', 'id', 'iv', 'queuedAt', 'recordedBy']);
    expect(record).toMatchObject({ id: 'r1', recordedBy: 'U1', queuedAt: '2026-12-02T08:01:00Z', attempts: 1 });
    const text = await rawText();
    for (const secret of ['王某某', '211102199001011234', '无保安员证', '停车场', '/9j/4AAQ', '刘宝军', '未经审查', '该人员已离岗', 'A1']) {
      expect(text).not.toContain(secret);
    }
  });

  it('opens with the same key: the check as recorded', async () => {
    const check = item('r1', 'A1', '2026-12-02T08:01:00Z');
    await enqueue(check, officerKey);
    expect(await listQueued('A1', OFFICER.id, officerKey)).toEqual([{ ...check, refused: undefined }]);
    // a new IV at every write
    await enqueue(check, officerKey);
    const [first] = (await storedRecords()) as SealedInspection[];
    await enqueue(check, officerKey);
    const [second] = (await storedRecords()) as SealedInspection[];
    expect(Array.from(second.iv)).not.toEqual(Array.from(first.iv));
  });

  it('does not open with another account’s key, nor for another account, nor moved to another record', async () => {
    await enqueue(item('r1', 'A1', '2026-12-02T08:01:00Z'), officerKey);
    // the right recorder with a wrong key: kept, counted, not opened
    expect(await readOutbox(OFFICER.id, nextKey)).toEqual({ items: [], locked: 1, others: 0 });
    // the record claimed by another account: its key does not open it either (the recorder is bound to the ciphertext)
    const [record] = (await storedRecords()) as SealedInspection[];
    await removeQueued('r1');
    await enqueue({ ...item('x', 'A1', '2026-12-02T08:01:00Z'), queuedBy: NEXT_OFFICER }, nextKey);
    const [other] = (await storedRecords()) as SealedInspection[];
    const { tx } = await openRaw();
    await tx((s) => s.put({ ...record, recordedBy: NEXT_OFFICER.id }));
    await tx((s) => s.put({ ...record, id: 'x', iv: other.iv }));
    expect((await readOutbox(NEXT_OFFICER.id, nextKey)).items).toEqual([]);
    expect((await readOutbox(OFFICER.id, officerKey)).items).toEqual([]);
  });

  it('shows another account only how many checks others left: no name, no time, no content', async () => {
    await enqueue(item('r1', 'A1', '2026-12-02T08:01:00Z'), officerKey);
    await enqueue(item('r2', 'A2', '2026-12-02T08:02:00Z'), officerKey);
    await enqueue({ ...item('n1', 'A1', '2026-12-02T08:03:00Z'), queuedBy: NEXT_OFFICER }, nextKey);
    expect(await readOutbox(NEXT_OFFICER.id, nextKey, { activityId: 'A1' })).toEqual({
      items: [expect.objectContaining({ id: 'n1' })],
      locked: 0,
      others: 2,
    });
    // an account that records nothing (a company on the screen): a count only
    expect(await readOutbox('C1', null, { activityId: 'A1' })).toEqual({ items: [], locked: 0, others: 3 });
  });

  it('counts the recorder’s unsent checks on the whole device (refused ones aside; sealed ones it cannot open now included)', async () => {
    await enqueue(item('r1', 'A1', '2026-12-02T08:01:00Z'), officerKey);
    await enqueue(item('r2', 'A2', '2026-12-02T08:02:00Z'), officerKey);
    await enqueue(item('r3', 'A2', '2026-12-02T08:03:00Z', { refused: '该检查编号已用于其他活动的检查记录' }), officerKey);
    await enqueue({ ...item('n1', 'A1', '2026-12-02T08:03:00Z'), queuedBy: NEXT_OFFICER }, nextKey);
    expect(await countUnsent(OFFICER.id, officerKey)).toBe(2);
    expect(await countUnsent(OFFICER.id, null)).toBe(3);
    expect(await countUnsent(NEXT_OFFICER.id, nextKey)).toBe(1);
    expect(await countUnsent('C1', null)).toBe(0);
  });
});

describe('checks kept in the clear (by a build before the sealing, or without the key)', () => {
  it('are shown to their recorder only, then sealed once the recorder’s key is there; nothing is lost', async () => {
    const mine = item('old1', 'A1', '2026-12-02T08:01:00Z');
    const theirs = { ...item('old2', 'A1', '2026-12-02T08:02:00Z'), queuedBy: NEXT_OFFICER };
    await enqueue(mine, null);
    await enqueue(theirs, null);
    expect(await rawText()).toContain('王某某'); // as the older build left them

    // the recorder without the key (offline, not fetched yet): its own shown; the other's a count
    expect(await readOutbox(OFFICER.id, null, { activityId: 'A1', mayRecord: true })).toEqual({ items: [mine], locked: 0, others: 1 });
    expect(await readOutbox('C1', null, { activityId: 'A1' })).toEqual({ items: [], locked: 0, others: 2 });

    // the key is there: its own are sealed, the other's stay as they are for their recorder
    expect(await sealClearChecks(OFFICER, officerKey)).toBe(1);
    const records = await storedRecords();
    expect(records.find((r) => r.id === 'old1')).toMatchObject({ recordedBy: 'U1', ciphertext: expect.anything() });
    expect(records.find((r) => r.id === 'old2')).toEqual(theirs);
    expect(await listQueued('A1', OFFICER.id, officerKey)).toEqual([{ ...mine, refused: undefined }]);

    // the other officer back, with their key: theirs sealed too; nothing personal is left in the clear
    expect(await sealClearChecks(NEXT_OFFICER, nextKey)).toBe(1);
    expect(await rawText()).not.toContain('王某某');
    expect((await listQueued('A1', NEXT_OFFICER.id, nextKey)).map((i) => i.id)).toEqual(['old2']);
  });

  it('a check from before recorders were kept becomes the first recorder’s with a key; one sent meanwhile does not come back', async () => {
    const { queuedBy: _, ...anonymous } = item('older', 'A1', '2026-12-02T08:01:00Z');
    await enqueue(anonymous, null);
    expect((await readOutbox('C1', null)).others).toBe(1);
    expect(await sealClearChecks(OFFICER, officerKey)).toBe(1);
    expect((await listQueued('A1', OFFICER.id, officerKey))[0]).toMatchObject({ id: 'older', queuedBy: OFFICER });

    await enqueue(item('sent', 'A1', '2026-12-02T08:02:00Z'), null);
    const sealing = sealClearChecks(OFFICER, officerKey);
    await removeQueued('sent'); // sent and removed while it was being sealed
    await sealing;
    expect((await storedRecords()).map((r) => r.id)).toEqual(['older']);
  });
});

/** The device's store opened directly, to tamper with it as a script could. */
async function openRaw() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('evs-onsite', 1);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = (fn: (s: IDBObjectStore) => void) =>
    new Promise<void>((resolve, reject) => {
      const t = db.transaction('inspections', 'readwrite');
      fn(t.objectStore('inspections'));
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
    });
  return { tx };
}

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
