import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { SaxesParser } from 'saxes';
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
  /**
   * Columns of an .xlsx that are hidden (or (almost) zero wide) and hold a header or data: each with
   * its header and the first row where it holds something. Ordered by column.
   */
  hiddenColumns?: { column: number; row: number; header?: string }[];
  /** Rows of an .xlsx that are hidden (filtered out, or hidden by hand) and hold data; the first MAX_LISTED. */
  hiddenRows?: number[];
  hiddenRowCount?: number;
  /** Cells of an .xlsx that cannot be read as they show (see readCell); the first MAX_LISTED. */
  cellProblems?: CellProblem[];
  cellProblemCount?: number;
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
 * What an .xlsx may inflate to. A full 20,000-row roster with every relative column is about 21 MB
 * (as exceljs writes it), a 20,000-row records file with a 500-character 备注 on every row about 35 MB;
 * a "zip bomb" (300 KB that inflates to 300 MB) is refused from its central directory before anything
 * is inflated.
 */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/**
 * Beyond INFLATED_FREELY, an .xlsx may inflate to at most MAX_INFLATION times its size. Real sheets
 * hold ID numbers and names, which compress 10 to 15 times (a 20,000-row roster: 1.8 MB → 21 MB);
 * a sheet of blank formatted rows compresses far more, but is small. A 143 KB file whose sheet was
 * 93 MB of repeated text (650 times; red team 3, H3) cost 4.5 s of parsing; it is refused from the
 * central directory, before anything is inflated.
 */
export const MAX_INFLATION = 100;
const INFLATED_FREELY = 10 * 1024 * 1024;
/**
 * The longest text a cell may hold, in characters. The longest field of any template is 500 (the
 * records' 备注); the rules refuse a value over its own field's limit with its length, so this is twice
 * that: what is longer is no register's content, and is refused as it is met, without keeping it (a
 * 143 KB workbook of 3,000 cells of 31,000 characters cost 4.5 s and 93 MB; red team 3, H3).
 */
export const MAX_CELL_CHARS = 1000;
/** Sheets a workbook may list (Excel's own files have a handful). */
const MAX_SHEETS = 255;
const tooMuchInflated = () =>
  badInput(`文件解压后超过${MAX_INFLATED_BYTES / 1024 / 1024}MB，无法导入（请确认是正常的 Excel 文件，过大时请拆分）`, [{ field: 'file', message: '文件解压后过大' }]);
/** Cell problems and hidden rows kept for the answer's fields (all are counted; the message lists 10). */
const MAX_LISTED = 1000;
const LISTED_IN_MESSAGE = 10;

const tooManyRows = () =>
  badInput(`一次最多导入${MAX_IMPORT_ROWS}行，文件超过${MAX_IMPORT_ROWS}行，请拆分后导入`, [{ field: 'file', message: '行数过多' }]);

export interface ReadTabularOptions {
  /**
   * Columns that hold amounts (注册资本（元）): a number cell there may show its number formatted
   * (3,000,000 or ¥3,000,000.00) and is read as its value, as long as what it shows is that number.
   * In every other column a number cell must show exactly its value (see readNumber).
   */
  numberColumns?: readonly string[];
}

/**
 * Decodes `{ name, base64 }` and parses by extension; every expected column must be present. The size
 * is checked before decoding, an .xlsx's inflated size (and how much it inflates) before inflating;
 * rows are counted, and a cell's length (and a CSV row's length and width) checked, while parsing,
 * which stops at the first thing over a limit; and parsing gives the event loop back every chunk. So a
 * hostile file costs little memory and never holds the event loop for long.
 *
 * A cell is read as Excel shows it or the file is refused, naming the row and the column: no value
 * nobody sees (a hidden sheet, row or column, a phonetic guide, the number under a number format, a
 * text its format hides, an error read as blank) is ever returned.
 */
export async function readTabular(
  file: { name: string; base64: string },
  expected: readonly string[],
  /** Every column the import reads (the template's); any other header is refused, not ignored. */
  known: readonly string[],
  options: ReadTabularOptions = {},
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
  // Decoding 15 MB of base64, then of UTF-8, takes tens of milliseconds each: other requests run in between.
  await setImmediate();
  let parsed: TabularFile;
  if (isXlsx) parsed = await parseXlsx(buffer, new Set(options.numberColumns ?? []));
  else {
    const text = csvText(buffer);
    await setImmediate();
    parsed = await parseCsv(text, known.length);
  }

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
  // A hidden row (filtered out with 筛选, or hidden by hand) is not what the user sees as the list.
  const hidden = parsed.hiddenRows ?? [];
  if (hidden.length) {
    const total = parsed.hiddenRowCount ?? hidden.length;
    const listed = hidden.slice(0, LISTED_IN_MESSAGE).join('、');
    throw badInput(`第${listed}行${total > LISTED_IN_MESSAGE ? `等${total}行` : ''}是隐藏行（可能被筛选隐藏），请取消隐藏或删除后导入`,
      hidden.map((row) => ({ field: 'file', message: `第${row}行是隐藏行`, row })));
  }
  // A hidden column (or one dragged to no width) is not what the user sees either: a 手机号 or a
  // 未登记亲属说明 there would be stored unseen, and a hidden header with blank cells would clear values.
  const hiddenColumns = parsed.hiddenColumns ?? [];
  if (hiddenColumns.length) {
    const named = (c: { column: number; row: number; header?: string }) =>
      `第${c.column}列（${columnLetter(c.column)}列${c.header ? `“${c.header}”` : ''}）是隐藏列或宽度为0${c.row > 1 ? `，第${c.row}行起有数据` : ''}`;
    throw badInput(`文件中${hiddenColumns.slice(0, LISTED_IN_MESSAGE).map(named).join('；')}${hiddenColumns.length > LISTED_IN_MESSAGE ? `等${hiddenColumns.length}列` : ''}：请取消隐藏（或调整列宽）确认内容后导入，或删除该列`,
      hiddenColumns.slice(0, 100).map((c) => ({ field: `file.${c.header ?? `第${c.column}列`}`, message: named(c), row: c.row })));
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
  // Cells whose shown text cannot be taken as it is (an error value, a formatted number, a partial date).
  const cells = parsed.cellProblems ?? [];
  if (cells.length) {
    const total = parsed.cellProblemCount ?? cells.length;
    const listed = cells.slice(0, LISTED_IN_MESSAGE).map((c) => c.message).join('；');
    throw badInput(total > LISTED_IN_MESSAGE ? `${listed}；等${total}处（以上为前${LISTED_IN_MESSAGE}处）` : listed,
      cells.map((c) => ({ field: `file.${c.column}`, message: c.message, row: c.row })));
  }
  return { headers: parsed.headers, rows: parsed.rows };
}

const startsWith = (buffer: Buffer, bytes: number[]) => buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);

/**
 * The text of a .csv: UTF-8 (with or without BOM) or GB18030. A file that is not such a text (an
 * .xlsx or .xls renamed, "Unicode 文本" saved as UTF-16) or is not comma-separated is refused
 * saying what it is, not with a misleading "缺少列" or "引号未闭合".
 */
