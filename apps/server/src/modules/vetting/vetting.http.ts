import cookieParser from 'cookie-parser';
import express, { Request, Response } from 'express';
import { Actor } from '../../common/actor';
import { DomainError } from '../../common/errors';
import { sendError } from '../../common/http-errors';
import { SESSION_COOKIE } from '../auth/auth.service';
import type { Services } from '../../services';
import { managesCompanyRegister } from '../companies/company.policy';
import { RECORD_COLUMNS } from '../records/records.service';
import { runsVetting } from './vetting.policy';
import { buildWorkbook } from '../../common/tabular';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(res: Response, buffer: Buffer, filename: string) {
  res.setHeader('content-type', XLSX);
  res.setHeader('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('cache-control', 'no-store');
  res.send(buffer);
}

/**
 * File downloads that a browser fetches with its session cookie: the import templates and the
 * 审核通报 as Excel. The same services and the same authorization as the GraphQL API.
 */
export function vettingRoutes(services: Services): express.Router {
  const router = express.Router();
  router.use(cookieParser());

  const withActor = (handler: (actor: Actor, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      const token: string | undefined = req.cookies?.[SESSION_COOKIE];
      const actor = token ? await services.auth.actorForToken(token) : null;
      if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
      if (actor.mustChangePassword) throw new DomainError('FORBIDDEN', '首次登录请先修改密码');
      res.locals.userId = actor.id;
      await handler(actor, req, res);
    } catch (err) {
      sendError(res, err, 'download failed');
    }
  };

  router.get('/templates/guards.xlsx', withActor(async (_actor, _req, res) => {
    sendFile(res, await services.guardImport.template(), '保安员名册导入模板.xlsx');
  }));

  router.get('/templates/companies.xlsx', withActor(async (actor, _req, res) => {
    if (!managesCompanyRegister(actor)) throw new DomainError('FORBIDDEN', '无权进行此操作');
    sendFile(res, await services.companyImport.template(), '保安服务公司名册导入模板.xlsx');
  }));

  router.get('/templates/records.xlsx', withActor(async (actor, _req, res) => {
    if (!runsVetting(actor)) throw new DomainError('FORBIDDEN', '无权进行此操作');
    const buffer = await buildWorkbook({
      sheetName: '违法犯罪记录',
      columns: RECORD_COLUMNS.map((header) => ({ header, width: header === '身份证号' ? 22 : 16, text: true })),
      rows: [['211102199001011234', '张三', '行政拘留', '2021-03-15', '兴隆台公安分局', '一般', '']],
    });
    sendFile(res, buffer, '违法犯罪记录导入模板.xlsx');
  }));

  router.get('/exports/vetting/:file', withActor(async (actor, req, res) => {
    const match = /^([0-9a-f-]{36})\.xlsx$/i.exec(String(req.params.file));
    if (!match) throw new DomainError('NOT_FOUND', '活动不存在或无权查看');
    const { buffer, filename } = await services.vettingNotices.workbook(actor, match[1], res.locals.requestId);
    sendFile(res, buffer, filename);
  }));

  return router;
}
