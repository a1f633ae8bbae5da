import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/**
 * What the rest of a request takes from its start, wherever it runs: the request id and address for
 * the audit log, and the stored settings read with the session (SettingsService.all).
 */
export interface RequestContext {
  requestId?: string;
  ip?: string;
  /** every stored setting as the request began; gone once the request changes a setting */
  storedSettings?: Record<string, unknown>;
  /** the browser's device cookie (auth.service `DEVICE_COOKIE`) when it carried a well-formed one */
  deviceToken?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentRequest = (): RequestContext => storage.getStore() ?? {};

/**
 * Runs the rest of the request inside its context. Mounted at the start and again after body parsing
 * (a parser's stream callbacks do not keep the async context of the middleware before it).
 */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  storage.run({ requestId: res.locals.requestId, ip: req.ip }, next);
}

/**
 * Runs `fn` in a request's context captured earlier, for work a request leaves behind that runs
 * outside its async chain (e.g. on the response's `finish` event), so its audit entries still carry
 * the request id and address.
 */
export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}
