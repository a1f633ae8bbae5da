import { CompanyStatus } from '@evs/schema';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { daysBetween, todayBy } from '../../common/calendar';
import { PageInput } from '../../common/pagination';
import { selectedFields } from '../../common/selection';
import { CompanyEntity } from './company.entity';
import type { CompanyRow } from './company.service';
import { CompanyFilterInput, CompanyInput, CompanyProfileInput, CompanySortInput, CreateCompanyInput } from './company.inputs';
import { FileInput, ImportMode, ImportResultType } from '../records/records.types';
import { COMPANY_PROFILE_EDITORS, COMPANY_READER_ROLES, COMPANY_REGISTER_KEEPERS } from './company.policy';
import { AgeProfileType, CompanyPage, CompanyPerformanceType, CompanyType } from './company.types';
import { isSecurityCompanyUnit } from './own-register';

/**
 * Is the row a self-recruiting organizer's own register, no 保安服务公司 (`own-register.ts`)? What the
 * read already knew (`CompanyRow.selfRecruitedRegister`), else its unit's kind (one batched look-up).
 */
async function isOwnRegister(c: CompanyRow, ctx: AppContext): Promise<boolean> {
  if (c.selfRecruitedRegister !== undefined) return c.selfRecruitedRegister;
  return !isSecurityCompanyUnit((await ctx.loaders.unit.load(c.id))?.kind);
}

/**
 * A figure of a 保安服务公司 that an organizer's register does not have: its licence, capital and
 * credit code are placeholders (`ensureOwnRegister`: 9999-12-31, ¥0, "SELF-…") and it is never a
 * candidate, so the figures that rank candidates (performance, activities served as the selected
 * company) mean nothing there. Null rather than a made-up value the police would read as real.
 */
async function unlessOwnRegister<T>(c: CompanyRow, ctx: AppContext, value: () => T | Promise<T>): Promise<T | null> {
  return (await isOwnRegister(c, ctx)) ? null : value();
}

