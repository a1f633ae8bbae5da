import { Role } from '@evs/schema';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { UserEntity } from '../auth/user.entity';
import { ACCOUNT_MANAGERS } from './users.policy';
import { CreateUserInput, UserAccountPage, UserAccountType } from './users.types';

@Resolver(() => UserAccountType)
export class UsersResolver {
  @Authorized(...ACCOUNT_MANAGERS)
  @Query(() => UserAccountPage, { description: '用户账号（系统管理员管理；安全审计员查阅）' })
  users(
    @Ctx() ctx: AppContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('role', () => Role, { nullable: true }) role?: Role,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.users.list({ search, role }, page);
  }

  @Authorized(...ACCOUNT_MANAGERS)
  @Mutation(() => UserAccountType, { description: '新建账号：角色须与单位类型一致，首次登录须修改密码（三员分立：审计员账号只能由审计员新建）' })
  createUser(@Ctx() ctx: AppContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return ctx.services.users.create(actorOf(ctx), input);
  }

  @Authorized(...ACCOUNT_MANAGERS)
  @Mutation(() => UserAccountType, { description: '启用或停用账号；停用即结束其全部会话' })
  setUserActive(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('active') active: boolean) {
    return ctx.services.users.setActive(actorOf(ctx), id, active);
  }

  @Authorized(...ACCOUNT_MANAGERS)
  @Mutation(() => UserAccountType, { description: '重置密码：解除锁定，结束其全部会话，下次登录须修改' })
  resetUserPassword(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('newPassword') newPassword: string) {
    return ctx.services.users.resetPassword(actorOf(ctx), id, newPassword);
  }

  @FieldResolver(() => Boolean)
  totpEnabled(@Root() user: UserEntity): boolean {
    return user.totpSecret !== null;
  }

  @FieldResolver(() => Boolean)
  async passwordExpired(@Root() user: UserEntity, @Ctx() ctx: AppContext): Promise<boolean> {
    const policy = await ctx.loaders.securityPolicy();
    return user.passwordChangedAt.getTime() < Date.now() - policy.passwordMaxAgeDays * 86_400_000;
  }

  @FieldResolver(() => Boolean)
  async mustEnrolTotp(@Root() user: UserEntity, @Ctx() ctx: AppContext): Promise<boolean> {
    return (await ctx.loaders.securityPolicy()).totpRequired(user.role) && user.totpSecret === null;
  }
}
