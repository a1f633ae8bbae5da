import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded';
import { migrateAndSeed } from '../src/database/migrate';
import { ADMIN_URL_ENV, createDatabase, dropDatabase, TEMPLATE_DB, urlForDatabase } from './db';

export interface TestCluster {
  stop(): Promise<void>;
  dir: string;
}

declare global {
  var __EVS_TEST_CLUSTER__: TestCluster | undefined;
}

/**
 * Runs once per Jest run: a real PostgreSQL (DATABASE_URL, or a throwaway embedded cluster on a
 * free port in a temp folder) and `evs_template`, migrated and seeded with the demo data. Each
 * integration test file then copies the template (CREATE DATABASE … TEMPLATE), which takes
 * milliseconds instead of re-running migrations and bcrypt-hashing the demo passwords.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let admin = process.env.DATABASE_URL;
  if (!admin) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evs-jest-pg-'));
    // The postgres user (created when running as root) must be able to enter the folder.
    fs.chmodSync(dir, 0o755);
    const clusterDir = path.join(dir, 'pg');
    let embedded;
    try {
      embedded = await startEmbeddedPostgres({ clusterDir, persistent: false, database: 'postgres' });
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    admin = embedded.url;
    globalThis.__EVS_TEST_CLUSTER__ = { stop: embedded.stop, dir };
  }
  process.env[ADMIN_URL_ENV] = admin;

  try {
    await prepareTemplate(admin);
  } catch (err) {
    // Jest skips global teardown when setup fails: leave no cluster behind.
    const cluster = globalThis.__EVS_TEST_CLUSTER__;
    if (cluster) {
      await cluster.stop().catch(() => undefined);
      fs.rmSync(cluster.dir, { recursive: true, force: true });
    }
    throw err;
  }
  if (process.env.EVS_TEST_VERBOSE) console.log(`\n[global-setup] ${TEMPLATE_DB} ready in ${Date.now() - started} ms`);
}

async function prepareTemplate(admin: string): Promise<void> {
  await dropDatabase(admin, TEMPLATE_DB);
  await createDatabase(admin, TEMPLATE_DB);
  const ds = createDataSource(urlForDatabase(admin, TEMPLATE_DB), { poolSize: 2 });
  await ds.initialize();
  try {
    await migrateAndSeed(ds, { demo: true, adminPassword: 'Demo@2026' });
  } finally {
    await ds.destroy();
  }
}
