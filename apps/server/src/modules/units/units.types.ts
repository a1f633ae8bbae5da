import { District, Role, UnitKind } from '@evs/schema';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UnitType } from '../auth/auth.types';
import { CompanyLicenceInput } from '../companies/company.inputs';
import { UserAccountType } from '../users/users.types';

/** Inputs are checked in the service, so that every problem comes back with its field and a Chinese reason. */
@InputType({ description: '新开账号：用户名与使用人；初始密码由系统生成，只显示一次，首次登录须修改' })
export class NewAccountInput {
  @Field({ description: '用户名：3–32位小写字母、数字或 _ . -' })
  username: string;

  @Field({ description: '账号使用人姓名' })
  displayName: string;

  @Field(() => Role, { nullable: true, description: '角色；不填时取单位类型对应的唯一角色' })
  role?: Role | null;
}

@InputType({ description: '新建单位：按类型校验（公安（分）局须选辖区；主办单位须填统一社会信用代码、联系人、电话；保安服务公司另须许可信息）' })
export class CreateUnitInput {
  @Field(() => UnitKind)
  kind: UnitKind;

  @Field({ description: '单位名称' })
  name: string;

  @Field(() => District, { nullable: true, description: '辖区（市级单位不填）' })
  district?: District | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码（GB 32100，18位含校验码）' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: '联系人' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话（手机或带区号的固定电话）' })
  contactPhone?: string | null;

  @Field(() => CompanyLicenceInput, { nullable: true, description: '保安服务公司的许可与注册信息' })
  company?: CompanyLicenceInput | null;

  @Field(() => NewAccountInput, { nullable: true, description: '同时为联系人开设账号（县区公安局、大型活动安全保卫支队新建主办单位时必填）' })
  account?: NewAccountInput | null;
}

@ObjectType('IssuedAccount', { description: '新开的账号及其一次性初始密码：只在本次返回中出现，系统只保存其哈希' })
export class IssuedAccountType {
  @Field(() => UserAccountType)
  account: UserAccountType;

  @Field({ description: '一次性初始密码（请打印开户通知交给使用人；首次登录须修改）' })
  initialPassword: string;
}

@ObjectType('UnitOnboarding', { description: '新建的单位，以及为其联系人开设的账号' })
export class UnitOnboardingType {
  @Field(() => UnitType)
  unit: UnitType;

  @Field(() => IssuedAccountType, { nullable: true })
  account: IssuedAccountType | null;
}

@ObjectType('UnitMerge', { description: '合并重复的主办单位：并入的单位与迁移的数量' })
export class UnitMergeType {
  @Field(() => UnitType, { description: '保留的单位' })
  unit: UnitType;

  @Field(() => Int, { description: '迁移的账号数' })
  accounts: number;

  @Field(() => Int, { description: '迁移的活动数' })
  activities: number;

  @Field(() => Int, { description: '迁移的自招保安员数' })
  guards: number;

  @Field(() => Int, { description: '迁移的名单人次' })
  rosterEntries: number;

  @Field(() => Int, { description: '迁移的站内通知数' })
  notifications: number;
}

@ObjectType({ description: '本单位的一个账号（以本单位名义办理业务的人）' })
export class UnitColleagueType {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field({ description: '使用人' })
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field()
  active: boolean;

  @Field()
  createdAt: Date;

  @Field(() => String, { nullable: true, description: '开设人（审计日志所记的操作人及其单位）；系统初始化的账号为空' })
  openedBy: string | null;
}
