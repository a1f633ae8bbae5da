import { ageOn, maskIdNumber } from '@evs/schema';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { isIsoDate, todayBy } from '../../common/calendar';
import { badInput } from '../../common/errors';
import { PageInput } from '../../common/pagination';
import { selectedFields } from '../../common/selection';
import { CompanyType } from '../companies/company.types';
import { ImportResultType } from '../records/records.types';
import { eligibilityProblems } from './eligibility';
import { GuardEntity } from './guard.entity';
import { relativesVersion } from './guard.service';
import { CreateGuardInput, GuardFilterInput, GuardInput, ImportGuardsInput, RelativeInput } from './guard.inputs';
import {
  EVERY_REGISTER_KEEPERS,
  GUARD_IMPORT_ROLES,
  GUARD_LIST_ROLES,
  GUARD_MANAGER_ROLES,
  GUARD_READER_ROLES,
  assertMayAskEligibilityOn,
  keepsRegister,
  managesEveryRegister,
  revocationsShownOn,
  seesBirthDate,
  seesFullIdNumbers,
  seesGuardParticulars,
  seesRelatives,
  seesCancelledRevocations,
  seesRevocationReasons,
} from './guard.policy';
import { relativesDeclaration } from '../vetting/suggestion';
import { CertificateRevocationType, EligibilityProblemType, GuardPage, GuardRelativeType, GuardType } from './guard.types';
import { CertificateRevocationEntity } from './revocation.entity';
import { ANONYMISED } from '../privacy/anonymised';
import { rosterLockMessage } from './identity-lock';

