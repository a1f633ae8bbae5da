import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { NotificationPage } from './notifications.types';

@Resolver()
export class NotificationsResolver {
  @Authorized()
  @Query(() => NotificationPage, { description: '本单位的站内通知' })
  notifications(
    @Ctx() ctx: AppContext,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.notifications.list(actorOf(ctx), unreadOnly, page);
  }

  @Authorized()
  @Query(() => Int, { description: '未读通知数' })
  unreadNotificationCount(@Ctx() ctx: AppContext) {
    return ctx.services.notifications.unreadCount(actorOf(ctx));
  }

  @Authorized()
  @Mutation(() => Int, { description: '标为已读；不传 ids 时全部标为已读。返回标记的条数' })
  markNotificationsRead(@Ctx() ctx: AppContext, @Arg('ids', () => [ID], { defaultValue: [] }) ids: string[]) {
    return ctx.services.notifications.markRead(actorOf(ctx), ids);
  }
}
