import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New enum values for 等保 2.0 三级: the AUDITOR role (安全审计员) and its unit kind, and the audited
 * security events. Alone in their migration: PostgreSQL uses a new enum value only once it is committed.
 */
export class SecurityEnums1765400000000 implements MigrationInterface {
  name = 'SecurityEnums1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE "role" ADD VALUE IF NOT EXISTS 'AUDITOR'`);
    await q.query(`ALTER TYPE "unit_kind" ADD VALUE IF NOT EXISTS 'INSPECTORATE'`);
    for (const action of ['LOGIN_FAILED', 'LOCKOUT', 'ACCESS_DENIED', 'EXPORT']) {
      await q.query(`ALTER TYPE "audit_action" ADD VALUE IF NOT EXISTS '${action}'`);
    }
  }

  async down(): Promise<void> {
    // PostgreSQL cannot drop enum values; the values stay unused.
  }
}