function csvText(buffer: Buffer): string {
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    throw badInput('文件实际是 Excel 工作簿，请将扩展名改为 .xlsx 后导入', [{ field: 'file.name', message: '文件实际是 Excel 工作簿（.xlsx）' }]);
  }
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw badInput('文件实际是旧版 Excel 工作簿（.xls），请在 Excel 中另存为 .xlsx 后导入', [{ field: 'file.name', message: '文件实际是 Excel 工作簿（.xls）' }]);
  }
  const head = buffer.subarray(0, 4096);
  let nulEven = 0;
  let nulOdd = 0;
  head.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2) nulOdd += 1;
    else nulEven += 1;
  });
  const utf16 = startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff]) || Math.max(nulEven, nulOdd) >= head.length / 8;
  if (utf16) {
    throw badInput('文件是 UTF-16（Unicode 文本）编码，请另存为“CSV UTF-8（逗号分隔）”后导入', [{ field: 'file', message: '文件编码是 UTF-16' }]);
  }
  if (buffer.includes(0)) {
    throw badInput('文件中含有空字符，不是文本格式的 CSV，请另存为“CSV UTF-8（逗号分隔）”后导入', [{ field: 'file', message: '文件不是文本' }]);
  }
  const text = decodeText(buffer);
  const header = /^[^\r\n]*/.exec(text)![0];
  if (!header.includes(',')) {
    const found = header.includes(';') ? '分号' : header.includes('\t') ? '制表符' : header.includes('；') ? '中文分号' : null;
    if (found) {
      throw badInput(`CSV 应以逗号分隔（检测到${found}），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后导入`, [{ field: 'file', message: `分隔符是${found}，不是逗号`, row: 1 }]);
    }
  }
  return text;
}

function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** How much of a CSV is read before the event loop is given back (a millisecond or so of work). */
const CSV_CHUNK_CHARS = 64 * 1024;
/**
 * The longest record (row) of a CSV, in characters. A template row is at most a few hundred
 * characters (the records register's, with its 500-character 备注, is the longest, about 700); a
 * record this long is an unclosed quote swallowing the rest of the file, or a hostile file.
 */
export const MAX_CSV_RECORD_CHARS = 64 * 1024;
/**
 * Fields a CSV row may have: twice the template's columns, and at least 40 (Excel writes every row as
 * wide as the sheet's used range, so a stray cell far to the right adds empty fields to every row).
 * Counted while reading: a row of ten million commas is refused at its 41st field, not after ten
 * million empty strings were made (red team 3, H1: 5.8 s with the event loop held).
 */
const csvFieldLimit = (columns: number) => Math.max(2 * columns, 40);

const tooLongCell = (row: number, column: string, length: number) =>
  badInput(`第${row}行“${column}”有${length}字，超过单元格上限${MAX_CELL_CHARS}字（模板中最长的一项为500字），请检查该单元格后导入`,
    [{ field: `file.${column}`, message: `第${row}行“${column}”超过${MAX_CELL_CHARS}字`, row }]);

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF, LF or CR), read in one pass and stopped at the row
 * limit. A quote inside an unquoted field is kept as it is (=HYPERLINK("…","张三") stays one formula
 * whose comma splits it, and is then refused as a headerless column); a quoted field must end at a
 * comma or the end of the line. An empty line is a (blank) row, as Excel counts it.
 *
 * Read by hand rather than with csv-parse: that one, told to accept rows of any length, builds an
 * Error (with a JSON copy of the row) for every row whose length differs from the first, about 100 µs
 * each; a 15 MB file of short rows cost tens of seconds. Here every character is looked at once, the
 * event loop turns every CSV_CHUNK_CHARS characters (setImmediate), and a record over
 * MAX_CSV_RECORD_CHARS, a row with more fields than csvFieldLimit and a cell over MAX_CELL_CHARS are
 * refused as they are met, naming the row.
 */
export async function parseCsv(text: string, columns: number): Promise<TabularFile> {
  const maxFields = csvFieldLimit(columns);
  let headers: string[] | null = null;
  const rows: TabularRow[] = [];
  const headerless = new Map<number, number>();
  /** The row being read (1-based, as Excel numbers it), its fields so far and where it began. */
  let line = 1;
  let cells: string[] = [];
  let recordStart = 0;
  const column = (index: number) => headers?.[index] || `${columnLetter(index + 1)}列`;

  const endField = (value: string) => {
    if (cells.length >= maxFields) {
      throw badInput(`CSV 文件第${line}行的列数过多（超过${maxFields}列，模板共${columns}列），请删除多余的列或逗号后导入`,
        [{ field: 'file', message: `第${line}行列数过多`, row: line }]);
    }
    if (value.length > MAX_CELL_CHARS) throw tooLongCell(line, column(cells.length), value.length);
    cells.push(value);
  };
  const endRecord = () => {
    const record = cells;
    cells = [];
    const row = line;
    line += 1;
    if (!headers) {
      headers = record.map((h) => h.trim());
      return;
    }
    record.forEach((c, j) => noteHeaderless(headerless, headers!, j + 1, c.trim(), row));
    if (record.every((c) => c.trim() === '')) return;
    if (rows.length === MAX_IMPORT_ROWS) throw tooManyRows();
    const values: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h) values[h] = (record[j] ?? '').trim();
    });
    rows.push({ row, values });
  };
  const tooLongRecord = () =>
    badInput(`CSV 文件第${line}行过长（超过${MAX_CSV_RECORD_CHARS / 1024}K个字符，可能有未闭合的引号），请检查后重新导入`,
      [{ field: 'file', message: `第${line}行过长`, row: line }]);
  const malformed = () =>
    badInput(`CSV 文件第${line}行格式有误（引号未闭合？），请检查后重新导入`, [{ field: 'file', message: 'CSV 格式有误', row: line }]);

  let nextYield = CSV_CHUNK_CHARS;
  let i = 0;
  while (i < text.length) {
    if (i >= nextYield) {
      await setImmediate(); // other requests run here
      nextYield = i + CSV_CHUNK_CHARS;
    }
    if (text.charCodeAt(i) === QUOTE) {
      // A quoted field: up to the quote that is not doubled, which must end the field.
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        // an unclosed quote, or one that runs past the record limit (found from here, not by reading the rest)
        if (close < 0 || close - recordStart > MAX_CSV_RECORD_CHARS) {
          throw close < 0 && text.length - recordStart <= MAX_CSV_RECORD_CHARS ? malformed() : tooLongRecord();
        }
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const next = text.charCodeAt(i);
      if (i < text.length && next !== COMMA && next !== CR && next !== LF) throw malformed();
      endField(value);
    } else {
      // An unquoted field: up to the next comma or line break, quotes and all.
      let end = i;
      const limit = Math.min(text.length, recordStart + MAX_CSV_RECORD_CHARS + 1);
      for (let ch = text.charCodeAt(end); end < limit && ch !== COMMA && ch !== CR && ch !== LF; ch = text.charCodeAt(++end));
      if (end === limit && limit < text.length) throw tooLongRecord();
      endField(text.slice(i, end));
      i = end;
    }
    if (i >= text.length) break;
    const ch = text.charCodeAt(i);
    i += 1;
    if (ch === COMMA) {
      if (i === text.length) endField(''); // a trailing comma at the very end: one more (empty) field
      continue;
    }
    if (ch === CR && text.charCodeAt(i) === LF) i += 1;
    endRecord();
    recordStart = i;
  }
  if (cells.length) endRecord(); // the last line, without a line break after it
  return { headers: headers ?? [], rows, headerlessColumns: headerlessList(headerless) };
}

