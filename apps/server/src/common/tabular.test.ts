import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { DomainError } from './errors';
import { buildWorkbook, formatNumber, MAX_INFLATION, readTabular, type ReadTabularOptions } from './tabular';

/**
 * readTabular reads a cell as Excel shows it, or refuses the file naming the row and the column.
 * Every .xlsx here is built in memory: with exceljs, or part by part where exceljs cannot write what
 * Excel does (phonetic guides, inline rich strings, built-in CJK date formats).
 */

const COLUMNS = ['姓名', '身份证号', '手机号', '保安员证号', '发证日期', '学历'];
const REQUIRED = ['姓名', '身份证号', '学历'];
const ID = '211102199001011237';

const read = (buffer: Buffer, name = '名册.xlsx', options?: ReadTabularOptions, known = COLUMNS, required = REQUIRED) =>
  readTabular({ name, base64: buffer.toString('base64') }, required, known, options);

/** The refusal (message and fields) that reading `buffer` ends with. */
async function refusal(promise: Promise<unknown>): Promise<{ message: string; fields: unknown }> {
  try {
    await promise;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    expect(err.code).toBe('BAD_USER_INPUT');
    return { message: err.message, fields: err.fields };
  }
  throw new Error('the file was read, not refused');
}

async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))));
  const parts = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry(); // a folder
      zip.openReadStream(entry, async (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        parts.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      });
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  return parts;
}

async function zip(parts: Map<string, Buffer | string>): Promise<Buffer> {
  const out = new yazl.ZipFile();
  for (const [name, data] of parts) out.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name);
  out.end();
  const chunks: Buffer[] = [];
  for await (const chunk of out.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An exceljs workbook, then its XML parts edited as text. */
async function workbook(build: (wb: ExcelJS.Workbook) => void, edits: Record<string, (xml: string) => string> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  if (Object.keys(edits).length === 0) return buffer;
  const parts: Map<string, Buffer | string> = await unzip(buffer);
  for (const [name, edit] of Object.entries(edits)) {
    const before = parts.get(name)!.toString();
    const after = edit(before);
    expect(after).not.toBe(before); // the edit took
    parts.set(name, after);
  }
  return zip(parts);
}

/** One sheet `名单`: the header row, then these rows. */
const roster = (rows: ExcelJS.CellValue[][], more?: (ws: ExcelJS.Worksheet) => void) => (wb: ExcelJS.Workbook) => {
  const ws = wb.addWorksheet('名单');
  ws.addRow(COLUMNS);
  for (const r of rows) ws.addRow(r);
  more?.(ws);
};

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A row of inline strings (t="inlineStr"), or of raw <c> XML where a cell starts with `<c`. */
const rowXml = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((c, i) => (c.startsWith('<c') ? c : `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${xmlText(c)}</t></is></c>`)).join('')}</row>`;

/**
 * An .xlsx written part by part, as Excel lays it out: sheets (with their state and raw rows), shared
 * strings as raw <si> items, and cell formats (cellXfs) by number format id.
 */
async function rawXlsx(options: {
  sheets: { name: string; state?: string; rows: string; formatPr?: string }[];
  sharedStrings?: string[];
  cellFormats?: number[];
  numFmts?: Record<number, string>;
  date1904?: boolean;
}): Promise<Buffer> {
  const parts = new Map<string, string>();
  parts.set('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>');
  parts.set('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheets = options.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  parts.set('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`);
  const n = options.sheets.length;
  parts.set('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  options.sheets.forEach((s, i) => parts.set(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}>${s.formatPr ?? ''}<sheetData>${s.rows}</sheetData></worksheet>`));
  const fmts = Object.entries(options.numFmts ?? {});
  const xfs = [0, ...(options.cellFormats ?? [])].map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('');
  parts.set('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${NS}>${fmts.length ? `<numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${1 + (options.cellFormats?.length ?? 0)}">${xfs}</cellXfs></styleSheet>`);
  const strings = options.sharedStrings ?? [];
  parts.set('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`);
  return zip(parts);
}

const HEADER_ROW = rowXml(1, COLUMNS);
/** A number cell with cell format `s` (1-based index into rawXlsx's cellFormats). */
const numberCell = (ref: string, value: number | string, s?: number) => `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${value}</v></c>`;

describe('readTabular .xlsx: strings as Excel shows them (F1)', () => {
  it('a phonetic guide (拼音指南, <rPh>) is not read: the name and the ID number are what the cell shows', async () => {
    const file = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['<c r="A2" t="s"><v>0</v></c>', '<c r="B2" t="s"><v>1</v></c>', '', '', '', '高中']) }],
      sharedStrings: [
        '<si><t>拼音甲</t><rPh sb="0" eb="3"><t>别人甲</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
        `<si><t>${ID}</t><rPh sb="0" eb="18"><t>211102197606064835</t></rPh><phoneticPr fontId="1"/></si>`,
      ],
    });
    const parsed = await read(file);
    expect(parsed.rows).toEqual([{ row: 2, values: { 姓名: '拼音甲', 身份证号: ID, 手机号: '', 保安员证号: '', 发证日期: '', 学历: '高中' } }]);
  });

  it('a shared rich string is its runs one after the other, without their phonetic runs', async () => {
    const file = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['<c r="A2" t="s"><v>0</v></c>', ID, '', '', '', '高中']) }],
      sharedStrings: ['<si><r><t>欧阳</t></r><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t xml:space="preserve">娜娜</t></r><rPh sb="0" eb="2"><t>ōu yáng</t></rPh></si>'],
    });
    expect((await read(file)).rows[0].values.姓名).toBe('欧阳娜娜');
  });

  it('an inline rich string (t="inlineStr" with several runs) is all its runs, not the last one', async () => {
    const file = await workbook(roster([['占位', ID, null, null, null, '高中']]), {
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(/<c r="A2"([^>]*) t="s"><v>\d+<\/v><\/c>/, '<c r="A2"$1 t="inlineStr"><is><r><t>欧阳</t></r><r><rPr><b/></rPr><t>娜娜</t></r><rPh sb="0" eb="1"><t>别人</t></rPh></is></c>'),
    });
    expect((await read(file)).rows[0].values.姓名).toBe('欧阳娜娜');
  });

  it("Excel's _xHHHH_ escapes are read as the characters they stand for", async () => {
    const file = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['<c r="A2" t="s"><v>0</v></c>', ID, '', 'A_x005F_x0041_', '', '高中']) }],
      sharedStrings: ['<si><t>张_x0033_</t></si>'],
    });
    expect((await read(file)).rows[0].values).toMatchObject({ 姓名: '张3', 保安员证号: 'A_x0041_' });
  });

  it('Chinese text is read whole where the XML is split into chunks in the middle of a character', async () => {
    // ~400 KB of shared strings: the inflated part comes in many chunks, most boundaries inside a character
    const names = Array.from({ length: 3000 }, (_, i) => `测试姓名${'甲乙丙丁戊己庚辛壬癸'.repeat(4)}${i}号`);
    const rows = names.map((_, i) => rowXml(i + 2, [`<c r="A${i + 2}" t="s"><v>${i}</v></c>`, ID, '', '', '', '高中'])).join('');
    const file = await rawXlsx({ sheets: [{ name: '名单', rows: HEADER_ROW + rows }], sharedStrings: names.map((n) => `<si><t>${n}</t></si>`) });
    const parsed = await read(file);
    expect(parsed.rows.map((r) => r.values.姓名)).toEqual(names);
  });

  it('a part that is not UTF-8 makes the file unreadable (no U+FFFD in a name)', async () => {
    const good = await rawXlsx({ sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['<c r="A2" t="s"><v>0</v></c>', ID, '', '', '', '高中']) }], sharedStrings: ['<si><t>张三</t></si>'] });
    const parts = await unzip(good);
    const sst = parts.get('xl/sharedStrings.xml')!;
    const at = sst.indexOf(Buffer.from('张三'));
    parts.set('xl/sharedStrings.xml', Buffer.concat([sst.subarray(0, at), Buffer.from([0xd5, 0xc5]), sst.subarray(at + 3)])); // 张 in GBK
    const error = await refusal(read(await zip(parts as Map<string, Buffer | string>)));
    expect(error.message).toBe('无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密');
  });
});

