import 'fake-indexeddb/auto';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { act, cleanup, configure, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactNode } from 'react';
import { Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeQuery, RecordInspectionInput } from '@/gql/graphql';
import type { Guard } from '@/features/inspections/checklist';
import { forgetMemoryChecks, listQueued, storedRecords } from '@/features/inspections/offlineQueue';
import { forgetOutboxKeys } from '@/shared/deviceCopies';
import { keepTestKey, outboxKeyAnswer, testKeyring } from '@/features/inspections/outboxTesting';
import { MEMORY_ONLY_TOAST, useInspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { SessionProvider } from '@/shared/session';
import { ToastProvider } from './plain';
import { CheckDrawer, DialogProviders } from './onsiteDialogs';

// The screen's data (the activity, the roster, the findings) as loaded: an activity in progress.
const onsiteData = {
  a: { id: 'A1', status: 'IN_PROGRESS', startableFrom: '2026-12-02T00:00:00Z', endsAt: '2099-12-02T12:00:00Z' },
  findingItems: [],
  findings: { refetch: () => Promise.resolve() },
  guards: [],
};
vi.mock('@/features/inspections/hooks/useOnsiteData', () => ({ useOnsiteData: () => onsiteData }));

const GUARD = {
  rosterEntryId: 'E1',
  guardId: 'G1',
  name: '杜勇',
  certificateNo: '辽保0001',
  photoUrl: null,
  post: '入口安检',
  area: null,
  companyId: 'C1',
  companyName: '盘锦红海滩保安服务有限公司',
} as unknown as Guard;

const ME = { id: 'U1', displayName: '刘宝军', role: 'SECURITY_DETACHMENT' } as unknown as MeQuery['me'];

/** The server: answers each RecordInspection (after `delayMs`), once per check id as the real one does, and remembers every request. */
function fakeServer(delayMs = 20) {
  const server = { received: [] as RecordInspectionInput[], stored: new Set<string>() };
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (operation.operationName === 'OutboxKey') {
          // the officer's key of the on-site outbox (outboxKey.ts)
          observer.next({ data: { outboxKey: outboxKeyAnswer(ME.id) } });
          observer.complete();
          return;
        }
        const input = operation.variables.input as RecordInspectionInput;
        server.received.push(input);
        const timer = setTimeout(() => {
          server.stored.add(String(input.id));
          observer.next({ data: { recordInspection: { __typename: 'Inspection', id: input.id, findings: [] } } });
          observer.complete();
        }, delayMs);
        return () => clearTimeout(timer);
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApolloProvider client={client}>
      <SessionProvider me={ME}>
        <ToastProvider>
          <DialogProviders>{children}</DialogProviders>
        </ToastProvider>
      </SessionProvider>
    </ApolloProvider>
  );
  return { server, wrapper };
}

/** The on-site screen, reduced to what opens the checklist (a guard's row, 发现未在名单人员上岗) and the drawer. */
function Screen() {
  const s = useInspectionScreen('A1');
  return (
    <>
      <button type="button" onClick={() => s.openCheck(GUARD)}>检查 杜勇</button>
      <button type="button" onClick={() => s.openCheck('stranger')}>发现未在名单人员上岗</button>
      <span data-testid="waiting">{s.outbox.items.length}</span>
      <CheckDrawer screen={s} />
    </>
  );
}

let online = true;
configure({ asyncUtilTimeout: 5_000 });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  forgetMemoryChecks();
  await keepTestKey(ME.id); // kept at login: the screen seals offline from the start
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
});

afterEach(() => cleanup());

const submitButton = () => screen.getByRole('button', { name: /提交检查/ });
const drawerClosed = () => waitFor(() => expect(screen.queryByRole('button', { name: /提交检查/ })).toBeNull());

