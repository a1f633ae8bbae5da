import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { asDomainError, databaseOutage, HTTP_STATUS } from './errors';
import { logger } from './logger';

/** body-parser's refusals (express.json), by `type`, in Chinese. */
const BODY_ERRORS: Record<string, (limit?: number) => string> = {
  'entity.parse.failed': () => '请求体不是有效的 JSON',
  'entity.too.large': (limit) => `请求体过大${limit ? `（上限${Math.round(limit / 1024 / 1024)}MB）` : ''}，文件请拆分后上传`,
  'encoding.unsupported': () => '不支持该请求体编码',
  'charset.unsupported': () => '请求体须使用 UTF-8 编码',
  'request.aborted': () => '请求被中断',
  'request.size.invalid': () => '请求体长度与 content-length 不符',
  'stream.encoding.set': () => '请求体无法读取',
  'parameters.too.many': () => '请求参数过多',
};

/**
 * Sends an error as `{ error: { code, message } }` with its HTTP status: a domain error or a database
 * error as such, anything else logged and answered 500 with a generic line. No stack, path or library
 * text is ever sent, whatever NODE_ENV says.
 */
export function sendError(res: Response, err: unknown, what = 'request failed'): void {
  const domain = asDomainError(err);
  let status: number;
  let code: string;
  let message: string;
  const bodyError = err as { type?: string; status?: number; limit?: number };
  if (domain) {
    if (domain.httpStatus === 503) databaseOutage.failure(err);
    status = domain.httpStatus ?? HTTP_STATUS[domain.code] ?? 400;
    code = domain.code;
    message = domain.message;
  } else if (bodyError?.type && BODY_ERRORS[bodyError.type]) {
    status = bodyError.status ?? 400;
    code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    message = BODY_ERRORS[bodyError.type](bodyError.limit);
  } else if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    // e.g. serve-static refusing a malformed path (400/403) or a method it does not serve
    status = bodyError.status;
    code = status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    message = status === 404 ? '未找到' : '请求无效（地址或参数格式有误）';
  } else {
    logger.error({ err, requestId: res.locals.requestId }, what);
    status = 500;
    code = 'INTERNAL_SERVER_ERROR';
    message = '系统错误，请稍后重试';
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // GraphQL clients read `errors`; downloads and other routes read `error`.
  const body = res.req.originalUrl.startsWith('/graphql')
    ? { errors: [{ message, extensions: { code } }] }
    : { error: { code, message } };
  const req = res.req;
  if (bodyError?.type && !req.complete) {
    // The client is still sending the body (e.g. too large): read and drop it, so that it gets this
    // answer instead of a connection reset; give up after a while.
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      clearTimeout(timer);
      if (!res.headersSent) res.status(status).json(body);
    };
    const timer = setTimeout(() => {
      send();
      req.destroy();
    }, 15_000);
    req.once('end', send);
    req.once('error', send);
    req.resume();
    return;
  }
  res.status(status).json(body);
}

/** The last middleware: every error any route passes on is answered by sendError. */
export const jsonErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => sendError(res, err);

/** Anything no route answered (POST /x, GET /graphql/x …): 404 in JSON, not Express's English page. */
export const jsonNotFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: '未找到' } });
};
