import { parse as parseCsvStream } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { badInput, DomainError } from './errors';

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
  /** Cells of an .xlsx that hold a formula (their shown value is the formula's last result). */
  formulaCells?: { row: number; column: string }[];
  /**
   * Columns (1-based) that hold data but have no header: an empty header cell, or cells beyond the
   * last header. Each with the first row where it holds data. Ordered by column.
   */
  headerlessColumns?: { column: number; row: number }[];
}

/** A, B, … Z, AA, AB: the letter Excel shows for a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Notes the first row where each headerless column holds data (see TabularFile.headerlessColumns). */
function noteHeaderless(found: Map<number, number>, headers: readonly (string | undefined)[], column: number, text: string, row: number): void {
  if (text === '' || headers[column - 1] || found.has(column)) return;
  found.set(column, row);
}

const headerlessList = (found: Map<number, number>) => [...found].map(([column, row]) => ({ column, row })).sort((a, b) => a.column - b.column);

/** A problem in one cell of an imported file. */
export interface CellProblem {
  row: number;
  column: string;
  message: string;
}

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
/**
 * What an .xlsx may inflate to. A full 20,000-row roster with every relative column is about a tenth
 * of this; a "zip bomb" (300 KB that inflates to 300 MB) is refused from its central directory
 * before anything is inflated.
 */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

const tooManyRows = () =>
  badInput(`一次最多导入${MAX_IMPORT_ROWS}行，文件超过${MAX_IMPORT_ROWS}行，请拆分后导入`, [{ field: 'file', message: '行数过多' }]);

/**
 * Decodes `{ name, base64 }` and parses by extension; every expected column must be present. The size
 * is checked before decoding, an .xlsx's inflated size before inflating, and rows are counted while
 * parsing (stopping at the limit), so a hostile file costs little memory and never holds the event
 * loop for long.
 */
