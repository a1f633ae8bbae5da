import { District, Role, UnitKind } from '@evs/schema';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { Authorized, Field, ID, InputType, ObjectType } from 'type-graphql';

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

  @Authorized(Role.ADMIN)
  @Field(() => String, { nullable: true, description: '停用原因（系统管理员可见）' })
  deactivatedReason?: string | null;

  @Field(() => ID, { nullable: true, description: '合并去向：重复的主办单位并入的单位' })
  mergedIntoId?: string | null;
}

@ObjectType('Me', { description: '当前登录用户' })
export class MeType {
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

  @Field({ description: '登录后须先修改密码（首次登录或管理员重置后）' })
  mustChangePassword: boolean;
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
