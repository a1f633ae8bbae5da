import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Actor, actorOf, AppContext } from '../../common/context';
import { SESSION_COOKIE } from './auth.service';
import { ChangePasswordInput, LoginInput, MeType } from './auth.types';

async function toMe(ctx: AppContext, actor: Actor): Promise<MeType> {
  const unit = await ctx.loaders.unit.load(actor.unitId);
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    mustChangePassword: actor.mustChangePassword,
    unit: unit!,
  };
}

@Resolver()
export class AuthResolver {
  @Authorized()
  @Query(() => MeType, { description: '当前登录用户、角色和单位' })
  me(@Ctx() ctx: AppContext) {
    return toMe(ctx, actorOf(ctx));
  }

  @Mutation(() => MeType, { description: '登录；会话保存在 httpOnly Cookie 中' })
  async login(@Ctx() ctx: AppContext, @Arg('input', () => LoginInput) input: LoginInput) {
    const { token, actor, expiresAt } = await ctx.services.auth.login(input.username, input.password, {
      userAgent: ctx.req.headers['user-agent'],
      ip: ctx.req.ip,
      requestId: ctx.requestId,
    });
    ctx.res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.services.config.cookieSecure,
      expires: expiresAt,
      path: '/',
    });
    ctx.actor = actor;
    return toMe(ctx, actor);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: '退出登录' })
  async logout(@Ctx() ctx: AppContext) {
    await ctx.services.auth.logout(actorOf(ctx), ctx.sessionToken!, ctx.requestId);
    // Cleared with the attributes it was set with (a browser keeps a Secure cookie otherwise).
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.services.config.cookieSecure });
    return true;
  }

  @Authorized()
  @Mutation(() => MeType, { description: '修改密码（首次登录必须修改）' })
  async changePassword(@Ctx() ctx: AppContext, @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput) {
    const actor = await ctx.services.auth.changePassword(
      actorOf(ctx),
      input.currentPassword,
      input.newPassword,
      ctx.sessionToken!,
      ctx.requestId,
    );
    return toMe(ctx, actor);
  }
}
