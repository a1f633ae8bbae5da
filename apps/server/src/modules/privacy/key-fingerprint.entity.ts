import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Fingerprints of the personal-information keys this database was written with (never the keys):
 * a wrong PII_HASH_KEY would make every ID-number match miss silently, and a wrong key under a known
 * id would fail on first read, so startup compares and refuses (modules/privacy/key-check.ts).
 */
@Entity('pii_key_fingerprints')
export class PiiKeyFingerprintEntity {
  /** `HASH` (PII_HASH_KEY) or `ENCRYPTION` (a key of PII_KEYS). */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_pii_key_fingerprints' })
  kind: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_pii_key_fingerprints' })
  keyId: string;

  @Column('text')
  fingerprint: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
