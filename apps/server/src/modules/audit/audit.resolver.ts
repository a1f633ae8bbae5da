import { Role } from '@evs/schema';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { seesAuditPayload } from './audit.policy';
import { AuditEntryPage, AuditEntryType, AuditFilterInput } from './audit.types';

@Resolver(() => AuditEntryType)
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

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: '变更前（含个人信息或审核详情的条目仅保安管理支队和安全审计员可见，见 payloadHidden）' })
  before(@Root() e: AuditEntryType, @Ctx() ctx: AppContext) {
    return seesAuditPayload(ctx.actor, e) ? e.before : null;
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: '变更后（同上）' })
  after(@Root() e: AuditEntryType, @Ctx() ctx: AppContext) {
    return seesAuditPayload(ctx.actor, e) ? e.after : null;
  }

  @FieldResolver(() => Boolean, { description: '载荷含个人信息或审核详情，对当前用户不显示（只显示发生了什么）' })
  payloadHidden(@Root() e: AuditEntryType, @Ctx() ctx: AppContext) {
    return !seesAuditPayload(ctx.actor, e) && (e.before != null || e.after != null);
  }
}
