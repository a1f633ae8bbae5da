import {
  ActivityStatus,
  RecordCategory,
  RelativeRelation,
  SecurityMode,
  VettingDecision,
  VettingReasonCategory,
} from '@evs/schema';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Paginated } from '../../common/pagination';
import { ActivityBrief } from '../activities/activity.types';
import { VettingTier } from './vetting.policy';

registerEnumType(VettingTier, {
  name: 'VettingTier',
  description:
    '查看审核结果的权限层级：DETAIL 保安管理支队（全部详情，查阅留痕）；POLICE 其他公安用户（结果，身份证号脱敏）；' +
    'SUBMITTER 上报名单的保安服务公司或自招保安单位（本单位人员通过/不通过及原因类别）；ORGANIZER 主办单位（人数统计与通过名单）',
});

@ObjectType('PrecheckProblem', { description: '资格预审问题（身份证校验、年龄、保安员证、学历、时间重叠的活动名单）' })
export class PrecheckProblemType {
  @Field({ description: 'ID_NUMBER、AGE、CERTIFICATE、REVOKED、EDUCATION、OVERLAP' })
  code: string;

  @Field()
  message: string;
}

@ObjectType('GuardPrecheck', { description: '拟上报保安员的资格预审结果（不保存）' })
export class GuardPrecheckType {
  @Field(() => ID)
  guardId: string;

  @Field()
  name: string;

  @Field({ description: '脱敏身份证号' })
  idNumber: string;

  @Field(() => [PrecheckProblemType])
  problems: PrecheckProblemType[];
}

@ObjectType('RosterCandidate', { description: '可选人员：本单位名册中的在职保安员及其资格预审结果' })
export class RosterCandidateType extends GuardPrecheckType {
  @Field({ description: '已在本活动名单中' })
  onRoster: boolean;
}

@ObjectType()
export class RosterCandidatePage extends Paginated(RosterCandidateType) {}

@ObjectType('VettingRecord', { description: '比中的违法犯罪记录（仅保安管理支队）' })
export class VettingRecordType {
  @Field(() => RecordCategory)
  category: RecordCategory;

  @Field()
  occurredOn: string;

  @Field()
  source: string;

  @Field(() => String, { nullable: true })
  severity: string | null;

  @Field({ description: '记录中的姓名，仅供核对（比对按身份证号）' })
  name: string;

  @Field(() => Date, { nullable: true, description: '记录入库时间（外部来源为空）' })
  registeredAt: Date | null;
}

@ObjectType('VettingHit', { description: '比中情况：本人（relation 为空）或直系亲属（仅保安管理支队可见，查阅留痕）' })
export class VettingHitType {
  @Field(() => ID)
  id: string;

  @Field(() => RelativeRelation, { nullable: true, description: '为空表示本人' })
  relation: RelativeRelation | null;

  @Field()
  subjectName: string;

  @Field()
  subjectIdNumber: string;

  @Field(() => VettingRecordType)
  record: VettingRecordType;
}

@ObjectType('RosterRelative', { description: '保安员的直系亲属（仅保安管理支队可见，查阅留痕）' })
export class RosterRelativeType {
  @Field(() => RelativeRelation)
  relation: RelativeRelation;

  @Field()
  name: string;

  @Field()
  idNumber: string;
}

@ObjectType('PriorVettingDecision', { description: '此人（按身份证号，含其他名册、其他活动和已移出的名单条目）的既往审核结论（仅保安管理支队，查阅留痕）' })
export class PriorVettingDecisionType {
  @Field(() => ID, { description: '该结论所在的名单条目' })
  entryId: string;

  @Field(() => ID)
  activityId: string;

  @Field()
  activityName: string;

  @Field({ description: '上报名单的单位（保安服务公司或自招保安单位）' })
  companyName: string;

  @Field(() => VettingDecision)
  decision: VettingDecision;

  @Field(() => VettingReasonCategory, { nullable: true })
  reasonCategory: VettingReasonCategory | null;

  @Field()
  decidedAt: Date;

  @Field(() => String, { nullable: true, description: '审核意见' })
  note: string | null;

  @Field({ description: '沿用复用期内的审核通过结论' })
  reused: boolean;

  @Field({ description: '该名单条目已移出名单' })
  removed: boolean;
}