describe('readTabular .xlsx: the sheet and the rows the user sees (F2)', () => {
  it('a hidden (or very hidden) first sheet is skipped: the visible sheet is read', async () => {
    for (const state of ['hidden', 'veryHidden'] as const) {
      const file = await workbook((wb) => {
        const old = wb.addWorksheet('旧名单');
        old.state = state;
        old.addRow(COLUMNS);
        old.addRow(['隐藏表', ID, null, null, null, '小学']);
        roster([['可见表', ID, null, null, null, '高中']])(wb);
      });
      const parsed = await read(file);
      expect(parsed.rows).toEqual([{ row: 2, values: { 姓名: '可见表', 身份证号: ID, 手机号: '', 保安员证号: '', 发证日期: '', 学历: '高中' } }]);
    }
  });

  it('a workbook in which two visible sheets hold data is refused, naming them', async () => {
    const file = await workbook((wb) => {
      const first = wb.addWorksheet('第一批');
      first.addRow(COLUMNS);
      first.addRow(['一批', ID, null, null, null, '高中']);
      const second = wb.addWorksheet('第二批');
      second.addRow(COLUMNS);
      second.addRow(['二批', ID, null, null, null, '小学']);
      wb.addWorksheet('空白');
    });
    expect(await refusal(read(file))).toEqual({
      message: '文件有多个工作表（第一批、第二批）都有数据，请合并到一个工作表后导入',
      fields: [
        { field: 'file', message: '工作表“第一批”有数据' },
        { field: 'file', message: '工作表“第二批”有数据' },
      ],
    });
  });

  it('several sheet entries pointing at one part are refused, not read again for each (the work of a request stays bounded)', async () => {
    const parts = new Map<string, string>();
    const sheets = Array.from({ length: 5 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('');
    parts.set('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}><sheets>${sheets}</sheets></workbook>`);
    parts.set('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
    parts.set('xl/worksheets/sheet1.xml', `<worksheet ${NS}><sheetData>${rowXml(1, COLUMNS)}</sheetData></worksheet>`);
    expect((await refusal(read(await zip(parts)))).message).toBe('无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密');
  });

  it('an empty visible sheet before the data sheet does not count: the sheet with data is read', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('Sheet1');
      roster([['张三', ID, null, null, null, '高中']])(wb);
    });
    expect((await read(file)).rows.map((r) => r.values.姓名)).toEqual(['张三']);
  });

  it('a hidden row that holds data (filtered out with 筛选) is refused, naming the row; a hidden empty row is not', async () => {
    const file = await workbook(
      roster([['可见甲', ID, null, null, null, '高中'], ['隐藏行', ID, null, null, null, '小学'], ['可见乙', ID, null, null, null, '高中']], (ws) => {
        ws.getRow(3).hidden = true;
      }),
    );
    expect(await refusal(read(file))).toEqual({
      message: '第3行是隐藏行（可能被筛选隐藏），请取消隐藏或删除后导入',
      fields: [{ field: 'file', message: '第3行是隐藏行', row: 3 }],
    });

    const several = await workbook(
      roster([['甲', ID, null, null, null, '高中'], ['乙', ID, null, null, null, '高中'], ['丙', ID, null, null, null, '高中'], ['丁', ID, null, null, null, '高中']], (ws) => {
        ws.getRow(3).hidden = true;
        ws.getRow(5).hidden = true;
      }),
    );
    expect((await refusal(read(several))).message).toBe('第3、5行是隐藏行（可能被筛选隐藏），请取消隐藏或删除后导入');

    const empty = await workbook(
      roster([['可见甲', ID, null, null, null, '高中'], [], ['可见乙', ID, null, null, null, '高中']], (ws) => {
        ws.getRow(3).hidden = true;
        ws.getRow(3).height = 0;
      }),
    );
    expect((await read(empty)).rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('a row hidden as Excel writes it for a filter (hidden="1" in the XML, with an autoFilter) is refused', async () => {
    const file = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['甲', ID, '', '', '', '高中']).replace('<row r="2"', '<row r="2" hidden="1"') + rowXml(3, ['乙', ID, '', '', '', '高中']) }],
    });
    expect((await refusal(read(file))).fields).toEqual([{ field: 'file', message: '第2行是隐藏行', row: 2 }]);
  });
});

