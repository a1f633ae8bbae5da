import { createHmac } from 'node:crypto';
import type { Clock } from '../../common/clock';
import { AuditAction, birthdayOfAge, CERTIFICATE_SCHEME_START, CompanyStatus, companyStatusLabels, formulaLikeProblem, GuardStatus, idNumberFacts, idNumberProblem, isBlank, RelativeRelation, Sex } from '@evs/schema';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Actor } from '../../common/actor';
import { isIsoDate, localDate, todayBy } from '../../common/calendar';
import { assertNoProblems, badInput, conflict, DomainError, FieldProblem, notFound } from '../../common/errors';
import { currentRequest } from '../../common/request-context';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { idHash, nameHash, piiKeyring } from '../../common/pii';
import { AuditEntryEntity } from '../audit/audit.entity';
import { AuditService, noteWritten } from '../audit/audit.service';
import { CompanyEntity } from '../companies/company.entity';
import { SettingsService } from '../settings/settings.service';
import {
  ageProblem,
  certificateKey,
  educationProblem,
  EligibilityLimits,
  eligibleGuardCondition,
  eligibleGuardParams,
  LEGAL_MIN_AGE,
  revocationProblems,
  RevokedCertificate,
  twoCertificates,
} from './eligibility';
import { GuardEntity } from './guard.entity';
import { CreateGuardInput, GuardFilterInput, GuardInput, RelativeInput } from './guard.inputs';
import {
  assertCanListCompanyGuards,
  assertDetachment,
  assertMayAskEligibilityOn,
  canManageGuard,
  guardListScope,
  importRegister,
  scopeGuards,
  searchesByIdNumber,
  seesOtherRegisters,
} from './guard.policy';
import { assertSelfRecruiting, ensureOwnRegister } from './guard-import.service';
import { assertSecurityCompany } from '../companies/own-register';
import { certificateHeldMessage, COMPANY_REQUIRED, COMPANY_UNKNOWN, guardFieldProblems, normaliseIdNumber, relativesProblems, statementProblems } from './guard.rules';
import { assertCredentialsEditable, assertIdentityEditable, assertMayLeave } from './identity-lock';
import { IDENTITY_PROBE_REFUSED, IdentityProbes, ProbeAnswer, ProbeSource, probesCounted } from './identity-probe';
import { RelativeEntity } from './relative.entity';
import { CertificateRevocationEntity } from './revocation.entity';
import { applyRevocationToOpenRosters, lockGuardsOfPeople, OpenRosterEffectsDeps, reviewRevocationLifted } from '../vetting/open-roster-effects';
import { bindPredicate, containsPattern, EVERY_ROW } from '../../common/sql-predicate';
import { EntityRows, pageWithTotalRow, SqlParams } from '../../database/prepared';
import { storedPhoto } from '../../common/image';

/**
 * What the audit log keeps of a guard: the record by reference (its id, the entry's entity id) and
 * what is not personal, never the person. The log is append-only and outlives the retention period
 * (privacy/retention.service.ts anonymises a guard's name, ID number, phone, photo, 保安员证号 and the
 * statement about relatives): none of these goes in, only whether each is present. No digit of the
 * ID number either (a masked number and the birth date together give the whole number back).
 */
function auditView(g: GuardEntity): Record<string, unknown> {
  return {
    id: g.id,
    companyId: g.companyId,
    status: g.status,
    leftOn: g.leftOn,
    education: g.education,
    certificateIssuedOn: g.certificateIssuedOn,
    hasCertificateNo: !!g.certificateNo,
    hasPhone: !!g.phone,
    hasPhoto: !!g.photo,
    hasRelativesStatement: !!g.relativesStatement,
    anonymisedAt: g.anonymisedAt,
  };
}

/** Fields of a guard's record an edit is audited as changing: their names, never their values (`auditView`). */
const AUDITED_FIELDS = ['name', 'idNumber', 'phone', 'certificateNo', 'certificateIssuedOn', 'education', 'photo', 'relativesStatement'] as const;

function changedFields(before: GuardEntity, after: GuardEntity): string[] {
  return AUDITED_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
}

/** `updateGuard`: the 保安员证号 cleared while the issue date, left out, stays as stored. */
const keptIssueDateMessage = (issuedOn: string) => `保安员证号已清除，但登记的发证日期（${issuedOn}）未清除：请同时清除发证日期`;

/**
 * A field of `updateGuard` as it will be stored (不传为不变): left out (undefined) keeps the stored
 * value; null clears it; a value is taken as `clean` makes it (a blank clears).
 */
function keptOrCleared<T>(sent: T | null | undefined, stored: T | null, clean: (value: T) => T | null): T | null {
  if (sent === undefined) return stored;
  return sent === null ? null : clean(sent);
}

/**
 * The day a guard's record closes, by leaving or by a transfer (the old record leaves that day): a
 * real date, not after today, and not before the guard turned 18 (条例第十六条: no one is a guard
 * before, so an earlier date is a typing error). Without `birthDate`: the checks that need no record.
 * `label` names the date as the form does (离职日期, 调转日期).
 */
function closingDateProblem(label: string, date: string, today: string, birthDate?: string | null): string | null {
  if (!isIsoDate(date)) return `${label}应为有效日期（YYYY-MM-DD）`;
  if (date > today) return `${label}不能晚于今天`;
  const adultOn = birthDate ? birthdayOfAge(birthDate, 18) : null;
  if (adultOn && date < adultOn) return `${label}不能早于其年满18周岁之日（${adultOn}）`;
  return null;
}

function assertClosingDate(label: string, date: string, today: string, birthDate?: string | null): void {
  const problem = closingDateProblem(label, date, today, birthDate);
  if (problem) throw badInput(problem, [{ field: 'date', message: problem }]);
}

/**
 * What a form sends back to say which relatives it was opened on (setGuardRelatives `expectedVersion`): keyed over
 * the relative rows' ids (every change writes new rows) and the statement, so it tells nothing of the relatives.
 */
export function relativesVersion(rowIds: readonly string[], statement: string | null): string {
  return createHmac('sha256', piiKeyring().hashKey)
    .update(`relatives:${[...rowIds].sort().join(',')}|${statement ?? ''}`, 'utf8')
    .digest('hex')
    .slice(0, 24);
}

/**
 * A record ends no earlier than it began (red team 7, L3: a record opened by a transfer dated 2026-12-06 "left"
 * on 2026-12-01). A record's start is not stored; it is no earlier than the day the person's previous record
 * ended (one active record per person city-wide: a transfer's date, or an earlier leaving), which is checked.
 */
