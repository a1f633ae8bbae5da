import { ActivityStatus, District, PermitTier, SecurityMode } from '@evs/schema';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';
import { HasWords, IsNotBlank, IsNotFormulaLike, IsPersonName, IsSingleLine } from '../../common/text-validators';
import { UnitEntity } from '../units/unit.entity';

@ObjectType('SecurityPlan', { description: '安全工作方案要点（条例第六条）' })
export class SecurityPlanType {
  @Field(() => String, { nullable: true, description: '安保人员岗位分工' })
  posts?: string | null;

  @Field(() => String, { nullable: true, description: '识别标志' })
  identificationMarks?: string | null;

  @Field(() => Int, { nullable: true, description: '场所核定容量' })
  venueCapacity?: number | null;

  @Field(() => String, { nullable: true, description: '疏散缓冲区域' })
  bufferZones?: string | null;

  @Field(() => String, { nullable: true, description: '票证查验与安全检查' })
  ticketAndSecurityChecks?: string | null;

  @Field(() => String, { nullable: true, description: '车辆停放' })
  parking?: string | null;

  @Field(() => String, { nullable: true, description: '人员疏导' })
  crowdGuidance?: string | null;

  @Field(() => String, { nullable: true, description: '应急救援预案' })
  emergencyPlan?: string | null;
}

@InputType()
export class SecurityPlanInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('岗位分工不能只填空格（不填请留空）', { allowEmpty: true })
  @IsNotFormulaLike('岗位分工')
  @MaxLength(2000, { message: '岗位分工不超过2000字' })
  posts?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('识别标志不能只填空格（不填请留空）', { allowEmpty: true })
  @IsNotFormulaLike('识别标志')
  @MaxLength(500, { message: '识别标志不超过500字' })
  identificationMarks?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: '场所核定容量应为整数' })
  @Min(1, { message: '场所核定容量应大于0' })
  @Max(10_000_000, { message: '场所核定容量不超过1000万人' })
  venueCapacity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('疏散缓冲区域不能只填空格（不填请留空）', { allowEmpty: true })
  @IsNotFormulaLike('疏散缓冲区域')
  @MaxLength(2000, { message: '疏散缓冲区域不超过2000字' })
  bufferZones?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('票证查验与安全检查不能只填空格（不填请留空）', { allowEmpty: true })
  @IsNotFormulaLike('票证查验与安全检查')
  @MaxLength(2000, { message: '票证查验与安全检查不超过2000字' })
  ticketAndSecurityChecks?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('车辆停放不能只填空格（不填请留空）', { allowEmpty: true })
  @IsNotFormulaLike('车辆停放')
  @MaxLength(2000, { message: '车辆停放不超过2000字' })
  parking?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('人员疏导不能只填空格（不填请留空）', { allowEmpty: true })
  @IsNotFormulaLike('人员疏导')
  @MaxLength(2000, { message: '人员疏导不超过2000字' })
  crowdGuidance?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('应急救援预案不能只填空格（不填请留空）', { allowEmpty: true })
  @IsNotFormulaLike('应急救援预案')
  @MaxLength(4000, { message: '应急救援预案不超过4000字' })
  emergencyPlan?: string | null;
}

@InputType({ description: '登记或修改大型活动' })
export class ActivityInput {
  @Field()
  @IsNotBlank('请填写活动名称')
  @IsSingleLine('活动名称')
  @IsNotFormulaLike('活动名称')
  @HasWords('活动名称')
  @MaxLength(100, { message: '活动名称不超过100字' })
  name: string;

  @Field({ description: '活动类型：演唱会、体育赛事、展会、庆典、灯会…' })
  @IsNotBlank('请填写活动类型')
  @IsSingleLine('活动类型')
  @IsNotFormulaLike('活动类型')
  @HasWords('活动类型')
  @MaxLength(30, { message: '活动类型不超过30字' })
  type: string;

  @Field(() => ID, { nullable: true, description: '主办单位（系统中的主办/承办单位账号所属单位）' })
  @IsOptional()
  organizerUnitId?: string | null;

  @Field({ description: '主办单位名称' })
  @IsNotBlank('请填写主办单位')
  @IsSingleLine('主办单位名称')
  @IsNotFormulaLike('主办单位名称')
  @MaxLength(100, { message: '主办单位名称不超过100字' })
  organizerName: string;

  @Field(() => String, { nullable: true, description: '承办单位' })
  @IsOptional()
  @IsNotBlank('承办单位名称不能只填空格（没有承办单位请留空）', { allowEmpty: true })
  @IsSingleLine('承办单位名称')
  @IsNotFormulaLike('承办单位名称')
  @MaxLength(100, { message: '承办单位名称不超过100字' })
  undertakerName?: string | null;

  @Field()
  @IsNotBlank('请填写活动场所')
  @IsSingleLine('活动场所')
  @HasWords('活动场所')
  @MaxLength(100, { message: '活动场所不超过100字' })
  venue: string;

