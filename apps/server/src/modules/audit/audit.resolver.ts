import { Role } from '@evs/schema';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { AuditChainReportType, AuditEntryPage, AuditFilterInput } from './audit.types';

/**
 * Who reads the audit log (等保 三员): the security auditor alone. ADMIN runs the system and must not
 * read or change the trail of its own actions; nobody can change it (the table is append-only).
 */
export const AUDIT_LOG_READERS = [Role.AUDITOR] as const;

@Resolver()
export class AuditResolver {
  @Authorized(...AUDIT_LOG_READERS)
  @Query(() => AuditEntryPage, { description: '审计日志（安全审计员）' })
  auditLog(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter?: AuditFilterInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.audit.list(filter ?? {}, page);
  }

  @Authorized(...AUDIT_LOG_READERS)
  @Query(() => AuditChainReportType, { description: '校验审计日志哈希链：完整，或第一条被改动、删除的条目' })
  verifyAuditChain(@Ctx() ctx: AppContext) {
    return ctx.services.audit.verifyChain();
  }
}
