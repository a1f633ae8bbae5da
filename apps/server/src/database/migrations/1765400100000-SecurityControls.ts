import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 等保 2.0 三级 application controls in the database:
 * - accounts: when the password was last set, its history, TOTP secret and one-time recovery codes;
 * - sessions: an id to list and end them, and the last activity for the idle timeout;
 * - the audit log: source IP and result, append-only (UPDATE, DELETE and TRUNCATE are refused by
 *   triggers, whoever asks), and every entry chained by SHA-256 to the one before it. The chain head
 *   lives in one row; the BEFORE INSERT trigger locks it, so concurrent transactions append one at a
 *   time in commit order (the lock is held to the end of the inserting transaction);
 * - separation of duties: no account moves into or out of the ADMIN or AUDITOR role.
 */
export class SecurityControls1765400100000 implements MigrationInterface {
  name = 'SecurityControls1765400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "users"
        ADD COLUMN "password_changed_at" timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN "totp_secret" text,
        ADD COLUMN "totp_pending_secret" text,
        ADD COLUMN "totp_enabled_at" timestamptz,
        ADD COLUMN "totp_last_step" bigint`);
    await q.query(`
      CREATE TABLE "password_history" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "user_id" uuid NOT NULL CONSTRAINT "FK_password_history_user" REFERENCES "users"("id") ON DELETE CASCADE,
        "password_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "idx_password_history_user" ON "password_history" ("user_id", "id" DESC)`);
    await q.query(`INSERT INTO "password_history" ("user_id", "password_hash") SELECT "id", "password_hash" FROM "users"`);
    await q.query(`
      CREATE TABLE "recovery_codes" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "user_id" uuid NOT NULL CONSTRAINT "FK_recovery_codes_user" REFERENCES "users"("id") ON DELETE CASCADE,
        "code_hash" text NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_recovery_codes" UNIQUE ("user_id", "code_hash")
      )`);
    await q.query(`
      ALTER TABLE "sessions"
        ADD COLUMN "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT "UQ_sessions_id" UNIQUE ("id")`);
    // A per-deployment random key (never leaves the database): see AuthService.decoyNeedsCode.
    await q.query(`CREATE TABLE "server_secrets" ("name" text PRIMARY KEY, "value" text NOT NULL)`);
    await q.query(`
      INSERT INTO "server_secrets" ("name", "value")
      VALUES ('login.decoy', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'))`);

    await q.query(`
      CREATE FUNCTION users_duty_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role IS DISTINCT FROM OLD.role AND (OLD.role IN ('ADMIN', 'AUDITOR') OR NEW.role IN ('ADMIN', 'AUDITOR')) THEN
          RAISE EXCEPTION '三员分立：系统管理员与安全审计员账号的角色不能变更' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "users_duty_guard" BEFORE UPDATE OF "role" ON "users" FOR EACH ROW EXECUTE FUNCTION users_duty_guard()`);

    // The audit log: source IP, result, and the hash chain.
    await q.query(`
      ALTER TABLE "audit_log"
        ADD COLUMN "ip" text,
        ADD COLUMN "result" text NOT NULL DEFAULT 'SUCCESS' CONSTRAINT "CHK_audit_result" CHECK ("result" IN ('SUCCESS', 'FAILURE')),
        ADD COLUMN "seq" bigint,
        ADD COLUMN "prev_hash" text,
        ADD COLUMN "hash" text`);
    await q.query(`
      CREATE TABLE "audit_chain_head" (
        "id" integer PRIMARY KEY CONSTRAINT "CHK_audit_chain_head_one" CHECK ("id" = 1),
        "seq" bigint NOT NULL,
        "hash" text NOT NULL
      )`);
    await q.query(`INSERT INTO "audit_chain_head" VALUES (1, 0, repeat('0', 64))`);
    // What an entry's hash covers: the previous hash and every column of the entry but its own hash.
    // Time as epoch microseconds and jsonb's normalized text, so the result does not depend on the
    // session's time zone or on key order.
    await q.query(`
      CREATE FUNCTION audit_entry_hash(prev text, e audit_log) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(prev || jsonb_build_array(
          e.seq, e.id, (extract(epoch FROM e.at) * 1000000)::bigint, e.actor_id, e.actor_name, e.actor_role,
          e.action, e.entity_type, e.entity_id, e.summary, e.before, e.after, e.request_id, e.ip, e.result
        )::text, 'UTF8')), 'hex')
      $$`);
    // Entries already written (an upgraded deployment) are chained in id order.
    await q.query(`
      DO $$
      DECLARE r audit_log; prev text := repeat('0', 64); n bigint := 0;
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
          n := n + 1;
          r.seq := n;
          r.prev_hash := prev;
          r.hash := audit_entry_hash(prev, r);
          UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
          prev := r.hash;
        END LOOP;
        UPDATE audit_chain_head SET seq = n, hash = prev WHERE id = 1;
      END $$`);
    await q.query(`ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL, ALTER COLUMN "prev_hash" SET NOT NULL, ALTER COLUMN "hash" SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "UQ_audit_log_seq" ON "audit_log" ("seq")`);

    await q.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE head audit_chain_head;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
        NEW.seq := head.seq + 1;
        NEW.prev_hash := head.hash;
        NEW.hash := audit_entry_hash(head.hash, NEW);
        UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    // The head moves only inside the chain trigger (trigger depth 2), never by a statement of its own.
    await q.query(`
      CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '审计链头只能由追加审计日志时更新（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "audit_chain_head_guard" BEFORE UPDATE OR DELETE ON "audit_chain_head" FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()`);
    await q.query(`CREATE TRIGGER "audit_chain_head_no_truncate" BEFORE TRUNCATE ON "audit_chain_head" FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "audit_chain_head_no_truncate" ON "audit_chain_head"`);
    await q.query(`DROP TRIGGER "audit_chain_head_guard" ON "audit_chain_head"`);
    await q.query(`DROP TRIGGER "audit_log_no_truncate" ON "audit_log"`);
    await q.query(`DROP TRIGGER "audit_log_append_only" ON "audit_log"`);
    await q.query(`DROP TRIGGER "audit_log_chain" ON "audit_log"`);
    await q.query(`DROP FUNCTION audit_chain_head_guard()`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`DROP INDEX "UQ_audit_log_seq"`);
    await q.query(`DROP FUNCTION audit_entry_hash(text, audit_log)`);
    await q.query(`DROP TABLE "audit_chain_head"`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "hash", DROP COLUMN "prev_hash", DROP COLUMN "seq", DROP COLUMN "result", DROP COLUMN "ip"`);
    await q.query(`DROP TRIGGER "users_duty_guard" ON "users"`);
    await q.query(`DROP FUNCTION users_duty_guard()`);
    await q.query(`DROP TABLE "server_secrets"`);
    await q.query(`ALTER TABLE "sessions" DROP CONSTRAINT "UQ_sessions_id", DROP COLUMN "last_seen_at", DROP COLUMN "id"`);
    await q.query(`DROP TABLE "recovery_codes"`);
    await q.query(`DROP TABLE "password_history"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step", DROP COLUMN "totp_enabled_at", DROP COLUMN "totp_pending_secret", DROP COLUMN "totp_secret", DROP COLUMN "password_changed_at"`);
  }
}