@Resolver(() => CompanyType)
export class CompanyResolver {
  @Authorized(...COMPANY_READER_ROLES)
  @Query(() => CompanyPage, { description: '保安服务公司名册（保安服务公司账号只见本公司）' })
  companies(
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => CompanyFilterInput, { nullable: true }) filter?: CompanyFilterInput,
    @Arg('sort', () => CompanySortInput, { nullable: true }) sort?: CompanySortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    const guardsOnRegister = selectedFields(info, 'items').has('guardsOnRegister');
    return ctx.services.companies.list(actorOf(ctx), { filter, sort, page }, { guardsOnRegister });
  }

  @Authorized(...COMPANY_READER_ROLES)
  @Query(() => CompanyType, { description: '一家保安服务公司' })
  company(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    return ctx.services.companies.get(actorOf(ctx), id, { guardsOnRegister: selectedFields(info).has('guardsOnRegister') });
  }

  @Authorized(...COMPANY_REGISTER_KEEPERS)
  @Mutation(() => CompanyType, { description: '登记保安服务公司（保安管理支队），可同时开设公司账号' })
  createCompany(@Ctx() ctx: AppContext, @Arg('input', () => CreateCompanyInput) input: CreateCompanyInput) {
    return ctx.services.companies.create(actorOf(ctx), input);
  }

  @Authorized(...COMPANY_REGISTER_KEEPERS)
  @Mutation(() => ImportResultType, {
    description:
      '导入保安服务公司名册（保安管理支队，.xlsx/.csv，模板 GET /templates/companies.xlsx）：PREVIEW 列出全部问题行不保存；' +
      'COMMIT 在一个事务内按统一社会信用代码新增或更新，重复导入结果为未变化',
  })
  importCompanies(
    @Ctx() ctx: AppContext,
    @Arg('file', () => FileInput) file: FileInput,
    @Arg('mode', () => ImportMode) mode: ImportMode,
  ) {
    return ctx.services.companyImport.importCompanies(actorOf(ctx), file, mode);
  }

  @Authorized(...COMPANY_REGISTER_KEEPERS)
  @Mutation(() => CompanyType, { description: '修改保安服务公司登记信息（保安管理支队）' })
  updateCompany(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CompanyInput) input: CompanyInput,
    @Arg('version', () => Int, { nullable: true, description: '编辑时读到的版本号' }) version?: number,
  ) {
    return ctx.services.companies.update(actorOf(ctx), id, input, version);
  }

  @Authorized(...COMPANY_REGISTER_KEEPERS)
  @Mutation(() => CompanyType, { description: '暂停、吊销或恢复保安服务公司（保安管理支队，须说明原因）' })
  setCompanyStatus(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => CompanyStatus) status: CompanyStatus,
    @Arg('reason') reason: string,
  ) {
    return ctx.services.companies.setStatus(actorOf(ctx), id, status, reason);
  }

  @Authorized(...COMPANY_PROFILE_EDITORS)
  @Mutation(() => CompanyType, { description: '保安服务公司维护本公司住所与联系人' })
  updateCompanyProfile(@Ctx() ctx: AppContext, @Arg('input', () => CompanyProfileInput) input: CompanyProfileInput) {
    return ctx.services.companies.updateProfile(actorOf(ctx), input);
  }

  @FieldResolver(() => Boolean, { description: '是否为自招保安单位的自招名册（主办单位自行招用的保安员名册，不是保安服务公司）：是则许可证、注册资本、信用代码、表现等为 null' })
  selfRecruitedRegister(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return isOwnRegister(c, ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: '统一社会信用代码（自招名册为 null）' })
  creditCode(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, () => c.creditCode);
  }

  @FieldResolver(() => String, { nullable: true, description: '保安服务许可证号（自招名册为 null）' })
  licenseNo(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, () => c.licenseNo);
  }

  @FieldResolver(() => String, { nullable: true, description: '保安服务许可证有效期至（YYYY-MM-DD；自招名册为 null）' })
  licenseExpiry(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, () => c.licenseExpiry);
  }

  @FieldResolver(() => Float, { nullable: true, description: '注册资本（元；自招名册为 null）' })
  registeredCapital(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, () => Number(c.registeredCapital));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: '许可证今日有效（自招名册为 null）' })
  licenseValid(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, () => c.licenseExpiry >= todayBy(ctx.services.config.clock));
  }

  @FieldResolver(() => Int, { nullable: true, description: '许可证剩余天数（已过期为负数；自招名册为 null）' })
  licenseDaysLeft(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, () => daysBetween(todayBy(ctx.services.config.clock), c.licenseExpiry));
  }

  @FieldResolver(() => Int, { description: '在册（在职）保安员数' })
  async guardsOnRegister(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    // read with the company when the query asked for it there (a detail, a list); else one batch
    return c.guardsOnRegister ?? ctx.loaders.companyGuardsOnRegister.load(c.id);
  }

  @FieldResolver(() => Int, { description: '持有效保安员证的在职保安员数' })
  async guardsWithValidCertificate(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.companyFigures.load(c.id)).guardsWithValidCertificate;
  }

  @FieldResolver(() => Int, { description: '在复用期内背景审核通过的在职保安员数' })
  async guardsWithValidVetting(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.companyFigures.load(c.id)).guardsWithValidVetting;
  }

  @FieldResolver(() => AgeProfileType)
  async ageProfile(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.companyFigures.load(c.id)).ageProfile;
  }

  @FieldResolver(() => Int, { nullable: true, description: '已服务并总结的大型活动数（作为中选公司；自招名册为 null）' })
  activitiesServed(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, async () => (await ctx.loaders.companyFigures.load(c.id)).activitiesServed);
  }

  @FieldResolver(() => Float, { nullable: true, description: '每百名上岗保安员的现场问题数（尚无数据为0；自招名册为 null）' })
  findingsRate(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, async () => (await ctx.loaders.companyPerformance.load(c.id)).findingsPer100 ?? 0);
  }

  @FieldResolver(() => CompanyPerformanceType, { nullable: true, description: '以往表现及其得分的各组成部分（自招名册为 null）' })
  performance(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, () => ctx.loaders.companyPerformance.load(c.id));
  }

  @FieldResolver(() => Float, { nullable: true, description: '表现得分（0–100），算法见 CompanyPerformance（自招名册为 null）' })
  performanceScore(@Root() c: CompanyRow, @Ctx() ctx: AppContext) {
    return unlessOwnRegister(c, ctx, async () => (await ctx.loaders.companyPerformance.load(c.id)).score);
  }
}
