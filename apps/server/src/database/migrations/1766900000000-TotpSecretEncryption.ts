import { MigrationInterface, QueryRunner } from 'typeorm';
import { decryptPii, encryptPii } from '../../common/pii';

/**
 * Two-factor secrets are encrypted at rest under the PII keyring (AES-256-GCM envelopes `v1:<key>:…`),
 * so a copy of the database or a backup cannot generate login codes. Secrets written before this
 * migration are encrypted in place; `pii:rotate` re-encrypts them with the other columns.
 */
export class TotpSecretEncryption1766900000000 implements MigrationInterface {
  name = 'TotpSecretEncryption1766900000000';

  public async up(q: QueryRunner): Promise<void> {
    const rows: { id: string; totp_secret: string | null; totp_pending_secret: string | null }[] = await q.query(
      `SELECT id, totp_secret, totp_pending_secret FROM users
        WHERE (totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%') OR (totp_pending_secret IS NOT NULL AND totp_pending_secret NOT LIKE 'v1:%')`,
    );
    const seal = (v: string | null) => (v === null || v.startsWith('v1:') ? v : encryptPii(v));
    for (const r of rows) {
      await q.query(`UPDATE users SET totp_secret = $2, totp_pending_secret = $3 WHERE id = $1`, [r.id, seal(r.totp_secret), seal(r.totp_pending_secret)]);
    }
    for (const column of ['totp_secret', 'totp_pending_secret']) {
      await q.query(`COMMENT ON COLUMN users.${column} IS 'TOTP secret, encrypted (PII keyring envelope)'`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    const rows: { id: string; totp_secret: string | null; totp_pending_secret: string | null }[] = await q.query(
      `SELECT id, totp_secret, totp_pending_secret FROM users WHERE totp_secret LIKE 'v1:%' OR totp_pending_secret LIKE 'v1:%'`,
    );
    const open = (v: string | null) => (v !== null && v.startsWith('v1:') ? decryptPii(v) : v);
    for (const r of rows) {
      await q.query(`UPDATE users SET totp_secret = $2, totp_pending_secret = $3 WHERE id = $1`, [r.id, open(r.totp_secret), open(r.totp_pending_secret)]);
    }
    for (const column of ['totp_secret', 'totp_pending_secret']) {
      await q.query(`COMMENT ON COLUMN users.${column} IS NULL`);
    }
  }
}
