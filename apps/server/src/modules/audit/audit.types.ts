import { AuditAction, AuditResult, Role } from '@evs/schema';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';

@ObjectType('AuditEntry', { description: '审计日志条目' })
export class AuditEntryType {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field(() => Role, { nullable: true })
  actorRole: Role | null;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field()
  entityType: string;

  @Field(() => String, { nullable: true })
  entityId: string | null;

  @Field()
  summary: string;

  /** Exposed by the resolver, by tier (see audit.policy). */
  before: unknown;

  /** Exposed by the resolver, by tier (see audit.policy). */
  after: unknown;

  @Field(() => AuditResult, { description: '结果：成功或失败（登录失败、锁定、越权被拒绝）' })
  result: AuditResult;

  @Field(() => String, { nullable: true, description: '来源 IP' })
  ip: string | null;

  @Field(() => String, { nullable: true, description: '哈希链中的序号（提交后约1秒内封入链中，之前为空）' })
  seq: string | null;

  /** Exposed by the resolver to those who verify the chain (see audit.policy). */
  hash: string | null;
}

@ObjectType()
export class AuditEntryPage extends Paginated(AuditEntryType) {}

@InputType()
export class AuditFilterInput {
  @Field({ nullable: true })
  entityType?: string;

  @Field({ nullable: true })
  entityId?: string;

  @Field(() => AuditAction, { nullable: true })
  action?: AuditAction;

  @Field(() => [AuditAction], { nullable: true, description: '其中任一动作（如安全事件：登录失败、锁定、越权、导出）' })
  actions?: AuditAction[];

  @Field(() => AuditResult, { nullable: true })
  result?: AuditResult;

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;

  @Field({ nullable: true, description: '按摘要或操作人搜索' })
  search?: string;
}

@ObjectType('AuditChainBreak', { description: '哈希链断开处：第一条不符的条目及原因' })
export class AuditChainBreakType {
  @Field(() => String, { description: '序号' })
  seq: string;

  @Field(() => ID, { nullable: true })
  id: string | null;

  @Field(() => Date, { nullable: true })
  at: Date | null;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field()
  reason: string;
}

@ObjectType('AuditChainReport', { description: '审计日志哈希链校验结果' })
export class AuditChainReportType {
  @Field({ description: '链完整（未发现修改、删除）' })
  intact: boolean;

  @Field(() => Int, { description: '校验的条目数' })
  checked: number;

  @Field(() => String, { description: '链头序号（可记下作为锚点）' })
  headSeq: string;

  @Field({ description: '链头哈希' })
  headHash: string;

  @Field(() => AuditChainBreakType, { nullable: true })
  firstBroken: AuditChainBreakType | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '给出锚点时：链中仍有该序号的条目且哈希未变（链被整体重算则为 false）；未给锚点时为空',
  })
  anchorHolds: boolean | null;

  @Field()
  verifiedAt: Date;
}
