import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Actor } from '../../common/actor';
import { actorOf, AppContext } from '../../common/context';
import { ON_SITE_SUPERVISORS } from '../inspections/inspections.policy';
import { SettingChangeInput, SettingType } from '../settings/settings.types';
import { ACCOUNT_MANAGERS } from '../users/users.policy';
import { SECURITY_POLICY_EDITORS, SECURITY_POLICY_READERS } from './auth.policy';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, deviceToken, SESSION_COOKIE } from './auth.service';
import {
  AccountSecurityType,
  ChangePasswordInput,
  CurrentSessionType,
  LoginInput,
  MeType,
  OutboxKeyType,
  RecoveryCodesType,
  TotpEnrolmentType,
  UserSessionType,
} from './auth.types';
import { outboxKeyFor, outboxKeyVersion } from './outbox-key';
import { securitySettingDefinitions } from './security-settings';
import { keepsGuardRegister } from '../guards/guard-import.service';

async function toMe(ctx: AppContext, actor: Actor): Promise<MeType> {
  const unit = await ctx.loaders.unit.load(actor.unitId);
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    mustChangePassword: actor.mustChangePassword,
    passwordExpired: !!actor.passwordExpired,
    totpEnabled: !!actor.totpEnabled,
    mustEnrolTotp: !!actor.mustEnrolTotp,
    // The rule the register's writes enforce (one rule): the web's menu shows 自招保安员 by it.
    keepsGuardRegister: await keepsGuardRegister(ctx.dataSource.manager, actor),
    unit: unit!,
  };
}

/**
 * Whether the request's browser is a known device of `username` in good standing (its device cookie; no failure
 * since its last login, not locked): such a browser passes an address whose minute of login attempts is full
 * (common/login-gate.ts; red team 7, M2; red team 8, M1). Undefined without a cookie.
 */
function knownBrowser(ctx: AppContext, username: string): (() => Promise<boolean>) | undefined {
  const browser = deviceToken(ctx.req.cookies?.[DEVICE_COOKIE]);
  return browser ? () => ctx.services.auth.isTrustedDevice(username, browser) : undefined;
}

@Resolver()
export class AuthResolver {
  @Authorized()
  @Query(() => MeType, { description: '当前登录用户、角色和单位' })
  me(@Ctx() ctx: AppContext) {
    return toMe(ctx, actorOf(ctx));
  }

