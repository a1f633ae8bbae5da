import { Logger } from 'pino';
import { RetentionService } from './retention.service';

/** The first run waits this long after startup (the server is serving by then). */
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * The scheduled retention run inside every API node: every `intervalMinutes`, skipped when any
 * node ran it within the interval (its audit entry says when), and never two at once (advisory
 * lock in `purge`). Failures are logged and retried at the next tick; nothing is thrown.
 */
export function startRetentionJob(
  retention: RetentionService,
  intervalMinutes: number,
  logger: Logger,
  options: { firstRunDelayMs?: number; onRun?: (ran: boolean) => void } = {},
): { stop(): void } {
  const intervalMs = intervalMinutes * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const last = await retention.lastRunAt();
      const due = !last || Date.now() - new Date(last).getTime() >= intervalMs * 0.9;
      if (due) {
        const counts = await retention.purge();
        if (counts) logger.info({ retention: counts }, '个人信息保存期到期处理完成');
      }
      options.onRun?.(due);
    } catch (err) {
      logger.error({ err }, '个人信息保存期到期处理失败，将在下次定时重试');
    } finally {
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs).unref();
    }
  };
  timer = setTimeout(() => void tick(), options.firstRunDelayMs ?? Math.min(FIRST_RUN_DELAY_MS, intervalMs)).unref();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
