import cookieParser from 'cookie-parser';
import express, { Request, Response } from 'express';
import { Actor } from '../../common/actor';
import { DomainError } from '../../common/errors';
import { sendError } from '../../common/http-errors';
import { SESSION_COOKIE } from '../auth/auth.service';
import type { Services } from '../../services';
import { trainingSheetWorkbook, timelineWorkbook } from './exports';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(res: Response, filename: string, body: Buffer) {
  res.setHeader('content-type', XLSX);
  res.setHeader('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('cache-control', 'no-store');
  res.send(body);
}

/**
 * Excel downloads (签到表, 台账) under /exports, authorized like the API: the session cookie names
 * the actor, and the same services apply the same role and record rules.
 */
export function exportsRouter(services: Services): express.Router {
  const router = express.Router();
  router.use(cookieParser());

  const handle = (fn: (actor: Actor, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      const token: string | undefined = req.cookies?.[SESSION_COOKIE];
      const actor = token ? await services.auth.actorForToken(token) : null;
      res.locals.userId = actor?.id;
      if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
      if (actor.mustChangePassword) throw new DomainError('FORBIDDEN', '首次登录请先修改密码');
      await fn(actor, req, res);
    } catch (err) {
      sendError(res, err, 'export failed');
    }
  };
  const uuid = (v: string) => {
    if (!/^[0-9a-f-]{36}$/i.test(v)) throw new DomainError('NOT_FOUND', '记录不存在或无权查看');
    return v;
  };

  router.get('/training/:sessionId.xlsx', handle(async (actor, req, res) => {
    const session = await services.training.session(actor, uuid(String(req.params.sessionId)));
    sendXlsx(res, `${session.activityName}-${session.isMakeup ? '补训' : '岗前培训'}签到表.xlsx`, await trainingSheetWorkbook(session));
  }));

  router.get('/timeline/:activityId.xlsx', handle(async (actor, req, res) => {
    const timeline = await services.timeline.timeline(actor, uuid(String(req.params.activityId)), res.locals.requestId);
    sendXlsx(res, `${timeline.activityName}-台账.xlsx`, await timelineWorkbook(timeline));
  }));

  return router;
}
