import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Throttle on "active at another unit" answers (review A-F2): the refusal that keeps one active
 * record per person tells the uploader that an ID number is real. Per account, the distinct ID
 * numbers it has been told about in a rolling window are kept here (keyed hashes only, never the
 * number), so the limit holds across API nodes (modules/guards/identity-probe.ts).
 *
 * - `identity_probe_accounts`: one row per account ever told; its row lock makes one account's
 *   claims run one at a time (40 parallel requests cannot all see "4 used").
 * - `identity_probes`: (account, keyed hash) once, with when it was first told in the window.
 * - `identity_probe_claim(...)`: the claim itself, all or nothing: under the account's lock it drops
 *   what left the window, counts what is left, and records the new hashes only when the total stays
 *   within the limit. Returns whether it was granted, the count before, and the new hashes.
 */
export class IdentityProbes1767300000000 implements MigrationInterface {
  name = 'IdentityProbes1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "identity_probe_accounts" (
        "actor_id" uuid NOT NULL CONSTRAINT "FK_identity_probe_accounts_user" REFERENCES "users"("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_identity_probe_accounts" PRIMARY KEY ("actor_id")
      )`);
    await q.query(`
      CREATE TABLE "identity_probes" (
        "actor_id" uuid NOT NULL CONSTRAINT "FK_identity_probes_account" REFERENCES "identity_probe_accounts"("actor_id") ON DELETE CASCADE,
        "id_hash" bytea NOT NULL,
        "revealed_at" timestamptz NOT NULL,
        CONSTRAINT "PK_identity_probes" PRIMARY KEY ("actor_id", "id_hash")
      )`);
    await q.query(`
      CREATE FUNCTION identity_probe_claim(p_actor uuid, p_hashes bytea[], p_at timestamptz, p_window interval, p_limit integer)
        RETURNS TABLE (granted boolean, used integer, fresh bytea[]) LANGUAGE plpgsql AS $$
      DECLARE
        v_used integer;
        v_fresh bytea[];
      BEGIN
        INSERT INTO identity_probe_accounts (actor_id) VALUES (p_actor) ON CONFLICT (actor_id) DO NOTHING;
        PERFORM 1 FROM identity_probe_accounts WHERE actor_id = p_actor FOR UPDATE;
        DELETE FROM identity_probes WHERE actor_id = p_actor AND revealed_at <= p_at - p_window;
        SELECT count(*)::int INTO v_used FROM identity_probes WHERE actor_id = p_actor;
        SELECT coalesce(array_agg(DISTINCT h), '{}') INTO v_fresh
          FROM unnest(p_hashes) AS h
         WHERE NOT EXISTS (SELECT 1 FROM identity_probes p WHERE p.actor_id = p_actor AND p.id_hash = h);
        IF v_used + cardinality(v_fresh) > p_limit THEN
          RETURN QUERY SELECT false, v_used, v_fresh;
          RETURN;
        END IF;
        INSERT INTO identity_probes (actor_id, id_hash, revealed_at) SELECT p_actor, h, p_at FROM unnest(v_fresh) AS h;
        RETURN QUERY SELECT true, v_used, v_fresh;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION identity_probe_claim(uuid, bytea[], timestamptz, interval, integer)`);
    await q.query(`DROP TABLE "identity_probes"`);
    await q.query(`DROP TABLE "identity_probe_accounts"`);
  }
}
