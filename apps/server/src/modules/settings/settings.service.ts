import { AuditAction } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/context';
import { assertNoProblems, FieldProblem } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { SettingEntity } from './setting.entity';
import { SettingDefinition, SettingKey, settingDefinitions, SettingValues } from './settings.defaults';

export class SettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every setting: stored value or its default. */
  async all(manager: EntityManager = this.ds.manager): Promise<SettingValues> {
    const rows = await manager.find(SettingEntity);
    const values: Record<string, number | boolean> = Object.fromEntries(Object.entries(settingDefinitions).map(([k, d]) => [k, d.default]));
    for (const row of rows) if (row.key in values) values[row.key] = row.value as number | boolean;
    return values as SettingValues;
  }

  async get<K extends SettingKey>(key: K, manager?: EntityManager): Promise<SettingValues[K]> {
    return (await this.all(manager))[key];
  }

  async update(actor: Actor, changes: { key: string; value: number | boolean }[], requestId?: string) {
    const problems: FieldProblem[] = [];
    changes.forEach((c, i) => {
      const def = (settingDefinitions as Record<string, SettingDefinition>)[c.key];
      if (!def) return problems.push({ field: `changes.${i}.key`, message: `未知的设置项 ${c.key}` });
      if (typeof def.default !== typeof c.value) {
        return problems.push({ field: `changes.${i}.value`, message: `${def.label}的取值类型不正确` });
      }
      if (typeof c.value === 'number' && ((def.min !== undefined && c.value < def.min) || (def.max !== undefined && c.value > def.max))) {
        problems.push({ field: `changes.${i}.value`, message: `${def.label}应在 ${def.min} 到 ${def.max} 之间` });
      } else if (typeof c.value === 'number' && !def.fractional && !Number.isInteger(c.value)) {
        problems.push({ field: `changes.${i}.value`, message: `${def.label}应为整数` });
      }
    });
    assertNoProblems(problems, '设置有误');
    return this.ds.transaction(async (m) => {
      const before = await this.all(m);
      for (const c of changes) {
        await m.upsert(SettingEntity, { key: c.key, value: c.value, updatedBy: actor.id }, ['key']);
      }
      const after = await this.all(m);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Settings',
        summary: `修改设置：${changes.map((c) => c.key).join('、')}`,
        before,
        after,
      }, requestId);
      return after;
    });
  }
}
