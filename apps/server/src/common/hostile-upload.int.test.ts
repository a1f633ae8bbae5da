import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../test/harness';
import { MAX_FILE_BYTES, MAX_IMPORT_ROWS, MAX_INFLATED_BYTES } from './tabular';

/**
 * Imports (importGuards, importRecords) take a file as base64. A hostile file is refused early with a
 * Chinese message naming the file, and /healthz keeps answering while it is handled.
 */

const IMPORT = /* GraphQL */ `
  mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { created invalidRows } }
`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="保安员" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
// Shared strings 0–2 are the headers; 3 is a name. Data rows point at them, so the sheet compresses well.
const SHARED_STRINGS = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>姓名</t></si><si><t>身份证号</t></si><si><t>学历</t></si><si><t>张三</t></si></sst>`;

/** The sheet XML of a roster with `rows` data rows (plus `padding` bytes of whitespace, for a bomb). */
function* sheetXml(rows: number, padding = 0): Generator<Buffer> {
  yield Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`);
  const block = 10_000;
  for (let start = 2; start <= rows + 1; start += block) {
    let xml = '';
    for (let r = start; r < Math.min(start + block, rows + 2); r++) xml += `<row r="${r}"><c r="A${r}" t="s"><v>3</v></c></row>`;
    yield Buffer.from(xml);
  }
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let left = padding; left > 0; left -= spaces.length) yield left >= spaces.length ? spaces : spaces.subarray(0, left);
  yield Buffer.from('</sheetData></worksheet>');
}

/** An .xlsx built part by part; the sheet comes before the shared strings, as Excel writes it. */
async function xlsx(sheet: Iterable<Buffer>, options: { lieAboutSize?: number } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(ROOT_RELS), '_rels/.rels');
  zip.addBuffer(Buffer.from(WORKBOOK), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(WORKBOOK_RELS), 'xl/_rels/workbook.xml.rels');
  zip.addReadStream(Readable.from(sheet), 'xl/worksheets/sheet1.xml', { compressionLevel: 9 });
  zip.addBuffer(Buffer.from(SHARED_STRINGS), 'xl/sharedStrings.xml');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const file = Buffer.concat(chunks);
  if (options.lieAboutSize !== undefined) {
    // Rewrite the sheet's uncompressed size in the central directory: the file claims to be small.
    for (let i = file.length - 22; i >= 0; i--) {
      if (file.readUInt32LE(i) !== 0x02014b50) continue;
      const nameLength = file.readUInt16LE(i + 28);
      if (file.toString('utf8', i + 46, i + 46 + nameLength) === 'xl/worksheets/sheet1.xml') file.writeUInt32LE(options.lieAboutSize, i + 24);
    }
  }
  return file;
}

/**
 * Runs `work` while asking /healthz again and again: how many answers came back while it ran, and
 * the slowest of them (ms). A handler that held the event loop would leave no answer in between.
 */
async function healthzDuring(t: TestApp, work: () => Promise<unknown>): Promise<{ answers: number; slowest: number }> {
  let running = true;
  let answers = 0;
  let slowest = 0;
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${t.url}/healthz`);
      expect(res.status).toBe(200);
      if (running) answers += 1;
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await poll;
  }
  if (process.env.EVS_TEST_VERBOSE) console.log(`/healthz during a hostile import: ${answers} answers, slowest ${Math.round(slowest)} ms`);
  return { answers, slowest };
}

describe('hostile uploads', () => {
  let t: TestApp;
  let company: TestClient;
  const send = (name: string, file: Buffer | string) =>
    company.gql(IMPORT, { input: { file: { name, base64: typeof file === 'string' ? file : file.toString('base64') }, mode: 'PREVIEW' } });

  beforeAll(async () => {
    t = await createTestApp();
    company = await t.login('company1');
  });
  afterAll(() => t?.close());

  it('reads a well-formed workbook whose sheet comes before its shared strings', async () => {
    const r = expectData(await send('名册.xlsx', await xlsx(sheetXml(3)))).importGuards;
    expect(r.invalidRows).toBe(3); // 张三 without an ID number: every row is read and checked
  });

  it('refuses a zip bomb (300 KB inflating to 300 MB) from its central directory, before inflating', async () => {
    const bomb = await xlsx(sheetXml(1, 300 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    let answer: Awaited<ReturnType<typeof send>> | undefined;
    const health = await healthzDuring(t, async () => {
      answer = await send('炸弹.xlsx', bomb);
    });
    const error = expectErrorCode(answer!, 'BAD_USER_INPUT');
    expect(error.message).toContain(`解压后超过${MAX_INFLATED_BYTES / 1024 / 1024}MB`);
    expect(health.slowest).toBeLessThan(1000);
  });

  it('refuses a zip whose central directory understates what the sheet inflates to', async () => {
    const liar = await xlsx(sheetXml(1, 5 * 1024 * 1024), { lieAboutSize: 10_000 });
    const error = expectErrorCode(await send('伪装.xlsx', liar), 'BAD_USER_INPUT');
    expect(error.message).toContain('无法读取该 Excel 文件');
  });

  it(`stops reading a 500,000-row workbook at row ${MAX_IMPORT_ROWS + 1}, and /healthz keeps answering`, async () => {
    const big = await xlsx(sheetXml(500_000));
    let answer: Awaited<ReturnType<typeof send>> | undefined;
    const health = await healthzDuring(t, async () => {
      answer = await send('50万行.xlsx', big);
    });
    const error = expectErrorCode(answer!, 'BAD_USER_INPUT');
    expect(error.message).toContain(`一次最多导入${MAX_IMPORT_ROWS}行`);
    // Reading 20,000 rows takes a while; /healthz is answered all along, promptly.
    expect(health.answers).toBeGreaterThanOrEqual(3);
    expect(health.slowest).toBeLessThan(1000);
  });

  it('stops reading a 500,000-row CSV at the row limit too', async () => {
    const csv = Buffer.from(`姓名,身份证号,学历\n${'张三,,高中\n'.repeat(500_000)}`);
    const error = expectErrorCode(await send('50万行.csv', csv), 'BAD_USER_INPUT');
    expect(error.message).toContain(`一次最多导入${MAX_IMPORT_ROWS}行`);
  });

  it('refuses a file over the size limit before decoding it', async () => {
    const base64 = 'A'.repeat(Math.ceil(((MAX_FILE_BYTES + 512 * 1024) * 4) / 3));
    const error = expectErrorCode(await send('大文件.xlsx', base64), 'BAD_USER_INPUT');
    expect(error.message).toContain(`文件超过${MAX_FILE_BYTES / 1024 / 1024}MB`);
  });

  it('refuses a file that is not a workbook at all', async () => {
    const error = expectErrorCode(await send('假的.xlsx', Buffer.from('not a zip file, just text')), 'BAD_USER_INPUT');
    expect(error.message).toContain('无法读取该 Excel 文件');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空');
    const empty = expectErrorCode(await send('空.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), 'BAD_USER_INPUT');
    expect(empty.message).toContain('缺少列');
  });
});
