import { TrainingTopic } from '@evs/schema';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Where a cleared guard stands in training. */
export enum TrainingStanding {
  /** Not yet put in any session. */
  NOT_ASSIGNED = 'NOT_ASSIGNED',
  /** In a session whose result is not recorded yet. */
  SCHEDULED = 'SCHEDULED',
  ABSENT = 'ABSENT',
  FAILED = 'FAILED',
  PASSED = 'PASSED',
}
registerEnumType(TrainingStanding, { name: 'TrainingStanding', description: '培训情况' });

@ObjectType('TopicScore', { description: '一个科目的考核成绩' })
export class TopicScoreType {
  @Field(() => TrainingTopic)
  topic: TrainingTopic;

  @Field(() => Float)
  score: number;
}

/** One cleared guard of the activity's roster, as the training pages list them. */
@ObjectType()
export abstract class TraineeBrief {
  @Field(() => ID)
  rosterEntryId: string;

  @Field(() => ID)
  guardId: string;

  @Field()
  guardName: string;

  @Field(() => String, { nullable: true, description: '保安员证号' })
  certificateNo: string | null;

  @Field()
  companyName: string;
}

@ObjectType('TrainingAttendance', { description: '一名保安员在一次培训中的签到与考核' })
export class TrainingAttendanceType extends TraineeBrief {
  @Field(() => ID)
  sessionId: string;

  @Field(() => Boolean, { nullable: true, description: '是否到课；未登记为空' })
  attended: boolean | null;

  @Field(() => [TopicScoreType])
  scores: TopicScoreType[];

  @Field(() => Boolean, { nullable: true, description: '考核是否合格；未登记为空' })
  passed: boolean | null;

  @Field(() => Date, { nullable: true })
  recordedAt: Date | null;
}

@ObjectType('TrainingSession', { description: '岗前培训（集中培训或补训）' })
export class TrainingSessionType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  activityId: string;

  @Field()
  activityName: string;

  @Field()
  startsAt: Date;

  @Field()
  place: string;

  @Field({ description: '授课人' })
  instructor: string;

  @Field(() => [TrainingTopic])
  topics: TrainingTopic[];

  @Field(() => Int, { description: '学时（每学时45分钟）' })
  periods: number;

  @Field({ description: '是否补训' })
  isMakeup: boolean;

  @Field()
  createdAt: Date;

  @Field(() => [TrainingAttendanceType])
  attendance: TrainingAttendanceType[];

  @Field({ description: '是否已全部登记结果' })
  resultsRecorded: boolean;
}

@ObjectType('TrainingTrainee', { description: '已通过审核的保安员及其培训情况' })
export class TrainingTraineeType extends TraineeBrief {
  @Field(() => TrainingStanding)
  standing: TrainingStanding;
}

@ObjectType('TrainingOverview', { description: '一个活动的岗前培训情况' })
export class TrainingOverviewType {
  @Field(() => ID)
  activityId: string;

  @Field(() => Int, { description: '所需保安员人数' })
  guardsRequired: number;

  @Field(() => Int, { description: '已通过审核人数' })
  clearedCount: number;

  @Field(() => Int, { description: '在岗名单人数（审核通过且培训合格）' })
  onDutyCount: number;

  @Field(() => [TrainingSessionType])
  sessions: TrainingSessionType[];

  @Field(() => [TrainingTraineeType])
  trainees: TrainingTraineeType[];
}

@ObjectType('OnDutyGuard', { description: '在岗名单中的保安员：审核通过、培训合格' })
export class OnDutyGuardType {
  @Field(() => ID)
  rosterEntryId: string;

  @Field(() => ID)
  guardId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '保安员证号' })
  certificateNo: string | null;

  @Field(() => String, { nullable: true, description: '照片（data URL）' })
  photo: string | null;

  @Field(() => String, { nullable: true, description: '岗位' })
  post: string | null;

  @Field(() => ID)
  companyId: string;

  @Field()
  companyName: string;
}

@InputType({ description: '安排岗前培训' })
export class ScheduleTrainingInput {
  @Field()
  startsAt: Date;

  @Field()
  @IsNotEmpty({ message: '请填写培训地点' })
  @MaxLength(100, { message: '培训地点不超过100字' })
  place: string;

  @Field({ description: '授课人' })
  @IsNotEmpty({ message: '请填写授课人' })
  @MaxLength(50, { message: '授课人不超过50字' })
  instructor: string;

  @Field(() => [TrainingTopic])
  @ArrayMinSize(1, { message: '请至少选择一个培训科目' })
  topics: TrainingTopic[];

  @Field(() => Int, { description: '学时（每学时45分钟）' })
  @IsInt({ message: '学时应为整数' })
  @Min(1, { message: '学时至少为1' })
  @Max(40, { message: '学时不超过40' })
  periods: number;

  @Field({ defaultValue: false, description: '补训（为缺训或考核不合格的人员）' })
  isMakeup: boolean;

  @Field(() => [ID], { nullable: true, description: '参训人员；不填则为全部已通过审核、尚未培训合格的人员' })
  @IsOptional()
  @ArrayMaxSize(20_000)
  rosterEntryIds?: string[] | null;
}

@InputType()
export class TopicScoreInput {
  @Field(() => TrainingTopic)
  topic: TrainingTopic;

  @Field(() => Float)
  score: number;
}

@InputType({ description: '一名保安员的签到与考核结果' })
export class TrainingResultInput {
  @Field(() => ID)
  rosterEntryId: string;

  @Field()
  attended: boolean;

  @Field(() => [TopicScoreInput], { defaultValue: [] })
  scores: TopicScoreInput[];

  @Field()
  passed: boolean;
}

@InputType({ description: '岗位分工：一名在岗人员的岗位' })
export class PostAssignmentInput {
  @Field(() => ID)
  rosterEntryId: string;

  @Field(() => String, { nullable: true, description: '岗位；空为取消岗位' })
  @IsOptional()
  @MaxLength(50, { message: '岗位名称不超过50字' })
  post?: string | null;
}