describe('readTabular .xlsx: merged cells', () => {
  it('a merged range over data rows is refused, naming its rows and columns: its other cells would read as blank', async () => {
    const file = await workbook(
      roster([['甲', ID, '13800000000', null, null, '高中'], ['乙', ID, null, null, null, null], ['丙', ID, null, null, null, null]], (ws) => {
        ws.mergeCells('C2:C3');
        ws.mergeCells('F2:F4');
      }),
    );
    const message = (rows: string, column: string, ref: string) => `${rows}“${column}”是合并单元格（${ref}），只有第一个单元格有内容，请取消合并并在每个单元格填写后导入`;
    expect(await refusal(read(file))).toEqual({
      message: `${message('第2至3行', '手机号', 'C2:C3')}；${message('第2至4行', '学历', 'F2:F4')}`,
      fields: [
        { field: 'file.手机号', message: message('第2至3行', '手机号', 'C2:C3'), row: 2 },
        { field: 'file.学历', message: message('第2至4行', '学历', 'F2:F4'), row: 2 },
      ],
    });
  });

  it('an empty merged range is not refused', async () => {
    const file = await workbook(
      roster([['甲', ID, null, null, null, '高中'], ['乙', ID, null, null, null, '高中']], (ws) => {
        ws.mergeCells('D2:E3');
      }),
    );
    expect((await read(file)).rows.map((r) => r.values.姓名)).toEqual(['甲', '乙']);
  });
});