export async function readTabular(
  file: { name: string; base64: string },
  expected: readonly string[],
  /** Every column the import reads (the template's); any other header is refused, not ignored. */
  known: readonly string[],
): Promise<TabularFile> {
  const name = file.name.trim().toLowerCase();
  const isXlsx = name.endsWith('.xlsx');
  if (!isXlsx && !name.endsWith('.csv')) {
    throw badInput('只支持 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）', [{ field: 'file.name', message: '文件类型不支持' }]);
  }
  const base64 = file.base64.replace(/^data:[^,]*,/, '');
  // 4 base64 characters carry 3 bytes: refuse an oversized file before decoding it.
  if (Math.floor((base64.length * 3) / 4) > MAX_FILE_BYTES + 3) {
    throw badInput(`文件超过${MAX_FILE_BYTES / 1024 / 1024}MB，请拆分后导入`, [{ field: 'file', message: '文件过大' }]);
  }
  const buffer = Buffer.from(base64, 'base64');
  if (buffer.length === 0) throw badInput('文件为空', [{ field: 'file', message: '文件为空' }]);
  if (buffer.length > MAX_FILE_BYTES) {
    throw badInput(`文件超过${MAX_FILE_BYTES / 1024 / 1024}MB，请拆分后导入`, [{ field: 'file', message: '文件过大' }]);
  }
  const parsed = isXlsx ? await parseXlsx(buffer) : await parseCsv(decodeText(buffer));

  const missing = expected.filter((h) => !parsed.headers.includes(h));
  if (missing.length) {
    throw badInput(`文件缺少列：${missing.join('、')}（请使用下载的模板，表头在第1行）`, missing.map((h) => ({ field: `file.${h}`, message: `缺少列“${h}”`, row: 1 })));
  }
  // A column the import does not read would be dropped without a word: 手机 for 手机号, or a second
  // 身份证号 column whose values would silently replace the first's.
  const unknown = [...new Set(parsed.headers.filter((h) => h !== '' && !known.includes(h)))];
  if (unknown.length) {
    throw badInput(`文件中有无法识别的列：${unknown.map((h) => `“${h}”`).join('、')}（可用的列：${known.join('、')}；请使用下载的模板）`,
      unknown.map((h) => ({ field: `file.${h}`, message: `无法识别的列“${h}”`, row: 1 })));
  }
  const repeated = [...new Set(parsed.headers.filter((h, i) => h !== '' && parsed.headers.indexOf(h) !== i))];
  if (repeated.length) {
    throw badInput(`文件中有重复的列：${repeated.map((h) => `“${h}”`).join('、')}（每列只能出现一次）`,
      repeated.map((h) => ({ field: `file.${h}`, message: `列“${h}”出现了不止一次`, row: 1 })));
  }
  // Data under no header would be dropped without a word (a column pasted past the last header, or
  // one whose header was deleted). An empty header cell with nothing below it is just a blank column.
  const headerless = parsed.headerlessColumns ?? [];
  if (headerless.length) {
    const named = (c: { column: number; row: number }) => `第${c.column}列有数据但没有表头（${columnLetter(c.column)}列，第${c.row}行起）`;
    throw badInput(`文件中${headerless.slice(0, 10).map(named).join('；')}${headerless.length > 10 ? `等${headerless.length}列` : ''}：请在第1行填写列名（可用的列：${known.join('、')}）或删除该列的数据`,
      headerless.slice(0, 100).map((c) => ({ field: `file.第${c.column}列`, message: named(c), row: 1 })));
  }
  if (parsed.rows.length === 0) throw badInput('文件中没有数据行', [{ field: 'file', message: '没有数据行' }]);
  // A formula's cell shows its last result (=HYPERLINK("http://…","张三") shows 张三): storing that
  // result would keep a value nobody typed, and the formula itself is what a spreadsheet runs.
  const formulas = parsed.formulaCells ?? [];
  if (formulas.length) {
    const shown = formulas.slice(0, 10).map((c) => `第${c.row}行“${c.column}”`).join('、');
    throw badInput(`文件中有公式，不能导入：${shown}${formulas.length > 10 ? `等${formulas.length}处` : ''}（请复制后“粘贴为数值”再导入）`,
      formulas.map((c) => ({ field: `file.${c.column}`, message: `第${c.row}行“${c.column}”是公式`, row: c.row })));
  }
  return { headers: parsed.headers, rows: parsed.rows };
}

