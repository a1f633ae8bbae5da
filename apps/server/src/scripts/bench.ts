/**
 * `npm run bench`: every server figure of issue 15 against its goal, in one table, on the generated
 * city (bench-city.ts). Each figure runs its contenders alternately (GraphQL and the same rows by raw
 * SQL, or the same aggregates run directly) and reports medians over rounds, ratios, and the load
 * average when it was measured. Not part of `npm test`.
 *
 *   npm run bench                               a throwaway embedded PostgreSQL (the city is generated first)
 *   BENCH_KEEP_DIR=/dir npm run bench           keep the cluster and its city for the next run
 *   BENCH_BEFORE_MAIN=/other/dist/main.js …     also run another build (e.g. main) alternately: a before/after
 *   BENCH_ROUNDS=5 BENCH_ROUND_MS=1500          rounds per contender and their length
 *
 * The city holds no record entries unless BENCH_RECORDS says so: none of these figures reads them
 * (`npm run bench:vetting` times vetting against 1,000,000).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startApp } from '../app';
import { logger } from '../common/logger';
import { loadConfig } from '../config';
import { Period } from '../modules/dashboard/overview.sql';
import { ActivityEntity } from '../modules/activities/activity.entity';
import { computeSuggestions } from '../modules/recommendation/recommendation.service';
import { createServices } from '../services';
import { openBenchCity } from './bench-city';
import { alternate, Figure, fmt, graphqlCall, loadAverage, login, percentile, post, printFigures, recordFigures, startServerProcess } from './bench-lib';
import { benchReads } from './bench-reads';

process.env.BENCH_RECORDS ??= '0';

const OVERVIEW = `query ($range: DateRangeInput!, $district: District) {
  overview(range: $range, district: $district) {
    headline { activities activitiesOpen activitiesLate activitiesFewCandidates companiesQualified companiesTotal guardsVetted guardsPassed guardsPending vettingPassRate trainingPassRate guardsOnDuty findingsOpen findingsTotal }
    companiesByDistrict { key label parts { key label value kind filter { from to district qualified } } }
    vettingOutcomes { key label value kind filter { decision } }
    failureReasons { key label value kind filter { decision reasonCategory } }
    activitiesByStage { key label parts { key label value kind filter { status late } } }
    lateByStage { key label value }
    fewCandidates { value }
    punctuality { unitId unitName onTime late overdue open }
    trainingOutcomes { key label value }
    findingsByItem { key label parts { key value } }
    findingsByCompany { key label parts { key value filter { companyId open } } }
    ageProfile { key label value }
  }
}`;

/** What the recommendation screen asks for (apps/web/src/features/recommendation): its first page of 20. */
const SUGGESTIONS = `query ($id: ID!) {
  candidateSuggestions(activityId: $id, page: { page: 1, pageSize: 20 }) {
    activityId companyCount total recommendedCompanyIds guardsRequired guardsNeeded capacityMargin qualifiedCount minAge maxAge reuseWindowDays
    weights { key label weight share rule }
    items {
      companyId companyName district status licenseExpiry qualified rank score guardsOnRegister eligibleGuards guardsNeeded
      averageAge youngShare activitiesServed similarActivities recommended
      parts { key label weight raw normalized points }
      exclusions { code message }
    }
  }
}`;

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { id } }';

