import type { Clock } from '../../common/clock';
import {
  AuditAction,
  CITY_LEVEL_UNIT_KINDS,
  REGISTERED_UNIT_KINDS,
  creditCodeProblem,
  District,
  districtLabels,
  formulaLikeProblem,
  isBlank,
  personNameProblem,
  Role,
  singleLineProblem,
  UnitKind,
  unitKindLabels,
} from '@evs/schema';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../common/actor';
import { localDate, todayBy } from '../../common/calendar';
import { assertNoProblems, badInput, conflict, DomainError, FieldProblem, notFound, violatedUnique } from '../../common/errors';
import { withUniqueConflicts } from '../../common/unique-conflicts';
import { OPEN_STATUSES } from '../activities/activity.policy';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../auth/user.entity';
import { CompaniesService, companyInputProblems, companyNameTakenMessage, normaliseCompanyInput, phoneProblem } from '../companies/company.service';
import { ensureOwnRegister } from '../guards/guard-import.service';
import { accountProblems, IssuedAccount, issueAccount, NewAccountValues, normaliseAccount } from '../users/issue-account';
import {
  assertCanCreateUnit,
  assertCanManageAccountsOf,
  assertMayDeactivateKind,
  defaultDistrictOfNewUnit,
  mustOpenAccountWithUnit,
  ONE_PER_CITY_UNIT_KINDS,
} from './onboarding.policy';
import { UnitEntity } from './unit.entity';
import { CreateUnitInput } from './units.types';
import { watchAccountGrant } from '../users/credential-watch';
import { NotificationsService } from '../notifications/notifications.service';

/** What an open activity may still need from a unit of each kind, to tell whether deactivating it strands work. */
const DEPENDENT_ACTIVITIES_SQL = `
  SELECT a.code, a.name FROM activities a
   WHERE a.status = ANY($2::activity_status[])
     AND (a.organizer_unit_id = $1 OR a.selected_company_id = $1 OR a.reporter_unit_id = $1
          OR EXISTS (SELECT 1 FROM activity_candidates c WHERE c.activity_id = a.id AND c.company_id = $1
                      AND a.status = 'CANDIDATES_RECOMMENDED')
          OR ($3::district IS NOT NULL AND a.district = $3::district)
          OR $4)
   ORDER BY a.starts_at LIMIT 6`;

/**
 * One organizer and one security service company per name, city-wide (red team round 6 L1): the
 * same name is the same after `unit_name_key` (NFKC, every whitespace and invisible separator removed,
 * ASCII letters in lower case; migration UnitNameOnce), among the units not merged into another.
 * Parentheses count: “某公司(大洼)” is a branch, another unit; “某公司（大洼）” is the same as it.
 */
const NAME_INDEX = 'uq_units_name_once';
const NAME_ONCE_KINDS: readonly UnitKind[] = [UnitKind.ORGANIZER, UnitKind.COMPANY];
interface SameNameUnit {
  name: string;
  kind: UnitKind;
  district: District | null;
  creditCode: string | null;
  active: boolean;
  createdAt: Date;
}

/** The unit of `kind` already registered under `name`'s key, or null (the index's own expression: an index scan). */
async function sameNameUnit(m: EntityManager, kind: UnitKind, name: string): Promise<SameNameUnit | null> {
  const [row]: SameNameUnit[] = await m.query(
    `SELECT u.name, u.kind, u.district, coalesce(u.credit_code, c.credit_code) AS "creditCode", u.active, u.created_at AS "createdAt"
       FROM units u LEFT JOIN companies c ON c.id = u.id AND u.kind = 'COMPANY'
      WHERE u.kind = $1 AND unit_name_key(u.name) = unit_name_key($2)
        AND u.kind IN ('ORGANIZER', 'COMPANY') AND u.merged_into_id IS NULL
      ORDER BY u.created_at, u.id LIMIT 1`,
    [kind, name],
  );
  return row ?? null;
}

