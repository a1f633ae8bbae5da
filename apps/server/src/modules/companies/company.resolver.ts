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

  @FieldResolver(() => Float)
  registeredCapital(@Root() c: CompanyEntity) {
    return Number(c.registeredCapital);
  }

  @FieldResolver(() => Boolean, { description: '许可证今日有效' })
  licenseValid(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return c.licenseExpiry >= todayBy(ctx.services.config.clock);
  }

  @FieldResolver(() => Int, { description: '许可证剩余天数（已过期为负数）' })
  licenseDaysLeft(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return daysBetween(todayBy(ctx.services.config.clock), c.licenseExpiry);
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

  @FieldResolver(() => Int, { description: '已服务并总结的大型活动数' })
  async activitiesServed(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.companyFigures.load(c.id)).activitiesServed;
  }

  @FieldResolver(() => Float, { description: '每百名上岗保安员的现场问题数（尚无数据为0）' })
  async findingsRate(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.companyPerformance.load(c.id)).findingsPer100 ?? 0;
  }

  @FieldResolver(() => CompanyPerformanceType, { description: '以往表现及其得分的各组成部分' })
  performance(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return ctx.loaders.companyPerformance.load(c.id);
  }

  @FieldResolver(() => Float, { description: '表现得分（0–100），算法见 CompanyPerformance' })
  async performanceScore(@Root() c: CompanyEntity, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.companyPerformance.load(c.id)).score;
  }
}
