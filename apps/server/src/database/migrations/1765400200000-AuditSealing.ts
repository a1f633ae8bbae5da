import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain is sealed after commit instead of inside every writing transaction.
 *
 * Chaining in a BEFORE INSERT trigger locked the one-row chain head until the inserting transaction
 * ended: every audited transaction in the system ran one at a time from its audit entry to its commit,
 * so a burst of logins queued on that lock while holding pooled connections (and a transaction that
 * locked an activity after writing its entry could deadlock with one doing the reverse). Now an entry
 * is written unsealed (seq, prev_hash and hash NULL); `audit_seal(n)` chains committed entries in id
 * order under the head's lock, in a short transaction of its own. The application seals every second
 * (one node at a time) and before every verification. The append-only rule stays: an UPDATE may only
 * seal an unsealed entry, inside `audit_seal`, with every other column unchanged and the hash right.
 */
export class AuditSealing1765400200000 implements MigrationInterface {
  name = 'AuditSealing1765400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "audit_log_chain" ON "audit_log"`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`ALTER TABLE "audit_log" ALTER COLUMN "seq" DROP NOT NULL, ALTER COLUMN "prev_hash" DROP NOT NULL, ALTER COLUMN "hash" DROP NOT NULL`);
    await q.query(`CREATE INDEX "idx_audit_log_unsealed" ON "audit_log" ("id") WHERE "seq" IS NULL`);

    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('evs.audit_sealing', true) = 'on'
           AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
           AND to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash' = to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash'
           AND NEW.hash = audit_entry_hash(NEW.prev_hash, NEW) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only forward, and only to an entry that is sealed with exactly that hash.
        IF TG_OP = 'UPDATE' AND current_setting('evs.audit_sealing', true) = 'on' AND NEW.seq > OLD.seq
           AND EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '审计链头只能由追加审计日志时更新（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    // Chains up to n committed, unsealed entries in id order; returns how many it sealed. Concurrent
    // callers wait for the head's lock and then find nothing left to do.
    await q.query(`
      CREATE FUNCTION audit_seal(n integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        head audit_chain_head;
        r audit_log;
        sealed integer := 0;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
        PERFORM set_config('evs.audit_sealing', 'on', true);
        FOR r IN SELECT * FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT n LOOP
          r.seq := head.seq + 1;
          r.prev_hash := head.hash;
          r.hash := audit_entry_hash(head.hash, r);
          UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
          head.seq := r.seq;
          head.hash := r.hash;
          sealed := sealed + 1;
        END LOOP;
        IF sealed > 0 THEN
          UPDATE audit_chain_head SET seq = head.seq, hash = head.hash WHERE id = 1;
        END IF;
        PERFORM set_config('evs.audit_sealing', 'off', true);
        RETURN sealed;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT audit_seal(2147483647)`);
    await q.query(`DROP FUNCTION audit_seal(integer)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '审计链头只能由追加审计日志时更新（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP INDEX "idx_audit_log_unsealed"`);
    await q.query(`ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL, ALTER COLUMN "prev_hash" SET NOT NULL, ALTER COLUMN "hash" SET NOT NULL`);
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
  }
}
