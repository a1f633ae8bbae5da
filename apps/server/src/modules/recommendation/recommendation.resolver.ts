import { Arg, Authorized, Ctx, Float, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { ActivityType } from '../activities/activity.types';
import { COMPANY_CHOOSERS, COMPARISON_READERS, RECOMMENDERS, SUGGESTION_READERS } from './recommendation.policy';
import { CandidateComparisonType, CandidateSuggestionsType, CandidateType } from './recommendation.types';

@Resolver()
export class RecommendationResolver {
  @Authorized(...SUGGESTION_READERS)
  @Query(() => CandidateSuggestionsType, { description: '候选推荐：全部保安服务公司的资格、得分（逐项）与不具备资格的原因' })
  candidateSuggestions(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('page', () => PageInput, { nullable: true, description: '不给出时返回全部公司' }) page?: PageInput,
    @Arg('qualifiedOnly', () => Boolean, { nullable: true, defaultValue: false, description: '只列具备资格的公司' }) qualifiedOnly?: boolean,
  ) {
    return ctx.services.recommendation.suggestions(actorOf(ctx), activityId, { page, qualifiedOnly });
  }

  @Authorized(...RECOMMENDERS)
  @Mutation(() => ActivityType, { description: '推荐候选公司：不少于3家；不足3家须书面说明' })
  recommendCandidates(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('companyIds', () => [ID]) companyIds: string[],
    @Arg('justification', () => String, { nullable: true }) justification?: string,
  ) {
    return ctx.services.recommendation.recommend(actorOf(ctx), activityId, companyIds, justification);
  }

  @Authorized(...COMPARISON_READERS)
  @Query(() => CandidateComparisonType, { description: '候选比选：候选公司为列、指标为行，每行最优值标出' })
  candidateComparison(@Ctx() ctx: AppContext, @Arg('activityId', () => ID) activityId: string) {
    return ctx.services.recommendation.comparison(actorOf(ctx), activityId);
  }

  @Authorized(...COMPANY_CHOOSERS)
  @Mutation(() => CandidateType, { description: '主办单位填报候选公司报价（元）' })
  submitQuote(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('amount', () => Float) amount: number,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ) {
    return ctx.services.recommendation.submitQuote(actorOf(ctx), activityId, companyId, amount, note);
  }

  @Authorized(...COMPANY_CHOOSERS)
  @Mutation(() => ActivityType, { description: '主办单位遴选一家候选公司（须写明理由）；公安机关只推荐、不指定' })
  selectCompany(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('reason') reason: string,
  ) {
    return ctx.services.recommendation.select(actorOf(ctx), activityId, companyId, reason);
  }
}
