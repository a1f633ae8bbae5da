import 'fake-indexeddb/auto';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { act, cleanup, configure, renderHook, waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactNode } from 'react';
import { Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordInspectionInput } from '@/gql/graphql';
import { forgetMemoryChecks, isSealed, listQueued, storedRecords, type QueuedInspection } from '@/features/inspections/offlineQueue';
import { keptOutboxKeys } from '@/features/inspections/outboxKey';
import { keepTestKey, outboxKeyAnswer, putClearCheck, testKeyring } from '@/features/inspections/outboxTesting';
import { useOutbox } from '@/features/inspections/hooks/useOutbox';
import { forgetOutboxKeys } from '@/shared/deviceCopies';

type Answer = 'ok' | 'network-down' | 'refused';

/** What `recorderId`'s session opens of one activity's checks on the device (its key as the server gives it). */
const onDevice = async (activityId: string, recorderId = 'U1') => listQueued(activityId, recorderId, await testKeyring(recorderId));

/**
 * A server behind a real Apollo client, signed in as `userId`: answers each recordInspection as told,
 * and `outboxKey` with that account's key (not at all while `keyAnswers` is false), and remembers what it got.
 */
function fakeServer(userId = 'U1') {
  const server = {
    answer: 'ok' as Answer,
    keyAnswers: true,
    keysAsked: 0,
    received: [] as RecordInspectionInput[],
    /** What the device held at the moment each request went out. */
    queuedWhenSent: [] as string[][],
    /** While set, requests wait for it before they are answered (a slow network). */
    gate: null as Promise<void> | null,
  };
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (operation.operationName === 'OutboxKey') {
          server.keysAsked += 1;
          if (!server.keyAnswers) observer.error(new TypeError('Failed to fetch'));
          else {
            observer.next({ data: { outboxKey: outboxKeyAnswer(userId, (operation.variables.version as number | undefined) ?? 1) } });
            observer.complete();
          }
          return;
        }
        const input = operation.variables.input as RecordInspectionInput;
        void Promise.resolve(server.gate).then(() => onDevice(String(input.activityId), userId)).then((queued) => {
          server.queuedWhenSent.push(queued.map((q) => q.id));
          server.received.push(input);
          if (server.answer === 'network-down') {
            observer.error(new TypeError('Failed to fetch'));
          } else if (server.answer === 'refused') {
            observer.next({ errors: [{ message: '该保安员不在本活动的在岗名单中', extensions: { code: 'BAD_USER_INPUT' } }] });
            observer.complete();
          } else {
            observer.next({ data: { recordInspection: { __typename: 'Inspection', id: input.id, findings: [] } } });
            observer.complete();
          }
        });
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const wrapper = ({ children }: { children: ReactNode }) => <ApolloProvider client={client}>{children}</ApolloProvider>;
  return { server, wrapper };
}

const recording = (id: string) => ({
  id,
  activityId: 'A1',
  label: `保安员${id}`,
  input: { id, activityId: 'A1', rosterEntryId: `entry-${id}`, findings: [], recordedAt: '2026-12-02T08:00:00Z' } as unknown as RecordInspectionInput,
});

/** The signed-in officer who records; another officer on the same phone. */
const OFFICER = { id: 'U1', name: '刘宝军' };
const NEXT_OFFICER = { id: 'U2', name: '孟祥勇' };

let online = true;

// IndexedDB and the client answer asynchronously; a loaded machine may need more than the default second.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetMemoryChecks();
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
});

afterEach(() => {
  cleanup(); // no screen of an earlier case left listening for 'online' (the outbox's memory is the page's)
  vi.useRealTimers();
});

function goOffline() {
  online = false;
  window.dispatchEvent(new Event('offline'));
}
function goOnline() {
  online = true;
  window.dispatchEvent(new Event('online'));
}

