import {
  ActivityStatus,
  AgeBand,
  District,
  DrilldownKind,
  InspectionItem,
  LateStage,
  TrainingOutcome,
  VettingDecision,
  VettingReasonCategory,
} from '@evs/schema';
import { IsOptional, Matches } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';
import { ActivityBrief } from '../activities/activity.types';
import { OverdueUnitType, UnitPunctualityType } from '../supervision/supervision.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '日期格式应为 YYYY-MM-DD';

@InputType({ description: '统计期间（按活动开始日期，含首尾两天，北京时间）' })
export class DateRangeInput {
  @Field({ description: '起始日期 YYYY-MM-DD' })
  @Matches(DATE, { message: DATE_MESSAGE })
  from: string;

  @Field({ description: '截止日期 YYYY-MM-DD（含当天）' })
  @Matches(DATE, { message: DATE_MESSAGE })
  to: string;
}

/**
 * The filter behind one figure of the overview. The same fields come back on every series item
 * (`OverviewDrilldown.filter`), so a click on a bar sends exactly this to `overviewDrilldown`.
 */
@ObjectType('DrilldownFilter', { description: '下钻列表的筛选条件' })
@InputType('DrilldownFilterInput', { description: '下钻列表的筛选条件' })
export class DrilldownFilter {
  @Field(() => String, { nullable: true, description: '活动开始日期起 YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  from?: string | null;

  @Field(() => String, { nullable: true, description: '活动开始日期止 YYYY-MM-DD（含）' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  to?: string | null;

  @Field(() => District, { nullable: true })
  district?: District | null;

  @Field(() => ActivityStatus, { nullable: true, description: '活动状态' })
  status?: ActivityStatus | null;

  @Field(() => LateStage, { nullable: true, description: '逾期阶段' })
  lateStage?: LateStage | null;

  @Field(() => Boolean, { nullable: true, description: '仅逾期活动' })
  late?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '候选不足3家（有书面说明）的活动' })
  fewCandidates?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '严重问题未纠正即总结（附书面说明）的活动' })
  closedWithSerious?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '公司是否合格' })
  qualified?: boolean | null;

  @Field(() => VettingDecision, { nullable: true })
  decision?: VettingDecision | null;

  @Field(() => VettingReasonCategory, { nullable: true })
  reasonCategory?: VettingReasonCategory | null;

  @Field(() => TrainingOutcome, { nullable: true })
  trainingOutcome?: TrainingOutcome | null;

  @Field(() => InspectionItem, { nullable: true, description: '检查项目' })
  item?: InspectionItem | null;

  @Field(() => Boolean, { nullable: true, description: '问题是否未纠正' })
  open?: boolean | null;

  @Field(() => ID, { nullable: true, description: '保安服务公司' })
  companyId?: string | null;

  @Field(() => AgeBand, { nullable: true })
  ageBand?: AgeBand | null;
}

@ObjectType({ description: '图表中一项数字及其下钻列表' })
export class OverviewCount {
  @Field({ description: '枚举值或标识' })
  key: string;

  @Field({ description: '中文名称' })
  label: string;

  @Field(() => Int)
  value: number;

  @Field(() => DrilldownKind)
  kind: DrilldownKind;

  @Field(() => DrilldownFilter)
  filter: DrilldownFilter;
}

@ObjectType({ description: '分组柱：一个分组（辖区、阶段、检查项目、公司）下的几段' })
export class OverviewGroup {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => [OverviewCount])
  parts: OverviewCount[];
}

@ObjectType({ description: '总览的关键数字' })
export class OverviewHeadline {
  @Field(() => Int, { description: '期间内的活动（不含草稿）' })
  activities: number;

  @Field(() => Int, { description: '其中未结束（未总结、未取消）' })
  activitiesOpen: number;

  @Field(() => Int, { description: '其中有阶段逾期' })
  activitiesLate: number;

  @Field(() => Int, { description: '候选不足3家的活动' })
  activitiesFewCandidates: number;

  @Field(() => Int, { description: '严重问题未纠正即总结的活动（附书面说明）' })
  activitiesClosedWithSerious: number;

  @Field(() => Int, { description: '合格公司：正常经营 ∧ 许可证在有效期内 ∧ 无未纠正的严重问题' })
  companiesQualified: number;

  @Field(() => Int)
  companiesTotal: number;

  @Field(() => Int, { description: '已作出审核结论的人次：名单上有结论的人员（含沿用的通过结论）及不通过的人员' })
  guardsVetted: number;

  @Field(() => Int)
  guardsPassed: number;

  @Field(() => Int)
  guardsPending: number;

  @Field(() => Float, { nullable: true, description: '审核通过率（0–1），无结论时为空' })
  vettingPassRate: number | null;

  @Field(() => Float, { nullable: true, description: '培训考核合格率（0–1，缺勤计为不合格）' })
  trainingPassRate: number | null;

  @Field(() => Int, { description: '上岗保安员人次（审核通过 ∧ 培训合格）' })
  guardsOnDuty: number;

  @Field(() => Int, { description: '未纠正的现场问题' })
  findingsOpen: number;

  @Field(() => Int)
  findingsTotal: number;
}

