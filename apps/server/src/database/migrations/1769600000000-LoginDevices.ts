import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stop 42 §3 / red team: "lockout kept on by anyone knowing a username". Five wrong passwords locked
 * the account for 15 minutes whoever sent them, so anyone who knew an officer's username (they are on
 * printed rosters) could keep the officer out of the system all day, five guesses every 15 minutes.
 *
 * A browser that has logged in to an account before (a device cookie, OWASP "device cookies") keeps
 * a failure count and a lock of its own for that account; every other client shares the account's
 * count (`users.failed_login_count` / `locked_until`), as before. Only the cookie's SHA-256 is kept; the server
 * issues a new token at every successful login (never adopting one the browser brings).
 * One row per account and browser; the account's rows go with it.
 */
export class LoginDevices1769600000000 implements MigrationInterface {
  name = 'LoginDevices1769600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "login_devices" (
        "user_id" uuid NOT NULL CONSTRAINT "FK_login_devices_user" REFERENCES "users"("id") ON DELETE CASCADE,
        "token_hash" text NOT NULL,
        "first_login_at" timestamptz NOT NULL DEFAULT now(),
        "last_login_at" timestamptz NOT NULL DEFAULT now(),
        "failed_count" int NOT NULL DEFAULT 0,
        "locked_until" timestamptz,
        CONSTRAINT "PK_login_devices" PRIMARY KEY ("user_id", "token_hash"),
        CONSTRAINT "CK_login_devices_token_hash" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "CK_login_devices_failed_count" CHECK ("failed_count" >= 0)
      )`);
    // a browser's token is rotated at each login for every account it is a known device of
    await q.query(`CREATE INDEX "idx_login_devices_token" ON "login_devices" ("token_hash")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_devices"`);
  }
}