describe('readTabular .xlsx: number cells read as they show (F3)', () => {
  const certificate = (value: number, numFmt?: string) =>
    workbook(roster([['张三', ID, null, value, null, '高中']], (ws) => {
      if (numFmt) ws.getCell('D2').numFmt = numFmt;
    }));

  it('7044620 shown as 007044620 (format 000000000) is refused, naming the row, the column and what it shows', async () => {
    expect(await refusal(read(await certificate(7044620, '000000000')))).toEqual({
      message: '第2行“保安员证号”是数字格式（显示为007044620），请将该列设为文本后重新填写',
      fields: [{ field: 'file.保安员证号', message: '第2行“保安员证号”是数字格式（显示为007044620），请将该列设为文本后重新填写', row: 2 }],
    });
  });

  it('thousands separators, decimals and percent are refused with what they show', async () => {
    expect((await refusal(read(await certificate(7044620, '#,##0')))).message).toBe('第2行“保安员证号”是数字格式（显示为7,044,620），请将该列设为文本后重新填写');
    expect((await refusal(read(await certificate(7044620, '0.00')))).message).toBe('第2行“保安员证号”是数字格式（显示为7044620.00），请将该列设为文本后重新填写');
    expect((await refusal(read(await certificate(0.7, '0%')))).message).toBe('第2行“保安员证号”是数字格式（显示为70%），请将该列设为文本后重新填写');
  });

  it('a number whose format shows it as it is (General, 0, @, 0 with a trailing space) is read', async () => {
    for (const numFmt of [undefined, 'General', '0', '@', '0_ ', '#', '0;(0)']) {
      expect([numFmt, (await read(await certificate(7044620, numFmt))).rows[0].values.保安员证号]).toEqual([numFmt, '7044620']);
    }
  });

  it('an 18-digit ID number typed as a number still reads as #NUMBER:, whatever its format', async () => {
    const file = await workbook(roster([['张三', 211102199001011230, null, null, null, '高中']], (ws) => {
      ws.getCell('B2').numFmt = '0';
    }));
    expect((await read(file)).rows[0].values.身份证号).toBe('#NUMBER:211102199001011230');
  });

  it('in an amount column (numberColumns) a number shown with separators is its value; one shown as another number is refused', async () => {
    const known = ['公司名称', '注册资本（元）'];
    const capital = (value: number, numFmt: string) =>
      workbook((wb) => {
        const ws = wb.addWorksheet('名册');
        ws.addRow(known);
        ws.addRow(['某保安公司', value]);
        ws.getCell('B2').numFmt = numFmt;
      });
    const options = { numberColumns: ['注册资本（元）'] };
    for (const numFmt of ['#,##0', '#,##0.00', '"¥"#,##0.00', '#,##0"元"']) {
      expect((await read(await capital(3_000_000, numFmt), '名册.xlsx', options, known, known)).rows[0].values['注册资本（元）']).toBe('3000000');
    }
    expect((await refusal(read(await capital(300, '0"万元"'), '名册.xlsx', options, known, known))).message).toBe(
      '第2行“注册资本（元）”是数字格式（显示为300万元，而单元格的数值是300），请将该列设为常规或文本格式后重新填写',
    );
    // without numberColumns the column is text: refused
    expect((await refusal(read(await capital(3_000_000, '#,##0'), '名册.xlsx', {}, known, known))).message).toBe(
      '第2行“注册资本（元）”是数字格式（显示为3,000,000），请将该列设为文本后重新填写',
    );
  });

  it('formatNumber: what Excel shows for the formats people use', () => {
    const cases: [number, string, string | undefined][] = [
      [7044620, '000000000', '007044620'],
      [1234567, '000-0000', '123-4567'],
      [7044620, '#,##0', '7,044,620'],
      [5, '0,000', '0,005'],
      [1234.5, '#,##0.00', '1,234.50'],
      [1.005, '0.00', '1.01'],
      [0.5, '#.00', '.50'],
      [5, '#.##', '5.'],
      [1.5, '0.0#', '1.5'],
      [-5, '0;(0)', '(5)'],
      [-5, '0', '-5'],
      [0, '0;-0;"零"', '零'],
      [0.07, '0%', '7%'],
      [7044620, '0.00E+00', '7.04E+06'],
      [12345678, '#,##0,"千"', '12,346千'],
      [3000000, '"¥"#,##0', '¥3,000,000'],
      [3000000, '[$¥-804]#,##0.00', '¥3,000,000.00'],
      [42, '[Red]0', '42'],
      [42, '"No."General', 'No.42'],
      [42, ';;;', ''],
      [5.25, '# ?/?', undefined],
      [123, '[DBNum1][$-804]General', undefined],
      [150, '[>100]0;0', undefined],
    ];
    for (const [value, code, shown] of cases) expect([value, code, formatNumber(value, code)]).toEqual([value, code, shown]);
  });

  it('a number shown blank (format ;;;) is refused: the user sees nothing there', async () => {
    expect((await refusal(read(await certificate(7044620, ';;;')))).message).toBe('第2行“保安员证号”是数字格式（显示为空白），请将该列设为文本后重新填写');
  });
});

describe('readTabular .xlsx: error cells (F4)', () => {
  it('#N/A and #REF! are refused, each named, not read as blank', async () => {
    const file = await workbook(roster([['错值', ID, { error: '#N/A' }, { error: '#REF!' }, null, '高中']]));
    expect(await refusal(read(file))).toEqual({
      message: '第2行“手机号”是错误值 #N/A（可能来自公式），请更正后导入；第2行“保安员证号”是错误值 #REF!（可能来自公式），请更正后导入',
      fields: [
        { field: 'file.手机号', message: '第2行“手机号”是错误值 #N/A（可能来自公式），请更正后导入', row: 2 },
        { field: 'file.保安员证号', message: '第2行“保安员证号”是错误值 #REF!（可能来自公式），请更正后导入', row: 2 },
      ],
    });
  });

  it('all the problem cells of a file are collected: the message lists the first 10, the fields all of them', async () => {
    const rows: ExcelJS.CellValue[][] = Array.from({ length: 12 }, (_, i) => [`人${i}`, ID, { error: '#N/A' as const }, null, null, '高中']);
    const error = await refusal(read(await workbook(roster(rows))));
    const each = (row: number) => `第${row}行“手机号”是错误值 #N/A（可能来自公式），请更正后导入`;
    expect(error.message).toBe(`${Array.from({ length: 10 }, (_, i) => each(i + 2)).join('；')}；等12处（以上为前10处）`);
    expect(error.fields).toEqual(Array.from({ length: 12 }, (_, i) => ({ field: 'file.手机号', message: each(i + 2), row: i + 2 })));
  });
});

