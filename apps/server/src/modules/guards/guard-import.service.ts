import type { Clock } from '../../common/clock';
import {
  AuditAction,
  Education,
  educationLabels,
  idNumberFacts,
  RelativeRelation,
} from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { badInput, conflict, forbidden } from '../../common/errors';
import { oneImportPerUnit } from '../../common/import-lock';
import { encryptPii, idHash, nameHash } from '../../common/pii';
import { buildWorkbook, CellProblem, parseLocalDate, readTabular } from '../../common/tabular';
import { todayBy } from '../../common/calendar';
import { ageProblem, educationProblem, LEGAL_MIN_AGE, revocationInForceSql, RevocationFact, revocationProblems } from './eligibility';
import { importRegister, ownRegisterOf, seesOtherRegisters } from './guard.policy';
import { COMPANY_REQUIRED, COMPANY_UNKNOWN, guardFieldProblems, relativesProblems, statementProblems } from './guard.rules';
import { credentialsLockedMessage, identityLockedMessage, openRosters } from './identity-lock';
import { certificateHeldMessage } from './guard.rules';
import { AuditService } from '../audit/audit.service';
import { nothingStored } from '../records/import-outcome';
import { ImportMode } from '../records/records.types';
import { ImportOutcome } from '../records/records.service';
import { IdentityProbes, lookalikeCounts, ProbeAnswer, probesCounted } from './identity-probe';

const BASE_COLUMNS = ['姓名', '身份证号', '手机号', '保安员证号', '发证日期', '学历'] as const;
const RELATIVE_SLOTS: { relation: RelativeRelation; prefix: string }[] = [
  { relation: RelativeRelation.FATHER, prefix: '父亲' },
  { relation: RelativeRelation.MOTHER, prefix: '母亲' },
  { relation: RelativeRelation.SPOUSE, prefix: '配偶' },
  { relation: RelativeRelation.CHILD, prefix: '子女1' },
  { relation: RelativeRelation.CHILD, prefix: '子女2' },
  { relation: RelativeRelation.CHILD, prefix: '子女3' },
];
const STATEMENT_COLUMN = '未登记亲属说明';
/** The template's columns, in order. */
export const GUARD_COLUMNS = [...BASE_COLUMNS, ...RELATIVE_SLOTS.flatMap((s) => [`${s.prefix}姓名`, `${s.prefix}身份证号`]), STATEMENT_COLUMN];

const educationByLabel = new Map<string, Education>([
  ...Object.entries(educationLabels).map(([k, v]) => [v, k as Education] as const),
  ...Object.values(Education).map((k) => [k, k] as const),
  ['中专', Education.VOCATIONAL],
  ['技校', Education.VOCATIONAL],
  ['职高', Education.VOCATIONAL],
  ['中职', Education.VOCATIONAL],
  ['高职', Education.COLLEGE],
  ['专科', Education.COLLEGE],
  ['大学', Education.BACHELOR],
  ['大学本科', Education.BACHELOR],
  ['硕士', Education.POSTGRADUATE],
  ['博士', Education.POSTGRADUATE],
  ['初级中学', Education.JUNIOR_MIDDLE],
  ['高级中学', Education.SENIOR_MIDDLE],
]);

interface RelativeRow {
  relation: RelativeRelation;
  name: string;
  idNumber: string;
}

export interface GuardRow {
  row: number;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  /** null: blank; undefined: the file has no such column (an existing guard's value is then kept). */
  phone: string | null | undefined;
  certificateNo: string | null | undefined;
  certificateIssuedOn: string | null | undefined;
  education: Education;
  /** null when the file has no relative columns at all: relatives are then left as they are. */
  relatives: RelativeRow[] | null;
  /** Why a father or mother is not declared (column 未登记亲属说明); null: blank; undefined: no such column. */
  relativesStatement: string | null | undefined;
}

const NUMBER_ID_MESSAGE = '身份证号被存成了数字，末几位已丢失；请将该列设为文本格式后重新填写';

const FIELD_COLUMNS: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  certificateNo: '保安员证号',
  certificateIssuedOn: '发证日期',
  education: '学历',
  relativesStatement: STATEMENT_COLUMN,
};

