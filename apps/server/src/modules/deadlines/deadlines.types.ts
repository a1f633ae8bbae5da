import { ActivityStatus, District } from '@evs/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Paginated } from '../../common/pagination';

export enum DeadlineStage {
  CANDIDATES = 'CANDIDATES',
  VETTING = 'VETTING',
  TRAINING = 'TRAINING',
}
registerEnumType(DeadlineStage, { name: 'DeadlineStage', description: '有截止时间的阶段' });

export const deadlineStageLabels: Record<DeadlineStage, string> = {
  [DeadlineStage.CANDIDATES]: '推荐候选',
  [DeadlineStage.VETTING]: '背景审核',
  [DeadlineStage.TRAINING]: '岗前培训',
};

@ObjectType('StageDeadline', { description: '一个阶段的截止日期与完成情况' })
export class StageDeadlineType {
  @Field(() => DeadlineStage)
  stage: DeadlineStage;

  @Field()
  label: string;

  @Field(() => Int, { description: '应在开始前几天完成（设置）' })
  daysBefore: number;

  @Field({ description: '截止日期 YYYY-MM-DD' })
  dueOn: string;

  @Field(() => Int, { description: '距截止天数（已过为负数）' })
  daysLeft: number;

  @Field()
  done: boolean;

  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @Field({ description: '已逾期未完成' })
  late: boolean;

  @Field({ description: '逾期后才完成' })
  completedLate: boolean;
}

@ObjectType('ActivityDeadlines', { description: '距开始天数与各阶段截止情况' })
export class ActivityDeadlinesType {
  @Field(() => Int, { description: '距开始天数（已开始为负数）' })
  daysUntilStart: number;

  @Field(() => [StageDeadlineType])
  stages: StageDeadlineType[];

  @Field(() => [DeadlineStage], { description: '逾期未完成的阶段' })
  lateStages: DeadlineStage[];

  @Field(() => StageDeadlineType, { nullable: true, description: '下一个未完成阶段' })
  next: StageDeadlineType | null;
}

@ObjectType('WorkItem', { description: '保安管理支队的一项待办' })
export class WorkItemType {
  @Field(() => ID)
  activityId: string;

  @Field()
  activityCode: string;

  @Field()
  activityName: string;

  @Field(() => ActivityStatus)
  status: ActivityStatus;

  @Field(() => District)
  district: District;

  @Field()
  startsAt: Date;

  @Field({ description: '待办事项' })
  task: string;

  @Field({ description: '进度说明' })
  detail: string;

  @Field({ description: '截止日期 YYYY-MM-DD' })
  dueOn: string;

  @Field(() => Int, { description: '距截止天数（已过为负数）' })
  daysLeft: number;

  @Field(() => Int, { description: '距开始天数' })
  daysUntilStart: number;

  @Field()
  late: boolean;

  @Field({ description: '处理页面' })
  link: string;
}

@ObjectType()
export class WorkItemPage extends Paginated(WorkItemType) {}
