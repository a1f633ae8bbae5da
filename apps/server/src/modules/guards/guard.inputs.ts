import { Education, GuardStatus, RelativeRelation } from '@evs/schema';
import { ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { FileInput, ImportMode } from '../records/records.types';

@InputType({ description: '保安员筛选条件' })
export class GuardFilterInput {
  @Field(() => ID, { nullable: true, description: '所属公司（保安服务公司账号只能是本公司，自招保安单位只能是本单位名册）' })
  companyId?: string;

  @Field({ nullable: true, description: '姓名（模糊）、保安员证号或完整的身份证号（精确，按密钥哈希比对；身份证号仅保安管理支队和名册维护者可查）' })
  search?: string;

  @Field(() => GuardStatus, { nullable: true })
  status?: GuardStatus;

  @Field({ nullable: true, description: '只看该日（YYYY-MM-DD）符合上岗条件的保安员；保安管理支队以外只能是今日（其他日期可推算出生日期）' })
  eligibleOn?: string;
}

@InputType({ description: '直系亲属：父亲、母亲、配偶、子女' })
export class RelativeInput {
  @Field()
  name: string;

  @Field(() => RelativeRelation)
  relation: RelativeRelation;

  @Field({ description: '居民身份证号（18位）' })
  idNumber: string;
}

/**
 * Fields of a guard that both creation and editing set. Checked in the service. On editing, an
 * optional field left out keeps the stored value (不传为不变); null or a blank clears it.
 */
@InputType()
abstract class GuardFieldsInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '手机号；修改时不传为不变，传 null 或空串为清除' })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '保安员证号；修改时不传为不变，传 null 或空串为清除（在未结束活动的名单中时不能修改）',
  })
  certificateNo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '保安员证发证日期（YYYY-MM-DD）；修改时不传为不变，传 null 或空串为清除（在未结束活动的名单中时不能修改）',
  })
  certificateIssuedOn?: string | null;

  @Field(() => Education)
  education: Education;

  @Field(() => String, {
    nullable: true,
    description: '照片：data URL（image/jpeg 或 image/png，不超过300KB）；修改时不传为不变，传 null 或空串为删除（在未结束活动的名单中时不能修改）',
  })
  photo?: string | null;
}

@InputType({ description: '修改保安员登记信息：姓名、学历必填；其余字段不传为不变' })
export class GuardInput extends GuardFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: '更正居民身份证号（18位）；不传或传 null 为不变，不能清除（保安管理支队以外的角色只看到脱敏号码，无须回传）',
  })
  idNumber?: string | null;
}

@InputType({ description: '登记保安员' })
export class CreateGuardInput extends GuardFieldsInput {
  @Field({ description: '居民身份证号（18位，出生日期与性别由此得出）' })
  idNumber: string;

  @Field(() => ID, { nullable: true, description: '所属公司：保安管理支队必填；保安服务公司账号为本公司，自招保安单位（主办单位）为本单位名册' })
  companyId?: string;

  @Field(() => [RelativeInput], { nullable: true, description: '直系亲属（可稍后补录）' })
  relatives?: RelativeInput[];

  @Field(() => String, { nullable: true, description: '未登记父亲或母亲的原因（如已故、不详）；父母均已登记时可不填' })
  relativesStatement?: string | null;
}

@InputType()
export class ImportGuardsInput {
  @Field(() => ID, { nullable: true, description: '保安服务公司：本公司可省略；保安管理支队代为导入时必填' })
  companyId?: string | null;

  @Field(() => FileInput)
  @ValidateNested()
  file: FileInput;

  @Field(() => ImportMode)
  mode: ImportMode;
}
