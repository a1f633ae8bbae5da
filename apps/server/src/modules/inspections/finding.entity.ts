import { InspectionItem } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A non-compliance found on site, with its correction (纠正): nothing is overwritten. */
@Entity('findings')
@Index('idx_findings_activity', ['activityId', 'item'])
@Index('idx_findings_open_serious', ['companyId'], { where: `"serious" AND "corrected_at" IS NULL` })
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_findings_inspection')
  @Column('uuid')
  inspectionId: string;

  @Column('uuid')
  activityId: string;

  @Index('idx_findings_company')
  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('uuid', { nullable: true })
  guardId: string | null;

  @Column({ type: 'enum', enum: InspectionItem, enumName: 'inspection_item' })
  item: InspectionItem;

  /** 未经审查人员上岗 and Art. 30 acts are serious; they block recommendation until corrected. */
  @Column('boolean', { default: false })
  serious: boolean;

  @Column('text', { nullable: true })
  note: string | null;

  /** Photo as a data URL (JPEG/PNG, size-checked). */
  @Column('text', { nullable: true })
  photo: string | null;

  @Column('uuid')
  recordedBy: string;

  @Column('timestamptz')
  recordedAt: Date;

  @Column('timestamptz', { nullable: true })
  correctedAt: Date | null;

  @Column('uuid', { nullable: true })
  correctedBy: string | null;

  @Column('text', { nullable: true })
  correctionNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