  @Field()
  @IsNotBlank('请填写详细地址')
  @IsSingleLine('详细地址')
  @MaxLength(200, { message: '详细地址不超过200字' })
  address: string;

  @Field(() => District)
  district: District;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field({ description: '受理申请日期 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '受理日期格式应为 YYYY-MM-DD' })
  appliedOn: string;

  @Field(() => Int)
  @IsInt({ message: '预计人数应为整数' })
  @Min(1, { message: '预计人数应大于0' })
  @Max(1_000_000, { message: '预计人数不超过100万' })
  expectedAttendance: number;

  @Field(() => Int)
  @IsInt({ message: '所需保安员人数应为整数' })
  @Min(1, { message: '所需保安员人数应大于0' })
  @Max(20_000, { message: '所需保安员人数不超过20000' })
  guardsRequired: number;

  @Field(() => SecurityMode)
  securityMode: SecurityMode;

  @Field()
  @IsNotBlank('请填写联系人')
  @IsPersonName('联系人')
  contactName: string;

  @Field()
  @Matches(/^(1[3-9]\d{9}|0[1-9]\d{1,2}-?[1-9]\d{6,7})$/, { message: '联系电话应为手机号或带区号的固定电话' })
  contactPhone: string;

  @Field(() => Int, { nullable: true, description: '本活动保安员年龄上限；不填按设置（默认55岁）' })
  @IsOptional()
  @IsInt({ message: '年龄上限应为整数' })
  @Min(18, { message: '年龄上限不低于18岁' })
  @Max(70, { message: '年龄上限不超过70岁' })
  ageLimit?: number | null;

  @Field(() => SecurityPlanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  plan?: SecurityPlanInput | null;
}

@ObjectType('ActivityWarning', { description: '提示：逾期受理、不足1000人、阶段逾期等' })
export class ActivityWarningType {
  @Field({ description: 'LATE_APPLICATION | BELOW_THRESHOLD | FEW_GUARDS | RECOMMENDATION_SHORTFALL | STAGE_LATE | CLOSED_WITH_SERIOUS | LICENSE_EXPIRES' })
  code: string;

  @Field()
  message: string;
}

@ObjectType('ActivityTransition', { description: '台账：一次状态变更' })
export class ActivityTransitionType {
  @Field(() => ID)
  id: string;

  @Field(() => ActivityStatus, { nullable: true })
  fromStatus: ActivityStatus | null;

  @Field(() => ActivityStatus)
  toStatus: ActivityStatus;

  @Field({ description: '操作人（单位）' })
  actorName: string;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field()
  at: Date;
}

@ObjectType('ActivityCompanyRef', { description: '活动中选的保安服务公司' })
export class ActivityCompanyRef {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

/**
 * The fields every list of activities shows (home, vetting); the list types add their own. Only
 * subclassed, never returned, so it does not appear in the schema itself.
 */
@ObjectType()
export abstract class ActivityBrief {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => ActivityStatus)
  status: ActivityStatus;

  @Field()
  venue: string;

  @Field()
  startsAt: Date;

  @Field(() => Int)
  guardsRequired: number;
}

@ObjectType('Activity', { description: '大型活动' })
export class ActivityType {
  @Field(() => ID)
  id: string;

  @Field({ description: '编号，如 2026-0007' })
  code: string;

  @Field()
  name: string;

  @Field()
  type: string;

  @Field(() => ID, { nullable: true })
  organizerUnitId: string | null;

  @Field()
  organizerName: string;

  @Field(() => String, { nullable: true })
  undertakerName: string | null;

  @Field()
  venue: string;

  @Field()
  address: string;

  @Field(() => District)
  district: District;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field()
  appliedOn: string;

  @Field(() => Int)
  expectedAttendance: number;

  @Field(() => Int)
  guardsRequired: number;

  @Field(() => SecurityMode)
  securityMode: SecurityMode;

  @Field()
  contactName: string;

  @Field()
  contactPhone: string;

  @Field(() => SecurityPlanType)
  plan: SecurityPlanType;

  @Field(() => Int, { nullable: true })
  ageLimit: number | null;

  @Field(() => ActivityStatus)
  status: ActivityStatus;

  @Field(() => ID)
  reporterUnitId: string;

  @Field(() => String, { nullable: true, description: '领导批示' })
  approvalNote: string | null;

  @Field(() => String, { nullable: true, description: '退回原因' })
  returnReason: string | null;

  @Field(() => String, { nullable: true, description: '推荐不足3家的书面说明' })
  recommendationJustification: string | null;

  @Field(() => ID, { nullable: true })
  selectedCompanyId: string | null;

  /** Read with a list's page, not in the schema: the reporting unit (see `reporterUnit`). */
  reporterUnitRow?: UnitEntity;

  /** Read with a list's page, not in the schema: the selected company's name (see `selectedCompany`). */
  selectedCompanyName?: string | null;

  @Field(() => String, { nullable: true })
  selectionReason: string | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => Date, { nullable: true })
  reportedAt: Date | null;

  @Field(() => Date, { nullable: true })
  recommendedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '保安管理支队请示时间' })
  requestedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '领导批示时间' })
  approvedAt: Date | null;

  approvedBy: string | null;

  @Field(() => Date, { nullable: true, description: '活动开始（现场监管开始）时间' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '总结时间' })
  closedAt: Date | null;

  @Field(() => String, { nullable: true, description: '总结时仍有严重问题未纠正的书面说明' })
  closeStatement: string | null;

  @Field(() => Int, { nullable: true, description: '总结评价 1–5' })
  evaluationRating: number | null;

  @Field(() => String, { nullable: true, description: '总结评价' })
  evaluationText: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: '版本号（并发修改检查）' })
  version: number;

  // Derived (filled by the service with the request's settings).
  @Field(() => PermitTier, { description: '许可层级（条例第十二条）' })
  permitTier: PermitTier;

  @Field(() => [ActivityWarningType])
  warnings: ActivityWarningType[];

  @Field(() => Int, { description: '按设置的配比建议的保安员人数' })
  suggestedGuards: number;

  @Field(() => Int, { description: '距开始天数（已开始为负数）' })
  daysUntilStart: number;

  @Field(() => Int, { description: '适用的保安员年龄上限（批示后为批示时确定的上限，此后修改设置不影响本活动）' })
  effectiveAgeLimit: number;

  @Field(() => Int, { description: '适用的保安员年龄下限（批示后为批示时确定的下限）' })
  effectiveMinAge: number;

  @Field({ description: '年龄条件已于领导批示时确定（此后修改设置只影响尚未批示的活动）' })
  ageLimitsFixed: boolean;

  @Field({ description: '现场监管最早可开始的时间（开始前若干小时，设置；默认24小时）' })
  startableFrom: Date;

  @Field({ description: '推荐候选不足3家（附书面说明）' })
  recommendationShortfall: boolean;
}

