import type { Clock } from '../../common/clock';
import { AuditAction, CompanyStatus, companyStatusLabels, creditCodeProblem, isBlank, isToTheFen, formulaLikeProblem, LANDLINE_PATTERN, MOBILE_PATTERN, personNameProblem, requiredTextProblem, singleLineProblem, UnitKind, wordlessProblem } from '@evs/schema';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { addYears, isIsoDate, todayBy } from '../../common/calendar';
import { assertNoProblems, badInput, DomainError, FieldProblem, notFound } from '../../common/errors';
import { Page, PageInput, pageWindow, pageWithTotal } from '../../common/pagination';
import { withUniqueConflicts } from '../../common/unique-conflicts';
import { preparedEntities } from '../../database/prepared';
import { AuditService } from '../audit/audit.service';
import { accountProblems, IssuedAccount, issueAccount, normaliseAccount } from '../users/issue-account';
import { NotificationsService } from '../notifications/notifications.service';
import { UnitEntity } from '../units/unit.entity';
import { CompanyEntity } from './company.entity';
import {
  CompanyFilterInput,
  CompanyInput,
  CompanyProfileInput,
  CompanySortField,
  CompanySortInput,
  CreateCompanyInput,
} from './company.inputs';
import { assertCanManageCompanies, assertCanViewCompany, ownCompanyId, scopeCompanies } from './company.policy';
import { containsPattern } from '../../common/sql-predicate';
import { assertSecurityCompany, isSecurityCompanyUnit } from './own-register';

/** 条例第八条: registered capital of at least ¥1,000,000. */
export const MIN_REGISTERED_CAPITAL = 1_000_000;
export const CAPITAL_RULE_MESSAGE = '注册资本不得少于人民币100万元（《保安服务管理条例》第八条）';

export function phoneProblem(phone: string): string | null {
  const p = phone.trim();
  if (!p) return '请填写联系电话';
  if (MOBILE_PATTERN.test(p) || LANDLINE_PATTERN.test(p)) return null;
  return '联系电话应为11位手机号或带区号的固定电话（如0427-2812345）';
}

/** The register entry trimmed and normalised (credit code upper-case). */
export function normaliseCompanyInput<T extends CompanyInput>(input: T): T {
  return {
    ...input,
    name: input.name.trim(),
    creditCode: input.creditCode.trim().toUpperCase(),
    licenseNo: input.licenseNo.trim(),
    licenseExpiry: input.licenseExpiry.trim(),
    address: input.address.trim(),
    contactName: input.contactName.trim(),
    contactPhone: input.contactPhone.trim(),
  };
}

/**
 * A register entry's text is one line of what was typed (review 5 C-7): no tab or line break inside,
 * no invisible format character or blank-looking filler (red-team L1: 盘锦\u061c辽河… looked like the
 * register's 盘锦辽河…), no leading =, +, - or @ (full-width too), which a spreadsheet opening the register's
 * export would run as a formula, and some words, not only symbols.
 */
function lineProblems(fields: [field: string, label: string, value: string][]): FieldProblem[] {
  return fields.flatMap(([field, label, value]) => {
    const problem = singleLineProblem(value, label) ?? formulaLikeProblem(value, label) ?? wordlessProblem(value, label);
    return problem ? [{ field, message: problem }] : [];
  });
}

function profileProblems(input: CompanyProfileInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // “ㅤ” (U+3164) looks empty and is no 住所 (isBlank), as spaces are not (red-team L6).
  if (isBlank(input.address)) problems.push({ field: 'address', message: '请填写住所' });
  else {
    problems.push(...lineProblems([['address', '住所', input.address]]));
    if (input.address.length > 200) problems.push({ field: 'address', message: '住所不能超过200字' });
  }
  // A person, as every other name of a person in the system (review 6 C-F7: "13800138000" was taken).
  const contact = personNameProblem(input.contactName, '联系人');
  if (contact) problems.push({ field: 'contactName', message: contact });
  const phone = phoneProblem(input.contactPhone);
  if (phone) problems.push({ field: 'contactPhone', message: phone });
  return problems;
}

