import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { ActivityType } from '../activities/activity.types';
import { deadlinesOf, DeadlineSubject } from './deadlines';
import { WORK_QUEUE_READERS } from './deadlines.policy';
import { ActivityDeadlinesType, WorkItemPage } from './deadlines.types';

@Resolver(() => ActivityType)
export class ActivityDeadlinesResolver {
  @FieldResolver(() => ActivityDeadlinesType, { description: '距开始天数与各阶段截止情况（按设置）' })
  async deadlines(@Root() activity: ActivityType, @Ctx() ctx: AppContext): Promise<ActivityDeadlinesType> {
    const company = activity.selectedCompanyId ? await ctx.loaders.companyName.load(activity.selectedCompanyId) : null;
    return deadlinesOf(activity as unknown as DeadlineSubject, await ctx.loaders.settings(), ctx.services.config.clock.now(), company);
  }
}

@Resolver()
export class WorkQueueResolver {
  @Authorized(...WORK_QUEUE_READERS)
  @Query(() => WorkItemPage, { description: '保安管理支队待办：待请示、待推荐、待审核、待培训、待开始、待总结，按截止日期排序' })
  workQueue(@Ctx() ctx: AppContext, @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) {
    return ctx.services.deadlines.workQueue(page);
  }
}