// ---------------------------------------------------------------------------------------------
// .xlsx: the parts are read with a streaming XML parser (saxes, as exceljs does), not with exceljs's
// reader: that one keeps the text of the last <t> of a string (a phonetic guide's, or an inline rich
// string's last run), drops rows' `hidden`, knows no built-in CJK date format and decodes each chunk
// of a part on its own (a character split between two chunks becomes U+FFFD).

const unreadable = () => badInput('无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密', [{ field: 'file', message: '文件无法读取' }]);

type XmlEvent =
  | { kind: 'open'; name: string; attrs: Record<string, string> }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

/** Element and attribute names without their namespace prefix (`x:row` → `row`). */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function localAttrs(attributes: Record<string, string>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    // r:id keeps its prefix (a sheet's relationship); others by local name, the unprefixed one first
    if (key.includes(':') && localName(key) === 'id') attrs['r:id'] = value;
    else if (!key.includes(':') || !(localName(key) in attrs)) attrs[localName(key)] = value;
  }
  return attrs;
}

/**
 * A part's XML events, a batch per chunk (so that a large part lets other requests run in between).
 * UTF-8 is decoded as a stream (a character may straddle two chunks) and strictly: a byte sequence
 * that is not UTF-8 makes the file unreadable rather than a U+FFFD in someone's name.
 */
async function* xmlEvents(stream: Readable): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let events: XmlEvent[] = [];
  let error: Error | undefined;
  parser.on('error', (err) => {
    error ??= err;
  });
  parser.on('opentag', (tag) => events.push({ kind: 'open', name: localName(tag.name), attrs: localAttrs(tag.attributes as Record<string, string>) }));
  parser.on('closetag', (tag) => events.push({ kind: 'close', name: localName(tag.name) }));
  parser.on('text', (text) => events.push({ kind: 'text', text }));
  parser.on('cdata', (text) => events.push({ kind: 'text', text }));
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    parser.write(decoder.decode());
    parser.close();
    if (error) throw error;
    yield events;
  } finally {
    stream.destroy();
  }
}

/** Excel's escapes in string items (ST_Xstring): `_x000D_` is a carriage return, `_x005F_` an underscore. */
const unescapeX = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const isTrue = (value: string | undefined) => value === '1' || value === 'true';

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

/** The zip's entries by part name, lower-cased (part names are case-insensitive in a package). */
function zipEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/\\/g, '/').replace(/^\//, '').toLowerCase(), entry);
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

/** A relationship's target as a part name (relative to the workbook's folder, `xl/`). */
function partName(target: string): string {
  const parts: string[] = [];
  for (const piece of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

interface Relationship {
  type: string;
  target: string;
}

async function readRels(stream: Readable): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  for await (const events of xmlEvents(stream)) {
    for (const e of events) {
      if (e.kind === 'open' && e.name === 'Relationship' && e.attrs.Id && e.attrs.Target && e.attrs.TargetMode !== 'External') {
        rels.set(e.attrs.Id, { type: e.attrs.Type ?? '', target: partName(e.attrs.Target) });
      }
    }
  }
  return rels;
}

interface SheetEntry {
  name: string;
  state: string;
  rId: string;
}

async function readWorkbook(stream: Readable): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for await (const events of xmlEvents(stream)) {
    for (const e of events) {
      if (e.kind !== 'open') continue;
      if (e.name === 'workbookPr') date1904 = isTrue(e.attrs.date1904);
      if (e.name === 'sheet') sheets.push({ name: e.attrs.name ?? '', state: e.attrs.state ?? 'visible', rId: e.attrs['r:id'] ?? '' });
    }
  }
  return { sheets, date1904 };
}

/**
 * A shared string as Excel shows it, or the length of one over MAX_CELL_CHARS (not kept: a cell that
 * uses it is refused, naming the cell).
 */
type SharedString = string | number;

/**
 * The shared strings as Excel shows them: the text of an item's <t>, or of its runs' <t> one after
 * the other; never the phonetic guide (<rPh>, 拼音指南), which Excel shows above the text if at all.
 */
async function readSharedStrings(stream: Readable): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  const stack: string[] = [];
  let parts: string[] | null = null;
  for await (const events of xmlEvents(stream)) {
    for (const e of events) {
      if (e.kind === 'open') {
        stack.push(e.name);
        if (e.name === 'si' && stack.length === 2) parts = [];
      } else if (e.kind === 'close') {
        stack.pop();
        if (e.name === 'si' && stack.length === 1 && parts) {
          const text = unescapeX(parts.join(''));
          strings.push(text.length > MAX_CELL_CHARS ? text.length : text);
          parts = null;
        }
      } else if (parts && isStringText(stack, 1)) {
        parts.push(e.text);
      }
    }
  }
  return strings;
}

/** Whether the element at the top of `stack` is a <t> of a string item (<si>/<is>) at `at`: its own or a run's. */
function isStringText(stack: readonly string[], at: number): boolean {
  const depth = stack.length - at;
  return stack[stack.length - 1] === 't' && (depth === 2 || (depth === 3 && stack[at + 1] === 'r'));
}

interface Styles {
  /** The number format id of each cell format (cellXfs), by the cells' `s`. */
  cellFormats: number[];
  /** The file's own number formats (numFmts), by id. */
  formats: Map<number, string>;
}

async function readStyles(stream: Readable): Promise<Styles> {
  const styles: Styles = { cellFormats: [], formats: new Map() };
  const stack: string[] = [];
  for await (const events of xmlEvents(stream)) {
    for (const e of events) {
      if (e.kind === 'open') {
        const parent = stack[stack.length - 1];
        if (e.name === 'numFmt' && parent === 'numFmts') styles.formats.set(Number(e.attrs.numFmtId), e.attrs.formatCode ?? '');
        if (e.name === 'xf' && parent === 'cellXfs') styles.cellFormats.push(Number(e.attrs.numFmtId ?? 0));
        stack.push(e.name);
      } else if (e.kind === 'close') {
        stack.pop();
      }
    }
  }
  return styles;
}

/** One cell of a sheet as written: its type, style, and the text of its <v> or inline string. */
interface RawCell {
  col: number;
  type: string;
  style: number;
  formula: boolean;
  value: string | null;
  inline: string | null;
  /** The length of a text over MAX_CELL_CHARS (its <v> or inline string), which is not kept. */
  tooLong?: number;
}

interface RawRow {
  number: number;
  hidden: boolean;
  cells: RawCell[];
}

