import { RecordCategory } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An entry of the built-in records register (违法犯罪记录), imported by SECURITY_DETACHMENT.
 * Matched by ID number only; the name is a hint for the officer.
 */
@Entity('criminal_records')
@Index('uq_records_entry', ['idNumber', 'category', 'occurredOn', 'source'], { unique: true })
@Index('idx_records_created', ['createdAt'])
export class CriminalRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_records_id_number')
  @Column('text')
  idNumber: string;

  @Column('text')
  name: string;

  @Column({ type: 'enum', enum: RecordCategory, enumName: 'record_category' })
  category: RecordCategory;

  @Column('date')
  occurredOn: string;

  @Column('text')
  source: string;

  @Column('text', { nullable: true })
  severity: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
