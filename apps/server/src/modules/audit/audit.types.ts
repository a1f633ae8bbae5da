import { AuditAction, Role } from '@evs/schema';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
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

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;

  @Field({ nullable: true, description: '按摘要或操作人搜索' })
  search?: string;
}