function columnNumber(ref: string): number | null {
  const m = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref);
  if (!m) return null;
  let n = 0;
  for (const ch of m[1].toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * Columns narrower than this (in Excel's unit, the width of a digit) show nothing of what they hold:
 * dragged to (almost) nothing rather than hidden, they hide their cells just the same.
 */
const MIN_VISIBLE_WIDTH = 1;

/** What a sheet says besides its cells: merged ranges, and which columns the user cannot see. */
class SheetLayout {
  readonly merges: string[] = [];
  /** Per column (1-based): 0 not described by a <col>, 1 visible, 2 hidden or (almost) zero wide. */
  private readonly widths = new Uint8Array(16_385);
  /**
   * The last column a <col> described. Ranges come in order and do not overlap, as Excel writes them;
   * what a range repeats of an earlier one is skipped, so describing all columns costs 16,384 steps at most.
   */
  private lastDescribed = 0;
  /** Whether a column no <col> describes is hidden (the sheet's default width is (almost) zero). */
  hiddenByDefault = false;

  describe(min: number, max: number, hidden: boolean): void {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) throw unreadable();
    const [from, to] = [Math.max(min, this.lastDescribed + 1), Math.min(max, 16_384)];
    if (to < from) return;
    this.widths.fill(hidden ? 2 : 1, from, to + 1);
    this.lastDescribed = to;
  }

  hidden(column: number): boolean {
    const described = this.widths[column];
    return described ? described === 2 : this.hiddenByDefault;
  }
}

/** Whether a width attribute says "(almost) nothing shown"; an absent or unreadable one does not. */
const tooNarrow = (width: string | undefined) => width !== undefined && Number(width) < MIN_VISIBLE_WIDTH;

/**
 * The rows of a sheet, a batch per chunk. Rows and the cells in a row must come in order, each once
 * (as Excel writes them): a file that repeats a row or a cell (which one would Excel show?) is unreadable.
 * A cell's text over MAX_CELL_CHARS is not kept (RawCell.tooLong).
 */
async function* sheetRows(stream: Readable, layout?: SheetLayout): AsyncGenerator<RawRow[]> {
  let zeroHeight = false;
  let inSheetData = false;
  let row: RawRow | null = null;
  let lastRow = 0;
  let lastCol = 0;
  let cell: RawCell | null = null;
  let value: string[] | null = null;
  let inValue = false;
  let inline: string[] | null = null;
  const isStack: string[] = [];
  for await (const events of xmlEvents(stream)) {
    const done: RawRow[] = [];
    for (const e of events) {
      if (e.kind === 'text') {
        if (inValue && value) value.push(e.text);
        else if (inline && isStringText(isStack, 0)) inline.push(e.text);
        continue;
      }
      if (inline) {
        // inside a cell's <is>: its own <t> and its runs' <t>, never a phonetic run's
        if (e.kind === 'open') isStack.push(e.name);
        else if (isStack.pop() === 'is' && isStack.length === 0) {
          const text = unescapeX(inline.join(''));
          if (text.length > MAX_CELL_CHARS) cell!.tooLong = text.length;
          else cell!.inline = text;
          inline = null;
        }
        continue;
      }
      if (e.kind === 'open') {
        switch (e.name) {
          case 'sheetFormatPr':
            zeroHeight = isTrue(e.attrs.zeroHeight);
            if (layout) layout.hiddenByDefault = tooNarrow(e.attrs.defaultColWidth);
            break;
          case 'col': {
            if (!layout || inSheetData) break;
            layout.describe(Number(e.attrs.min), Number(e.attrs.max ?? e.attrs.min), isTrue(e.attrs.hidden) || tooNarrow(e.attrs.width));
            break;
          }
          case 'mergeCell':
            if (layout && e.attrs.ref) layout.merges.push(e.attrs.ref);
            break;
          case 'sheetData':
            inSheetData = true;
            break;
          case 'row': {
            if (!inSheetData) break;
            const number = e.attrs.r === undefined ? lastRow + 1 : Number(e.attrs.r);
            if (!Number.isInteger(number) || number <= lastRow || number > 1_048_576) throw unreadable();
            const height = e.attrs.ht === undefined ? undefined : Number(e.attrs.ht);
            const hidden = isTrue(e.attrs.hidden) || height === 0 || (zeroHeight && !(isTrue(e.attrs.customHeight) && height! > 0));
            row = { number, hidden, cells: [] };
            lastRow = number;
            lastCol = 0;
            break;
          }
          case 'c': {
            if (!row) break;
            const col = e.attrs.r === undefined ? lastCol + 1 : columnNumber(e.attrs.r);
            if (col === null || col <= lastCol || col > 16_384) throw unreadable();
            lastCol = col;
            cell = { col, type: e.attrs.t ?? 'n', style: Number(e.attrs.s ?? 0), formula: false, value: null, inline: null };
            break;
          }
          case 'f':
            if (cell) cell.formula = true;
            break;
          case 'v':
            if (cell) {
              inValue = true;
              value = [];
            }
            break;
          case 'is':
            if (cell) {
              inline = [];
              isStack.push('is');
            }
            break;
        }
      } else {
        switch (e.name) {
          case 'sheetData':
            inSheetData = false;
            break;
          case 'row':
            if (row) done.push(row);
            row = null;
            break;
          case 'c':
            if (cell && row) row.cells.push(cell);
            cell = null;
            break;
          case 'v':
            if (cell && value) {
              const text = value.join('');
              if (text.length > MAX_CELL_CHARS) cell.tooLong = text.length;
              else cell.value = text;
            }
            inValue = false;
            value = null;
            break;
        }
      }
    }
    if (done.length) yield done;
  }
}

interface XlsxContext {
  sharedStrings: SharedString[];
  styles: Styles;
  date1904: boolean;
}

/** A cell's text as Excel shows it, or why it cannot be taken (the end of a sentence that names the cell). */
interface CellReading {
  text: string;
  problem?: string;
  /** The length of a text over MAX_CELL_CHARS: the file is refused at this cell. */
  tooLong?: number;
}

function readCell(cell: RawCell, ctx: XlsxContext, amount: boolean): CellReading {
  if (cell.tooLong !== undefined) return { text: '', tooLong: cell.tooLong };
  if (cell.formula) return { text: cell.value ?? cell.inline ?? '' }; // refused as a formula, whatever it shows
  if (cell.value === null && cell.inline === null) return { text: '' };
  const raw = cell.value ?? '';
  switch (cell.type) {
    case 's': {
      const index = Number(raw.trim());
      if (!Number.isInteger(index) || index < 0 || index >= ctx.sharedStrings.length) throw unreadable();
      const shared = ctx.sharedStrings[index];
      return typeof shared === 'number' ? { text: '', tooLong: shared } : readText(shared, ctx, cell.style);
    }
    case 'inlineStr':
      return readText(cell.inline ?? unescapeX(raw), ctx, cell.style);
    case 'str':
      return readText(unescapeX(raw), ctx, cell.style);
    case 'b':
      return { text: isTrue(raw.trim()) ? 'TRUE' : 'FALSE' };
    case 'e': {
      const code = /^#[A-Za-z0-9/!?_.]{1,20}$/.test(raw.trim()) ? raw.trim() : '#错误';
      return { text: code, problem: `是错误值 ${code}（可能来自公式），请更正后导入` };
    }
    case 'd': {
      // an ISO 8601 date (strict OOXML)
      const m = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(raw.trim());
      if (!m) throw unreadable();
      return { text: m[1] };
    }
    case 'n':
      return readNumber(raw.trim(), ctx, cell.style, amount);
    default:
      throw unreadable();
  }
}

/** What an id means when the file does not define it: the standard ones, the locale ones as in zh-CN Excel. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00',
  5: '"¥"#,##0;"¥"\\-#,##0', 6: '"¥"#,##0;[Red]"¥"\\-#,##0', 7: '"¥"#,##0.00;"¥"\\-#,##0.00', 8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ', 42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', 44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mm:ss.0', 48: '##0.0E+0', 49: '@',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The format code of a cell's style (its cellXfs entry's numFmtId, the file's own or a built-in one). */
function formatOf(ctx: XlsxContext, style: number): string {
  const id = ctx.styles.cellFormats[Number.isInteger(style) ? style : 0] ?? 0;
  return ctx.styles.formats.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
}

/**
 * A text cell, when its number format shows the text as it is. A format's fourth section is what
 * text is shown through (`;;;` has an empty one: the cell looks blank, and its text would be stored
 * unseen: red team 3, H2); a format of one section with @ is the text section too. Any other format
 * shows text as typed.
 */
function readText(text: string, ctx: XlsxContext, style: number): CellReading {
  const code = formatOf(ctx, style);
  if (/^\s*(General|G\/通用格式|@)\s*$/i.test(code)) return { text };
  const shown = formatText(text, code);
  if (shown === text || (shown !== undefined && shown.trim() === text.trim())) return { text };
  if (shown === undefined) {
    return { text, problem: `是文本，但设置了数字格式“${code}”，显示的可能不是这段文本，请将该列设为常规或文本格式后重新填写` };
  }
  return { text, problem: shown.trim() === ''
    ? `有内容，但数字格式“${code}”使它显示为空白（内容被隐藏），请将该列设为常规或文本格式后重新填写`
    : `显示为“${shown.trim()}”，与单元格的内容不同（数字格式“${code}”），请将该列设为常规或文本格式后重新填写` };
}

/** What Excel shows for a text under a format code, or undefined for a text section not handled here. */
function formatText(text: string, code: string): string | undefined {
  const sections = formatSections(code);
  if (sections.length > 4) return undefined;
  const tokens = sections.length === 4 ? formatTokens(sections[3]) : sections.length === 1 ? formatTokens(sections[0]) : [];
  if (!tokens) return undefined;
  if (sections.length < 4 && !tokens.some((t) => t.kind === 'at')) return text;
  let shown = '';
  for (const t of tokens) {
    if (t.kind === 'at' || t.kind === 'general') shown += text;
    else if (t.kind === 'lit') shown += t.text;
    else return undefined; // digits, dates or a condition in a text section: not what people write
  }
  return shown;
}

/**
 * A number cell. Under a date format: the date it shows (when it shows a whole date). Otherwise its
 * value, when that is what it shows; a number shown otherwise (007044620 under 000000000, 7,044,620,
 * 70%) is refused, since the value is not what the user sees. 18-digit ID numbers typed as numbers
 * have already lost their last digits: `#NUMBER:` tells the import so.
 */
function readNumber(raw: string, ctx: XlsxContext, style: number, amount: boolean): CellReading {
  if (raw === '') return { text: '' };
  if (!NUMBER.test(raw)) throw unreadable();
  const value = Number(raw);
  if (!Number.isFinite(value)) throw unreadable();
  const code = formatOf(ctx, style);
  const date = dateFormat(code);
  if (date) return readDate(value, date, ctx.date1904);
  if (Number.isInteger(value) && Math.abs(value) >= 1e15) return { text: `#NUMBER:${value}` };
  const plain = String(value);
  if (/^\s*(General|G\/通用格式|@)\s*$/i.test(code)) return { text: plain };
  const shown = formatNumber(value, code)?.trim();
  if (shown === plain) return { text: plain };
  if (amount) {
    if (shown !== undefined && Number(shown.replace(/[,\s¥￥$]|元$/g, '')) === value) return { text: plain };
    return { text: plain, problem: shown === undefined
      ? `是数字${plain}，但设置了数字格式“${code}”，显示的可能不是这个数，请将该列设为常规或文本格式后重新填写`
      : `是数字格式（显示为${shown || '空白'}，而单元格的数值是${plain}），请将该列设为常规或文本格式后重新填写` };
  }
  return { text: plain, problem: shown === undefined
    ? `是数字格式（数值${plain}，格式“${code}”，显示的可能不是这个数），请将该列设为文本后重新填写`
    : `是数字格式（显示为${shown || '空白'}），请将该列设为文本后重新填写` };
}

/** Days from 1970-01-01 to a serial's date, or null when Excel shows no date for it (####, 1900-02-29). */
function serialDays(serial: number, date1904: boolean): number | null {
  if (date1904) return serial >= 0 && serial < 2_957_004 ? serial - 24_107 : null;
  if (serial >= 1 && serial < 60) return serial - 25_568; // before Excel's 1900-02-29, which does not exist
  return serial >= 61 && serial < 2_958_466 ? serial - 25_569 : null;
}

function readDate(value: number, format: DateFormat, date1904: boolean): CellReading {
  const days = serialDays(value, date1904);
  if (days === null) {
    return { text: String(value), problem: `是日期格式，但数值${value}不是有效日期（Excel 显示为 ####），请更正后导入` };
  }
  const date = new Date(Math.round(days * 86_400_000));
  const iso = date.toISOString().slice(0, 10);
  if (format.whole) return { text: iso };
  return { text: iso, problem: `是日期格式，但只显示了“${formatDate(date, format.tokens)}”，不是完整的年月日，请填写完整日期（如 2020-05-01）后导入` };
}

// --- number formats: just what is needed to know what a number cell shows ----------------------

type FormatToken =
  | { kind: 'lit'; text: string }
  | { kind: 'digit'; ch: string }
  | { kind: 'dot' | 'comma' | 'percent' | 'general' | 'at' | 'slash' }
  | { kind: 'exp'; sign: string }
  | { kind: 'ampm'; text: string }
  | { kind: 'date'; letter: string; length: number; elapsed?: boolean }
  | { kind: 'bracket'; text: string };

/** A format's sections (positive;negative;zero;text), split at the `;` outside quotes and brackets. */
function formatSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; ) {
    const ch = code[i];
    let end = i + 1;
    if (ch === '"') end = code.indexOf('"', i + 1) + 1 || code.length;
    else if (ch === '[') end = code.indexOf(']', i) + 1 || code.length;
    else if (ch === '\\' || ch === '_' || ch === '*') end = i + 2;
    if (ch === ';') sections.push(current);
    else current += code.slice(i, end);
    if (ch === ';') current = '';
    i = end;
  }
  sections.push(current);
  return sections;
}

