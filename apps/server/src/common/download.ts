import cookieParser from 'cookie-parser';
import { Request, Response, Router } from 'express';
import type { Actor } from './actor';
import { DomainError, forbidden, isScopeDenial } from './errors';
import { sendError } from './http-errors';

/** A file as a download answers it. */
export interface DownloadFile {
  /** The name the browser saves (Chinese as shown): Content-Disposition with an RFC 5987 `filename*`. */
  filename: string;
  /** The bytes, or a writer that streams them into the answer (a large workbook). */
  body: Buffer | ((res: Response) => Promise<void>);
  /**
   * A picture the page shows (its MIME type), not a file to save: sent inline and kept by the
   * browser only to be revalidated on each use (`private, no-cache` with an ETag, a 304 when unchanged),
   * so every showing passes the session and the record rule again and a removed photo is gone at once.
   */
  inlineType?: string;
}

/** One GET download: its path, its roles at the edge, and how it loads (through a service, record rules there). */
export interface DownloadRoute {
  /** Express path, e.g. `/exports/timeline/:activityId.xlsx`. */
  get: string;
  /** Who may download at all, a predicate of the feature's policy (like `@Authorized`); omitted: every signed-in role, the service deciding per record. */
  allows?: (actor: Actor) => boolean;
  file(actor: Actor, req: Request): Promise<DownloadFile>;
}

/** How a request's session becomes an actor: the same reading and the same gate as the GraphQL API. */
export interface DownloadSession {
  /** The actor of the session cookie, or null (no cookie, ended or unknown session). */
  actorOf(req: Request): Promise<Actor | null>;
  /** The gate of every GraphQL root field: UNAUTHENTICATED without a session, FORBIDDEN while a password must change. */
  assertMayAct(actor: Actor | null): asserts actor is Actor;
}

/**
 * The one HTTP adapter for downloads: the session cookie names the actor exactly as GraphQL does,
 * refusals get the status of their code (HTTP_STATUS, the table GraphQL errors use) as
 * `{ error: { code, message } }`, and a file goes out with its type, its UTF-8 name and `no-store`.
 * `res.locals.userId` names the actor for the download audit (auditDownloads, on /exports), and
 * `res.locals.scopeDenied` a 404 that hides another unit's record.
 */
export function downloadRouter(session: DownloadSession, routes: readonly DownloadRoute[]): Router {
  const router = Router();
  router.use(cookieParser());
  for (const route of routes) {
    router.get(route.get, async (req, res) => {
      try {
        const actor = await session.actorOf(req);
        // Named before the gate, so that a refused download is audited as a denial.
        res.locals.userId = actor?.id;
        session.assertMayAct(actor);
        if (route.allows && !route.allows(actor)) throw forbidden();
        const file = await route.file(actor, req);
        if (file.inlineType && Buffer.isBuffer(file.body)) {
          res.type(file.inlineType);
          res.setHeader('content-disposition', 'inline');
          res.setHeader('cache-control', 'private, no-cache');
          // Express's send() adds the ETag and answers 304 to a matching If-None-Match.
          res.send(file.body);
          return;
        }
        // Express's attachment(): the content type by extension, and content-disposition's RFC 6266/5987 header.
        res.attachment(file.filename);
        res.setHeader('cache-control', 'no-store');
        if (Buffer.isBuffer(file.body)) res.send(file.body);
        else {
          await file.body(res);
          res.end();
        }
      } catch (err) {
        // Another unit's record: answered 404 like a missing one, audited as a denial (auditDownloads).
        if (isScopeDenial(err)) res.locals.scopeDenied = true;
        sendError(res, err, `download ${route.get} failed`);
      }
    });
  }
  return router;
}

/** A path parameter that must be a record id; anything else is a record that does not exist. */
export function idParam(req: Request, name: string, what: string): string {
  const value = String(req.params[name] ?? '');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new DomainError('NOT_FOUND', `${what}不存在或无权查看`);
  return value;
}

/** A photo stored as a data URL (JPEG or PNG, checked when it was stored), as the picture a page shows. */
export function photoFile(dataUrl: string, filename: string): DownloadFile {
  const m = /^data:(image\/(?:jpeg|jpg|png));base64,(.*)$/s.exec(dataUrl);
  if (!m) throw new DomainError('NOT_FOUND', '照片不存在');
  return { filename, body: Buffer.from(m[2], 'base64'), inlineType: m[1] === 'image/jpg' ? 'image/jpeg' : m[1] };
}
