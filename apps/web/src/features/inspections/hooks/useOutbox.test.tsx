import 'fake-indexeddb/auto';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { act, cleanup, configure, renderHook, waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactNode } from 'react';
import { Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordInspectionInput } from '@/gql/graphql';
import { listQueued, storedRecords, withOutboxLock, type Recorder } from '@/features/inspections/offlineQueue';
import { importOutboxKey } from '@/features/inspections/outboxKey';
import { useOutbox } from '@/features/inspections/hooks/useOutbox';

type Answer = 'ok' | 'network-down' | 'refused';

/** The signed-in officer who records; another officer on the same phone. */
const OFFICER = { id: 'U1', name: '刘宝军' };
const NEXT_OFFICER = { id: 'U2', name: '孟祥勇' };

/** The key the server derives for each account (random per test file): the same at every login. */
const KEYS: Record<string, string> = {};
const keyOf = (userId: string) => (KEYS[userId] ??= btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32)))));

/**
 * A server behind a real Apollo client, in the session of `session`: answers each recordInspection as
 * told, and `outboxKey` with that account's key; remembers what it got.
 */
function fakeServer(session: Recorder = OFFICER) {
  const server = {
    answer: 'ok' as Answer,
    received: [] as RecordInspectionInput[],
    /** What the device held at the moment each request went out. */
    queuedWhenSent: [] as string[][],
    keysAsked: 0,
    /** The key cannot be asked for (no connection when the screen opened). */
    keyDown: false,
  };
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (operation.operationName === 'OutboxKey') {
          server.keysAsked += 1;
          if (server.keyDown) observer.error(new TypeError('Failed to fetch'));
          else {
            observer.next({ data: { outboxKey: { __typename: 'OutboxKey', userId: session.id, key: keyOf(session.id) } } });
            observer.complete();
          }
          return;
        }
        const input = operation.variables.input as RecordInspectionInput;
        void storedRecords().then((queued) => {
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

/** The checks of `who` on the device, opened with their key. */
const queuedOf = async (who: Recorder, activityId = 'A1') => listQueued(activityId, who.id, await importOutboxKey(keyOf(who.id)));
/** What the device holds, whoever's. */
const storedIds = async () => (await storedRecords()).map((r) => r.id);
/** A logout: the session's device copies (the outbox key with them) go; the outbox stays. */
const logoutOnDevice = () => localStorage.clear();

const recording = (id: string) => ({
  id,
  activityId: 'A1',
  label: `保安员${id}`,
  input: { id, activityId: 'A1', rosterEntryId: `entry-${id}`, findings: [], recordedAt: '2026-12-02T08:00:00Z' } as unknown as RecordInspectionInput,
});


let online = true;

// IndexedDB and the client answer asynchronously; a loaded machine may need more than the default second.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
});

afterEach(async () => {
  // each test's screens go with it, and what they were doing ends before the next test's device is
  // there (a sending still under way would send the next test's checks with this test's server)
  cleanup();
  vi.useRealTimers();
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await withOutboxLock(async () => undefined);
  }
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
    expect(await storedIds()).toEqual([]);
  });

  it('keeps a recording the network lost and sends it again, with the same id, when the connection returns', async () => {
    const { server, wrapper } = fakeServer();
    server.answer = 'network-down';
    const onSent = vi.fn();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper });

    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.attempts).toBeGreaterThanOrEqual(1));
    expect(result.current.waiting).toBe(1);
    expect(result.current.items[0].refused).toBeUndefined();
    expect(onSent).not.toHaveBeenCalled();

    server.answer = 'ok';
    act(goOffline);
    act(goOnline);

    await waitFor(() => expect(result.current.items).toEqual([]));
    expect(onSent).toHaveBeenCalledTimes(1);
    // tried again (the screen's opening and the recording may each have tried once), always as the same check
    expect(server.received.length).toBeGreaterThanOrEqual(2);
    expect(new Set(server.received.map((i) => i.id))).toEqual(new Set(['r1']));
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

  it('sends nothing while the browser is offline, but keeps what was recorded', async () => {
    const { server, wrapper } = fakeServer();
    act(goOffline);
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });

    await act(() => result.current.record(recording('r1')));
    await act(() => result.current.record(recording('r2')));

    expect(server.received).toHaveLength(0);
    expect(result.current.online).toBe(false);
    expect(result.current.waiting).toBe(2);
    expect(result.current.items.map((i) => i.id)).toEqual(['r1', 'r2']);
  });

  it('discards a refused recording when the officer deletes it', async () => {
    const { server, wrapper } = fakeServer();
    server.answer = 'refused';
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });
    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.refused).toBeTruthy());

    await act(() => result.current.discard('r1'));

    expect(result.current.items).toEqual([]);
    expect(await storedIds()).toEqual([]);
  });

  it('sends each check in the name of the officer who recorded it, and keeps who that was on the device', async () => {
    const first = fakeServer();
    first.server.answer = 'network-down';
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: first.wrapper });
    await act(() => result.current.record(recording('r1')));
    await waitFor(() => expect(result.current.items[0]?.attempts).toBeGreaterThanOrEqual(1));
    expect(first.server.received[0].recordedBy).toBe('U1');
    expect((await storedRecords())[0]).toMatchObject({ recordedBy: 'U1' });
    expect((await queuedOf(OFFICER))[0].queuedBy).toEqual(OFFICER);
  });

  it('on a shared phone, leaves the last officer\'s checks to them: sealed, only counted, not sent nor deleted by the next; sent when they are back', async () => {
    const first = fakeServer(OFFICER);
    const before = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: first.wrapper });
    await waitFor(() => expect(first.server.keysAsked).toBe(1)); // the screen opened online: the key is kept
    act(goOffline);
    await act(() => before.result.current.record(recording('r1')));
    before.unmount();
    act(logoutOnDevice);

    act(goOnline);
    const next = fakeServer(NEXT_OFFICER);
    const other = renderHook(() => useOutbox('A1', NEXT_OFFICER, vi.fn()), { wrapper: next.wrapper });
    await waitFor(() => expect(other.result.current.others).toBe(1));
    expect(other.result.current.items).toEqual([]);
    await act(() => other.result.current.flush());
    await act(() => other.result.current.discard('r1'));
    expect(next.server.received).toEqual([]);
    expect(other.result.current.waiting).toBe(0);
    expect(await storedIds()).toEqual(['r1']);
    other.unmount();
    act(logoutOnDevice);

    const back = fakeServer(OFFICER);
    const onSent = vi.fn();
    renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper: back.wrapper });
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(back.server.received.map((i) => [i.id, i.recordedBy])).toEqual([['r1', 'U1']]);
  });

  it('seals what it queues: the device holds no label nor content, only the id, the recorder and the times', async () => {
    const { server, wrapper } = fakeServer();
    server.answer = 'network-down';
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });
    await act(() => result.current.record({ ...recording('r1'), label: '王某某：未经审查人员上岗' }));
    await waitFor(() => expect(result.current.items[0]?.attempts).toBeGreaterThanOrEqual(1));
    expect(result.current.items[0].label).toBe('王某某：未经审查人员上岗');
    const [record] = await storedRecords();
    expect(Object.keys(record).sort()).toEqual(['attempts', 'ciphertext', 'id', 'iv', 'queuedAt', 'recordedBy']);
  });

  it('reopened in a dead zone, seals and opens with the key kept for the session', async () => {
    const online = fakeServer();
    const before = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: online.wrapper });
    await waitFor(() => expect(online.server.keysAsked).toBe(1));
    before.unmount();

    act(goOffline);
    const offline = fakeServer();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: offline.wrapper });
    await act(() => result.current.record(recording('r1')));
    expect(offline.server.keysAsked).toBe(0);
    expect(result.current.items.map((i) => i.id)).toEqual(['r1']);
    expect((await storedRecords())[0]).toHaveProperty('ciphertext');
  });

  it('without a key yet (offline, never asked): keeps the check rather than lose it, and seals it once the key comes', async () => {
    act(goOffline);
    const { server, wrapper } = fakeServer();
    server.keyDown = true;
    const { result } = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper });
    await act(() => result.current.record(recording('r1')));
    expect(result.current.waiting).toBe(1);
    expect((await storedRecords())[0]).not.toHaveProperty('ciphertext');

    // back online, the server reachable but the check not accepted yet: the key comes, the check is sealed
    server.keyDown = false;
    server.answer = 'refused';
    act(goOnline);
    await waitFor(() => expect(result.current.items[0]?.refused).toBeTruthy());
    expect((await storedRecords())[0]).toHaveProperty('ciphertext');
  });

  it('sends what an earlier visit left in the outbox as soon as the screen opens', async () => {
    const first = fakeServer();
    first.server.answer = 'network-down';
    const before = renderHook(() => useOutbox('A1', OFFICER, vi.fn()), { wrapper: first.wrapper });
    await act(() => before.result.current.record(recording('r1')));
    await waitFor(() => expect(before.result.current.items[0]?.attempts).toBeGreaterThanOrEqual(1));
    before.unmount();

    const again = fakeServer();
    const onSent = vi.fn();
    const { result } = renderHook(() => useOutbox('A1', OFFICER, onSent), { wrapper: again.wrapper });

    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(again.server.received.map((i) => i.id)).toEqual(['r1']);
    expect(result.current.items).toEqual([]);
  });
});
