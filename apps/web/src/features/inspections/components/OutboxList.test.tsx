import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import type { QueuedInspection } from '@/features/inspections/offlineQueue';
import { OutboxList } from './OutboxList';

const OFFICER = { id: 'U1', name: '刘宝军' };
const check = (id: string, extra: Partial<QueuedInspection> = {}): QueuedInspection => ({
  id,
  activityId: 'A1',
  label: `王某某：未经审查人员上岗 ${id}`,
  input: { id } as unknown as QueuedInspection['input'],
  queuedAt: '2026-12-02T08:00:00Z',
  attempts: 0,
  queuedBy: OFFICER,
  ...extra,
});

function outbox(extra: Partial<InspectionScreen['outbox']> = {}): InspectionScreen['outbox'] {
  return {
    items: [],
    locked: 0,
    keyMissing: false,
    others: 0,
    waiting: 0,
    online: true,
    sending: false,
    record: vi.fn(),
    flush: vi.fn(),
    discard: vi.fn(),
    recorder: OFFICER,
    ...extra,
  } as InspectionScreen['outbox'];
}

afterEach(cleanup);

describe('待发送 (review 11-B F1)', () => {
  it('another account’s waiting checks: their number only, nothing to send or delete', () => {
    render(<OutboxList outbox={outbox({ others: 2 })} />);
    expect(screen.getByTestId('queued-by-other').textContent).toBe('本机有2条其他账号离线登记的检查记录（已加密），须登记人本人登录后发送');
    expect(screen.queryByTestId('queued')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('没有待发送的记录')).toBeNull();
  });

  it('no key: the checks kept in this page only are marked, and said to be lost with a reload or logout', () => {
    render(<OutboxList outbox={outbox({ keyMissing: true, items: [check('m1', { memoryOnly: true })], waiting: 1 })} />);
    expect(screen.getByTestId('outbox-in-memory').textContent).toBe('有1条记录只保存在本页面中，请勿刷新或退出，联网后将自动发送');
    expect(screen.getByTestId('queued').textContent).toContain('仅保存在本页面');
  });

  it('own checks listed, a refused one deletable; sealed ones the key cannot open now counted', () => {
    const discard = vi.fn();
    render(<OutboxList outbox={outbox({ items: [check('r1', { refused: '晚于活动结束时间' })], locked: 1, online: false, discard })} />);
    expect(screen.getByTestId('queued').textContent).toContain('服务器未接受');
    expect(screen.getByTestId('queued-locked').textContent).toBe('本机有1条您离线登记的检查记录（已加密），联网后自动解密发送');
    fireEvent.click(screen.getByRole('button', { name: '删除该记录' }));
    expect(discard).toHaveBeenCalledWith('r1');
  });

  it('nothing waiting: says so', () => {
    render(<OutboxList outbox={outbox()} />);
    expect(screen.getByText('没有待发送的记录')).toBeTruthy();
  });
});
