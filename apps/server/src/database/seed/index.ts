import { DataSource, EntityManager } from 'typeorm';
import { logger } from '../../common/logger';
import { seedDemoAccounts, seedDemoOrganizers } from './demo-accounts';
import { seedDemoActivities } from './demo-activities';
import { seedDemoOnsite } from './demo-onsite';
import { seedDemoRegister } from './demo-register';
import { seedDemoVetting } from './demo-vetting';
import { seedReference } from './reference';
import { TOTP_REQUIRED_BY_DEFAULT } from '../../modules/auth/auth.policy';
import { totpSettingKey } from '../../modules/auth/security-settings';
import { SettingEntity } from '../../modules/settings/setting.entity';

export interface SeedOptions {
  demo: boolean;
  adminPassword: string;
  /** Initial password of `auditor` (defaults to the administrator's; both must be changed at first login). */
  auditorPassword?: string;
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
    const ids = await seedReference(m, {
      password: options.adminPassword,
      auditorPassword: options.auditorPassword,
      mustChangePassword: !options.demo,
    });
    if (options.demo) {
      // The demo accounts log in with their password alone; a production database requires a second
      // factor for the roles of TOTP_REQUIRED_BY_DEFAULT from the start.
      for (const role of TOTP_REQUIRED_BY_DEFAULT) {
        await m.insert(SettingEntity, { key: totpSettingKey(role), value: false });
      }
      await seedDemoOrganizers(m, ids);
      await seedDemoRegister(m, ids);
      await seedDemoAccounts(m, ids);
      await seedDemoActivities(m, ids);
      await seedDemoOnsite(m, ids);
      await seedDemoVetting(m, ids);
    }
    // Every account's first password starts its history (none of the last 5 again).
    await m.query(`INSERT INTO password_history (user_id, password_hash) SELECT id, password_hash FROM users`);
    logger.info({ demo: options.demo }, '初始数据已载入');
    return true;
  });
}