@Resolver(() => GuardType)
export class GuardResolver {
  @Authorized(...GUARD_LIST_ROLES)
  @Query(() => GuardPage, { description: '保安员名册（保安服务公司只见本公司，自招保安单位只见本单位名册）' })
  guards(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => GuardFilterInput, { nullable: true }) filter: GuardFilterInput | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.guards.list(actorOf(ctx), filter ?? {}, page, selectedFields(info, 'items'));
  }

  @Authorized(...GUARD_READER_ROLES)
  @Query(() => GuardType, { description: '一名保安员' })
  guard(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return ctx.services.guards.get(actorOf(ctx), id);
  }

  @Authorized(...GUARD_MANAGER_ROLES)
  @Mutation(() => GuardType, { description: '登记保安员（保安服务公司登记本公司，自招保安单位登记本单位名册；保安管理支队须指定公司）' })
  createGuard(@Ctx() ctx: AppContext, @Arg('input', () => CreateGuardInput) input: CreateGuardInput) {
    return ctx.services.guards.create(actorOf(ctx), input);
  }

  @Authorized(...GUARD_MANAGER_ROLES)
  @Mutation(() => GuardType, { description: '修改保安员登记信息' })
  updateGuard(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => GuardInput) input: GuardInput,
    @Arg('expectedUpdatedAt', () => Date, {
      nullable: true,
      description: '打开表单时保安员的 updatedAt：其间他人已修改登记信息时答 CONFLICT，不覆盖（不传则不核对；内容未变的重复提交照常无操作）',
    })
    expectedUpdatedAt?: Date | null,
  ) {
    return ctx.services.guards.update(actorOf(ctx), id, input, expectedUpdatedAt);
  }

  @Authorized(...GUARD_MANAGER_ROLES)
  @Mutation(() => GuardType, { description: '登记保安员的直系亲属（整体替换）' })
  setGuardRelatives(
    @Ctx() ctx: AppContext,
    @Arg('guardId', () => ID) guardId: string,
    @Arg('relatives', () => [RelativeInput]) relatives: RelativeInput[],
    @Arg('statement', () => String, { nullable: true, description: '未登记父亲或母亲的原因（如已故、不详）；不传为不变，传空串为撤回' })
    statement?: string | null,
    @Arg('expectedVersion', () => String, {
      nullable: true,
      description: '打开表单时保安员的 relativesVersion：其间他人已修改直系亲属时答 CONFLICT，不覆盖（不传则不核对）',
    })
    expectedVersion?: string | null,
  ) {
    return ctx.services.guards.setRelatives(actorOf(ctx), guardId, relatives, statement, expectedVersion);
  }

  @Authorized(...GUARD_IMPORT_ROLES)
  @Mutation(() => ImportResultType, {
    description:
      '从 .xlsx 或 .csv 批量导入保安员（模板：GET /templates/guards.xlsx）。PREVIEW 列出每一个问题行（行号、列、原因），不保存；' +
      'COMMIT 在一个事务内保存全部行（有任何问题行时一行也不保存），按身份证号在本单位名册内更新，重复导入不产生重复。自招保安单位（主办单位）导入时自动建立本单位名册。',
  })
  importGuards(@Ctx() ctx: AppContext, @Arg('input', () => ImportGuardsInput) input: ImportGuardsInput) {
    return ctx.services.guardImport.importGuards(actorOf(ctx), input);
  }

  @Authorized(...GUARD_MANAGER_ROLES)
  @Mutation(() => GuardType, { description: '保安员离职（记录保留）' })
  guardLeaves(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('date') date: string) {
    return ctx.services.guards.leave(actorOf(ctx), id, date);
  }

  @Authorized(...EVERY_REGISTER_KEEPERS)
  @Mutation(() => GuardType, { description: '保安员调转至另一公司（保安管理支队）：原记录离职，新公司开立在职记录，历史保留' })
  transferGuard(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('toCompanyId', () => ID) toCompanyId: string,
    @Arg('date') date: string,
  ) {
    return ctx.services.guards.transfer(actorOf(ctx), id, toCompanyId, date);
  }

  @Authorized(...EVERY_REGISTER_KEEPERS)
  @Mutation(() => CertificateRevocationType, {
    description:
      '记录吊销保安员证（保安管理支队）；条例第十七条据此排除（3年内，或吊销过两张不同的证）。' +
      '同一人此前被吊销后未取得新证的（同一证号，或现证发证日期不晚于上次吊销日期）拒绝为 CONFLICT：日期或原因有误请更正原记录（correctCertificateRevocation）',
  })
  recordCertificateRevocation(
    @Ctx() ctx: AppContext,
    @Arg('idNumber') idNumber: string,
    @Arg('date') date: string,
    @Arg('reason') reason: string,
    @Arg('certificateNo', () => String, { nullable: true, description: '被吊销的保安员证号；不传为该人员名册记录中当日持有的证号' })
    certificateNo?: string | null,
  ) {
    return ctx.services.guards.recordRevocation(actorOf(ctx), idNumber, date, reason, certificateNo);
  }

  @Authorized(...EVERY_REGISTER_KEEPERS)
  @Mutation(() => CertificateRevocationType, {
    description:
      '更正吊销记录的日期、原因或证号（保安管理支队），须写明更正说明；日期不能晚于今天、不能早于该证发证日期。重复提交同样的内容不产生新的记录',
  })
  correctCertificateRevocation(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('date') date: string,
    @Arg('reason') reason: string,
    @Arg('note', { description: '更正说明：为何更正' }) note: string,
    @Arg('certificateNo', () => String, { nullable: true, description: '被吊销的保安员证号；不传为不变' }) certificateNo?: string | null,
  ) {
    return ctx.services.guards.correctRevocation(actorOf(ctx), id, { date, reason, note, certificateNo });
  }

  @Authorized(...EVERY_REGISTER_KEEPERS)
  @Mutation(() => CertificateRevocationType, {
    description: '撤销录入错误的吊销记录（保安管理支队），须写明原因：记录保留，不再计入条例第十七条；已撤销的再次提交不产生新的记录',
  })
  cancelCertificateRevocation(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Arg('reason', { description: '撤销原因' }) reason: string) {
    return ctx.services.guards.cancelRevocation(actorOf(ctx), id, reason);
  }

  @FieldResolver(() => String, { description: '身份证号（保安管理支队以外脱敏；保存期满匿名化的离职记录为“已匿名”）' })
  idNumber(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    if (g.idNumber === null) return ANONYMISED;
    if (!seesFullIdNumbers(ctx.actor)) return maskIdNumber(g.idNumber);
    // A whole number is an audited read: one READ_DETAIL entry for the request (audit.http.ts).
    ctx.idNumberReads.note('Guard', g.id);
    return g.idNumber;
  }

  @FieldResolver(() => Int, { description: '今日年龄' })
  age(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    return ageOn(g.birthDate, todayBy(ctx.services.config.clock));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '出生日期（由身份证号得出）：即脱敏身份证号隐去的部分，仅保安管理支队可见；其他角色为 null（见 age）',
  })
  birthDate(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    return seesBirthDate(ctx.actor) ? g.birthDate : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '手机号（主办单位只见本单位自招名册的）' })
  phone(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    return seesGuardParticulars(ctx.actor, g) ? g.phone : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '照片（data URL；主办单位只见本单位自招名册的）' })
  photo(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    if (!seesGuardParticulars(ctx.actor, g)) return null;
    // A list reads its rows without their photos (up to 300 KB each); one statement for those asked for.
    return g.photo !== undefined ? g.photo : ctx.loaders.guardPhoto.load(g.id);
  }

  @FieldResolver(() => CompanyType, { description: '所属保安服务公司' })
  async company(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    return ctx.loaders.companyById.load(g.companyId);
  }

  @FieldResolver(() => [GuardRelativeType], {
    nullable: true,
    description: '直系亲属：仅保安管理支队可见（每次查阅记入审计日志 READ_DETAIL）；其他角色得到 null，不含任何亲属数据',
  })
  async relatives(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    if (!ctx.actor || !seesRelatives(ctx.actor)) return null;
    return ctx.loaders.relatives.load({ guardId: g.id, actor: ctx.actor });
  }

  @FieldResolver(() => Int, { nullable: true, description: '已登记的直系亲属人数（主办单位只见本单位自招名册的）' })
  relativeCount(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    return seesGuardParticulars(ctx.actor, g) ? ctx.loaders.relativeCount.load(g.id) : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '直系亲属是否已申报：父母均已登记，或已说明未登记的原因（未申报的人员不会被建议通过；主办单位只见本单位自招名册的）',
  })
  async relativesDeclared(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    if (!seesGuardParticulars(ctx.actor, g)) return null;
    const relations = await ctx.loaders.relativeRelations.load(g.id);
    return relativesDeclaration(relations, g.relativesStatement).declared;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '直系亲属（及未登记说明）的版本：修改直系亲属时作为 expectedVersion 带回，防止覆盖他人其间的修改；不含任何亲属数据。' +
      '保安管理支队和名册的维护者可见',
  })
  async relativesVersion(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    const a = ctx.actor;
    if (!(seesRelatives(a) || keepsRegister(a, g.companyId))) return null;
    return relativesVersion(await ctx.loaders.relativeRowIds.load(g.id), g.relativesStatement);
  }

  @FieldResolver(() => String, { nullable: true, description: '未登记父亲或母亲的原因：保安管理支队和名册的维护者（所属公司、自招单位）可见' })
  relativesStatement(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    const a = ctx.actor;
    const keeper = seesRelatives(a) || keepsRegister(a, g.companyId);
    return keeper ? g.relativesStatement : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '在未结束活动的名单上时（审核中至活动进行中），哪些登记项不能修改以及如何更正；不在名单上为 null。只有名册的维护者（所属公司、自招单位、保安管理支队）看到',
  })
  async rosterLock(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    const a = ctx.actor;
    if (!managesEveryRegister(a) && !keepsRegister(a, g.companyId)) return null;
    const open = await ctx.loaders.openRoster.load(g.id);
    return open ? rosterLockMessage(open) : null;
  }

  // A former employer's LEFT record lists only what was dated and recorded by the leaving day (review 11-A F3).
  @FieldResolver(() => [CertificateRevocationType], {
    description: '本人保安员证吊销记录（按身份证号，跨公司；主办单位除本单位自招名册外为空）；已撤销（录入错误）的只有保安管理支队看到',
  })
  async revocations(@Root() g: GuardEntity, @Ctx() ctx: AppContext) {
    if (!seesGuardParticulars(ctx.actor, g)) return [];
    const all = await this.personRevocations(g, ctx);
    return seesCancelledRevocations(ctx.actor) ? all : all.filter((r) => !r.cancelledAt);
  }

  /**
   * The person's revocations (by ID number, across registers) as this record shows them to the reader: a
   * former employer's as of the leaving day. Cancelled ones too (`revocations` and eligibility filter them).
   */
  private async personRevocations(g: GuardEntity, ctx: AppContext): Promise<CertificateRevocationEntity[]> {
    if (!g.idNumberHash) return [];
    return revocationsShownOn(ctx.actor, g, await ctx.loaders.revocationsByIdHash.load(g.idNumberHash.toString('hex')));
  }

  @FieldResolver(() => [EligibilityProblemType], {
    description: '该日（默认今日）不符合上岗条件的各项原因（条例第十六、十七条及本地年龄上限）；为空表示符合',
  })
  async eligibilityProblems(
    @Root() g: GuardEntity,
    @Ctx() ctx: AppContext,
    @Arg('onDate', () => String, { nullable: true, description: '默认今日；保安管理支队以外只能是今日（其他日期可推算出生日期）' }) onDate?: string | null,
  ) {
    if (!seesGuardParticulars(ctx.actor, g)) return [];
    const date = onDate ?? todayBy(ctx.services.config.clock);
    if (!isIsoDate(date)) throw badInput('日期格式应为 YYYY-MM-DD', [{ field: 'onDate', message: '日期格式应为 YYYY-MM-DD' }]);
    assertMayAskEligibilityOn(ctx.actor, date, todayBy(ctx.services.config.clock), 'onDate');
    const [revocations, limits] = await Promise.all([
      this.personRevocations(g, ctx),
      ctx.services.guards.limits(), // the request's copy of the settings: no statement
    ]);
    return eligibilityProblems(g, revocations.filter((r) => !r.cancelledAt), date, limits);
  }
}

@Resolver(() => CertificateRevocationType)
export class CertificateRevocationResolver {
  @FieldResolver(() => String)
  idNumber(@Root() r: CertificateRevocationEntity, @Ctx() ctx: AppContext) {
    if (!seesFullIdNumbers(ctx.actor)) return maskIdNumber(r.idNumber);
    ctx.idNumberReads.note('CertificateRevocation', r.id);
    return r.idNumber;
  }

  @FieldResolver(() => String, { nullable: true, description: '吊销原因：仅保安管理支队可见，其他角色为 null' })
  reason(@Root() r: CertificateRevocationEntity, @Ctx() ctx: AppContext) {
    return seesRevocationReasons(ctx.actor) ? r.reason : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '最近一次更正的说明：仅保安管理支队可见，其他角色为 null' })
  correctionNote(@Root() r: CertificateRevocationEntity, @Ctx() ctx: AppContext) {
    return seesRevocationReasons(ctx.actor) ? r.correctionNote : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '撤销原因：仅保安管理支队可见，其他角色为 null' })
  cancelReason(@Root() r: CertificateRevocationEntity, @Ctx() ctx: AppContext) {
    return seesRevocationReasons(ctx.actor) ? r.cancelReason : null;
  }
}
