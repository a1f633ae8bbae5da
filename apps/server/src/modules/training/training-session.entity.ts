import { TrainingTopic } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 岗前培训 session for an activity's cleared roster (or a make-up session). */
@Entity('training_sessions')
@Index('uq_training_sessions_slot', ['activityId', 'startsAt', 'place', 'isMakeup'], { unique: true, where: '"cancelled_at" IS NULL' })
export class TrainingSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_training_activity')
  @Column('uuid')
  activityId: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('text')
  place: string;

  @Column('text')
  instructor: string;

  @Column({ type: 'enum', enum: TrainingTopic, enumName: 'training_topic', array: true })
  topics: TrainingTopic[];

  /** Length in 45-minute periods (学时). */
  @Column('int')
  periods: number;

  @Column('boolean', { default: false })
  isMakeup: boolean;

  /**
   * The pass mark (setting `training.passScore`) its results were judged by, kept when results are
   * first recorded: a later change of the setting never re-labels them. Null until then.
   */
  @Column('int', { nullable: true })
  passScore: number | null;

  /**
   * How many times the results have changed: a client that sends the version it saw gets CONFLICT
   * when another officer changed them since (the same results sent again are no change).
   */
  @Column('int', { default: 0 })
  resultsVersion: number;

  /**
   * How many times the arrangement (time, place, instructor, subjects, length) has been set: a change
   * sent with the version it was made on gets CONFLICT when another officer changed it since.
   */
  @Column('int', { default: 1 })
  version: number;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Last change of time, place, instructor, subjects or length (before it began). */
  @Column('timestamptz', { nullable: true })
  updatedAt: Date | null;

  /** Cancelled before it began, with the reason; its participants are released. */
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Column('uuid', { nullable: true })
  cancelledBy: string | null;

  @Column('text', { nullable: true })
  cancelReason: string | null;
}
