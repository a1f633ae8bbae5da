import { District, UnitKind } from '@evs/schema';
import { Check, Column, CreateDateColumn, Entity, Index, IndexOptions, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation a user belongs to: a bureau, a detachment, a company, an organizer. */
@Entity('units')
@Check('CHK_units_bureau_district', `"kind" <> 'DISTRICT_BUREAU' OR "district" IS NOT NULL`)
@Check('CHK_units_merged_inactive', `"merged_into_id" IS NULL OR NOT "active"`)
@Index('uq_units_credit_code', ['creditCode'], { unique: true, where: `"credit_code" IS NOT NULL` })
@Index('uq_units_district_bureau', ['district'], { unique: true, where: `"kind" = 'DISTRICT_BUREAU' AND "active"` })
@Index('uq_units_one_per_city', ['kind'], { unique: true, where: `"kind" IN ('SECURITY_DETACHMENT', 'INSPECTORATE')` })
@Index('uq_units_police_name', ['kind', 'name'], {
  unique: true,
  where: `"kind" NOT IN ('ORGANIZER', 'COMPANY') AND "merged_into_id" IS NULL`,
})
/**
 * One organizer and one company per name (migration UnitNameOnce): on ("kind", unit_name_key("name")),
 * an expression TypeORM cannot declare, so it is kept out of synchronisation (the migration owns it).
 */
@Index('uq_units_name_once', ['kind', 'name'], {
  unique: true,
  where: `"kind" IN ('ORGANIZER', 'COMPANY') AND "merged_into_id" IS NULL`,
  synchronize: false,
} as IndexOptions)
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column({ type: 'enum', enum: UnitKind, enumName: 'unit_kind' })
  kind: UnitKind;

  @Column({ type: 'enum', enum: District, enumName: 'district', nullable: true })
  district: District | null;

  @Column('text', { nullable: true })
  contactName: string | null;

  @Column('text', { nullable: true })
  contactPhone: string | null;

  /** 统一社会信用代码 of an organizer (a company keeps its own in `companies`). */
  @Column('text', { nullable: true })
  creditCode: string | null;

  /** A deactivated unit's accounts cannot log in; its sessions ended when it was deactivated. */
  @Column('boolean', { default: true })
  active: boolean;

  @Column('text', { nullable: true })
  deactivatedReason: string | null;

  /** Set on a duplicate organizer merged into another unit (which now holds everything it had). */
  @Column('uuid', { nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'FK_units_merged_into' })
  mergedInto?: UnitEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
