import { RelativeRelation } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/pii';

/**
 * A record found for a roster entry's guard (relation null) or one of their relatives. Who it is
 * (name, ID number) and the name in the record are stored encrypted; the retention job deletes the
 * hits of activities closed longer ago than `privacy.retentionDays`.
 */
@Entity('vetting_hits')
export class VettingHitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_hits_entry')
  @Column('uuid')
  rosterEntryId: string;

  @Column({ type: 'enum', enum: RelativeRelation, enumName: 'relative_relation', nullable: true })
  relation: RelativeRelation | null;

  @Column('text', { name: 'subject_name_cipher', transformer: encrypted })
  subjectName: string;

  @Column('text', { name: 'subject_id_cipher', transformer: encrypted })
  subjectIdNumber: string;

  /** The name the record carries (a hint for the officer; matching is by ID number). */
  @Column('text', { name: 'record_name_cipher', transformer: encrypted })
  recordName: string;

  /** The record in the built-in register, or null when an external source answered. */
  @Column('uuid', { nullable: true })
  recordId: string | null;

  /** What the source said (category, date, source, severity, registered), without name or ID number. */
  @Column('jsonb')
  record: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