@ObjectType()
export class ActivityPage extends Paginated(ActivityType) {}

@ObjectType('InstructionAssessment', { description: '保安管理支队请示中的研判意见' })
export class InstructionAssessmentType {
  @Field({ description: '规模研判' })
  scale: string;

  @Field({ description: '人员配备意见' })
  staffing: string;

  @Field(() => Int, { description: '拟推荐候选公司家数' })
  proposedCandidates: number;

  @Field(() => String, { nullable: true, description: '其他意见' })
  opinion: string | null;

  @Field(() => PermitTier, { description: '许可层级（请示时）' })
  permitTier: PermitTier;

  @Field(() => Int)
  expectedAttendance: number;

  @Field(() => Int)
  guardsRequired: number;

  @Field(() => Int, { description: '按配比建议的保安员人数（请示时）' })
  suggestedGuards: number;
}

@ObjectType('InstructionRequest', { description: '请示：保安管理支队受理通报后向领导请示；领导批示答复' })
export class InstructionRequestType {
  @Field(() => ID)
  id: string;

  @Field()
  requestedAt: Date;

  @Field({ description: '请示人（单位）' })
  requestedByName: string;

  @Field(() => InstructionAssessmentType)
  assessment: InstructionAssessmentType;

  @Field(() => Date, { nullable: true, description: '批示时间' })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true, description: '批示人（单位）' })
  answeredByName: string | null;

  @Field(() => Boolean, { nullable: true, description: '同意（true）或退回（false）；未批示为空' })
  approved: boolean | null;

  @Field(() => String, { nullable: true, description: '批示内容' })
  answer: string | null;
}

@InputType({ description: '请示：保安管理支队对通报活动的研判' })
export class InstructionRequestInput {
  @Field({ description: '规模研判（规格、规模、人员密度等）' })
  @IsNotBlank('请填写规模研判')
  @MaxLength(1000, { message: '规模研判不超过1000字' })
  scale: string;

  @Field({ description: '人员配备意见' })
  @IsNotBlank('请填写人员配备意见')
  @MaxLength(1000, { message: '人员配备意见不超过1000字' })
  staffing: string;

  @Field(() => Int, { description: '拟推荐候选公司家数（不少于3家）' })
  @IsInt({ message: '拟推荐家数应为整数' })
  @Min(3, { message: '拟推荐候选公司不少于3家（推荐时符合条件的不足3家须另行说明）' })
  @Max(20, { message: '拟推荐候选公司不超过20家' })
  proposedCandidates: number;

  @Field(() => String, { nullable: true, description: '其他意见' })
  @IsOptional()
  @MaxLength(1000, { message: '其他意见不超过1000字' })
  opinion?: string | null;
}

@InputType({ description: '活动筛选' })
export class ActivityFilterInput {
  @Field(() => [ActivityStatus], { nullable: true })
  status?: ActivityStatus[];

  @Field(() => District, { nullable: true })
  district?: District;

  @Field(() => String, { nullable: true, description: '按名称、编号、场所、主办单位搜索' })
  search?: string;

  @Field(() => Date, { nullable: true, description: '开始时间不早于' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: '开始时间早于' })
  to?: Date;

  @Field(() => SecurityMode, { nullable: true })
  securityMode?: SecurityMode;
}
