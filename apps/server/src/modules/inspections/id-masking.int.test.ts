import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { maskIdNumber, withIdCheckDigit } from '@evs/schema';
import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';
import { unitOf } from '../../../test/vetting-fixtures';

/*
 * Review A-F7: the on-site form asks for "姓名（及证件号）" of a person on duty who is not on the
 * roster, and officers write numbers into notes. Whatever looks like an ID number in that text is
 * masked for every reader but 保安管理支队, on every path: findings, inspections, the 台账 and its
 * export, the overview drill-down, the close notice, the audit log.
 */

const RECORD = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id personName note findings { id item note } } }`;
const CORRECT = `mutation ($id: ID!, $note: String!) { correctFinding(findingId: $id, note: $note) { id correctionNote } }`;
const CLOSE = `mutation ($id: ID!, $input: CloseActivityInput!) { closeActivity(id: $id, input: $input) { id status } }`;
const FINDINGS = `query ($id: ID!) { findings(activityId: $id, page: { pageSize: 100 }) { items { item personName note correctionNote } } }`;
const INSPECTIONS = `query ($id: ID!) { inspections(activityId: $id, page: { pageSize: 100 }) { items { personName note findings { note correctionNote } } } }`;
const TIMELINE = `query ($id: ID!) { activityTimeline(activityId: $id) { entries { kind title detail } } }`;
const DRILL = `query ($kind: DrilldownKind!, $filter: DrilldownFilterInput!) { overviewDrilldown(kind: $kind, filter: $filter, page: { pageSize: 100 }) { items { cells } } }`;

/** The person found on duty, and the one left uncorrected at the close: the hidden digits are their birth dates. */
const STRANGER = withIdCheckDigit('21110219870613301');
const RUNAWAY = withIdCheckDigit('21110419790222402');
const spaced = (id: string) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
const HIDDEN = [STRANGER.slice(6, 14), RUNAWAY.slice(6, 14)];

/** What any answer may show of the two numbers: masked, never the hidden digits. */
function expectMasked(answer: unknown, ids: string[] = [STRANGER]) {
  const text = JSON.stringify(answer);
  for (const hidden of HIDDEN) expect(text).not.toContain(hidden);
  for (const id of ids) expect(text).toContain(maskIdNumber(id));
}
function expectWhole(answer: unknown, ids: string[] = [STRANGER]) {
  const text = JSON.stringify(answer);
  for (const id of ids) expect(text).toContain(id);
}

describe('ID numbers typed into on-site texts are masked for all but 保安管理支队', () => {
  let t: TestApp;
  let baoan: TestClient;
  let activityId: string;
  const readers: Record<string, TestClient> = {};

  const download = async (client: TestClient) => {
    const res = await fetch(`${t.url}/exports/timeline/${activityId}.xlsx`, { headers: { cookie: `evs_session=${client.cookie('evs_session')}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const cells: string[] = [];
    wb.worksheets[0].eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ''))));
    return cells;
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2031-04-11T11:00:00+08:00');
    baoan = await t.login('baoan');
    const companyId = await createCompanyWithGuards(t, '证号遮蔽测试保安服务有限公司', 3, { username: 'mask_co' });
    const a = await createActivityWithRoster(t, {
      status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 2, startsInHours: -1, durationHours: 3,
      organizerUnitId: await unitOf(t, 'organizer1'), district: 'XINGLONGTAI',
    });
    await trainAll(t, a.id);
    activityId = a.id;
    const now = () => t.clock.now().toISOString();

    const stranger = expectData(await baoan.gql(RECORD, {
      input: { id: randomUUID(), activityId, personName: `李四（${STRANGER}）`, note: `自称身份证号${spaced(STRANGER)}，无保安员证`, post: '北门', results: [], recordedAt: now() },
    })).recordInspection;
    // 保安管理支队 records and reads the whole number.
    expect(stranger.personName).toBe(`李四（${STRANGER}）`);
    expectWhole(stranger.findings);
    expectData(await baoan.gql(CORRECT, { id: stranger.findings[0].id, note: `已将李四（${STRANGER}）清退出场` }));
    expectData(await baoan.gql(RECORD, {
      input: { id: randomUUID(), activityId, guardId: a.cleared[0].guardId, results: checklist(['UNIFORM']).map((r) => (r.compliant ? r : { ...r, note: `与未登记人员${STRANGER}换穿制服` })), recordedAt: now() },
    }));
    expectData(await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, personName: `王五 ${RUNAWAY}`, results: [], recordedAt: now() } }));

    for (const username of ['mask_co', 'organizer1', 'xinglongtai', 'office', 'leader']) readers[username] = await t.login(username);
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('findings: the company, the organizer, the district bureau, the office and the leader see masked numbers', async () => {
    for (const client of Object.values(readers)) {
      const items = expectData(await client.gql(FINDINGS, { id: activityId })).findings.items;
      expect(items.length).toBeGreaterThanOrEqual(3);
      expectMasked(items, [STRANGER, RUNAWAY]);
      const unvetted = items.find((f: { personName: string }) => f.personName.startsWith('李四'));
      expect(unvetted.personName).toBe(`李四（${maskIdNumber(STRANGER)}）`);
      expect(unvetted.correctionNote).toBe(`已将李四（${maskIdNumber(STRANGER)}）清退出场`);
    }
    expectWhole(expectData(await baoan.gql(FINDINGS, { id: activityId })).findings.items, [STRANGER, RUNAWAY]);
  });

  it('inspections: the office and the leader see masked numbers', async () => {
    for (const username of ['office', 'leader']) {
      const items = expectData(await readers[username].gql(INSPECTIONS, { id: activityId })).inspections.items;
      expectMasked(items, [STRANGER, RUNAWAY]);
      expect(items.find((i: { personName: string }) => i.personName.startsWith('李四')).note).toBe(`自称身份证号${maskIdNumber(STRANGER)}，无保安员证`);
    }
    expectWhole(expectData(await baoan.gql(INSPECTIONS, { id: activityId })).inspections.items, [STRANGER, RUNAWAY]);
  });

  it('the 台账 and its export: masked for every party, whole for 保安管理支队', async () => {
    for (const client of Object.values(readers)) {
      const entries = expectData(await client.gql(TIMELINE, { id: activityId })).activityTimeline.entries;
      expectMasked(entries.filter((e: { kind: string }) => e.kind === 'FINDING' || e.kind === 'CORRECTION'), [STRANGER, RUNAWAY]);
      expectMasked(await download(client), [STRANGER, RUNAWAY]);
    }
    expectWhole(expectData(await baoan.gql(TIMELINE, { id: activityId })).activityTimeline.entries, [STRANGER, RUNAWAY]);
    expectWhole(await download(baoan), [STRANGER, RUNAWAY]);
  });

  it('the overview drill-down of findings: masked for the district bureau, the office and the leader', async () => {
    const filter = { from: '2031-04-10', to: '2031-04-12' };
    for (const username of ['xinglongtai', 'office', 'leader']) {
      const items = expectData(await readers[username].gql(DRILL, { kind: 'FINDINGS', filter })).overviewDrilldown.items;
      expect(items.length).toBeGreaterThanOrEqual(3);
      expectMasked(items, [STRANGER, RUNAWAY]);
    }
    expectWhole(expectData(await baoan.gql(DRILL, { kind: 'FINDINGS', filter })).overviewDrilldown.items, [STRANGER, RUNAWAY]);
  });

  it('the close: its notice, the 台账 and the overview show the statement masked to all but 保安管理支队', async () => {
    t.clock.set('2031-04-11T15:00:00+08:00');
    expectData(await baoan.gql(CLOSE, {
      id: activityId,
      input: { rating: 2, text: `发现未经审查人员，李四（${STRANGER}）已清退`, uncorrectedStatement: `王五（${RUNAWAY}）擅自离场，未能当场纠正` },
    }));
    const notices: { body: string }[] = await t.sql(`SELECT body FROM notifications WHERE link = $1`, [`/timeline/${activityId}`]);
    expect(notices.length).toBeGreaterThan(0);
    expectMasked(notices, [STRANGER, RUNAWAY]);

    for (const client of Object.values(readers)) {
      const closing = expectData(await client.gql(TIMELINE, { id: activityId })).activityTimeline.entries.filter((e: { title: string }) => e.title.includes('已总结'));
      expect(closing).toHaveLength(1);
      expectMasked(closing, [STRANGER, RUNAWAY]);
    }
    const full = expectData(await baoan.gql(TIMELINE, { id: activityId })).activityTimeline.entries.filter((e: { title: string }) => e.title.includes('已总结'));
    expectWhole(full, [STRANGER, RUNAWAY]);

    const filter = { from: '2031-04-10', to: '2031-04-12', closedWithSerious: true };
    expectMasked(expectData(await readers.office.gql(DRILL, { kind: 'ACTIVITIES', filter })).overviewDrilldown.items, [RUNAWAY]);
    expectWhole(expectData(await baoan.gql(DRILL, { kind: 'ACTIVITIES', filter })).overviewDrilldown.items, [RUNAWAY]);
  });

  it('the audit log of the checks and corrections (read by the office and the auditor) keeps neither the numbers nor the notes’ words', async () => {
    const entries = await t.sql(`SELECT summary, before, after FROM audit_log WHERE entity_type IN ('Inspection', 'Finding')`);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    // A note or a correction an officer typed (numbers, names) is there by its length only; the name and number
    // of the person found (personName) are not in the append-only log at all: the check is named by its id.
    const text = JSON.stringify(entries);
    for (const hidden of [...HIDDEN, maskIdNumber(STRANGER), maskIdNumber(RUNAWAY), '王五', '李四']) expect(text).not.toContain(hidden);
    expect(entries.some((e: { after: { note?: unknown; correctionNote?: unknown } }) => e.after?.note || e.after?.correctionNote)).toBe(true);
    for (const e of entries as { after: { note?: unknown; correctionNote?: unknown } }[]) {
      for (const note of [e.after?.note, e.after?.correctionNote]) if (note) expect(note).toEqual({ chars: expect.any(Number) });
    }
  });
});
