import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackRequest, whenNetworkQuiet } from './networkActivity';

describe('whenNetworkQuiet', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const settledAfter = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return () => done;
  };

  it('waits while a request is in flight, then for the quiet time after it', async () => {
    let answer!: () => void;
    void trackRequest(new Promise<void>((r) => (answer = r)));
    const done = await settledAfter(whenNetworkQuiet(1000));
    await vi.advanceTimersByTimeAsync(5000);
    expect(done()).toBe(false); // the request is still out
    answer();
    await vi.advanceTimersByTimeAsync(999);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });

  it('starts the quiet time again when another request goes out meanwhile', async () => {
    const done = await settledAfter(whenNetworkQuiet(1000));
    let answer!: () => void;
    void trackRequest(new Promise<void>((r) => (answer = r)));
    await vi.advanceTimersByTimeAsync(2000);
    expect(done()).toBe(false);
    answer();
    await vi.advanceTimersByTimeAsync(1000);
    expect(done()).toBe(true);
  });

  it('counts a failed request as settled', async () => {
    const request = trackRequest(Promise.reject(new Error('offline')));
    await request.catch(() => undefined);
    const done = await settledAfter(whenNetworkQuiet(500));
    await vi.advanceTimersByTimeAsync(500);
    expect(done()).toBe(true);
  });
});
