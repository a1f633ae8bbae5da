import { Role } from '@evs/schema';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { CreateUserInput, UserAccountPage, UserAccountType } from './users.types';

@Resolver(() => UserAccountType)
export class UsersResolver {
  @Authorized(Role.ADMIN)
  @Query(() => UserAccountPage, { description: '用户账号（系统管理员）' })
  users(
    @Ctx() ctx: AppContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('role', () => Role, { nullable: true }) role?: Role,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.users.list({ search, role }, page);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserAccountType, { description: '新建账号：角色须与单位类型一致，首次登录须修改密码' })
  createUser(@Ctx() ctx: AppContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return ctx.services.users.create(actorOf(ctx), input, ctx.requestId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserAccountType, { description: '启用或停用账号；停用即结束其全部会话' })
  setUserActive(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('active') active: boolean) {
    return ctx.services.users.setActive(actorOf(ctx), id, active, ctx.requestId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserAccountType, { description: '重置密码：解除锁定，结束其全部会话，下次登录须修改' })
  resetUserPassword(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('newPassword') newPassword: string) {
    return ctx.services.users.resetPassword(actorOf(ctx), id, newPassword, ctx.requestId);
  }
}
