import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { actorLabelFor, isPolice } from '../../common/actor';
import { PageInput } from '../../common/pagination';
import { selectedFields } from '../../common/selection';
import { UnitType } from '../auth/auth.types';
import { CandidateType } from '../recommendation/recommendation.types';
import {
  ActivityCompanyRef,
  ActivityFilterInput,
  ActivityInput,
  ActivityPage,
  ActivityTransitionType,
  ActivityType,
  ActivityWarningType,
  InstructionRequestInput,
  InstructionRequestType,
} from './activity.types';
import { InstructionRequestEntity } from './instruction-request.entity';
import {
  ACTIVITY_CANCELLERS,
  ACTIVITY_REPORTERS,
  ACTIVITY_VIEWERS,
  INSTRUCTION_ANSWERERS,
  INSTRUCTION_REQUESTERS,
  seesInstructionRequests,
} from './activity.policy';
import { seesCandidates, transitionCommentFor } from '../recommendation/recommendation.policy';
import { selectedCompanyWarning } from '../companies/company-standing';

@Resolver(() => ActivityType)
export class ActivityResolver {
  @Authorized(...ACTIVITY_VIEWERS)
  @Query(() => ActivityPage, { description: '大型活动列表（按角色与辖区限定范围；保安服务公司为中选的任务安排）' })
  async activities(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => ActivityFilterInput, { nullable: true }) filter: ActivityFilterInput | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Info() info: GraphQLResolveInfo,
  ) {
    const list = await ctx.services.activities.list(actorOf(ctx), filter ?? {}, page, selectedFields(info, 'items'));
    // The page joined each selected company's name: `selectedCompany` reads it from the row, `deadlines` from the loader primed here.
    for (const a of list.items) {
      if (a.selectedCompanyId && a.selectedCompanyName !== undefined) ctx.loaders.companyName.prime(a.selectedCompanyId, a.selectedCompanyName);
    }
    return list;
  }

  @Authorized(...ACTIVITY_VIEWERS)
  @Query(() => ActivityType, { description: '一项大型活动' })
  activity(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return ctx.services.activities.get(actorOf(ctx), id);
  }

  @Authorized(...ACTIVITY_REPORTERS)
  @Mutation(() => ActivityType, { description: '登记大型活动（县区公安局限本辖区；大型活动安全保卫支队全市）→ 草稿' })
  createActivity(@Ctx() ctx: AppContext, @Arg('input', () => ActivityInput) input: ActivityInput) {
    return ctx.services.activities.create(actorOf(ctx), input);
  }

  @Authorized(...ACTIVITY_REPORTERS)
  @Mutation(() => ActivityType, { description: '修改草稿（含被退回的）活动' })
  updateActivity(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ActivityInput) input: ActivityInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return ctx.services.activities.update(actorOf(ctx), id, input, expectedVersion);
  }

  @Authorized(...ACTIVITY_REPORTERS)
  @Mutation(() => ActivityType, { description: '请示通报：通知保安管理支队和领导小组办公室' })
  reportActivity(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return ctx.services.activities.report(actorOf(ctx), id, expectedVersion);
  }

  @Authorized(...INSTRUCTION_REQUESTERS)
  @Mutation(() => ActivityType, { description: '请示：保安管理支队受理通报，附研判意见（规模、许可层级、人员配备、拟推荐家数）向领导请示，同时通报领导小组办公室' })
  requestInstruction(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => InstructionRequestInput) input: InstructionRequestInput,
  ) {
    return ctx.services.activities.requestInstruction(actorOf(ctx), id, input);
  }

  @Authorized(...INSTRUCTION_ANSWERERS)
  @Mutation(() => ActivityType, { description: '领导批示：答复保安管理支队的请示，同意（附批示）或退回修改（须写明原因）' })
  approveActivity(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('approved') approved: boolean,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return ctx.services.activities.approve(actorOf(ctx), id, approved, note, expectedVersion);
  }

  @Authorized(...ACTIVITY_CANCELLERS)
  @Mutation(() => ActivityType, { description: '取消活动（须写明原因）' })
  cancelActivity(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return ctx.services.activities.cancel(actorOf(ctx), id, reason, expectedVersion);
  }

  /** The recommendation's comment names the candidates: a company reads it without them (`transitionCommentFor`); officers are named to the police only (`actorLabelFor`). */
  @FieldResolver(() => [ActivityTransitionType], { description: '台账：全部状态变更' })
  async transitions(@Root() a: ActivityType, @Ctx() ctx: AppContext) {
    const actor = actorOf(ctx);
    const rows = await ctx.loaders.activityTransitions.load(a.id);
    if (isPolice(actor)) return rows;
    return rows.map((t) => ({ ...t, comment: transitionCommentFor(actor, t), actorName: actorLabelFor(actor, t.actorName) }));
  }

  /** The note names every qualified company: not for a company (`seesCandidates`). */
  @FieldResolver(() => String, { nullable: true, description: '推荐不足3家的书面说明' })
  recommendationJustification(@Root() a: ActivityType, @Ctx() ctx: AppContext): string | null {
    return seesCandidates(actorOf(ctx)) ? a.recommendationJustification : null;
  }

  @FieldResolver(() => [ActivityWarningType])
  async warnings(@Root() a: ActivityType, @Ctx() ctx: AppContext): Promise<ActivityWarningType[]> {
    // The shortfall warning quotes the written note, which names every qualified company.
    const shown = seesCandidates(actorOf(ctx)) ? a.warnings : a.warnings.filter((w) => w.code !== 'RECOMMENDATION_SHORTFALL');
    const lapse = await selectedCompanyWarning(a, ctx);
    return lapse ? [...shown, lapse] : shown;
  }

  /** That fewer than 3 were recommended tells a company it had few or no rivals: not for a company (`seesCandidates`). */
  @FieldResolver(() => Boolean, { description: '推荐候选不足3家（附书面说明）；保安服务公司看到 false' })
  recommendationShortfall(@Root() a: ActivityType, @Ctx() ctx: AppContext): boolean {
    return seesCandidates(actorOf(ctx)) && a.recommendationShortfall;
  }

  @FieldResolver(() => String, { nullable: true, description: '批示人（单位）' })
  async approvedByName(@Root() a: ActivityType, @Ctx() ctx: AppContext) {
    // the leader's name for the police; the organizer and the company read the unit (common/actor.ts)
    return a.approvedBy ? actorLabelFor(actorOf(ctx), await ctx.loaders.userLabel.load(a.approvedBy)) : null;
  }

  @FieldResolver(() => [InstructionRequestType], { description: '请示与批示：公安机关内部往来，主办单位和保安服务公司不可见' })
  async instructionRequests(@Root() a: ActivityType, @Ctx() ctx: AppContext): Promise<InstructionRequestType[]> {
    if (!seesInstructionRequests(actorOf(ctx))) return [];
    const rows = await ctx.loaders.instructionRequests.load(a.id);
    return Promise.all(rows.map((r: InstructionRequestEntity) => this.requestType(r, ctx)));
  }

  private async requestType(r: InstructionRequestEntity, ctx: AppContext): Promise<InstructionRequestType> {
    const [requestedByName, answeredByName] = await Promise.all([
      ctx.loaders.userLabel.load(r.requestedBy),
      r.answeredBy ? ctx.loaders.userLabel.load(r.answeredBy) : null,
    ]);
    return {
      id: r.id,
      requestedAt: r.requestedAt,
      requestedByName: requestedByName ?? '',
      assessment: r.assessment as InstructionRequestType['assessment'],
      answeredAt: r.answeredAt,
      answeredByName,
      approved: r.approved,
      answer: r.answer,
    };
  }

  @FieldResolver(() => UnitType, { nullable: true, description: '主办单位（系统内单位）' })
  organizerUnit(@Root() a: ActivityType, @Ctx() ctx: AppContext) {
    return a.organizerUnitId ? ctx.loaders.unit.load(a.organizerUnitId) : null;
  }

  @FieldResolver(() => UnitType, { nullable: true, description: '登记单位' })
  reporterUnit(@Root() a: ActivityType, @Ctx() ctx: AppContext) {
    return a.reporterUnitRow ?? ctx.loaders.unit.load(a.reporterUnitId);
  }

  @FieldResolver(() => ActivityCompanyRef, { nullable: true, description: '中选的保安服务公司' })
  selectedCompany(@Root() a: ActivityType, @Ctx() ctx: AppContext) {
    if (!a.selectedCompanyId) return null;
    const ref = (name: string | null) => (name ? { id: a.selectedCompanyId!, name } : null);
    // A list joined the name: answered at once, not through a promise per row.
    if (a.selectedCompanyName !== undefined) return ref(a.selectedCompanyName);
    return ctx.loaders.companyName.load(a.selectedCompanyId).then(ref);
  }

  @FieldResolver(() => [CandidateType], { description: '已推荐的候选公司（保安服务公司不可见）' })
  async candidates(@Root() a: ActivityType, @Ctx() ctx: AppContext): Promise<CandidateType[]> {
    if (!seesCandidates(actorOf(ctx))) return [];
    const rows = await ctx.loaders.activityCandidates.load(a.id);
    return rows.map((c) => ({
      activityId: c.activityId,
      companyId: c.companyId,
      companyName: (c.scoreParts as { companyName: string }).companyName,
      rank: c.rank,
      score: Number(c.score),
      quote: c.quote === null ? null : Number(c.quote),
      quoteNote: c.quoteNote,
      quotedAt: c.quotedAt,
      selected: a.selectedCompanyId === c.companyId,
    }));
  }
}
