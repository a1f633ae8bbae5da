import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, units, sessions, the audit log, notifications and settings. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "role" AS ENUM ('ADMIN','LEADER','OFFICE','SECURITY_DETACHMENT','EVENT_DETACHMENT','DISTRICT_BUREAU','ORGANIZER','COMPANY')`);
    await q.query(`CREATE TYPE "district" AS ENUM ('PANSHAN','SHUANGTAIZI','XINGLONGTAI','DAWA','LIAODONGWAN','CHENGJIAO')`);
    await q.query(`CREATE TYPE "unit_kind" AS ENUM ('LEADING_GROUP','LEADING_GROUP_OFFICE','SECURITY_DETACHMENT','EVENT_DETACHMENT','DISTRICT_BUREAU','COMPANY','ORGANIZER','IT_DEPARTMENT')`);
    await q.query(`CREATE TYPE "audit_action" AS ENUM ('CREATE','UPDATE','DELETE','TRANSITION','LOGIN','LOGOUT','READ_DETAIL','IMPORT')`);
    await q.query(`
      CREATE TABLE "units" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "kind" "unit_kind" NOT NULL,
        "district" "district",
        "contact_name" text,
        "contact_phone" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "users" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "username" text NOT NULL,
        "password_hash" text NOT NULL,
        "display_name" text NOT NULL,
        "role" "role" NOT NULL,
        "unit_id" uuid NOT NULL,
        "must_change_password" boolean NOT NULL DEFAULT false,
        "failed_login_count" integer NOT NULL DEFAULT 0,
        "locked_until" timestamptz,
        "active" boolean NOT NULL DEFAULT true,
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_users_username" UNIQUE ("username"),
        CONSTRAINT "FK_users_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE "sessions" (
        "token_hash" text PRIMARY KEY,
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "user_agent" text,
        "ip" text
      )`);
    await q.query(`CREATE INDEX "idx_sessions_user" ON "sessions" ("user_id")`);
    await q.query(`
      CREATE TABLE "audit_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "actor_name" text,
        "actor_role" "role",
        "action" "audit_action" NOT NULL,
        "entity_type" text NOT NULL,
        "entity_id" text,
        "summary" text NOT NULL,
        "before" jsonb,
        "after" jsonb,
        "request_id" text
      )`);
    await q.query(`CREATE INDEX "idx_audit_entity" ON "audit_log" ("entity_type", "entity_id")`);
    await q.query(`CREATE INDEX "idx_audit_at" ON "audit_log" ("at")`);
    await q.query(`
      CREATE TABLE "notifications" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "unit_id" uuid NOT NULL,
        "title" text NOT NULL,
        "body" text NOT NULL,
        "link" text,
        "activity_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz
      )`);
    await q.query(`CREATE INDEX "idx_notifications_unit" ON "notifications" ("unit_id", "created_at")`);
    await q.query(`
      CREATE TABLE "settings" (
        "key" text PRIMARY KEY,
        "value" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "updated_by" uuid
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "settings"`);
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "units"`);
    await q.query(`DROP TYPE "audit_action"`);
    await q.query(`DROP TYPE "unit_kind"`);
    await q.query(`DROP TYPE "district"`);
    await q.query(`DROP TYPE "role"`);
  }
}