/**
 * Checks one row; pushes every problem (row, column, reason) and returns the parsed row when clean.
 * Cells are read here; the rules are the register's own (guard.rules, eligibility): the same
 * rulebook as the form, so an import stores nothing the form would refuse.
 */
export function parseGuardRow(row: number, v: Record<string, string>, hasRelativeColumns: boolean, today: string, problems: CellProblem[]): GuardRow | null {
  const before = problems.length;
  const name = v['姓名'] ?? '';
  if (!name) problems.push({ row, column: '姓名', message: '不能为空' });
  const idNumber = (v['身份证号'] ?? '').toUpperCase();
  if (!idNumber) problems.push({ row, column: '身份证号', message: '不能为空' });
  else if (idNumber.startsWith('#NUMBER:')) problems.push({ row, column: '身份证号', message: NUMBER_ID_MESSAGE });
  // A column the file does not have leaves the stored value as it is (a file of names and ID numbers
  // does not erase the certificates); a blank cell of a column it has clears it.
  const cell = (column: string) => (column in v ? v[column] || null : undefined);
  const phone = cell('手机号');
  const certificateNo = cell('保安员证号');
  // 2020/5/1 and 2020年5月1日 are read as 2020-05-01; anything else goes to the rulebook as written.
  const issued = cell('发证日期');
  const certificateIssuedOn = issued ? parseLocalDate(issued) ?? issued : issued;
  const education = educationByLabel.get(v['学历'] ?? '');
  if (!v['学历']) problems.push({ row, column: '学历', message: '不能为空' });
  else if (!education) problems.push({ row, column: '学历', message: `应为以下之一：${Object.values(educationLabels).join('、')}` });
  const relativesStatement = STATEMENT_COLUMN in v ? v[STATEMENT_COLUMN] || null : undefined;

  let relatives: RelativeRow[] | null = null;
  const slotOf: string[] = [];
  if (hasRelativeColumns) {
    relatives = [];
    for (const slot of RELATIVE_SLOTS) {
      const rn = v[`${slot.prefix}姓名`] ?? '';
      const rid = (v[`${slot.prefix}身份证号`] ?? '').toUpperCase();
      if (!rn && !rid) continue;
      if (!rn) problems.push({ row, column: `${slot.prefix}姓名`, message: `填写了${slot.prefix}身份证号时，姓名不能为空` });
      if (!rid) {
        problems.push({ row, column: `${slot.prefix}身份证号`, message: '直系亲属须按身份证号审查，不能为空' });
        continue;
      }
      if (rid.startsWith('#NUMBER:')) {
        problems.push({ row, column: `${slot.prefix}身份证号`, message: NUMBER_ID_MESSAGE });
        continue;
      }
      if (rn) {
        relatives.push({ relation: slot.relation, name: rn, idNumber: rid });
        slotOf.push(slot.prefix);
      }
    }
  }

  // The register's rulebook, the same as the form's (field checks, relatives, Art. 16 at
  // registration), on every cell that was read; one problem per cell, every bad cell reported.
  const reported = new Set(problems.slice(before).map((p) => p.column));
  const add = (column: string, message: string) => {
    if (reported.has(column)) return;
    reported.add(column);
    problems.push({ row, column, message });
  };
  const ruled = [
    ...guardFieldProblems(
      { name, idNumber, phone: phone ?? null, certificateNo: certificateNo ?? null, certificateIssuedOn: certificateIssuedOn ?? null, education: education ?? Education.SENIOR_MIDDLE },
      today,
    ),
    ...statementProblems(relativesStatement, 'relativesStatement'),
  ];
  for (const p of ruled) add(FIELD_COLUMNS[p.field] ?? p.field, p.message);
  for (const p of relativesProblems(relatives ?? [], idNumber, 'relatives', today)) {
    const [, index, part] = p.field.split('.');
    const prefix = slotOf[Number(index)];
    add(prefix ? `${prefix}${part === 'name' ? '姓名' : '身份证号'}` : '直系亲属', p.message.replace(/^第\d+位亲属（[^）]+）/, ''));
  }
  if (problems.length > before) return null;
  const facts = idNumberFacts(idNumber);
  const age = ageProblem(facts.birthDate, today, { minAge: LEGAL_MIN_AGE, maxAge: 200 });
  if (age) problems.push({ row, column: '身份证号', message: age.message });
  const edu = educationProblem(education!);
  if (edu) problems.push({ row, column: '学历', message: edu.message });
  if (problems.length > before) return null;
  return {
    row, name: name.trim(), idNumber, birthDate: facts.birthDate, sex: facts.sex, phone, certificateNo, certificateIssuedOn,
    education: education!, relatives, relativesStatement: relativesStatement === undefined ? undefined : relativesStatement?.trim() || null,
  };
}