const COLOURS = /^(black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+)$/i;

function formatTokens(section: string): FormatToken[] | null {
  const tokens: FormatToken[] = [];
  const lit = (text: string) => tokens.push({ kind: 'lit', text });
  for (let i = 0; i < section.length; ) {
    const ch = section[i];
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end < 0) return null;
      lit(section.slice(i + 1, end));
      i = end + 1;
    } else if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i += 2;
    } else if (ch === '_') {
      lit(' '); // the width of the next character: a space on screen
      i += 2;
    } else if (ch === '*') {
      i += 2; // repeats the next character to fill the column: nothing of the value
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      if (end < 0) return null;
      const inner = section.slice(i + 1, end);
      if (inner.startsWith('$')) lit(inner.slice(1).replace(/-[0-9A-Fa-f]*$/, '')); // [$¥-804]: the symbol; [$-804]: a locale
      else if (/^(h+|m+|s+)$/i.test(inner)) tokens.push({ kind: 'date', letter: inner[0].toLowerCase(), length: inner.length, elapsed: true });
      else if (!COLOURS.test(inner)) tokens.push({ kind: 'bracket', text: inner }); // a condition, [DBNum1], …
      i = end + 1;
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: 'general' });
      i += 7;
    } else if (rest.startsWith('G/通用格式')) {
      tokens.push({ kind: 'general' });
      i += 6;
    } else if (/^(AM\/PM|A\/P)/i.test(rest)) {
      const text = /^(AM\/PM|A\/P)/i.exec(rest)![0];
      tokens.push({ kind: 'ampm', text });
      i += text.length;
    } else if (rest.startsWith('上午/下午')) {
      tokens.push({ kind: 'ampm', text: '上午/下午' });
      i += 5;
    } else if (/^[Ee][-+]/.test(rest) && tokens.some((t) => t.kind === 'digit')) {
      tokens.push({ kind: 'exp', sign: rest[1] });
      i += 2;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      tokens.push({ kind: 'digit', ch });
      i += 1;
    } else if (ch === '.' || ch === ',' || ch === '%' || ch === '@' || ch === '/') {
      tokens.push({ kind: ({ '.': 'dot', ',': 'comma', '%': 'percent', '@': 'at', '/': 'slash' } as const)[ch] });
      i += 1;
    } else if (/[yYmMdDhHsSeEbBgG]/.test(ch) || (ch.toLowerCase() === 'a' && /^a{3,}/i.test(rest))) {
      const letter = ch.toLowerCase();
      let length = 1;
      while (section[i + length]?.toLowerCase() === letter) length += 1;
      tokens.push({ kind: 'date', letter, length });
      i += length;
    } else {
      lit(ch);
      i += 1;
    }
  }
  return tokens;
}

