import { AuditAction, AuditResult } from '@evs/schema';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, Kind, OperationDefinitionNode } from 'graphql';
import type { AppContext } from '../../common/context';
import { DomainError, isScopeDenial } from '../../common/errors';
import { logger } from '../../common/logger';
import { currentRequest, runInRequest } from '../../common/request-context';
import type { Services } from '../../services';

/** Set by the web app on polling requests: they are not user activity (idle timeout). */
export const BACKGROUND_HEADER = 'x-evs-background';

const codeOf = (error: GraphQLError) => {
  const original = error.originalError;
  return original instanceof DomainError ? original.code : (error.extensions?.code as string | undefined);
};

/**
 * Every FORBIDDEN answer of the API is audited as a permission denial: who, which operation and
 * field, why, from where (等保 2.0 三级 安全审计). So is a NOT_FOUND that hides a record outside the
 * actor's scope (`ScopeDenial`: another unit's activity, another company's guard), answered exactly
 * as a missing one. Written before the answer leaves.
 */
export function auditDenials(services: Services): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          const denied = errors.filter((e) => codeOf(e) === 'FORBIDDEN' || isScopeDenial(e));
          if (!denied.length) return;
          const actor = contextValue.actor;
          const paths = [...new Set(denied.map((e) => (e.path ?? []).join('.') || '(请求)'))];
          try {
            await services.audit.recordAlone(actor, {
              action: AuditAction.ACCESS_DENIED,
              entityType: 'Operation',
              entityId: paths[0],
              summary: `越权被拒绝：${operationName ? `${operationName} ` : ''}${paths.join('、')}（${denied[0].message}）`,
              result: AuditResult.FAILURE,
            });
          } catch (err) {
            logger.error({ err }, 'could not audit a permission denial');
          }
        },
      };
    },
  };
}

/** The root fields an operation asks for (what it does, whatever name the client gave it, if any). */
const rootFields = (operation: OperationDefinitionNode | undefined): string[] =>
  (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));

/**
 * The unmasked ID numbers a request returned (`AppContext.idNumberReads`, noted by the fields that
 * show them) as one READ_DETAIL entry: who, which operation, which records and how many, never the
 * numbers. Written before the answer leaves; when it cannot be written, the answer is withheld.
 */
export function auditIdNumberReads(services: Services): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, operation, response }) {
          const reads = contextValue.idNumberReads;
          if (!reads?.count || !contextValue.actor) return;
          const fields = rootFields(operation);
          const named = operationName ? `${operationName}（${fields.join('、')}）` : fields.join('、');
          try {
            await services.audit.recordAlone(contextValue.actor, {
              action: AuditAction.READ_DETAIL,
              entityType: reads.holder ?? 'Guard',
              entityId: reads.singleId,
              summary: `查阅${reads.count}名人员的完整身份证号：${named}`,
              after: { operation: operationName ?? null, fields, count: reads.count, ...reads.payload() },
            });
          } catch (err) {
            logger.error({ err }, 'could not audit a read of full ID numbers');
            if (response.body.kind === 'single') {
              response.body.singleResult = { data: null, errors: [{ message: '审计日志暂不可用，未返回完整身份证号，请稍后重试', extensions: { code: 'UNAVAILABLE' } }] };
              response.http.status = 503;
            }
          }
        },
      };
    },
  };
}

function downloadName(res: Response): string | null {
  const disposition = String(res.getHeader('content-disposition') ?? '');
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * Audits the downloads once they are answered: a file sent is an EXPORT (unless `deniedOnly`: the
 * on-site photos), a refusal (403, or a 404 that hides another unit's record) a permission denial.
 * The download handlers name the actor in `res.locals.userId` and such a 404 in `res.locals.scopeDenied`.
 */
export function auditDownloads(services: Services, { deniedOnly = false } = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const request = currentRequest();
    res.on('finish', () => {
      const userId = res.locals.userId as string | undefined;
      const denied = res.statusCode === 403 || (res.statusCode === 404 && res.locals.scopeDenied === true);
      if (!userId || (res.statusCode !== 200 && !denied) || (deniedOnly && !denied)) return;
      const path = req.originalUrl.split('?')[0];
      void runInRequest(request, async () => {
        const actor = await services.auth.actorById(userId);
        const ok = res.statusCode === 200;
        await services.audit.recordAlone(actor, {
          action: ok ? AuditAction.EXPORT : AuditAction.ACCESS_DENIED,
          entityType: 'Export',
          entityId: path,
          summary: ok ? `导出《${downloadName(res) ?? path}》` : `越权被拒绝：下载 ${path}`,
          result: ok ? AuditResult.SUCCESS : AuditResult.FAILURE,
        });
      }).catch((err) => logger.error({ err }, 'could not audit a download'));
    });
    next();
  };
}
