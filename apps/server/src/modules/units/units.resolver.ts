import { District, UnitKind } from '@evs/schema';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { UnitType } from '../auth/auth.types';
import { UserAccountType } from '../users/users.types';
import { ACCOUNT_ISSUERS, UNIT_ADMINISTRATORS, UNIT_CREATORS } from './onboarding.policy';
import { UnitEntity } from './unit.entity';
import { CreateUnitInput, IssuedAccountType, NewAccountInput, UnitColleagueType, UnitMergeType, UnitOnboardingType } from './units.types';

@Resolver(() => UnitType)
export class UnitsResolver {
  @Authorized()
  @Query(() => [UnitType], { description: '单位：公安机关各角色和系统管理员可见全部单位，主办单位和保安服务公司只见本单位；默认只列启用的单位' })
  units(
    @Ctx() ctx: AppContext,
    @Arg('kind', () => UnitKind, { nullable: true }) kind?: UnitKind,
    @Arg('district', () => District, { nullable: true }) district?: District,
    @Arg('search', () => String, { nullable: true, description: '按名称或统一社会信用代码搜索' }) search?: string,
    @Arg('includeInactive', { defaultValue: false, description: '含已停用、已合并的单位' }) includeInactive?: boolean,
  ) {
    return ctx.services.units.list(actorOf(ctx), { kind, district, search, includeInactive });
  }

  @Authorized(...UNIT_CREATORS)
  @Mutation(() => UnitOnboardingType, {
    description:
      '新建单位并可同时为联系人开设账号（初始密码由系统生成，只在本次返回）。系统管理员可建任何类型；' +
      '大型活动安全保卫支队可建主办单位；县区公安局只能建本辖区的主办单位（须同时开设账号）。',
  })
  createUnit(@Ctx() ctx: AppContext, @Arg('input', () => CreateUnitInput) input: CreateUnitInput) {
    return ctx.services.onboarding.createUnit(actorOf(ctx), input);
  }

  @Authorized(...ACCOUNT_ISSUERS)
  @Mutation(() => IssuedAccountType, {
    description:
      '为单位增开账号（一次性初始密码只在本次返回，首次登录须修改）。系统管理员：任何单位；保安管理支队：保安服务公司；' +
      '大型活动安全保卫支队：主办单位；县区公安局：本辖区或在本辖区办活动的主办单位。',
  })
  issueUnitAccount(@Ctx() ctx: AppContext, @Arg('unitId', () => ID) unitId: string, @Arg('input', () => NewAccountInput) input: NewAccountInput) {
    return ctx.services.onboarding.issueAccount(actorOf(ctx), unitId, input);
  }

  /** Who acts in the unit's name, and who opened each account (review 8-B F4: an account opened by the police was invisible to its unit). */
  @Authorized()
  @Query(() => [UnitColleagueType], { description: '本单位的全部账号：用户名、使用人、角色、状态、开设时间与开设人' })
  myUnitAccounts(@Ctx() ctx: AppContext) {
    return ctx.services.onboarding.colleaguesOf(actorOf(ctx));
  }

  @Authorized(...ACCOUNT_ISSUERS)
  @Query(() => [UserAccountType], { description: '一个单位的账号（可为其开设账号的角色可查）' })
  unitAccounts(@Ctx() ctx: AppContext, @Arg('unitId', () => ID) unitId: string) {
    return ctx.services.onboarding.accountsOf(actorOf(ctx), unitId);
  }

  @Authorized(...UNIT_ADMINISTRATORS)
  @Mutation(() => UnitType, { description: '停用或启用单位：停用时其账号立即退出且不能登录（有未结束的活动需要它时拒绝）；须写明原因' })
  setUnitActive(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ) {
    return ctx.services.onboarding.setActive(actorOf(ctx), id, active, reason);
  }

  @Authorized(...UNIT_ADMINISTRATORS)
  @Mutation(() => UnitMergeType, { description: '合并重复的主办单位：账号、活动、通知和自招保安员名册并入保留的单位，一次完成并记入审计' })
  mergeOrganizerUnits(@Ctx() ctx: AppContext, @Arg('sourceId', () => ID) sourceId: string, @Arg('targetId', () => ID) targetId: string) {
    return ctx.services.onboarding.mergeOrganizers(actorOf(ctx), sourceId, targetId);
  }

  @Authorized(...ACCOUNT_ISSUERS)
  @FieldResolver(() => Int, { description: '账号数（含停用的账号）' })
  accountCount(@Ctx() ctx: AppContext, @Root() unit: UnitEntity) {
    return ctx.loaders.unitAccountCount.load(unit.id);
  }
}