describe('readTabular .xlsx: dates (F7)', () => {
  const SERIAL = 43952; // 2020-05-01
  const dated = (numFmtId: number, numFmts?: Record<number, string>, date1904 = false, serial = SERIAL) =>
    rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['张三', ID, '', 'L1', numberCell('E2', serial, 1), '高中']) }],
      cellFormats: [numFmtId],
      numFmts,
      date1904,
    });

  it('the built-in date formats, CJK ones included, read as the date they show', async () => {
    for (const id of [14, 22, 30, 31]) expect([id, (await read(await dated(id))).rows[0].values.发证日期]).toEqual([id, '2020-05-01']);
    expect((await read(await dated(164, { 164: 'yyyy"年"m"月"d"日"' }))).rows[0].values.发证日期).toBe('2020-05-01');
    expect((await read(await dated(164, { 164: '[DBNum1][$-804]yyyy"年"m"月"d"日"' }))).rows[0].values.发证日期).toBe('2020-05-01');
    expect((await read(await dated(14, undefined, true, SERIAL - 1462))).rows[0].values.发证日期).toBe('2020-05-01');
  });

  it('a format that shows part of a date (年月, 月日, a time) is refused with what it shows', async () => {
    const partial = async (id: number, numFmts?: Record<number, string>) => (await refusal(read(await dated(id, numFmts)))).message;
    const message = (shown: string) => `第2行“发证日期”是日期格式，但只显示了“${shown}”，不是完整的年月日，请填写完整日期（如 2020-05-01）后导入`;
    expect(await partial(57)).toBe(message('2020年5月'));
    expect(await partial(58)).toBe(message('5月1日'));
    expect(await partial(27)).toBe(message('2020年5月'));
    expect(await partial(20)).toBe(message('0:00'));
    expect(await partial(164, { 164: 'yyyy-mm' })).toBe(message('2020-05'));
    expect(await partial(32)).toBe(message('0时00分'));
  });

  it('a date-formatted number Excel cannot show as a date is refused', async () => {
    expect((await refusal(read(await dated(14, undefined, false, -5)))).message).toBe('第2行“发证日期”是日期格式，但数值-5不是有效日期（Excel 显示为 ####），请更正后导入');
  });
});

