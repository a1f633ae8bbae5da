import { District } from '@evs/schema';
import { Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';
import { DeadlineStage } from '../deadlines/deadlines.types';
import { IsNotBlank, IsNotFormulaLike } from '../../common/text-validators';

@ObjectType('OverdueItem', { description: '逾期事项：活动未完成的阶段（当前或其后的阶段）已过截止日期；列在当前阶段的责任单位下' })
export class OverdueItemType {
  @Field(() => ID)
  activityId: string;

  @Field()
  activityCode: string;

  @Field()
  activityName: string;

  @Field(() => District)
  district: District;

  @Field(() => DeadlineStage, { description: '已过截止日期的阶段（可能在活动当前等待的阶段之后）' })
  stage: DeadlineStage;

  @Field({ description: '阶段名称' })
  stageLabel: string;

  @Field({ description: '应做的事（逾期阶段在当前阶段之后时，注明当前等待的阶段）' })
  task: string;

  @Field({ description: '截止日期 YYYY-MM-DD' })
  dueOn: string;

  @Field(() => Int, { description: '已逾期天数' })
  daysOverdue: number;

  @Field(() => ID)
  unitId: string;

  @Field({ description: '责任单位' })
  unitName: string;

  @Field(() => Int, { description: '已发出的提醒：0 未提醒，1 已提醒责任单位，2 已提醒办公室' })
  reminderLevel: number;

  @Field(() => ID, { nullable: true, description: '未办结的督办通知' })
  openNoticeId: string | null;
}

@ObjectType('OverdueUnit', { description: '一个责任单位的逾期事项' })
export class OverdueUnitType {
  @Field(() => ID)
  unitId: string;

  @Field()
  unitName: string;

  @Field(() => [OverdueItemType])
  items: OverdueItemType[];
}

@ObjectType('SupervisionNotice', { description: '督办通知：领导小组办公室要求责任单位限期答复' })
export class SupervisionNoticeType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  activityId: string;

  @Field()
  activityName: string;

  @Field(() => DeadlineStage)
  stage: DeadlineStage;

  @Field()
  stageLabel: string;

  @Field(() => ID)
  unitId: string;

  @Field({ description: '责任单位' })
  unitName: string;

  @Field({ description: '督办内容' })
  text: string;

  @Field({ description: '答复期限 YYYY-MM-DD' })
  dueOn: string;

  @Field()
  issuedAt: Date;

  @Field({ description: '督办人（单位）' })
  issuedByName: string;

  @Field(() => String, { nullable: true, description: '责任单位的答复' })
  answer: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true, description: '答复人（单位）' })
  answeredByName: string | null;

  @Field(() => String, { nullable: true, description: '办结情况' })
  outcome: string | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true, description: '办结人（单位）' })
  closedByName: string | null;

  @Field({ description: '已过答复期限仍未答复' })
  answerLate: boolean;

  @Field({ description: '当前用户所在单位须答复' })
  mine: boolean;
}

@ObjectType()
export class SupervisionNoticePage extends Paginated(SupervisionNoticeType) {}

@InputType({ description: '督办通知' })
export class SupervisionNoticeInput {
  @Field(() => ID)
  activityId: string;

  @Field(() => DeadlineStage, { description: '督办的阶段：活动当前等待的阶段，或已过截止日期的阶段' })
  stage: DeadlineStage;

  @Field({ description: '督办内容' })
  @IsNotBlank('请填写督办内容')
  @MaxLength(1000, { message: '督办内容不超过1000字' })
  @IsNotFormulaLike('督办内容')
  text: string;

  @Field({ description: '答复期限 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '答复期限格式应为 YYYY-MM-DD' })
  dueOn: string;
}

@InputType({ description: '督办通知筛选' })
export class SupervisionNoticeFilter {
  @Field(() => ID, { nullable: true })
  activityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true 未办结，false 已办结' })
  open?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '仅本单位须答复的' })
  mine?: boolean | null;
}

@ObjectType('UnitPunctuality', { description: '一个责任单位各阶段的按期情况（期间内的活动）' })
export class UnitPunctualityType {
  @Field(() => ID)
  unitId: string;

  @Field()
  unitName: string;

  @Field(() => Int, { description: '按期完成' })
  onTime: number;

  @Field(() => Int, { description: '逾期完成' })
  late: number;

  @Field(() => Int, { description: '逾期未完成' })
  overdue: number;

  @Field(() => Int, { description: '进行中（未到截止日期）' })
  open: number;
}
