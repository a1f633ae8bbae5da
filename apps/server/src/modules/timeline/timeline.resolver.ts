import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { ActivityTimelineType } from './timeline.types';

@Resolver()
export class TimelineResolver {
  @Authorized()
  @Query(() => ActivityTimelineType, { description: '活动台账：状态变更、推荐、审核决定、培训、检查问题与纠正，含操作人与时间' })
  activityTimeline(@Ctx() ctx: AppContext, @Arg('activityId', () => ID) activityId: string) {
    return ctx.services.timeline.timeline(actorOf(ctx), activityId);
  }
}
