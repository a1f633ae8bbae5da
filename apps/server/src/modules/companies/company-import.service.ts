import type { Clock } from '../../common/clock';
import { randomUUID } from 'node:crypto';
import { AuditAction, District, districtLabels } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { buildWorkbook, CellProblem, parseLocalDate, readTabular } from '../../common/tabular';
import { todayBy } from '../../common/calendar';
import { oneImportPerUnit } from '../../common/import-lock';
import { withUniqueConflicts } from '../../common/unique-conflicts';
import { AuditService } from '../audit/audit.service';
import { ImportOutcome } from '../records/records.service';
import { ImportMode } from '../records/records.types';
import { nothingStored } from '../records/import-outcome';
import { companyInputProblems, companyNameTakenMessage, MIN_REGISTERED_CAPITAL, normaliseCompanyInput } from './company.service';
import { CompanyInput } from './company.inputs';
import { assertCanManageCompanies } from './company.policy';

/** The template's columns, in order; each maps to a field of the register entry. */
const COLUMN_OF = {
  name: '公司名称',
  creditCode: '统一社会信用代码',
  licenseNo: '保安服务许可证号',
  licenseExpiry: '许可证有效期至',
  registeredCapital: '注册资本（元）',
  address: '住所',
  district: '辖区',
  contactName: '联系人',
  contactPhone: '联系电话',
} as const satisfies Record<keyof CompanyInput, string>;
export const COMPANY_COLUMNS = Object.values(COLUMN_OF);

/** 兴隆台, 兴隆台区, XINGLONGTAI: a district as people write it. */
function parseDistrict(raw: string): District | null {
  const v = raw.trim();
  if ((Object.values(District) as string[]).includes(v.toUpperCase())) return v.toUpperCase() as District;
  const hit = (Object.entries(districtLabels) as [District, string][]).find(([, label]) => v === label || (v.startsWith(label) && v.length <= label.length + 2));
  return hit ? hit[0] : null;
}

/**
 * 3000000, 3,000,000 or 300万 (元): the amount in 元, null when it is not an amount, or why an amount
 * in 万 is refused. An amount in 万 is converted exactly, by moving its decimal point four places (no
 * floating-point multiplication, no rounding): 99.9999999万 is 999999.999元, not a whole number of fen,
 * and is refused as the same amount written in 元 is — never rounded up to 100万 and past 条例第八条.
 */
function parseCapital(raw: string): number | { problem: string } | null {
  const v = raw.replace(/[,，\s]/g, '').replace(/元$/, '');
  const wan = /^(\d+)(?:\.(\d+))?万$/.exec(v);
  if (wan) {
    // Trailing zeros say nothing: 100.0000000万 is exactly 1000000元.
    const fraction = (wan[2] ?? '').replace(/0+$/, '');
    const whole = `${wan[1]}${fraction.slice(0, 4).padEnd(4, '0')}`.replace(/^0+(?=\d)/, '');
    const yuan = fraction.length > 4 ? `${whole}.${fraction.slice(4)}` : whole;
    if (fraction.length > 6) {
      return { problem: `注册资本最多精确到分：“${raw.trim()}”即${yuan}元，不是整分的金额（以“万”填写时最多六位小数）` };
    }
    return Number(yuan);
  }
  return /^\d+(?:\.\d+)?$/.test(v) ? Number(v) : null;
}

interface CompanyRow extends CompanyInput {
  row: number;
}

interface Existing {
  id: string;
  name: string;
  credit_code: string;
  license_no: string;
  license_expiry: string;
  registered_capital: string;
  address: string;
  district: District;
  contact_name: string;
  contact_phone: string;
}

const sameAs = (e: Existing, c: CompanyInput) =>
  e.name === c.name && e.license_no === c.licenseNo && e.license_expiry === c.licenseExpiry &&
  Number(e.registered_capital) === c.registeredCapital && e.address === c.address && e.district === c.district &&
  e.contact_name === c.contactName && e.contact_phone === c.contactPhone;

/**
 * 保安管理支队 brings the existing company register in from .xlsx/.csv (a new deployment starts empty):
 * PREVIEW lists every bad row (row, column, reason) and stores nothing; COMMIT stores the good rows in
 * one transaction with set-based SQL, keyed by 统一社会信用代码 — a company already on the register is
 * updated (its status is left alone), an identical row is "unchanged", so importing a file twice
 * changes nothing. Accounts are opened per company afterwards (增开账号), each with its 开户通知.
 */
