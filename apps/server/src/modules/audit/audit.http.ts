import { AuditAction, AuditResult } from '@evs/schema';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { AppContext } from '../../common/context';
import { DomainError } from '../../common/errors';
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
 * field, why, from where (等保 2.0 三级 安全审计). Written before the answer leaves.
 */
export function auditDenials(services: Services): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          const denied = errors.filter((e) => codeOf(e) === 'FORBIDDEN');
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

function downloadName(res: Response): string | null {
  const disposition = String(res.getHeader('content-disposition') ?? '');
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * Audits the Excel downloads under /exports once they are answered: a file sent is an EXPORT, a
 * refusal (403) a permission denial. The download handlers name the actor in `res.locals.userId`.
 */
export function auditDownloads(services: Services) {
  return (req: Request, res: Response, next: NextFunction) => {
    const request = currentRequest();
    res.on('finish', () => {
      const userId = res.locals.userId as string | undefined;
      if (!userId || (res.statusCode !== 200 && res.statusCode !== 403)) return;
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
