import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchNotingServerTime, noteServerTime, serverNow, serverNowMs } from './clock';
import { todayInBeijing } from './format';

describe("the web's now is the server's", () => {
  afterEach(() => {
    noteServerTime(new Date().toISOString(), Date.now());
    vi.unstubAllGlobals();
  });

  it('takes the offset from an answer, halfway between sending and receiving', () => {
    const sent = Date.now() - 200;
    noteServerTime(new Date(sent + 100 + 3 * 86_400_000).toISOString(), sent, sent + 200);
    expect(Math.abs(serverNowMs() - (Date.now() + 3 * 86_400_000))).toBeLessThan(50);
    expect(Math.round(serverNow().diff(Date.now(), 'day', true))).toBe(3);
  });

  it("a device whose clock is a year off still gets the server's Beijing today", () => {
    noteServerTime('2031-03-01T16:30:00.000Z', Date.now()); // 2031-03-02 00:30 in Beijing
    expect(todayInBeijing()).toBe('2031-03-02');
  });

  it('ignores an answer without the header or with a broken one', () => {
    noteServerTime('2031-03-01T16:30:00.000Z', Date.now());
    noteServerTime(null, Date.now());
    noteServerTime('not a time', Date.now());
    expect(todayInBeijing()).toBe('2031-03-02');
  });

  it('the fetch used by Apollo and the login page notes the header', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { headers: { 'x-server-time': '2030-01-01T04:00:00.000Z', 'content-type': 'application/json' } })));
    await fetchNotingServerTime('/graphql', { method: 'POST' });
    expect(todayInBeijing()).toBe('2030-01-01');
  });
});
