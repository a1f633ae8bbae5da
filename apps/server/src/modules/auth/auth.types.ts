import { District, Role, UnitKind } from '@evs/schema';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { Authorized, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UNIT_ADMINISTRATORS } from '../units/onboarding.policy';

@ObjectType('Unit', { description: '单位：公安（分）局、支队、保安服务公司、主办单位' })
export class UnitType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  @Field(() => District, { nullable: true })
  district: District | null;

  @Field(() => String, { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码（主办单位；保安服务公司见 Company.creditCode）' })
  creditCode?: string | null;

  @Field({ description: '停用的单位，其账号不能登录' })
  active: boolean;

  @Authorized(...UNIT_ADMINISTRATORS)
  @Field(() => String, { nullable: true, description: '停用原因（系统管理员可见）' })
  deactivatedReason?: string | null;

  @Field(() => ID, { nullable: true, description: '合并去向：重复的主办单位并入的单位' })
  mergedIntoId?: string | null;
}

/** The fields of an account, as its user (`me`) and the administrator (`UserAccount`) read them. */
@ObjectType()
export abstract class AccountFields {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => UnitType)
  unit: UnitType;

  @Field({ description: '登录后须先修改密码（首次登录、管理员重置后或密码到期）' })
  mustChangePassword: boolean;

  @Field({ description: '密码已超过有效期（设置 security.passwordMaxAgeDays）' })
  passwordExpired: boolean;

  @Field({ description: '已启用两步验证（动态验证码）' })
  totpEnabled: boolean;

  @Field({ description: '本角色须启用两步验证而尚未绑定身份验证器：绑定前其他操作一律拒绝' })
  mustEnrolTotp: boolean;
}

@ObjectType('Me', { description: '当前登录用户' })
export class MeType extends AccountFields {
  // Of the signed-in user only (a question about its unit, asked once per `me`): not a field of the
  // accounts an administrator lists (`UserAccount`), which would ask it per row.
  @Field({
    description:
      '本单位维护保安员名册：保安服务公司；主办单位须为自招保安单位（已有自招名册，或有安保方式为“自招保安员”且未取消的活动），' +
      '与登记、导入保安员时的规则相同；其他角色为 false',
  })
  keepsGuardRegister: boolean;
}

@InputType()
export class LoginInput {
  @Field()
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(64, { message: '用户名过长' })
  username: string;

  @Field()
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码过长' })
  password: string;

  @Field(() => String, { nullable: true, description: '第二步：身份验证器的6位动态验证码，或一个恢复码' })
  @MaxLength(32, { message: '验证码过长' })
  code?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsNotEmpty({ message: '请输入当前密码' })
  currentPassword: string;

  @Field()
  @IsNotEmpty({ message: '请输入新密码' })
  @MaxLength(128, { message: '新密码过长' })
  newPassword: string;
}

@ObjectType('CurrentSession', { description: '当前会话：空闲超时与绝对期限' })
export class CurrentSessionType {
  @Field(() => ID)
  id: string;

  @Field({ description: '会话的绝对截止时间' })
  expiresAt: Date;

  @Field(() => Int, { description: '无操作多少分钟后自动退出' })
  idleTimeoutMinutes: number;
}

@ObjectType('UserSession', { description: '本人的一个登录会话（设备）' })
export class UserSessionType {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field({ description: '最近一次操作' })
  lastSeenAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field({ description: '是否为发出本请求的会话' })
  current: boolean;
}

@ObjectType('OutboxKey', { description: '现场检查离线记录在本机加密保存所用的账号密钥：按账号和版本派生，同一账号同一版本每次登录相同' })
export class OutboxKeyType {
  @Field(() => ID, { description: '密钥所属的账号（当前登录用户）' })
  userId: string;

  @Field(() => Int, { description: '密钥版本：手机上每条记录注明加密所用的版本，轮换后据此取旧版本打开' })
  version: number;

  @Field({ description: '32字节密钥（base64）；手机只保存由它派生、不可导出的本机密钥，退出登录即清除' })
  key: string;
}

@ObjectType('TotpEnrolment', { description: '绑定身份验证器：扫描二维码或手工输入密钥' })
export class TotpEnrolmentType {
  @Field({ description: 'Base32 密钥（无法扫码时手工输入）' })
  secret: string;

  @Field({ description: 'otpauth:// 地址（二维码的内容）' })
  otpauthUrl: string;

  @Field({ description: '二维码图片（PNG data URL）' })
  qrCodeDataUrl: string;
}

@ObjectType('RecoveryCodes', { description: '一次性恢复码：只显示这一次，每个只能用一次' })
export class RecoveryCodesType {
  @Field(() => [String])
  codes: string[];
}

@ObjectType('AccountSecurity', { description: '本人账号的安全状态' })
export class AccountSecurityType {
  @Field()
  passwordChangedAt: Date;

  @Field({ description: '密码到期时间' })
  passwordExpiresAt: Date;

  @Field()
  totpEnabled: boolean;

  @Field({ description: '本角色是否必须启用两步验证' })
  totpRequired: boolean;

  @Field(() => Int, { description: '未使用的恢复码个数' })
  recoveryCodesLeft: number;
}