@ObjectType('RosterEntry', {
  description:
    '活动名单中的一名保安员及其审核情况。保安管理支队可见全部；上报单位只见本单位人员的结论与原因类别；主办单位不能查询（见 vettingSummary）。' +
    '身份证号对保安管理支队以外的角色脱敏。',
})
export class RosterEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  activityId: string;

  @Field(() => ID)
  guardId: string;

  @Field()
  guardName: string;

  @Field({ description: '身份证号（保安管理支队以外脱敏）' })
  idNumber: string;

  @Field(() => ID)
  companyId: string;

  @Field()
  companyName: string;

  @Field(() => String, { nullable: true })
  post: string | null;

  @Field({ description: 'ACTIVE 在名单中；REMOVED 已移出（被替换或撤下）' })
  state: string;

  @Field(() => [PrecheckProblemType], { description: '资格预审问题（上报单位可见，便于替换）' })
  precheckProblems: PrecheckProblemType[];

  @Field({ description: '是否已完成记录比对（比对服务不可用时为否，待重新比对）' })
  checked: boolean;

  @Field(() => VettingDecision)
  decision: VettingDecision;

  @Field(() => VettingReasonCategory, { nullable: true, description: '原因类别（通过为“无异常”）' })
  reasonCategory: VettingReasonCategory | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field({ description: '是否沿用复用期内的审核通过结论' })
  reused: boolean;

  @Field(() => ID, { nullable: true })
  replacesEntryId: string | null;

  @Field(() => Int, { description: '版本号：每次比对、结论或调整后递增；审核结论时回传（decideVetting.expectedVersions），过期则拒绝' })
  version: number;

  // Fields below: 保安管理支队 only (enforced in the resolver; each read audited).
  suggestion?: VettingDecision | null;
  suggestionCategory?: VettingReasonCategory | null;
  suggestionReason?: string | null;
  decisionNote?: string | null;
  decidedBy?: string | null;
  hitCount?: number;
  reusedFromEntryId?: string | null;
  relativesChecked?: boolean | null;
}

@ObjectType()
export class RosterEntryPage extends Paginated(RosterEntryType) {}

@ObjectType('VettingCounts', { description: '名单人数统计' })
export class VettingCountsType {
  @Field(() => Int, { description: '名单在册人数' })
  total: number;

  @Field(() => Int)
  passed: number;

  @Field(() => Int)
  failed: number;

  @Field(() => Int)
  pending: number;

  @Field(() => Int, { description: '待重新比对' })
  unchecked: number;

  @Field(() => Int, { description: '已移出' })
  removed: number;
}

@ObjectType('VettingActivity', { description: '需关注背景审核的活动及其人数统计' })
export class VettingActivityType extends ActivityBrief {
  @Field(() => SecurityMode)
  securityMode: SecurityMode;

  @Field()
  endsAt: Date;

  @Field()
  organizerName: string;

  @Field(() => String, { nullable: true, description: '上报名单的单位（中选公司或自招保安单位）' })
  submitterName: string | null;

  @Field(() => VettingTier)
  tier: VettingTier;

  @Field(() => VettingCountsType)
  counts: VettingCountsType;

  @Field(() => [String], { description: '背景审核尚不能结束的原因（审核中时）' })
  closeBlockers: string[];

  @Field({ description: '当前用户是否为上报名单的单位' })
  canSubmit: boolean;
}

@ObjectType()
export class VettingActivityPage extends Paginated(VettingActivityType) {}

@ObjectType('ReasonCount')
export class ReasonCountType {
  @Field(() => VettingReasonCategory)
  reasonCategory: VettingReasonCategory;

  @Field(() => Int)
  count: number;
}

@ObjectType('VettingNoticeEntry', { description: '通报中的逐人结果（主办单位不可见）' })
export class VettingNoticeEntryType {
  @Field(() => ID)
  entryId: string;

  @Field()
  guardName: string;

  @Field({ description: '身份证号（保安管理支队以外脱敏）' })
  idNumber: string;

  @Field()
  companyName: string;

  @Field(() => String, { nullable: true })
  post: string | null;

  @Field(() => VettingDecision)
  decision: VettingDecision;

  @Field(() => VettingReasonCategory, { nullable: true })
  reasonCategory: VettingReasonCategory | null;

  @Field({ description: '已移出名单' })
  removed: boolean;

  @Field({ description: '已被替换' })
  replaced: boolean;

  @Field({ description: '沿用复用期内的结论' })
  reused: boolean;

  /** 保安管理支队 only, exposed by a field resolver that audits the read. */
  decisionNote: string | null;

  /** 保安管理支队 only, exposed by a field resolver that audits the read. */
  hitCount: number | null;
}

@ObjectType('ClearedGuard', { description: '审核通过人员（姓名、脱敏身份证号、单位、岗位）' })
export class ClearedGuardType {
  @Field()
  guardName: string;

  @Field()
  idNumber: string;

  @Field()
  companyName: string;

  @Field(() => String, { nullable: true })
  post: string | null;