describe('readTabular .csv: files that are not a comma-separated UTF-8/GBK text (F8)', () => {
  const header = COLUMNS.join(',');
  const body = `张三,${ID},,,2020-05-01,高中`;

  it('UTF-16 (with or without BOM) is refused, saying so', async () => {
    const message = '文件是 UTF-16（Unicode 文本）编码，请另存为“CSV UTF-8（逗号分隔）”后导入';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\r\n${body}\r\n`, 'utf16le')]);
    expect(await refusal(read(le, '名册.csv'))).toEqual({ message, fields: [{ field: 'file', message: '文件编码是 UTF-16' }] });
    const be = Buffer.from(`${header}\r\n${body}\r\n`, 'utf16le').swap16();
    expect((await refusal(read(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), '名册.csv'))).message).toBe(message);
    expect((await refusal(read(Buffer.from(`${header}\r\n${body}\r\n`, 'utf16le'), '名册.csv'))).message).toBe(message);
  });

  it('semicolons or tabs instead of commas are refused, saying which', async () => {
    const semicolon = Buffer.from(`${header.replace(/,/g, ';')}\n${body.replace(/,/g, ';')}\n`);
    expect(await refusal(read(semicolon, '名册.csv'))).toEqual({
      message: 'CSV 应以逗号分隔（检测到分号），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后导入',
      fields: [{ field: 'file', message: '分隔符是分号，不是逗号', row: 1 }],
    });
    const tabs = Buffer.from(`${header.replace(/,/g, '\t')}\n${body.replace(/,/g, '\t')}\n`);
    expect((await refusal(read(tabs, '名册.csv'))).message).toBe('CSV 应以逗号分隔（检测到制表符），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后导入');
  });

  it('an .xlsx named .csv is told to be renamed', async () => {
    const xlsx = await workbook(roster([['张三', ID, null, null, null, '高中']]));
    expect(await refusal(read(xlsx, '名册.csv'))).toEqual({
      message: '文件实际是 Excel 工作簿，请将扩展名改为 .xlsx 后导入',
      fields: [{ field: 'file.name', message: '文件实际是 Excel 工作簿（.xlsx）' }],
    });
  });
});

describe('readTabular: ordinary files read exactly as before', () => {
  it('the template workbook (buildWorkbook), with its example rows', async () => {
    const file = await buildWorkbook({
      sheetName: '保安员名册',
      columns: COLUMNS.map((header) => ({ header, text: true })),
      rows: [
        ['张三', '211102199001011234', '13800000000', '辽盘保1234567', '2020-05-01', '高中'],
        [' 李四 ', ID, 13900000000, null, '2021/3/5', '大专'],
      ],
    });
    const parsed = await read(file);
    expect(parsed).toEqual({
      headers: COLUMNS,
      rows: [
        { row: 2, values: { 姓名: '张三', 身份证号: '211102199001011234', 手机号: '13800000000', 保安员证号: '辽盘保1234567', 发证日期: '2020-05-01', 学历: '高中' } },
        { row: 3, values: { 姓名: '李四', 身份证号: ID, 手机号: '13900000000', 保安员证号: '', 发证日期: '2021/3/5', 学历: '大专' } },
      ],
    });
  });

  it('a workbook typed in Excel: dates, numbers in General, blank rows skipped, booleans as shown', async () => {
    const file = await workbook(
      roster([['王五', ID, 13800000001, 'L-1', new Date(Date.UTC(2020, 4, 1)), '高中'], [], ['赵六', ID, null, true, null, '初中']]),
    );
    expect((await read(file)).rows).toEqual([
      { row: 2, values: { 姓名: '王五', 身份证号: ID, 手机号: '13800000001', 保安员证号: 'L-1', 发证日期: '2020-05-01', 学历: '高中' } },
      { row: 4, values: { 姓名: '赵六', 身份证号: ID, 手机号: '', 保安员证号: 'TRUE', 发证日期: '', 学历: '初中' } },
    ]);
  });

  it('a CSV in UTF-8 with BOM, and one in GBK', async () => {
    const text = `${COLUMNS.join(',')}\r\n张三,${ID},,"L,1",2020年5月1日,高中\r\n\r\n李四,${ID},13800000000,,,大专\r\n`;
    const expected = {
      headers: COLUMNS,
      rows: [
        { row: 2, values: { 姓名: '张三', 身份证号: ID, 手机号: '', 保安员证号: 'L,1', 发证日期: '2020年5月1日', 学历: '高中' } },
        { row: 4, values: { 姓名: '李四', 身份证号: ID, 手机号: '13800000000', 保安员证号: '', 发证日期: '', 学历: '大专' } },
      ],
    };
    expect(await read(Buffer.from(`\uFEFF${text}`), '名册.csv')).toEqual(expected);
    const gbk = new TextEncoderGbk().encode(text);
    expect(await read(gbk, '名册.csv')).toEqual(expected);
  });
});

/** Runs `work` while counting turns of the event loop (a setImmediate that schedules itself). */
async function loopTurnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const turn = () => {
    if (!running) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  try {
    await work().catch(() => undefined);
  } finally {
    running = false;
  }
  return turns;
}

describe('readTabular .csv: hostile files are refused as they are read, and never hold the event loop (red team 3, H1)', () => {
  const csv = (text: string) => read(Buffer.from(text), '名册.csv');
  const HEAD = `${COLUMNS.join(',')}\r\n`;

  it('a row of ten million commas is refused at its 41st field, naming the row', async () => {
    expect(await refusal(csv(`${HEAD}张三,${ID}${','.repeat(10_000_000)}x\r\n`))).toEqual({
      message: 'CSV 文件第2行的列数过多（超过40列，模板共6列），请删除多余的列或逗号后导入',
      fields: [{ field: 'file', message: '第2行列数过多', row: 2 }],
    });
    // twice the template's columns (at least 40) is allowed: Excel writes every row as wide as the used range
    const wide = await csv(`${HEAD}张三,${ID},,,,高中${','.repeat(34)}\r\n`);
    expect(wide.rows.map((r) => r.values.学历)).toEqual(['高中']);
    expect((await refusal(csv(`${HEAD}张三,${ID},,,,高中${','.repeat(35)}\r\n`))).message).toContain('第2行的列数过多');
  });

  it('a 10 MB cell, and an unclosed quote that swallows the rest of a large file, are refused as a record too long', async () => {
    const message = 'CSV 文件第3行过长（超过64K个字符，可能有未闭合的引号），请检查后重新导入';
    expect(await refusal(csv(`${HEAD}张三,${ID},,,,高中\r\n李四,${'x'.repeat(10_000_000)}\r\n`))).toEqual({
      message, fields: [{ field: 'file', message: '第3行过长', row: 3 }],
    });
    expect((await refusal(csv(`${HEAD}张三,${ID},,,,高中\r\n"李四,${ID},,,,高中\r\n`.repeat(1) + `王五,${ID},,,,高中\r\n`.repeat(5000)))).message).toBe(message);
    // an unclosed quote in a small file is what it was before
    expect((await refusal(csv(`${HEAD}张三,${ID},,,,高中\r\n"李四,${ID},,,,高中\r\n`))).message).toBe('CSV 文件第3行格式有误（引号未闭合？），请检查后重新导入');
  });

  it('a cell over 1,000 characters is refused, naming its row and column; 1,000 are read', async () => {
    expect(await refusal(csv(`${HEAD}张三,${ID},,${'证'.repeat(1001)},,高中\r\n`))).toEqual({
      message: '第2行“保安员证号”有1001字，超过单元格上限1000字（模板中最长的一项为500字），请检查该单元格后导入',
      fields: [{ field: 'file.保安员证号', message: '第2行“保安员证号”超过1000字', row: 2 }],
    });
    expect((await csv(`${HEAD}张三,${ID},,"${'证'.repeat(1000)}",,高中\r\n`)).rows[0].values.保安员证号).toHaveLength(1000);
    // in the header row the column is named by its letter
    expect((await refusal(csv(`姓名,身份证号,学历,${'列'.repeat(1001)}\r\n`))).message).toBe('第1行“D列”有1001字，超过单元格上限1000字（模板中最长的一项为500字），请检查该单元格后导入');
  });

  it('the event loop turns again and again while a large file is read (6 MB of empty rows, 20,000 real ones)', async () => {
    const empty = Buffer.from(HEAD + `${','.repeat(39)}\r\n`.repeat(150_000));
    expect(empty.length).toBeGreaterThan(6_000_000);
    let answer: unknown;
    const turns = await loopTurnsDuring(async () => {
      answer = await refusal(read(empty, '空行.csv'));
    });
    expect(answer).toEqual({ message: '文件中没有数据行', fields: [{ field: 'file', message: '没有数据行' }] });
    expect(turns).toBeGreaterThan(30); // one turn (at least) per 64K characters: about 95

    const full = Buffer.from(HEAD + Array.from({ length: 20_000 }, (_, i) => `张三${i},${ID},13800000000,"L,${i}",2020-05-01,高中\r\n`).join(''));
    let rows = 0;
    const fullTurns = await loopTurnsDuring(async () => {
      rows = (await read(full, '名册.csv')).rows.length;
    });
    expect(rows).toBe(20_000);
    expect(fullTurns).toBeGreaterThan(10);
  });

  it('reads RFC 4180 as before: quoted commas, doubled quotes, line breaks in quotes, CR line ends, a trailing comma, quotes inside an unquoted field', async () => {
    const text = `${COLUMNS.join(',')}\r张三,${ID},,"L,""1""","2020-05-01",高中\r"李\n四",${ID},,=HYPERLINK("x"),,大专,\r\n王五,${ID},,,,初中`;
    const file = await csv(text);
    expect(file.rows).toEqual([
      { row: 2, values: { 姓名: '张三', 身份证号: ID, 手机号: '', 保安员证号: 'L,"1"', 发证日期: '2020-05-01', 学历: '高中' } },
      { row: 3, values: { 姓名: '李\n四', 身份证号: ID, 手机号: '', 保安员证号: '=HYPERLINK("x")', 发证日期: '', 学历: '大专' } },
      { row: 4, values: { 姓名: '王五', 身份证号: ID, 手机号: '', 保安员证号: '', 发证日期: '', 学历: '初中' } },
    ]);
    // text after a closing quote is malformed, as before
    expect((await refusal(csv(`${HEAD}"张三"x,${ID},,,,高中\r\n`))).message).toBe('CSV 文件第2行格式有误（引号未闭合？），请检查后重新导入');
  });
});

