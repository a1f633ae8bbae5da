import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { ActivityType } from '../activities/activity.types';
import { FINDING_READERS, INSPECTION_READERS, ON_SITE_SUPERVISORS } from './inspections.policy';
import { CloseActivityInput, FindingPage, FindingType, InspectionPage, InspectionType, RecordInspectionInput } from './inspections.types';

@Resolver()
export class InspectionsResolver {
  @Authorized(...ON_SITE_SUPERVISORS)
  @Mutation(() => ActivityType, { description: '活动开始（待上岗 → 进行中），开始现场监管' })
  startActivity(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    return ctx.services.inspections.start(actorOf(ctx), id, comment);
  }

  @Authorized(...ON_SITE_SUPERVISORS)
  @Mutation(() => ActivityType, { description: '活动总结（进行中 → 已总结），评价计入公司以往表现' })
  closeActivity(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CloseActivityInput) input: CloseActivityInput,
  ) {
    return ctx.services.inspections.close(actorOf(ctx), id, input);
  }

  @Authorized(...ON_SITE_SUPERVISORS)
  @Mutation(() => InspectionType, { description: '登记现场检查；同一编号重发返回已登记的记录，不重复登记' })
  recordInspection(@Ctx() ctx: AppContext, @Arg('input', () => RecordInspectionInput) input: RecordInspectionInput) {
    return ctx.services.inspections.record(actorOf(ctx), input);
  }

  @Authorized(...ON_SITE_SUPERVISORS)
  @Mutation(() => FindingType, { description: '登记问题已纠正（时间与情况）' })
  correctFinding(
    @Ctx() ctx: AppContext,
    @Arg('findingId', () => ID) findingId: string,
    @Arg('note') note: string,
    @Arg('correctedAt', () => Date, { nullable: true }) correctedAt?: Date | null,
  ) {
    return ctx.services.inspections.correct(actorOf(ctx), findingId, note, correctedAt);
  }

  @Authorized(...FINDING_READERS)
  @Query(() => FindingPage, { description: '活动的现场检查问题' })
  findings(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('openOnly', { defaultValue: false }) openOnly: boolean,
    @Arg('seriousOnly', { defaultValue: false }) seriousOnly: boolean,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.inspections.findings(actorOf(ctx), activityId, { openOnly, seriousOnly }, page);
  }

  @Authorized(...INSPECTION_READERS)
  @Query(() => InspectionPage, { description: '活动的现场检查记录' })
  inspections(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.inspections.inspections(actorOf(ctx), activityId, page);
  }
}

@Resolver(() => FindingType)
export class FindingResolver {
  @FieldResolver(() => String, { nullable: true, description: '现场照片（data URL）；列表中请用 photoUrl，只加载显示的照片' })
  photo(@Root() f: FindingType, @Ctx() ctx: AppContext) {
    return f.photoUrl ? ctx.loaders.findingPhoto.load(f.id) : null;
  }
}
