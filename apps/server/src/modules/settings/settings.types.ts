import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('Setting', { description: '本地政策设置项' })
export class SettingType {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => GraphQLJSON)
  value: unknown;

  @Field(() => GraphQLJSON)
  defaultValue: unknown;

  @Field(() => String, { nullable: true })
  unit?: string;

  @Field(() => String, { nullable: true, description: '修改的适用范围（如只适用于尚未批示的活动）' })
  note?: string;
}

@InputType()
export class SettingChangeInput {
  @Field()
  key: string;

  @Field(() => GraphQLJSON)
  value: number | boolean;
}
