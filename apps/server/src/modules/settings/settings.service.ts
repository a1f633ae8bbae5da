import { AuditAction, Role } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { currentRequest } from '../../common/request-context';
import { assertNoProblems, FieldProblem } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { SettingEntity } from './setting.entity';
import { SettingDefinition, SettingKey, settingConstraints, settingDefinitions, SettingValues } from './settings.defaults';

const RELATIVES = 'vetting.checkRelatives';
/** The security policy's keys `security.totpRequired.<Role>` (auth/security-settings.ts). */
const TOTP_REQUIRED = 'security.totpRequired.';

export class SettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    /** Tells the office and the detachment when 审查直系亲属 changes; left out by scripts that never update. */
    private readonly notifications?: NotificationsService,
  ) {}

  /**
   * Every setting: stored value or its default. Outside a transaction (no `manager`), a request reads
   * them as they were when it began: they came with its session (AuthService.sessionForToken), so a
   * list that needs a deadline rule costs no statement for it. Inside a transaction, from its snapshot.
   */
  async all(manager?: EntityManager): Promise<SettingValues> {
    return (await this.values(settingDefinitions, manager)) as SettingValues;
  }

  /** The values of one group of definitions (business settings, or the security policy). */
  async values(definitions: Record<string, SettingDefinition>, manager?: EntityManager): Promise<Record<string, number | boolean>> {
    const read = currentRequest().storedSettings;
    const stored =
      !manager && read
        ? Object.entries(read).map(([key, value]) => ({ key, value }))
        : await (manager ?? this.ds.manager).find(SettingEntity);
    const values: Record<string, number | boolean> = Object.fromEntries(Object.entries(definitions).map(([k, d]) => [k, d.default]));
    for (const row of stored) if (row.key in values) values[row.key] = row.value as number | boolean;
    return values;
  }

  /** Each definition with its label, value and default, as the API lists them. */
  async list(definitions: Record<string, SettingDefinition>) {
    const values = await this.values(definitions);
    return Object.entries(definitions).map(([key, def]) => ({ key, label: def.label, value: values[key], defaultValue: def.default, unit: def.unit, note: def.note }));
  }

  async get<K extends SettingKey>(key: K, manager?: EntityManager): Promise<SettingValues[K]> {
    return (await this.all(manager))[key];
  }

  async update(
    actor: Actor,
    changes: { key: string; value: number | boolean }[],
    definitions: Record<string, SettingDefinition> = settingDefinitions,
  ) {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    changes.forEach((c, i) => {
      // Own keys only: an inherited name (`__proto__`, `toString`) is no setting either.
      const def = Object.prototype.hasOwnProperty.call(definitions, c.key) ? definitions[c.key] : undefined;
      if (!def) return problems.push({ field: `changes.${i}.key`, message: `未知的设置项 ${c.key}` });
      // Two values for one setting in one request: which one was meant is not for the server to guess.
      if (seen.has(c.key)) return problems.push({ field: `changes.${i}.key`, message: `${def.label}在本次修改中出现了两次` });
      seen.add(c.key);
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
    // what this request reads after the change comes from the table, not from its start
    delete currentRequest().storedSettings;
    return this.ds.transaction(async (m) => {
      // One change of the settings at a time: two requests each changing one side of a rule
      // (minAge 30, maxAge 25) both passed the check on what the other had not written yet (review 5 B-F6).
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('settings-update'))`);
      const before = await this.values(definitions, m);
      if (definitions === settingDefinitions) {
        const next = { ...before, ...Object.fromEntries(changes.map((c) => [c.key, c.value])) } as SettingValues;
        const broken = settingConstraints.filter((c) => !c.holds(next));
        assertNoProblems(
          broken.flatMap((c) => {
            const i = changes.findIndex((ch) => c.keys.includes(ch.key as SettingKey));
            return i >= 0 ? [{ field: `changes.${i}.value`, message: c.message }] : [];
          }),
          '设置有误',
        );
      }
      for (const c of changes) {
        await m.upsert(SettingEntity, { key: c.key, value: c.value, updatedBy: actor.id }, ['key']);
      }
      const after = await this.values(definitions, m);
      if (definitions === settingDefinitions && before[RELATIVES] !== after[RELATIVES]) await this.relativesSwitched(m, after[RELATIVES] as boolean);
      for (const key of Object.keys(after).filter((k) => k.startsWith(TOTP_REQUIRED) && before[k] !== after[k])) {
        await this.totpRequirementSwitched(m, key.slice(TOTP_REQUIRED.length) as Role, after[key] as boolean, definitions[key].label);
      }
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: definitions === settingDefinitions ? 'Settings' : 'SecuritySettings',
        summary: `修改${definitions === settingDefinitions ? '设置' : '安全策略'}：${changes.map((c) => c.key).join('、')}`,
        before,
        after,
      });
      return after as SettingValues;
    });
  }

  /**
   * 审查直系亲属 switched (SPEC §3: a local-policy setting; red-team K1): a change that lowers or restores
   * what every check looks at is told to the leading group's office and the detachment, not only written
   * to the audit log. Switched back on, the notice counts the undecided entries checked meanwhile without
   * the relatives: they cannot be passed (nor by 一键通过) until checked again.
   */
  private async relativesSwitched(m: EntityManager, on: boolean): Promise<void> {
    if (!this.notifications) return;
    const units: { id: string; kind: string }[] = await m.query(`SELECT id, kind FROM units WHERE kind IN ('LEADING_GROUP_OFFICE', 'SECURITY_DETACHMENT')`);
    let body = '此后的背景审核只比对保安员本人的记录，不比对其直系亲属，直至重新开启；比对期间的人员在背景审核页标注“未审查直系亲属”。';
    if (on) {
      const [{ n }]: { n: number }[] = await m.query(
        `SELECT count(*)::int AS n FROM roster_entries re JOIN activities a ON a.id = re.activity_id
          WHERE re.state = 'ACTIVE' AND re.decision = 'PENDING' AND re.relatives_checked IS FALSE AND a.status = 'VETTING'`,
      );
      body = n > 0
        ? `此后的背景审核同时比对保安员本人及其直系亲属。关闭期间比对的${n}名待审核人员未审查直系亲属，须在背景审核页“重新比对”后方可通过。`
        : '此后的背景审核同时比对保安员本人及其直系亲属。';
    }
    const title = on ? '“审查直系亲属”已开启' : '“审查直系亲属”已关闭';
    const of = (kind: string) => units.filter((u) => u.kind === kind).map((u) => u.id);
    // the link is the detachment's page; the office reads the notice only
    await this.notifications.notify(m, of('SECURITY_DETACHMENT'), { title, body, link: '/vetting' });
    await this.notifications.notify(m, of('LEADING_GROUP_OFFICE'), { title, body });
  }

  /**
   * Two-step login made required or optional for a role (ADMIN's security policy; red team 4): the
   * accounts of that role are told, in their own units, so that a detachment whose second factor was
   * switched off by the IT department knows it from the system, not by chance.
   */
  private async totpRequirementSwitched(m: EntityManager, role: Role, required: boolean, label: string): Promise<void> {
    if (!this.notifications) return;
    const units: { unit_id: string }[] = await m.query(`SELECT DISTINCT unit_id FROM users WHERE role = $1`, [role]);
    await this.notifications.notify(m, units.map((u) => u.unit_id), {
      title: required ? '两步验证已改为必须启用' : '两步验证已改为可不启用',
      body: required
        ? `系统管理员已将“${label}”设为必须：尚未启用动态验证码的账号，下次登录时须先完成设置。`
        : `系统管理员已取消“${label}”：此后本角色账号可只凭密码登录。已启用动态验证码的账号仍须输入验证码；如非本单位要求，请与系统管理员核实。`,
      link: '/account',
      audienceRole: role,
    });
  }
}
