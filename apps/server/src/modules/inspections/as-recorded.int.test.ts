import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';

/**
 * Red team F4: a company could change recorded on-site findings after the event. The finding showed the
 * guard's name, 保安员证 number and area read live from the register and the roster: the company moved
 * the guard's area (assignPosts after the end) and renamed him (updateGuard once the roster lock ends),
 * and the recorded finding followed. A check now keeps what was true when it was recorded, on every list
 * that shows it; the 岗位分工 closes with the event; posts and areas that begin as a spreadsheet formula
 * are refused naming the row.
 */
const ASSIGN = `mutation ($id: ID!, $a: [PostAssignmentInput!]!) { assignPosts(activityId: $id, assignments: $a) { rosterEntryId post area } }`;
const RECORD = /* GraphQL */ `
  mutation ($input: RecordInspectionInput!) {
    recordInspection(input: $input) { id personName post area findings { id personName certificateNo post area item } }
  }
`;
const FINDINGS = `query ($id: ID!) { findings(activityId: $id) { items { id personName certificateNo post area item } } }`;
const INSPECTIONS = `query ($id: ID!) { inspections(activityId: $id) { items { id personName post area findings { personName certificateNo post area } } } }`;
const CORRECT = `mutation ($id: ID!) { correctFinding(findingId: $id, note: "已补带保安员证") { personName certificateNo post area } }`;
const TIMELINE = `query ($id: ID!) { activityTimeline(activityId: $id) { entries { kind title } } }`;
const DRILL = /* GraphQL */ `
  query ($filter: DrilldownFilterInput!) {
    overviewDrilldown(kind: FINDINGS, filter: $filter, page: { page: 1, pageSize: 500 }) { columns items { id cells } }
  }
`;

const NOW = '2031-09-06T10:00:00+08:00';
const ENDS_AT = new Date('2031-09-06T13:00:00+08:00');
const HOUR = 3600_000;