async function assertAfterPreviousRecord(m: EntityManager, label: string, date: string, record: GuardEntity): Promise<void> {
  if (!record.idNumberHash) return;
  const [row]: { ended: string | null }[] = await m.query(
    `SELECT max(left_on)::text AS ended FROM guards WHERE id_hash = $1 AND id <> $2 AND status = 'LEFT'`,
    [record.idNumberHash, record.id],
  );
  if (row?.ended && date < row.ended) {
    const problem = `${label}不能早于${row.ended}：该人员的上一段保安员记录（调转或离职）到${row.ended}才结束，本记录自那以后开始`;
    throw badInput(problem, [{ field: 'date', message: problem }]);
  }
}

/**
 * Why a revocation's date is refused, or null: a real date, not after today, not before 2010 (条例 in force,
 * no certificate before) nor before the holder turned 18 (`idNumber`, when known): 条例第十七条 bars for life
 * after two revocations, so a typed 1999 must not count as one.
 */
function revocationDateProblem(date: string, today: string, idNumber: string | null): string | null {
  if (!isIsoDate(date)) return '吊销日期应为有效日期（YYYY-MM-DD）';
  if (date > today) return '吊销日期不能晚于今天';
  if (date < CERTIFICATE_SCHEME_START) {
    return `吊销日期不能早于${CERTIFICATE_SCHEME_START}（《保安服务管理条例》自该日起施行，此前未颁发保安员证）`;
  }
  const adultOn = idNumber ? birthdayOfAge(idNumberFacts(idNumber).birthDate, 18) : null;
  if (adultOn && date < adultOn) return `吊销日期早于持证人年满18周岁（${adultOn}），保安员证不会在此前颁发`;
  return null;
}

/**
 * A revocation's reason, a correction's note, a cancellation's reason: filled in, at most 500 characters,
 * and not read as a formula by a spreadsheet (the reason reaches the guard's exports; red-team 6 L3).
 */
function revocationTextProblem(text: string, label: string): string | null {
  if (isBlank(text)) return `请填写${label}`;
  if ([...text.trim()].length > 500) return `${label}不能超过500字`;
  return formulaLikeProblem(text, label);
}

/** A 保安员证 number as the register takes it (guard.rules `guardFieldProblems`). */
function revocationCertificateProblem(no: string | null): string | null {
  return no && !/^[\u4e00-\u9fa5A-Za-z0-9-]{4,40}$/.test(no) ? '保安员证号应为4–40位字母、数字或汉字' : null;
}

const beforeIssueMessage = (no: string, issuedOn: string) => `吊销日期不能早于该保安员证（证号${no}）的发证日期（${issuedOn}）`;

/** The CONFLICT of a revocation of a certificate already revoked (red-team L4). */
const notReissuedMessage = (earlier: { revokedOn: string; certificateNo: string | null }) =>
  `该人员已于${earlier.revokedOn}被吊销保安员证（证号${earlier.certificateNo ?? '未登记'}），此后未取得新证；如日期或原因有误，请更正原记录`;

/** One writer of a person's revocations at a time (recording, correcting, cancelling), registered or not. */
async function lockRevocationsOf(m: EntityManager, hash: Buffer): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`certificate-revocations:${hash.toString('hex')}`]);
}

/** The person's revocations in force (not cancelled), latest first. */
function revocationsInForceOf(m: EntityManager, hash: Buffer): Promise<CertificateRevocationEntity[]> {
  return m.find(CertificateRevocationEntity, { where: { idNumberHash: hash, cancelledAt: IsNull() }, order: { revokedOn: 'DESC' } });
}

/** The 保安员证 the person's register records hold (any status): the active record's first, then the latest. */
async function certificatesOfPerson(m: EntityManager, hash: Buffer): Promise<{ no: string; issuedOn: string | null }[]> {
  return m.query(
    `SELECT certificate_no AS no, to_char(certificate_issued_on, 'YYYY-MM-DD') AS "issuedOn" FROM guards
      WHERE id_hash = $1 AND certificate_no IS NOT NULL ORDER BY (status = 'ACTIVE') DESC, updated_at DESC, id`,
    [hash],
  );
}

const issuedOnOf = (certificates: { no: string; issuedOn: string | null }[], no: string): string | null =>
  certificates.find((c) => certificateKey(c.no) === certificateKey(no) && c.issuedOn)?.issuedOn ?? null;

/** Why a number typed for a revocation is refused: none of the person's register records holds it (red-team 6 M1). */
const notHeldMessage = (typed: string, certificates: { no: string }[]) =>
  `证号“${typed}”不是该人员在保安员登记中持有的证件（登记的证号：${[...new Set(certificates.map((c) => c.no))].join('、')}），请核对；` +
  '登记之前的旧证被吊销的，可不填证号；如该人员已取得新证，请先在保安员登记中更新其证号和发证日期';

/**
 * The certificate a revocation names when the officer types its number (red-team 6 M1: a typo'd number
 * counted as another certificate, and the guard was barred for life as "吊销3次"). Compared as
 * `certificateKey` does (full-width, case, spaces). A number one of the person's register records holds
 * (any status: an earlier company's record keeps the number it had; a record's own changes of number are
 * not kept), or one of the person's revocations in force names (each checked so when recorded; the register
 * may since hold the next certificate), is kept in that spelling. For a person whose register records hold a
 * number, any other number is refused, naming the field: the register is what tells a new certificate (an
 * old certificate from before the register's is recorded without a number: "证号未登记"). For a person the register knows no number of
 * (on no register, or registered without one) the number is taken as typed (normalised): nothing to check
 * it against, and `twoCertificates` counts it as another certificate only 3 years or more after the last.
 */
function revokedNumber(typed: string, certificates: { no: string }[], revocations: { certificateNo: string | null }[]): string {
  const key = certificateKey(typed);
  const held = certificates.find((c) => certificateKey(c.no) === key)?.no ?? revocations.find((r) => r.certificateNo && certificateKey(r.certificateNo) === key)?.certificateNo;
  if (held) return held;
  if (certificates.length) {
    const message = notHeldMessage(typed, certificates);
    throw badInput(message, [{ field: 'certificateNo', message }]);
  }
  return key;
}

const withIssueDate = (r: CertificateRevocationEntity, certificates: { no: string; issuedOn: string | null }[]): RevokedCertificate => ({
  revokedOn: r.revokedOn,
  certificateNo: r.certificateNo,
  issuedOn: r.certificateNo ? issuedOnOf(certificates, r.certificateNo) : null,
});

/** 一证一人: a number another person's record holds, or another person's revocation names, is a typing error. */
async function assertCertificateOfPerson(m: EntityManager, no: string, hash: Buffer): Promise<void> {
  // As typed and as compared (`certificateKey`): either spelling may be the one stored.
  const [other]: { n: number }[] = await m.query(
    `SELECT 1 AS n FROM guards WHERE certificate_no = ANY($1::text[]) AND id_hash IS NOT NULL AND id_hash <> $2
     UNION ALL SELECT 1 FROM certificate_revocations WHERE certificate_no = ANY($1::text[]) AND id_hash <> $2 AND cancelled_at IS NULL LIMIT 1`,
    [[...new Set([no, certificateKey(no)])], hash],
  );
  if (other) {
    const message = `保安员证号“${no}”属于另一人（一证一人），请核对`;
    throw badInput(message, [{ field: 'certificateNo', message }]);
  }
}

