import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Read model for the overview: per activity, training results by outcome. Written only by triggers. */
@Entity('activity_training_stats')
export class ActivityTrainingStatEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('idx_training_stats_activity')
  @Column('uuid')
  activityId: string;

  /** ABSENT, PASSED, FAILED or PENDING. */
  @Column('text')
  outcome: string;

  @Column('int')
  count: number;
}
