import { Client } from 'pg';
import pino from 'pino';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient, UPDATE_SETTINGS } from '../../../test/harness';
import { addRecord, ensureCompany, idFor, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { startRetentionJob } from './retention.job';
import { RetentionService } from './retention.service';

const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId } } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;
const LEAVES = `mutation ($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status } }`;
const GUARD = `query ($id: ID!) { guard(id: $id) { name idNumber phone relatives { name } } }`;
const COUNT = 'key value';
const OVERVIEW = `query ($range: DateRangeInput!) { overview(range: $range) {
  headline { activities guardsVetted guardsPassed guardsPending vettingPassRate trainingPassRate guardsOnDuty findingsOpen findingsTotal }
  vettingOutcomes { ${COUNT} } failureReasons { ${COUNT} } activitiesByStage { key parts { ${COUNT} } } trainingOutcomes { ${COUNT} }
  findingsByItem { key parts { ${COUNT} } } findingsByCompany { key parts { ${COUNT} } } ageProfile { ${COUNT} } } }`;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('retention of guards’ and relatives’ data (setting privacy.retentionDays)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let office: TestClient;
  let retention: RetentionService;
  let expired: string;
  let recent: string;
  const g: Record<'left' | 'active' | 'both' | 'recentLeft', { id: string; idNumber: string; name: string }> = {} as never;
  const relativeOfLeft = { relation: 'FATHER' as const, name: '保存期父', idNumber: idFor('1955-05-05') };
  const relativeOfActive = { relation: 'FATHER' as const, name: '在职者父', idNumber: idFor('1956-06-06') };
  const range = { from: daysAgo(800), to: daysAgo(-10) };

  const audits = () => t.sql(`SELECT actor_name, actor_id, action, summary, after FROM audit_log WHERE entity_type = 'PersonalDataRetention' ORDER BY id`);
  const hitsOf = async (activityId: string) =>
    (await t.sql(`SELECT count(*)::int AS n FROM vetting_hits h JOIN roster_entries re ON re.id = h.roster_entry_id WHERE re.activity_id = $1`, [activityId]))[0].n;
  const overview = async () => JSON.stringify(expectData(await office.gql(OVERVIEW, { range })).overview);
  const snapshot = () =>
    t.sql(`SELECT g.id, g.name, g.id_cipher, g.anonymised_at, (SELECT count(*) FROM guard_relatives r WHERE r.guard_id = g.id)::int AS relatives
             FROM guards g WHERE g.id = ANY($1) ORDER BY g.id`, [Object.values(g).map((x) => x.id)]);

  beforeAll(async () => {
    t = await createTestApp();
    const companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    [baoan, company, office] = await Promise.all([t.login('baoan'), t.login('company1'), t.login('office')]);
    const audit = new AuditService(t.ds);
    retention = new RetentionService(t.ds, audit, new SettingsService(t.ds, audit), t.clock);
    // The demo register has guards who left years ago: settle them first, so each run below counts only this test's people.
    await retention.purge();

    g.left = await makeGuard(t, companyId, { name: '将离职', relatives: [relativeOfLeft] });
    g.active = await makeGuard(t, companyId, { name: '仍在职', relatives: [relativeOfActive] });
    g.both = await makeGuard(t, companyId, { name: '两场都在', relatives: [{ relation: 'MOTHER', name: '两场母', idNumber: idFor('1957-07-07', true) }] });
    g.recentLeft = await makeGuard(t, companyId, { name: '刚离职', relatives: [{ relation: 'MOTHER', name: '刚离母', idNumber: idFor('1958-08-08', true) }] });
    await addRecord(t, g.left.idNumber, 'ADMIN_DETENTION');
    await addRecord(t, relativeOfActive.idNumber, 'ADMIN_DETENTION');
    await addRecord(t, relativeOfLeft.idNumber, 'ADMIN_DETENTION');

    // The expired activity: vetted (hits, notes), on-site record, then closed 400 days ago.
    expired = await makeActivity(t, { selectedCompanyId: companyId, guardsRequired: 1, name: '保存期已过的活动' });
    const { entries } = expectData(await company.gql(SUBMIT, { input: { activityId: expired, guardIds: [g.left.id, g.active.id, g.both.id, g.recentLeft.id] } })).submitRoster;
    const entryOf = (id: string) => entries.find((e: { guardId: string }) => e.guardId === id).id;
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entryOf(g.left.id), entryOf(g.active.id)], decision: 'PASSED', note: '记录已核实，不影响上岗' } }));
    expectData(await baoan.gql(DECIDE, { input: { entryIds: [entryOf(g.both.id), entryOf(g.recentLeft.id)], decision: 'PASSED', note: '无异常' } }));
    const [check] = await t.sql(
      `INSERT INTO inspections (id, activity_id, person_name, results, recorded_by, recorded_at) VALUES (gen_random_uuid(), $1, '场内陌生人', '{}', (SELECT id FROM users WHERE username = 'baoan'), now()) RETURNING id`,
      [expired],
    );
    // The findings of 未经审查人员上岗 as recordInspection writes them: naming the person found (corrected: no bar on the company).
    await t.sql(
      `INSERT INTO findings (inspection_id, activity_id, company_id, guard_id, item, serious, note, recorded_by, recorded_at, corrected_at, corrected_by, correction_note)
       SELECT $1, $2, $3, v.guard_id, 'UNVETTED_ON_DUTY', true, v.note, u.id, now(), now(), u.id, '已清退'
         FROM users u, (VALUES (NULL::uuid, '场内陌生人不在在岗名单中（未经审查或未经培训合格）；北门'),
                               ($4::uuid, '将离职不在在岗名单中（未经审查或未经培训合格）')) AS v(guard_id, note)
        WHERE u.username = 'baoan'`,
      [check.id, expired, companyId, g.left.id],
    );
    // The recent one: closed 10 days ago, with one of the same guards.
    recent = await makeActivity(t, { selectedCompanyId: companyId, guardsRequired: 1, name: '刚结项的活动', startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString() });
    // (The decision just made is reused: same person, within the window.)
    expectData(await company.gql(SUBMIT, { input: { activityId: recent, guardIds: [g.both.id] } }));
    await t.sql(`UPDATE activities SET status = 'CLOSED', starts_at = now() - interval '401 days', ends_at = now() - interval '400 days 20 hours',
                        closed_at = now() - interval '400 days' WHERE id = $1`, [expired]);
    await t.sql(`UPDATE activities SET status = 'CLOSED', starts_at = now() - interval '11 days', ends_at = now() - interval '10 days 20 hours',
                        closed_at = now() - interval '10 days' WHERE id = $1`, [recent]);
    for (const [who, date] of [[g.left, daysAgo(390)], [g.both, daysAgo(390)], [g.recentLeft, daysAgo(20)]] as const) {
      expectData(await company.gql(LEAVES, { id: who.id, date }));
    }
  });
  afterAll(() => t?.close());

  it('keeps everything while the period has not passed (retention 500 days: closed 400 days ago is kept)', async () => {
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'privacy.retentionDays', value: 500 }] }));
    const before = await snapshot();
    const hits = await hitsOf(expired);
    expect(hits).toBeGreaterThan(0);
    const counts = await retention.purge();
    expect(counts).toMatchObject({ retentionDays: 500, hits: 0, entriesCleared: 0, guardsAnonymised: 0, relatives: 0 });
    expect(await hitsOf(expired)).toBe(hits);
    expect(await snapshot()).toEqual(before);
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'privacy.retentionDays', value: 365 }] }));
  });

  it('after the period removes and anonymises exactly what it should, audited, with the overview unchanged', async () => {
    const figures = await overview();
    const recentHits = await hitsOf(recent);
    const auditsBefore = (await audits()).length;
    const certificateOf = async (id: string) => (await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [id]))[0].certificate_no as string;
    const [leftCertificate, activeCertificate] = [await certificateOf(g.left.id), await certificateOf(g.active.id)];
    const locked = async (no: string) => (await t.sql(`SELECT 1 FROM certificate_numbers WHERE certificate_no = $1`, [no])).length;
    expect([await locked(leftCertificate), await locked(activeCertificate)]).toEqual([1, 1]);
    // The 站内通知 about each activity (a notice names a guard beside a vetting outcome).
    const notices = async (activityId: string) => (await t.sql(`SELECT body FROM notifications WHERE activity_id = $1`, [activityId])).map((r: { body: string }) => r.body);
    await t.sql(`INSERT INTO notifications (unit_id, title, body, activity_id) SELECT unit_id, '审核结论变更', '名单中的将离职本人记录属条例第十七条情形', $1 FROM users WHERE username = 'company1'`, [expired]);
    await t.sql(`INSERT INTO notifications (unit_id, title, body, activity_id) SELECT unit_id, '背景审核', '新增两场都在，请审核', $1 FROM users WHERE username = 'baoan'`, [recent]);
    const expiredNotices = (await notices(expired)).length;
    expect(expiredNotices).toBeGreaterThan(0);
    const recentNotices = await notices(recent);
    const counts = await retention.purge();
    expect(counts).toMatchObject({ retentionDays: 365, activities: 1, entriesCleared: 4, onSiteCleared: 2, guardsAnonymised: 1, relatives: 1, notifications: expiredNotices });
    expect(await notices(expired)).toEqual([]);
    expect(await notices(recent)).toEqual(recentNotices);
    expect(counts!.hits).toBeGreaterThanOrEqual(2);

    // The expired activity: no record copies, no notes or reasons; decisions and categories stay.
    expect(await hitsOf(expired)).toBe(0);
    expect(await t.sql(`SELECT decision, reason_category, decision_note, suggestion_reason FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE'`, [expired]))
      .toEqual(Array(4).fill({ decision: 'PASSED', reason_category: 'CLEAR', decision_note: null, suggestion_reason: null }));
    expect(await t.sql(`SELECT person_name FROM inspections WHERE activity_id = $1`, [expired])).toEqual([{ person_name: '已匿名' }]);
    // ...and the findings that named the person found, the one off the register and the guard anonymised.
    expect((await t.sql(`SELECT note FROM findings WHERE activity_id = $1 ORDER BY note`, [expired])).map((r: { note: string }) => r.note).sort()).toEqual([
      '已匿名不在在岗名单中（未经审查或未经培训合格）',
      '已匿名不在在岗名单中（未经审查或未经培训合格）；北门',
    ]);
    // The recent activity: untouched.
    expect(await hitsOf(recent)).toBe(recentHits);
    expect((await t.sql(`SELECT decision_note FROM roster_entries WHERE activity_id = $1`, [recent]))[0].decision_note).toContain('沿用');

    // Guards: only the one who left long ago and is on no kept roster is anonymised; its relatives go.
    const rows = new Map((await snapshot()).map((r: { id: string }) => [r.id, r]));
    expect(rows.get(g.left.id)).toMatchObject({ name: '已匿名', id_cipher: null, anonymised_at: expect.any(Date), relatives: 0 });
    expect(rows.get(g.active.id)).toMatchObject({ name: '仍在职', anonymised_at: null, relatives: 1 });
    expect(rows.get(g.both.id)).toMatchObject({ name: '两场都在', anonymised_at: null, relatives: 1 });
    expect(rows.get(g.recentLeft.id)).toMatchObject({ name: '刚离职', anonymised_at: null, relatives: 1 });
    const [left] = await t.sql(`SELECT id_hash, phone, photo, certificate_no, relatives_statement, birth_date::text AS birth, sex FROM guards WHERE id = $1`, [g.left.id]);
    expect(left).toEqual({ id_hash: null, phone: null, photo: null, certificate_no: null, relatives_statement: null, birth: '1990-05-01', sex: 'MALE' });
    // 一证一人's lock row goes with the number; the number of a guard still on the register stays locked.
    expect([await locked(leftCertificate), await locked(activeCertificate)]).toEqual([0, 1]);
    expect(expectData(await baoan.gql(GUARD, { id: g.left.id })).guard).toEqual({ name: '已匿名', idNumber: '已匿名', phone: null, relatives: [] });

    // One audit entry by the system, with the counts and ids only.
    const entries = await audits();
    expect(entries).toHaveLength(auditsBefore + 1);
    const entry = entries[entries.length - 1];
    expect(entry).toMatchObject({ actor_name: '系统', actor_id: null, action: 'DELETE' });
    expect(entry.summary).toContain('匿名化离职保安员1人');
    expect(entry.after).toMatchObject({ guardsAnonymised: 1, relatives: 1, activityIds: [expired], guardIds: [g.left.id] });
    const text = JSON.stringify(entry);
    for (const secret of [g.left.idNumber, relativeOfLeft.idNumber, relativeOfLeft.name, g.left.name]) expect(text).not.toContain(secret);

    // The overview counts from its summary tables: the same figures as before.
    expect(await overview()).toBe(figures);
  });

  it('is idempotent: a second run changes nothing and says so', async () => {
    const before = await snapshot();
    const figures = await overview();
    const counts = await retention.purge();
    expect(counts).toMatchObject({ activities: 0, hits: 0, entriesCleared: 0, onSiteCleared: 0, guardsAnonymised: 0, relatives: 0, notifications: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await overview()).toBe(figures);
    expect((await audits()).at(-1).summary).toContain('匿名化离职保安员0人');
  });

  it('runs on one node at a time: while another holds the lock, a run does nothing and writes nothing', async () => {
    const other = new Client({ connectionString: (t.ds.options as { url: string }).url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(7700300)');
      const n = (await audits()).length;
      expect(await retention.purge()).toBeNull();
      expect(await audits()).toHaveLength(n);
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });

  it('the scheduled job runs the purge, and skips when any node ran it within the interval', async () => {
    const logger = pino({ level: 'silent' });
    const ran = (delayMs: number) =>
      new Promise<boolean>((resolve) => {
        const job = startRetentionJob(retention, 24 * 60, logger, {
          firstRunDelayMs: delayMs,
          onRun: (didRun) => {
            job.stop();
            resolve(didRun);
          },
        });
      });
    // The last run (previous test) was just now: within the interval, skipped.
    const n = (await audits()).length;
    expect(await ran(5)).toBe(false);
    expect(await audits()).toHaveLength(n);
    // An interval ago: due.
    const fresh = await createTestApp();
    try {
      const audit = new AuditService(fresh.ds);
      const other = new RetentionService(fresh.ds, audit, new SettingsService(fresh.ds, audit), fresh.clock);
      const done = await new Promise<boolean>((resolve) => {
        const job = startRetentionJob(other, 24 * 60, logger, { firstRunDelayMs: 5, onRun: (didRun) => (job.stop(), resolve(didRun)) });
      });
      expect(done).toBe(true);
      expect(await fresh.sql(`SELECT actor_name FROM audit_log WHERE entity_type = 'PersonalDataRetention'`)).toEqual([{ actor_name: '系统' }]);
    } finally {
      await fresh.close();
    }
  });

  it('validates the setting: a number of days in range, never shorter than the reuse window of vetting decisions', async () => {
    const short = expectErrorCode(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'privacy.retentionDays', value: 100 }] }), 'BAD_USER_INPUT');
    expect(short.extensions!.fields).toEqual([{ field: 'changes.0.value', message: '个人信息保存期不能短于审查结果复用期' }]);
    const tiny = expectErrorCode(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'privacy.retentionDays', value: 10 }] }), 'BAD_USER_INPUT');
    expect(tiny.message).toContain('30 到 3650');
    // Lowering the window first makes a shorter period acceptable.
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'vetting.reuseWindowDays', value: 90 }, { key: 'privacy.retentionDays', value: 100 }] }));
    expectErrorCode(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'vetting.reuseWindowDays', value: 120 }] }), 'BAD_USER_INPUT');
    expectErrorCode(await company.gql(UPDATE_SETTINGS, { changes: [{ key: 'privacy.retentionDays', value: 400 }] }), 'FORBIDDEN');
  });

  it("runs as of the server's clock, as every other date rule: a year later the recent activity has expired too", async () => {
    const notes = async () => (await t.sql(`SELECT decision_note FROM roster_entries WHERE activity_id = $1`, [recent])).map((r: { decision_note: string | null }) => r.decision_note);
    expect((await notes())[0]).toContain('沿用');
    t.clock.set(new Date(Date.now() + 400 * 86_400_000));
    try {
      const counts = await retention.purge();
      expect(counts!.cutoff.getTime()).toBe(t.clock.now().getTime() - counts!.retentionDays * 86_400_000);
      // (the demo's closed activities expire with it)
      expect((await audits()).at(-1).after.activityIds).toContain(recent);
      expect(await notes()).toEqual([null]);
      expect(await t.sql(`SELECT 1 FROM notifications WHERE activity_id = $1`, [recent])).toEqual([]);
    } finally {
      t.clock.reset();
    }
  });
});
