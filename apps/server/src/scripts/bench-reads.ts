/**
 * Lists and detail reads against raw SQL for the same rows (issue 15): the real server in its own
 * process, GraphQL over HTTP with a real session cookie, against the same rows read by `pg`
 * directly, the two run alternately, at 1 and at 20 clients.
 *
 *   1. a page of 50 activities with the reporting unit and the selected company (领导小组办公室);
 *   2. one company, its guard count and a page of 20 of its guards (保安管理支队).
 *
 * Goal: GraphQL p50 ≤ 1.5 × raw SQL at 1 and 20 clients; at 20 clients the activity page at least
 * 5 × the 65 req/s measured before the work on issue 15. Prints one row per figure.
 *
 * Raw SQL is the fastest SQL for the same answer: the page in index order and the total as two
 * statements in parallel, each a named prepared statement. (Until stop 26 the activity page's raw
 * contender counted with a window, `count(*) OVER ()`, which makes PostgreSQL read and sort every
 * activity: 7.5–10.8 ms, slower than the server's own two statements, so the ratio flattered us.)
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { openBenchCity } from './bench-city';
import { alternate, Figure, fmt, graphqlCall, login, printFigures, recordFigures, startServerProcess } from './bench-lib';

export const ACTIVITY_PAGE = `query ($page: PageInput) {
  activities(page: $page) {
    total
    items {
      id code name status district venue startsAt endsAt guardsRequired
      reporterUnit { id name }
      selectedCompany { id name }
    }
  }
}`;

const ACTIVITY_PAGE_SQL = `
  SELECT a.id, a.code, a.name, a.status, a.district, a.venue, a.starts_at, a.ends_at, a.guards_required,
         u.id AS unit_id, u.name AS unit_name, c.id AS company_id, c.name AS company_name
    FROM activities a
    LEFT JOIN units u ON u.id = a.reporter_unit_id
    LEFT JOIN companies c ON c.id = a.selected_company_id
   ORDER BY a.starts_at, a.code
   LIMIT 50`;
const ACTIVITY_COUNT_SQL = `SELECT count(*) FROM activities`;

export const COMPANY_DETAIL = `query ($id: ID!) {
  company(id: $id) { id name creditCode district status guardsOnRegister }
  guards(filter: { companyId: $id }, page: { pageSize: 20 }) {
    total
    items { id name status certificateNo }
  }
}`;

const COMPANY_SQL = `SELECT c.id, c.name, c.credit_code, c.district, c.status,
                            (SELECT count(*) FROM guards g WHERE g.company_id = c.id AND g.status = 'ACTIVE') AS guards
                       FROM companies c WHERE c.id = $1`;
const COMPANY_GUARDS_SQL = `SELECT g.id, g.name, g.status, g.certificate_no FROM guards g
                             WHERE g.company_id = $1 ORDER BY g.status, g.name COLLATE "zh-x-icu", g.id LIMIT 20`;
const COMPANY_GUARDS_COUNT_SQL = `SELECT count(*) FROM guards g WHERE g.company_id = $1`;

/** One raw-SQL answer: its statements in parallel on the pool, each prepared once per connection. */
const rawReads = (pool: Pool, statements: [name: string, text: string, values: unknown[]][]) => () =>
  Promise.all(statements.map(([name, text, values]) => pool.query({ name, text, values })));

const BEFORE_ACTIVITIES_20_RPS = 65;
const MAX_RATIO = 1.5;

/**
 * BENCH_BEFORE_MAIN=/path/to/other/dist/main.js adds that build as a third contender (the same
 * requests, alternating with the others), for a before/after in one run.
 */
export async function benchReads(dbUrl: string): Promise<Figure[]> {
  const server = await startServerProcess(dbUrl);
  const beforeMain = process.env.BENCH_BEFORE_MAIN;
  const before = beforeMain ? await startServerProcess(dbUrl, { BENCH_SERVER_MAIN: beforeMain }) : null;
  const pool = new Pool({ connectionString: dbUrl, max: 20 });
  const figures: Figure[] = [];
  try {
    const office = await login(server.url, 'office');
    const baoan = await login(server.url, 'baoan');
    const beforeOffice = before ? await login(before.url, 'office') : '';
    const beforeBaoan = before ? await login(before.url, 'baoan') : '';
    const [{ id: companyId }] = (
      await pool.query(`SELECT c.id FROM companies c WHERE c.credit_code LIKE 'BENCH%' ORDER BY c.credit_code LIMIT 1`)
    ).rows;
    const cases = [
      {
        name: 'page of 50 activities with unit and company',
        gql: graphqlCall(server.url, office, ACTIVITY_PAGE, { page: { page: 1, pageSize: 50 } }),
        before: before ? graphqlCall(before.url, beforeOffice, ACTIVITY_PAGE, { page: { page: 1, pageSize: 50 } }) : null,
        sql: rawReads(pool, [['activity_page', ACTIVITY_PAGE_SQL, []], ['activity_count', ACTIVITY_COUNT_SQL, []]]),
        rpsGoal: BEFORE_ACTIVITIES_20_RPS * 5,
      },
      {
        name: 'one company + guard count + 20 guards',
        gql: graphqlCall(server.url, baoan, COMPANY_DETAIL, { id: companyId }),
        before: before ? graphqlCall(before.url, beforeBaoan, COMPANY_DETAIL, { id: companyId }) : null,
        sql: rawReads(pool, [
          ['company', COMPANY_SQL, [companyId]],
          ['company_guards', COMPANY_GUARDS_SQL, [companyId]],
          ['company_guards_count', COMPANY_GUARDS_COUNT_SQL, [companyId]],
        ]),
        rpsGoal: undefined as number | undefined,
      },
    ];
    for (const c of cases) {
      for (const clients of [1, 20]) {
        const { result, load } = await alternate(
          { graphql: c.gql, sql: c.sql, ...(c.before ? { before: c.before } : {}) },
          { clients },
        );
        const g = result.graphql;
        const s = result.sql;
        const b = result.before;
        const ratio = g.p50 / s.p50;
        figures.push({
          measure: `${c.name}, ${clients} client${clients > 1 ? 's' : ''}`,
          now:
            `p50 ${fmt.ms(g.p50)} ms, p95 ${fmt.ms(g.p95)} ms, ${fmt.rps(g.rps)} req/s; raw SQL p50 ${fmt.ms(s.p50)} ms, ${fmt.rps(s.rps)} req/s; ×${fmt.ratio(ratio)}` +
            (b ? `; before p50 ${fmt.ms(b.p50)} ms, ${fmt.rps(b.rps)} req/s (now ${fmt.ratio(g.rps / b.rps)}× its req/s)` : ''),
          goal: `≤ ${MAX_RATIO}× raw SQL${clients === 20 && c.rpsGoal ? `, ≥ ${c.rpsGoal} req/s` : ''}`,
          met: ratio <= MAX_RATIO && !(clients === 20 && c.rpsGoal && g.rps < c.rpsGoal),
          load,
        });
      }
    }
  } finally {
    await pool.end();
    await server.stop();
    await before?.stop();
  }
  return figures;
}

if (require.main === module) {
  (async () => {
    const city = await openBenchCity();
    let figures: Figure[] = [];
    try {
      figures = await benchReads(city.dbUrl);
    } finally {
      await city.close();
    }
    printFigures(figures, 'lists and detail reads');
    recordFigures(figures);
    process.exit(figures.every((f) => f.met) ? 0 : 1);
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
