import { Role } from '@evs/schema';
import { IsNotEmpty, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';
import { AccountFields } from '../auth/auth.types';
import { IsNotBlank, IsNotFormulaLike, IsPersonName, IsSingleLine } from '../../common/text-validators';

/** An account as the administrator sees it: the user (as in `me`) and its state. */
@ObjectType('UserAccount', { description: '用户账号（系统管理员管理）' })
export class UserAccountType extends AccountFields {
  @Field()
  active: boolean;

  @Field(() => Date, { nullable: true, description: '连续登录失败后的锁定截止时间' })
  lockedUntil: Date | null;

  @Field(() => Date, { nullable: true })
  lastLoginAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class UserAccountPage extends Paginated(UserAccountType) {}

@InputType()
export class CreateUserInput {
  @Field()
  @Matches(/^[a-z0-9_.-]{3,32}$/, { message: '用户名应为3–32位小写字母、数字或 _ . -' })
  username: string;

  @Field()
  @IsNotBlank('请输入姓名')
  @IsSingleLine('姓名')
  @IsNotFormulaLike('姓名')
  @IsPersonName('姓名')
  @MaxLength(40, { message: '姓名过长' })
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ID)
  unitId: string;

  @Field({ description: '初始密码；首次登录须修改' })
  @IsNotEmpty({ message: '请输入初始密码' })
  initialPassword: string;
}