/** CONFLICT naming the unit registered under the name, whether found first or decided by the unique index. */
function nameTaken(kind: UnitKind, typed: string, existing: SameNameUnit | null): DomainError {
  // A company: the register's own answer (companies service), and what differs when it is not the same text.
  if (kind === UnitKind.COMPANY && existing?.creditCode) {
    const message =
      existing.name === typed
        ? companyNameTakenMessage(existing.name, existing.creditCode)
        : `公司名称“${existing.name}”已登记（统一社会信用代码${existing.creditCode}），“${typed}”与它只差空格、大小写或全角半角，请核对`;
    return new DomainError('CONFLICT', message, [{ field: 'name', message }]);
  }
  const label = unitKindLabels[kind];
  const which = existing
    ? `已有同名单位“${existing.name}”（${[
        existing.district ? districtLabels[existing.district] : null,
        existing.creditCode ? `统一社会信用代码${existing.creditCode}` : null,
        `${localDate(new Date(existing.createdAt))}登记`,
      ].filter(Boolean).join('，')}${existing.active ? '' : '，已停用'}）`
    : '已有同名单位';
  const message =
    `${which}：${label}的名称不计空格、大小写和全角半角，只能登记一次。` +
    (kind === UnitKind.ORGANIZER
      ? `如是同一单位，请为它开设账号${existing && !existing.active ? '（须先由系统管理员启用）' : ''}，不要另建；如是另一单位（如分支机构），请按营业执照填写全称`
      : '请核对营业执照上的名称');
  return new DomainError('CONFLICT', message, [{ field: 'name', message }]);
}

/**
 * A unit's name says who it is (red team round 6 L1: “··” was the 主办单位 of the activities registered
 * for it): at least two Chinese characters or letters, not only digits, symbols or emoji.
 */
function nameWordsProblem(name: string): string | null {
  if (isBlank(name)) return '请填写单位名称';
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 2 ? null : '单位名称应含有至少2个汉字或字母，不能只有数字、符号或表情';
}

export interface UnitOnboarding {
  unit: UnitEntity;
  account: IssuedAccount | null;
}

export interface UnitMerge {
  unit: UnitEntity;
  accounts: number;
  activities: number;
  guards: number;
  rosterEntries: number;
  notifications: number;
}

const trimOrNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/**
 * Onboarding every party of a real deployment: units of any kind (the administrator), organizers
 * on the spot (the police who register an activity), accounts with a one-time password for a unit's
 * people, and the administrator's upkeep (deactivate, merge duplicates). Each act is one transaction
 * with its audit entries; "only one" rules are database constraints (see withUniqueConflicts).
 */
