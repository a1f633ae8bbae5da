import { CompanyStatus, District } from '@evs/schema';
import { Field, Float, InputType, registerEnumType } from 'type-graphql';

export enum CompanySortField {
  NAME = 'NAME',
  LICENSE_EXPIRY = 'LICENSE_EXPIRY',
  GUARD_COUNT = 'GUARD_COUNT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CompanySortField, { name: 'CompanySortField', description: '保安服务公司排序字段' });

@InputType({ description: '保安服务公司筛选条件' })
export class CompanyFilterInput {
  @Field({ nullable: true, description: '按名称或统一社会信用代码搜索' })
  search?: string;

  @Field(() => District, { nullable: true })
  district?: District;

  @Field(() => CompanyStatus, { nullable: true })
  status?: CompanyStatus;

  @Field({ nullable: true, description: '只看具备资质的公司：状态正常、许可证有效、注册资本达标' })
  qualifiedOnly?: boolean;
}

@InputType({ description: '保安服务公司排序' })
export class CompanySortInput {
  @Field(() => CompanySortField, { defaultValue: CompanySortField.NAME })
  field: CompanySortField = CompanySortField.NAME;

  @Field({ defaultValue: false })
  descending: boolean = false;
}

@InputType({ description: '保安服务公司的许可与注册信息（新建保安服务公司单位时必填）' })
export class CompanyLicenceInput {
  @Field({ description: '保安服务许可证号' })
  licenseNo: string;

  @Field({ description: '保安服务许可证有效期至（YYYY-MM-DD）' })
  licenseExpiry: string;

  @Field(() => Float, { description: '注册资本（元），条例第八条：不少于100万元' })
  registeredCapital: number;

  @Field({ description: '住所' })
  address: string;
}

/** The register entry of a company, as 保安管理支队 keeps it. Checked in the service (field-level Chinese errors). */
@InputType({ description: '保安服务公司登记信息' })
export class CompanyInput extends CompanyLicenceInput {
  @Field({ description: '公司名称' })
  name: string;

  @Field({ description: '统一社会信用代码（18位，含校验码）' })
  creditCode: string;

  @Field(() => District)
  district: District;

  @Field({ description: '联系人' })
  contactName: string;

  @Field({ description: '联系电话（手机或固定电话）' })
  contactPhone: string;
}

@InputType({ description: '为公司负责人开设的登录账号：初始密码由系统生成、只显示一次，首次登录须修改' })
export class CompanyAccountInput {
  @Field({ description: '用户名：3–32位小写字母、数字或 _ . -' })
  username: string;

  @Field({ description: '账号使用人（公司负责人）姓名' })
  displayName: string;
}

@InputType()
export class CreateCompanyInput extends CompanyInput {
  @Field(() => CompanyAccountInput, { nullable: true, description: '同时开设公司账号（可选）' })
  account?: CompanyAccountInput;
}

@InputType({ description: '公司自行维护的资料：住所与联系人' })
export class CompanyProfileInput {
  @Field()
  address: string;

  @Field()
  contactName: string;

  @Field()
  contactPhone: string;
}
