import type { Logger } from 'pino';
import { OutageLog } from './outage';

function fakeLogger() {
  const lines: { level: string; msg: string; data: Record<string, unknown> }[] = [];
  const at = (level: string) => (data: Record<string, unknown>, msg: string) => lines.push({ level, msg, data });
  return { lines, logger: { error: at('error'), info: at('info') } as unknown as Logger };
}

describe('OutageLog', () => {
  it('logs an outage once per interval, with the number of failed requests, and once on recovery', () => {
    let now = 0;
    const { lines, logger } = fakeLogger();
    const log = new OutageLog(logger, 30_000, () => now);
    for (let i = 0; i < 500; i++) {
      log.failure(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
      now += 10; // 500 failed requests in 5 s
    }
    expect(lines.map((l) => l.level)).toEqual(['error']);
    now = 31_000;
    log.failure(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    expect(lines).toHaveLength(2);
    expect(lines[1].data.failedRequests).toBe(500);
    expect(log.down).toBe(true);
    now = 40_000;
    log.success();
    log.success();
    expect(lines.map((l) => l.level)).toEqual(['error', 'error', 'info']);
    expect(lines[2].data.downForMs).toBe(40_000);
    expect(log.down).toBe(false);
  });
});