/** Opens the guard's checklist and marks 着装规范 不合格, described. */
async function openGuardWithProblem(note: string) {
  fireEvent.click(screen.getByRole('button', { name: '检查 杜勇' }));
  const uniform = await screen.findByRole('radiogroup', { name: '着装规范' });
  fireEvent.click(within(uniform).getByLabelText('不合格'));
  fireEvent.change(screen.getByLabelText('问题说明'), { target: { value: note } });
}

async function openStranger(name: string) {
  fireEvent.click(screen.getByRole('button', { name: '发现未在名单人员上岗' }));
  fireEvent.change(await screen.findByLabelText('姓名（及证件号）'), { target: { value: name } });
}

const tick = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

/** A double tap: the second tap lands once the first one's form validation is over, while the check is being recorded. */
async function doubleTap(button: HTMLElement) {
  fireEvent.click(button);
  await tick();
  fireEvent.click(button);
}

// A drawer with antd's form opened and closed several times per case: above vitest's 5 s on a busy 2-core runner (a CI run timed out at 5,010 ms).
describe('CheckDrawer: one tap, one check', { timeout: 30_000 }, () => {
  it('a double tap on 提交检查 records the check once: one outbox item, one request, one id', async () => {
    const { server, wrapper } = fakeServer();
    render(<Screen />, { wrapper });

    await openGuardWithProblem('帽子未戴');
    await doubleTap(submitButton());
    await drawerClosed();
    await waitFor(() => expect(server.stored.size).toBe(1));
    await waitFor(() => expect(screen.getByTestId('waiting').textContent).toBe('0'));
    // nothing else arrives late
    await new Promise((r) => setTimeout(r, 100));

    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ guardId: 'G1', note: '帽子未戴', results: expect.arrayContaining([{ item: 'UNIFORM', compliant: false }]) });
    expect(screen.getAllByText('已登记')).toHaveLength(1);
  });

  it('shows the button busy while the check is recorded, and ignores further taps', async () => {
    const { server, wrapper } = fakeServer(300);
    render(<Screen />, { wrapper });

    await openGuardWithProblem('帽子未戴');
    fireEvent.click(submitButton());
    await waitFor(() => expect(submitButton().className).toContain('ant-btn-loading'));
    fireEvent.click(submitButton());
    fireEvent.click(submitButton());
    await drawerClosed();
    await waitFor(() => expect(server.stored.size).toBe(1));
    await new Promise((r) => setTimeout(r, 350));
    expect(server.received).toHaveLength(1);
  });

  it('a tap then Enter in a field (before the button shows it is busy) records the check once', async () => {
    const { server, wrapper } = fakeServer();
    render(<Screen />, { wrapper });

    await openStranger('王某');
    const form = screen.getByLabelText('姓名（及证件号）').closest('form')!;
    fireEvent.click(submitButton());
    await act(() => Promise.resolve());
    fireEvent.submit(form);
    await tick();
    fireEvent.submit(form);
    await drawerClosed();
    await waitFor(() => expect(server.stored.size).toBe(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(server.received).toHaveLength(1);
  });

  it('gives the next check, after the drawer is opened again, an id of its own', async () => {
    const { server, wrapper } = fakeServer();
    render(<Screen />, { wrapper });

    await openGuardWithProblem('帽子未戴');
    fireEvent.click(submitButton());
    await drawerClosed();
    await openGuardWithProblem('仍未戴帽子');
    await doubleTap(submitButton());
    await drawerClosed();
    await waitFor(() => expect(server.stored.size).toBe(2));
    await new Promise((r) => setTimeout(r, 100));

    expect(server.received.map((i) => i.note)).toEqual(['帽子未戴', '仍未戴帽子']);
    expect(server.received[0].id).not.toBe(server.received[1].id);
  });

  it('a double tap on the stranger form records one serious finding; the next person is a check of its own', async () => {
    const { server, wrapper } = fakeServer();
    render(<Screen />, { wrapper });

    await openStranger('王某，无保安员证');
    await doubleTap(submitButton());
    await drawerClosed();
    await openStranger('李某');
    await doubleTap(submitButton());
    await drawerClosed();
    await waitFor(() => expect(server.stored.size).toBe(2));
    await new Promise((r) => setTimeout(r, 100));

    expect(server.received.map((i) => [i.personName, i.guardId])).toEqual([['王某，无保安员证', null], ['李某', null]]);
    expect(new Set(server.received.map((i) => i.id)).size).toBe(2);
  });

  it('offline, keeps one item per check on the device, however often the button was tapped', async () => {
    online = false;
    const { server, wrapper } = fakeServer();
    render(<Screen />, { wrapper });

    await openGuardWithProblem('帽子未戴');
    await doubleTap(submitButton());
    await drawerClosed();
    await openStranger('王某');
    await doubleTap(submitButton());
    await drawerClosed();
    await waitFor(() => expect(screen.getByTestId('waiting').textContent).toBe('2'));

    const queued = await listQueued('A1', ME.id, await testKeyring(ME.id));
    expect(queued.map((q) => q.label)).toEqual(['杜勇：着装规范', '王某：未经审查人员上岗']);
    expect(queued.map((q) => q.input.id)).toEqual(queued.map((q) => q.id));
    expect(new Set(queued.map((q) => q.id)).size).toBe(2);
    expect(server.received).toHaveLength(0);
    expect(screen.getAllByText('已保存在本机，恢复网络后自动发送')).toHaveLength(2);
  });

  it('asks for the description of a non-compliance first; the check then submitted is still one', async () => {
    const { server, wrapper } = fakeServer();
    render(<Screen />, { wrapper });

    await openGuardWithProblem('');
    await doubleTap(submitButton());
    expect(await screen.findByText('“着装规范”不合格，请填写问题说明')).toBeTruthy();
    expect(server.received).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('问题说明'), { target: { value: '帽子未戴' } });
    await doubleTap(submitButton());
    await drawerClosed();
    await waitFor(() => expect(server.stored.size).toBe(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(server.received).toHaveLength(1);
  });
});

describe('useInspectionScreen.recordCheck', () => {
  it('records the open checklist under the id made when it was opened, once, however often it is called', async () => {
    online = false;
    const { wrapper } = fakeServer();
    const { result } = renderHook(() => useInspectionScreen('A1'), { wrapper });

    act(() => result.current.openCheck(GUARD));
    const id = result.current.checkId;
    expect(id).toBeTruthy();
    const values = { results: { UNIFORM: true, CERTIFICATE: true, BEARING: true, DUTY: true, FORBIDDEN_ACT: true } };
    const recordCheck = result.current.recordCheck;
    const outcomes = await act(() => Promise.all([recordCheck(values, null), recordCheck(values, null)]));

    expect(outcomes).toEqual([{ recorded: true }, { recorded: true }]);
    expect((await listQueued('A1', ME.id, await testKeyring(ME.id))).map((q) => q.id)).toEqual([id]);
    expect(result.current.checking).toBeNull();

    act(() => result.current.openCheck(GUARD));
    expect(result.current.checkId).not.toBe(id);
  });
  it('no key on the phone (offline, none kept): the check is kept in this page’s memory only, nothing is written, and the officer is told so', async () => {
    await forgetOutboxKeys();
    online = false;
    const { wrapper } = fakeServer();
    const { result } = renderHook(() => useInspectionScreen('A1'), { wrapper }); // the wrapper's ToastProvider shows the toasts
    act(() => result.current.openCheck(GUARD));
    const values = { results: { UNIFORM: true, CERTIFICATE: true, BEARING: true, DUTY: true, FORBIDDEN_ACT: true } };
    expect(await act(() => result.current.recordCheck(values, null))).toEqual({ recorded: true });
    expect(result.current.outbox.keyMissing).toBe(true);
    expect(result.current.outbox.items.map((i) => i.memoryOnly)).toEqual([true]);
    expect(await storedRecords()).toEqual([]);
    expect(await screen.findByText(MEMORY_ONLY_TOAST)).toBeTruthy();
  });
});