/**
 * What the audit log keeps of a revocation: its day and reason (the payload is 保安管理支队's), whether it
 * names a certificate (not the number: see `auditView`), and whether it is cancelled.
 */
function revocationAuditView(r: CertificateRevocationEntity): Record<string, unknown> {
  return { id: r.id, revokedOn: r.revokedOn, reason: r.reason, hasCertificateNo: !!r.certificateNo, cancelledAt: r.cancelledAt };
}

const activeElsewhereMessage = (actor: Actor, other: { companyName: string }) =>
  seesOtherRegisters(actor)
    ? `该人员已在“${other.companyName}”登记为在职保安员（一人只能有一条在职记录）；须由原公司办理离职，或由保安管理支队办理调转`
    : '该人员已在其他保安服务公司登记为在职保安员（一人只能有一条在职记录）；须由原公司先办理离职';

/**
 * The form's refusal of a person active at another company. It tells that the ID number is real, so
 * it leaves only once counted (identity-probe.ts): after the form's transaction has rolled back, in
 * one of its own (`inTransaction`).
 */
/** A refusal that tells something about a person on another register: counted before it is given (identity-probe.ts). */
class ProbedRefusal extends DomainError {
  constructor(
    code: 'CONFLICT' | 'BAD_USER_INPUT',
    message: string,
    readonly field: 'idNumber' | 'certificateNo',
    readonly answer: ProbeAnswer,
    readonly source: ProbeSource,
  ) {
    super(code, message, [{ field, message }]);
  }
}