/** Keyed hashes of the file's ID numbers and relatives' names, each computed once (hex for comparisons). */
class Hashes {
  private readonly ids = new Map<string, Buffer>();
  private readonly names = new Map<string, Buffer>();
  id(idNumber: string): Buffer {
    let h = this.ids.get(idNumber);
    if (!h) this.ids.set(idNumber, (h = idHash(idNumber)));
    return h;
  }
  name(name: string): Buffer {
    let h = this.names.get(name);
    if (!h) this.names.set(name, (h = nameHash(name)));
    return h;
  }
  key(idNumber: string): string {
    return this.id(idNumber).toString('hex');
  }
  /** The declared relatives as a comparable key (relation, ID, name: by their hashes, as stored). */
  relatives(rs: RelativeRow[]): string {
    return rs.map((r) => `${r.relation}|${this.key(r.idNumber)}|${this.name(r.name).toString('hex')}`).sort().join(';');
  }
}

const storedRelKey = (rs: { relation: string; id_key: string; name_key: string }[]) => rs.map((r) => `${r.relation}|${r.id_key}|${r.name_key}`).sort().join(';');

/**
 * Bulk import of a guard register from .xlsx/.csv (SPEC §3, §8): PREVIEW lists every bad row; COMMIT
 * stores the good rows in one transaction with set-based SQL (a few statements for any size),
 * upserting by ID number within the register, so a second import of the same file changes nothing.
 */
