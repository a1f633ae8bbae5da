import ExcelJS from 'exceljs';
import { badInput } from './errors';

/**
 * Reading and writing the spreadsheets people actually exchange: .xlsx (Excel, WPS) and .csv
 * (UTF-8 with or without BOM, or GB18030 as Excel saves it on a Chinese Windows).
 * Rows come back as plain strings keyed by the Chinese column header, with their sheet row number.
 */

export interface TabularRow {
  /** 1-based row number as the user sees it in Excel (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

export interface TabularFile {
  headers: string[];
  rows: TabularRow[];
}

/** A problem in one cell of an imported file. */
export interface CellProblem {
  row: number;
  column: string;
  message: string;
}

export const MAX_IMPORT_ROWS = 20_000;
const MAX_FILE_BYTES = 15 * 1024 * 1024;

/** Decodes `{ name, base64 }` and parses by extension; every expected column must be present. */
export async function readTabular(file: { name: string; base64: string }, expected: readonly string[]): Promise<TabularFile> {
  const name = file.name.trim().toLowerCase();
  const buffer = Buffer.from(file.base64.replace(/^data:[^,]*,/, ''), 'base64');
  if (buffer.length === 0) throw badInput('文件为空', [{ field: 'file', message: '文件为空' }]);
  if (buffer.length > MAX_FILE_BYTES) throw badInput('文件超过15MB，请拆分后导入', [{ field: 'file', message: '文件过大' }]);
  let parsed: TabularFile;
  if (name.endsWith('.xlsx')) parsed = await parseXlsx(buffer);
  else if (name.endsWith('.csv')) parsed = parseCsv(decodeText(buffer));
  else throw badInput('只支持 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）', [{ field: 'file.name', message: '文件类型不支持' }]);

  const missing = expected.filter((h) => !parsed.headers.includes(h));
  if (missing.length) {
    throw badInput(`文件缺少列：${missing.join('、')}（请使用下载的模板，表头在第1行）`, missing.map((h) => ({ field: `file.${h}`, message: `缺少列“${h}”`, row: 1 })));
  }
  if (parsed.rows.length === 0) throw badInput('文件中没有数据行', [{ field: 'file', message: '没有数据行' }]);
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw badInput(`一次最多导入${MAX_IMPORT_ROWS}行，文件有${parsed.rows.length}行`, [{ field: 'file', message: '行数过多' }]);
  }
  return parsed;
}

function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): TabularFile {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...body] = records;
  const headers = header.map((h) => h.trim());
  const rows: TabularRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h) values[h] = (cells[j] ?? '').trim();
    });
    rows.push({ row: i + 2, values });
  });
  return { headers, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone: exceljs gives midnight UTC of the shown date.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    // 18-digit ID numbers typed into a number cell have already lost their last digits.
    if (Number.isInteger(value) && Math.abs(value) >= 1e15) return `#NUMBER:${value}`;
    return String(value);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

async function parseXlsx(buffer: Buffer): Promise<TabularFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badInput('无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密', [{ field: 'file', message: '文件无法读取' }]);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw badInput('Excel 文件中没有工作表', [{ field: 'file', message: '没有工作表' }]);
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value).trim();
  });
  const rows: TabularRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    let any = false;
    headers.forEach((h, j) => {
      if (!h) return;
      const text = cellText(row.getCell(j + 1).value).trim();
      if (text) any = true;
      values[h] = text;
    });
    if (any) rows.push({ row: rowNumber, values });
  });
  return { headers: headers.map((h) => h ?? ''), rows };
}

/** A one-sheet workbook with a bold header, text-formatted columns and optional example rows. */
export async function buildWorkbook(options: {
  sheetName: string;
  columns: { header: string; width?: number; text?: boolean }[];
  rows?: (string | number | null)[][];
  title?: string;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大型活动安保前置审核系统';
  const sheet = wb.addWorksheet(options.sheetName);
  sheet.columns = options.columns.map((c) => ({ header: c.header, width: c.width ?? 14, style: c.text ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const r of options.rows ?? []) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Cell problems as the FieldProblem list of a BAD_USER_INPUT error. */
export function cellProblemsAsFields(problems: CellProblem[]) {
  return problems.map((p) => ({ field: `rows.${p.row}.${p.column}`, row: p.row, message: `第${p.row}行“${p.column}”：${p.message}` }));
}

/** YYYY-MM-DD (also YYYY/M/D and YYYY.M.D); null when not a real date. */
export function parseLocalDate(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today in China (UTC+8) as YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The date in China (UTC+8) of an instant. */
export function chinaDate(at: Date): string {
  return todayInChina(at);
}