interface DateFormat {
  /** Whether it shows the year, the month and the day. */
  whole: boolean;
  tokens: FormatToken[];
}

/** A date or time format, with each `m` told apart (minutes after an hour or before seconds, else month). */
function dateFormat(code: string): DateFormat | null {
  const tokens = formatTokens(formatSections(code)[0]);
  if (!tokens) return null;
  const parts = tokens.filter((t): t is Extract<FormatToken, { kind: 'date' }> => t.kind === 'date');
  if (parts.length === 0) return null;
  parts.forEach((t, i) => {
    if (t.letter === 'm' && t.length <= 2 && !t.elapsed && (parts[i - 1]?.letter === 'h' || parts[i + 1]?.letter === 's')) t.letter = 'n'; // minutes
  });
  const has = (test: (t: { letter: string; length: number; elapsed?: boolean }) => boolean) => parts.some((t) => !t.elapsed && test(t));
  const whole = has((t) => 'yeb'.includes(t.letter)) && has((t) => t.letter === 'm') && has((t) => t.letter === 'd' && t.length <= 2);
  return { whole, tokens };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_CN = '日一二三四五六';

/** What a date format shows (for the message about a partial date: 2020年5月, 5月1日, 9时30分). */
function formatDate(date: Date, tokens: FormatToken[]): string {
  const twelve = tokens.some((t) => t.kind === 'ampm');
  const pad = (n: number, length: number) => String(n).padStart(length >= 2 ? 2 : 1, '0');
  const seconds = Math.round((date.getTime() / 1000) % 86_400 + 86_400) % 86_400;
  const [h, n, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return tokens.map((t) => {
    switch (t.kind) {
      case 'lit': return t.text;
      case 'digit': return t.ch === '0' ? '0' : '';
      case 'dot': return '.';
      case 'slash': return '/';
      case 'comma': return ',';
      case 'percent': return '%';
      case 'ampm': return t.text === '上午/下午' ? (h < 12 ? '上午' : '下午') : t.text.split('/')[h < 12 ? 0 : 1];
      case 'date':
        switch (t.letter) {
          case 'y': return t.length <= 2 ? String(date.getUTCFullYear() % 100).padStart(2, '0') : String(date.getUTCFullYear());
          case 'e': case 'b': return String(date.getUTCFullYear());
          case 'm': return t.length <= 2 ? pad(date.getUTCMonth() + 1, t.length) : t.length === 3 ? MONTHS[date.getUTCMonth()].slice(0, 3) : t.length === 4 ? MONTHS[date.getUTCMonth()] : MONTHS[date.getUTCMonth()][0];
          case 'd': return t.length <= 2 ? pad(date.getUTCDate(), t.length) : t.length === 3 ? WEEKDAYS[date.getUTCDay()].slice(0, 3) : WEEKDAYS[date.getUTCDay()];
          case 'a': return t.length === 3 ? WEEKDAYS_CN[date.getUTCDay()] : `星期${WEEKDAYS_CN[date.getUTCDay()]}`;
          case 'h': return pad(twelve ? h % 12 || 12 : h, t.length);
          case 'n': return pad(n, t.length);
          case 's': return pad(s, t.length);
          default: return '';
        }
      default: return '';
    }
  }).join('');
}

/** A non-negative number rounded half up to `decimals` places, as integer and fraction digits. */
function roundDecimal(value: number, decimals: number): [string, string] | null {
  if (!Number.isFinite(value) || value >= 1e21) return null;
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(20);
  const [int, frac = ''] = text.split('.');
  if (frac.length <= decimals) return [int, frac.padEnd(decimals, '0')];
  let digits = int + frac.slice(0, decimals);
  if (frac[decimals] >= '5') digits = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  const cut = digits.length - decimals;
  return [digits.slice(0, cut).replace(/^0+(?=\d)/, '') || '0', digits.slice(cut)];
}

/**
 * What Excel shows for a number under a (non-date) format code, or undefined for what is not
 * handled here (fractions, conditions, [DBNum1] Chinese numerals…), which the caller refuses.
 * Handles sections, literals, digit placeholders 0 # ?, thousands separators and scaling commas,
 * percent, scientific notation with one integer digit, and General inside a format.
 */
export function formatNumber(value: number, code: string): string | undefined {
  const sections = formatSections(code);
  if (sections.length > 4) return undefined;
  let section = sections[0];
  let v = value;
  let sign = '';
  if (value < 0 && sections.length >= 2) [section, v] = [sections[1], -value];
  else if (value === 0 && sections.length >= 3) section = sections[2];
  else if (value < 0) [v, sign] = [-value, '-'];
  const tokens = formatTokens(section);
  // (a slash between placeholders makes a fraction: not handled)
  if (!tokens || tokens.some((t) => ['bracket', 'date', 'ampm', 'at', 'slash'].includes(t.kind))) return undefined;
  const literal = (t: FormatToken) => (t.kind === 'lit' ? t.text : t.kind === 'percent' ? '%' : '');
  for (const t of tokens) if (t.kind === 'percent') v *= 100;

  if (tokens.some((t) => t.kind === 'general')) {
    if (tokens.some((t) => t.kind === 'digit' || t.kind === 'dot' || t.kind === 'exp')) return undefined;
    return sign + tokens.map((t) => (t.kind === 'general' ? String(v) : t.kind === 'comma' ? ',' : literal(t))).join('');
  }

  const exp = tokens.findIndex((t) => t.kind === 'exp');
  if (exp >= 0) {
    const dot = tokens.findIndex((t, i) => t.kind === 'dot' && i < exp);
    const before = tokens.slice(0, dot >= 0 ? dot : exp).filter((t) => t.kind === 'digit');
    const decimals = dot >= 0 ? tokens.slice(dot, exp).filter((t) => t.kind === 'digit').length : 0;
    const expDigits = tokens.slice(exp).filter((t) => t.kind === 'digit').length;
    if (before.length !== 1) return undefined;
    let power = v === 0 ? 0 : Math.floor(Math.log10(v));
    let mantissa = roundDecimal(v / 10 ** power, decimals);
    if (mantissa && mantissa[0] === '10') mantissa = roundDecimal(v / 10 ** ++power, decimals);
    if (!mantissa) return undefined;
    let out = sign;
    let fracAt = 0;
    let expDone = false;
    tokens.forEach((t, i) => {
      if (t.kind === 'digit' && i < (dot >= 0 ? dot : exp)) out += mantissa![0];
      else if (t.kind === 'digit' && i < exp) out += mantissa![1][fracAt++];
      else if (t.kind === 'digit' && !expDone) {
        out += String(Math.abs(power)).padStart(expDigits, '0');
        expDone = true;
      } else if (t.kind === 'dot') out += '.';
      else if (t.kind === 'exp') out += `E${power < 0 ? '-' : t.sign === '+' ? '+' : ''}`;
      else if (t.kind !== 'digit') out += literal(t);
    });
    return out;
  }

  const dot = tokens.findIndex((t) => t.kind === 'dot');
  const intEnd = dot >= 0 ? dot : tokens.length;
  const digitAt = tokens.map((t, i) => (t.kind === 'digit' ? i : -1)).filter((i) => i >= 0);
  const intDigits = digitAt.filter((i) => i < intEnd);
  const fracDigits = digitAt.filter((i) => i > intEnd);
  const firstDigit = digitAt[0] ?? -1;
  const lastDigit = digitAt[digitAt.length - 1] ?? -1;
  // commas: between integer placeholders they group thousands; right after the last placeholder
  // each divides by 1000; anywhere else they are shown as they are
  const commaRole = new Map<number, 'group' | 'scale' | 'lit'>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'comma') return;
    const trailing = i > lastDigit && tokens.slice(lastDigit + 1, i).every((u) => u.kind === 'comma' || u.kind === 'dot');
    if (trailing && lastDigit >= 0) commaRole.set(i, 'scale');
    else if (intDigits.length && i > firstDigit && i < intDigits[intDigits.length - 1]) commaRole.set(i, 'group');
    else commaRole.set(i, 'lit');
  });
  for (const role of commaRole.values()) if (role === 'scale') v /= 1000;
  const grouping = [...commaRole.values()].includes('group');
  const rounded = roundDecimal(v, fracDigits.length);
  if (!rounded) return undefined;
  const [int, frac] = rounded;

  // the fraction: trailing zeros dropped under #, blanked under ?
  const fracOut = fracDigits.map((i, k) => ({ ch: (tokens[i] as { ch: string }).ch, digit: frac[k] }));
  for (let k = fracOut.length - 1; k >= 0 && fracOut[k].digit === '0' && fracOut[k].ch !== '0'; k--) fracOut[k].digit = fracOut[k].ch === '?' ? ' ' : '';
  // the integer: digits from the right into the placeholders, the extra ones into the leftmost
  const digits = int === '0' ? '' : int;
  const intOut = new Map<number, string>();
  intDigits.forEach((at, k) => {
    const pos = digits.length - (intDigits.length - k);
    const ch = (tokens[at] as { ch: string }).ch;
    const pad = ch === '0' ? '0' : ch === '?' ? ' ' : '';
    intOut.set(at, k === 0 ? (pos >= 0 ? digits.slice(0, pos + 1) : pad) : pos >= 0 ? digits[pos] : pad);
  });
  let grouped: string | null = null;
  if (grouping) {
    const span = tokens.slice(intDigits[0], intDigits[intDigits.length - 1] + 1);
    if (span.some((t) => t.kind !== 'digit' && t.kind !== 'comma')) return undefined;
    const whole = intDigits.map((at) => intOut.get(at)).join('');
    if (!/^\d*$/.test(whole)) return undefined;
    grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  let out = sign;
  tokens.forEach((t, i) => {
    if (t.kind === 'digit') {
      if (i < intEnd) out += grouped === null ? intOut.get(i) : i === intDigits[0] ? grouped : '';
      else out += fracOut[fracDigits.indexOf(i)].digit;
    } else if (t.kind === 'dot') {
      if (intDigits.length === 0) out += digits;
      out += '.';
    } else if (t.kind === 'comma') {
      if (commaRole.get(i) === 'lit') out += ',';
    } else {
      out += literal(t);
    }
  });
  return out;
}