export class GuardsService {
  /** The limit on "active at another company" answers (identity-probe.ts). */
  private readonly probes: IdentityProbes;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    /** What a revocation does to the rosters still open (vetting/open-roster-effects.ts). */
    private readonly revocationEffects?: OpenRosterEffectsDeps,
  ) {
    this.probes = new IdentityProbes(audit, clock);
  }

  /** The age limits of local policy: the request's copy of the settings, or a transaction's snapshot. */
  async limits(m?: EntityManager): Promise<EligibilityLimits> {
    const all = await this.settings.all(m);
    return { minAge: all['guard.minAge'], maxAge: all['guard.maxAge'] };
  }

  /**
   * `fields`: what the query selects under `items` (common/selection.ts). Without `idNumber` among
   * them the page leaves the encrypted ID numbers unread: none is decrypted that nobody asked for.
   */
  async list(actor: Actor, filter: GuardFilterInput = {}, page?: PageInput, fields?: ReadonlySet<string>): Promise<Page<GuardEntity>> {
    const w = pageWindow(page);
    // Hand-written SQL on the hot path (issue 15), as the activity list; the row rule is the policy's predicate.
    const params = new SqlParams();
    const bind = params.bind;
    const where: string[] = [];
    // The register list: a keeper (a company, a self-recruiting organizer) its own register alone.
    const scope = guardListScope(actor, 'g');
    if (scope !== EVERY_ROW) where.push(bindPredicate(scope, bind));
    if (filter.companyId) {
      assertCanListCompanyGuards(actor, filter.companyId);
      where.push(`g.company_id = ${bind(filter.companyId)}`);
    }
    if (filter.status) where.push(`g.status = ${bind(filter.status)}`);
    const search = filter.search?.trim();
    if (search) {
      const matches = [`g.name ILIKE ${bind(containsPattern(search))}`, `g.certificate_no = ${bind(search)}`];
      // A whole ID number, by its keyed hash (the number itself is stored encrypted).
      if (searchesByIdNumber(actor)) matches.push(`g.id_hash = ${bind(idHash(search))}`);
      where.push(`(${matches.join(' OR ')})`);
    }
    if (filter.eligibleOn) {
      if (!isIsoDate(filter.eligibleOn)) {
        throw badInput('日期格式应为 YYYY-MM-DD', [{ field: 'filter.eligibleOn', message: '日期格式应为 YYYY-MM-DD' }]);
      }
      assertMayAskEligibilityOn(actor, filter.eligibleOn, todayBy(this.clock), 'filter.eligibleOn');
      where.push(bindPredicate({ sql: eligibleGuardCondition('g'), params: eligibleGuardParams(filter.eligibleOn, await this.limits()) }, bind));
    }
    // Every column but the photo: a page of 100 guards would read up to 30 MB of pictures it does not
    // show (the `photo` field loads them when a query asks for them); the ID number only when asked for.
    const unread = new Set(['photo', ...(fields && !fields.has('idNumber') ? ['idNumber'] : [])]);
    const columns = this.guardRows.columns(null).filter((c) => !unread.has(c.propertyName));
    const { rows, total } = await pageWithTotalRow<Record<string, unknown>>(this.ds, {
      select: this.guardRows.selectList(columns),
      from: 'guards g',
      where,
      params,
      orderBy: 'g.status ASC, g.name COLLATE "zh-x-icu" ASC, g.id ASC',
      take: w.take,
      skip: w.skip,
    });
    return { items: rows.map((row) => this.guardRows.hydrate(row, columns)!), total, page: w.page, pageSize: w.pageSize };
  }

  /** How a list page's rows become entities (hand-written SQL, prepared.ts). */
  private get guardRows(): EntityRows<GuardEntity> {
    return (this.rowsOfGuards ??= new EntityRows(this.ds, GuardEntity, 'g'));
  }
  private rowsOfGuards?: EntityRows<GuardEntity>;

  async get(actor: Actor, id: string): Promise<GuardEntity> {
    const qb = this.ds.getRepository(GuardEntity).createQueryBuilder('g').where('g.id = :id', { id });
    scopeGuards(qb, actor);
    const guard = await qb.getOne();
    // Another register's guard: the same answer, audited as a denial (a second statement on this path only).
    if (!guard) throw notFound('保安员', { denied: await this.ds.getRepository(GuardEntity).existsBy({ id }) });
    return guard;
  }

  async create(actor: Actor, raw: CreateGuardInput): Promise<GuardEntity> {
    // A self-recruiting organizer's register is its own unit's, created with its first guard (as the import does).
    const { companyId, ownUnit } = importRegister(actor, raw.companyId);
    const input = { ...raw, idNumber: normaliseIdNumber(raw.idNumber), name: raw.name.trim() };
    const today = todayBy(this.clock);
    const problems: FieldProblem[] = [];
    if (!companyId) problems.push({ field: 'companyId', message: COMPANY_REQUIRED });
    problems.push(...guardFieldProblems(input, today));
    problems.push(...relativesProblems(input.relatives ?? [], input.idNumber, 'relatives', today));
    problems.push(...statementProblems(input.relativesStatement, 'relativesStatement'));
    assertNoProblems(problems, '保安员登记信息有误');

    return this.inTransaction(actor, async (m) => {
      if (ownUnit) {
        await assertSelfRecruiting(m, companyId!);
        await ensureOwnRegister(m, companyId!);
      }
      const company = await m.findOneBy(CompanyEntity, { id: companyId! });
      if (!company) throw badInput(COMPANY_UNKNOWN, [{ field: 'companyId', message: COMPANY_UNKNOWN }]);
      // The counted answer first (identity-probe.ts): a revocation's refusal must not answer before it (review 5 A-F4).
      await this.assertNoActiveRecord(m, actor, input.idNumber, companyId!);
      await this.assertCertificateOfThisPerson(m, input.certificateNo, input.idNumber, companyId!, { kind: 'FORM_CREATE' });
      await this.assertRegistrable(m, input.idNumber, input, { checkAge: true, checkEducation: true, checkRevocations: true, source: { kind: 'FORM_CREATE' } });
      const facts = idNumberFacts(input.idNumber);
      const guard = await m.save(
        GuardEntity,
        m.create(GuardEntity, {
          companyId: companyId!,
          name: input.name,
          idNumber: input.idNumber,
          idNumberHash: idHash(input.idNumber),
          birthDate: facts.birthDate,
          sex: facts.sex as Sex,
          phone: input.phone?.trim() || null,
          certificateNo: input.certificateNo?.trim() || null,
          certificateIssuedOn: input.certificateIssuedOn || null,
          education: input.education,
          photo: input.photo?.trim() ? storedPhoto(input.photo) : null,
          status: GuardStatus.ACTIVE,
          relativesStatement: input.relativesStatement?.trim() || null,
        }),
      );
      const relatives = input.relatives ?? [];
      if (relatives.length) await m.insert(RelativeEntity, relatives.map((r) => this.relativeRow(guard.id, r)));
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'Guard',
        entityId: guard.id,
        summary: `“${company.name}”登记保安员1人，直系亲属${relatives.length}人`,
        after: { ...auditView(guard), relatives: relatives.length },
      });
      return guard;
    });
  }

  async update(actor: Actor, id: string, raw: GuardInput, expectedUpdatedAt?: Date | null): Promise<GuardEntity> {
    return this.inTransaction(actor, async (m) => {
      const before = await this.lockManaged(m, actor, id);
      if (before.status !== GuardStatus.ACTIVE || before.idNumber === null) throw new DomainError('CONFLICT', '该保安员已离职，离职记录不能修改');
      // 不传为不变 (review C-3): a field left out keeps the stored value, as the import keeps it for a
      // missing column; null (or a blank) clears it. The record as it would be stored is what is checked.
      const input = {
        ...raw,
        idNumber: raw.idNumber ? normaliseIdNumber(raw.idNumber) : before.idNumber,
        name: raw.name.trim(),
        phone: keptOrCleared(raw.phone, before.phone, (v) => v.trim() || null),
        certificateNo: keptOrCleared(raw.certificateNo, before.certificateNo, (v) => v.trim() || null),
        certificateIssuedOn: keptOrCleared(raw.certificateIssuedOn, before.certificateIssuedOn, (v) => v || null),
      };
      // The number cleared while the stored issue date is left out: the date is not cleared for it (never
      // rewritten), and the refusal says which date is left, not "you entered a date" of a date not sent.
      const keptDateOfNoCertificate = raw.certificateIssuedOn === undefined && input.certificateIssuedOn !== null && input.certificateNo === null;
      assertNoProblems(
        [
          ...(keptDateOfNoCertificate ? [{ field: 'certificateIssuedOn', message: keptIssueDateMessage(input.certificateIssuedOn!) }] : []),
          ...guardFieldProblems(keptDateOfNoCertificate ? { ...input, certificateIssuedOn: null } : input, todayBy(this.clock)),
        ],
        '保安员登记信息有误',
      );
      const idChanged = input.idNumber !== before.idNumber;
      const next = {
        phone: input.phone,
        certificateNo: input.certificateNo,
        certificateIssuedOn: input.certificateIssuedOn,
        ...(input.photo === undefined ? {} : { photo: input.photo?.trim() ? storedPhoto(input.photo) : null }),
      };
      const certificateChanged = next.certificateNo !== before.certificateNo || next.certificateIssuedOn !== before.certificateIssuedOn;
      const photoChanged = next.photo !== undefined && next.photo !== before.photo;
      const unchanged = !idChanged && input.name === before.name && input.education === before.education && next.phone === before.phone &&
        !certificateChanged && !photoChanged;
      // Sent twice, or saved without a change: nothing to write, and nothing to audit.
      if (unchanged) return before;
      // A form opened before someone else saved the record would put back what they changed (red team 7, L2).
      if (expectedUpdatedAt && expectedUpdatedAt.getTime() !== before.updatedAt.getTime()) {
        throw new DomainError('CONFLICT', '该保安员的登记信息在您打开后已被他人修改，本次未保存（以免覆盖）；请刷新后再修改');
      }
      if (idChanged || input.name !== before.name) await assertIdentityEditable(m, before, this.clock.now(), idChanged ? 'idNumber' : 'name');
      const educationChanged = input.education !== before.education;
      if (certificateChanged || photoChanged || educationChanged) {
        const field = certificateChanged ? (next.certificateNo !== before.certificateNo ? 'certificateNo' : 'certificateIssuedOn') : photoChanged ? 'photo' : 'education';
        await assertCredentialsEditable(m, before, this.clock.now(), field);
      }
      if (idChanged) await this.assertNoActiveRecord(m, actor, input.idNumber, before.companyId, before.id);
      if (idChanged || next.certificateNo !== before.certificateNo) {
        await this.assertCertificateOfThisPerson(m, next.certificateNo, input.idNumber, before.companyId, { kind: 'FORM_UPDATE' });
      }
      await this.assertRegistrable(m, input.idNumber, input, {
        checkAge: idChanged,
        checkEducation: input.education !== before.education,
        checkRevocations: idChanged,
        source: { kind: 'FORM_UPDATE' },
      });
      const facts = idNumberFacts(input.idNumber);
      await m.update(GuardEntity, { id }, {
        name: input.name,
        idNumber: input.idNumber,
        idNumberHash: idHash(input.idNumber),
        birthDate: facts.birthDate,
        sex: facts.sex as Sex,
        ...next,
        education: input.education,
      });
      const after = await m.findOneByOrFail(GuardEntity, { id });
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Guard',
        entityId: id,
        summary: `修改保安员登记信息${idChanged ? '（含身份证号）' : ''}`,
        before: auditView(before),
        after: { ...auditView(after), idNumberChanged: idChanged, changed: changedFields(before, after) },
      });
      return after;
    });
  }

  /**
   * Replaces the guard's immediate relatives with the given list and, when given, the statement why a
   * parent is not declared (undefined: unchanged; null or blank: removed). Refused while the guard is
   * on an open roster (the vetted identity includes the relatives).
   */
  async setRelatives(
    actor: Actor,
    guardId: string,
    relatives: RelativeInput[],
    statement: string | null | undefined,
    expectedVersion?: string | null,
  ): Promise<GuardEntity> {
    return this.inTransaction(actor, async (m) => {
      const guard = await this.lockManaged(m, actor, guardId);
      if (guard.status !== GuardStatus.ACTIVE || guard.idNumber === null) throw new DomainError('CONFLICT', '该保安员已离职，离职记录不能修改');
      // A form opened before someone else changed the relatives would replace their change (red team 7, L2).
      if (expectedVersion) {
        const rows: { id: string }[] = await m.query(`SELECT id::text FROM guard_relatives WHERE guard_id = $1 ORDER BY id`, [guardId]);
        if (relativesVersion(rows.map((r) => r.id), guard.relativesStatement) !== expectedVersion) {
          throw new DomainError('CONFLICT', '直系亲属在您打开后已被他人修改，本次未保存（以免覆盖）；请重新查阅后再修改');
        }
      }
      assertNoProblems([...relativesProblems(relatives, guard.idNumber, 'relatives', todayBy(this.clock)), ...statementProblems(statement, 'statement')], '直系亲属信息有误');
      const current = await m.find(RelativeEntity, { where: { guardId } });
      const nextStatement = statement === undefined ? guard.relativesStatement : statement?.trim() || null;
      const key = (rs: { relation: string; idNumber: string; name: string }[]) =>
        rs.map((r) => `${r.relation}|${normaliseIdNumber(r.idNumber)}|${r.name.trim()}`).sort().join(';');
      const unchanged = key(current) === key(relatives) && nextStatement === guard.relativesStatement;
      if (unchanged) return guard;
      await assertIdentityEditable(m, guard, this.clock.now(), 'relatives');
      await m.delete(RelativeEntity, { guardId });
      if (relatives.length) await m.insert(RelativeEntity, relatives.map((r) => this.relativeRow(guardId, r)));
      await m.update(GuardEntity, { id: guardId }, { relativesStatement: nextStatement, updatedAt: () => 'now()' } as never);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Guard',
        entityId: guardId,
        summary: `更新保安员的直系亲属：${current.length}人 → ${relatives.length}人${
          nextStatement !== guard.relativesStatement ? (nextStatement ? '，并说明未登记亲属的原因' : '，撤回未登记亲属的说明') : ''}`,
        // Relations and counts only: no relative's name or ID number, and not the statement's text (it is
        // about the relatives, and removed with them when the record is anonymised); only whether there is one.
        before: { count: current.length, relations: current.map((r) => r.relation), hasStatement: !!guard.relativesStatement },
        after: { count: relatives.length, relations: relatives.map((r) => r.relation), hasStatement: !!nextStatement },
      });
      return m.findOneByOrFail(GuardEntity, { id: guardId });
    });
  }

  async leave(actor: Actor, id: string, date: string): Promise<GuardEntity> {
    const today = todayBy(this.clock);
    assertClosingDate('离职日期', date, today);
    return this.inTransaction(actor, async (m) => {
      const before = await this.lockManaged(m, actor, id);
      if (before.status !== GuardStatus.ACTIVE) throw new DomainError('CONFLICT', `该保安员已于${before.leftOn ?? ''}离职`);
      // No one is a guard before 18 (条例第十六条): an earlier date is a typing error, not a departure.
      assertClosingDate('离职日期', date, today, before.birthDate);
      await assertAfterPreviousRecord(m, '离职日期', date, before);
      await assertMayLeave(m, before, this.clock.now());
      await m.update(GuardEntity, { id }, { status: GuardStatus.LEFT, leftOn: date });
      const after = await m.findOneByOrFail(GuardEntity, { id });
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Guard',
        entityId: id,
        summary: `保安员于${date}离职`,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  /**
   * 保安管理支队 moves a guard to another company: the old record is closed (LEFT on `date`) and a
   * new ACTIVE one opened with the same person and relatives, so the history stays. The new register
   * is a 保安服务公司's; the old one may be a self-recruiting organizer's.
   */
  async transfer(actor: Actor, id: string, toCompanyId: string, date: string): Promise<GuardEntity> {
    assertDetachment(actor, '办理保安员调转');
    const today = todayBy(this.clock);
    // The old record leaves on this date: the same checks as a leaving (guardLeaves), one helper.
    assertClosingDate('调转日期', date, today);
    return this.inTransaction(actor, async (m) => {
      const before = await this.lockManaged(m, actor, id);
      if (before.status !== GuardStatus.ACTIVE) throw new DomainError('CONFLICT', '该保安员已离职，无法调转');
      assertClosingDate('调转日期', date, today, before.birthDate);
      await assertAfterPreviousRecord(m, '调转日期', date, before);
      await assertMayLeave(m, before, this.clock.now());
      if (before.companyId === toCompanyId) {
        throw badInput('调入公司与原公司相同', [{ field: 'toCompanyId', message: '调入公司与原公司相同' }]);
      }
      const [from, to] = await Promise.all([
        m.findOneByOrFail(CompanyEntity, { id: before.companyId }),
        m.findOneBy(CompanyEntity, { id: toCompanyId }),
      ]);
      if (!to) throw badInput('调入公司不存在', [{ field: 'toCompanyId', message: '调入公司不存在' }]);
      // Into an organizer's own register, never: its people are the staff it registers itself, as a
      // 自招保安单位 (assertSelfRecruiting). Out of one is a transfer like any other: the police's way to
      // close a record its keeper does not (one active record per person), history kept.
      await assertSecurityCompany(m, to, '调入保安员（自招保安员由该单位自行登记）', 'toCompanyId');
      // A company 保安管理支队 has suspended (暂停) or whose licence is revoked (吊销) is no place to move a guard to.
      if (to.status !== CompanyStatus.ACTIVE) {
        const message = `调入公司“${to.name}”当前为“${companyStatusLabels[to.status]}”状态${to.statusReason ? `（${to.statusReason}）` : ''}，不能调入`;
        throw badInput(message, [{ field: 'toCompanyId', message }]);
      }
      await m.update(GuardEntity, { id }, { status: GuardStatus.LEFT, leftOn: date });
      const { id: _old, createdAt: _c, updatedAt: _u, ...person } = before;
      const moved = await m.save(GuardEntity, m.create(GuardEntity, { ...person, companyId: toCompanyId, status: GuardStatus.ACTIVE, leftOn: null }));
      // The same people: their ciphertexts and hashes are copied as they are.
      await m.query(
        `INSERT INTO guard_relatives (guard_id, name_cipher, name_hash, relation, id_cipher, id_hash)
         SELECT $2, name_cipher, name_hash, relation, id_cipher, id_hash FROM guard_relatives WHERE guard_id = $1`,
        [id, moved.id],
      );
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Guard',
        entityId: moved.id,
        summary: `保安员由“${from.name}”调转至“${to.name}”（${date}）`,
        // The old record by id: the new one is the entry's entity.
        before: auditView(before),
        after: { ...auditView(moved), fromGuardId: before.id },
      });
      return moved;
    });
  }

  /**
   * 保安管理支队 records a revocation of a person's 保安员证 (by ID number, registered or not). The
   * certificate revoked is the one given, or else the one the person's register record held on that day.
   * A person is revoked again only on a new certificate (条例第十七条 "twice" is two certificates, and none
   * is issued within 3 years of a revocation): the same number, or a certificate issued on or before the
   * last revocation, is refused with CONFLICT naming the revocation to correct instead (red-team L4: the
   * same revocation typed again with a corrected date barred the guard for life).
   */
  async recordRevocation(actor: Actor, rawIdNumber: string, date: string, reason: string, rawCertificateNo?: string | null) {
    assertDetachment(actor, '记录吊销保安员证');
    const idNumber = normaliseIdNumber(rawIdNumber);
    const certificateNo = rawCertificateNo?.trim() || null;
    const problems: FieldProblem[] = [];
    const idProblem = idNumberProblem(idNumber);
    if (idProblem) problems.push({ field: 'idNumber', message: idProblem });
    const dateProblem = revocationDateProblem(date, todayBy(this.clock), idProblem ? null : idNumber);
    if (dateProblem) problems.push({ field: 'date', message: dateProblem });
    const reasonProblem = revocationTextProblem(reason, '吊销原因');
    if (reasonProblem) problems.push({ field: 'reason', message: reasonProblem });
    const certificateProblem = revocationCertificateProblem(certificateNo && certificateKey(certificateNo));
    if (certificateProblem) problems.push({ field: 'certificateNo', message: certificateProblem });
    assertNoProblems(problems, '吊销记录有误');
    const hash = idHash(idNumber);
    return this.ds.transaction(async (m) => {
      // Taken before the revocation is stored: a roster submitted at the same moment is checked after it, or scanned by it.
      await lockGuardsOfPeople(m, [hash], { relatives: false });
      await lockRevocationsOf(m, hash);
      const certificates = await certificatesOfPerson(m, hash);
      const inForce = await revocationsInForceOf(m, hash);
      let revoked: RevokedCertificate;
      if (certificateNo) {
        await assertCertificateOfPerson(m, certificateNo, hash);
        const no = revokedNumber(certificateNo, certificates, inForce);
        revoked = { revokedOn: date, certificateNo: no, issuedOn: issuedOnOf(certificates, no) };
        if (revoked.issuedOn && date < revoked.issuedOn) {
          const message = beforeIssueMessage(no, revoked.issuedOn);
          throw badInput(message, [{ field: 'date', message }]);
        }
      } else {
        // The certificate held on that day: the active record's first, then the latest record's (one issued later is another).
        const held = certificates.find((c) => !c.issuedOn || c.issuedOn <= date);
        revoked = { revokedOn: date, certificateNo: held?.no ?? null, issuedOn: held?.issuedOn ?? null };
      }
      // One revocation per person and day, one per certificate (unique indexes on the keyed hash, among those in force):
      // of identical requests at once the others wait for the lock above and are told so; a duplicate would bar
      // the guard as "revoked twice".
      if (inForce.some((r) => r.revokedOn === date)) {
        throw new DomainError('CONFLICT', `该人员${date}的吊销记录已存在`, [{ field: 'date', message: `该人员${date}的吊销记录已存在` }]);
      }
      const same = inForce.find((r) => !twoCertificates(withIssueDate(r, certificates), revoked));
      if (same) {
        const message = notReissuedMessage(same);
        throw new DomainError('CONFLICT', message, [{ field: 'date', message }]);
      }
      const stored = await m.save(
        CertificateRevocationEntity,
        m.create(CertificateRevocationEntity, { idNumber, idNumberHash: hash, revokedOn: date, reason: reason.trim(), certificateNo: revoked.certificateNo }),
      );
      const row = await m.findOneByOrFail(CertificateRevocationEntity, { id: stored.id });
      const holder = await m.findOneBy(GuardEntity, { idNumberHash: hash, status: GuardStatus.ACTIVE });
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'CertificateRevocation',
        entityId: row.id,
        // The reason stays in the payload (保安管理支队 only): the summary is read by others.
        summary: `记录吊销保安员证：${holder ? '在册人员' : '未在册人员'}，${date}`,
        after: { ...revocationAuditView(row), guardId: holder?.id ?? null },
      });
      if (this.revocationEffects) await applyRevocationToOpenRosters(m, actor, this.revocationEffects, hash);
      return row;
    });
  }

  /**
   * 保安管理支队 corrects a revocation's date, reason or certificate number, saying why (`note`), in one
   * transaction with its audit entry. The same rules as recording one: a real date, not in the future, not
   * before the certificate was issued (nor 2010, nor the holder's 18th birthday); one per day and certificate
   * among the person's revocations in force. Sent again unchanged: nothing is written. A new day: what the
   * corrected revocation bars now reaches the open rosters (`applyRevocationToOpenRosters`), and where it no
   * longer bars, the pre-check follows the revocations in force, a FAILED the revocation made goes back to
   * PENDING, and 保安管理支队 is asked to review (`reviewRevocationLifted`, red-team 6 M2).
   */
  async correctRevocation(actor: Actor, id: string, input: { date: string; reason: string; note: string; certificateNo?: string | null }) {
    assertDetachment(actor, '更正吊销记录');
    const certificateNo = input.certificateNo?.trim() || null;
    const today = todayBy(this.clock);
    const problems: FieldProblem[] = [];
    const early = revocationDateProblem(input.date, today, null);
    if (early) problems.push({ field: 'date', message: early });
    const reasonProblem = revocationTextProblem(input.reason, '吊销原因');
    if (reasonProblem) problems.push({ field: 'reason', message: reasonProblem });
    const noteProblem = revocationTextProblem(input.note, '更正说明');
    if (noteProblem) problems.push({ field: 'note', message: noteProblem });
    const certificateProblem = revocationCertificateProblem(certificateNo && certificateKey(certificateNo));
    if (certificateProblem) problems.push({ field: 'certificateNo', message: certificateProblem });
    assertNoProblems(problems, '吊销记录更正有误');
    return this.ds.transaction(async (m) => {
      const before = await this.lockRevocation(m, id);
      if (before.cancelledAt) throw conflict(`该吊销记录已于${localDate(before.cancelledAt)}撤销（录入错误），不能更正；如确有吊销，请重新记录`);
      const certificates = await certificatesOfPerson(m, before.idNumberHash);
      const others = (await revocationsInForceOf(m, before.idNumberHash)).filter((r) => r.id !== before.id);
      // The number as typed is the one stored unless it changes (compared as `certificateKey`): a new one must be
      // one the person holds, as when recording (red-team 6 M1: a number never held also skipped the issue date).
      const sameNumber = !certificateNo || (!!before.certificateNo && certificateKey(certificateNo) === certificateKey(before.certificateNo));
      if (!sameNumber) await assertCertificateOfPerson(m, certificateNo, before.idNumberHash);
      const next = {
        revokedOn: input.date,
        reason: input.reason.trim(),
        certificateNo: sameNumber ? before.certificateNo : revokedNumber(certificateNo, certificates, others),
      };
      // Sent twice, or saved without a change: nothing to write, and nothing to audit.
      if (next.revokedOn === before.revokedOn && next.reason === before.reason && next.certificateNo === before.certificateNo) return before;
      const dateProblem = revocationDateProblem(next.revokedOn, today, before.idNumber);
      if (dateProblem) throw badInput(dateProblem, [{ field: 'date', message: dateProblem }]);
      const corrected: RevokedCertificate = { ...next, issuedOn: next.certificateNo ? issuedOnOf(certificates, next.certificateNo) : null };
      if (corrected.issuedOn && corrected.revokedOn < corrected.issuedOn) {
        const message = beforeIssueMessage(corrected.certificateNo!, corrected.issuedOn);
        throw badInput(message, [{ field: 'date', message }]);
      }
      const sameDay = others.find((r) => r.revokedOn === next.revokedOn);
      if (sameDay) {
        const message = `该人员${next.revokedOn}已有另一条吊销记录（证号${sameDay.certificateNo ?? '未登记'}）；如为重复录入，请撤销其中一条`;
        throw new DomainError('CONFLICT', message, [{ field: 'date', message }]);
      }
      const same = others.find((r) => !twoCertificates(withIssueDate(r, certificates), corrected));
      if (same) {
        const message = `更正后，该记录与${same.revokedOn}的吊销记录（证号${same.certificateNo ?? '未登记'}）为同一张保安员证（其间未取得新证）；如为重复录入，请撤销其中一条`;
        throw new DomainError('CONFLICT', message, [{ field: next.certificateNo !== before.certificateNo ? 'certificateNo' : 'date', message }]);
      }
      const note = input.note.trim();
      await m.update(CertificateRevocationEntity, { id }, { ...next, correctedAt: this.clock.now(), correctedBy: actor.id, correctionNote: note });
      const after = await m.findOneByOrFail(CertificateRevocationEntity, { id });
      // Only the day changes what bars whom (a number or a reason does not change the count of certificates).
      if (this.revocationEffects && after.revokedOn !== before.revokedOn) {
        await applyRevocationToOpenRosters(m, actor, this.revocationEffects, before.idNumberHash);
        await reviewRevocationLifted(m, actor, this.revocationEffects, before.idNumberHash, 'CORRECTED');
      }
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'CertificateRevocation',
        entityId: id,
        summary: `更正吊销记录：${before.revokedOn === after.revokedOn ? after.revokedOn : `${before.revokedOn} → ${after.revokedOn}`}` +
          `${before.reason !== after.reason ? '，更正吊销原因' : ''}${before.certificateNo !== after.certificateNo ? '，更正证号' : ''}`,
        before: revocationAuditView(before),
        after: { ...revocationAuditView(after), certificateNoChanged: before.certificateNo !== after.certificateNo, note: noteWritten(note) },
      });
      return after;
    });
  }

  /**
   * 保安管理支队 cancels a revocation entered in error, with the reason, in one transaction with its audit
   * entry: it is kept (with who, when and why) and no longer counts under 条例第十七条. Cancelled already:
   * nothing is written. Where it barred the person on an open roster, the pre-check follows the revocations
   * in force, a FAILED the revocation made goes back to PENDING, and 保安管理支队 is asked to review
   * (`reviewRevocationLifted`, red-team 6 M2).
   */
  async cancelRevocation(actor: Actor, id: string, reason: string) {
    assertDetachment(actor, '撤销吊销记录');
    const problem = revocationTextProblem(reason, '撤销原因');
    if (problem) throw badInput(`吊销记录撤销有误：${problem}`, [{ field: 'reason', message: problem }]);
    return this.ds.transaction(async (m) => {
      const before = await this.lockRevocation(m, id);
      if (before.cancelledAt) return before;
      const text = reason.trim();
      await m.update(CertificateRevocationEntity, { id }, { cancelledAt: this.clock.now(), cancelledBy: actor.id, cancelReason: text });
      const after = await m.findOneByOrFail(CertificateRevocationEntity, { id });
      if (this.revocationEffects) await reviewRevocationLifted(m, actor, this.revocationEffects, before.idNumberHash, 'CANCELLED');
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'CertificateRevocation',
        entityId: id,
        summary: `撤销吊销记录（录入错误）：${before.revokedOn}`,
        before: revocationAuditView(before),
        after: { ...revocationAuditView(after), cancelReason: noteWritten(text) },
      });
      return after;
    });
  }

  /** A revocation locked for a change, with the person's register rows and revocations (in the order recording takes them). */
  private async lockRevocation(m: EntityManager, id: string): Promise<CertificateRevocationEntity> {
    const found = await m.findOne(CertificateRevocationEntity, { where: { id }, select: { id: true, idNumberHash: true } });
    if (!found) throw notFound('吊销记录');
    await lockGuardsOfPeople(m, [found.idNumberHash], { relatives: false });
    await lockRevocationsOf(m, found.idNumberHash);
    const row = await m.findOne(CertificateRevocationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('吊销记录');
    return row;
  }

  private relativeRow(guardId: string, r: RelativeInput) {
    const name = r.name.trim();
    const idNumber = normaliseIdNumber(r.idNumber);
    return { guardId, name, nameHash: nameHash(name), relation: r.relation, idNumber, idNumberHash: idHash(idNumber) };
  }

  /** Art. 16 (age ≥ 18, 初中 or above) and Art. 17 (revocations) at registration: each refusal names its article. */
  private async assertRegistrable(
    m: EntityManager,
    idNumber: string,
    input: { education: GuardInput['education'] },
    checks: { checkAge: boolean; checkEducation: boolean; checkRevocations: boolean; source: ProbeSource },
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    const today = todayBy(this.clock);
    if (checks.checkAge) {
      const age = ageProblem(idNumberFacts(idNumber).birthDate, today, { minAge: LEGAL_MIN_AGE, maxAge: 200 });
      if (age) problems.push({ field: 'idNumber', message: age.message });
    }
    if (checks.checkEducation) {
      const edu = educationProblem(input.education);
      if (edu) problems.push({ field: 'education', message: edu.message });
    }
    assertNoProblems(problems, '不符合保安员条件');
    if (checks.checkRevocations) {
      const hash = idHash(idNumber);
      const rows = await m.find(CertificateRevocationEntity, { where: { idNumberHash: hash, cancelledAt: IsNull() }, select: { revokedOn: true, certificateNo: true } });
      const [revoked] = revocationProblems(rows, today);
      // Only this exact number has the record: the answer tells that the number is real (a masked number and an
      // age leave ~33 candidates), so it is counted like "active elsewhere" (identity-probe.ts; review 6 A-F2).
      if (revoked) throw new ProbedRefusal('BAD_USER_INPUT', revoked.message, 'certificateNo', { idNumber, idHash: hash, holderGuardId: null, revoked: true }, checks.source);
    }
  }

  /** 一证一人: a 保安员证 number another person holds is refused on the form (the import: per row; the database: trigger). */
  /**
   * 一证一人. The refusal tells whose certificate a number is not: when the holder is on another
   * register it is counted like "active elsewhere" (identity-probe.ts; review 5 A-F1).
   */
  private async assertCertificateOfThisPerson(
    m: EntityManager,
    certificateNo: string | null | undefined,
    idNumber: string,
    companyId: string,
    source: ProbeSource,
  ): Promise<void> {
    const no = certificateNo?.trim();
    if (!no) return;
    const hash = idHash(idNumber);
    const [other]: { id: string; elsewhere: boolean }[] = await m.query(
      `SELECT id, company_id <> $3 AS elsewhere FROM guards WHERE certificate_no = $1 AND id_hash IS NOT NULL AND id_hash <> $2
        ORDER BY (company_id <> $3) DESC LIMIT 1`,
      [no, hash, companyId],
    );
    if (!other) return;
    const message = certificateHeldMessage(no);
    if (other.elsewhere) throw new ProbedRefusal('BAD_USER_INPUT', message, 'certificateNo', { idNumber, idHash: hash, holderGuardId: other.id, certificateNo: no }, source);
    throw badInput(message, [{ field: 'certificateNo', message }]);
  }

  private async assertNoActiveRecord(m: EntityManager, actor: Actor, idNumber: string, companyId: string, exceptId?: string) {
    const hash = idHash(idNumber);
    const rows: { id: string; company_id: string; company_name: string }[] = await m.query(
      `SELECT g.id, g.company_id, c.name AS company_name FROM guards g JOIN companies c ON c.id = g.company_id
       WHERE g.id_hash = $1 AND g.status = 'ACTIVE'`,
      [hash],
    );
    const other = rows.find((r) => r.id !== exceptId);
    if (!other) return;
    if (other.company_id === companyId) {
      throw new DomainError('CONFLICT', '该人员已在本公司保安员名册中（在职），不能重复登记', [
        { field: 'idNumber', message: '该人员已在本公司保安员名册中（在职）' },
      ]);
    }
    const message = activeElsewhereMessage(actor, { companyName: other.company_name });
    throw new ProbedRefusal('CONFLICT', message, 'idNumber', { idNumber, idHash: hash, holderGuardId: other.id }, exceptId ? { kind: 'FORM_UPDATE' } : { kind: 'FORM_CREATE' });
  }

  /** Locks a guard the actor may manage (a register's keeper: its own; 保安管理支队: any). Others: NOT_FOUND. */
  private async lockManaged(m: EntityManager, actor: Actor, id: string): Promise<GuardEntity> {
    const guard = await m
      .getRepository(GuardEntity)
      .createQueryBuilder('g')
      .setLock('pessimistic_write')
      .where('g.id = :id', { id })
      .getOne();
    if (!guard) throw notFound('保安员');
    if (!canManageGuard(actor, guard)) throw notFound('保安员', { denied: true });
    return guard;
  }

  private async inTransaction<T>(actor: Actor, work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(work);
    } catch (err) {
      // Rolled back; the answer is counted (or refused over the limit) before it is given.
      if (err instanceof ProbedRefusal && probesCounted(actor)) {
        await this.probes.refusalAudited(actor, () =>
          this.ds.transaction((m) => this.probes.admit(m, actor, [err.answer], err.source, [{ field: err.field, message: IDENTITY_PROBE_REFUSED }])),
        );
      }
      // Two registrations of the same person at once: the partial unique index decides.
      if ((err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'uq_guards_active_person') {
        const message = '该人员已在保安服务公司登记为在职保安员（一人只能有一条在职记录）';
        throw new DomainError('CONFLICT', message, [{ field: 'idNumber', message }]);
      }
      throw err;
    }
  }
}