export class GuardImportService {
  /** The limit on "active at another unit" answers (identity-probe.ts): preview and commit alike. */
  private readonly probes: IdentityProbes;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.probes = new IdentityProbes(audit, clock);
  }

  /**
   * Which register the actor imports into (the policy decides, as for the form). A self-recruiting
   * organizer's register is its own unit (created on first use).
   */
  private async registerFor(m: EntityManager, actor: Actor, companyId: string | null | undefined, create: boolean): Promise<{ id: string; name: string }> {
    const target = importRegister(actor, companyId);
    if (target.ownUnit) {
      await assertSelfRecruiting(m, actor.unitId);
      if (create) await ensureOwnRegister(m, actor.unitId);
      return { id: actor.unitId, name: actor.unitName };
    }
    if (!target.companyId) throw badInput(COMPANY_REQUIRED, [{ field: 'companyId', message: COMPANY_REQUIRED }]);
    const [row] = await m.query(`SELECT id, name FROM companies WHERE id = $1`, [target.companyId]);
    if (!row) throw badInput(COMPANY_UNKNOWN, [{ field: 'companyId', message: COMPANY_UNKNOWN }]);
    return row;
  }

  /** One import per unit at a time, preview included (common/import-lock.ts). */
  importGuards(actor: Actor, input: { companyId?: string | null; file: { name: string; base64: string }; mode: ImportMode }): Promise<ImportOutcome> {
    return oneImportPerUnit(this.ds, actor.unitId, () => this.importGuardsNow(actor, input));
  }

  private async importGuardsNow(actor: Actor, input: { companyId?: string | null; file: { name: string; base64: string }; mode: ImportMode }): Promise<ImportOutcome> {
    const started = Date.now();
    const parsed = await readTabular(input.file, ['姓名', '身份证号', '学历'], GUARD_COLUMNS);
    const hasRelativeColumns = parsed.headers.some((h) => RELATIVE_SLOTS.some((s) => h === `${s.prefix}身份证号`));
    // The relations whose columns the file has: a row's relatives of those relations are replaced by the file's,
    // the others kept as registered (review 7-C F6: a file of 配偶 columns alone deleted every father and mother).
    // The three 子女 slots are one relation: all of them or none, or a child not listed would be deleted.
    const has = (slot: { prefix: string }) => parsed.headers.includes(`${slot.prefix}姓名`) || parsed.headers.includes(`${slot.prefix}身份证号`);
    const childSlots = RELATIVE_SLOTS.filter((slot) => slot.relation === RelativeRelation.CHILD);
    const missingChildren = childSlots.some(has) ? childSlots.flatMap((slot) => [`${slot.prefix}姓名`, `${slot.prefix}身份证号`]).filter((c) => !parsed.headers.includes(c)) : [];
    if (missingChildren.length) {
      const message = `文件只有部分子女列（缺少${missingChildren.join('、')}）：导入会把每人的子女改为文件所列，未列出的已登记子女将被删除。请使用模板的全部子女列，或去掉全部子女列（子女不变）`;
      throw badInput(message, [{ field: 'file', message }]);
    }
    const fileRelations = [...new Set(RELATIVE_SLOTS.filter(has).map((slot) => slot.relation))];
    const today = todayBy(this.clock);
    const problems: CellProblem[] = [];
    const good: GuardRow[] = [];
    const firstRow = new Map<string, number>();
    for (const r of parsed.rows) {
      const g = parseGuardRow(r.row, r.values, hasRelativeColumns, today, problems);
      if (!g) continue;
      const seen = firstRow.get(g.idNumber);
      if (seen) {
        problems.push({ row: r.row, column: '身份证号', message: `与第${seen}行身份证号重复` });
        continue;
      }
      firstRow.set(g.idNumber, r.row);
      good.push(g);
    }

    const hashes = new Hashes();
    const plan = async (m: EntityManager, registerId: string) => {
      const ids = good.map((g) => hashes.id(g.idNumber));
      // Held ACTIVE by another register: one person, one active record (moving company is a separate
      // act). Which company holds them is not the importer's business (保安管理支队 excepted).
      const elsewhere: { id: string; id_key: string; name: string }[] = await m.query(
        `SELECT g.id, encode(g.id_hash, 'hex') AS id_key, u.name FROM guards g JOIN units u ON u.id = g.company_id
          WHERE g.id_hash = ANY($1::bytea[]) AND g.status = 'ACTIVE' AND g.company_id <> $2`,
        [ids, registerId],
      );
      const elsewhereByKey = new Map(elsewhere.map((e) => [e.id_key, e]));
      // Each of these answers tells the importer that an ID number is real: counted and audited
      // (identity-probe.ts) before the answer goes out.
      const lookalikes = lookalikeCounts(good.map((g) => g.idNumber));
      const answers: ProbeAnswer[] = [];
      const existing: {
        id: string; id_key: string; name: string; phone: string | null; certificate_no: string | null; certificate_issued_on: string | null;
        education: Education; relatives_statement: string | null;
      }[] = await m.query(
        `SELECT id, encode(id_hash, 'hex') AS id_key, name, phone, certificate_no, to_char(certificate_issued_on, 'YYYY-MM-DD') AS certificate_issued_on,
                education, relatives_statement
           FROM guards WHERE company_id = $1 AND status = 'ACTIVE' AND id_hash = ANY($2::bytea[])`,
        [registerId, ids],
      );
      const existingByKey = new Map(existing.map((e) => [e.id_key, e]));
      // Stored relatives compared by their keyed hashes: nothing to decrypt.
      const rels: { guard_id: string; relation: RelativeRelation; id_key: string; name_key: string }[] = existing.length
        ? await m.query(
            `SELECT guard_id, relation, encode(id_hash, 'hex') AS id_key, encode(name_hash, 'hex') AS name_key FROM guard_relatives WHERE guard_id = ANY($1::uuid[])`,
            [existing.map((e) => e.id)],
          )
        : [];
      const relsByGuard = new Map<string, typeof rels>();
      for (const r of rels) relsByGuard.set(r.guard_id, [...(relsByGuard.get(r.guard_id) ?? []), r]);
      // Art. 17 at registration, as the form: revoked within 3 years, or twice.
      const revoked: { id_key: string; revocations: RevocationFact[] }[] = await m.query(
        `SELECT encode(id_hash, 'hex') AS id_key,
                json_agg(json_build_object('revokedOn', to_char(revoked_on, 'YYYY-MM-DD'), 'certificateNo', certificate_no)) AS revocations
           FROM certificate_revocations cr WHERE id_hash = ANY($1::bytea[]) AND ${revocationInForceSql('cr')} GROUP BY id_hash`,
        [ids],
      );
      const revokedByKey = new Map(revoked.map((r) => [r.id_key, r.revocations]));
      // 一证一人: a 保安员证 number another person holds, in the register or earlier in the file, is refused.
      const certificates = [...new Set(good.map((g) => g.certificateNo).filter((c): c is string => !!c))];
      const certHolders: { certificate_no: string; id_key: string; guard_id: string; elsewhere: boolean }[] = certificates.length
        ? await m.query(
            `SELECT DISTINCT ON (certificate_no, id_hash) certificate_no, encode(id_hash, 'hex') AS id_key, id AS guard_id, company_id <> $2 AS elsewhere
               FROM guards WHERE certificate_no = ANY($1::text[]) AND id_hash IS NOT NULL
              ORDER BY certificate_no, id_hash, (company_id <> $2), id`,
            [certificates, registerId],
          )
        : [];
      const holdersOf = new Map<string, typeof certHolders>();
      for (const h of certHolders) holdersOf.set(h.certificate_no, [...(holdersOf.get(h.certificate_no) ?? []), h]);
      const firstRowOf = new Map<string, { row: number; key: string }>();

      const toCreate: GuardRow[] = [];
      const toUpdate: (GuardRow & { id: string; relativesChanged: boolean; statement: string | null })[] = [];
      const unchangedIds: string[] = [];
      const rowProblems: CellProblem[] = [];
      const identityChanges: { row: number; id: string; name: string; column: string }[] = [];
      const credentialChanges: { row: number; id: string; name: string; column: string }[] = [];
      for (const g of good) {
        const key = hashes.key(g.idNumber);
        if (g.certificateNo) {
          const inFile = firstRowOf.get(g.certificateNo);
          if (!inFile) firstRowOf.set(g.certificateNo, { row: g.row, key });
          const heldByOther = (holdersOf.get(g.certificateNo) ?? []).find((h) => h.id_key !== key);
          if (heldByOther || (inFile && inFile.key !== key)) {
            const message = heldByOther ? certificateHeldMessage(g.certificateNo) : `与第${inFile!.row}行是不同的人，保安员证号却相同（一证一人），请核对`;
            rowProblems.push({ row: g.row, column: '保安员证号', message });
            // Whose certificate a number is, on another register: counted like "active elsewhere" (identity-probe.ts).
            if (heldByOther?.elsewhere) {
              answers.push({
                idNumber: g.idNumber, idHash: hashes.id(g.idNumber), holderGuardId: heldByOther.guard_id, certificateNo: g.certificateNo,
                lookalikes: lookalikes.get(g.idNumber) ?? 0,
              });
            }
            continue;
          }
        }
        const other = elsewhereByKey.get(key);
        if (other) {
          const message = seesOtherRegisters(actor)
            ? `该人员已在“${other.name}”在职登记，须先由原单位办理离职，或由保安管理支队办理调转`
            : '该人员已在其他单位登记为在职保安员（一人只能有一条在职记录），须先由原单位办理离职';
          rowProblems.push({ row: g.row, column: '身份证号', message });
          answers.push({ idNumber: g.idNumber, idHash: hashes.id(g.idNumber), holderGuardId: other.id, lookalikes: lookalikes.get(g.idNumber) ?? 0 });
          continue;
        }
        const e = existingByKey.get(key);
        if (!e) {
          const revocation = revocationProblems(revokedByKey.get(key) ?? [], today)[0];
          if (revocation) {
            rowProblems.push({ row: g.row, column: '保安员证号', message: revocation.message });
            // Someone on no register of the importer: the answer tells that this exact number is real (review 6 A-F2).
            answers.push({ idNumber: g.idNumber, idHash: hashes.id(g.idNumber), holderGuardId: null, revoked: true, lookalikes: lookalikes.get(g.idNumber) ?? 0 });
          } else toCreate.push(g);
          continue;
        }
        const kept = {
          phone: g.phone === undefined ? e.phone : g.phone,
          certificateNo: g.certificateNo === undefined ? e.certificate_no : g.certificateNo,
          certificateIssuedOn: g.certificateIssuedOn === undefined ? e.certificate_issued_on : g.certificateIssuedOn,
        };
        const relativesChanged =
          g.relatives !== null && hashes.relatives(g.relatives) !== storedRelKey((relsByGuard.get(e.id) ?? []).filter((r) => fileRelations.includes(r.relation)));
        const statement = g.relativesStatement === undefined ? e.relatives_statement : g.relativesStatement;
        const identityChanged = e.name !== g.name || relativesChanged || statement !== e.relatives_statement;
        const certificateChanged = e.certificate_no !== kept.certificateNo || e.certificate_issued_on !== kept.certificateIssuedOn;
        const changed = identityChanged || e.phone !== kept.phone || certificateChanged || e.education !== g.education;
        if (identityChanged) identityChanges.push({ row: g.row, id: e.id, name: e.name, column: e.name !== g.name ? '姓名' : relativesChanged ? '直系亲属' : STATEMENT_COLUMN });
        if (certificateChanged || e.education !== g.education) {
          const column = !certificateChanged ? '学历' : e.certificate_no !== kept.certificateNo ? '保安员证号' : '发证日期';
          credentialChanges.push({ row: g.row, id: e.id, name: e.name, column });
        }
        if (changed) toUpdate.push({ ...g, ...kept, id: e.id, relativesChanged, statement });
        else unchangedIds.push(e.id);
      }
      // Vetting binds to an identity and the vetted certificate: a guard on an open roster keeps name,
      // relatives, statement, 保安员证 and education (the form's rule, identity-lock.ts).
      const open = await openRosters(m, [...identityChanges, ...credentialChanges].map((c) => c.id), this.clock.now());
      const locked = new Set<string>();
      const lock = (changes: typeof identityChanges, message: typeof identityLockedMessage) => {
        for (const c of changes) {
          const o = open.get(c.id);
          if (!o || locked.has(c.id)) continue;
          locked.add(c.id);
          rowProblems.push({ row: c.row, column: c.column, message: message(c.name, o) });
        }
      };
      lock(identityChanges, identityLockedMessage);
      lock(credentialChanges, credentialsLockedMessage);
      return { toCreate, toUpdate: toUpdate.filter((u) => !locked.has(u.id)), unchangedIds, rowProblems, answers };
    };

    const outcome = (mode: ImportMode, p: Awaited<ReturnType<typeof plan>>, ids: string[]): ImportOutcome => {
      const all = [...problems, ...p.rowProblems].sort((a, b) => a.row - b.row);
      const invalidRows = new Set(all.map((x) => x.row)).size;
      return {
        mode, totalRows: parsed.rows.length, validRows: parsed.rows.length - invalidRows, invalidRows, problems: all,
        created: p.toCreate.length, updated: p.toUpdate.length, unchanged: p.unchangedIds.length, ids, elapsedMs: Date.now() - started,
      };
    };

    if (input.mode === ImportMode.PREVIEW) {
      return this.probes.refusalAudited(actor, async () => {
        const register = await this.registerFor(this.ds.manager, actor, input.companyId, false);
        const p = await plan(this.ds.manager, register.id);
        // A preview stores nothing but the count of what it tells, with its security events.
        if (p.answers.length && probesCounted(actor)) await this.ds.transaction((m) => this.probes.admit(m, actor, p.answers, { kind: 'IMPORT_PREVIEW', file: input.file.name }));
        return outcome(ImportMode.PREVIEW, p, []);
      });
    }

    try {
      return await this.probes.refusalAudited(actor, () => this.ds.transaction(async (m) => {
        const register = await this.registerFor(m, actor, input.companyId, true);
        // One import per register at a time: concurrent imports of the same file would race on the upsert.
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`guard-import:${register.id}`]);
        const p = await plan(m, register.id);
        // Over the limit, the whole file is refused and nothing of it is stored.
        await this.probes.admit(m, actor, p.answers, { kind: 'IMPORT_COMMIT', file: input.file.name });
        // A file with a bad row stores nothing (SPEC §8): every problem is reported, none of the rows is saved.
        if (problems.length || p.rowProblems.length) return nothingStored(outcome(ImportMode.COMMIT, p, []));
        const ids = [...p.unchangedIds];
        const idByKey = new Map<string, string>();
        if (p.toCreate.length) {
          const c = p.toCreate;
          const rows: { id: string; id_key: string }[] = await m.query(
            `INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, phone, certificate_no, certificate_issued_on, education, relatives_statement)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bytea[], $5::date[], $6::sex[], $7::text[], $8::text[], $9::date[], $10::education[], $11::text[])
             RETURNING id, encode(id_hash, 'hex') AS id_key`,
            [register.id, c.map((g) => g.name), c.map((g) => encryptPii(g.idNumber)), c.map((g) => hashes.id(g.idNumber)), c.map((g) => g.birthDate),
              c.map((g) => g.sex), c.map((g) => g.phone ?? null), c.map((g) => g.certificateNo ?? null), c.map((g) => g.certificateIssuedOn ?? null), c.map((g) => g.education),
              c.map((g) => g.relativesStatement ?? null)],
          );
          for (const r of rows) idByKey.set(r.id_key, r.id);
          ids.push(...rows.map((r) => r.id));
        }
        if (p.toUpdate.length) {
          const u = p.toUpdate;
          await m.query(
            `UPDATE guards g SET name = v.name, phone = v.phone, certificate_no = v.certificate_no, certificate_issued_on = v.issued,
                    education = v.education, relatives_statement = v.statement, updated_at = now()
               FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::education[], $7::text[])
                 AS v(id, name, phone, certificate_no, issued, education, statement)
              WHERE g.id = v.id`,
            [u.map((g) => g.id), u.map((g) => g.name), u.map((g) => g.phone), u.map((g) => g.certificateNo), u.map((g) => g.certificateIssuedOn), u.map((g) => g.education),
              u.map((g) => g.statement)],
          );
          for (const g of u) idByKey.set(hashes.key(g.idNumber), g.id);
          ids.push(...u.map((g) => g.id));
          const replaced = u.filter((g) => g.relativesChanged).map((g) => g.id);
          if (replaced.length) {
            await m.query(`DELETE FROM guard_relatives WHERE guard_id = ANY($1::uuid[]) AND relation = ANY($2::relative_relation[])`, [replaced, fileRelations]);
          }
        }
        const relRows = [...p.toCreate, ...p.toUpdate.filter((g) => g.relativesChanged)].flatMap((g) =>
          (g.relatives ?? []).map((r) => ({ guardId: idByKey.get(hashes.key(g.idNumber))!, ...r })),
        );
        if (relRows.length) {
          await m.query(
            `INSERT INTO guard_relatives (guard_id, name_cipher, name_hash, relation, id_cipher, id_hash)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::relative_relation[], $5::text[], $6::bytea[])`,
            [relRows.map((r) => r.guardId), relRows.map((r) => encryptPii(r.name)), relRows.map((r) => hashes.name(r.name)), relRows.map((r) => r.relation),
              relRows.map((r) => encryptPii(r.idNumber)), relRows.map((r) => hashes.id(r.idNumber))],
          );
        }
        const result = outcome(ImportMode.COMMIT, p, ids);
        await this.audit.record(m, actor, {
          action: AuditAction.IMPORT,
          entityType: 'Guard',
          entityId: register.id,
          summary: `“${register.name}”导入保安员“${input.file.name}”：新增${result.created}人，更新${result.updated}人，未变化${result.unchanged}人，问题行${result.invalidRows}行`,
          after: { file: input.file.name, created: result.created, updated: result.updated, unchanged: result.unchanged, invalidRows: result.invalidRows },
        });
        return result;
      }));
    } catch (err) {
      if ((err as { code?: string })?.code === '23505') throw conflict('导入期间有其他操作登记了相同人员，请重新导入');
      throw err;
    }
  }

  /** The .xlsx template with Chinese headers, text-formatted ID columns and one example row. */
  template(): Promise<Buffer> {
    return buildWorkbook({
      sheetName: '保安员名册',
      columns: GUARD_COLUMNS.map((header) => ({ header, width: header.includes('身份证号') ? 22 : 12, text: true })),
      rows: [['张三', '211102199001011234', '13800000000', '辽盘保1234567', '2020-05-01', '高中', '张大山', '', '李秀兰', '', '', '', '', '', '', '', '', '', '']],
    });
  }
}

