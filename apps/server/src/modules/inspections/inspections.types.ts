import { InspectionItem } from '@evs/schema';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';
import { IsNotBlank, IsSingleLine } from '../../common/text-validators';

@ObjectType('InspectionResult', { description: '一项检查的结果' })
export class InspectionResultType {
  @Field(() => InspectionItem)
  item: InspectionItem;

  @Field({ description: '是否符合要求' })
  compliant: boolean;
}

@ObjectType('InspectionFinding', { description: '现场检查发现的问题及其纠正' })
export class FindingType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  inspectionId: string;

  @Field(() => ID)
  activityId: string;

  @Field(() => ID, { nullable: true })
  companyId: string | null;

  @Field(() => String, { nullable: true })
  companyName: string | null;

  @Field(() => ID, { nullable: true })
  guardId: string | null;

  @Field({ description: '被检查人员姓名' })
  personName: string;

  @Field(() => String, { nullable: true, description: '保安员证号' })
  certificateNo: string | null;

  @Field(() => String, { nullable: true, description: '岗位' })
  post: string | null;

  @Field(() => String, { nullable: true, description: '责任区域' })
  area: string | null;

  @Field(() => InspectionItem)
  item: InspectionItem;

  @Field({ description: '严重问题（未经审查人员上岗、条例第三十条禁止行为）' })
  serious: boolean;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: '现场照片的地址（GET，凭登录会话；无照片为空）' })
  photoUrl: string | null;

  @Field()
  recordedAt: Date;

  @Field({ description: '检查人' })
  recordedByName: string;

  @Field(() => Date, { nullable: true, description: '纠正时间' })
  correctedAt: Date | null;

  @Field(() => String, { nullable: true, description: '纠正登记人' })
  correctedByName: string | null;

  @Field(() => String, { nullable: true, description: '纠正情况' })
  correctionNote: string | null;
}

@ObjectType()
export class FindingPage extends Paginated(FindingType) {}

@ObjectType('Inspection', { description: '一次现场检查（一名保安员或一名未在名单中的在岗人员）' })
export class InspectionType {
  @Field(() => ID, { description: '设备生成的编号；重发同一编号不会重复登记' })
  id: string;

  @Field(() => ID)
  activityId: string;

  @Field(() => ID, { nullable: true })
  guardId: string | null;

  @Field({ description: '被检查人员姓名' })
  personName: string;

  @Field({ description: '是否在在岗名单中' })
  onDutyRoster: boolean;

  @Field(() => String, { nullable: true, description: '岗位' })
  post: string | null;

  @Field(() => String, { nullable: true, description: '责任区域' })
  area: string | null;

  @Field(() => [InspectionResultType])
  results: InspectionResultType[];

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: '设备上的检查时间' })
  recordedAt: Date;

  @Field({ description: '服务器收到的时间' })
  receivedAt: Date;

  @Field()
  recordedByName: string;

  @Field(() => [FindingType])
  findings: FindingType[];
}

@ObjectType()
export class InspectionPage extends Paginated(InspectionType) {}

@InputType()
export class InspectionResultInput {
  @Field(() => InspectionItem)
  item: InspectionItem;

  @Field({ description: '是否符合要求' })
  compliant: boolean;

  @Field(() => String, { nullable: true, description: '该项问题说明（不填用检查备注）' })
  @IsOptional()
  @MaxLength(500, { message: '问题说明不超过500字' })
  note?: string | null;
}

@InputType({ description: '登记一次现场检查' })
export class RecordInspectionInput {
  @Field(() => ID, { description: '设备生成的 UUID；网络恢复后重发同一条记录不会重复登记，同一编号用于内容不同的记录（或由另一账号发送）则拒绝' })
  @IsUUID('all', { message: '检查编号应为 UUID' })
  id: string;

  @Field(() => ID)
  activityId: string;

  @Field(() => ID, { nullable: true, description: '被检查的保安员（在册人员）' })
  @IsOptional()
  guardId?: string | null;

  @Field(() => String, { nullable: true, description: '不在在岗名单中的在岗人员姓名（及证件号）' })
  @IsOptional()
  @MaxLength(100, { message: '人员姓名不超过100字' })
  @IsSingleLine('人员姓名')
  personName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50, { message: '岗位不超过50字' })
  @IsSingleLine('岗位')
  post?: string | null;

  @Field(() => [InspectionResultInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  results: InspectionResultInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: '备注不超过1000字' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: '照片 data URL（JPEG/PNG，不超过1 MB）' })
  @IsOptional()
  photo?: string | null;

  @Field({ description: '设备上的检查时间' })
  recordedAt: Date;

  @Field(() => ID, {
    nullable: true,
    description: '登记人：设备离线保存记录时的账号。与当前会话的账号不同则拒绝（共用的手机上，换人登录后不以新账号的名义发送前一人的记录）',
  })
  @IsOptional()
  recordedBy?: string | null;
}

@InputType({ description: '活动总结' })
export class CloseActivityInput {
  @Field(() => Int, { description: '评价等级 1–5' })
  @IsInt({ message: '评价等级应为整数' })
  @Min(1, { message: '评价等级应在1到5之间' })
  @Max(5, { message: '评价等级应在1到5之间' })
  rating: number;

  @Field({ description: '总结评价' })
  @IsNotBlank('请填写总结评价')
  @MaxLength(2000, { message: '总结评价不超过2000字' })
  text: string;

  @Field(() => String, { nullable: true, description: '仍有严重问题未纠正时必填：未纠正的原因及后续处理（记入台账，在总览中标出）' })
  @IsOptional()
  @MaxLength(2000, { message: '未纠正说明不超过2000字' })
  uncorrectedStatement?: string | null;
}
