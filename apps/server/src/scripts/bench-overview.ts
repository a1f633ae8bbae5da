/**
 * Benchmark of the `overview` query (goal p95 < 100 ms) and of `candidateSuggestions` (goal p95 < 200 ms)
 * on SPEC §8's city-scale data: 300 companies, 100,000 guards, 250,000 relatives, 1,000,000 record
 * entries, 5,000 activities with rosters, training and findings.
 *
 *   npm run bench:overview                  (a throwaway embedded PostgreSQL in a temp folder)
 *   DATABASE_URL=postgres://… npm run bench:overview   (a throwaway database on that server)
 *   BENCH_RUNS=300 …                         (timed runs per case, default 200)
 *   BENCH_KEEP=1 DATABASE_URL=…               (keep the generated database `evs_bench` and reuse it next time)
 *
 * It generates the data with INSERT … SELECT generate_series, starts the real server, logs in as
 * 领导小组办公室 (overview) and 治安支队保安管理大队 (suggestions), times each GraphQL query over HTTP,
 * then times the same SQL run directly on the DataSource, and prints p50/p95 of both and their ratio.
 * Exits non-zero when a p95 goal is missed. Request logs are silenced (LOG_LEVEL=info shows them).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startApp } from '../app';
import { loadConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded';
import { seedIfEmpty } from '../database/seed';
import { DEMO_PASSWORD } from '../database/seed/demo-accounts';
import { SESSION_COOKIE } from '../modules/auth/auth.service';
import { OverviewService } from '../modules/dashboard/overview.service';
import { Period } from '../modules/dashboard/overview.sql';
import { SettingsService } from '../modules/settings/settings.service';
import { AuditService } from '../modules/audit/audit.service';
import { InAppChannel, NotificationsService } from '../modules/notifications/notifications.service';
import { SupervisionService } from '../modules/supervision/supervision.service';
import { localDate } from '../common/calendar';
import { systemClock } from '../common/clock';
import { logger } from '../common/logger';
import { ActivityEntity } from '../modules/activities/activity.entity';
import { computeSuggestions } from '../modules/recommendation/recommendation.service';
import { insertEncrypted, useBenchPiiKeys } from './bench-pii';

const GOAL_P95_MS = 100;
const GOAL_SUGGESTIONS_P95_MS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;

const OVERVIEW = `query ($range: DateRangeInput!, $district: District) {
  overview(range: $range, district: $district) {
    headline { activities activitiesOpen activitiesLate activitiesFewCandidates companiesQualified companiesTotal guardsVetted guardsPassed guardsPending vettingPassRate trainingPassRate guardsOnDuty findingsOpen findingsTotal }
    companiesByDistrict { key label parts { key label value kind filter { from to district qualified } } }
    vettingOutcomes { key label value kind filter { decision } }
    failureReasons { key label value kind filter { decision reasonCategory } }
    activitiesByStage { key label parts { key label value kind filter { status late } } }
    lateByStage { key label value }
    fewCandidates { value }
    trainingOutcomes { key label value }
    findingsByItem { key label parts { key value } }
    findingsByCompany { key label parts { key value filter { companyId open } } }
    ageProfile { key label value }
  }
}`;

const SUGGESTIONS = `query ($id: ID!) {
  candidateSuggestions(activityId: $id) {
    guardsNeeded qualifiedCount minAge maxAge
    weights { key label weight share rule }
    items {
      companyId companyName qualified rank score eligibleGuards guardsNeeded recommended
      parts { key label weight raw measure normalized points }
      exclusions { code message }
    }
  }
}`;

/** The generated city: every statement is one INSERT … SELECT over generate_series. */
const GENERATE: [string, string | ((c: Client) => Promise<unknown>)][] = [
  ['companies (300)', `
    CREATE TEMP TABLE bc AS
      SELECT i, gen_random_uuid() AS id, (enum_range(NULL::district))[1 + i % 6] AS district FROM generate_series(1, 300) i;
    INSERT INTO units (id, name, kind, district) SELECT id, '压测保安服务公司' || i, 'COMPANY', district FROM bc;
    INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district, contact_name, contact_phone, status)
      SELECT id, '压测保安服务公司' || i, 'BENCH' || lpad(i::text, 13, '0'), '辽公保服' || i, current_date + (i % 50 - 5) * 30,
             2000000, '盘锦市', district, '联系人', '13800000000',
             (CASE WHEN i % 37 = 0 THEN 'SUSPENDED' WHEN i % 53 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END)::company_status
        FROM bc;`],
  // ID numbers and relatives' names are generated into session temp tables and stored as the app
  // stores them: encrypted and hashed in JS batches (bench-pii.ts).
  ['guards (100,000)', async (c) => {
    await c.query(`
      CREATE TEMP TABLE tg AS
        SELECT g::int AS k, bc.id AS company_id, '保安员' || g AS name, '2111' || lpad(g::text, 14, '0') AS id_number,
               date '1966-01-01' + (g * 7919 % 15000) AS birth_date, (CASE WHEN g % 9 = 0 THEN 'FEMALE' ELSE 'MALE' END)::sex AS sex,
               CASE WHEN g % 50 = 0 THEN NULL ELSE 'BA' || g END AS certificate_no, date '2015-01-01' + g % 3000 AS issued,
               (CASE WHEN g % 40 = 0 THEN 'LEFT' ELSE 'ACTIVE' END)::guard_status AS status
          FROM generate_series(1, 100000) g JOIN bc ON bc.i = 1 + g % 300`);
    await insertEncrypted(c, 'tg', ['idCipher', 'idHash'], `
      INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, education, certificate_no, certificate_issued_on, status)
        SELECT t.company_id, t.name, v.c, v.h, t.birth_date, t.sex, 'SENIOR_MIDDLE', t.certificate_no, t.issued, t.status
          FROM tg t JOIN unnest($1::int[], $2::text[], $3::bytea[]) AS v(k, c, h) ON t.k = v.k`);
    await c.query(`
      CREATE TEMP TABLE bg AS
        SELECT row_number() OVER (ORDER BY t.k) AS i, row_number() OVER (PARTITION BY t.company_id ORDER BY t.k) AS k, g.id, g.company_id
          FROM tg t JOIN guards g ON g.name = t.name;
      CREATE INDEX ON bg (i); CREATE INDEX ON bg (company_id, k); ANALYZE bg;`);
  }],
  ['relatives (250,000)', async (c) => {
    await c.query(`
      CREATE TEMP TABLE tr AS
        SELECT r::int AS k, bg.id AS guard_id, '亲属' || r AS pname, (enum_range(NULL::relative_relation))[1 + r % 4] AS relation,
               '2112' || lpad(r::text, 14, '0') AS id_number
          FROM generate_series(1, 250000) r JOIN bg ON bg.i = 1 + r % 100000`);
    await insertEncrypted(c, 'tr', ['idCipher', 'idHash', 'nameCipher', 'nameHash'], `
      INSERT INTO guard_relatives (guard_id, name_cipher, name_hash, relation, id_cipher, id_hash)
        SELECT t.guard_id, v.nc, v.nh, t.relation, v.c, v.h
          FROM tr t JOIN unnest($1::int[], $2::text[], $3::bytea[], $4::text[], $5::bytea[]) AS v(k, c, h, nc, nh) ON t.k = v.k`);
  }],
  ['record entries (1,000,000)', async (c) => {
    await c.query(`
      CREATE TEMP TABLE trc AS
        SELECT r::int AS k,
               CASE WHEN r % 500 = 0 THEN '2111' || lpad(((r / 500) % 100000 + 1)::text, 14, '0')
                    WHEN r % 333 = 0 THEN '2112' || lpad(((r / 333) % 250000 + 1)::text, 14, '0')
                    ELSE '2113' || lpad(r::text, 14, '0') END AS id_number,
               '记录' || r AS pname, (enum_range(NULL::record_category))[1 + r % 5] AS category, date '2000-01-01' + r % 9000 AS occurred_on
          FROM generate_series(1, 1000000) r`);
    await insertEncrypted(c, 'trc', ['idCipher', 'idHash', 'nameCipher'], `
      INSERT INTO criminal_records (id_cipher, id_hash, name_cipher, category, occurred_on, source, severity)
        SELECT v.c, v.h, v.nc, t.category, t.occurred_on, 'BENCH', '一般'
          FROM trc t JOIN unnest($1::int[], $2::text[], $3::bytea[], $4::text[]) AS v(k, c, h, nc) ON t.k = v.k
        ON CONFLICT DO NOTHING`);
  }],
  ['activities (5,000 over three years)', `
    CREATE TEMP TABLE ba AS
      SELECT a, gen_random_uuid() AS id, (date_trunc('year', now()) - interval '1 year') + make_interval(mins => a * 315) AS starts_at,
             (enum_range(NULL::district))[1 + a % 6] AS district, 20 + a % 60 AS guards_required
        FROM generate_series(1, 5000) a;
    ALTER TABLE ba ADD COLUMN d int, ADD COLUMN status activity_status, ADD COLUMN company uuid;
    UPDATE ba SET d = extract(day FROM starts_at - now())::int + (a % 7 - 3);
    UPDATE ba SET status = (CASE
        WHEN a % 97 = 0 THEN 'DRAFT' WHEN a % 29 = 0 THEN 'CANCELLED'
        WHEN d < -1 THEN 'CLOSED' WHEN d <= 0 THEN 'IN_PROGRESS' WHEN d <= 3 THEN 'READY' WHEN d <= 6 THEN 'TRAINING'
        WHEN d <= 15 THEN 'VETTING' WHEN d <= 25 THEN 'COMPANY_SELECTED' WHEN d <= 40 THEN 'CANDIDATES_RECOMMENDED'
        WHEN d <= 60 THEN 'APPROVED' ELSE 'REPORTED' END)::activity_status;
    UPDATE ba SET company = bc.id FROM bc WHERE bc.i = 1 + ba.a % 300
       AND ba.status IN ('COMPANY_SELECTED', 'VETTING', 'TRAINING', 'READY', 'IN_PROGRESS', 'CLOSED');
    INSERT INTO activities (id, code, name, type, organizer_name, venue, address, district, starts_at, ends_at, applied_on,
                            expected_attendance, guards_required, security_mode, contact_name, contact_phone, status,
                            reporter_unit_id, created_by, recommendation_justification, selected_company_id)
      SELECT id, 'BENCH-' || a, '压测活动' || a, '演出', '主办单位' || a % 200, '场馆' || a % 50, '盘锦市', district, starts_at,
             starts_at + interval '5 hours', (starts_at - interval '30 days')::date, 1000 + a % 20 * 500, guards_required,
             'SERVICE_COMPANY', '联系人', '13800000000', status, gen_random_uuid(), gen_random_uuid(),
             CASE WHEN a % 17 = 0 AND status NOT IN ('REPORTED', 'APPROVED', 'DRAFT') THEN '符合条件的公司不足3家' END, company
        FROM ba;
    INSERT INTO activity_candidates (activity_id, company_id, rank, score, score_parts, recommended_by)
      SELECT ba.id, bc.id, k, 90 - k * 5, '{}', gen_random_uuid()
        FROM ba CROSS JOIN generate_series(1, 3) k JOIN bc ON bc.i = 1 + (ba.a + k * 7) % 300
       WHERE ba.status NOT IN ('DRAFT', 'REPORTED', 'APPROVED', 'CANCELLED');`],
  ['rosters (≈ 1.1 × guards required per activity)', `
    INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, reason_category, state, decided_at)
      SELECT ba.id, bg.id, ba.company,
             (CASE WHEN ba.status = 'VETTING' AND bg.k % 3 = 0 THEN 'PENDING' WHEN bg.k % 19 = 0 THEN 'FAILED' ELSE 'PASSED' END)::vetting_decision,
             (CASE WHEN ba.status = 'VETTING' AND bg.k % 3 = 0 THEN NULL WHEN bg.k % 19 = 0 THEN
                (ARRAY['OWN_RECORD', 'RELATIVE_RECORD', 'PRE_CHECK', 'OTHER'])[1 + bg.k % 4] ELSE 'CLEAR' END)::vetting_reason_category,
             CASE WHEN bg.k % 19 = 0 AND ba.status <> 'VETTING' THEN 'REMOVED' ELSE 'ACTIVE' END,
             ba.starts_at - interval '6 days'
        FROM ba JOIN bg ON bg.company_id = ba.company AND bg.k > ba.a % 200 AND bg.k <= ba.a % 200 + ba.guards_required * 11 / 10
       WHERE ba.status IN ('VETTING', 'TRAINING', 'READY', 'IN_PROGRESS', 'CLOSED');`],
  ['training (one session per activity, attendance of the cleared)', `
    INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, created_by)
      SELECT id, starts_at - interval '3 days', '支队培训室', '教官', '{LAWS,DUTY_SKILLS,EMERGENCY}', 4, gen_random_uuid()
        FROM ba WHERE status IN ('TRAINING', 'READY', 'IN_PROGRESS', 'CLOSED');
    INSERT INTO training_attendance (session_id, roster_entry_id, attended, passed)
      SELECT s.id, r.id,
             CASE WHEN a.status = 'TRAINING' AND hashtext(r.id::text) % 4 = 0 THEN NULL WHEN hashtext(r.id::text) % 41 = 0 THEN false ELSE true END,
             CASE WHEN a.status = 'TRAINING' AND hashtext(r.id::text) % 4 = 0 THEN NULL WHEN hashtext(r.id::text) % 41 = 0 THEN NULL
                  WHEN hashtext(r.id::text) % 23 = 0 THEN false ELSE true END
        FROM training_sessions s JOIN activities a ON a.id = s.activity_id
        JOIN roster_entries r ON r.activity_id = s.activity_id AND r.state = 'ACTIVE' AND r.decision = 'PASSED'
       WHERE a.code LIKE 'BENCH-%';`],
  ['findings (≈ 6 per activity on site)', `
    INSERT INTO findings (inspection_id, activity_id, company_id, guard_id, item, serious, recorded_by, recorded_at, corrected_at, note)
      SELECT gen_random_uuid(), ba.id, ba.company, NULL, (enum_range(NULL::inspection_item))[1 + (ba.a + k) % 6],
             (ba.a + k) % 6 >= 4, gen_random_uuid(), ba.starts_at + interval '1 hour',
             CASE WHEN (ba.a + k) % 5 = 0 THEN NULL ELSE ba.starts_at + interval '2 hours' END, '压测'
        FROM ba CROSS JOIN generate_series(1, 6) k WHERE ba.status IN ('IN_PROGRESS', 'CLOSED');`],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; mean: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}

