import { CompanyStatus, District } from '@evs/schema';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';
import { IssuedAccountType } from '../units/units.types';

@ObjectType('AgeProfile', { description: '在职保安员年龄结构（按今日年龄）' })
export class AgeProfileType {
  @Field(() => Int, { description: '30岁以下' })
  under30: number;

  @Field(() => Int, { description: '30–39岁' })
  from30to39: number;

  @Field(() => Int, { description: '40–49岁' })
  from40to49: number;

  @Field(() => Int, { description: '50–55岁' })
  from50to55: number;

  @Field(() => Int, { description: '55岁以上' })
  over55: number;

  @Field(() => Float, { nullable: true, description: '平均年龄' })
  averageAge: number | null;
}

@ObjectType('CompanyPerformance', {
  description:
    '以往表现（来自已上岗、已总结的活动）。得分0–100：每百名上岗保安员问题数（35%）、问题纠正率（15%）、' +
    '审核不通过率（25%）、活动总结评分（25%）；无数据的部分不计入并按比例分配权重，完全无历史记为中性分70。',
})
export class CompanyPerformanceType {
  @Field(() => Int, { description: '上岗保安员人次（进行中或已总结活动的通过审核名单）' })
  dutyGuards: number;

  @Field(() => Int, { description: '现场检查发现的问题数' })
  findings: number;

  @Field(() => Int, { description: '已纠正的问题数' })
  findingsCorrected: number;

  @Field(() => Int, { description: '未纠正的严重问题数（推荐时排除）' })
  openSeriousFindings: number;

  @Field(() => Float, { nullable: true, description: '每百名上岗保安员问题数' })
  findingsPer100: number | null;

  @Field(() => Float, { nullable: true, description: '问题纠正率（0–1）' })
  correctionRate: number | null;

  @Field(() => Int, { description: '各活动中作出审核结论的人次（沿用的结论不计；名单上的人员及不通过的人员）' })
  vettingDecided: number;

  @Field(() => Int, { description: '审核不通过人次（含已替换、移出的）' })
  vettingFailed: number;

  @Field(() => Float, { nullable: true, description: '审核不通过率（0–1）' })
  vettingFailureRate: number | null;

  @Field(() => Int, { description: '已总结的活动数' })
  closedActivities: number;

  @Field(() => Float, { nullable: true, description: '活动总结平均评分（1–5）' })
  averageRating: number | null;

  @Field(() => Float, { description: '表现得分（0–100）' })
  score: number;

  @Field({ description: '是否有历史数据（否则为中性分）' })
  hasHistory: boolean;
}

/** A company as the API shows it; computed figures resolve through batched loaders. */
@ObjectType('Company', { description: '保安服务公司（登记信息与计算指标）' })
export class CompanyType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  // The register entry of a 保安服务公司; null on a self-recruiting organizer's own register, which has
  // none of its own (company.resolver.ts `unlessOwnRegister`).
  @Field(() => String, { nullable: true, description: '统一社会信用代码（自招名册为 null）' })
  creditCode: string | null;

  @Field(() => String, { nullable: true, description: '保安服务许可证号（自招名册为 null）' })
  licenseNo: string | null;

  @Field(() => String, { nullable: true, description: '保安服务许可证有效期至（YYYY-MM-DD；自招名册为 null）' })
  licenseExpiry: string | null;

  @Field(() => Float, { nullable: true, description: '注册资本（元；自招名册为 null）' })
  registeredCapital: number | null;

  @Field()
  address: string;

  @Field(() => District)
  district: District;

  @Field()
  contactName: string;

  @Field()
  contactPhone: string;

  @Field(() => CompanyStatus)
  status: CompanyStatus;

  @Field(() => String, { nullable: true, description: '暂停或吊销的原因' })
  statusReason: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: '版本号（编辑时带回，防止覆盖他人修改）' })
  version: number;

  @Field(() => IssuedAccountType, {
    nullable: true,
    description: '只在 createCompany 的返回中出现：同时开设的负责人账号及其一次性初始密码',
  })
  issuedAccount?: IssuedAccountType | null;
}

@ObjectType()
export class CompanyPage extends Paginated(CompanyType) {}
