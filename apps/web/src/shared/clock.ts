import dayjs, { type Dayjs } from 'dayjs';
import { trackRequest } from './networkActivity';

/**
 * "Now" for the web app: the server's clock, not the device's. Every answer of the server carries its
 * time (`x-server-time`, the same clock its date rules use); the offset to this device's clock is
 * kept, so a default (an application date, a 督办 due date, a training time), a date check in a form
 * and the overview's period presets agree with what the server will accept, also on a phone whose
 * clock is off. Until the first answer the device's time stands in.
 */
let offsetMs = 0;

/** Notes the server's time from an answer (`sentAt`: when the request left, by this device's clock). */
export function noteServerTime(header: string | null, sentAt: number, receivedAt = Date.now()): void {
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  // the server read its clock about halfway between sending and receiving
  offsetMs = server - (sentAt + receivedAt) / 2;
}

/**
 * A `fetch` that notes the server's time of each answer (Apollo's HttpLink and the login page use it),
 * and counts the request as in flight meanwhile (`networkActivity.ts`).
 */
export const fetchNotingServerTime: typeof fetch = async (input, init) => {
  const sentAt = Date.now();
  const response = await trackRequest(fetch(input, init));
  noteServerTime(response.headers.get('x-server-time'), sentAt);
  return response;
};

/** The server's now, as an instant in milliseconds. */
export const serverNowMs = (): number => Date.now() + offsetMs;

/** The server's now, for date pickers, defaults and comparisons. */
export const serverNow = (): Dayjs => dayjs(serverNowMs());