  /** The roster entry (not exposed): names a read of the whole ID number in the audit log. */
  entryId: string;
}

@ObjectType('VettingSummary', {
  description: '背景审核通报：按查看者的权限层级裁剪（主办单位：人数与通过名单；上报单位：本单位逐人结论与原因类别；公安：其角色允许的全部）',
})
export class VettingSummaryType {
  @Field(() => VettingActivityType)
  activity: VettingActivityType;

  @Field(() => VettingTier)
  tier: VettingTier;

  @Field(() => VettingCountsType)
  counts: VettingCountsType;

  @Field(() => [ReasonCountType], { description: '不通过原因类别统计（主办单位为空）' })
  reasonCounts: ReasonCountType[];

  @Field(() => [VettingNoticeEntryType])
  entries: VettingNoticeEntryType[];

  @Field(() => [ClearedGuardType])
  clearedRoster: ClearedGuardType[];

  @Field({ description: '背景审核是否已结束' })
  closed: boolean;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field()
  issuedAt: Date;

  @Field({ description: 'Excel 下载地址（需登录，按同一权限层级）' })
  exportUrl: string;
}

@InputType()
export class SubmitRosterInput {
  @Field(() => ID)
  activityId: string;

  @Field(() => [ID], { description: '本单位名册中的保安员 id' })
  @ArrayMaxSize(10_000, { message: '一次最多上报10000人' })
  guardIds: string[];

  @Field(() => [String], { nullable: true, description: '与 guardIds 一一对应的岗位（可省略）' })
  posts?: (string | null)[] | null;
}

@ObjectType('SubmitRosterResult')
export class SubmitRosterResultType {
  @Field(() => ActivityStatus)
  activityStatus: ActivityStatus;

  @Field(() => [RosterEntryType], { description: '新加入名单的人员及其预审结果' })
  entries: RosterEntryType[];

  @Field(() => String, { nullable: true, description: '记录比对服务不可用时的说明（名单已保存，待保安管理支队重新比对）' })
  warning: string | null;
}

@InputType()
export class DecideVettingInput {
  @Field(() => [ID])
  @ArrayMaxSize(10_000)
  entryIds: string[];

  @Field(() => VettingDecision, { description: 'PASSED 或 FAILED' })
  decision: VettingDecision;

  @Field(() => VettingReasonCategory, { nullable: true, description: '不通过时必填；通过时为“无异常”' })
  reasonCategory?: VettingReasonCategory | null;

  @Field(() => String, { nullable: true, description: '审核意见（不通过时必填；比中记录、直系亲属未申报完整或比中后更改、此前审核不通过、身份证号更改后仍通过时必填）' })
  @MaxLength(500, { message: '审核意见不能超过500字' })
  note?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: '与 entryIds 一一对应的版本号（读取名单时的 version）：有人已作出结论或已重新比对时拒绝（CONFLICT）。' +
      '不传时，重复同一结论不重复记录，修改已有结论则拒绝',
  })
  @ArrayMaxSize(10_000)
  expectedVersions?: number[] | null;
}

/** One entry 一键通过 would pass now, as the officer's confirmation lists it (`passableEntries`). */
@ObjectType('PassableEntry', { description: '一键通过无异常此刻将通过的人员' })
export class PassableEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '版本号：一键通过时回传（passAllClean.expected），其后有变化则拒绝' })
  version: number;

  @Field()
  guardName: string;
}

/** An entry as the officer saw it: its id and `version` (what 一键通过 is bound to, `passAllClean.expected`, required). */
@InputType()
export class EntryVersionInput {
  @Field(() => ID)
  entryId: string;

  @Field(() => Int)
  version: number;
}

@ObjectType('VettingDecisionResult')
export class VettingDecisionResultType {
  @Field(() => ActivityStatus)
  activityStatus: ActivityStatus;

  @Field({ description: '本次操作后背景审核是否已结束（自动进入岗前培训）' })
  closed: boolean;

  @Field(() => Int, { description: '本次作出结论的人数' })
  decided: number;

  @Field(() => [String], { description: '尚不能结束的原因' })
  closeBlockers: string[];
}


@InputType()
export class RosterEntriesFilter {
  @Field(() => VettingDecision, { nullable: true })
  decision?: VettingDecision | null;

  @Field({ nullable: true, description: '包含已移出的人员' })
  includeRemoved?: boolean;

  @Field({ nullable: true, description: '只看比中记录的人员（仅保安管理支队）' })
  withHitsOnly?: boolean;

  @Field({ nullable: true, description: '按姓名搜索；保安管理支队还可按完整的身份证号（按其密钥哈希比对，不支持部分号码）' })
  search?: string;
}
