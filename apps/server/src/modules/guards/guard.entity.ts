import { Education, GuardStatus, Sex } from '@evs/schema';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  IndexOptions,
} from 'typeorm';
import { encrypted } from '../../common/pii';
import { CompanyEntity } from '../companies/company.entity';

/**
 * 保安员 on a company's register. One person (ID number) holds one ACTIVE record; moving company
 * sets the old record LEFT and opens a new one, so history stays. The ID number is stored encrypted
 * and matched by its keyed hash (common/pii.ts); a LEFT record past the retention period is
 * anonymised (no name, ID number, phone or photo; birth date and sex stay for the statistics).
 */
@Entity('guards')
@Index('uq_guards_active_person', ['idNumberHash'], { unique: true, where: `"status" = 'ACTIVE'` })
@Check('ck_guards_identity', `("id_cipher" IS NULL) = ("id_hash" IS NULL) AND ("id_hash" IS NOT NULL OR "anonymised_at" IS NOT NULL)`)
@Index('idx_guards_company', ['companyId', 'status'])
// Age profile of the overview: birth dates by id without reading the rows (see migration OverviewIndexes).
@Index('idx_guards_birth_date', ['id'], { synchronize: false } as IndexOptions)
// 一证一人: the certificate holder trigger and the search by number (see migration CertificateHolder).
@Index('idx_guards_certificate_no', ['certificateNo'], { synchronize: false } as IndexOptions)
export class GuardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  companyId: string;

  @ManyToOne(() => CompanyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'FK_guards_company' })
  company?: CompanyEntity;

  @Column('text')
  name: string;

  /** 居民身份证号, decrypted on load; null once the record is anonymised. */
  @Column('text', { name: 'id_cipher', nullable: true, transformer: encrypted })
  idNumber: string | null;

  /** Keyed hash of the ID number (`idHash`): every equality match, join and unique constraint. */
  @Index('idx_guards_id_hash')
  @Column('bytea', { name: 'id_hash', nullable: true })
  idNumberHash: Buffer | null;

  /** Derived from the ID number. */
  @Column('date')
  birthDate: string;

  @Column({ type: 'enum', enum: Sex, enumName: 'sex' })
  sex: Sex;

  @Column('text', { nullable: true })
  phone: string | null;

  /** 保安员证 number; null when the guard has none yet (then not eligible). */
  @Column('text', { nullable: true })
  certificateNo: string | null;

  @Column('date', { nullable: true })
  certificateIssuedOn: string | null;

  @Column({ type: 'enum', enum: Education, enumName: 'education' })
  education: Education;

  /** A small photo as a data URL (type and size checked on upload). */
  @Column('text', { nullable: true })
  photo: string | null;

  @Column({ type: 'enum', enum: GuardStatus, enumName: 'guard_status', default: GuardStatus.ACTIVE })
  status: GuardStatus;

  @Column('date', { nullable: true })
  leftOn: string | null;

  /**
   * The company's statement why a father or mother is not declared (e.g. 已故、不详). Relatives count
   * as declared when both parents are registered or this is given (issue 10: no silent gap).
   */
  @Column('text', { nullable: true })
  relativesStatement: string | null;

  /** When the retention job anonymised this LEFT record (privacy.retentionDays after its last activity). */
  @Column('timestamptz', { nullable: true })
  anonymisedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
