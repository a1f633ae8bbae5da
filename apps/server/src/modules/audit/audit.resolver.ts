import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { AUDIT_CHAIN_VERIFIERS, AUDIT_LOG_READERS, auditPayloadFor, seesAuditPayload, seesChainHashes, seesDetailReads, seesSecurityEvents } from './audit.policy';
import { parseAuditAnchor } from './audit.service';
import { AuditChainReportType, AuditEntryPage, AuditEntryType, AuditFilterInput } from './audit.types';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Authorized(...AUDIT_LOG_READERS)
  @Query(() => AuditEntryPage, {
    description:
      '审计日志：安全审计员读取全部（含登录、锁定、越权等安全事件）；领导小组办公室、保安管理支队读取业务操作留痕（不含安全事件）。' +
      '审核详情（审核结论及意见、比中记录、记录库、吊销、直系亲属）的变更内容仅保安管理支队可见，其他含个人信息的变更内容保安管理支队和安全审计员可见（payloadHidden）',
  })
  auditLog(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter?: AuditFilterInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.audit.list(filter ?? {}, page, { securityEvents: seesSecurityEvents(ctx.actor), detailReads: seesDetailReads(ctx.actor) });
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: '变更前（审核详情仅保安管理支队可见，其他含个人信息的条目保安管理支队和安全审计员可见，见 payloadHidden）' })
  before(@Root() e: AuditEntryType, @Ctx() ctx: AppContext) {
    return auditPayloadFor(ctx.actor, e, e.before);
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: '变更后（同上）' })
  after(@Root() e: AuditEntryType, @Ctx() ctx: AppContext) {
    return auditPayloadFor(ctx.actor, e, e.after);
  }

  @FieldResolver(() => Boolean, { description: '载荷含个人信息或审核详情，对当前用户不显示（只显示发生了什么）' })
  payloadHidden(@Root() e: AuditEntryType, @Ctx() ctx: AppContext) {
    return !seesAuditPayload(ctx.actor, e) && (e.before != null || e.after != null);
  }

  @FieldResolver(() => String, { nullable: true, description: '本条的哈希（与序号合为锚点“序号:哈希”）；仅校验哈希链的安全审计员可见，其他人为空；封入链前为空' })
  hash(@Root() e: AuditEntryType, @Ctx() ctx: AppContext) {
    return seesChainHashes(ctx.actor) ? e.hash : null;
  }

  @Authorized(...AUDIT_CHAIN_VERIFIERS)
  @Query(() => AuditChainReportType, {
    description:
      '校验审计日志哈希链：完整，或第一条被改动、删除的条目。anchor：此前记下的锚点“序号:哈希”，' +
      '链中须仍有该条且哈希未变（整条链被重算时不符，见 anchorHolds）',
  })
  verifyAuditChain(@Ctx() ctx: AppContext, @Arg('anchor', () => String, { nullable: true }) anchor?: string | null) {
    return ctx.services.audit.verifyChain(parseAuditAnchor(anchor));
  }
}