/**
 * Reads the sheet of an .xlsx, row by row. The zip is opened with yauzl: its central directory gives
 * every part's inflated size before anything is inflated (refused above MAX_INFLATED_BYTES; yauzl
 * also stops a part that inflates to more than it declared), and the parts are read in the order
 * needed (shared strings and styles before the sheet), so nothing is buffered on disk or in memory
 * whatever order the producer wrote them in. Parsing stops at the first row past MAX_IMPORT_ROWS.
 *
 * The sheet is the workbook's one visible sheet that holds data (hidden sheets are not what the user
 * sees); a workbook in which several visible sheets hold data is refused, since reading one of them
 * would drop the others without a word.
 */
async function parseXlsx(buffer: Buffer, numberColumns: ReadonlySet<string>): Promise<TabularFile> {
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
      throw tooMuchInflated();
    }
    if (inflated > INFLATED_FREELY && inflated > MAX_INFLATION * buffer.length) {
      throw badInput(`文件解压后是原来的${Math.round(inflated / buffer.length)}倍（${(inflated / 1024 / 1024).toFixed(0)}MB），不像正常的名册文件，无法导入（请在 Excel 中另存为 .xlsx 后重试）`,
        [{ field: 'file', message: '文件解压后过大' }]);
    }
    const part = (name: string) => entries.get(name.toLowerCase());
    // Every byte inflated counts, however often a part is read (several sheet entries may point at one part):
    // the declared sizes above bound each part once, this bounds the work of the whole request.
    let inflatedSoFar = 0;
    const read = async (name: string) => {
      const stream = await entryStream(zip, part(name)!);
      stream.on('data', (chunk: Buffer) => {
        inflatedSoFar += chunk.length;
        if (inflatedSoFar > MAX_INFLATED_BYTES) stream.destroy(tooMuchInflated());
      });
      return stream;
    };
    if (!part('xl/workbook.xml') || !part('xl/_rels/workbook.xml.rels')) throw unreadable();

    const rels = await readRels(await read('xl/_rels/workbook.xml.rels'));
    const workbook = await readWorkbook(await read('xl/workbook.xml'));
    const related = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback;
    const stringsPart = related('sharedStrings', 'xl/sharedStrings.xml');
    const stylesPart = related('styles', 'xl/styles.xml');
    const ctx: XlsxContext = {
      sharedStrings: part(stringsPart) ? await readSharedStrings(await read(stringsPart)) : [],
      styles: part(stylesPart) ? await readStyles(await read(stylesPart)) : { cellFormats: [], formats: new Map() },
      date1904: workbook.date1904,
    };

    const visible: { name: string; path: string }[] = [];
    if (workbook.sheets.length > MAX_SHEETS) throw badInput(`文件有${workbook.sheets.length}个工作表，超过${MAX_SHEETS}个，无法导入`, [{ field: 'file', message: '工作表过多' }]);
    for (const sheet of workbook.sheets) {
      if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
      const rel = rels.get(sheet.rId);
      if (!rel) throw unreadable();
      if (!rel.type.endsWith('/worksheet')) continue; // a chart sheet, a dialog sheet: no cells
      if (!part(rel.target)) throw unreadable();
      // two sheet entries of one part are not two sheets (and the part is read once)
      if (visible.some((v) => v.path === rel.target)) throw unreadable();
      visible.push({ name: sheet.name, path: rel.target });
    }
    if (visible.length === 0) throw badInput('Excel 文件中没有工作表', [{ field: 'file', message: '没有工作表' }]);
    let chosen = visible[0];
    if (visible.length > 1) {
      const withData: typeof visible = [];
      for (const sheet of visible) if (await sheetHasData(await read(sheet.path), ctx)) withData.push(sheet);
      if (withData.length > 1) {
        const names = withData.map((s) => s.name);
        throw badInput(`文件有多个工作表（${names.join('、')}）都有数据，请合并到一个工作表后导入`,
          names.map((n) => ({ field: 'file', message: `工作表“${n}”有数据` })));
      }
      chosen = withData[0] ?? chosen;
    }
    return await readSheet(await read(chosen.path), ctx, numberColumns);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw unreadable();
  } finally {
    zip.close();
  }
}

