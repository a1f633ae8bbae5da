import { RecordCategory } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/pii';

/**
 * An entry of the built-in records register (违法犯罪记录), imported by SECURITY_DETACHMENT.
 * Matched by ID number only (its keyed hash); the name is a hint for the officer. Both are stored encrypted.
 */
@Entity('criminal_records')
@Index('uq_records_entry', ['idNumberHash', 'category', 'occurredOn', 'source'], { unique: true })
@Index('idx_records_created', ['createdAt'])
export class CriminalRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'id_cipher', transformer: encrypted })
  idNumber: string;

  /** Keyed hash of the ID number; the unique index above (led by it) serves the lookups. */
  @Column('bytea', { name: 'id_hash' })
  idNumberHash: Buffer;

  @Column('text', { name: 'name_cipher', transformer: encrypted })
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
