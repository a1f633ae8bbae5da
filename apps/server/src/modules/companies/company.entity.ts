import { CompanyStatus, District } from '@evs/schema';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { UnitEntity } from '../units/unit.entity';

/**
 * 保安服务公司. Its id is its unit's id: the company's users belong to that unit, so a COMPANY
 * actor's `companyId` is simply its `unitId`.
 */
@Entity('companies')
/** One company per name on the register (企业名称登记管理规定第十七条). */
@Index('uq_companies_name', ['name'], { unique: true })
export class CompanyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @OneToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'id', foreignKeyConstraintName: 'FK_companies_unit' })
  unit?: UnitEntity;

  @Column('text')
  name: string;

  @Column('text', { unique: true })
  creditCode: string;

  @Column('text')
  licenseNo: string;

  @Column('date')
  licenseExpiry: string;

  /** In yuan; 条例 Art. 8 requires at least ¥1,000,000. */
  @Column('numeric', { precision: 14, scale: 2 })
  registeredCapital: string;

  @Column('text')
  address: string;

  @Column({ type: 'enum', enum: District, enumName: 'district' })
  district: District;

  @Column('text')
  contactName: string;

  @Column('text')
  contactPhone: string;

  @Column({ type: 'enum', enum: CompanyStatus, enumName: 'company_status', default: CompanyStatus.ACTIVE })
  status: CompanyStatus;

  @Column('text', { nullable: true })
  statusReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