export class CompanyImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  template(): Promise<Buffer> {
    return buildWorkbook({
      sheetName: '保安服务公司名册',
      columns: COMPANY_COLUMNS.map((header) => ({ header, width: header === '统一社会信用代码' || header === '住所' ? 24 : 16, text: true })),
      rows: [['盘锦某某保安服务有限公司', '91211100MA0QC0KG14', '辽公保服20230001', '2028-12-31', '5000000', '盘锦市兴隆台区某某路1号', '兴隆台', '张经理', '0427-2812345']],
    });
  }

  /** One import per unit at a time, preview included (common/import-lock.ts). */
  importCompanies(actor: Actor, file: { name: string; base64: string }, mode: ImportMode): Promise<ImportOutcome> {
    assertCanManageCompanies(actor);
    return oneImportPerUnit(this.ds, actor.unitId, () => this.importCompaniesNow(actor, file, mode));
  }

  private async importCompaniesNow(actor: Actor, file: { name: string; base64: string }, mode: ImportMode): Promise<ImportOutcome> {
    const started = Date.now();
    const parsed = await readTabular(file, COMPANY_COLUMNS, COMPANY_COLUMNS, { numberColumns: ['注册资本（元）'] });
    const today = todayBy(this.clock);
    const problems: CellProblem[] = [];
    const rows: CompanyRow[] = [];
    const firstRow = new Map<string, number>();
    const firstRowOfName = new Map<string, number>();
    for (const r of parsed.rows) {
      const v = r.values;
      const before = problems.length;
      for (const col of [COLUMN_OF.licenseExpiry, COLUMN_OF.registeredCapital, COLUMN_OF.district]) {
        if (!v[col]) problems.push({ row: r.row, column: col, message: '不能为空' });
      }
      const licenseExpiry = v[COLUMN_OF.licenseExpiry] ? parseLocalDate(v[COLUMN_OF.licenseExpiry]) : null;
      if (v[COLUMN_OF.licenseExpiry] && !licenseExpiry) problems.push({ row: r.row, column: COLUMN_OF.licenseExpiry, message: '日期格式应为 YYYY-MM-DD' });
      const parsedCapital = v[COLUMN_OF.registeredCapital] ? parseCapital(v[COLUMN_OF.registeredCapital]) : null;
      const capital = typeof parsedCapital === 'number' ? parsedCapital : null;
      if (v[COLUMN_OF.registeredCapital] && parsedCapital === null) {
        problems.push({ row: r.row, column: COLUMN_OF.registeredCapital, message: '应为金额（元），如 3000000 或 300万' });
      } else if (parsedCapital !== null && typeof parsedCapital === 'object') {
        problems.push({ row: r.row, column: COLUMN_OF.registeredCapital, message: parsedCapital.problem });
      }
      const district = v[COLUMN_OF.district] ? parseDistrict(v[COLUMN_OF.district]) : null;
      if (v[COLUMN_OF.district] && !district) {
        problems.push({ row: r.row, column: COLUMN_OF.district, message: `应为以下之一：${Object.values(districtLabels).join('、')}` });
      }
      // Stand-ins for cells that did not parse, so that the rulebook reports every other problem of the row.
      const input = normaliseCompanyInput({
        name: v[COLUMN_OF.name] ?? '',
        creditCode: v[COLUMN_OF.creditCode] ?? '',
        licenseNo: v[COLUMN_OF.licenseNo] ?? '',
        licenseExpiry: licenseExpiry ?? today,
        registeredCapital: capital ?? MIN_REGISTERED_CAPITAL,
        address: v[COLUMN_OF.address] ?? '',
        district: district ?? District.XINGLONGTAI,
        contactName: v[COLUMN_OF.contactName] ?? '',
        contactPhone: v[COLUMN_OF.contactPhone] ?? '',
      });
      const flagged = new Set(problems.slice(before).map((p) => p.column));
      for (const p of companyInputProblems(input, { creating: false, today })) {
        const column = COLUMN_OF[p.field as keyof typeof COLUMN_OF];
        if (!flagged.has(column)) problems.push({ row: r.row, column, message: p.message });
      }
      if (problems.length > before) continue;
      const seen = firstRow.get(input.creditCode);
      if (seen) {
        problems.push({ row: r.row, column: COLUMN_OF.creditCode, message: `与第${seen}行统一社会信用代码重复` });
        continue;
      }
      const sameName = firstRowOfName.get(input.name);
      if (sameName) {
        problems.push({ row: r.row, column: COLUMN_OF.name, message: `与第${sameName}行公司名称相同，统一社会信用代码却不同，请核对` });
        continue;
      }
      firstRow.set(input.creditCode, r.row);
      firstRowOfName.set(input.name, r.row);
      rows.push({ ...input, row: r.row });
    }
    // Names that differ in spaces, case or full/half width only are one name (the register's unique index,
    // `unit_name_key`, migration UnitNameOnce): in the file as in the register.
    if (rows.length) {
      const keys: { k: string }[] = await this.ds.query(
        `SELECT public.unit_name_key(x) AS k FROM unnest($1::text[]) WITH ORDINALITY AS t(x, i) ORDER BY i`,
        [rows.map((r) => r.name)],
      );
      const firstOfKey = new Map<string, CompanyRow>();
      for (let i = rows.length - 1; i >= 0; i--) firstOfKey.set(keys[i].k, rows[i]);
      for (let i = rows.length - 1; i >= 0; i--) {
        const first = firstOfKey.get(keys[i].k)!;
        if (first !== rows[i] && first.creditCode !== rows[i].creditCode) {
          problems.push({ row: rows[i].row, column: COLUMN_OF.name, message: `与第${first.row}行公司名称“${first.name}”只差空格、大小写或全角半角，统一社会信用代码却不同，请核对` });
          rows.splice(i, 1);
        }
      }
    }

    /** Splits the clean rows into new, changed and unchanged against the register as it is now. */
    const plan = async (m: EntityManager) => {
      const existing: Existing[] = await m.query(
        `SELECT c.id, c.name, c.credit_code, c.license_no, to_char(c.license_expiry, 'YYYY-MM-DD') AS license_expiry, c.registered_capital,
                c.address, c.district, c.contact_name, c.contact_phone
           FROM companies c WHERE c.credit_code = ANY($1::text[])`,
        [rows.map((r) => r.creditCode)],
      );
      const byCode = new Map(existing.map((e) => [e.credit_code, e]));
      // A name the register holds under another credit code (one company per name, company.service assertNameFree).
      // (compared as the register's unique index compares names: `unit_name_key`)
      const named: { input: string; name: string; credit_code: string }[] = await m.query(
        `SELECT x AS input, c.name, c.credit_code FROM unnest($1::text[]) x
           JOIN companies c ON public.unit_name_key(c.name) = public.unit_name_key(x)
           JOIN units u ON u.id = c.id AND u.merged_into_id IS NULL`,
        [rows.map((r) => r.name)],
      );
      const codeOfName = new Map(named.map((n) => [n.input, n.credit_code]));
      const registeredAs = new Map(named.map((n) => [n.input, n.name]));
      const rowProblems: CellProblem[] = [];
      const toCreate: CompanyRow[] = [];
      const toUpdate: (CompanyRow & { id: string })[] = [];
      const unchangedIds: string[] = [];
      for (const r of rows) {
        const e = byCode.get(r.creditCode);
        const holder = codeOfName.get(r.name);
        if (holder && holder !== r.creditCode) {
          rowProblems.push({ row: r.row, column: COLUMN_OF.name, message: companyNameTakenMessage(r.name, holder, registeredAs.get(r.name)) });
          continue;
        }
        // A company already registered may carry an expired licence; a new one may not (as in the form).
        const expired = e ? [] : companyInputProblems(r, { creating: true, today }).filter((p) => p.field === 'licenseExpiry');
        if (expired.length) {
          rowProblems.push(...expired.map((p) => ({ row: r.row, column: COLUMN_OF.licenseExpiry, message: p.message })));
          continue;
        }
        if (!e) toCreate.push(r);
        else if (sameAs(e, r)) unchangedIds.push(e.id);
        else toUpdate.push({ ...r, id: e.id });
      }
      return { toCreate, toUpdate, unchangedIds, rowProblems };
    };

    const outcome = (m: ImportMode, p: Awaited<ReturnType<typeof plan>>, ids: string[]): ImportOutcome => {
      const all = [...problems, ...p.rowProblems].sort((a, b) => a.row - b.row);
      const invalidRows = new Set(all.map((x) => x.row)).size;
      return {
        mode: m, totalRows: parsed.rows.length, validRows: parsed.rows.length - invalidRows, invalidRows, problems: all,
        created: p.toCreate.length, updated: p.toUpdate.length, unchanged: p.unchangedIds.length, ids, elapsedMs: Date.now() - started,
      };
    };

    if (mode === ImportMode.PREVIEW) return outcome(ImportMode.PREVIEW, await plan(this.ds.manager), []);

    return withUniqueConflicts(() =>
      this.ds.transaction(async (m) => {
        // One register import at a time: two of the same file would race on "new or existing".
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('company-import'))`);
        const p = await plan(m);
        // A file with a bad row stores nothing (SPEC §8): every problem is reported, none of the rows is saved.
        if (problems.length || p.rowProblems.length) return nothingStored(outcome(ImportMode.COMMIT, p, []));
        const c = p.toCreate.map((r) => ({ ...r, id: randomUUID() }));
        if (c.length) {
          await m.query(
            `INSERT INTO units (id, name, kind, district, contact_name, contact_phone)
             SELECT id, name, 'COMPANY', district, contact_name, contact_phone
               FROM unnest($1::uuid[], $2::text[], $3::district[], $4::text[], $5::text[]) AS v(id, name, district, contact_name, contact_phone)`,
            [c.map((r) => r.id), c.map((r) => r.name), c.map((r) => r.district), c.map((r) => r.contactName), c.map((r) => r.contactPhone)],
          );
          await m.query(
            `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district, contact_name, contact_phone)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::numeric[], $7::text[], $8::district[], $9::text[], $10::text[])`,
            [c.map((r) => r.id), c.map((r) => r.name), c.map((r) => r.creditCode), c.map((r) => r.licenseNo), c.map((r) => r.licenseExpiry),
              c.map((r) => r.registeredCapital.toFixed(2)), c.map((r) => r.address), c.map((r) => r.district), c.map((r) => r.contactName), c.map((r) => r.contactPhone)],
          );
        }
        const u = p.toUpdate;
        if (u.length) {
          await m.query(
            `UPDATE companies c SET name = v.name, license_no = v.license_no, license_expiry = v.license_expiry, registered_capital = v.capital,
                    address = v.address, district = v.district, contact_name = v.contact_name, contact_phone = v.contact_phone,
                    version = c.version + 1, updated_at = now()
               FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::numeric[], $6::text[], $7::district[], $8::text[], $9::text[])
                    AS v(id, name, license_no, license_expiry, capital, address, district, contact_name, contact_phone)
              WHERE c.id = v.id`,
            [u.map((r) => r.id), u.map((r) => r.name), u.map((r) => r.licenseNo), u.map((r) => r.licenseExpiry), u.map((r) => r.registeredCapital.toFixed(2)),
              u.map((r) => r.address), u.map((r) => r.district), u.map((r) => r.contactName), u.map((r) => r.contactPhone)],
          );
          // The unit mirrors the company's name, district and contact (as a single edit does).
          await m.query(
            `UPDATE units un SET name = c.name, district = c.district, contact_name = c.contact_name, contact_phone = c.contact_phone
               FROM companies c WHERE c.id = un.id AND c.id = ANY($1::uuid[])`,
            [u.map((r) => r.id)],
          );
        }
        const result = outcome(ImportMode.COMMIT, p, [...c.map((r) => r.id), ...u.map((r) => r.id), ...p.unchangedIds]);
        await this.audit.record(m, actor, {
          action: AuditAction.IMPORT,
          entityType: 'Company',
          summary: `导入保安服务公司名册“${file.name}”：新增${result.created}家，更新${result.updated}家，未变化${result.unchanged}家，问题行${result.invalidRows}行`,
          after: { file: file.name, created: c.map((r) => r.creditCode), updated: u.map((r) => r.creditCode), unchanged: result.unchanged, invalidRows: result.invalidRows },
        });
        return result;
      }),
    );
  }
}
