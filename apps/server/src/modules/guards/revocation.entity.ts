import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/pii';

/**
 * A revocation of a person's 保安员证 (条例 Art. 17: revoked within 3 years, or twice, bars them).
 * Kept by ID number (encrypted, matched by its keyed hash) so it follows the person from company to company.
 */
@Entity('certificate_revocations')
@Index('uq_revocations_person_date', ['idNumberHash', 'revokedOn'], { unique: true })
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