export class OnboardingService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
    private readonly clock: Clock,
    private readonly notifications?: NotificationsService,
  ) {}

  async createUnit(actor: Actor, raw: CreateUnitInput): Promise<UnitOnboarding> {
    // A district bureau's organizer is in its own district unless it says otherwise (and then it may not).
    const district = raw.district ?? defaultDistrictOfNewUnit(actor, raw.kind);
    assertCanCreateUnit(actor, raw.kind, district);
    const input = {
      kind: raw.kind,
      name: raw.name.trim(),
      district,
      creditCode: trimOrNull(raw.creditCode)?.toUpperCase() ?? null,
      contactName: trimOrNull(raw.contactName),
      contactPhone: trimOrNull(raw.contactPhone),
    };
    const account = raw.account ? normaliseAccount(raw.account) : null;
    const problems = this.unitProblems(input);
    if (raw.kind === UnitKind.COMPANY && !raw.company) {
      problems.push({ field: 'company', message: '保安服务公司须填写许可证号、有效期、注册资本和住所' });
    }
    const companyInput =
      raw.kind === UnitKind.COMPANY && raw.company && input.creditCode && input.district
        ? normaliseCompanyInput({
            ...raw.company,
            name: input.name,
            creditCode: input.creditCode,
            district: input.district,
            contactName: input.contactName ?? '',
            contactPhone: input.contactPhone ?? '',
          })
        : null;
    if (companyInput) {
      const fieldOf: Record<string, string> = { licenseNo: 'company.licenseNo', licenseExpiry: 'company.licenseExpiry', registeredCapital: 'company.registeredCapital', address: 'company.address' };
      for (const p of companyInputProblems(companyInput, { creating: true, today: todayBy(this.clock) })) {
        if (fieldOf[p.field]) problems.push({ ...p, field: fieldOf[p.field] });
      }
    } else if (raw.company && raw.kind !== UnitKind.COMPANY) {
      problems.push({ field: 'company', message: '只有保安服务公司填写许可信息' });
    }
    if (account) problems.push(...accountProblems(account, { kind: raw.kind }));
    else if (mustOpenAccountWithUnit(actor)) problems.push({ field: 'account', message: '请为主办单位联系人开设账号（用户名、使用人）' });
    assertNoProblems(problems, `${unitKindLabels[raw.kind]}信息有误`);

    const nameOnce = NAME_ONCE_KINDS.includes(input.kind);
    return withUniqueConflicts(
      () =>
      this.ds.transaction(async (m) => {
        // Before the credit code's check: a second registration of one unit is told which unit it is.
        if (nameOnce) {
          const existing = await sameNameUnit(m, input.kind, input.name);
          if (existing) throw nameTaken(input.kind, input.name, existing);
        }
        let unit: UnitEntity;
        if (companyInput) {
          const company = await this.companies.register(m, companyInput);
          unit = await m.findOneByOrFail(UnitEntity, { id: company.id });
          await this.audit.record(m, actor, {
            action: AuditAction.CREATE,
            entityType: 'Company',
            entityId: company.id,
            summary: `登记保安服务公司“${company.name}”`,
            after: company,
          });
        } else {
          if (input.creditCode) await this.assertCreditCodeFree(m, input.creditCode);
          if (ONE_PER_CITY_UNIT_KINDS.includes(input.kind) && (await m.existsBy(UnitEntity, { kind: input.kind }))) {
            const message = `全市只有一个${unitKindLabels[input.kind]}（首次启动时已建立），不能另建`;
            throw new DomainError('CONFLICT', message, [{ field: 'kind', message }]);
          }
          unit = await m.save(UnitEntity, m.create(UnitEntity, { ...input, active: true }));
          await this.audit.record(m, actor, {
            action: AuditAction.CREATE,
            entityType: 'Unit',
            entityId: unit.id,
            summary: `新建${unitKindLabels[unit.kind]}“${unit.name}”${unit.district ? `（${districtLabels[unit.district]}）` : ''}`,
            after: unit,
          });
        }
        const issued = account ? await issueAccount(m, this.audit, actor, unit, account) : null;
        if (issued) await watchAccountGrant(m, this.notifications, actor, { ...issued.account, unitId: unit.id }, '开设账号');
        return { unit, account: issued };
      }).catch(async (err: unknown) => {
        // Two creations of one name at once: the index decided; the one kept is committed and named.
        if (nameOnce && violatedUnique(err) === NAME_INDEX) throw nameTaken(input.kind, input.name, await sameNameUnit(this.ds.manager, input.kind, input.name));
        throw err;
      }),
      { username: 'account.username' },
    );
  }

  /** Another account for an existing unit (an organizer or a company may have several). */
  async issueAccount(actor: Actor, unitId: string, raw: NewAccountValues): Promise<IssuedAccount> {
    const input = normaliseAccount(raw);
    return withUniqueConflicts(
      () =>
        this.ds.transaction(async (m) => {
          const unit = await m.findOne(UnitEntity, { where: { id: unitId }, lock: { mode: 'pessimistic_read' } });
          if (!unit) throw notFound('单位');
          await assertCanManageAccountsOf(m, actor, unit);
          assertNoProblems(accountProblems(input, unit, 'input'), '账号信息有误');
          const issued = await issueAccount(m, this.audit, actor, unit, input, { prefix: 'input' });
          await watchAccountGrant(m, this.notifications, actor, { ...issued.account, unitId: unit.id }, '开设账号');
          return issued;
        }),
      { username: 'input.username' },
    );
  }

  /** The accounts of the actor's own unit, each with who opened it (the audit's CREATE entry). */
  colleaguesOf(actor: Actor): Promise<{ id: string; username: string; displayName: string; role: Role; active: boolean; createdAt: Date; openedBy: string | null }[]> {
    return this.ds.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.active, u.created_at AS "createdAt",
              (SELECT a.actor_name FROM audit_log a
                WHERE a.entity_type = 'User' AND a.entity_id = u.id::text AND a.action = 'CREATE' ORDER BY a.id LIMIT 1) AS "openedBy"
         FROM users u WHERE u.unit_id = $1 ORDER BY u.created_at, u.username`,
      [actor.unitId],
    );
  }

  /** The accounts of one unit, for whoever may open accounts for it. */
  async accountsOf(actor: Actor, unitId: string): Promise<UserEntity[]> {
    const unit = await this.ds.getRepository(UnitEntity).findOneBy({ id: unitId });
    if (!unit) throw notFound('单位');
    await assertCanManageAccountsOf(this.ds.manager, actor, unit);
    return this.ds.getRepository(UserEntity).find({ where: { unitId }, relations: { unit: true }, order: { createdAt: 'ASC' } });
  }

  /**
   * Deactivating a unit logs its accounts out at once and keeps them out (login checks the unit);
   * refused while an open activity still needs the unit, and for the administrator's own unit.
   * Reactivating restores every account as it was.
   */
  async setActive(actor: Actor, id: string, active: boolean, reason: string | null | undefined): Promise<UnitEntity> {
    const why = trimOrNull(reason);
    if (!active && !why) throw badInput('请填写停用原因', [{ field: 'reason', message: '请填写停用原因' }]);
    if (why && why.length > 500) throw badInput('原因不能超过500字', [{ field: 'reason', message: '原因不能超过500字' }]);
    return withUniqueConflicts(() =>
      this.ds.transaction(async (m) => {
        const unit = await m.findOne(UnitEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!unit) throw notFound('单位');
        if (unit.active === active) throw conflict(`“${unit.name}”当前已是${active ? '启用' : '停用'}状态`);
        if (active && unit.mergedIntoId) throw conflict(`“${unit.name}”已并入其他单位，不能重新启用`);
        if (!active) {
          if (unit.id === actor.unitId) throw conflict('不能停用本人所在的单位');
          assertMayDeactivateKind(unit.kind);
          const open = await this.dependentOpenActivities(m, unit);
          if (open.length) {
            // Codes only: the administrator reads no activity, and a name would tell it which
            // activities a company is a candidate in (SPEC §1: ADMIN sees users and units).
            const list = open.slice(0, 5).map((a) => a.code).join('、');
            throw conflict(
              `“${unit.name}”还有${open.length}项未结束的活动需要它办理（活动编号 ${list}${open.length > 5 ? '等' : ''}），请业务部门办结、取消或改由其他单位承担后再停用`,
            );
          }
        }
        const before = { ...unit };
        await m.update(UnitEntity, { id }, { active, deactivatedReason: active ? null : why });
        const ended = active
          ? 0
          : ((await m.query(`DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE unit_id = $1) RETURNING 1`, [id])) as [unknown[], number])[1];
        const after = await m.findOneByOrFail(UnitEntity, { id });
        await this.audit.record(m, actor, {
          action: AuditAction.UPDATE,
          entityType: 'Unit',
          entityId: id,
          summary: active
            ? `启用${unitKindLabels[unit.kind]}“${unit.name}”${why ? `（${why}）` : ''}`
            : `停用${unitKindLabels[unit.kind]}“${unit.name}”（${why}），其账号不能再登录，结束会话${ended}个`,
          before,
          after,
        });
        return after;
      }),
    );
  }

  /**
   * Merges a duplicate organizer into the one that stays: accounts, activities, notifications and a
   * self-recruited register (guards, roster entries, findings) move over in one transaction; the
   * duplicate remains as an inactive record pointing at the survivor, so old audit entries still
   * resolve. Both registers merge: one person holds one active guard record city-wide, so they
   * cannot clash; records of people who left simply join the survivor's history.
   */
  async mergeOrganizers(actor: Actor, sourceId: string, targetId: string): Promise<UnitMerge> {
    if (sourceId === targetId) throw badInput('不能把单位并入它自己', [{ field: 'targetId', message: '请选择另一个单位' }]);
    return withUniqueConflicts(() =>
      this.ds.transaction(async (m) => {
        // Both rows locked in id order: two merges of the same pair cannot deadlock.
        const locked = await m.find(UnitEntity, { where: { id: In([sourceId, targetId]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
        const source = locked.find((u) => u.id === sourceId);
        const target = locked.find((u) => u.id === targetId);
        if (!source) throw notFound('被合并的单位');
        if (!target) throw notFound('保留的单位');
        for (const [u, field] of [[source, 'sourceId'], [target, 'targetId']] as const) {
          if (u.kind !== UnitKind.ORGANIZER) {
            throw badInput(`只能合并主办/承办单位；“${u.name}”是${unitKindLabels[u.kind]}`, [{ field, message: '不是主办/承办单位' }]);
          }
        }
        if (source.mergedIntoId) throw conflict(`“${source.name}”已经并入其他单位`);
        if (!target.active) throw conflict(`保留的单位“${target.name}”已停用，请先启用或另选保留的单位`);
        const before = { source: { ...source }, target: { ...target } };

        const [, accounts] = await m.query(`UPDATE users SET unit_id = $2 WHERE unit_id = $1`, [sourceId, targetId]);
        const [, activities] = await m.query(
          `UPDATE activities SET organizer_unit_id = $2, updated_at = now(), version = version + 1 WHERE organizer_unit_id = $1`,
          [sourceId, targetId],
        );
        await m.query(`UPDATE activities SET reporter_unit_id = $2 WHERE reporter_unit_id = $1`, [sourceId, targetId]);
        const [, notifications] = await m.query(`UPDATE notifications SET unit_id = $2 WHERE unit_id = $1`, [sourceId, targetId]);
        // 督办: the stages the organizer answers for (reminders sent, notices issued) follow it
        await m.query(`UPDATE supervision_reminders SET unit_id = $2 WHERE unit_id = $1`, [sourceId, targetId]);
        await m.query(`UPDATE supervision_notices SET unit_id = $2 WHERE unit_id = $1`, [sourceId, targetId]);

        // The self-recruited register (a companies row with the unit's id), when the duplicate has one.
        let guards = 0;
        let rosterEntries = 0;
        const [{ has }] = await m.query(`SELECT EXISTS (SELECT 1 FROM companies WHERE id = $1) AS has`, [sourceId]);
        if (has) {
          await ensureOwnRegister(m, targetId);
          [, guards] = await m.query(`UPDATE guards SET company_id = $2, updated_at = now() WHERE company_id = $1`, [sourceId, targetId]);
          [, rosterEntries] = await m.query(`UPDATE roster_entries SET company_id = $2 WHERE company_id = $1`, [sourceId, targetId]);
          await m.query(`UPDATE findings SET company_id = $2 WHERE company_id = $1`, [sourceId, targetId]);
          await m.query(`UPDATE activity_candidates SET company_id = $2 WHERE company_id = $1`, [sourceId, targetId]);
          await m.query(`UPDATE activities SET selected_company_id = $2 WHERE selected_company_id = $1`, [sourceId, targetId]);
          await m.query(`DELETE FROM companies WHERE id = $1`, [sourceId]);
        }

        // The survivor keeps its own code; it takes over the duplicate's when it has none.
        const creditCode = target.creditCode ?? source.creditCode;
        await m.update(UnitEntity, { id: sourceId }, {
          active: false,
          mergedIntoId: targetId,
          creditCode: null,
          deactivatedReason: `已并入“${target.name}”`,
        });
        await m.update(UnitEntity, { id: targetId }, {
          creditCode,
          contactName: target.contactName ?? source.contactName,
          contactPhone: target.contactPhone ?? source.contactPhone,
          district: target.district ?? source.district,
        });
        const unit = await m.findOneByOrFail(UnitEntity, { id: targetId });
        const result = { unit, accounts, activities, guards, rosterEntries, notifications };
        await this.audit.record(m, actor, {
          action: AuditAction.UPDATE,
          entityType: 'Unit',
          entityId: targetId,
          summary:
            `合并重复的主办单位：“${source.name}”并入“${target.name}”，迁移账号${accounts}个、活动${activities}项` +
            `${has ? `、自招保安员${guards}人、名单${rosterEntries}人次` : ''}、通知${notifications}条`,
          before,
          after: { unit, moved: { accounts, activities, guards, rosterEntries, notifications } },
        });
        return result;
      }),
    );
  }

  /** Kind-specific checks of a new unit (the company's register fields are checked by the companies service). */
  private unitProblems(u: { kind: UnitKind; name: string; district: District | null; creditCode: string | null; contactName: string | null; contactPhone: string | null }): FieldProblem[] {
    const problems: FieldProblem[] = [];
    // The unit's name is part of every audit entry of its accounts (review 8-B F7) and of the exports.
    const nameCharacters = singleLineProblem(u.name, '单位名称') ?? formulaLikeProblem(u.name, '单位名称');
    const nameWords = nameCharacters ? null : nameWordsProblem(u.name);
    if (nameCharacters) problems.push({ field: 'name', message: nameCharacters });
    else if (nameWords) problems.push({ field: 'name', message: nameWords });
    else if (u.name.length < 2) problems.push({ field: 'name', message: '单位名称至少2个字' });
    else if (u.name.length > 60) problems.push({ field: 'name', message: '单位名称不能超过60字' });
    if (CITY_LEVEL_UNIT_KINDS.includes(u.kind) && u.district) {
      problems.push({ field: 'district', message: `${unitKindLabels[u.kind]}是市级单位，不设辖区` });
    }
    if (!CITY_LEVEL_UNIT_KINDS.includes(u.kind) && !u.district) {
      problems.push({ field: 'district', message: u.kind === UnitKind.DISTRICT_BUREAU ? '请选择公安（分）局的辖区' : '请选择所在辖区' });
    }
    const needsCode = REGISTERED_UNIT_KINDS.includes(u.kind);
    if (needsCode) {
      if (!u.creditCode) problems.push({ field: 'creditCode', message: '请填写统一社会信用代码' });
      else {
        const p = creditCodeProblem(u.creditCode);
        if (p) problems.push({ field: 'creditCode', message: p });
      }
      const contact = personNameProblem(u.contactName ?? '', '联系人');
      if (contact) problems.push({ field: 'contactName', message: contact });
      const phone = phoneProblem(u.contactPhone ?? '');
      if (phone) problems.push({ field: 'contactPhone', message: phone });
    } else {
      if (u.creditCode) problems.push({ field: 'creditCode', message: '只有主办单位和保安服务公司登记统一社会信用代码' });
      if (u.contactPhone) {
        const phone = phoneProblem(u.contactPhone);
        if (phone) problems.push({ field: 'contactPhone', message: phone });
      }
      if (u.contactName && u.contactName.length > 30) problems.push({ field: 'contactName', message: '联系人不能超过30字' });
    }
    return problems;
  }

  private async assertCreditCodeFree(m: EntityManager, creditCode: string): Promise<void> {
    const other = await m.findOneBy(UnitEntity, { creditCode });
    if (other) {
      const message = `统一社会信用代码已被“${other.name}”使用`;
      throw new DomainError('CONFLICT', message, [{ field: 'creditCode', message }]);
    }
  }

  /** Open activities that would be left without anyone to act for them if `unit` went. */
  private async dependentOpenActivities(m: EntityManager, unit: UnitEntity): Promise<{ code: string; name: string }[]> {
    // A city-level unit is needed by every open activity when it is the last active one of its kind.
    let lastOfKind = false;
    if (CITY_LEVEL_UNIT_KINDS.includes(unit.kind)) {
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM units WHERE kind = $1 AND active AND id <> $2`, [unit.kind, unit.id]);
      lastOfKind = n === 0;
      if (lastOfKind && unit.kind === UnitKind.IT_DEPARTMENT) return [{ code: '—', name: '系统管理（唯一的信息通信部门）' }];
    }
    const district = unit.kind === UnitKind.DISTRICT_BUREAU ? unit.district : null;
    return m.query(DEPENDENT_ACTIVITIES_SQL, [unit.id, OPEN_STATUSES, district, lastOfKind]);
  }
}
