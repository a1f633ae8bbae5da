import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { dataUrl, png } from '../../../test/images';
import { checklist, createActivityWithRoster, createCompanyWithGuards, PNG, trainAll } from '../../../test/onsite-fixtures';

const RECORD = /* GraphQL */ `
  mutation ($input: RecordInspectionInput!) {
    recordInspection(input: $input) {
      id personName onDutyRoster post results { item compliant } findings { id item serious note photo companyId }
    }
  }
`;
const FINDINGS = /* GraphQL */ `
  query ($id: ID!) { findings(activityId: $id, page: { pageSize: 100 }) { total items { id item serious personName correctedAt correctionNote correctedByName } } }
`;
const START = `mutation ($id: ID!) { startActivity(id: $id) { id status } }`;
const CLOSE = `mutation ($id: ID!, $input: CloseActivityInput!) { closeActivity(id: $id, input: $input) { id status closeStatement warnings { code message } } }`;
/** The tests' calendar: the activity starts ten days after NOW, at 10:00, and ends at 14:00. */
const NOW = '2031-04-01T10:00:00+08:00';
const CORRECT = `mutation ($id: ID!, $note: String!, $at: DateTimeISO) { correctFinding(findingId: $id, note: $note, correctedAt: $at) { id correctedAt correctionNote correctedByName } }`;


