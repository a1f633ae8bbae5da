import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { NOTICE_ISSUERS, SUPERVISION_PARTIES } from './supervision.policy';
import { OverdueUnitType, SupervisionNoticeFilter, SupervisionNoticeInput, SupervisionNoticePage, SupervisionNoticeType } from './supervision.types';

@Resolver()
export class SupervisionResolver {
  @Authorized(...SUPERVISION_PARTIES)
  @Query(() => [OverdueUnitType], { description: '逾期事项，按责任单位分组（领导小组和办公室看全部单位，其他单位看本单位）' })
  overdueByUnit(@Ctx() ctx: AppContext) {
    return ctx.services.supervision.overdueByUnit(actorOf(ctx));
  }

  @Authorized(...SUPERVISION_PARTIES)
  @Query(() => SupervisionNoticePage, { description: '督办通知（领导小组和办公室看全部，其他单位看发给本单位的）' })
  supervisionNotices(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => SupervisionNoticeFilter, { nullable: true }) filter?: SupervisionNoticeFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.supervision.notices(actorOf(ctx), filter ?? {}, page);
  }

  @Authorized(...NOTICE_ISSUERS)
  @Mutation(() => SupervisionNoticeType, { description: '发出督办通知：要求活动当前阶段的责任单位限期答复' })
  issueSupervisionNotice(@Ctx() ctx: AppContext, @Arg('input', () => SupervisionNoticeInput) input: SupervisionNoticeInput) {
    return ctx.services.supervision.issue(actorOf(ctx), input);
  }

  @Authorized(...SUPERVISION_PARTIES)
  @Mutation(() => SupervisionNoticeType, { description: '责任单位答复督办通知' })
  answerSupervisionNotice(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('answer') answer: string) {
    return ctx.services.supervision.answer(actorOf(ctx), id, answer);
  }

  @Authorized(...NOTICE_ISSUERS)
  @Mutation(() => SupervisionNoticeType, { description: '办结督办通知（记录办结情况）' })
  closeSupervisionNotice(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('outcome') outcome: string) {
    return ctx.services.supervision.close(actorOf(ctx), id, outcome);
  }
}
