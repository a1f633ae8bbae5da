import 'reflect-metadata';
/**
 * SPEC §8's generated city for the benchmarks (bench-overview, bench-reads, bench-login): 300
 * companies, 100,000 guards, 250,000 relatives, 1,000,000 record entries, 5,000 activities with
 * rosters, training and findings, each table filled by INSERT … SELECT generate_series (personal
 * data encrypted and hashed as the app stores it, bench-pii.ts).
 *
 *   BENCH_KEEP_DIR=/dir   keep the embedded cluster and its data between runs (generated once)
 *   DATABASE_URL=…        a throwaway database on that server (BENCH_KEEP=1 keeps `evs_bench`)
 *   BENCH_RECORDS=n       fewer record entries than SPEC §8's 1,000,000 (only vetting reads them)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded';
import { seedIfEmpty } from '../database/seed';
import { DEMO_PASSWORD } from '../database/seed/demo-accounts';
import { insertEncrypted, useBenchPiiKeys } from './bench-pii';

/** The generated city: every statement is one INSERT … SELECT over generate_series. */
/** BENCH_RECORDS=n generates fewer record entries (only the vetting benchmark reads them; SPEC §8 says 1,000,000). */
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);

export const GENERATE: [string, string | ((c: Client) => Promise<unknown>)][] = [
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
        SELECT r::int AS k, bg.id AS guard_id, '亲属' || r AS pname, (ARRAY['FATHER','MOTHER','SPOUSE','CHILD']::relative_relation[])[1 + r / 100000] AS relation,
               '2112' || lpad(r::text, 14, '0') AS id_number
          FROM generate_series(1, 250000) r JOIN bg ON bg.i = 1 + r % 100000`);
    await insertEncrypted(c, 'tr', ['idCipher', 'idHash', 'nameCipher', 'nameHash'], `
      INSERT INTO guard_relatives (guard_id, name_cipher, name_hash, relation, id_cipher, id_hash)
        SELECT t.guard_id, v.nc, v.nh, t.relation, v.c, v.h
          FROM tr t JOIN unnest($1::int[], $2::text[], $3::bytea[], $4::text[], $5::bytea[]) AS v(k, c, h, nc, nh) ON t.k = v.k`);
  }],
  [`record entries (${RECORDS.toLocaleString('en')})`, async (c) => {
    await c.query(`
      CREATE TEMP TABLE trc AS
        SELECT r::int AS k,
               CASE WHEN r % 500 = 0 THEN '2111' || lpad(((r / 500) % 100000 + 1)::text, 14, '0')
                    WHEN r % 333 = 0 THEN '2112' || lpad(((r / 333) % 250000 + 1)::text, 14, '0')
                    ELSE '2113' || lpad(r::text, 14, '0') END AS id_number,
               '记录' || r AS pname, (enum_range(NULL::record_category))[1 + r % 5] AS category, date '2000-01-01' + r % 9000 AS occurred_on
          FROM generate_series(1, ${RECORDS}) r`);
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
  ['reporting units (the district bureau of each activity)', `
    UPDATE activities a SET reporter_unit_id = u.id FROM units u
     WHERE u.kind = 'DISTRICT_BUREAU' AND u.district = a.district AND a.code LIKE 'BENCH-%';`],
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

export interface BenchCity {
  ds: DataSource;
  dbUrl: string;
  close(): Promise<void>;
}

/** Starts (or reuses) the database, migrates, seeds the demo accounts and generates the city once. */
export async function openBenchCity(log: (m: string) => void = console.log): Promise<BenchCity> {
  useBenchPiiKeys();
  const keepDir = process.env.BENCH_KEEP_DIR;
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let tmp: string | undefined;
  if (!adminUrl) {
    const dir = keepDir ?? (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evs-bench-')));
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({ clusterDir: path.join(dir, 'pg'), persistent: !!keepDir, database: 'postgres' });
    adminUrl = pg.url;
    stopEmbedded = pg.stop;
    log(`embedded PostgreSQL in ${dir}`);
  }
  const keep = !!keepDir || (process.env.BENCH_KEEP === '1' && !!process.env.DATABASE_URL);
  const dbName = keep ? 'evs_bench' : `evs_bench_${process.pid}`;
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE "${dbName}"`);
  const ds = createDataSource(dbUrl, { poolSize: 20, statementTimeoutMs: 0 });
  const close = async () => {
    if (ds.isInitialized) await ds.destroy();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await stopEmbedded?.().catch(() => undefined);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await seedIfEmpty(ds, { demo: true, adminPassword: DEMO_PASSWORD });
    const generated = (await ds.query(`SELECT 1 FROM activities WHERE code = 'BENCH-5000'`)).length === 1;
    if (!generated) {
      const gen = new Client({ connectionString: dbUrl });
      await gen.connect();
      gen.on('error', () => undefined);
      const started = performance.now();
      try {
        // One transaction: a run stopped half-way leaves nothing, and the next run generates again.
        await gen.query('BEGIN');
        for (const [what, step] of GENERATE) {
          const t0 = performance.now();
          await (typeof step === 'string' ? gen.query(step) : step(gen));
          log(`  generated ${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        }
        await gen.query('COMMIT');
        await gen.query('VACUUM ANALYZE');
      } finally {
        await gen.end();
      }
      log(`data generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    return { ds, dbUrl, close };
  } catch (err) {
    await close();
    throw err;
  }
}

// `node dist/scripts/bench-city.js` with BENCH_KEEP_DIR: generate the kept city once, ahead of the benchmarks.
if (require.main === module) {
  openBenchCity()
    .then(async (city) => {
      await city.close();
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
