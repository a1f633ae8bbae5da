import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A revocation of a person's 保安员证 (条例 Art. 17: revoked within 3 years, or twice, bars them).
 * Kept by ID number so it follows the person from company to company.
 */
@Entity('certificate_revocations')
@Index('uq_revocations_person_date', ['idNumber', 'revokedOn'], { unique: true })
export class CertificateRevocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_revocations_id_number')
  @Column('text')
  idNumber: string;

  @Column('date')
  revokedOn: string;

  @Column('text')
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
