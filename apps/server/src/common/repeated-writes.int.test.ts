import { addDays, todayCN } from './calendar';
import { encryptPii, idHash } from './pii';
import { createTestApp, GqlResult, TestApp, TestClient } from '../../test/harness';
import { unquotedCandidate } from '../../test/activity-fixtures';
import { idFor, unitOf } from '../../test/vetting-fixtures';
import { createActivityWithRoster, createCompanyWithGuards } from '../../test/onsite-fixtures';

/**
 * Double clicks, retries and two officers at once: where a rule says "one", a database constraint
 * holds it, and every request but the first gets a clean CONFLICT (never a 500, never a second row).
 */

const REVOKE = /* GraphQL */ `mutation ($idNumber: String!, $date: String!, $reason: String!) {
  recordCertificateRevocation(idNumber: $idNumber, date: $date, reason: $reason) { id } }`;
const CREATE_USER = /* GraphQL */ `mutation ($input: CreateUserInput!) { createUser(input: $input) { id username } }`;
const SCHEDULE = /* GraphQL */ `mutation ($activityId: ID!, $input: ScheduleTrainingInput!) { scheduleTraining(activityId: $activityId, input: $input) { id } }`;
const RELATIVES = /* GraphQL */ `mutation ($guardId: ID!, $relatives: [RelativeInput!]!) { setGuardRelatives(guardId: $guardId, relatives: $relatives) { id } }`;
const QUOTE = /* GraphQL */ `mutation ($id: ID!, $c: ID!, $amount: Float!, $note: String) {
  submitQuote(activityId: $id, companyId: $c, amount: $amount, note: $note) { companyId quote } }`;
const RECORD = /* GraphQL */ `mutation ($sessionId: ID!, $results: [TrainingResultInput!]!) {
  recordTrainingResults(sessionId: $sessionId, results: $results) { id } }`;
const SUBMIT = /* GraphQL */ `mutation ($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id } } }`;

/** Sends the same request `n` times at once. */
function burst(n: number, send: () => Promise<GqlResult>): Promise<GqlResult[]> {
  return Promise.all(Array.from({ length: n }, send));
}

function outcomes(results: GqlResult[]) {
  const codes = results.map((r) => (r.errors?.length ? String(r.errors[0].extensions?.code) : 'OK'));
  return { ok: codes.filter((c) => c === 'OK').length, conflicts: codes.filter((c) => c === 'CONFLICT').length, other: codes.filter((c) => c !== 'OK' && c !== 'CONFLICT') };
}

