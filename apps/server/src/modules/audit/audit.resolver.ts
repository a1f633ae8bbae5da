import { Role } from '@evs/schema';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { AuditEntryPage, AuditFilterInput } from './audit.types';

@Resolver()
export class AuditResolver {
  @Authorized(Role.OFFICE, Role.SECURITY_DETACHMENT)
  @Query(() => AuditEntryPage, { description: '审计日志（领导小组办公室、保安管理支队）' })
  auditLog(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter?: AuditFilterInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.audit.list(filter ?? {}, page);
  }
}