describe('on the day: start, inspections, corrections, close, timeline', () => {
  let t: TestApp;
  let baoan: TestClient;
  let companyId: string;
  let activityId: string;
  let onDuty: { entryId: string; guardId: string; name: string }[];
  let failedGuardId: string;

  const now = () => t.clock.now().toISOString();
  const ago = (ms: number) => new Date(t.clock.now().getTime() - ms).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    baoan = await t.login('baoan');
    companyId = await createCompanyWithGuards(t, '现场测试保安服务有限公司', 6, { username: 'onsite_co' });
    const a = await createActivityWithRoster(t, { status: 'READY', companyId, guardsRequired: 3, cleared: 3, failed: 1 });
    await trainAll(t, a.id);
    activityId = a.id;
    onDuty = a.cleared;
    [{ guard_id: failedGuardId }] = await t.sql(`SELECT guard_id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED'`, [a.id]);
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('refuses inspections before the start; 保安管理支队 starts the activity on the event day only', async () => {
    const early = await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, guardId: onDuty[0].guardId, results: checklist(), recordedAt: now() } });
    expectErrorCode(early, 'CONFLICT');
    const company = await t.login('onsite_co');
    expectErrorCode(await company.gql(START, { id: activityId }), 'FORBIDDEN');
    // Ten days ahead: too early, and the refusal says from when (24 h before the start, the setting).
    const tooEarly = expectErrorCode(await baoan.gql(START, { id: activityId }), 'CONFLICT');
    expect(tooEarly.message).toBe('活动2031-04-11 10:00开始，现场监管最早于开始前24小时开始：可于2031-04-10 10:00起开始');
    t.clock.set('2031-04-10T09:59:00+08:00');
    expectErrorCode(await baoan.gql(START, { id: activityId }), 'CONFLICT');
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [activityId]))[0].status).toBe('READY');
    t.clock.set('2031-04-11T08:00:00+08:00');
    expect(expectData(await baoan.gql(START, { id: activityId })).startActivity.status).toBe('IN_PROGRESS');
    expectErrorCode(await baoan.gql(START, { id: activityId }), 'CONFLICT');
  });

  it('a non-compliant item needs a description: refused without one, nothing stored', async () => {
    const id = randomUUID();
    const err = expectErrorCode(await baoan.gql(RECORD, { input: { id, activityId, guardId: onDuty[0].guardId, results: checklist(['UNIFORM', 'DUTY']), recordedAt: now() } }), 'BAD_USER_INPUT');
    expect(err.extensions!.fields).toEqual([
      { field: 'results.0.note', message: '“着装规范”不合格，请填写问题说明' },
      { field: 'results.3.note', message: '“履行职能”不合格，请填写问题说明' },
    ]);
    expect(await t.sql(`SELECT id FROM inspections WHERE id = $1`, [id])).toEqual([]);
  });

  it('records findings for non-compliant items; Art. 30 acts are serious', async () => {
    const r = expectData(
      await baoan.gql(RECORD, {
        input: { id: randomUUID(), activityId, guardId: onDuty[0].guardId, post: '东门', results: checklist(['UNIFORM', 'FORBIDDEN_ACT']), note: '未佩戴保安服务标志', photo: PNG, recordedAt: now() },
      }),
    ).recordInspection;
    expect(r.onDutyRoster).toBe(true);
    expect(r.findings.map((f: { item: string; serious: boolean }) => [f.item, f.serious]).sort()).toEqual([['FORBIDDEN_ACT', true], ['UNIFORM', false]]);
    expect(r.findings[0].photo).toBe(PNG);
    expect(r.findings[0].companyId).toBe(companyId);
    const ok = expectData(await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, guardId: onDuty[1].guardId, results: checklist(), recordedAt: now() } })).recordInspection;
    expect(ok.findings).toEqual([]);
  });

  it('refuses a check timed before the on-site start (a device clock that is wrong), by field; nothing stored', async () => {
    const id = randomUUID();
    const err = expectErrorCode(
      await baoan.gql(RECORD, { input: { id, activityId, guardId: onDuty[1].guardId, results: checklist(), recordedAt: ago(86_400_000) } }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions!.fields).toEqual([{ field: 'recordedAt', message: '检查时间2031-04-10 08:00早于现场监管开始时间2031-04-11 08:00，请校准设备时间' }]);
    expect(await t.sql(`SELECT id FROM inspections WHERE id = $1`, [id])).toEqual([]);
    // A device a few minutes behind the server is still accepted.
    expectData(await baoan.gql(RECORD, { input: { id, activityId, guardId: onDuty[1].guardId, results: checklist(), recordedAt: ago(5 * 60_000) } }));
  });

  it('a check queued on a shared phone by one account is refused under another: nothing stored, its resend too; its recorder sends it', async () => {
    const [{ id: baoanId }] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
    const [{ id: dahuoId }] = await t.sql(`SELECT id FROM users WHERE username = 'dahuo'`);
    const input = { id: randomUUID(), activityId, guardId: onDuty[2].guardId, results: checklist(['DUTY']), note: '脱岗', recordedAt: now() };
    const refused = expectErrorCode(await baoan.gql(RECORD, { input: { ...input, recordedBy: dahuoId } }), 'FORBIDDEN');
    expect(refused.message).toBe('该记录由本机上的另一账号离线登记，须由登记人本人登录后发送');
    expect(await t.sql(`SELECT id FROM inspections WHERE id = $1`, [input.id])).toEqual([]);
    const sent = expectData(await baoan.gql(RECORD, { input: { ...input, recordedBy: baoanId } })).recordInspection;
    expect(sent.findings.map((f: { item: string }) => f.item)).toEqual(['DUTY']);
    // A resend of the stored check in another account's name is refused as well, and changes nothing.
    expectErrorCode(await baoan.gql(RECORD, { input: { ...input, recordedBy: dahuoId } }), 'FORBIDDEN');
    const [{ recorded_by }] = await t.sql(`SELECT recorded_by FROM inspections WHERE id = $1`, [input.id]);
    expect(recorded_by).toBe(baoanId);
  });

  it('the duty gate: anyone on duty who is not on the on-duty roster is a serious 未经审查人员上岗 finding', async () => {
    const failed = expectData(
      await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, guardId: failedGuardId, post: '西门', results: checklist(), recordedAt: now() } }),
    ).recordInspection;
    expect(failed.onDutyRoster).toBe(false);
    expect(failed.findings).toEqual([expect.objectContaining({ item: 'UNVETTED_ON_DUTY', serious: true, companyId })]);

    const stranger = expectData(
      await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, personName: '李四（无保安员证）', post: '北门', results: [], recordedAt: now() } }),
    ).recordInspection;
    expect(stranger.personName).toBe('李四（无保安员证）');
    expect(stranger.findings.map((f: { item: string }) => f.item)).toEqual(['UNVETTED_ON_DUTY']);

    // The officer cannot tick the system's own item, nor send neither a guard nor a name.
    expectErrorCode(await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, guardId: onDuty[2].guardId, results: [{ item: 'UNVETTED_ON_DUTY', compliant: false }], recordedAt: now() } }), 'BAD_USER_INPUT');
    expectErrorCode(await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, results: checklist(), recordedAt: now() } }), 'BAD_USER_INPUT');
  });

  it('is idempotent: resending the same client id (also concurrently) returns the stored inspection and creates nothing', async () => {
    const input = { id: randomUUID(), activityId, guardId: onDuty[2].guardId, results: checklist(['BEARING']), note: '站姿松散', recordedAt: ago(60_000) };
    const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM findings WHERE activity_id = $1`, [activityId]);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => baoan.gql(RECORD, { input })));
    const ids = results.map((r) => expectData(r).recordInspection.findings.map((f: { id: string }) => f.id).join());
    expect(new Set(ids).size).toBe(1);
    const again = expectData(await baoan.gql(RECORD, { input })).recordInspection;
    expect(again.id).toBe(input.id);
    const [{ n: inspections }] = await t.sql(`SELECT count(*)::int AS n FROM inspections WHERE id = $1`, [input.id]);
    const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM findings WHERE activity_id = $1`, [activityId]);
    expect(inspections).toBe(1);
    expect(after - before).toBe(1);
  });

  it('a resend is the same check or nothing: another content, another officer or another activity under a used id is refused, changes nothing', async () => {
    const input = { id: randomUUID(), activityId, guardId: onDuty[1].guardId, post: '东门', results: checklist(['CERTIFICATE']), note: '未带证', recordedAt: ago(30_000) };
    expectData(await baoan.gql(RECORD, { input }));
    const stored = async () => ({
      inspection: await t.sql(`SELECT guard_id, person_name, post, results, note, recorded_by, recorded_at FROM inspections WHERE id = $1`, [input.id]),
      findings: await t.sql(`SELECT item, note FROM findings WHERE inspection_id = $1 ORDER BY item`, [input.id]),
    });
    const before = await stored();
    const refusedBy = async (client: TestClient, changed: Record<string, unknown>) =>
      expectErrorCode(await client.gql(RECORD, { input: { ...input, ...changed } }), 'CONFLICT').message;
    const other = '该检查编号已用于';
    expect(await refusedBy(baoan, { results: checklist() })).toMatch(/^该检查编号已用于.*登记的另一条检查记录（内容不同），未重复登记$/);
    expect(await refusedBy(baoan, { results: checklist(['CERTIFICATE', 'UNIFORM']) })).toContain(other);
    expect(await refusedBy(baoan, { guardId: onDuty[0].guardId })).toContain(other);
    expect(await refusedBy(baoan, { note: '已带证' })).toContain(other);
    expect(await refusedBy(baoan, { post: '西门' })).toContain(other);
    expect(await refusedBy(baoan, { recordedAt: ago(20_000) })).toContain(other);
    expect(await refusedBy(baoan, { guardId: null, personName: '王五' })).toContain(other);
    expect(await refusedBy(baoan, { activityId: randomUUID() })).toBe('该检查编号已用于其他活动的检查记录');
    // another officer of the detachment (a copy of baoan's account), with the same content
    await t.sql(
      `INSERT INTO users SELECT (jsonb_populate_record(NULL::users, to_jsonb(u) || jsonb_build_object('id', gen_random_uuid(), 'username', 'baoan_b', 'display_name', '王保安'))).*
         FROM users u WHERE username = 'baoan'`,
    );
    expect(await refusedBy(await t.login('baoan_b'), {})).toBe('该检查编号已用于另一账号登记的检查记录，未重复登记');
    expect(await stored()).toEqual(before);
    // the same check again (a lost answer): the stored one; the note and post as typed, trimmed
    const again = expectData(await baoan.gql(RECORD, { input: { ...input, note: ' 未带证 ', post: '东门 ' } })).recordInspection;
    expect(again.findings.map((f: { item: string }) => f.item)).toEqual(['CERTIFICATE']);
    expect(await stored()).toEqual(before);
  });

  it('a resend with another finding note or another photo is refused, not answered "recorded" while dropping it (red team 6, N1)', async () => {
    const results = checklist(['UNIFORM']).map((r: { item: string }) => (r.item === 'UNIFORM' ? { ...r, note: '未佩戴保安服务标志' } : r));
    const input = { id: randomUUID(), activityId, guardId: onDuty[0].guardId, post: '南门', results, photo: PNG, recordedAt: ago(40_000) };
    expectData(await baoan.gql(RECORD, { input }));
    const stored = () => t.sql(`SELECT item, note, photo FROM findings WHERE inspection_id = $1 ORDER BY item`, [input.id]);
    const before = await stored();
    const otherNote = results.map((r: { item: string }) => (r.item === 'UNIFORM' ? { ...r, note: '服装不整' } : r));
    expect(expectErrorCode(await baoan.gql(RECORD, { input: { ...input, results: otherNote } }), 'CONFLICT').message).toMatch(/（问题说明不同），未重复登记$/);
    const otherPhoto = dataUrl(png(2, 3));
    expect(expectErrorCode(await baoan.gql(RECORD, { input: { ...input, photo: otherPhoto } }), 'CONFLICT').message).toMatch(/重发的照片不同，未重复登记/);
    expect(await stored()).toEqual(before);
    // the same again: the stored check
    expect(expectData(await baoan.gql(RECORD, { input })).recordInspection.id).toBe(input.id);
  });

  it('checks photos: JPEG or PNG only, content matching the type, at most 1 MB; nothing stored when refused', async () => {
    const base = { activityId, guardId: onDuty[0].guardId, results: checklist(['UNIFORM']), note: '未佩戴保安服务标志', recordedAt: now() };
    const gif = await baoan.gql(RECORD, { input: { ...base, id: randomUUID(), photo: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' } });
    expect(expectErrorCode(gif, 'BAD_USER_INPUT').extensions!.fields![0]).toMatchObject({ field: 'photo' });
    const big = Buffer.alloc(1024 * 1024 + 100);
    big.set([0xff, 0xd8, 0xff]);
    const huge = await baoan.gql(RECORD, { input: { ...base, id: randomUUID(), photo: `data:image/jpeg;base64,${big.toString('base64')}` } });
    expect(expectErrorCode(huge, 'BAD_USER_INPUT').message).toMatch(/不能超过 1 MB/);
    const fake = await baoan.gql(RECORD, { input: { ...base, id: randomUUID(), photo: PNG.replace('image/png', 'image/jpeg') } });
    expectErrorCode(fake, 'BAD_USER_INPUT');
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM findings WHERE photo IS NOT NULL AND photo NOT LIKE 'data:image/png%'`);
    expect(n).toBe(0);
    // a photo with a check that found nothing has nowhere to be kept: refused, naming the field, nothing stored (review 7-B F7)
    const id = randomUUID();
    const clean = await baoan.gql(RECORD, { input: { ...base, id, results: checklist([]), note: null, photo: PNG } });
    expect(expectErrorCode(clean, 'BAD_USER_INPUT').extensions!.fields).toEqual([{ field: 'photo', message: '照片随问题登记：本次检查各项合格、没有问题，请删除照片后提交' }]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM inspections WHERE id = $1`, [id]))[0].n).toBe(0);
    expect((await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [id]))[0].n).toBe(0);
  });

  it('corrects a finding once, with who and when; nothing overwritten', async () => {
    const list = expectData(await baoan.gql(FINDINGS, { id: activityId })).findings;
    const uniform = list.items.find((f: { item: string }) => f.item === 'UNIFORM');
    expectErrorCode(await baoan.gql(CORRECT, { id: uniform.id, note: '已整改', at: ago(86_400_000) }), 'BAD_USER_INPUT');
    const fixed = expectData(await baoan.gql(CORRECT, { id: uniform.id, note: '已按规定佩戴保安服务标志' })).correctFinding;
    expect(fixed.correctionNote).toBe('已按规定佩戴保安服务标志');
    expect(fixed.correctedByName).toBe('刘宝军');
    const second = await baoan.gql(CORRECT, { id: uniform.id, note: '再次纠正' });
    expect(expectErrorCode(second, 'CONFLICT').message).toMatch(/已于.*登记纠正/);
    // The company sees its findings; another company sees nothing of this activity.
    const company = await t.login('onsite_co');
    expect(expectData(await company.gql(FINDINGS, { id: activityId })).findings.total).toBe(list.total);
    expectErrorCode(await (await t.login('company1')).gql(FINDINGS, { id: activityId }), 'NOT_FOUND');
  });

  it('closes only after the end; with a serious finding uncorrected, only with a written statement kept in the 台账', async () => {
    expectErrorCode(await baoan.gql(CLOSE, { id: activityId, input: { rating: 6, text: '好' } }), 'BAD_USER_INPUT');
    expectErrorCode(await baoan.gql(CLOSE, { id: activityId, input: { rating: 3, text: '  ' } }), 'BAD_USER_INPUT');
    const before = expectErrorCode(await baoan.gql(CLOSE, { id: activityId, input: { rating: 3, text: '总体有序' } }), 'CONFLICT');
    expect(before.message).toBe('活动2031-04-11 14:00结束，结束后方可总结：可于2031-04-11 14:00起总结');
    t.clock.set('2031-04-11T15:00:00+08:00');
    // The Art. 30 finding and the unvetted people are serious and still uncorrected.
    const noStatement = expectErrorCode(await baoan.gql(CLOSE, { id: activityId, input: { rating: 3, text: '总体有序' } }), 'BAD_USER_INPUT');
    expect(noStatement.extensions!.fields![0]).toEqual({ field: 'uncorrectedStatement', message: '有3项严重问题尚未纠正，请说明未纠正的原因及后续处理' });
    expect((await t.sql(`SELECT status FROM activities WHERE id = $1`, [activityId]))[0].status).toBe('IN_PROGRESS');
    const statement = '违规人员已由公司带离，责令公司三日内书面整改';
    const closed = expectData(await baoan.gql(CLOSE, {
      id: activityId,
      input: { rating: 3, text: '总体有序，东门一名保安员违反条例第三十条', uncorrectedStatement: statement },
    })).closeActivity;
    expect(closed).toMatchObject({ status: 'CLOSED', closeStatement: statement });
    expect(closed.warnings).toEqual(expect.arrayContaining([{ code: 'CLOSED_WITH_SERIOUS', message: `总结时仍有严重问题未纠正，说明：${statement}` }]));
    const [row] = await t.sql(`SELECT evaluation_rating, evaluation_text, closed_at FROM activities WHERE id = $1`, [activityId]);
    expect(row.evaluation_rating).toBe(3);
    expect(row.closed_at).toEqual(new Date('2031-04-11T15:00:00+08:00'));

    // An inspection recorded offline before the close and sent afterwards is still accepted.
    const late = await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, guardId: onDuty[1].guardId, results: checklist(), recordedAt: ago(120_000) } });
    expectData(late);
    expectErrorCode(await baoan.gql(RECORD, { input: { id: randomUUID(), activityId, guardId: onDuty[1].guardId, results: checklist(), recordedAt: new Date(t.clock.now().getTime() + 60_000).toISOString() } }), 'CONFLICT');

    const TIMELINE = `query ($id: ID!) { activityTimeline(activityId: $id) { activityName entries { at kind kindLabel title detail actorName important } } }`;
    const tl = expectData(await baoan.gql(TIMELINE, { id: activityId })).activityTimeline;
    const kinds = new Set(tl.entries.map((e: { kind: string }) => e.kind));
    for (const k of ['TRANSITION', 'VETTING_DECISION', 'TRAINING_SESSION', 'TRAINING_RESULT', 'FINDING', 'CORRECTION']) expect(kinds).toContain(k);
    const times = tl.entries.map((e: { at: string }) => new Date(e.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const closing = tl.entries.find((e: { kind: string; title: string }) => e.kind === 'TRANSITION' && e.title.includes('已总结'));
    expect(closing.actorName).toMatch(/刘宝军/);
    expect(closing).toMatchObject({ important: true, detail: expect.stringContaining(`说明：${statement}`) });

    const res = await fetch(`${t.url}/exports/timeline/${activityId}.xlsx`, { headers: { cookie: `evs_session=${baoan.cookie('evs_session')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe('PK');
    expect((await fetch(`${t.url}/exports/timeline/${activityId}.xlsx`)).status).toBe(401);
    const other = await t.login('company1');
    expect((await fetch(`${t.url}/exports/timeline/${activityId}.xlsx`, { headers: { cookie: `evs_session=${other.cookie('evs_session')}` } })).status).toBe(404);
    const [session] = await t.sql(`SELECT id FROM training_sessions WHERE activity_id = $1`, [activityId]);
    const sheet = await fetch(`${t.url}/exports/training/${session.id}.xlsx`, { headers: { cookie: `evs_session=${baoan.cookie('evs_session')}` } });
    expect(sheet.status).toBe(200);
  });

  it('shows deadlines on activities and orders the work queue by deadline', async () => {
    const late = await createActivityWithRoster(t, { name: '逾期培训活动', status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 1 });
    const later = await createActivityWithRoster(t, { name: '后续培训活动', status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, startsInDays: 20 });
    const q = `query ($id: ID!) { activity(id: $id) { deadlines { daysUntilStart lateStages stages { stage dueOn done late } next { stage } } } }`;
    const d = expectData(await baoan.gql(q, { id: late.id })).activity.deadlines;
    expect(d.daysUntilStart).toBe(1);
    expect(d.lateStages).toEqual(['TRAINING']);
    expect(d.stages.find((s: { stage: string }) => s.stage === 'VETTING').done).toBe(true);

    const WQ = `{ workQueue(page: { pageSize: 200 }) { total items { activityId task detail dueOn daysLeft late link } } }`;
    const items = expectData(await baoan.gql(WQ)).workQueue.items;
    const dues = items.map((i: { dueOn: string }) => i.dueOn);
    expect([...dues].sort()).toEqual(dues);
    const mine = items.filter((i: { activityId: string }) => [late.id, later.id].includes(i.activityId));
    expect(mine.map((i: { activityId: string }) => i.activityId)).toEqual([late.id, later.id]);
    expect(mine[0]).toMatchObject({ task: '安排岗前培训', late: true });
    expectErrorCode(await (await t.login('company1')).gql(WQ), 'FORBIDDEN');
  });
});