describe('readTabular .xlsx: columns the user cannot see (red team 3, H2)', () => {
  const rows = [['甲', ID, '13912345678', null, null, '高中']];

  it('a hidden column with data is refused, naming its letter, its header and its first row', async () => {
    const file = await workbook(roster(rows, (ws) => {
      ws.getColumn(3).hidden = true;
    }));
    expect(await refusal(read(file))).toEqual({
      message: '文件中第3列（C列“手机号”）是隐藏列或宽度为0：请取消隐藏（或调整列宽）确认内容后导入，或删除该列',
      fields: [{ field: 'file.手机号', message: '第3列（C列“手机号”）是隐藏列或宽度为0', row: 1 }],
    });
    // a hidden column that holds only data (no header) names the row where it starts
    const headerless = await rawXlsx({
      sheets: [{ name: '名单', formatPr: '<cols><col min="7" max="7" width="9" hidden="1"/></cols>', rows: HEADER_ROW + rowXml(2, ['甲', ID, '', '', '', '高中']) + rowXml(3, ['乙', ID, '', '', '', '高中', '父母均已故']) }],
    });
    expect((await refusal(read(headerless))).message).toBe('文件中第7列（G列）是隐藏列或宽度为0，第3行起有数据：请取消隐藏（或调整列宽）确认内容后导入，或删除该列');
  });

  it('a hidden column with a header and no data is refused too (its blank cells would clear what is stored)', async () => {
    const file = await workbook(roster([['甲', ID, null, null, null, '高中']], (ws) => {
      ws.getColumn(3).hidden = true;
    }));
    expect((await refusal(read(file))).message).toContain('第3列（C列“手机号”）是隐藏列或宽度为0');
  });

  it('a column dragged to (almost) zero width is refused like a hidden one; a narrow but visible one, or an empty hidden one, is read', async () => {
    const zero = await workbook(roster(rows, (ws) => {
      ws.getColumn(3).width = 0.0001;
    }));
    expect((await refusal(read(zero))).message).toContain('第3列（C列“手机号”）是隐藏列或宽度为0');
    const narrow = await workbook(roster(rows, (ws) => {
      ws.getColumn(3).width = 2;
      ws.getColumn(9).hidden = true; // nothing in it
    }));
    expect((await read(narrow)).rows[0].values.手机号).toBe('13912345678');
  });

  it('a sheet whose default column width is 0 hides every column no <col> describes', async () => {
    const file = await rawXlsx({
      sheets: [{ name: '名单', formatPr: '<sheetFormatPr defaultRowHeight="15" defaultColWidth="0"/><cols><col min="1" max="5" width="12" customWidth="1"/></cols>', rows: HEADER_ROW + rowXml(2, ['甲', ID, '', '', '', '高中']) }],
    });
    expect((await refusal(read(file))).message).toContain('第6列（F列“学历”）是隐藏列或宽度为0');
  });
});