describe('on-site findings keep what was true when recorded (red team F4)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let activityId: string;
  let guard: { entryId: string; guardId: string; name: string; certificateNo: string | null };
  let other: { entryId: string; guardId: string; name: string };
  let findingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    baoan = await t.login('baoan');
    const companyId = await createCompanyWithGuards(t, '如实记录保安服务有限公司', 3, { username: 'asrec_co' });
    company = await t.login('asrec_co');
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 2, startsInHours: -1 });
    await trainAll(t, a.id);
    await t.sql(`UPDATE activities SET ends_at = $2 WHERE id = $1`, [a.id, ENDS_AT]);
    activityId = a.id;
    [guard, other] = a.cleared;
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('refuses posts and areas that begin as a spreadsheet formula, naming the row; nothing stored', async () => {
    const refused = expectErrorCode(await company.gql(ASSIGN, {
      id: activityId,
      a: [
        { rosterEntryId: guard.entryId, post: '东门安检', area: '东门外广场' },
        { rosterEntryId: other.entryId, post: '=HYPERLINK("http://evil.example","点击")', area: '=1+2' },
      ],
    }), 'BAD_USER_INPUT');
    expect(refused.extensions!.fields).toEqual([
      { row: 2, field: 'assignments.1.post', message: `第2行（${other.name}）：岗位名称不能以“=”开头（表格软件会当作公式）` },
      { row: 2, field: 'assignments.1.area', message: `第2行（${other.name}）：责任区域不能以“=”开头（表格软件会当作公式）` },
    ]);
    // the full-width and the other leading signs too
    for (const area of ['＋1', '@SUM(A1)', '+2-3', '＝A1']) {
      const r = expectErrorCode(await company.gql(ASSIGN, { id: activityId, a: [{ rosterEntryId: guard.entryId, post: '东门安检', area }] }), 'BAD_USER_INPUT');
      expect(r.extensions!.fields![0]).toEqual(expect.objectContaining({ row: 1, field: 'assignments.0.area' }));
    }
    const posts = await t.sql(`SELECT post, area FROM roster_entries WHERE activity_id = $1 AND (post IS NOT NULL OR area IS NOT NULL)`, [activityId]);
    expect(posts).toEqual([]);
    // a floor below ground is a place, not a formula (packages/schema text.ts)
    expectData(await company.gql(ASSIGN, { id: activityId, a: [{ rosterEntryId: guard.entryId, post: '地下车库', area: '-1层' }] }));
    await t.sql(`UPDATE roster_entries SET post = NULL, area = NULL WHERE id = $1`, [guard.entryId]);
  });

  it('a check keeps the guard’s name, certificate, post and area as they were, on every list that shows it', async () => {
    expectData(await company.gql(ASSIGN, { id: activityId, a: [{ rosterEntryId: guard.entryId, post: '东门安检', area: '东门外广场' }] }));
    t.clock.set(new Date(ENDS_AT.getTime() - HOUR));
    const recorded = expectData(await baoan.gql(RECORD, {
      input: { id: randomUUID(), activityId, guardId: guard.guardId, results: checklist(['CERTIFICATE']), note: '未携带保安员证', recordedAt: t.clock.now().toISOString() },
    })).recordInspection;
    const asFound = { personName: guard.name, certificateNo: guard.certificateNo, post: '东门安检', area: '东门外广场' };
    expect(recorded).toEqual(expect.objectContaining({ personName: guard.name, post: '东门安检', area: '东门外广场' }));
    expect(recorded.findings).toEqual([expect.objectContaining({ ...asFound, item: 'CERTIFICATE' })]);
    findingId = recorded.findings[0].id;
    expect(guard.certificateNo).toBeTruthy();

    // After the end the 岗位分工 stays as it was on the day (the red team's assignPosts was accepted).
    t.clock.set(new Date(ENDS_AT.getTime() + 2 * HOUR));
    const late = expectErrorCode(await company.gql(ASSIGN, { id: activityId, a: [{ rosterEntryId: guard.entryId, post: '西门', area: '西门停车场' }] }), 'CONFLICT');
    expect(late.message).toBe('活动已于2031-09-06 13:00结束，不能再分配或修改岗位：岗位分工保持活动当天的安排');
    const [entry] = await t.sql(`SELECT post, area FROM roster_entries WHERE id = $1`, [guard.entryId]);
    expect(entry).toEqual({ post: '东门安检', area: '东门外广场' });

    // Whatever changes the register and the roster later (an edit once the roster lock ends, an import,
    // a correction by the detachment), what was recorded stays as it was.
    // (the register's lock holds until the end on the database's clock, which is not the app's test clock)
    await t.sql(`UPDATE activities SET ends_at = now() - interval '1 minute' WHERE id = $1`, [activityId]);
    await t.sql(`UPDATE guards SET name = '沈某某', certificate_no = '辽盘保202699999' WHERE id = $1`, [guard.guardId]);
    await t.sql(`UPDATE activities SET ends_at = $2 WHERE id = $1`, [activityId, ENDS_AT]);
    await t.sql(`UPDATE roster_entries SET area = '=1+2', post = '西门' WHERE id = $1`, [guard.entryId]);

    const { findings } = expectData(await baoan.gql(FINDINGS, { id: activityId }));
    expect(findings.items).toEqual([expect.objectContaining({ id: findingId, ...asFound })]);
    // the company reads them as recorded too
    expect(expectData(await company.gql(FINDINGS, { id: activityId })).findings.items).toEqual([expect.objectContaining(asFound)]);
    const { inspections } = expectData(await baoan.gql(INSPECTIONS, { id: activityId }));
    expect(inspections.items).toEqual([
      expect.objectContaining({ personName: guard.name, post: '东门安检', area: '东门外广场', findings: [asFound] }),
    ]);
    // a correction answers the finding as recorded
    expect(expectData(await baoan.gql(CORRECT, { id: findingId })).correctFinding).toEqual(asFound);
    // the 台账
    const { activityTimeline } = expectData(await baoan.gql(TIMELINE, { id: activityId }));
    const finding = activityTimeline.entries.find((e: { kind: string }) => e.kind === 'FINDING');
    expect(finding.title).toContain(`${guard.name}（东门安检）`);
    const onSite = activityTimeline.entries.filter((e: { kind: string }) => ['FINDING', 'CORRECTION'].includes(e.kind));
    expect(onSite.map((e: { title: string }) => e.title)).toEqual([`问题：证件携带 — ${guard.name}（东门安检）`, `已纠正：证件携带 — ${guard.name}（东门安检）`]);
    // the overview's list of findings (and its export, from the same rows)
    const office = await t.login('office');
    const { overviewDrilldown } = expectData(await office.gql(DRILL, { filter: { from: '2031-09-01', to: '2031-09-30' } }));
    const row = overviewDrilldown.items.find((r: { id: string }) => r.id === findingId);
    expect(row.cells[overviewDrilldown.columns.indexOf('保安员')]).toBe(guard.name);
  });

  it('records the register as it stands at the time of a later check (the saved values are per check)', async () => {
    t.clock.set(new Date(ENDS_AT.getTime() + 30 * 60_000));
    const at = new Date(ENDS_AT.getTime() - 10 * 60_000);
    const r = expectData(await baoan.gql(RECORD, {
      input: { id: randomUUID(), activityId, guardId: guard.guardId, results: checklist(['UNIFORM']), note: '未着制式服装', recordedAt: at.toISOString() },
    })).recordInspection;
    expect(r.findings).toEqual([expect.objectContaining({ personName: '沈某某', certificateNo: '辽盘保202699999', post: '西门', area: '=1+2' })]);
    // the first check still shows what it recorded
    const { findings } = expectData(await baoan.gql(FINDINGS, { id: activityId }));
    expect(findings.items.find((f: { id: string }) => f.id === findingId)).toEqual(expect.objectContaining({ personName: guard.name, area: '东门外广场' }));
  });
});
