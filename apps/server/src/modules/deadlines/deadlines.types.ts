import { ActivityStatus, District } from '@evs/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Paginated } from '../../common/pagination';

/** The stages someone owes by a date, in lifecycle order (see stages.ts for who and when). */
export enum DeadlineStage {
  REQUEST = 'REQUEST',
  DECISION = 'DECISION',
  CANDIDATES = 'CANDIDATES',
  SELECTION = 'SELECTION',
  ROSTER = 'ROSTER',
  VETTING = 'VETTING',
  TRAINING = 'TRAINING',
  CLOSING = 'CLOSING',
}
registerEnumType(DeadlineStage, { name: 'DeadlineStage', description: '有截止时间的阶段' });

export const deadlineStageLabels: Record<DeadlineStage, string> = {
  [DeadlineStage.REQUEST]: '受理请示',
  [DeadlineStage.DECISION]: '领导批示',
  [DeadlineStage.CANDIDATES]: '推荐候选',
  [DeadlineStage.SELECTION]: '遴选公司',
  [DeadlineStage.ROSTER]: '上报名单',
  [DeadlineStage.VETTING]: '背景审核',
  [DeadlineStage.TRAINING]: '岗前培训',
  [DeadlineStage.CLOSING]: '活动总结',
};

@ObjectType('StageDeadline', { description: '一个阶段的截止日期与完成情况' })
export class StageDeadlineType {
  @Field(() => DeadlineStage)
  stage: DeadlineStage;

  @Field()
  label: string;

  @Field({ description: '截止规则，如“开始前15天”“受理之日起7日内（条例第十四条）”' })
  rule: string;

  @Field({ description: '责任单位' })
  responsibleUnitName: string;

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
