import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../database/bootstrap';

/** Runs pending migrations (and the first-run seed) on DATABASE_URL or the embedded database. */
openDatabase(loadConfig())
  .then(async (db) => {
    console.log('数据库已是最新');
    await db.close();
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
