import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../database/bootstrap';

/** Seeds an empty database (after migrating it) on DATABASE_URL or the embedded database. */
openDatabase(loadConfig())
  .then(async (db) => {
    console.log('初始数据已就绪');
    await db.close();
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
