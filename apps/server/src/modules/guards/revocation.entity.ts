import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/pii';

/**
 * A revocation of a person's 保安员证 (条例 Art. 17: revoked within 3 years, or twice, bars them).
 * Kept by ID number (encrypted, matched by its keyed hash) so it follows the person from company to company.
 *
 * "Twice" is two certificates (after a revocation no new certificate is issued for 3 years): the row names
 * the certificate revoked, and among the revocations in force one person has one per certificate and one
 * per day (red-team L4). A revocation entered in error is cancelled (`cancelledAt`, kept with its reason,
 * no longer counted); a wrong date, reason or number is corrected (`correctedAt`, with the note why).
 */
@Entity('certificate_revocations')
@Index('uq_revocations_person_date', ['idNumberHash', 'revokedOn'], { unique: true, where: '"cancelled_at" IS NULL' })
@Index('uq_revocations_person_certificate', ['idNumberHash', 'certificateNo'], {
  unique: true,
  where: '"cancelled_at" IS NULL AND "certificate_no" IS NOT NULL',
})
export class CertificateRevocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'id_cipher', transformer: encrypted })
  idNumber: string;

  @Index('idx_revocations_id_hash')
  @Column('bytea', { name: 'id_hash' })
  idNumberHash: Buffer;

  @Column('date')
  revokedOn: string;

  @Column('text')
  reason: string;

  /** The 保安员证 revoked; null when it is not known (a revocation stored before the number was kept, and not backfilled). */
  @Column('text', { nullable: true })
  certificateNo: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The last correction of its date, reason or number, by whom, and why. */
  @Column('timestamptz', { nullable: true })
  correctedAt: Date | null;

  @Column('uuid', { nullable: true })
  correctedBy: string | null;

  @Column('text', { nullable: true })
  correctionNote: string | null;

  /** Cancelled as entered in error: kept, with the reason, and no longer counted (条例第十七条). */
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Column('uuid', { nullable: true })
  cancelledBy: string | null;

  @Column('text', { nullable: true })
  cancelReason: string | null;
}
