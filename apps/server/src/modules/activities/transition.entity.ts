import { ActivityStatus } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One step of an activity's lifecycle: who moved it, when, from where to where, and why. */
@Entity('activity_transitions')
@Index('idx_transitions_activity', ['activityId', 'at'])
export class ActivityTransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid')
  activityId: string;

  @Column({ type: 'enum', enum: ActivityStatus, enumName: 'activity_status', nullable: true })
  fromStatus: ActivityStatus | null;

  @Column({ type: 'enum', enum: ActivityStatus, enumName: 'activity_status' })
  toStatus: ActivityStatus;

  /** NULL when the system made the move (e.g. vetting closed when a company's action completed it). */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  actorName: string;

  @Column('text', { nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
