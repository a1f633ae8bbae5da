import { RelativeRelation } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A record found for a roster entry's guard (relation null) or one of their relatives. */
@Entity('vetting_hits')
export class VettingHitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_hits_entry')
  @Column('uuid')
  rosterEntryId: string;

  @Column({ type: 'enum', enum: RelativeRelation, enumName: 'relative_relation', nullable: true })
  relation: RelativeRelation | null;

  @Column('text')
  subjectName: string;

  @Column('text')
  subjectIdNumber: string;

  /** The record in the built-in register, or null when an external source answered. */
  @Column('uuid', { nullable: true })
  recordId: string | null;

  /** What the source said (category, date, source, summary), kept as found. */
  @Column('jsonb')
  record: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