const RELATION_ORDER = Object.values(RelativeRelation);

/** Father, mother, spouse, children; by name within a relation. */
export function compareRelatives(a: { relation: RelativeRelation; name: string }, b: { relation: RelativeRelation; name: string }): number {
  return RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) || a.name.localeCompare(b.name, 'zh-CN');
}

/**
 * Relatives of many guards for 保安管理支队, read together with one READ_DETAIL audit entry per guard,
 * in one transaction (a read that cannot be logged does not happen).
 */
export async function readRelativesAudited(
  ds: DataSource,
  actor: Actor,
  guardIds: readonly string[],
): Promise<Map<string, RelativeEntity[]>> {
  return ds.transaction(async (m) => {
    const guards = await m.find(GuardEntity, { where: { id: In([...guardIds]) }, select: { id: true } });
    // Names are stored encrypted: sorted (relation, then name) once decrypted.
    const relatives = (await m.find(RelativeEntity, { where: { guardId: In([...guardIds]) } })).sort(compareRelatives);
    if (guards.length) {
      await m.insert(
        AuditEntryEntity,
        guards.map((g) => ({
          actorId: actor.id,
          actorName: `${actor.displayName}（${actor.unitName}）`,
          actorRole: actor.role,
          action: AuditAction.READ_DETAIL,
          entityType: 'Guard',
          entityId: g.id,
          summary: '查阅保安员的直系亲属信息',
          requestId: currentRequest().requestId ?? null,
          ip: currentRequest().ip ?? null,
        })),
      );
    }
    const map = new Map<string, RelativeEntity[]>(guardIds.map((id) => [id, []]));
    for (const r of relatives) map.get(r.guardId)?.push(r);
    return map;
  });
}
