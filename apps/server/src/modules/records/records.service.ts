import type { Clock } from '../../common/clock';
import {
  ageOn, AuditAction, idNumberFacts, idNumberProblem, personNameProblem, RecordCategory, recordCategoryLabels, singleLineProblem,
} from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { oneImportPerUnit } from '../../common/import-lock';
import { decryptPii, encryptPii, idHash } from '../../common/pii';
import { CellProblem, parseLocalDate, readTabular } from '../../common/tabular';
import { todayBy } from '../../common/calendar';
import { AuditService } from '../audit/audit.service';
import { applyRecordsToOpenRosters, lockGuardsOfPeople, OpenRosterEffectsDeps } from '../vetting/open-roster-effects';
import { ImportMode } from './records.types';
import { nothingStored } from './import-outcome';

/** The records register's columns, in template order. */
export const RECORD_COLUMNS = ['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注'] as const;
const REQUIRED = ['身份证号', '姓名', '类别', '发生日期', '来源'] as const;

/**
 * The 类别 as written: the five categories of 条例第十七条 by their legal names (or codes), and the
 * abbreviations that can mean only one of them. A wider word is refused (review 7-C F5): 戒毒 is also
 * 自愿戒毒 and 社区戒毒, 刑事处罚 also a 过失犯罪's (《刑法》第十五条), 拘留 also 刑事拘留 or 司法拘留;
 * read as the barring category, each would bar a guard, or a relative's guard, who is not barred.
 */
const categoryByLabel = new Map<string, RecordCategory>([
  ...Object.entries(recordCategoryLabels).map(([k, v]) => [v, k as RecordCategory] as const),
  ...Object.values(RecordCategory).map((k) => [k, k] as const),
  ['故意犯罪', RecordCategory.INTENTIONAL_CRIME],
  ['劳教', RecordCategory.REEDUCATION_LABOR],
]);
const AMBIGUOUS_CATEGORY: Record<string, string> = {
  戒毒: '“戒毒”不明确：仅“强制隔离戒毒”属条例第十七条情形（自愿戒毒、社区戒毒不属），请填写完整类别',
  刑事处罚: '“刑事处罚”不明确：仅故意犯罪受刑事处罚属条例第十七条情形（过失犯罪不属），请填写“故意犯罪刑事处罚”',
  拘留: '“拘留”不明确：仅“行政拘留”计入条例第十七条（刑事拘留、司法拘留不计），请填写完整类别',
};

/** 《刑法》第十七条: no criminal responsibility under 12; 《治安管理处罚法》第十二条: not punished under 14. */
const MIN_RECORD_AGE = 12;

/**
 * Categories whose system was abolished: no such measure can be dated after the day it ended.
 * 劳动教养: 《全国人民代表大会常务委员会关于废止有关劳动教养法律规定的决定》 (2013-12-28);
 * 收容教育: 《全国人民代表大会常务委员会关于废止有关收容教育法律规定和制度的决定》 (in force 2019-12-29).
 */
const ABOLISHED: Partial<Record<RecordCategory, { on: string; by: string }>> = {
  [RecordCategory.REEDUCATION_LABOR]: { on: '2013-12-28', by: '《全国人民代表大会常务委员会关于废止有关劳动教养法律规定的决定》' },
  [RecordCategory.CUSTODY_EDUCATION]: { on: '2019-12-29', by: '《全国人民代表大会常务委员会关于废止有关收容教育法律规定和制度的决定》' },
};

/** The longest 来源, 严重程度 and 备注 stored, in characters (a 生僻字 outside the basic plane is one). */
export const MAX_RECORD_SOURCE = 100;
export const MAX_RECORD_SEVERITY = 50;
export const MAX_RECORD_NOTE = 500;

const charCount = (text: string) => [...text].length;