async function main() {
  logger.level = 'warn';
  const city = await openBenchCity();
  const figures: Figure[] = [];
  const started = performance.now();
  try {
    // 1. Lists and detail reads.
    figures.push(...(await benchReads(city.dbUrl)));

    const server = await startServerProcess(city.dbUrl);
    const pg = new Client({ connectionString: city.dbUrl });
    await pg.connect();
    try {
      // 2. candidateSuggestions for the approved activity that needs the most guards (every company ranked).
      const [target] = (
        await pg.query(`SELECT id FROM activities WHERE code LIKE 'BENCH-%' AND status = 'APPROVED' ORDER BY guards_required DESC, code LIMIT 1`)
      ).rows;
      const baoan = await login(server.url, 'baoan');
      const suggestions = graphqlCall(server.url, baoan, SUGGESTIONS, { id: target.id });
      const entity = await city.ds.getRepository(ActivityEntity).findOneByOrFail({ id: target.id });
      const services = createServices(city.ds, { ...loadConfig(), databaseUrl: city.dbUrl });
      const direct = async () => computeSuggestions(city.ds.manager, entity, await services.settings.all());
      // The first request after a change to an input (a vetting decision, a guard added) recomputes.
      const afterChange = async () => {
        await pg.query(`UPDATE suggestion_inputs SET version = version + 1`);
        await suggestions();
      };
      const size = await suggestions();
      const one = await alternate({ graphql: suggestions, afterChange, direct }, { clients: 1 });
      figures.push({
        measure: 'candidateSuggestions, 1 client',
        now: `p50 ${fmt.ms(one.result.graphql.p50)} ms, p95 ${fmt.ms(one.result.graphql.p95)} ms, ${(size / 1024).toFixed(0)} KB (a page of 20); first request after a change p50 ${fmt.ms(one.result.afterChange.p50)} ms; whole ranking computed in process p50 ${fmt.ms(one.result.direct.p50)} ms`,
        goal: 'p95 < 100 ms',
        met: one.result.graphql.p95 < 100,
        load: one.load,
      });
      const fifty = await alternate({ graphql: suggestions }, { clients: 50, rounds: 3 });
      figures.push({
        measure: 'candidateSuggestions, 50 clients',
        now: `${fmt.rps(fifty.result.graphql.rps)} req/s, p50 ${fmt.ms(fifty.result.graphql.p50)} ms, p95 ${fmt.ms(fifty.result.graphql.p95)} ms`,
        goal: '≥ 100 req/s',
        met: fifty.result.graphql.rps >= 100,
        load: fifty.load,
      });

      // 3. overview (领导小组办公室, the whole city this year) against the same aggregates run directly.
      const office = await login(server.url, 'office');
      const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
      const period: Period = { from: `${year}-01-01`, to: `${year}-12-31`, district: null };
      const overview = graphqlCall(server.url, office, OVERVIEW, { range: { from: period.from, to: period.to }, district: null });
      const deadlines = await services.overview.deadlines();
      const aggregates = () => Promise.all([services.overview.figures(period, deadlines), services.supervision.punctuality(period)]);
      const ov = await alternate({ graphql: overview, aggregates }, { clients: 1 });
      const ratio = ov.result.graphql.p50 / ov.result.aggregates.p50;
      figures.push({
        measure: 'overview, 1 client, vs its aggregates run directly',
        now: `p50 ${fmt.ms(ov.result.graphql.p50)} ms, p95 ${fmt.ms(ov.result.graphql.p95)} ms; aggregates p50 ${fmt.ms(ov.result.aggregates.p50)} ms; ×${fmt.ratio(ratio)}`,
        goal: '≤ 1.2×',
        met: ratio <= 1.2,
        load: ov.load,
      });
      const statements = await overviewStatements(city.dbUrl, city.ds);
      figures.push({
        measure: 'overview statements per request (all charts / headline only)',
        now: `${statements.all} / ${statements.headline}`,
        goal: '≤ 8, constant',
        met: statements.all <= 8,
        load: loadAverage(),
      });

      // 4. Login: one client, each a full login over HTTP (password hash, session, audit entry).
      const loginBody = JSON.stringify({ query: LOGIN, variables: { input: { username: 'dahuo', password: 'Demo@2026' } } });
      const loginOnce = async () => {
        const res = await post(`${server.url}/graphql`, loginBody);
        if (res.status !== 200 || res.body.includes('"errors"')) throw new Error(`login: ${res.body}`);
      };
      const lg = await alternate({ login: loginOnce }, { clients: 1, rounds: 3, ms: 1500 });
      figures.push({
        measure: 'login, 1 client',
        now: `p50 ${fmt.ms(lg.result.login.p50)} ms, p95 ${fmt.ms(lg.result.login.p95)} ms`,
        goal: 'p50 < 150 ms',
        met: lg.result.login.p50 < 150,
        load: lg.load,
      });
    } finally {
      await pg.end();
      await server.stop();
    }
  } finally {
    await city.close();
  }
  printFigures(figures, `issue 15 (server): ${((performance.now() - started) / 1000).toFixed(0)} s of measuring, medians over rounds`);
  recordFigures(figures);
  process.exit(0);
}

/**
 * SQL statements one overview request sends (all charts; the headline only), counted in-process on
 * the pg client while an app in this process answers it (the audit sealer's statements left out).
 */
export async function overviewStatements(dbUrl: string, ds: import('typeorm').DataSource): Promise<{ all: number; headline: number }> {
  const app = await startApp(ds, { ...loadConfig(), databaseUrl: dbUrl, host: '127.0.0.1', seedDemo: false, privacyPurgeIntervalMinutes: 0, reminderIntervalSeconds: 0, loginLimits: { perAddressPerMinute: 0, concurrent: 4, queue: 100_000 } }, 0);
  const url = app.url.replace('localhost', '127.0.0.1');
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  proto.query = function (this: Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text ?? '';
    if (!/audit_seal/.test(text)) {
      count += 1;
      if (process.env.BENCH_PRINT_STATEMENTS) console.log(`  [${count}] ${text.replace(/\s+/g, ' ').slice(0, 140)}`);
    }
    return original.apply(this, args);
  };
  try {
    const cookie = await login(url, 'office');
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const variables = { range: { from: `${year}-01-01`, to: `${year}-12-31` }, district: null };
    const measure = async (query: string) => {
      const call = graphqlCall(url, cookie, query, variables);
      await call();
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        count = 0;
        await call();
        counts.push(count);
      }
      return percentile(counts.sort((a, b) => a - b), 50);
    };
    return { all: await measure(OVERVIEW), headline: await measure(`query ($range: DateRangeInput!, $district: District) { overview(range: $range, district: $district) { headline { activities findingsTotal } } }`) };
  } finally {
    proto.query = original;
    await app.close().catch(() => undefined);
    app.httpServer.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