/**
 * An organizer keeps a register only as a 自招保安单位 (SPEC §2): it has one already, or an activity of
 * its own whose security is self-recruited (not cancelled). Any other organizer would register people
 * by ID number (an identity probe) and hold them 在职 there, blocking their registration city-wide
 * (code review 11 C6). FORBIDDEN, nothing stored.
 */
export async function assertSelfRecruiting(m: EntityManager, unitId: string): Promise<void> {
  if (!(await isSelfRecruiting(m, unitId))) throw forbidden('只有自招保安单位可以登记保安员：本单位没有安保方式为“自招保安员”的活动');
}

/** The rule of `assertSelfRecruiting`, as a question: does this organizer unit keep a register (自招保安单位)? */
export async function isSelfRecruiting(m: EntityManager, unitId: string): Promise<boolean> {
  const [{ ok }]: { ok: boolean }[] = await m.query(
    `SELECT EXISTS (SELECT 1 FROM companies WHERE id = $1)
         OR EXISTS (SELECT 1 FROM activities WHERE organizer_unit_id = $1 AND security_mode = 'SELF_RECRUITED' AND status <> 'CANCELLED') AS ok`,
    [unitId],
  );
  return ok;
}

/**
 * Does the actor keep a guard register it may register people on (`Me.keepsGuardRegister`): a company
 * its own (`registerIdOf`); an organizer only as a 自招保安单位 (`isSelfRecruiting`, the rule the form
 * and the import enforce); nobody else. The web shows the register's pages by it; the API still
 * refuses on every write.
 */