type Timing = Awaited<ReturnType<typeof time>>;

/** One line of the result table; a Chinese character takes two columns of the terminal. */
function row(name: string, gql: Timing, sql: Timing): string {
  const width = [...name].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const cells = [
    `${gql.p50.toFixed(1).padStart(8)} / ${gql.p95.toFixed(1).padStart(8)}  `,
    `${sql.p50.toFixed(1).padStart(7)} / ${sql.p95.toFixed(1).padStart(7)} `,
    `${(gql.p50 / sql.p50).toFixed(2)} / ${(gql.p95 / sql.p95).toFixed(2)}`,
  ];
  return `${name}${' '.repeat(Math.max(1, 38 - width))}| ${cells.join(' | ')}`;
}

async function loginAs(url: string, username: string): Promise<string> {
  const login = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: LoginInput!) { login(input: $input) { id } }',
      variables: { input: { username, password: DEMO_PASSWORD } },
    }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`login as ${username} failed: ${await login.text()}`);
  return cookie;
}

async function main() {
  logger.level = process.env.LOG_LEVEL ?? 'warn';
  const log = (m: string) => console.log(m);
  useBenchPiiKeys();
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let tmp: string | undefined;
  if (!adminUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evs-bench-'));
    fs.chmodSync(tmp, 0o755);
    const pg = await startEmbeddedPostgres({ clusterDir: path.join(tmp, 'pg'), persistent: false, database: 'postgres' });
    adminUrl = pg.url;
    stopEmbedded = pg.stop;
    log(`embedded PostgreSQL in ${tmp}`);
  }
  const keep = process.env.BENCH_KEEP === '1' && !!process.env.DATABASE_URL;
  const dbName = keep ? 'evs_bench' : `evs_bench_${process.pid}`;
  const dbUrl = (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount === 1;
  const reuse = keep && exists;
  if (!reuse) await admin.query(`CREATE DATABASE "${dbName}"`);
  let ds: DataSource | undefined;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let failed = false;
  try {
    ds = createDataSource(dbUrl, { poolSize: 20, statementTimeoutMs: 0 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await seedIfEmpty(ds, { demo: true, adminPassword: DEMO_PASSWORD });

    const gen = new Client({ connectionString: dbUrl });
    await gen.connect();
    const started = performance.now();
    for (const [what, step] of reuse ? [] : GENERATE) {
      const t0 = performance.now();
      await (typeof step === 'string' ? gen.query(step) : step(gen));
      log(`  generated ${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await gen.query('VACUUM ANALYZE');
    const counts = (
      await gen.query(`SELECT (SELECT count(*) FROM companies) AS companies, (SELECT count(*) FROM guards) AS guards,
        (SELECT count(*) FROM guard_relatives) AS relatives, (SELECT count(*) FROM criminal_records) AS records,
        (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM roster_entries) AS roster_entries,
        (SELECT count(*) FROM training_attendance) AS attendance, (SELECT count(*) FROM findings) AS findings`)
    ).rows[0];
    await gen.end();
    log(`data ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    const config = { ...loadConfig(), databaseUrl: dbUrl, host: '127.0.0.1', seedDemo: false, privacyPurgeIntervalMinutes: 0 };
    app = await startApp(ds, config, 0);
    const url = app.url.replace('localhost', '127.0.0.1');
    const cookie = await loginAs(url, 'office');

    const year = Number(localDate(new Date()).slice(0, 4));
    const cases: { name: string; from: string; to: string; district: string | null }[] = [
      { name: `全市 ${year} 年`, from: `${year}-01-01`, to: `${year}-12-31`, district: null },
      { name: `兴隆台 ${year} 年`, from: `${year}-01-01`, to: `${year}-12-31`, district: 'XINGLONGTAI' },
      { name: '全市 三年（全部 5,000 项活动）', from: `${year - 1}-01-01`, to: `${year + 1}-12-31`, district: null },
    ];
    const audit = new AuditService(ds);
    const settings = new SettingsService(ds, audit);
    const supervision = new SupervisionService(ds, audit, new NotificationsService(ds, audit, [new InAppChannel()]), settings, systemClock);
    const overview = new OverviewService(ds, settings, supervision, systemClock);
    const deadlines = await overview.deadlines();
    log(`\nruns per case: ${RUNS} (after ${WARMUP} warm-up runs); goal: GraphQL p95 < ${GOAL_P95_MS} ms\n`);
    log('case                                  | GraphQL p50 / p95 (ms) | SQL p50 / p95 (ms) | ratio p50 / p95');
    log('--------------------------------------|------------------------|--------------------|----------------');
    for (const c of cases) {
      const body = JSON.stringify({ query: OVERVIEW, variables: { range: { from: c.from, to: c.to }, district: c.district } });
      const first = (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body })).json()) as { data: { overview: { headline: Record<string, number> } }; errors?: unknown };
      if (first.errors) throw new Error(JSON.stringify(first.errors));
      const gql = await time(RUNS, async () => {
        const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
        await res.text();
      });
      const period: Period = { from: c.from, to: c.to, district: c.district as Period['district'] };
      const sql = await time(RUNS, () => Promise.all([overview.figures(period, deadlines), supervision.punctuality(period)]));
      const h = first.data.overview.headline;
      log(
        row(c.name, gql, sql),
      );
      log(`    (${h.activities} activities, ${h.guardsVetted} vetted, ${h.guardsOnDuty} on duty, ${h.findingsTotal} findings)`);
      if (gql.p95 >= GOAL_P95_MS) failed = true;
    }
    log(failed ? `\nFAILED: a GraphQL p95 is ${GOAL_P95_MS} ms or more` : `\nOK: every GraphQL p95 under ${GOAL_P95_MS} ms`);

    // candidateSuggestions for an approved activity that needs the most guards (every company ranked).
    const [target] = await ds.query(
      `SELECT id, code, guards_required FROM activities WHERE code LIKE 'BENCH-%' AND status = 'APPROVED'
        ORDER BY guards_required DESC, code LIMIT 1`,
    );
    const baoanCookie = await loginAs(url, 'baoan');
    const body = JSON.stringify({ query: SUGGESTIONS, variables: { id: target.id } });
    const first = (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: baoanCookie }, body })).json()) as {
      data: { candidateSuggestions: { qualifiedCount: number; guardsNeeded: number; items: unknown[] } };
      errors?: unknown;
    };
    if (first.errors) throw new Error(JSON.stringify(first.errors));
    const gql = await time(RUNS, async () => {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: baoanCookie }, body });
      await res.text();
    });
    const entity = await ds.getRepository(ActivityEntity).findOneByOrFail({ id: target.id });
    const sql = await time(RUNS, async () => computeSuggestions(ds!.manager, entity, await settings.all()));
    const sg = first.data.candidateSuggestions;
    log(`\ncandidateSuggestions — goal: GraphQL p95 < ${GOAL_SUGGESTIONS_P95_MS} ms\n`);
    log('case                                  | GraphQL p50 / p95 (ms) | SQL p50 / p95 (ms) | ratio p50 / p95');
    log('--------------------------------------|------------------------|--------------------|----------------');
    const name = `${target.code}（需 ${target.guards_required} 人）`;
    log(
      row(name, gql, sql),
    );
    log(`    (${sg.items.length} companies ranked, ${sg.qualifiedCount} qualified, ${sg.guardsNeeded} guards needed with margin)`);
    const suggestionsFailed = gql.p95 >= GOAL_SUGGESTIONS_P95_MS;
    log(suggestionsFailed ? `\nFAILED: candidateSuggestions p95 is ${GOAL_SUGGESTIONS_P95_MS} ms or more` : `\nOK: candidateSuggestions p95 under ${GOAL_SUGGESTIONS_P95_MS} ms`);
    failed ||= suggestionsFailed;
  } finally {
    await app?.close().catch(() => undefined);
    app?.httpServer.close();
    if (ds?.isInitialized) await ds.destroy();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await stopEmbedded?.().catch(() => undefined);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
