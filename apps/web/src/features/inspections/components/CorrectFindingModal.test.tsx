import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '@/features/inspections/checklist';
import { FindingsQuery } from '@/features/inspections/operations';
import { onsiteVariables } from '@/features/inspections/preload';
import { CorrectFindingModal, DialogProviders } from './onsiteDialogs';

// 14:30:40 in Beijing; the finding was recorded at 14:05:30 (the tests run in America/Los_Angeles).
const NOW = Date.parse('2026-12-02T06:30:40.500Z');
const FOUND = '2026-12-02T06:05:30.000Z';

const FINDING: Finding = {
  __typename: 'InspectionFinding', id: 'F1', inspectionId: 'I1', personName: '杜勇', certificateNo: null, post: '入口安检', area: null,
  companyName: '盘锦红海滩保安服务有限公司', item: 'UNIFORM', serious: false, note: '帽子未戴', photoUrl: null,
  recordedAt: FOUND, recordedByName: '刘宝军', correctedAt: null, correctedByName: null, correctionNote: null,
};

type Answer = 'ok' | 'before-finding';

/** The server: remembers each CorrectFinding; answers it after `delayMs`, as told. */
function fakeServer(answer: Answer = 'ok', delayMs = 20) {
  const received: { findingId: string; note: string; correctedAt: string }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const v = operation.variables as (typeof received)[number];
        received.push(v);
        const timer = setTimeout(() => {
          if (answer === 'before-finding') {
            observer.next({ errors: [{ message: '纠正时间不能早于发现时间', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'correctedAt', message: '纠正时间不能早于发现时间' }] } }] });
          } else {
            observer.next({ data: { correctFinding: { __typename: 'InspectionFinding', id: v.findingId, correctedAt: v.correctedAt, correctedByName: '刘宝军', correctionNote: v.note } } });
          }
          observer.complete();
        }, delayMs);
        return () => clearTimeout(timer);
      }),
  );
  const cache = new InMemoryCache();
  // the findings list the screen has loaded, as its query answered it
  cache.writeQuery({ query: FindingsQuery, variables: onsiteVariables('A1').findings, data: { findings: { __typename: 'FindingPage', total: 1, items: [FINDING] } } });
  const client = new ApolloClient({ link, cache });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApolloProvider client={client}>
      <DialogProviders>{children}</DialogProviders>
    </ApolloProvider>
  );
  return { received, wrapper };
}

configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function open(wrapper: (p: { children: ReactNode }) => ReactNode, findingId = 'F1') {
  const onClose = vi.fn();
  const onCorrected = vi.fn(() => Promise.resolve());
  render(<CorrectFindingModal findingId={findingId} onClose={onClose} onCorrected={onCorrected} />, { wrapper });
  fireEvent.change(screen.getByLabelText('纠正情况'), { target: { value: '已当场佩戴保安服务标志' } });
  return { onClose, onCorrected, time: screen.getByLabelText('纠正时间') as HTMLInputElement, ok: () => screen.getByRole('button', { name: /确认纠正/ }) };
}

describe('CorrectFindingModal: 纠正时间 on a phone', () => {
  it('is the phone\'s own date-and-time input, now (Beijing time) by default, bounded by the finding and today', () => {
    const { wrapper } = fakeServer();
    const { time } = open(wrapper);
    expect(time.type).toBe('datetime-local');
    expect(time.value).toBe('2026-12-02T14:30');
    expect(time.min).toBe('2026-12-02T14:05');
    expect(time.max).toBe('2026-12-02T23:59');
    expect(screen.getByText('发现时间 2026-12-02 14:05；默认为此刻')).toBeTruthy();
  });

  it('sends the default as now, to the second', async () => {
    const { received, wrapper } = fakeServer();
    const { ok, onClose, onCorrected } = open(wrapper);
    fireEvent.click(ok());
    await waitFor(() => expect(onCorrected).toHaveBeenCalled());
    expect(received).toEqual([{ findingId: 'F1', note: '已当场佩戴保安服务标志', correctedAt: new Date(NOW).toISOString() }]);
    expect(onClose).toHaveBeenCalled();
  });

  it('sends a picked earlier time as that Beijing minute', async () => {
    const { received, wrapper } = fakeServer();
    const { ok, time, onCorrected } = open(wrapper);
    fireEvent.change(time, { target: { value: '2026-12-02T14:20' } });
    fireEvent.click(ok());
    await waitFor(() => expect(onCorrected).toHaveBeenCalled());
    expect(received.map((r) => r.correctedAt)).toEqual(['2026-12-02T06:20:00.000Z']);
  });

  it('refuses a time in the future or before the finding, under the field, and sends nothing', async () => {
    const { received, wrapper } = fakeServer();
    const { ok, time } = open(wrapper);
    fireEvent.change(time, { target: { value: '2026-12-02T14:45' } });
    expect(await screen.findByText('纠正时间晚于当前时间')).toBeTruthy();
    fireEvent.click(ok());
    fireEvent.change(time, { target: { value: '2026-12-02T13:59' } });
    expect(await screen.findByText('纠正时间不能早于发现时间')).toBeTruthy();
    fireEvent.click(ok());
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(received).toEqual([]);
  });

  it('此刻 puts the time back to now', async () => {
    const { wrapper } = fakeServer();
    const { time } = open(wrapper);
    fireEvent.change(time, { target: { value: '2026-12-01T09:00' } });
    vi.setSystemTime(NOW + 2 * 60_000);
    fireEvent.click(screen.getByRole('button', { name: /此\s*刻/ }));
    await waitFor(() => expect(time.value).toBe('2026-12-02T14:32'));
  });

  it('shows the server\'s refusal about the time under the field', async () => {
    const { wrapper } = fakeServer('before-finding');
    render(<CorrectFindingModal findingId="F2" onClose={vi.fn()} onCorrected={vi.fn(() => Promise.resolve())} />, { wrapper });
    fireEvent.change(screen.getByLabelText('纠正情况'), { target: { value: '已纠正' } });
    // a finding not in the screen's list: the server judges the time
    fireEvent.change(screen.getByLabelText('纠正时间'), { target: { value: '2026-12-01T09:00' } });
    fireEvent.click(screen.getByRole('button', { name: /确认纠正/ }));
    expect(await screen.findByText('纠正时间不能早于发现时间')).toBeTruthy();
    expect(screen.getByRole('button', { name: /确认纠正/ }).className).not.toContain('ant-btn-loading');
  });

  it('a double tap on 确认纠正 sends one correction', async () => {
    const { received, wrapper } = fakeServer('ok', 200);
    const { ok, onCorrected } = open(wrapper);
    fireEvent.click(ok());
    await act(() => new Promise((r) => setTimeout(r, 0)));
    fireEvent.click(ok());
    fireEvent.submit(ok().closest('form')!);
    await waitFor(() => expect(onCorrected).toHaveBeenCalled());
    await act(() => new Promise((r) => setTimeout(r, 250)));
    expect(received).toHaveLength(1);
  });
});