function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** The text in pieces, so that parsing a large file lets other requests run in between. */
function* chunksOf(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), read as a stream and stopped at the row limit. */
export async function parseCsv(text: string): Promise<TabularFile> {
  const parser = Readable.from(chunksOf(text)).pipe(
    parseCsvStream({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let headers: string[] | null = null;
  const rows: TabularRow[] = [];
  const headerless = new Map<number, number>();
  let line = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      line += 1;
      if (!headers) {
        headers = cells.map((h) => h.trim());
        continue;
      }
      cells.forEach((c, j) => noteHeaderless(headerless, headers!, j + 1, c.trim(), line));
      if (cells.every((c) => c.trim() === '')) continue;
      if (rows.length === MAX_IMPORT_ROWS) throw tooManyRows();
      const values: Record<string, string> = {};
      headers.forEach((h, j) => {
        if (h) values[h] = (cells[j] ?? '').trim();
      });
      rows.push({ row: line, values });
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw badInput(`CSV 文件第${line + 1}行格式有误（引号未闭合？），请检查后重新导入`, [{ field: 'file', message: 'CSV 格式有误', row: line + 1 }]);
  } finally {
    parser.destroy();
  }
  return { headers: headers ?? [], rows, headerlessColumns: headerlessList(headerless) };
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

const isFormula = (value: ExcelJS.CellValue): boolean =>
  typeof value === 'object' && value !== null && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value);

const unreadable = () => badInput('无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密', [{ field: 'file', message: '文件无法读取' }]);

/** The parts of exceljs's streaming WorkbookReader used here (its entry parsers; see parseXlsx). */
interface StreamingWorkbook {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function zipEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/^\//, ''), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

/**
 * Reads the first sheet of an .xlsx with exceljs's streaming reader, row by row. The zip is opened
 * with yauzl: its central directory gives every part's inflated size before anything is inflated
 * (refused above MAX_INFLATED_BYTES; yauzl also stops a part that inflates to more than it
 * declared), and the parts are read in the order the reader needs (shared strings and styles before
 * the sheet), so nothing is buffered on disk or in memory whatever order the producer wrote them in.
 * Parsing stops at the first row past MAX_IMPORT_ROWS.
 */
async function parseXlsx(buffer: Buffer): Promise<TabularFile> {
  let zip: yauzl.ZipFile;
  let entries: Map<string, yauzl.Entry>;
  try {
    zip = await openZip(buffer);
    entries = await zipEntries(zip);
  } catch {
    throw unreadable();
  }
  try {
    let inflated = 0;
    for (const entry of entries.values()) inflated += entry.uncompressedSize;
    if (inflated > MAX_INFLATED_BYTES || entries.size > 10_000) {
      throw badInput(`文件解压后超过${MAX_INFLATED_BYTES / 1024 / 1024}MB，无法导入（请确认是正常的 Excel 文件，过大时请拆分）`, [{ field: 'file', message: '文件解压后过大' }]);
    }
    const part = (name: string) => entries.get(name);
    const read = async (name: string) => entryStream(zip, part(name)!);
    if (!part('xl/workbook.xml') || !part('xl/_rels/workbook.xml.rels')) throw unreadable();

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as StreamingWorkbook;
    await reader._parseRels(await read('xl/_rels/workbook.xml.rels'));
    await reader._parseWorkbook(await read('xl/workbook.xml'));
    if (part('xl/sharedStrings.xml')) {
      for await (const _ of reader._parseSharedStrings(await read('xl/sharedStrings.xml'))) void _;
    }
    if (part('xl/styles.xml')) await reader._parseStyles(await read('xl/styles.xml'));

    const first = reader.model?.sheets?.[0];
    const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
    const sheetPath = target && (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    const sheetNo = sheetPath && /worksheets\/sheet(\d+)\.xml$/.exec(sheetPath)?.[1];
    if (!sheetPath || !sheetNo || !part(sheetPath)) throw badInput('Excel 文件中没有工作表', [{ field: 'file', message: '没有工作表' }]);

    const sheetStream = await read(sheetPath);
    const [{ value: sheet }] = [...reader._parseWorksheet(sheetStream, sheetNo)];
    let headers: string[] | null = null;
    const rows: TabularRow[] = [];
    const formulaCells: { row: number; column: string }[] = [];
    const headerless = new Map<number, number>();
    try {
      for await (const row of sheet) {
        if (!headers) {
          headers = [];
          if (row.number !== 1) continue;
          row.eachCell({ includeEmpty: true }, (cell, col) => {
            headers![col - 1] = cellText(cell.value).trim();
          });
          continue;
        }
        const columns = headers;
        // (the text only of cells under no header: the others are read below, once)
        row.eachCell((cell, col) => {
          if (!columns[col - 1] && !headerless.has(col)) noteHeaderless(headerless, columns, col, cellText(cell.value).trim(), row.number);
        });
        const values: Record<string, string> = {};
        let any = false;
        headers.forEach((h, j) => {
          if (!h) return;
          const value = row.getCell(j + 1).value;
          if (isFormula(value)) formulaCells.push({ row: row.number, column: h });
          const text = cellText(value).trim();
          if (text) any = true;
          values[h] = text;
        });
        if (!any) continue;
        if (rows.length === MAX_IMPORT_ROWS) throw tooManyRows();
        rows.push({ row: row.number, values });
      }
    } finally {
      sheetStream.destroy();
    }
    return { headers: Array.from(headers ?? [], (h) => h ?? ''), rows, formulaCells, headerlessColumns: headerlessList(headerless) };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw unreadable();
  } finally {
    zip.close();
  }
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

/** YYYY-MM-DD (also YYYY/M/D and YYYY.M.D); null when not a real date. */
export function parseLocalDate(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear: Date.UTC would read years 0–99 as 1900–1999 (0001-01-01 is a real, if implausible, date)
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

