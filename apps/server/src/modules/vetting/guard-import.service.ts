import {
  AuditAction,
  Education,
  educationLabels,
  idNumberFacts,
  idNumberProblem,
  MOBILE_PATTERN,
  RelativeRelation,
  Role,
} from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/context';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { buildWorkbook, CellProblem, parseLocalDate, readTabular, todayInChina } from '../../common/tabular';
import { AuditService } from '../audit/audit.service';
import { ImportMode } from '../records/records.types';
import { ImportOutcome } from '../records/records.service';

const BASE_COLUMNS = ['姓名', '身份证号', '手机号', '保安员证号', '发证日期', '学历'] as const;
const RELATIVE_SLOTS: { relation: RelativeRelation; prefix: string }[] = [
  { relation: RelativeRelation.FATHER, prefix: '父亲' },
  { relation: RelativeRelation.MOTHER, prefix: '母亲' },
  { relation: RelativeRelation.SPOUSE, prefix: '配偶' },
  { relation: RelativeRelation.CHILD, prefix: '子女1' },
  { relation: RelativeRelation.CHILD, prefix: '子女2' },
  { relation: RelativeRelation.CHILD, prefix: '子女3' },
];
/** The template's columns, in order. */
export const GUARD_COLUMNS = [...BASE_COLUMNS, ...RELATIVE_SLOTS.flatMap((s) => [`${s.prefix}姓名`, `${s.prefix}身份证号`])];

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
  phone: string | null;
  certificateNo: string | null;
  certificateIssuedOn: string | null;
  education: Education;
  /** null when the file has no relative columns at all: relatives are then left as they are. */
  relatives: RelativeRow[] | null;
}

function idProblem(raw: string): string | null {
  if (raw.startsWith('#NUMBER:')) return '身份证号被存成了数字，末几位已丢失；请将该列设为文本格式后重新填写';
  return idNumberProblem(raw);
}

/** Checks one row; pushes every problem (row, column, reason) and returns the parsed row when clean. */
export function parseGuardRow(row: number, v: Record<string, string>, hasRelativeColumns: boolean, today: string, problems: CellProblem[]): GuardRow | null {
  const before = problems.length;
  const name = v['姓名'] ?? '';
  if (!name) problems.push({ row, column: '姓名', message: '不能为空' });
  else if (name.length > 30) problems.push({ row, column: '姓名', message: '不能超过30个字' });
  const idNumber = (v['身份证号'] ?? '').toUpperCase();
  if (!idNumber) problems.push({ row, column: '身份证号', message: '不能为空' });
  else {
    const p = idProblem(idNumber);
    if (p) problems.push({ row, column: '身份证号', message: p });
  }
  const phone = v['手机号'] || null;
  if (phone && !MOBILE_PATTERN.test(phone)) problems.push({ row, column: '手机号', message: '应为11位手机号码' });
  const certificateNo = v['保安员证号'] || null;
  let certificateIssuedOn: string | null = null;
  if (v['发证日期']) {
    certificateIssuedOn = parseLocalDate(v['发证日期']);
    if (!certificateIssuedOn) problems.push({ row, column: '发证日期', message: '日期格式应为 YYYY-MM-DD' });
    else if (certificateIssuedOn > today) problems.push({ row, column: '发证日期', message: '不能晚于今天' });
    if (!certificateNo) problems.push({ row, column: '保安员证号', message: '填写了发证日期时，保安员证号不能为空' });
  }
  const education = educationByLabel.get(v['学历'] ?? '');
  if (!v['学历']) problems.push({ row, column: '学历', message: '不能为空' });
  else if (!education) problems.push({ row, column: '学历', message: `应为以下之一：${Object.values(educationLabels).join('、')}` });

  let relatives: RelativeRow[] | null = null;
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
      const p = idProblem(rid);
      if (p) problems.push({ row, column: `${slot.prefix}身份证号`, message: p });
      else if (rid === idNumber) problems.push({ row, column: `${slot.prefix}身份证号`, message: '与保安员本人身份证号相同' });
      else if (relatives.some((r) => r.idNumber === rid)) problems.push({ row, column: `${slot.prefix}身份证号`, message: '与本行另一名亲属的身份证号相同' });
      if (rn) relatives.push({ relation: slot.relation, name: rn, idNumber: rid });
    }
  }
  if (problems.length > before) return null;
  const facts = idNumberFacts(idNumber);
  if (facts.birthDate > today) {
    problems.push({ row, column: '身份证号', message: '出生日期晚于今天' });
    return null;
  }
  return { row, name, idNumber, birthDate: facts.birthDate, sex: facts.sex, phone, certificateNo, certificateIssuedOn, education: education!, relatives };
}

