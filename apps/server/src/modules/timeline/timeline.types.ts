import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum TimelineKind {
  TRANSITION = 'TRANSITION',
  CANDIDATES = 'CANDIDATES',
  VETTING_DECISION = 'VETTING_DECISION',
  TRAINING_SESSION = 'TRAINING_SESSION',
  TRAINING_RESULT = 'TRAINING_RESULT',
  FINDING = 'FINDING',
  CORRECTION = 'CORRECTION',
  INSTRUCTION = 'INSTRUCTION',
  SUPERVISION = 'SUPERVISION',
}
registerEnumType(TimelineKind, { name: 'TimelineKind', description: '台账事项类别' });

export const timelineKindLabels: Record<TimelineKind, string> = {
  [TimelineKind.TRANSITION]: '状态变更',
  [TimelineKind.CANDIDATES]: '推荐候选',
  [TimelineKind.VETTING_DECISION]: '审核决定',
  [TimelineKind.TRAINING_SESSION]: '培训安排',
  [TimelineKind.TRAINING_RESULT]: '培训结果',
  [TimelineKind.FINDING]: '检查问题',
  [TimelineKind.CORRECTION]: '问题纠正',
  [TimelineKind.INSTRUCTION]: '请示批示',
  [TimelineKind.SUPERVISION]: '督办',
};

@ObjectType('TimelineEntry', { description: '台账中的一条记录：谁、何时、做了什么' })
export class TimelineEntryType {
  @Field()
  at: Date;

  @Field(() => TimelineKind)
  kind: TimelineKind;

  @Field({ description: '事项类别（中文）' })
  kindLabel: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  detail: string | null;

  @Field(() => String, { nullable: true, description: '操作人（单位）' })
  actorName: string | null;

  @Field({ description: '需要关注（严重问题、审核不通过、逾期等）' })
  important: boolean;
}

@ObjectType('ActivityTimeline', { description: '活动台账' })
export class ActivityTimelineType {
  @Field()
  activityId: string;

  @Field()
  activityCode: string;

  @Field()
  activityName: string;

  @Field(() => [TimelineEntryType])
  entries: TimelineEntryType[];
}