/** Every problem of a register entry, field by field (pure; unit-tested). */
export function companyInputProblems(input: CompanyInput, options: { creating: boolean; today: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.name.length < 4) problems.push({ field: 'name', message: '公司名称至少4个字' });
  else if (input.name.length > 60) problems.push({ field: 'name', message: '公司名称不能超过60字' });
  problems.push(...lineProblems([['name', '公司名称', input.name], ['licenseNo', '保安服务许可证号', input.licenseNo]]));
  const credit = creditCodeProblem(input.creditCode);
  if (credit) problems.push({ field: 'creditCode', message: credit });
  // A 保安服务公司 is a company registered with the market regulator: its code begins 91 (GB 32100).
  else if (!input.creditCode.startsWith('91')) {
    problems.push({ field: 'creditCode', message: '保安服务公司的统一社会信用代码应以“91”开头（市场监管部门登记的企业）' });
  }
  if (!input.licenseNo) problems.push({ field: 'licenseNo', message: '请填写保安服务许可证号' });
  else if (input.licenseNo.length > 40) problems.push({ field: 'licenseNo', message: '保安服务许可证号不能超过40字' });
  if (!isIsoDate(input.licenseExpiry)) {
    problems.push({ field: 'licenseExpiry', message: '保安服务许可证有效期应为有效日期（YYYY-MM-DD）' });
  } else if (options.creating && input.licenseExpiry < options.today) {
    problems.push({ field: 'licenseExpiry', message: `保安服务许可证已于${input.licenseExpiry}到期，不能登记` });
  } else if (input.licenseExpiry > addYears(options.today, 30)) {
    problems.push({ field: 'licenseExpiry', message: `保安服务许可证有效期至${input.licenseExpiry}，晚于30年后，请核对` });
  }
  if (!Number.isFinite(input.registeredCapital) || input.registeredCapital < 0) {
    problems.push({ field: 'registeredCapital', message: '注册资本应为有效金额（元）' });
  } else if (input.registeredCapital < MIN_REGISTERED_CAPITAL) {
    problems.push({ field: 'registeredCapital', message: CAPITAL_RULE_MESSAGE });
  } else if (input.registeredCapital >= 1e12) {
    problems.push({ field: 'registeredCapital', message: '注册资本金额过大' });
  } else if (!isToTheFen(input.registeredCapital)) {
    problems.push({ field: 'registeredCapital', message: '注册资本最多精确到分（两位小数）' });
  }
  problems.push(...profileProblems(input));
  return problems;
}

export interface CompanyListArgs {
  filter?: CompanyFilterInput;
  sort?: CompanySortInput;
  page?: PageInput;
}

/**
 * A company as the reads return it: with its guards on the register when the query asks for them, and
 * whether it is an organizer's own register when the read already knows (`Company.selfRecruitedRegister`).
 */
export type CompanyRow = CompanyEntity & { guardsOnRegister?: number; selfRecruitedRegister?: boolean };

/**
 * The guards on the register (in service), as a column of the company's own statement: a detail or a
 * list that shows the count reads it with the company, not in a loader statement after it.
 */
const GUARDS_ON_REGISTER = `(SELECT count(*)::int FROM guards g WHERE g.company_id = c.id AND g.status = 'ACTIVE')`;

/** The companies read (alias `c`), each with its guard count when the statement selected `guard_count`. */
function withGuardCounts(rows: { entities: CompanyEntity[]; raw: { c_id: string; guard_count?: number }[] }): CompanyRow[] {
  const counts = new Map(rows.raw.map((r) => [r.c_id, r.guard_count]));
  return rows.entities.map((c) => Object.assign(c, { guardsOnRegister: counts.get(c.id) }));
}

const SORT_COLUMNS: Record<CompanySortField, string> = {
  // Pinyin order (ICU ships with PostgreSQL's Debian, Docker and embedded builds).
  [CompanySortField.NAME]: 'c.name COLLATE "zh-x-icu"',
  [CompanySortField.LICENSE_EXPIRY]: 'c.license_expiry',
  [CompanySortField.GUARD_COUNT]: 'guard_count',
  [CompanySortField.CREATED_AT]: 'c.created_at',
};

/** Why a company name is refused as already on the register. */
export const companyNameTakenMessage = (name: string, creditCode: string, registeredAs: string = name) =>
  registeredAs === name
    ? `公司名称“${name}”已登记（统一社会信用代码${creditCode}），请核对`
    : `公司名称“${name}”与已登记的“${registeredAs}”（统一社会信用代码${creditCode}）只差空格、大小写或全角半角，视为同一名称，请核对`;