/** Control characters a multi-line note may not hold: all but tab and line breaks (NUL cannot even be stored). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOTE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

interface RecordRow {
  row: number;
  idNumber: string;
  name: string;
  category: RecordCategory;
  occurredOn: string;
  source: string;
  severity: string | null;
  note: string | null;
}

export interface ImportOutcome {
  mode: ImportMode;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  problems: CellProblem[];
  created: number;
  updated: number;
  unchanged: number;
  ids: string[];
  elapsedMs: number;
}

/** Checks one row of the records file; returns the parsed row, or pushes its problems. */
function parseRecordRow(row: number, v: Record<string, string>, today: string, problems: CellProblem[]): RecordRow | null {
  const before = problems.length;
  for (const col of REQUIRED) if (!v[col]) problems.push({ row, column: col, message: '不能为空' });
  const idNumber = (v['身份证号'] ?? '').toUpperCase();
  if (idNumber) {
    const p = idNumber.startsWith('#NUMBER:') ? '身份证号被存成了数字，末几位已丢失；请将该列设为文本格式后重新填写' : idNumberProblem(idNumber);
    if (p) problems.push({ row, column: '身份证号', message: p });
  }
  // The person's birth date, from an ID number that passed its checks.
  const birthDate = idNumber && !problems.slice(before).some((p) => p.column === '身份证号') ? idNumberFacts(idNumber).birthDate : null;
  if (v['姓名']) {
    const p = personNameProblem(v['姓名']);
    if (p) problems.push({ row, column: '姓名', message: p });
  }
  const category = categoryByLabel.get(v['类别'] ?? '');
  if (v['类别'] && !category) {
    problems.push({ row, column: '类别', message: AMBIGUOUS_CATEGORY[v['类别']] ?? `应为以下之一：${Object.values(recordCategoryLabels).join('、')}` });
  }
  const occurredOn = v['发生日期'] ? parseLocalDate(v['发生日期']) : null;
  const abolished = category ? ABOLISHED[category] : undefined;
  if (v['发生日期'] && !occurredOn) problems.push({ row, column: '发生日期', message: '日期格式应为 YYYY-MM-DD' });
  else if (occurredOn && occurredOn > today) problems.push({ row, column: '发生日期', message: '不能晚于今天' });
  else if (occurredOn && occurredOn < '1900-01-01') problems.push({ row, column: '发生日期', message: `${occurredOn}早于1900年，请核对` });
  else if (occurredOn && birthDate && occurredOn < birthDate) {
    problems.push({ row, column: '发生日期', message: `发生日期早于出生日期（${birthDate}），请核对身份证号或发生日期` });
  } else if (occurredOn && birthDate && ageOn(birthDate, occurredOn) < MIN_RECORD_AGE) {
    problems.push({
      row,
      column: '发生日期',
      message: `发生日期时该人未满${MIN_RECORD_AGE}周岁（出生日期${birthDate}，据身份证号），不可能有此记录，请核对（《刑法》第十七条：不满十二周岁不负刑事责任；《治安管理处罚法》第十二条：不满十四周岁不予处罚）`,
    });
  } else if (occurredOn && abolished && occurredOn > abolished.on) {
    problems.push({
      row,
      column: '发生日期',
      message: `${recordCategoryLabels[category!]}制度已于${abolished.on}废止（${abolished.by}），${occurredOn}不可能有${recordCategoryLabels[category!]}记录，请核对类别或发生日期`,
    });
  }
  const source = v['来源'] ?? '';
  if (source && charCount(source) > MAX_RECORD_SOURCE) {
    problems.push({ row, column: '来源', message: `来源不超过${MAX_RECORD_SOURCE}字（现${charCount(source)}字）` });
  } else if (source) {
    const p = singleLineProblem(source, '来源');
    if (p) problems.push({ row, column: '来源', message: p });
  }
  const severity = v['严重程度'] ?? '';
  if (severity && charCount(severity) > MAX_RECORD_SEVERITY) {
    problems.push({ row, column: '严重程度', message: `严重程度不超过${MAX_RECORD_SEVERITY}字（现${charCount(severity)}字）` });
  } else if (severity) {
    const p = singleLineProblem(severity, '严重程度');
    if (p) problems.push({ row, column: '严重程度', message: p });
  }
  const note = v['备注'] ?? '';
  if (note && charCount(note) > MAX_RECORD_NOTE) {
    problems.push({ row, column: '备注', message: `备注不超过${MAX_RECORD_NOTE}字（现${charCount(note)}字）` });
  } else if (note && NOTE_CONTROL.test(note)) {
    problems.push({ row, column: '备注', message: '备注不能包含控制字符（换行除外）' });
  }
  if (problems.length > before) return null;
  return {
    row,
    idNumber,
    name: v['姓名'],
    category: category!,
    occurredOn: occurredOn!,
    source: v['来源'],
    severity: v['严重程度'] || null,
    note: v['备注'] || null,
  };
}

