import { TrainingTopic } from '@evs/schema';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsNotBlank, IsPersonName, IsSingleLine } from '../../common/text-validators';

/** Where a cleared guard stands in training. */
export enum TrainingStanding {
  /** Not yet put in any session. */
  NOT_ASSIGNED = 'NOT_ASSIGNED',
  /** In a session whose result is not recorded yet. */
  SCHEDULED = 'SCHEDULED',
  ABSENT = 'ABSENT',
  FAILED = 'FAILED',
  /** Passed some subjects; the others are still to be trained. */
  PARTIAL = 'PARTIAL',
  /** Passed all three subjects: on the on-duty roster (when cleared). */
  PASSED = 'PASSED',
}
registerEnumType(TrainingStanding, { name: 'TrainingStanding', description: '培训情况' });

@ObjectType('TopicScore', { description: '一个科目的考核成绩' })
export class TopicScoreType {
  @Field(() => TrainingTopic)
  topic: TrainingTopic;

  @Field(() => Float)
  score: number;

  @Field({ description: '该科目是否合格（不低于合格分数）' })
  passed: boolean;
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

  @Field(() => Boolean, { nullable: true, description: '本次培训的科目是否全部合格；未登记为空' })
  passed: boolean | null;

  @Field(() => [TrainingTopic], { description: '本次培训合格的科目' })
  passedTopics: TrainingTopic[];

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

  @Field(() => Date, { nullable: true, description: '最近修改时间' })
  updatedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '取消时间（开始前取消）' })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: '取消原因' })
  cancelReason: string | null;

  @Field({ description: '培训已开始（开始后方可登记结果；开始前方可修改或取消）' })
  started: boolean;

  @Field({ description: '培训结束时间：开始时间 + 学时 × 45分钟' })
  endsAt: Date;

  @Field(() => Int, { description: '考核合格分数（每科）：已登记结果的为登记时的分数（此后修改设置不影响），否则为当前设置' })
  passScore: number;

  @Field(() => Int, { description: '安排版本：每次修改时间、地点、授课人、科目或学时加1；修改时带上所见版本（updateTrainingSession.expectedVersion），他人已修改时返回 CONFLICT' })
  version: number;

  @Field(() => Int, { description: '结果版本：每次结果有改动加1；登记时带上所见版本（expectedResultsVersion），他人已改动时返回 CONFLICT' })
  resultsVersion: number;

  @Field(() => [TrainingAttendanceType])
  attendance: TrainingAttendanceType[];

  @Field({ description: '是否已全部登记结果' })
  resultsRecorded: boolean;
}

@ObjectType('TrainingTrainee', { description: '已通过审核的保安员及其培训情况' })
export class TrainingTraineeType extends TraineeBrief {
  @Field(() => TrainingStanding)
  standing: TrainingStanding;

  @Field(() => [TrainingTopic], { description: '已合格的科目（各次培训累计）' })
  passedTopics: TrainingTopic[];

  @Field(() => [TrainingTopic], { description: '尚未合格的科目' })
  missingTopics: TrainingTopic[];
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

  @Field(() => String, { nullable: true, description: '照片的地址（GET，凭登录会话；无照片为空）：名单只带地址，页面加载它显示的照片' })
  photoUrl: string | null;

  @Field(() => String, { nullable: true, description: '岗位' })
  post: string | null;

  @Field(() => String, { nullable: true, description: '责任区域' })
  area: string | null;

  @Field(() => ID)
  companyId: string;

  @Field()
  companyName: string;
}

/** When, where, by whom and what: set when scheduling, changed before the start. */
@InputType({ description: '修改培训安排（开始前）' })
export class UpdateTrainingSessionInput {
  @Field()
  startsAt: Date;

  @Field()
  @IsNotBlank('请填写培训地点')
  @IsSingleLine('培训地点')
  @MaxLength(100, { message: '培训地点不超过100字' })
  place: string;

  @Field({ description: '授课人' })
  @IsNotBlank('请填写授课人')
  // A person, as every other name of a person in the system (red-team L3: “··”, “=1+1” and “ㅤㅤ” were taken).
  @IsPersonName('授课人')
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
}

@InputType({ description: '安排岗前培训' })
export class ScheduleTrainingInput extends UpdateTrainingSessionInput {
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

@InputType({ description: '一名保安员的签到与考核结果；各科目是否合格由成绩与合格分数（设置）决定' })
export class TrainingResultInput {
  @Field(() => ID)
  rosterEntryId: string;

  @Field()
  attended: boolean;

  @Field(() => [TopicScoreInput], { defaultValue: [], description: '到课时每个科目一项成绩（0–100）' })
  scores: TopicScoreInput[];
}

@InputType({ description: '岗位分工：一名在岗人员的岗位与责任区域' })
export class PostAssignmentInput {
  @Field(() => ID)
  rosterEntryId: string;

  @Field(() => String, { nullable: true, description: '岗位；空为取消岗位（区域一并取消）' })
  @IsOptional()
  @MaxLength(50, { message: '岗位名称不超过50字' })
  @IsSingleLine('岗位名称')
  post?: string | null;

  @Field(() => String, { nullable: true, description: '责任区域，如“东门外广场”' })
  @IsOptional()
  @MaxLength(50, { message: '责任区域不超过50字' })
  @IsSingleLine('责任区域')
  area?: string | null;
}