@ObjectType({ description: '领导小组办公室总览（全部由数据库聚合计算）' })
export class Overview {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => District, { nullable: true, description: '实际统计的辖区（县区公安局只能是本辖区）' })
  district: District | null;

  @Field()
  generatedAt: Date;

  @Field(() => OverviewHeadline)
  headline: OverviewHeadline;

  @Field(() => [OverviewGroup], { description: '各辖区公司：合格 / 不合格' })
  companiesByDistrict: OverviewGroup[];

  @Field(() => [OverviewCount], { description: '审核结论：通过 / 不通过 / 待审核' })
  vettingOutcomes: OverviewCount[];

  @Field(() => [OverviewCount], { description: '不通过原因：本人记录 / 亲属记录 / 资格预审 / 其他' })
  failureReasons: OverviewCount[];

  @Field(() => [OverviewGroup], { description: '各阶段活动：按期 / 逾期' })
  activitiesByStage: OverviewGroup[];

  @Field(() => [OverviewCount], { description: '逾期活动按逾期阶段' })
  lateByStage: OverviewCount[];

  @Field(() => OverviewCount, { description: '候选不足3家（附书面说明）的活动' })
  fewCandidates: OverviewCount;

  @Field(() => OverviewCount, { description: '严重问题未纠正即总结（附书面说明）的活动' })
  closedWithSerious: OverviewCount;

  @Field(() => [UnitPunctualityType], { description: '各责任单位按期情况：按期完成 / 逾期完成 / 逾期未完成 / 进行中' })
  punctuality: UnitPunctualityType[];

  @Field(() => [OverviewCount], { description: '培训考核：合格 / 不合格 / 缺勤 / 待录入' })
  trainingOutcomes: OverviewCount[];

  @Field(() => [OverviewGroup], { description: '现场问题按检查项目：未纠正 / 已纠正' })
  findingsByItem: OverviewGroup[];

  @Field(() => [OverviewGroup], { description: '现场问题最多的10家公司：未纠正 / 已纠正' })
  findingsByCompany: OverviewGroup[];

  @Field(() => [OverviewCount], { description: '上岗保安员年龄结构（按活动开始日的年龄）' })
  ageProfile: OverviewCount[];
}

@ObjectType({ description: '下钻列表的一行' })
export class DrilldownRow {
  @Field(() => ID)
  id: string;

  @Field(() => [String], { description: '与 columns 一一对应的显示文字' })
  cells: string[];

  @Field(() => String, { nullable: true, description: '详情页地址（若有）' })
  link: string | null;

  /** The roster entry whose whole ID number a cell shows (the detachment's copy; not exposed): an audited read. */
  wholeIdOf?: string;
}

@ObjectType()
export class DrilldownPage extends Paginated(DrilldownRow) {
  @Field(() => DrilldownKind)
  kind: DrilldownKind;

  @Field()
  title: string;

  @Field(() => [String])
  columns: string[];
}

// ---- homes ---------------------------------------------------------------------------------

@ObjectType({ description: '首页上的一个数字' })
export class HomeCount {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Int)
  value: number;

  @Field(() => String, { nullable: true, description: '点击后前往的页面' })
  link: string | null;

  @Field({ description: '是否需要注意（逾期、不合格等）' })
  warn: boolean;
}

@ObjectType({ description: '首页上的一项活动' })
export class HomeActivity extends ActivityBrief {
  @Field(() => District)
  district: District;

  @Field(() => Int, { description: '距开始天数（负数为已开始）' })
  daysLeft: number;

  @Field(() => LateStage, { nullable: true })
  lateStage: LateStage | null;

  @Field({ description: '当前等待谁、做什么' })
  waitingOn: string;

  @Field({ description: '是否轮到当前用户处理' })
  myTurn: boolean;

  @Field(() => Int)
  vettingPassed: number;

  @Field(() => Int)
  vettingFailed: number;

  @Field(() => Int)
  vettingPending: number;

  @Field(() => Date, { nullable: true, description: '下一次培训时间' })
  nextTrainingAt: Date | null;

  @Field(() => Int)
  findingsOpen: number;

  @Field()
  link: string;
}

@ObjectType({ description: '保安服务公司首页的本公司资料' })
export class HomeCompanyProfile {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  creditCode: string;

  @Field()
  licenseNo: string;

  @Field()
  licenseExpiry: string;

  @Field(() => Int, { description: '许可证剩余天数' })
  licenseDaysLeft: number;

  @Field()
  status: string;

  @Field(() => District)
  district: District;

  @Field()
  qualified: boolean;

  @Field(() => [String], { description: '不合格的原因' })
  problems: string[];
}

@ObjectType({ description: '培训安排' })
export class HomeTraining {
  @Field(() => ID)
  id: string;

  @Field()
  activityName: string;

  @Field()
  startsAt: Date;

  @Field()
  place: string;

  @Field(() => Int)
  guards: number;

  @Field()
  makeup: boolean;
}

@ObjectType({ description: '首页：每个角色自己的数字与待办' })
export class Home {
  @Field(() => [HomeCount])
  counts: HomeCount[];

  @Field(() => [HomeActivity], { description: '本单位的活动（未结束的在前）' })
  activities: HomeActivity[];

  @Field(() => HomeCompanyProfile, { nullable: true })
  company: HomeCompanyProfile | null;

  @Field(() => [HomeTraining])
  trainings: HomeTraining[];

  @Field(() => [OverviewCount], { description: '本公司保安员的审核结果 / 年龄结构' })
  outcomes: OverviewCount[];

  @Field(() => [OverviewCount])
  ageProfile: OverviewCount[];

  @Field(() => [OverdueUnitType], { description: '逾期事项按责任单位（领导小组和办公室：全部单位；其他：本单位）' })
  overdue: OverdueUnitType[];

  @Field(() => Int, { description: '发给本单位、尚未答复的督办通知' })
  noticesToAnswer: number;
}