/** 保安管理支队 imports the records register (违法犯罪记录) from .xlsx or .csv. */
export class RecordsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** What new records do to the rosters still open (vetting/open-roster-effects.ts). */
    private readonly openRosterEffects?: OpenRosterEffectsDeps & { checkRelatives(m: EntityManager): Promise<boolean> },
  ) {}

  /** One import per unit at a time, preview included (common/import-lock.ts). */
  importRecords(actor: Actor, file: { name: string; base64: string }, mode: ImportMode): Promise<ImportOutcome> {
    return oneImportPerUnit(this.ds, actor.unitId, () => this.importRecordsNow(actor, file, mode));
  }

  private async importRecordsNow(actor: Actor, file: { name: string; base64: string }, mode: ImportMode): Promise<ImportOutcome> {
    const started = Date.now();
    const parsed = await readTabular(file, REQUIRED, RECORD_COLUMNS);
    const today = todayBy(this.clock);
    const problems: CellProblem[] = [];
    const good: RecordRow[] = [];
    const seen = new Map<string, number>();
    for (const r of parsed.rows) {
      const rec = parseRecordRow(r.row, r.values, today, problems);
      if (!rec) continue;
      const key = `${rec.idNumber}|${rec.category}|${rec.occurredOn}|${rec.source}`;
      const first = seen.get(key);
      if (first) {
        problems.push({ row: r.row, column: '身份证号', message: `与第${first}行是同一条记录（身份证号、类别、日期、来源相同）` });
        continue;
      }
      seen.set(key, r.row);
      good.push(rec);
    }
    const invalidRows = new Set(problems.map((p) => p.row)).size;

    // ID numbers are matched by their keyed hash (computed once per row) and stored encrypted.
    const hashes = good.map((g) => idHash(g.idNumber));
    const hashHex = new Map(good.map((g, i) => [g, hashes[i].toString('hex')]));

    const run = async (m: import('typeorm').EntityManager) => {
      // Compare with what is stored: the unique key is (id_hash, category, occurred_on, source).
      const existing: { id: string; key: string; name_cipher: string; severity: string | null; note: string | null }[] = await m.query(
        `SELECT r.id, encode(r.id_hash, 'hex') || '|' || r.category || '|' || to_char(r.occurred_on, 'YYYY-MM-DD') || '|' || r.source AS key,
                r.name_cipher, r.severity, r.note
           FROM criminal_records r
           JOIN unnest($1::bytea[], $2::text[], $3::date[], $4::text[]) AS v(id_hash, category, occurred_on, source)
             ON r.id_hash = v.id_hash AND r.category::text = v.category AND r.occurred_on = v.occurred_on AND r.source = v.source`,
        [hashes, good.map((g) => g.category), good.map((g) => g.occurredOn), good.map((g) => g.source)],
      );
      const byKey = new Map(existing.map((e) => [e.key, { ...e, name: decryptPii(e.name_cipher) }]));
      const toCreate: RecordRow[] = [];
      const toUpdate: (RecordRow & { id: string })[] = [];
      const ids: string[] = [];
      let unchanged = 0;
      for (const g of good) {
        const e = byKey.get(`${hashHex.get(g)}|${g.category}|${g.occurredOn}|${g.source}`);
        if (!e) toCreate.push(g);
        else if (e.name !== g.name || e.severity !== g.severity || e.note !== g.note) toUpdate.push({ ...g, id: e.id });
        else {
          unchanged++;
          ids.push(e.id);
        }
      }
      return { toCreate, toUpdate, ids, unchanged };
    };

    if (mode === ImportMode.PREVIEW) {
      const plan = await run(this.ds.manager);
      return {
        mode, totalRows: parsed.rows.length, validRows: good.length, invalidRows, problems,
        created: plan.toCreate.length, updated: plan.toUpdate.length, unchanged: plan.unchanged, ids: [], elapsedMs: Date.now() - started,
      };
    }

    // A file with a bad row stores nothing (SPEC §8): every problem is reported, none of the rows is saved.
    if (invalidRows) {
      return nothingStored({
        mode, totalRows: parsed.rows.length, validRows: good.length, invalidRows, problems,
        created: 0, updated: 0, unchanged: 0, ids: [], elapsedMs: Date.now() - started,
      });
    }
    return this.ds.transaction(async (m) => {
      // One records import at a time: two of the same file would each plan the same rows as new.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('records-import'))`);
      const plan = await run(m);
      const ids = [...plan.ids];
      let newPeople: Buffer[] = [];
      // What was inserted, not what was planned: ON CONFLICT DO NOTHING skips a row stored meanwhile.
      let created = 0;
      if (plan.toCreate.length) {
        // The people's register rows first (and their relatives' guards): a roster submitted at the same moment is
        // checked after these records are in, or is found by the scan below (review 6 B-F2).
        await lockGuardsOfPeople(m, [...new Set(plan.toCreate.map((r) => hashHex.get(r)!))].map((h) => Buffer.from(h, 'hex')), { relatives: true });
        // Stamped when written, after those locks, not when the import began: a roster checked in between must
        // count them as arrived since its check (recordsSinceCheckSql), not as seen by it. On the app's clock,
        // as the check's checked_at is (vetting.service insertChecked; code review 11 C9): one clock for the comparison.
        const storedAt = this.clock.now();
        const rows: { id: string; id_hash: Buffer }[] = await m.query(
          `INSERT INTO criminal_records (id_cipher, id_hash, name_cipher, category, occurred_on, source, severity, note, created_at)
           SELECT *, $9::timestamptz FROM unnest($1::text[], $2::bytea[], $3::text[], $4::record_category[], $5::date[], $6::text[], $7::text[], $8::text[])
           ON CONFLICT (id_hash, category, occurred_on, source) DO NOTHING
           RETURNING id, id_hash`,
          [
            plan.toCreate.map((r) => encryptPii(r.idNumber)), plan.toCreate.map((r) => Buffer.from(hashHex.get(r)!, 'hex')),
            plan.toCreate.map((r) => encryptPii(r.name)), plan.toCreate.map((r) => r.category),
            plan.toCreate.map((r) => r.occurredOn), plan.toCreate.map((r) => r.source), plan.toCreate.map((r) => r.severity),
            plan.toCreate.map((r) => r.note), storedAt,
          ],
        );
        created = rows.length;
        ids.push(...rows.map((r) => r.id));
        newPeople = [...new Map(rows.map((r) => [r.id_hash.toString('hex'), r.id_hash])).values()];
      }
      if (plan.toUpdate.length) {
        // created_at stays: a corrected entry is not a new record for the reuse window.
        await m.query(
          `UPDATE criminal_records r SET name_cipher = v.name, severity = v.severity, note = v.note
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, name, severity, note) WHERE r.id = v.id`,
          [plan.toUpdate.map((r) => r.id), plan.toUpdate.map((r) => encryptPii(r.name)), plan.toUpdate.map((r) => r.severity), plan.toUpdate.map((r) => r.note)],
        );
        ids.push(...plan.toUpdate.map((r) => r.id));
      }
      await this.audit.record(m, actor, {
        action: AuditAction.IMPORT,
        entityType: 'CriminalRecord',
        summary: `导入违法犯罪记录“${file.name}”：新增${created}条，更新${plan.toUpdate.length}条，未变化${plan.unchanged}条，问题行${invalidRows}行`,
        after: { file: file.name, created, updated: plan.toUpdate.length, unchanged: plan.unchanged, invalidRows },
      });
      // A new record (not a corrected one) of someone on a roster still open: the decision made without it.
      if (this.openRosterEffects) await applyRecordsToOpenRosters(m, actor, this.openRosterEffects, newPeople);
      return {
        mode, totalRows: parsed.rows.length, validRows: good.length, invalidRows, problems,
        created, updated: plan.toUpdate.length, unchanged: plan.unchanged, ids, elapsedMs: Date.now() - started,
      };
    });
  }

  /** Counts for the register page. */
  async stats(): Promise<{ total: number; people: number; lastImportedAt: Date | null }> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS total, count(DISTINCT id_hash)::int AS people, max(created_at) AS last FROM criminal_records`,
    );
    return { total: row.total, people: row.people, lastImportedAt: row.last };
  }
}