const relKey = (rs: RelativeRow[]) => rs.map((r) => `${r.relation}|${r.idNumber}|${r.name}`).sort().join(';');

/**
 * Bulk import of a guard register from .xlsx/.csv (SPEC §3, §8): PREVIEW lists every bad row; COMMIT
 * stores the good rows in one transaction with set-based SQL (a few statements for any size),
 * upserting by ID number within the register, so a second import of the same file changes nothing.
 */
export class GuardImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Which register the actor imports into. A self-recruiting organizer's register is its own unit (created on first use). */
  private async registerFor(m: EntityManager, actor: Actor, companyId: string | null | undefined, create: boolean): Promise<{ id: string; name: string }> {
    let id: string | null;
    if (actor.role === Role.COMPANY) {
      if (companyId && companyId !== actor.companyId) throw forbidden('只能导入本公司的保安员');
      id = actor.companyId;
    } else if (actor.role === Role.ORGANIZER) {
      if (companyId && companyId !== actor.unitId) throw forbidden('只能导入本单位的自招保安员');
      if (create) await ensureOwnRegister(m, actor.unitId);
      return { id: actor.unitId, name: actor.unitName };
    } else if (actor.role === Role.SECURITY_DETACHMENT) {
      if (!companyId) throw badInput('请选择保安服务公司', [{ field: 'companyId', message: '请选择保安服务公司' }]);
      id = companyId;
    } else throw forbidden();
    const [row] = id ? await m.query(`SELECT id, name FROM companies WHERE id = $1`, [id]) : [];
    if (!row) throw notFound('保安服务公司');
    return row;
  }

  async importGuards(actor: Actor, input: { companyId?: string | null; file: { name: string; base64: string }; mode: ImportMode }, requestId?: string): Promise<ImportOutcome> {
    const started = Date.now();
    const parsed = await readTabular(input.file, ['姓名', '身份证号', '学历']);
    const hasRelativeColumns = parsed.headers.some((h) => RELATIVE_SLOTS.some((s) => h === `${s.prefix}身份证号`));
    const today = todayInChina();
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

    const plan = async (m: EntityManager, registerId: string) => {
      const ids = good.map((g) => g.idNumber);
      // Held ACTIVE by another register: one person, one active record (moving company is a separate act).
      const elsewhere: { id_number: string; name: string }[] = await m.query(
        `SELECT g.id_number, u.name FROM guards g JOIN units u ON u.id = g.company_id
          WHERE g.id_number = ANY($1::text[]) AND g.status = 'ACTIVE' AND g.company_id <> $2`,
        [ids, registerId],
      );
      const elsewhereById = new Map(elsewhere.map((e) => [e.id_number, e.name]));
      const existing: { id: string; id_number: string; name: string; phone: string | null; certificate_no: string | null; certificate_issued_on: string | null; education: Education }[] =
        await m.query(
          `SELECT id, id_number, name, phone, certificate_no, to_char(certificate_issued_on, 'YYYY-MM-DD') AS certificate_issued_on, education
             FROM guards WHERE company_id = $1 AND status = 'ACTIVE' AND id_number = ANY($2::text[])`,
          [registerId, ids],
        );
      const existingById = new Map(existing.map((e) => [e.id_number, e]));
      const rels: { guard_id: string; relation: RelativeRelation; name: string; id_number: string }[] = existing.length
        ? await m.query(`SELECT guard_id, relation, name, id_number FROM guard_relatives WHERE guard_id = ANY($1::uuid[])`, [existing.map((e) => e.id)])
        : [];
      const relsByGuard = new Map<string, RelativeRow[]>();
      for (const r of rels) relsByGuard.set(r.guard_id, [...(relsByGuard.get(r.guard_id) ?? []), { relation: r.relation, name: r.name, idNumber: r.id_number }]);

      const toCreate: GuardRow[] = [];
      const toUpdate: (GuardRow & { id: string; relativesChanged: boolean })[] = [];
      const unchangedIds: string[] = [];
      const rowProblems: CellProblem[] = [];
      for (const g of good) {
        const other = elsewhereById.get(g.idNumber);
        if (other) {
          rowProblems.push({ row: g.row, column: '身份证号', message: `该人员已在“${other}”在职登记，须先由原单位办理离职` });
          continue;
        }
        const e = existingById.get(g.idNumber);
        if (!e) {
          toCreate.push(g);
          continue;
        }
        const relativesChanged = g.relatives !== null && relKey(g.relatives) !== relKey(relsByGuard.get(e.id) ?? []);
        const changed =
          e.name !== g.name || e.phone !== g.phone || e.certificate_no !== g.certificateNo ||
          e.certificate_issued_on !== g.certificateIssuedOn || e.education !== g.education || relativesChanged;
        if (changed) toUpdate.push({ ...g, id: e.id, relativesChanged });
        else unchangedIds.push(e.id);
      }
      return { toCreate, toUpdate, unchangedIds, rowProblems };
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
      const register = await this.registerFor(this.ds.manager, actor, input.companyId, false);
      return outcome(ImportMode.PREVIEW, await plan(this.ds.manager, register.id), []);
    }

    try {
      return await this.ds.transaction(async (m) => {
        const register = await this.registerFor(m, actor, input.companyId, true);
        // One import per register at a time: concurrent imports of the same file would race on the upsert.
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`guard-import:${register.id}`]);
        const p = await plan(m, register.id);
        const ids = [...p.unchangedIds];
        const idByNumber = new Map<string, string>();
        if (p.toCreate.length) {
          const c = p.toCreate;
          const rows: { id: string; id_number: string }[] = await m.query(
            `INSERT INTO guards (company_id, name, id_number, birth_date, sex, phone, certificate_no, certificate_issued_on, education)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::sex[], $6::text[], $7::text[], $8::date[], $9::education[])
             RETURNING id, id_number`,
            [register.id, c.map((g) => g.name), c.map((g) => g.idNumber), c.map((g) => g.birthDate), c.map((g) => g.sex), c.map((g) => g.phone),
              c.map((g) => g.certificateNo), c.map((g) => g.certificateIssuedOn), c.map((g) => g.education)],
          );
          for (const r of rows) idByNumber.set(r.id_number, r.id);
          ids.push(...rows.map((r) => r.id));
        }
        if (p.toUpdate.length) {
          const u = p.toUpdate;
          await m.query(
            `UPDATE guards g SET name = v.name, phone = v.phone, certificate_no = v.certificate_no, certificate_issued_on = v.issued,
                    education = v.education, updated_at = now()
               FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::education[]) AS v(id, name, phone, certificate_no, issued, education)
              WHERE g.id = v.id`,
            [u.map((g) => g.id), u.map((g) => g.name), u.map((g) => g.phone), u.map((g) => g.certificateNo), u.map((g) => g.certificateIssuedOn), u.map((g) => g.education)],
          );
          for (const g of u) idByNumber.set(g.idNumber, g.id);
          ids.push(...u.map((g) => g.id));
          const replaced = u.filter((g) => g.relativesChanged).map((g) => g.id);
          if (replaced.length) await m.query(`DELETE FROM guard_relatives WHERE guard_id = ANY($1::uuid[])`, [replaced]);
        }
        const relRows = [...p.toCreate, ...p.toUpdate.filter((g) => g.relativesChanged)].flatMap((g) =>
          (g.relatives ?? []).map((r) => ({ guardId: idByNumber.get(g.idNumber)!, ...r })),
        );
        if (relRows.length) {
          await m.query(
            `INSERT INTO guard_relatives (guard_id, name, relation, id_number)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::relative_relation[], $4::text[])`,
            [relRows.map((r) => r.guardId), relRows.map((r) => r.name), relRows.map((r) => r.relation), relRows.map((r) => r.idNumber)],
          );
        }
        const result = outcome(ImportMode.COMMIT, p, ids);
        await this.audit.record(m, actor, {
          action: AuditAction.IMPORT,
          entityType: 'Guard',
          entityId: register.id,
          summary: `“${register.name}”导入保安员“${input.file.name}”：新增${result.created}人，更新${result.updated}人，未变化${result.unchanged}人，问题行${result.invalidRows}行`,
          after: { file: input.file.name, created: result.created, updated: result.updated, unchanged: result.unchanged, invalidRows: result.invalidRows },
        }, requestId);
        return result;
      });
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
      rows: [['张三', '211102199001011234', '13800000000', '辽盘保1234567', '2020-05-01', '高中', '张大山', '', '李秀兰', '', '', '', '', '', '', '', '', '']],
    });
  }
}

/**
 * A self-recruiting organizer (自招保安单位) keeps its guards in a register like a company's: a
 * `companies` row with the organizer unit's id (its unit kind stays ORGANIZER, which is how lists
 * of 保安服务公司 tell the two apart). Created on first use.
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
