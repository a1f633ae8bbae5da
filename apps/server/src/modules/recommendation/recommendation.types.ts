import { CompanyStatus, District } from '@evs/schema';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ActivityType } from '../activities/activity.types';

@ObjectType('ScorePart', { description: '评分的一项：权重、原始指标、归一化分（0–100）与加权得分' })
export class ScorePartType {
  @Field({ description: 'capacity | age | performance | experience | locality' })
  key: string;

  @Field()
  label: string;

  @Field(() => Float)
  weight: number;

  @Field({ description: '原始指标（文字）' })
  raw: string;

  @Field(() => Float, { nullable: true, description: '原始指标（数值）' })
  measure: number | null;

  @Field(() => Float, { description: '归一化分 0–100' })
  normalized: number;

  @Field(() => Float, { description: '加权得分 = 权重占比 × 归一化分' })
  points: number;
}

@ObjectType('ScoreWeight', { description: '评分权重（设置项，保安管理支队可调整）' })
export class ScoreWeightType {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Float)
  weight: number;

  @Field(() => Float, { description: '占全部权重的比例' })
  share: number;

  @Field({ description: '计分规则' })
  rule: string;
}

@ObjectType('ExclusionReason', { description: '不具备推荐资格的原因' })
export class ExclusionReasonType {
  @Field({ description: 'NOT_ACTIVE | LICENSE_EXPIRES | CAPITAL | TOO_FEW_GUARDS | SERIOUS_FINDING' })
  code: string;

  @Field()
  message: string;
}

@ObjectType('CandidateSuggestion', { description: '一家保安服务公司对本活动的资格与评分' })
export class CandidateSuggestionType {
  @Field(() => ID)
  companyId: string;

  @Field()
  companyName: string;

  @Field(() => District)
  district: District;

  @Field(() => CompanyStatus)
  status: CompanyStatus;

  @Field({ description: '许可证有效期至' })
  licenseExpiry: string;

  @Field({ description: '是否具备推荐资格' })
  qualified: boolean;

  @Field(() => Int, { nullable: true, description: '在具备资格的公司中的名次' })
  rank: number | null;

  @Field(() => Float)
  score: number;

  @Field(() => [ScorePartType])
  parts: ScorePartType[];

  @Field(() => [ExclusionReasonType])
  exclusions: ExclusionReasonType[];

  @Field(() => Int, { description: '在职保安员' })
  guardsOnRegister: number;

  @Field(() => Int, { description: '活动当日符合条件的保安员' })
  eligibleGuards: number;

  @Field(() => Int, { description: '所需人数（含富余）' })
  guardsNeeded: number;

  @Field(() => Float, { nullable: true, description: '可用保安员平均年龄' })
  averageAge: number | null;

  @Field(() => Float, { description: '可用保安员中45岁以下的占比（0–1）' })
  youngShare: number;

  @Field(() => Int, { description: '已服务（已总结）的活动数' })
  activitiesServed: number;

  @Field(() => Int, { description: '同规模（所需保安员±50%）已总结活动数' })
  similarActivities: number;

  @Field(() => Float, { nullable: true, description: '每百名上岗保安员问题数' })
  findingsPer100: number | null;

  @Field(() => Float, { nullable: true, description: '审核不通过率（0–1）' })
  vettingFailureRate: number | null;

  @Field(() => Float, { nullable: true, description: '活动总结平均评分（1–5）' })
  averageRating: number | null;

  @Field({ description: '已被推荐为本活动候选' })
  recommended: boolean;
}

@ObjectType('CandidateSuggestions', { description: '候选推荐：全部公司按资格与得分排序' })
export class CandidateSuggestionsType {
  @Field(() => ID)
  activityId: string;

  @Field(() => Int)
  guardsRequired: number;

  @Field(() => Float, { description: '富余比例' })
  capacityMargin: number;

  @Field(() => Int, { description: '所需人数（含富余）' })
  guardsNeeded: number;

  @Field(() => Int)
  minAge: number;

  @Field(() => Int)
  maxAge: number;

  @Field(() => Int, { description: '审查结果复用期（天），期内审核不通过者不计入可用' })
  reuseWindowDays: number;

  @Field(() => [ScoreWeightType])
  weights: ScoreWeightType[];

  @Field(() => Int)
  qualifiedCount: number;

  @Field(() => Int, { description: '参与排名的保安服务公司数' })
  companyCount: number;

  @Field(() => Int, { description: '符合筛选条件的公司数（分页前）' })
  total: number;

  @Field(() => [ID], { description: '已推荐为本活动候选的公司' })
  recommendedCompanyIds: string[];

  @Field(() => [CandidateSuggestionType], { description: '按名次排列；给出分页参数时为该页' })
  items: CandidateSuggestionType[];
}

@ObjectType('Candidate', { description: '已推荐的候选公司' })
export class CandidateType {
  @Field(() => ID)
  activityId: string;

  @Field(() => ID)
  companyId: string;

  @Field()
  companyName: string;

  @Field(() => Int)
  rank: number;

  @Field(() => Float)
  score: number;

  @Field(() => Float, { nullable: true, description: '报价（元）' })
  quote: number | null;

  @Field(() => String, { nullable: true })
  quoteNote: string | null;

  @Field(() => Date, { nullable: true })
  quotedAt: Date | null;

  @Field({ description: '是否中选' })
  selected: boolean;
}

@ObjectType('ComparisonCell', { description: '比选表的一格' })
export class ComparisonCellType {
  @Field(() => ID)
  companyId: string;

  @Field()
  display: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field({ description: '本行最优' })
  best: boolean;
}

@ObjectType('ComparisonRow', { description: '比选表的一行：一项指标' })
export class ComparisonRowType {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field({ description: '资质 | 人员 | 业绩 | 评分 | 报价' })
  group: string;

  @Field({ description: '数值越大越好（否则越小越好）' })
  higherIsBetter: boolean;

  @Field(() => String, { nullable: true, description: '说明（如计分规则）' })
  hint: string | null;

  @Field(() => [ComparisonCellType])
  cells: ComparisonCellType[];
}

@ObjectType('CandidateComparison', { description: '候选比选：候选公司为列，指标为行' })
export class CandidateComparisonType {
  @Field(() => ActivityType)
  activity: ActivityType;

  @Field(() => [ScoreWeightType], { description: '候选得分所用的权重：推荐时保存的权重（无推荐记录时为当前设置）' })
  weights: ScoreWeightType[];

  @Field(() => Date, { nullable: true, description: '权重的保存时间（推荐时）；为空表示按当前设置' })
  weightsAsOf: Date | null;

  @Field(() => [CandidateType])
  candidates: CandidateType[];

  @Field(() => [ComparisonRowType])
  rows: ComparisonRowType[];

  @Field({ description: '当前用户可以填报报价并遴选' })
  canSelect: boolean;
}