  @Mutation(() => MeType, {
    description:
      '登录；会话保存在 httpOnly Cookie 中。已启用两步验证的账号（以及部分不存在的用户名）先答复 UNAUTHENTICATED 且 extensions.secondFactor = true，' +
      '再带 code（动态验证码或恢复码）重新提交；任一项错误都只答复同一句话',
  })
  async login(@Ctx() ctx: AppContext, @Arg('input', () => LoginInput) input: LoginInput) {
    // Bounded per address and at once before anything is checked (review 8-A F1); a browser that logged in to the
    // account before passes an address whose minute is full (red team 7, M2).
    const { token, actor, expiresAt, deviceToken: device } = await ctx.services.loginGate.run(ctx.req.ip, () =>
      ctx.services.auth.login(input.username, input.password, input.code ?? undefined, {
        userAgent: ctx.req.headers['user-agent'],
        ip: ctx.req.ip,
        deviceToken: deviceToken(ctx.req.cookies?.[DEVICE_COOKIE]),
      }),
      knownBrowser(ctx, input.username),
    );
    ctx.res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.services.config.cookieSecure,
      expires: expiresAt,
      path: '/',
    });
    // The browser is a known device of the account from now on (its own failure count and lock); kept at logout.
    ctx.res.cookie(DEVICE_COOKIE, device, {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.services.config.cookieSecure,
      maxAge: DEVICE_COOKIE_DAYS * 24 * 3600_000,
      path: '/graphql',
    });
    ctx.actor = actor;
    return toMe(ctx, actor);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: '退出登录' })
  async logout(@Ctx() ctx: AppContext) {
    await ctx.services.auth.logout(actorOf(ctx), ctx.sessionToken!);
    // Cleared with the attributes it was set with (a browser keeps a Secure cookie otherwise).
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.services.config.cookieSecure });
    return true;
  }

  @Authorized()
  @Mutation(() => MeType, { description: '修改密码（首次登录或密码到期时必须修改）；规则见 passwordProblems，且不得与最近5次相同' })
  async changePassword(@Ctx() ctx: AppContext, @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput) {
    // Through the login gate: each check hashes a password while holding the account's row (code review 8 F3).
    const actor = await ctx.services.loginGate.run(
      ctx.req.ip,
      () => ctx.services.auth.changePassword(actorOf(ctx), input.currentPassword, input.newPassword, ctx.sessionToken!),
      knownBrowser(ctx, actorOf(ctx).username),
    );
    return toMe(ctx, actor);
  }

  @Authorized()
  @Query(() => CurrentSessionType, { description: '当前会话：绝对期限和空闲超时（网页据此提前一分钟提醒）' })
  currentSession(@Ctx() ctx: AppContext): CurrentSessionType {
    return { ...ctx.session!, idleTimeoutMinutes: ctx.services.auth.sessionIdleMinutes };
  }

  @Authorized(...ON_SITE_SUPERVISORS)
  @Query(() => OutboxKeyType, {
    description:
      '本账号现场检查离线待发送记录的加密密钥（仅可登记现场检查的角色）：手机以此密钥和本机随机盐派生本机密钥，' +
      '未能发送的检查记录加密保存在本机；同一账号同一版本每次登录相同，本人再次登录后可解密发送。不填版本取当前版本',
  })
  outboxKey(@Ctx() ctx: AppContext, @Arg('version', () => Int, { nullable: true, description: '密钥版本（打开旧版本加密的记录时填写）' }) version?: number | null): OutboxKeyType {
    const actor = actorOf(ctx);
    const v = outboxKeyVersion(version);
    return { userId: actor.id, version: v, key: outboxKeyFor(actor.id, v).toString('base64') };
  }

  @Authorized()
  @Query(() => [UserSessionType], { description: '本人的登录会话（设备），最近操作在前' })
  mySessions(@Ctx() ctx: AppContext) {
    return ctx.services.auth.sessions(actorOf(ctx), ctx.sessionToken!);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: '结束本人的一个会话（该设备随即退出登录）' })
  async endSession(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    await ctx.services.auth.endSession(actorOf(ctx), id);
    return true;
  }

  @Authorized()
  @Query(() => AccountSecurityType, { description: '本人账号的安全状态：密码到期、两步验证、剩余恢复码' })
  accountSecurity(@Ctx() ctx: AppContext) {
    return ctx.services.twoFactor.status(actorOf(ctx));
  }

  @Authorized()
  @Mutation(() => TotpEnrolmentType, { description: '开始绑定身份验证器：生成密钥和二维码（确认前不生效）' })
  beginTotpEnrolment(@Ctx() ctx: AppContext) {
    return ctx.services.twoFactor.begin(actorOf(ctx));
  }

  @Authorized()
  @Mutation(() => RecoveryCodesType, { description: '输入身份验证器显示的验证码完成绑定；答复10个一次性恢复码（只显示这一次）' })
  async confirmTotpEnrolment(@Ctx() ctx: AppContext, @Arg('code') code: string) {
    return { codes: await ctx.services.twoFactor.confirm(actorOf(ctx), code) };
  }

  @Authorized()
  @Mutation(() => RecoveryCodesType, { description: '重新生成恢复码（须输入当前动态验证码；原恢复码作废）' })
  async regenerateRecoveryCodes(@Ctx() ctx: AppContext, @Arg('code') code: string) {
    return {
      codes: await ctx.services.loginGate.run(
        ctx.req.ip,
        () => ctx.services.twoFactor.regenerateRecoveryCodes(actorOf(ctx), code),
        knownBrowser(ctx, actorOf(ctx).username),
      ),
    };
  }

  @Authorized()
  @Mutation(() => MeType, { description: '停用本人的两步验证（本角色不要求时；须输入密码）' })
  async disableTotp(@Ctx() ctx: AppContext, @Arg('password') password: string) {
    await ctx.services.loginGate.run(ctx.req.ip, () => ctx.services.twoFactor.disable(actorOf(ctx), password), knownBrowser(ctx, actorOf(ctx).username));
    return toMe(ctx, await ctx.services.auth.actorById(actorOf(ctx).id));
  }

  @Authorized(...ACCOUNT_MANAGERS)
  @Mutation(() => Boolean, { description: '重置账号的两步验证（手机丢失时；三员分立：审计员账号只能由审计员重置）' })
  async resetUserTotp(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    await ctx.services.twoFactor.reset(actorOf(ctx), id);
    return true;
  }

  @Authorized(...SECURITY_POLICY_READERS)
  @Query(() => [SettingType], { description: '安全策略：密码有效期、各角色是否必须启用两步验证' })
  async securitySettings(@Ctx() ctx: AppContext) {
    return ctx.services.settings.list(securitySettingDefinitions);
  }

  @Authorized(...SECURITY_POLICY_EDITORS)
  @Mutation(() => [SettingType], { description: '修改安全策略（系统管理员，记入审计日志）' })
  async updateSecuritySettings(@Ctx() ctx: AppContext, @Arg('changes', () => [SettingChangeInput]) changes: SettingChangeInput[]) {
    await ctx.services.settings.update(actorOf(ctx), changes, securitySettingDefinitions);
    return ctx.services.settings.list(securitySettingDefinitions);
  }
}
