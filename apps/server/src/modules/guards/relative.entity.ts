import { RelativeRelation } from '@evs/schema';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { GuardEntity } from './guard.entity';

/** 直系亲属 of a guard: father, mother, spouse, children. Visible to SECURITY_DETACHMENT only. */
@Entity('guard_relatives')
@Index('uq_relatives_guard_person', ['guardId', 'idNumber'], { unique: true })
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

  @Column('text')
  name: string;

  @Column({ type: 'enum', enum: RelativeRelation, enumName: 'relative_relation' })
  relation: RelativeRelation;

  @Index('idx_relatives_id_number')
  @Column('text')
  idNumber: string;
}
