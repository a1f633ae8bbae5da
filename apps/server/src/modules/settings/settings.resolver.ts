import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { SettingDefinition, settingDefinitions, SettingValues } from './settings.defaults';
import { SETTINGS_EDITORS } from './settings.policy';
import { SettingChangeInput, SettingType } from './settings.types';

function toTypes(values: SettingValues): SettingType[] {
  return Object.entries(settingDefinitions).map(([key, def]: [string, SettingDefinition]) => ({
    key,
    label: def.label,
    value: values[key as keyof SettingValues],
    defaultValue: def.default,
    unit: def.unit,
    note: def.note,
  }));
}

@Resolver()
export class SettingsResolver {
  @Authorized()
  @Query(() => [SettingType], { description: '本地政策设置（权重、富余比例、年龄上限、复用期、截止天数）' })
  async settings(@Ctx() ctx: AppContext) {
    return toTypes(await ctx.services.settings.all());
  }

  @Authorized(...SETTINGS_EDITORS)
  @Mutation(() => [SettingType], { description: '修改设置（保安管理支队，记入审计日志）' })
  async updateSettings(
    @Ctx() ctx: AppContext,
    @Arg('changes', () => [SettingChangeInput]) changes: SettingChangeInput[],
  ) {
    return toTypes(await ctx.services.settings.update(actorOf(ctx), changes));
  }
}