describe('repeated writes', () => {
  let t: TestApp;
  let baoan: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
  });
  afterAll(() => t?.close());

  it('stores one revocation when the same one is recorded 10 times at once', async () => {
    const idNumber = idFor('1990-04-04');
    const date = addDays(todayCN(), -30);
    const results = await burst(10, () => baoan.gql(REVOKE, { idNumber, date, reason: '重复提交测试' }));
    expect(outcomes(results)).toEqual({ ok: 1, conflicts: 9, other: [] });
    const conflict = results.find((r) => r.errors)!.errors![0];
    expect(conflict.message).toBe(`该人员${date}的吊销记录已存在`);
    const rows = await t.sql(`SELECT id FROM certificate_revocations WHERE id_hash = $1`, [idHash(idNumber)]);
    expect(rows).toHaveLength(1);
  });

  it('holds the revocation rule in the database itself', async () => {
    const idNumber = idFor('1991-05-05');
    // Two ciphertexts of the same ID number differ (random IV); the keyed hash is what is unique.
    const row = (reason: string) => [encryptPii(idNumber), idHash(idNumber), reason];
    await t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, '2024-01-01', $3)`, row('x'));
    await expect(t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, '2024-01-01', $3)`, row('y')))
      .rejects.toMatchObject({ code: '23505' });
  });

  it('creates one account when the same username is submitted 10 times at once; the rest get CONFLICT naming the field', async () => {
    const admin = await t.login('admin');
    const input = { username: 'burst_user', displayName: '并发测试', role: 'SECURITY_DETACHMENT', unitId: await unitOf(t, 'baoan'), initialPassword: 'Start2026a' };
    const results = await burst(10, () => admin.gql(CREATE_USER, { input }));
    const o = outcomes(results);
    expect(o).toEqual({ ok: 1, conflicts: 9, other: [] });
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0].message).toMatch(/用户名.*已被使用/);
    expect(await t.sql(`SELECT id FROM users WHERE username = 'burst_user'`)).toHaveLength(1);
  });

  it('schedules one training session when the same one is submitted 5 times at once', async () => {
    const companyId = await createCompanyWithGuards(t, '并发培训保安服务有限公司', 4, { username: 'burst_co' });
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 2, cleared: 2, failed: 0 });
    const input = { startsAt: new Date(Math.ceil((Date.now() + 3600_000) / 60_000) * 60_000).toISOString(), place: '培训中心', instructor: '王教官', topics: ['LAWS'], periods: 2 };
    const results = await burst(5, () => baoan.gql(SCHEDULE, { activityId: a.id, input }));
    expect(outcomes(results)).toEqual({ ok: 1, conflicts: 4, other: [] });
    expect(await t.sql(`SELECT id FROM training_sessions WHERE activity_id = $1`, [a.id])).toHaveLength(1);
  });

  it('keeps one set of relatives when the same list is saved 5 times at once', async () => {
    const company = await t.login('company1');
    const [guard] = await t.sql(`SELECT id FROM guards WHERE company_id = $1 AND status = 'ACTIVE' LIMIT 1`, [await unitOf(t, 'company1')]);
    const relatives = [
      { name: '张父', relation: 'FATHER', idNumber: idFor('1960-01-01') },
      { name: '张母', relation: 'MOTHER', idNumber: idFor('1962-02-02', true) },
    ];
    const results = await burst(5, () => company.gql(RELATIVES, { guardId: guard.id, relatives }));
    expect(outcomes(results).other).toEqual([]);
    const rows = await t.sql(`SELECT relation FROM guard_relatives WHERE guard_id = $1 ORDER BY relation`, [guard.id]);
    expect(rows.map((r) => r.relation)).toEqual(['FATHER', 'MOTHER']);
  });

  it('stores one quote and one audit entry when the same quote is submitted 40 times at once; a change is one more', async () => {
    const c = await unquotedCandidate(t);
    const organizer = await t.login(c.username);
    const entries = () => t.sql(`SELECT summary FROM audit_log WHERE entity_type = 'Candidate' AND entity_id = $1 ORDER BY id`, [c.id]);
    const quoted = () => t.sql(`SELECT quote, quote_note, quoted_at FROM activity_candidates WHERE activity_id = $1 AND company_id = $2`, [c.id, c.company_id]);
    const send = (amount: number, note: string) => organizer.gql(QUOTE, { id: c.id, c: c.company_id, amount, note });

    expect(outcomes(await burst(40, () => send(86000.5, '含夜间加班'))).ok).toBe(40);
    expect(await entries()).toHaveLength(1);
    const [first] = await quoted();
    expect(first).toMatchObject({ quote: '86000.50', quote_note: '含夜间加班' });

    // Sent again later, the note with surrounding spaces (stored trimmed): still nothing new.
    expect(outcomes([await send(86000.5, ' 含夜间加班 ')]).ok).toBe(1);
    expect(await entries()).toHaveLength(1);
    expect(await quoted()).toEqual([first]);

    expect(outcomes([await send(86000.5, '含夜间加班及餐费')]).ok).toBe(1);
    expect(await entries()).toHaveLength(2);
  });

  it('puts a guard on the roster once when the same submission is sent 40 times at once; the rest get CONFLICT naming the guard', async () => {
    const companyId = await createCompanyWithGuards(t, '重复上报保安服务有限公司', 2, { username: 'burst_roster_co' });
    const a = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 5, cleared: 1 });
    const [free] = await t.sql(
      `SELECT id FROM guards WHERE company_id = $1 AND NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.guard_id = guards.id)`,
      [companyId],
    );
    const company = await t.login('burst_roster_co');
    const results = await burst(40, () => company.gql(SUBMIT, { input: { activityId: a.id, guardIds: [free.id] } }));
    expect(outcomes(results)).toEqual({ ok: 1, conflicts: 39, other: [] });
    expect(results.find((r) => r.errors)!.errors![0].extensions?.fields).toEqual([{ field: 'guardIds.0', message: expect.stringContaining('已在名单中') }]);
    expect(await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND guard_id = $2`, [a.id, free.id])).toHaveLength(1);
  });

  it('records training results once, with one audit entry, when the same results are sent 40 times at once', async () => {
    const companyId = await createCompanyWithGuards(t, '重复登记保安服务有限公司', 3, { username: 'repeat_co' });
    // More guards required than cleared: the activity stays in TRAINING whatever the results.
    const a = await createActivityWithRoster(t, { status: 'TRAINING', companyId, guardsRequired: 5, cleared: 2, failed: 0 });
    const [{ id: baoanId }] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
    const [session] = await t.sql(
      `INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, created_by)
       VALUES ($1, now() - interval '4 hours', '市公安局培训中心', '王教官', '{LAWS,DUTY_SKILLS,EMERGENCY}', 4, $2) RETURNING id`,
      [a.id, baoanId],
    );
    await t.sql(`INSERT INTO training_attendance (session_id, roster_entry_id) SELECT $1, unnest($2::uuid[])`, [session.id, a.cleared.map((e) => e.entryId)]);
    const scores = (laws: number) => [{ topic: 'LAWS', score: laws }, { topic: 'DUTY_SKILLS', score: 80 }, { topic: 'EMERGENCY', score: 75.5 }];
    const results = [
      { rosterEntryId: a.cleared[0].entryId, attended: true, scores: scores(90) },
      { rosterEntryId: a.cleared[1].entryId, attended: false, scores: [] },
    ];
    const entries = () => t.sql(`SELECT summary FROM audit_log WHERE entity_type = 'TrainingSession' AND entity_id = $1 ORDER BY id`, [session.id]);
    const stored = () => t.sql(
      `SELECT roster_entry_id, attended, passed, scores, recorded_at FROM training_attendance WHERE session_id = $1 ORDER BY roster_entry_id`,
      [session.id],
    );

    expect(outcomes(await burst(40, () => baoan.gql(RECORD, { sessionId: session.id, results }))).ok).toBe(40);
    expect((await entries()).map((e) => e.summary)).toEqual([expect.stringContaining('登记培训结果')]);
    const first = await stored();
    expect(first.map((r) => [r.attended, r.passed])).toEqual(
      a.cleared.map((e) => e.entryId).sort().map((id) => (id === a.cleared[0].entryId ? [true, true] : [false, false])),
    );

    // The same results in another order: nothing written, no second entry.
    expect(outcomes([await baoan.gql(RECORD, { sessionId: session.id, results: [...results].reverse() })]).ok).toBe(1);
    expect(await entries()).toHaveLength(1);
    expect(await stored()).toEqual(first);

    // One corrected score: that row alone is written, with one more entry.
    const corrected = [{ ...results[0], scores: scores(55) }, results[1]];
    expect(outcomes([await baoan.gql(RECORD, { sessionId: session.id, results: corrected })]).ok).toBe(1);
    const after = await entries();
    expect(after).toHaveLength(2);
    expect(after[1].summary).toContain('1人');
    const now = await stored();
    const unchangedRow = (rows: typeof first) => rows.find((r) => r.roster_entry_id === a.cleared[1].entryId);
    expect(unchangedRow(now)).toEqual(unchangedRow(first));
  });
});