describe('useOutbox', () => {
  it('stores a recording on the device before sending it, and drops it once the server accepted it', async () => {
    const { server, wrapper } = fakeServer();
    const onSent = vi.fn();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper });

    await act(() => result.current.record(recording('r1')));

    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(server.queuedWhenSent).toEqual([['r1']]);
    expect(result.current.items).toEqual([]);
    expect(await onDevice('A1')).toEqual([]);
  });

  it('keeps a recording the network lost and sends it again, with the same id, when the connection returns', async () => {
    const { server, wrapper } = fakeServer();
    server.answer = 'network-down';
    const onSent = vi.fn();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper });

    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.attempts).toBe(1));
    expect(result.current.waiting).toBe(1);
    expect(result.current.items[0].refused).toBeUndefined();
    expect(onSent).not.toHaveBeenCalled();

    server.answer = 'ok';
    act(goOffline);
    act(goOnline);

    await waitFor(() => expect(result.current.items).toEqual([]));
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(server.received.map((i) => i.id)).toEqual(['r1', 'r1']);
  });

  it('marks a recording the server refused, shows why, and does not send it again', async () => {
    const { server, wrapper } = fakeServer();
    server.answer = 'refused';
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });

    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.refused).toBe('该保安员不在本活动的在岗名单中'));
    expect(result.current.waiting).toBe(0);

    server.answer = 'ok';
    await act(() => result.current.flush());
    expect(server.received).toHaveLength(1);
    expect(result.current.items).toHaveLength(1);
  });

  it('sends nothing while the browser is offline, but keeps what was recorded, sealed', async () => {
    const { server, wrapper } = fakeServer();
    await keepTestKey(OFFICER.id); // kept at login
    act(goOffline);
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });

    await act(() => result.current.record(recording('r1')));
    await act(() => result.current.record(recording('r2')));

    expect(server.received).toHaveLength(0);
    expect(result.current.online).toBe(false);
    expect(result.current.waiting).toBe(2);
    expect(result.current.items.map((i) => i.id)).toEqual(['r1', 'r2']);
    expect(result.current.keyMissing).toBe(false);
    expect((await storedRecords()).every(isSealed)).toBe(true);
  });

  it('discards a refused recording when the officer deletes it', async () => {
    const { server, wrapper } = fakeServer();
    server.answer = 'refused';
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });
    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.refused).toBeTruthy());

    await act(() => result.current.discard('r1'));

    expect(result.current.items).toEqual([]);
    expect(await onDevice('A1')).toEqual([]);
  });

  it('sends each check in the name of the officer who recorded it, and keeps who that was on the device', async () => {
    const first = fakeServer();
    first.server.answer = 'network-down';
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: first.wrapper });
    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.attempts).toBe(1));
    expect(first.server.received[0].recordedBy).toBe('U1');
    expect((await onDevice('A1'))[0].queuedBy).toEqual(OFFICER);
  });

  it('on a shared phone, leaves the last officer\'s checks to them: only counted, not sent, not deleted by the next; sent when they are back', async () => {
    const first = fakeServer();
    await keepTestKey(OFFICER.id); // kept at login
    act(goOffline);
    const before = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: first.wrapper });
    await act(() => before.result.current.record(recording('r1')));
    before.unmount();
    await forgetOutboxKeys(); // the logout

    act(goOnline);
    const next = fakeServer(NEXT_OFFICER.id);
    const other = renderHook(() => useOutbox('A1', NEXT_OFFICER, vi.fn()), { wrapper: next.wrapper });
    // a count, nothing of it: not listed (no name, time or content)
    await waitFor(() => expect(other.result.current.others).toBe(1));
    expect(other.result.current.items).toEqual([]);
    expect(other.result.current.locked).toBe(0);
    await act(() => other.result.current.flush());
    await act(() => other.result.current.discard('r1'));
    expect(next.server.received).toEqual([]);
    expect(other.result.current.waiting).toBe(0);
    expect((await onDevice('A1')).map((i) => i.id)).toEqual(['r1']);
    other.unmount();

    const back = fakeServer();
    const onSent = vi.fn();
    renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper: back.wrapper });
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(back.server.received.map((i) => [i.id, i.recordedBy])).toEqual([['r1', 'U1']]);
  });

  it('sends what an earlier visit left in the outbox as soon as the screen opens', async () => {
    const first = fakeServer();
    first.server.answer = 'network-down';
    const before = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: first.wrapper });
    await act(() => before.result.current.record(recording('r1')));
    await waitFor(() => expect(before.result.current.items[0]?.attempts).toBe(1));
    before.unmount();

    const again = fakeServer();
    const onSent = vi.fn();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper: again.wrapper });

    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(again.server.received.map((i) => i.id)).toEqual(['r1']);
    expect(result.current.items).toEqual([]);
  });

  it('sends a check recorded while the last one is still being sent right after it, not at the next retry', async () => {
    const { server, wrapper } = fakeServer();
    let release = () => {};
    server.gate = new Promise((r) => (release = r));
    const onSent = vi.fn();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper });

    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.sending).toBe(true));
    await act(() => result.current.record(recording('r2'))); // r1 still on its way
    release();

    // well before the 10 s retry: the running send goes round again for r2
    await waitFor(() => expect(server.received.map((i) => i.id)).toEqual(['r1', 'r2']), { timeout: 3_000 });
    await waitFor(() => expect(result.current.waiting).toBe(0), { timeout: 3_000 });
    expect(await onDevice('A1')).toEqual([]);
  });
  it('asks the server for the key when none is kept, and keeps only a derived CryptoKey that cannot be exported', async () => {
    const { server, wrapper } = fakeServer();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });
    server.answer = 'network-down';
    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.attempts).toBe(1));
    expect(server.keysAsked).toBe(1);
    const [kept] = await keptOutboxKeys(OFFICER.id);
    expect(kept).toMatchObject({ userId: 'U1', version: 1 });
    expect(kept.key.extractable).toBe(false);
    expect(kept.key.algorithm).toMatchObject({ name: 'AES-GCM' });
    expect(Object.keys(localStorage).filter((k) => /key/i.test(k))).toEqual([]);
    expect((await storedRecords()).every(isSealed)).toBe(true);
  });

  it('no key at all (offline, none kept): the check stays in this page’s memory only, the screen says so, nothing is written; online, the key comes and it is sent', async () => {
    const { server, wrapper } = fakeServer();
    act(goOffline);
    const onSent = vi.fn();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper });
    await act(() => result.current.record(recording('r1')));
    expect(result.current.keyMissing).toBe(true);
    expect(result.current.items.map((i) => [i.id, i.memoryOnly])).toEqual([['r1', true]]);
    expect(result.current.waiting).toBe(1);
    expect(await storedRecords()).toEqual([]);

    act(goOnline);
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(server.received.map((i) => i.id)).toEqual(['r1']);
    await waitFor(() => expect(result.current.keyMissing).toBe(false));
    expect(result.current.items).toEqual([]);
    expect(await storedRecords()).toEqual([]);
  });

  it('no key while online (the server does not answer it): kept in memory only, sent from there; sealed once the key comes if it could not be sent', async () => {
    const { server, wrapper } = fakeServer();
    server.keyAnswers = false;
    server.answer = 'network-down';
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });
    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.attempts).toBe(1));
    expect(result.current.keyMissing).toBe(true);
    expect(result.current.items[0].memoryOnly).toBe(true);
    expect(await storedRecords()).toEqual([]);

    server.keyAnswers = true;
    await act(() => result.current.flush());
    await waitFor(() => expect(result.current.keyMissing).toBe(false));
    const stored = await storedRecords();
    expect(stored.map((r) => [r.id, isSealed(r)])).toEqual([['r1', true]]);
    expect((await onDevice('A1'))[0]).toMatchObject({ id: 'r1', attempts: 2 });
  });

  it('an older build’s clear check of this officer is sealed as soon as the key is here, then sent', async () => {
    const { server, wrapper } = fakeServer();
    server.answer = 'network-down';
    const old: QueuedInspection = { ...recording('old'), queuedBy: OFFICER, queuedAt: '2026-12-02T07:00:00Z', attempts: 3 };
    await putClearCheck(old);
    const theirs: QueuedInspection = { ...recording('theirs'), queuedBy: NEXT_OFFICER, queuedAt: '2026-12-02T07:00:00Z', attempts: 0 };
    await putClearCheck(theirs);
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });
    await waitFor(() => expect(result.current.items[0]?.attempts).toBe(4));
    expect(result.current.items.map((i) => i.id)).toEqual(['old']);
    expect(result.current.others).toBe(1);
    const stored = await storedRecords();
    expect(stored.map((r) => [r.id, isSealed(r)]).sort()).toEqual([
      ['old', true],
      ['theirs', false], // another account's: not this officer's to seal, counted only
    ]);
    server.answer = 'ok';
    await act(() => result.current.flush());
    expect(server.received.map((i) => i.id)).toEqual(['old', 'old']);
    expect(await onDevice('A1')).toEqual([]);
  });

  it('the same officer back after a logout (keys forgotten) opens and sends the checks: the same key is derived on this device', async () => {
    const first = fakeServer();
    first.server.answer = 'network-down';
    const before = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: first.wrapper });
    await act(() => before.result.current.record(recording('r1')));
    await waitFor(() => expect(before.result.current.items[0]?.attempts).toBe(1));
    before.unmount();
    await forgetOutboxKeys();
    expect(await keptOutboxKeys(OFFICER.id)).toEqual([]);

    const back = fakeServer();
    const onSent = vi.fn();
    renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper: back.wrapper });
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(back.server.received.map((i) => i.id)).toEqual(['r1']);
  });

  it('an account that records no checks asks for no key and lists nothing, however many wait', async () => {
    await (await import('@/features/inspections/offlineQueue')).enqueue({ ...recording('r1'), queuedBy: OFFICER, queuedAt: '2026-12-02T07:00:00Z', attempts: 0 }, await testKeyring(OFFICER.id));
    const { server, wrapper } = fakeServer('C1');
    const { result } = renderHook(() => useOutbox('A1', { id: 'C1', name: '某保安公司' }, vi.fn(), false), { wrapper });
    await waitFor(() => expect(result.current.others).toBe(1));
    expect(result.current.items).toEqual([]);
    expect(result.current.keyMissing).toBe(false);
    expect(server.keysAsked).toBe(0);
  });
});