export async function keepsGuardRegister(m: EntityManager, actor: Actor): Promise<boolean> {
  const own = ownRegisterOf(actor);
  if (own === null) return false;
  return own.selfRecruited ? isSelfRecruiting(m, own.registerId) : true;
}

/**
 * A self-recruiting organizer (自招保安单位) keeps its guards in a register like a company's: a
 * `companies` row with the organizer unit's id (its unit kind stays ORGANIZER, which is how lists
 * of 保安服务公司 tell the two apart). Created on first use. Its credit code, licence, expiry and
 * capital are placeholders for the table's NOT NULL columns: `Company` answers null for them
 * (company.resolver.ts), and 保安管理支队 cannot edit, suspend or transfer into it (companies/own-register.ts).
 */
export async function ensureOwnRegister(m: EntityManager, unitId: string): Promise<void> {
  await m.query(
    `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district, contact_name, contact_phone, status_reason)
     SELECT u.id, u.name, 'SELF-' || replace(u.id::text, '-', ''), '自招保安单位（无需保安服务许可证）', DATE '9999-12-31', 0, '',
            coalesce(u.district, 'XINGLONGTAI'), coalesce(u.contact_name, ''), coalesce(u.contact_phone, ''), '自招保安单位名册'
       FROM units u WHERE u.id = $1 AND u.kind = 'ORGANIZER'
     ON CONFLICT (id) DO NOTHING`,
    [unitId],
  );
}