/** Whether a sheet has any cell that is not blank (read up to the first one). */
async function sheetHasData(stream: Readable, ctx: XlsxContext): Promise<boolean> {
  for await (const rows of sheetRows(stream)) {
    for (const row of rows) {
      if (row.cells.some((c) => c.formula || c.tooLong !== undefined || readCell(c, ctx, false).text.trim() !== '')) return true;
    }
  }
  return false;
}

async function readSheet(stream: Readable, ctx: XlsxContext, numberColumns: ReadonlySet<string>): Promise<TabularFile> {
  let headers: string[] | null = null;
  const rows: TabularRow[] = [];
  const formulaCells: { row: number; column: string }[] = [];
  const cellProblems: CellProblem[] = [];
  let cellProblemCount = 0;
  const hiddenRows: number[] = [];
  let hiddenRowCount = 0;
  const headerless = new Map<number, number>();
  const hiddenColumns = new Map<number, number>();
  const layout = new SheetLayout();
  /** The cells that hold something (row × 16,385 + column), for the merged ranges (listed after the rows). */
  const filled = new Set<number>();
  for await (const batch of sheetRows(stream, layout)) {
    for (const row of batch) {
      const readings = row.cells.map((cell) => ({ cell, ...readCell(cell, ctx, numberColumns.has(headers?.[cell.col - 1] ?? '')) }));
      // A text far longer than any field: refused here, at the first one, rather than read to the end.
      const long = readings.find((r) => r.tooLong !== undefined);
      if (long) throw tooLongCell(row.number, (headers && headers[long.cell.col - 1]) || `${columnLetter(long.cell.col)}列`, long.tooLong!);
      const holdsData = readings.some((r) => r.cell.formula || r.problem || r.text.trim() !== '');
      for (const r of readings) {
        if (!(r.cell.formula || r.problem || r.text.trim() !== '')) continue;
        filled.add(row.number * 16_385 + r.cell.col);
        // a hidden or zero-wide column: its header and its data are what nobody sees (the first row of each)
        if (layout.hidden(r.cell.col) && !hiddenColumns.has(r.cell.col)) hiddenColumns.set(r.cell.col, row.number);
      }
      const hidden = row.hidden && holdsData;
      if (hidden) {
        hiddenRowCount += 1;
        if (hiddenRows.length < MAX_LISTED) hiddenRows.push(row.number);
      }
      if (!headers) {
        // the header row (hidden or not: a hidden one is refused, after its columns are known)
        headers = [];
        if (row.number !== 1) continue;
        for (const r of readings) headers[r.cell.col - 1] = r.text.trim();
        continue;
      }
      if (hidden) {
        if (rows.length + hiddenRowCount > MAX_IMPORT_ROWS) throw tooManyRows();
        continue;
      }
      const columns = headers;
      const texts = new Map<number, string>();
      for (const r of readings) {
        const h = columns[r.cell.col - 1];
        const text = r.text.trim();
        if (!h) {
          noteHeaderless(headerless, columns, r.cell.col, text, row.number);
          continue;
        }
        texts.set(r.cell.col, text);
        if (r.cell.formula) formulaCells.push({ row: row.number, column: h });
        else if (r.problem) {
          cellProblemCount += 1;
          if (cellProblems.length < MAX_LISTED) cellProblems.push({ row: row.number, column: h, message: `第${row.number}行“${h}”${r.problem}` });
        }
      }
      if (!readings.some((r) => columns[r.cell.col - 1] && (r.text.trim() !== '' || r.problem))) continue;
      if (rows.length + hiddenRowCount >= MAX_IMPORT_ROWS) throw tooManyRows();
      const values: Record<string, string> = {};
      columns.forEach((h, j) => {
        if (h) values[h] = texts.get(j + 1) ?? '';
      });
      rows.push({ row: row.number, values });
    }
  }
  // A merged range shows its first cell's content over all its cells; the others are blank in the
  // file. Read as blank, a 手机号 merged over three rows would clear two guards' phones.
  for (const ref of layout.merges) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
    if (!m || !headers) continue;
    const [left, top, right, bottom] = [columnNumber(m[1])!, Number(m[2]), columnNumber(m[3])!, Number(m[4])];
    if (bottom < 2 || (top === bottom && left === right) || !filled.has(top * 16_385 + left)) continue;
    const named = [...new Set(headers.slice(left - 1, right).filter((h) => h))];
    if (named.length === 0) continue;
    const rowsText = top === bottom ? `第${top}行` : `第${top}至${bottom}行`;
    cellProblemCount += 1;
    if (cellProblems.length < MAX_LISTED) {
      cellProblems.push({ row: top, column: named[0], message: `${rowsText}“${named.join('”“')}”是合并单元格（${ref.toUpperCase()}），只有第一个单元格有内容，请取消合并并在每个单元格填写后导入` });
    }
  }
  return {
    headers: Array.from(headers ?? [], (h) => h ?? ''),
    rows,
    formulaCells,
    headerlessColumns: headerlessList(headerless),
    hiddenColumns: [...hiddenColumns].sort((a, b) => a[0] - b[0]).map(([column, row]) => ({ column, row, header: headers?.[column - 1] || undefined })),
    hiddenRows,
    hiddenRowCount,
    cellProblems,
    cellProblemCount,
  };
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

