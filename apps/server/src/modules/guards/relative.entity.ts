import { RelativeRelation } from '@evs/schema';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/pii';
import { GuardEntity } from './guard.entity';

/**
 * 直系亲属 of a guard: father, mother, spouse, children. Visible to SECURITY_DETACHMENT only. Name and
 * ID number are stored encrypted; their keyed hashes match records (ID) and bind the vetted identity
 * (both, see `guard_identity_hash`).
 */
@Entity('guard_relatives')
@Index('uq_relatives_guard_person', ['guardId', 'idNumberHash'], { unique: true })
@Index('uq_relatives_guard_parent_spouse', ['guardId', 'relation'], { unique: true, where: `"relation" <> 'CHILD'` })
export class RelativeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_relatives_guard')
  @Column('uuid')
  guardId: string;

  @ManyToOne(() => GuardEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'guard_id', foreignKeyConstraintName: 'FK_relatives_guard' })
  guard?: GuardEntity;

  @Column('text', { name: 'name_cipher', transformer: encrypted })
  name: string;

  @Column('bytea', { name: 'name_hash' })
  nameHash: Buffer;

  @Column({ type: 'enum', enum: RelativeRelation, enumName: 'relative_relation' })
  relation: RelativeRelation;

  @Column('text', { name: 'id_cipher', transformer: encrypted })
  idNumber: string;

  @Index('idx_relatives_id_hash')
  @Column('bytea', { name: 'id_hash' })
  idNumberHash: Buffer;
}
