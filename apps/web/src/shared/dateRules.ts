import type { Dayjs } from 'dayjs';
import { serverNow } from './clock';

/**
 * A date field that may not lie after today (a leaving, a 受理 date, a 发证日期, a revocation), as a rule that
 * says so. Not as the picker's `disabledDate`: antd shows a date typed into the box that `disabledDate` refuses
 * but keeps the previous value, so the form saved today's date, or none, under a future one shown (red team 8,
 * L1, L2). The message is the API's own.
 */
export function notAfterToday(label: string) {
  return {
    validator: async (_: unknown, v?: Dayjs | null) => {
      if (v && v.isAfter(serverNow(), 'day')) throw new Error(futureDateMessage(label));
    },
  };
}

/** The API's refusal of a date after today, e.g. “离职日期不能晚于今天”. */
export const futureDateMessage = (label: string) => `${label}不能晚于今天`;

/** Whether `d` lies after today (the server's day). */
export const afterToday = (d: Dayjs | null | undefined): boolean => !!d && d.isAfter(serverNow(), 'day');