export class CompaniesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, args: CompanyListArgs, read: { guardsOnRegister?: boolean } = {}): Promise<Page<CompanyRow>> {
    const w = pageWindow(args.page);
    const f = args.filter ?? {};
    const qb = this.ds.getRepository(CompanyEntity).createQueryBuilder('c');
    // The register of security service companies; a self-recruiting organizer's own register is not listed.
    qb.innerJoin('units', 'cu', `cu.id = c.id AND cu.kind = 'COMPANY'`);
    scopeCompanies(qb, actor);
    const search = f.search?.trim();
    if (search) {
      qb.andWhere(
        new Brackets((b) => b.where('c.name ILIKE :s', { s: containsPattern(search) }).orWhere('c.credit_code ILIKE :s')),
      );
    }
    if (f.district) qb.andWhere('c.district = :district', { district: f.district });
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    if (f.qualifiedOnly) {
      qb.andWhere(`c.status = 'ACTIVE' AND c.license_expiry >= :today AND c.registered_capital >= :minCapital`, {
        today: todayBy(this.clock),
        minCapital: MIN_REGISTERED_CAPITAL,
      });
    }
    const sort = args.sort ?? { field: CompanySortField.NAME, descending: false };
    const dir = sort.descending ? 'DESC' : 'ASC';
    if (sort.field === CompanySortField.GUARD_COUNT || read.guardsOnRegister) qb.addSelect(GUARDS_ON_REGISTER, 'guard_count');
    qb.orderBy(SORT_COLUMNS[sort.field], dir).addOrderBy('c.name COLLATE "zh-x-icu"', 'ASC').addOrderBy('c.id', 'ASC');
    const page = await pageWithTotal<CompanyEntity, { c_id: string; guard_count?: number }>(qb.offset(w.skip).limit(w.take));
    // Every row listed is a 保安服务公司 (the join above): its figures need no look-up of its unit.
    const items = withGuardCounts(page).map((c) => Object.assign(c, { selfRecruitedRegister: false }));
    return { items, total: page.total, page: w.page, pageSize: w.pageSize };
  }

  async get(actor: Actor, id: string, read: { guardsOnRegister?: boolean } = {}): Promise<CompanyRow> {
    const qb = this.ds.getRepository(CompanyEntity).createQueryBuilder('c').where('c.id = :id', { id });
    // Whether the row is a 保安服务公司 or a self-recruiting organizer's own register (its unit's kind), as the list tells them apart.
    qb.leftJoin('units', 'cu', 'cu.id = c.id').addSelect('cu.kind', 'unit_kind');
    if (read.guardsOnRegister) qb.addSelect(GUARDS_ON_REGISTER, 'guard_count');
    const rows = await preparedEntities<CompanyEntity, { c_id: string; guard_count?: number; unit_kind: string | null }>(qb);
    const [company] = withGuardCounts(rows);
    if (!company) throw notFound('保安服务公司');
    // After the load: another company's register entry is a denial (audited), a missing one is not.
    const securityCompany = isSecurityCompanyUnit(rows.raw[0]?.unit_kind);
    assertCanViewCompany(actor, id, { securityCompany });
    return Object.assign(company, { selfRecruitedRegister: !securityCompany });
  }

  async create(actor: Actor, raw: CreateCompanyInput): Promise<CompanyEntity & { issuedAccount?: IssuedAccount }> {
    assertCanManageCompanies(actor);
    const input = normaliseCompanyInput(raw);
    const problems = companyInputProblems(input, { creating: true, today: todayBy(this.clock) });
    const account = raw.account ? normaliseAccount({ ...raw.account, role: null }) : null;
    if (account) problems.push(...accountProblems(account, { kind: UnitKind.COMPANY }));
    assertNoProblems(problems, '保安服务公司登记信息有误');

    return this.inTransaction(async (m) => {
      const saved = await this.register(m, input);
      const issued = account
        ? await issueAccount(m, this.audit, actor, (await m.findOneByOrFail(UnitEntity, { id: saved.id })), account)
        : undefined;
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'Company',
        entityId: saved.id,
        summary: `登记保安服务公司“${saved.name}”${issued ? `，开设账号 ${issued.account.username}` : ''}`,
        after: saved,
      });
      return Object.assign(saved, { issuedAccount: issued });
    });
  }

  /**
   * Inserts a checked register entry: its unit (kind COMPANY) and the company row with the same id.
   * The caller checked the input, holds the transaction and writes the audit entry.
   */
  async register(m: EntityManager, input: CompanyInput): Promise<CompanyEntity> {
    await this.assertCreditCodeFree(m, input.creditCode);
    await this.assertNameFree(m, input.name);
    const unit = await m.save(
      UnitEntity,
      m.create(UnitEntity, {
        name: input.name,
        kind: UnitKind.COMPANY,
        district: input.district,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
      }),
    );
    await m.insert(CompanyEntity, {
      id: unit.id,
      name: input.name,
      creditCode: input.creditCode,
      licenseNo: input.licenseNo,
      licenseExpiry: input.licenseExpiry,
      registeredCapital: input.registeredCapital.toFixed(2),
      address: input.address,
      district: input.district,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      status: CompanyStatus.ACTIVE,
      statusReason: null,
    });
    return m.findOneByOrFail(CompanyEntity, { id: unit.id });
  }

  async update(actor: Actor, id: string, raw: CompanyInput, version: number | undefined): Promise<CompanyEntity> {
    assertCanManageCompanies(actor);
    const input = normaliseCompanyInput(raw);
    assertNoProblems(companyInputProblems(input, { creating: false, today: todayBy(this.clock) }), '保安服务公司登记信息有误');
    return this.inTransaction(async (m) => {
      const before = await this.lock(m, id, version);
      await assertSecurityCompany(m, before, '修改保安服务公司登记信息', 'id');
      if (input.creditCode !== before.creditCode) await this.assertCreditCodeFree(m, input.creditCode, id);
      if (input.name !== before.name) await this.assertNameFree(m, input.name, id);
      const patch: Partial<CompanyEntity> = {
        name: input.name,
        creditCode: input.creditCode,
        licenseNo: input.licenseNo,
        licenseExpiry: input.licenseExpiry,
        registeredCapital: input.registeredCapital.toFixed(2),
        address: input.address,
        district: input.district,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
      };
      const after = await this.write(m, before, patch);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Company',
        entityId: id,
        summary: `修改保安服务公司“${after.name}”的登记信息`,
        before,
        after,
      });
      return after;
    });
  }

  async setStatus(actor: Actor, id: string, status: CompanyStatus, reason: string): Promise<CompanyEntity> {
    assertCanManageCompanies(actor);
    const why = reason.trim();
    const unsaid = requiredTextProblem(why, '变更状态的原因');
    if (unsaid) throw badInput(unsaid, [{ field: 'reason', message: unsaid }]);
    if (why.length > 500) throw badInput('原因不能超过500字', [{ field: 'reason', message: '原因不能超过500字' }]);
    return this.inTransaction(async (m) => {
      const before = await this.lock(m, id);
      // Before "already in that state": a register is refused for what it is, whatever status was asked.
      await assertSecurityCompany(m, before, '暂停、吊销或恢复', 'id');
      if (before.status === status) {
        throw badInput(`该公司当前已是“${companyStatusLabels[status]}”状态`, [
          { field: 'status', message: `该公司当前已是“${companyStatusLabels[status]}”状态` },
        ]);
      }
      const after = await this.write(m, before, { status, statusReason: status === CompanyStatus.ACTIVE ? null : why });
      const summary = `保安服务公司“${after.name}”状态：${companyStatusLabels[before.status]} → ${companyStatusLabels[status]}（${why}）`;
      await this.audit.record(m, actor, { action: AuditAction.UPDATE, entityType: 'Company', entityId: id, summary, before, after });
      await this.notifications.notify(m, [id], {
        title: `本公司状态变更为“${companyStatusLabels[status]}”`,
        body: `保安管理支队将本公司状态由“${companyStatusLabels[before.status]}”变更为“${companyStatusLabels[status]}”。原因：${why}`,
        link: '/company/profile',
      });
      if (status !== CompanyStatus.ACTIVE) await this.notifyOpenActivities(m, after, status, why);
      return after;
    });
  }

  /**
   * A selected company suspended or revoked cannot go on (company-standing.ts): the organizer and
   * the office of each activity it was selected for and that is not over hear of it at once.
   */
  private async notifyOpenActivities(m: EntityManager, company: CompanyEntity, status: CompanyStatus, why: string): Promise<void> {
    const open: { id: string; name: string; organizer_unit_id: string | null }[] = await m.query(
      `SELECT id, name, organizer_unit_id FROM activities
        WHERE selected_company_id = $1 AND status IN ('COMPANY_SELECTED', 'VETTING', 'TRAINING', 'READY', 'IN_PROGRESS')`,
      [company.id],
    );
    if (!open.length) return;
    const office: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = 'LEADING_GROUP_OFFICE'`);
    for (const a of open) {
      await this.notifications.notify(m, [a.organizer_unit_id, ...office.map((o) => o.id)].filter((x): x is string => !!x), {
        title: `中选公司状态变更：${a.name}`,
        body: `“${a.name}”的中选公司“${company.name}”已被变更为“${companyStatusLabels[status]}”（${why}），不能继续上报名单或上岗。请与公安机关商定后续安排。`,
        link: `/activities/${a.id}`,
        activityId: a.id,
      });
    }
  }

  /** A company user keeps its own address and contact; nothing else. */
  async updateProfile(actor: Actor, raw: CompanyProfileInput): Promise<CompanyEntity> {
    const id = ownCompanyId(actor);
    const input = { address: raw.address.trim(), contactName: raw.contactName.trim(), contactPhone: raw.contactPhone.trim() };
    assertNoProblems(profileProblems(input), '公司资料有误');
    return this.inTransaction(async (m) => {
      const before = await this.lock(m, id);
      const after = await this.write(m, before, input);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Company',
        entityId: id,
        summary: `保安服务公司“${after.name}”更新本公司住所与联系人`,
        before,
        after,
      });
      return after;
    });
  }

  /** Two registrations of the same code (or username) at once: the database's unique index decides. */
  private inTransaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return withUniqueConflicts(() => this.ds.transaction(work), { username: 'account.username' });
  }

  /**
   * One company per name on the register (企业名称登记管理规定第十七条: no two enterprises of one trade under one
   * registration authority share a name; review 6 C-F2): a second 盘锦辽河保安服务有限公司 under a mistyped credit
   * code could not be told apart in a candidate list, a comparison or a 通报. Names are compared as the units'
   * unique index compares them (`unit_name_key`: spaces, case and full/half width do not count; migration
   * UnitNameOnce), so "盘锦辽河保安服务有限公司 " is told as the same name; the database holds it too
   * (uq_companies_name, uq_units_name_once).
   */
  private async assertNameFree(m: EntityManager, name: string, exceptId?: string): Promise<void> {
    const [other]: { id: string; name: string; credit_code: string }[] = await m.query(
      `SELECT c.id, c.name, c.credit_code FROM companies c JOIN units u ON u.id = c.id
        WHERE public.unit_name_key(c.name) = public.unit_name_key($1) AND u.merged_into_id IS NULL AND c.id IS DISTINCT FROM $2::uuid
        LIMIT 1`,
      [name, exceptId ?? null],
    );
    if (other) {
      const message = companyNameTakenMessage(name, other.credit_code, other.name);
      throw new DomainError('CONFLICT', message, [{ field: 'name', message }]);
    }
  }

  private async assertCreditCodeFree(m: EntityManager, creditCode: string, exceptId?: string): Promise<void> {
    const other = await m.findOneBy(CompanyEntity, { creditCode });
    if (other && other.id !== exceptId) {
      const message = `统一社会信用代码已被“${other.name}”使用`;
      throw new DomainError('CONFLICT', message, [{ field: 'creditCode', message }]);
    }
  }

  private async lock(m: EntityManager, id: string, version?: number | null): Promise<CompanyEntity> {
    const company = await m
      .getRepository(CompanyEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
    if (!company) throw notFound('保安服务公司');
    if (version != null && version !== company.version) {
      throw new DomainError('CONFLICT', '公司信息已被他人修改，请刷新后重试');
    }
    return company;
  }

  /** Updates the company row (bumping its version) and keeps its unit's name, district and contact in step. */
  private async write(m: EntityManager, before: CompanyEntity, patch: Partial<CompanyEntity>): Promise<CompanyEntity> {
    await m.update(CompanyEntity, { id: before.id }, { ...patch, version: before.version + 1 });
    const after = await m.findOneByOrFail(CompanyEntity, { id: before.id });
    await m.update(UnitEntity, { id: before.id }, {
      name: after.name,
      district: after.district,
      contactName: after.contactName,
      contactPhone: after.contactPhone,
    });
    return after;
  }
}
