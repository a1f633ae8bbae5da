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
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { startApp } from '../app';
import { loadConfig } from '../config';
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
import { openBenchCity } from './bench-city';

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
  const city = await openBenchCity(log);
  const ds: DataSource = city.ds;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let failed = false;
  try {
    const config = { ...loadConfig(), databaseUrl: city.dbUrl, host: '127.0.0.1', seedDemo: false, privacyPurgeIntervalMinutes: 0 };
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
    const sql = await time(RUNS, async () => computeSuggestions(ds.manager, entity, await settings.all()));
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
    await city.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
