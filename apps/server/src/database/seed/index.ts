import { DataSource, EntityManager } from 'typeorm';
import { logger } from '../../common/logger';
import { seedDemoAccounts, seedDemoOrganizers } from './demo-accounts';
import { seedDemoActivities } from './demo-activities';
import { seedDemoOnsite } from './demo-onsite';
import { seedDemoRegister } from './demo-register';
import { seedDemoVetting } from './demo-vetting';
import { seedReference } from './reference';

export interface SeedOptions {
  demo: boolean;
  adminPassword: string;
}

/**
 * Loads the data of a fresh database once: reference units and `admin`, plus the demo set when
 * asked. A database that already has users is left alone, so a second start does not reseed.
 */
export async function seedIfEmpty(db: DataSource | EntityManager, options: SeedOptions): Promise<boolean> {
  return db.transaction(async (m) => {
    // One seeder at a time, even with several API nodes starting together.
    await m.query('SELECT pg_advisory_xact_lock(7700001)');
    const [{ count }] = await m.query('SELECT count(*)::int AS count FROM users');
    if (count > 0) return false;
    const ids = await seedReference(m, { password: options.adminPassword, mustChangePassword: !options.demo });
    if (options.demo) {
      await seedDemoOrganizers(m, ids);
      await seedDemoRegister(m, ids);
      await seedDemoAccounts(m, ids);
      await seedDemoActivities(m, ids);
      await seedDemoOnsite(m, ids);
      await seedDemoVetting(m, ids);
    }
    logger.info({ demo: options.demo }, '初始数据已载入');
    return true;
  });
}
