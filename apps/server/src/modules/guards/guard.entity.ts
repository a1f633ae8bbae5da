import { Education, GuardStatus, Sex } from '@evs/schema';
import {
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
import { CompanyEntity } from '../companies/company.entity';

/**
 * 保安员 on a company's register. One person (ID number) holds one ACTIVE record; moving company
 * sets the old record LEFT and opens a new one, so history stays.
 */
@Entity('guards')
@Index('uq_guards_active_person', ['idNumber'], { unique: true, where: `"status" = 'ACTIVE'` })
@Index('idx_guards_company', ['companyId', 'status'])
// Age profile of the overview: birth dates by id without reading the rows (see migration OverviewIndexes).
@Index('idx_guards_birth_date', ['id'], { synchronize: false } as IndexOptions)
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

  @Index('idx_guards_id_number')
  @Column('text')
  idNumber: string;

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
