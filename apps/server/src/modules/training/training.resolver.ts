import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { seesGuardParticulars } from '../guards/guard.policy';
import { POST_ASSIGNERS, TRAINERS, TRAINING_VIEWERS } from './training.policy';
import {
  OnDutyGuardType,
  PostAssignmentInput,
  ScheduleTrainingInput,
  TrainingOverviewType,
  TrainingResultInput,
  TrainingSessionType,
  UpdateTrainingSessionInput,
} from './training.types';

@Resolver()
export class TrainingResolver {
  @Authorized(...TRAINING_VIEWERS)
  @Query(() => TrainingOverviewType, { description: '活动的岗前培训：各次培训、已通过审核人员的培训情况、在岗人数' })
  training(@Ctx() ctx: AppContext, @Arg('activityId', () => ID) activityId: string) {
    return ctx.services.training.overview(actorOf(ctx), activityId);
  }

  @Authorized(...TRAINING_VIEWERS)
  @Query(() => TrainingSessionType, { description: '一次培训及其签到表' })
  trainingSession(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return ctx.services.training.session(actorOf(ctx), id);
  }

  @Authorized(...TRAINING_VIEWERS)
  @Query(() => [OnDutyGuardType], { description: '在岗名单：审核通过、培训合格的保安员，含照片与岗位' })
  onDutyRoster(@Ctx() ctx: AppContext, @Arg('activityId', () => ID) activityId: string) {
    return ctx.services.training.onDutyRoster(actorOf(ctx), activityId);
  }

  @Authorized(...TRAINERS)
  @Mutation(() => TrainingSessionType, { description: '安排岗前培训或补训；不指定人员时为全部已通过审核、尚未培训合格的人员' })
  scheduleTraining(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('input', () => ScheduleTrainingInput) input: ScheduleTrainingInput,
  ) {
    return ctx.services.training.schedule(actorOf(ctx), activityId, input);
  }

  @Authorized(...TRAINERS)
  @Mutation(() => TrainingSessionType, { description: '修改培训安排（时间、地点、授课人、科目、学时）；只能在培训开始前，并通知保安服务公司' })
  updateTrainingSession(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTrainingSessionInput) input: UpdateTrainingSessionInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: '所见的安排版本（version）：他人已修改时返回 CONFLICT；与现有安排相同时不算修改',
    })
    expectedVersion?: number | null,
  ) {
    return ctx.services.training.updateSession(actorOf(ctx), id, input, expectedVersion);
  }

  @Authorized(...TRAINERS)
  @Mutation(() => TrainingSessionType, { description: '取消培训（须写明原因）；只能在培训开始前，参训人员可另行安排' })
  cancelTrainingSession(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return ctx.services.training.cancelSession(actorOf(ctx), id, reason);
  }

  @Authorized(...TRAINERS)
  @Mutation(() => TrainingSessionType, { description: '登记签到与各科目考核成绩（培训开始后）；三个科目均合格者进入在岗名单，达到所需人数时活动自动转为待上岗' })
  recordTrainingResults(
    @Ctx() ctx: AppContext,
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('results', () => [TrainingResultInput]) results: TrainingResultInput[],
    @Arg('expectedResultsVersion', () => Int, {
      nullable: true,
      description: '所见的结果版本（resultsVersion）：他人已改动结果时返回 CONFLICT；与已登记的结果相同时不算改动',
    })
    expectedResultsVersion?: number | null,
  ) {
    return ctx.services.training.recordResults(actorOf(ctx), sessionId, results, expectedResultsVersion);
  }

  @Authorized(...POST_ASSIGNERS)
  @Mutation(() => [OnDutyGuardType], { description: '岗位分工：中选的保安服务公司（自招保安单位的活动由大型活动安全保卫支队）为在岗名单中的人员安排岗位和责任区域' })
  assignPosts(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('assignments', () => [PostAssignmentInput]) assignments: PostAssignmentInput[],
  ) {
    return ctx.services.training.assignPosts(actorOf(ctx), activityId, assignments);
  }
}

@Resolver(() => OnDutyGuardType)
export class OnDutyGuardResolver {
  @FieldResolver(() => String, { nullable: true, description: '照片（data URL）；名单中请用 photoUrl，只加载显示的照片' })
  photo(@Root() g: OnDutyGuardType, @Ctx() ctx: AppContext) {
    // photoUrl is null for whoever may not see a guard's photo (onDutyRoster); checked here again all the same.
    return g.photoUrl && seesGuardParticulars(ctx.actor) ? ctx.loaders.guardPhoto.load(g.guardId) : null;
  }
}
