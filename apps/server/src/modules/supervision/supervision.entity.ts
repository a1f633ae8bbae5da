import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One reminder of a passed deadline: level 1 to the responsible unit, level 2 to the office. The
 * unique (activity, stage, level) makes the job idempotent however many API nodes run it.
 */
@Entity('supervision_reminders')
@Unique('uq_supervision_reminders', ['activityId', 'stage', 'level'])
export class SupervisionReminderEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid')
  activityId: string;

  /** A DeadlineStage. */
  @Column('text')
  stage: string;

  @Column('smallint')
  level: number;

  /** Who was reminded. */
  @Column('uuid')
  unitId: string;

  @Column('date')
  dueOn: string;

  @Column('timestamptz')
  sentAt: Date;
}

/** 督办通知: the office asks a unit to act on a stage by a date; the unit answers; the office records the outcome. */
@Entity('supervision_notices')
@Index('idx_supervision_notices_unit', ['unitId', 'closedAt'])
@Index('idx_supervision_notices_activity', ['activityId'])
@Index('uq_supervision_notices_open', ['activityId', 'stage'], { unique: true, where: '"closed_at" IS NULL' })
export class SupervisionNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  activityId: string;

  @Column('text')
  stage: string;

  /** The unit that must answer. */
  @Column('uuid')
  unitId: string;

  @Column('text')
  text: string;

  /** Answer by this date. */
  @Column('date')
  dueOn: string;

  @Column('uuid')
  issuedBy: string;

  @Column('timestamptz')
  issuedAt: Date;

  @Column('text', { nullable: true })
  answer: string | null;

  @Column('uuid', { nullable: true })
  answeredBy: string | null;

  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;

  @Column('text', { nullable: true })
  outcome: string | null;

  @Column('uuid', { nullable: true })
  closedBy: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;
}
