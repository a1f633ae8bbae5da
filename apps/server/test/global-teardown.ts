import fs from 'node:fs';
import { adminUrl, dropDatabase, TEMPLATE_DB } from './db';

/** Stops the throwaway cluster and removes its folder; on DATABASE_URL, drops the template. */
export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.__EVS_TEST_CLUSTER__;
  if (cluster) {
    try {
      await cluster.stop();
    } finally {
      fs.rmSync(cluster.dir, { recursive: true, force: true });
      globalThis.__EVS_TEST_CLUSTER__ = undefined;
    }
    return;
  }
  await dropDatabase(adminUrl(), TEMPLATE_DB);
}
