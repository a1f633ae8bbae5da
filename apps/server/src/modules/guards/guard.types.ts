import { Education, GuardStatus, RelativeRelation, Sex } from '@evs/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';

@ObjectType('GuardRelative', { description: '直系亲属（仅保安管理支队可见，每次查阅记入审计日志）' })
export class GuardRelativeType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => RelativeRelation)
  relation: RelativeRelation;

  @Field({ description: '居民身份证号（完整）' })
  idNumber: string;
}

@ObjectType('CertificateRevocation', { description: '保安员证吊销记录' })
export class CertificateRevocationType {
  @Field(() => ID)
  id: string;

  @Field({ description: '被吊销人的身份证号（保安管理支队以外的角色看到脱敏号码）' })
  idNumber: string;

  @Field({ description: '吊销日期' })
  revokedOn: string;

  /** Exposed by a field resolver (保安管理支队 only). */
  reason?: string;

  @Field(() => String, { nullable: true, description: '被吊销的保安员证号；未登记（早期记录）为 null' })
  certificateNo: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: '最近一次更正（日期、原因或证号）的时间' })
  correctedAt: Date | null;

  /** Exposed by a field resolver (保安管理支队 only). */
  correctionNote?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: '撤销（录入错误）的时间：已撤销的记录不再计入条例第十七条；只有保安管理支队看到已撤销的记录',
  })
  cancelledAt: Date | null;

  /** Exposed by a field resolver (保安管理支队 only). */
  cancelReason?: string | null;
}

@ObjectType('EligibilityProblem', { description: '不符合上岗条件的一项原因' })
export class EligibilityProblemType {
  @Field({ description: 'LEFT、UNDER_AGE、OVER_AGE、EDUCATION、NO_CERTIFICATE、REVOKED_RECENTLY、REVOKED_TWICE' })
  code: string;

  @Field(() => String, { nullable: true, description: '依据的条文；本地政策（年龄上限）为空' })
  article: string | null;

  @Field()
  message: string;
}

@ObjectType('Guard', {
  description:
    '保安员。身份证号对保安管理支队以外的所有角色脱敏显示；直系亲属仅对保安管理支队返回，其他角色得到 null（不含任何亲属数据）。',
})
export class GuardType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  companyId: string;

  @Field()
  name: string;

  @Field({ description: '居民身份证号：保安管理支队看到完整号码，其他角色看到脱敏号码（如 211102********1234）' })
  idNumber: string;

  /** Exposed by a field resolver (保安管理支队 only: it is the masked part of the ID number). */
  birthDate?: string;

  @Field(() => Sex, { description: '性别（由身份证号得出）' })
  sex: Sex;

  /** Exposed by a field resolver (not to the organizer). */
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '保安员证号' })
  certificateNo: string | null;

  @Field(() => String, { nullable: true, description: '保安员证发证日期' })
  certificateIssuedOn: string | null;

  @Field(() => Education)
  education: Education;

  /** Exposed by a field resolver (not to the organizer). */
  photo?: string | null;

  @Field(() => GuardStatus)
  status: GuardStatus;

  @Field(() => String, { nullable: true, description: '离职日期' })
  leftOn: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class GuardPage extends Paginated(GuardType) {}

