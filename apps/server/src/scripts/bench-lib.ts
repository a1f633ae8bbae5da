/**
 * What every benchmark shares: the real server in its own process (so the load generator does not
 * steal its event loop), a keep-alive HTTP client, closed-loop load at N clients, contenders run
 * alternately in rounds, medians and ratios, and the load average printed beside each figure.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD } from '../database/seed/demo-accounts';

export const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * What the Dockerfile and scripts/start.sh run the server with: its Node flag (NODE_OPTIONS there)
 * and NODE_ENV=production (graphql-js, Express and Apollo skip their development checks: graphql's
 * `instanceOf` alone was 1.8% of the server's CPU on the activity page in development mode).
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
const SERVER_ENV = { NODE_ENV: 'production' };

/**
 * Starts `node dist/main.js` on the bench database (no demo seeding, no timers), waits for /readyz.
 * BENCH_CPU_PROF=dir writes the server's CPU profile there when it stops.
 */
export async function startServerProcess(dbUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_SERVER_MAIN=/other/checkout/apps/server/dist/main.js measures another build (e.g. main, for a before/after).
  // (the env given here first: `BENCH_BEFORE_MAIN` starts its contender this way, beside this build)
  const main = env.BENCH_SERVER_MAIN ?? process.env.BENCH_SERVER_MAIN ?? path.join(__dirname, '..', 'main.js');
  const prof = process.env.BENCH_CPU_PROF;
  if (prof) fs.mkdirSync(prof, { recursive: true });
  // with the Node flags the Docker image and `npm start` give the server (Dockerfile: NODE_OPTIONS)
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), main], {
    env: {
      ...process.env,
      ...SERVER_ENV,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      REMINDER_INTERVAL_SECONDS: '0',
      PRIVACY_PURGE_INTERVAL_MINUTES: '0',
      DB_STATEMENT_TIMEOUT_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http.get(`${url}/readyz`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      }).on('error', () => resolve(false));
    });
    if (ok) break;
    if (i > 600) throw new Error('server did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One POST over a kept-alive connection; resolves with status, headers and body. A socket the
 * server closed as idle just as it was reused (ECONNRESET before any answer) is retried once.
 */
export async function post(url: string, body: string, headers: Record<string, string> = {}): ReturnType<typeof postOnce> {
  try {
    return await postOnce(url, body, headers);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') throw err;
    return postOnce(url, body, headers);
  }
}

function postOnce(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A GraphQL request as a function the load loop can call; throws on any error in the answer. */
export function graphqlCall(url: string, cookie: string, query: string, variables: Record<string, unknown> = {}): () => Promise<number> {
  const body = JSON.stringify({ query, variables });
  return async () => {
    const res = await post(`${url}/graphql`, body, { cookie });
    if (res.status !== 200 || res.body.includes('"errors"')) throw new Error(`GraphQL ${res.status}: ${res.body.slice(0, 500)}`);
    return res.body.length;
  };
}

export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await post(
    `${url}/graphql`,
    JSON.stringify({ query: 'mutation ($input: LoginInput!) { login(input: $input) { id } }', variables: { input: { username, password } } }),
  );
  const setCookie = res.headers['set-cookie'] ?? [];
  const cookie = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('evs_session='));
  if (!cookie) throw new Error(`login as ${username} failed: ${res.body}`);
  return cookie;
}

export interface Load {
  p50: number;
  p95: number;
  rps: number;
  n: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Closed loop: `clients` concurrent callers, each calling `fn` again as soon as it answers, for `ms`. */
export async function runLoad(fn: () => Promise<unknown>, clients: number, ms: number): Promise<Load> {
  const lat: number[] = [];
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await fn();
        lat.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  lat.sort((a, b) => a - b);
  return { p50: percentile(lat, 50), p95: percentile(lat, 95), rps: (lat.length * 1000) / elapsed, n: lat.length };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the contenders alternately (A B A B …) for `rounds` rounds of `ms` each at `clients`
 * clients, after one warm-up round each, and returns per contender the median over rounds of
 * p50, p95 and req/s, with the load average seen at the start.
 */
export async function alternate(
  contenders: Record<string, () => Promise<unknown>>,
  opts: { clients: number; rounds?: number; ms?: number },
): Promise<{ result: Record<string, Load>; load: string }> {
  const rounds = opts.rounds ?? Number(process.env.BENCH_ROUNDS ?? 5);
  const ms = opts.ms ?? Number(process.env.BENCH_ROUND_MS ?? 1500);
  const load = loadAverage();
  const names = Object.keys(contenders);
  for (const name of names) await runLoad(contenders[name], opts.clients, Math.min(ms, 700));
  const per: Record<string, Load[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...names].reverse() : names;
    for (const name of order) per[name].push(await runLoad(contenders[name], opts.clients, ms));
  }
  const result = Object.fromEntries(
    names.map((n) => [n, { p50: median(per[n].map((x) => x.p50)), p95: median(per[n].map((x) => x.p95)), rps: median(per[n].map((x) => x.rps)), n: per[n].reduce((a, x) => a + x.n, 0) }]),
  );
  return { result, load };
}

/** One figure of the issue-15 table. */
export interface Figure {
  measure: string;
  now: string;
  goal: string;
  met: boolean;
  load: string;
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** Prints figures as one table (measure | now | goal | met | load average). */
export function printFigures(figures: Figure[], title = 'issue 15 (server)'): void {
  const cols: [string, (f: Figure) => string][] = [
    ['measure', (f) => f.measure],
    ['now', (f) => f.now],
    ['goal', (f) => f.goal],
    ['met', (f) => (f.met ? 'yes' : 'NO')],
    ['load avg (1/5/15 min)', (f) => f.load],
  ];
  const w = cols.map(([h, get]) => Math.max(width(h), ...figures.map((f) => width(get(f)))));
  console.log(`\n${title}\n`);
  console.log(`| ${cols.map(([h], i) => pad(h, w[i])).join(' | ')} |`);
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const f of figures) console.log(`| ${cols.map(([, get], i) => pad(get(f), w[i])).join(' | ')} |`);
}

/** Figures go to stdout and, with BENCH_FIGURES=file, are appended to that file as JSON lines (for `npm run bench`'s table). */
export function recordFigures(figures: Figure[]): void {
  const file = process.env.BENCH_FIGURES;
  if (file) fs.appendFileSync(file, figures.map((f) => JSON.stringify(f)).join('\n') + '\n');
}

export const fmt = {
  ms: (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)),
  rps: (x: number) => x.toFixed(0),
  ratio: (x: number) => x.toFixed(2),
};