describe('readTabular .xlsx: text hidden or changed by its number format (red team 3, H2)', () => {
  const statement = (numFmt: string | undefined, text = '父母均已故') =>
    workbook(roster([['张三', ID, null, text, null, '高中']], (ws) => {
      if (numFmt) ws.getCell('D2').numFmt = numFmt;
    }));

  it('a text under ;;; (or any format with an empty text section) is refused: the cell looks blank', async () => {
    expect(await refusal(read(await statement(';;;')))).toEqual({
      message: '第2行“保安员证号”有内容，但数字格式“;;;”使它显示为空白（内容被隐藏），请将该列设为常规或文本格式后重新填写',
      fields: [{ field: 'file.保安员证号', message: '第2行“保安员证号”有内容，但数字格式“;;;”使它显示为空白（内容被隐藏），请将该列设为常规或文本格式后重新填写', row: 2 }],
    });
    expect((await refusal(read(await statement('0;-0;0;')))).message).toContain('数字格式“0;-0;0;”使它显示为空白');
  });

  it('a text section that shows other text, or adds to it, is refused with what it shows', async () => {
    expect((await refusal(read(await statement(';;;"无"')))).message).toBe('第2行“保安员证号”显示为“无”，与单元格的内容不同（数字格式“;;;"无"”），请将该列设为常规或文本格式后重新填写');
    expect((await refusal(read(await statement('"父亲："@', '已故')))).message).toContain('显示为“父亲：已故”');
  });

  it('formats that show text as it is are read: @, a number format without a text section, a text section of @ with padding', async () => {
    for (const numFmt of [undefined, '@', '0.00', '0;-0;0', '#,##0;-#,##0;0;@', '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ']) {
      expect([numFmt, (await read(await statement(numFmt))).rows[0].values.保安员证号]).toEqual([numFmt, '父母均已故']);
    }
  });

  it('a shared string and an inline string under ;;; are both refused', async () => {
    const file = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['甲', ID, '', '<c r="D2" t="s" s="1"><v>0</v></c>', '', '高中']) + rowXml(3, ['乙', ID, '', '<c r="D3" t="inlineStr" s="1"><is><t>已故</t></is></c>', '', '高中']) }],
      sharedStrings: ['<si><t>父母均已故</t></si>'],
      cellFormats: [200],
      numFmts: { 200: ';;;' },
    });
    expect((await refusal(read(file))).fields).toEqual([2, 3].map((row) => ({
      field: 'file.保安员证号', message: `第${row}行“保安员证号”有内容，但数字格式“;;;”使它显示为空白（内容被隐藏），请将该列设为常规或文本格式后重新填写`, row,
    })));
  });

  it('a number under a format whose section for its sign is empty is refused (0 under 0;-0;, -5 under 0;;)', async () => {
    const numbers = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['甲', ID, '', numberCell('D2', 0, 1), '', '高中']) + rowXml(3, ['乙', ID, '', numberCell('D3', -5, 2), '', '高中']) }],
      cellFormats: [200, 201],
      numFmts: { 200: '0;-0;', 201: '0;;' },
    });
    expect((await refusal(read(numbers))).fields).toEqual([
      { field: 'file.保安员证号', message: '第2行“保安员证号”是数字格式（显示为空白），请将该列设为文本后重新填写', row: 2 },
      { field: 'file.保安员证号', message: '第3行“保安员证号”是数字格式（显示为空白），请将该列设为文本后重新填写', row: 3 },
    ]);
  });
});

describe('readTabular .xlsx: what a small file may cost (red team 3, H3)', () => {
  it('a cell over 1,000 characters is refused at the first one, naming it (inline or shared); an unused long shared string is not', async () => {
    const long = '名'.repeat(31_000);
    const inline = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['甲', ID, '', '', '', '高中']) + rowXml(3, [long, ID, '', '', '', '高中']) + rowXml(4, [long, ID, '', '', '', '高中']) }],
    });
    expect(await refusal(read(inline))).toEqual({
      message: '第3行“姓名”有31000字，超过单元格上限1000字（模板中最长的一项为500字），请检查该单元格后导入',
      fields: [{ field: 'file.姓名', message: '第3行“姓名”超过1000字', row: 3 }],
    });
    const shared = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['甲', ID, '', '', '<c r="E2" t="s"><v>1</v></c>', '高中']) }],
      sharedStrings: [`<si><t>${long}</t></si>`, `<si><t>${'日'.repeat(1001)}</t></si>`],
    });
    expect((await refusal(read(shared))).message).toBe('第2行“发证日期”有1001字，超过单元格上限1000字（模板中最长的一项为500字），请检查该单元格后导入');
    const unused = await rawXlsx({
      sheets: [{ name: '名单', rows: HEADER_ROW + rowXml(2, ['甲', ID, '', '', '', '高中']) }],
      sharedStrings: [`<si><t>${long}</t></si>`],
    });
    expect((await read(unused)).rows).toHaveLength(1);
  });

  it(`a file that inflates to more than ${MAX_INFLATION} times its size (beyond 10 MB) is refused before anything is inflated`, async () => {
    const text = 'x'.repeat(900);
    let rows = HEADER_ROW;
    for (let r = 2; r < 13_000; r++) rows += rowXml(r, [text]);
    const file = await rawXlsx({ sheets: [{ name: '名单', rows }] });
    expect(file.length).toBeLessThan(200_000); // inflating to more than 11 MB
    const { message } = await refusal(read(file));
    expect(message).toMatch(/^文件解压后是原来的\d+倍（\d+MB），不像正常的名册文件，无法导入/);
  });
});

/** GBK bytes of a text (only the characters used above), from the GB18030 decoder's own table. */
class TextEncoderGbk {
  private static table: Map<string, Buffer> | null = null;
  encode(text: string): Buffer {
    TextEncoderGbk.table ??= TextEncoderGbk.build();
    return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : TextEncoderGbk.table!.get(ch)!)));
  }
  private static build(): Map<string, Buffer> {
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, Buffer>();
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const bytes = Buffer.from([hi, lo]);
        const ch = decoder.decode(bytes);
        if (ch.length === 1 && !table.has(ch)) table.set(ch, bytes);
      }
    }
    return table;
  }
}
