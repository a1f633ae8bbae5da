import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Button, ConfigProvider, DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { afterToday, futureDateMessage, notAfterToday } from './dateRules';

configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

/** A form with one date as the guard form has its 发证日期: the rule, no `disabledDate`. */
function DateForm({ onFinish }: { onFinish: (v: { date?: dayjs.Dayjs }) => void }) {
  return (
    <ConfigProvider theme={{ token: { motion: false } }}>
      <Form onFinish={onFinish}>
        <Form.Item name="date" label="发证日期" rules={[notAfterToday('保安员证发证日期')]}>
          <DatePicker />
        </Form.Item>
        <Button htmlType="submit">保存</Button>
      </Form>
    </ConfigProvider>
  );
}

describe('a date that may not lie after today (red team 8, L1, L2)', () => {
  it('a future date typed into the box is refused with the API’s message, not dropped or replaced by today', async () => {
    const saved: unknown[] = [];
    render(<DateForm onFinish={(v) => saved.push(v)} />);
    const box = screen.getByLabelText('发证日期');
    const future = dayjs().add(10, 'day').format('YYYY-MM-DD');
    fireEvent.mouseDown(box);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: future } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter' });
    fireEvent.blur(box);
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('保安员证发证日期不能晚于今天')).toBeTruthy();
    expect(saved).toEqual([]);
  });

  it('today and earlier pass; after today does not', async () => {
    expect(afterToday(dayjs())).toBe(false);
    expect(afterToday(dayjs().subtract(1, 'day'))).toBe(false);
    expect(afterToday(dayjs().add(1, 'day'))).toBe(true);
    expect(afterToday(null)).toBe(false);
    expect(futureDateMessage('离职日期')).toBe('离职日期不能晚于今天');
    await expect(notAfterToday('吊销日期').validator(null, dayjs())).resolves.toBeUndefined();
    await expect(notAfterToday('吊销日期').validator(null, dayjs().add(2, 'day'))).rejects.toThrow('吊销日期不能晚于今天');
    await waitFor(() => true);
  });
});
