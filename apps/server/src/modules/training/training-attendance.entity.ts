import { TrainingTopic } from '@evs/schema';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A guard's place in a training session: attendance, a score per topic, and the result. */
@Entity('training_attendance')
@Index('idx_attendance_passed', ['rosterEntryId'], { where: '"passed"' })
export class TrainingAttendanceEntity {
  @PrimaryColumn('uuid')
  sessionId: string;

  @Index('idx_attendance_entry')
  @PrimaryColumn('uuid')
  rosterEntryId: string;

  /** null until recorded. */
  @Column('boolean', { nullable: true })
  attended: boolean | null;

  /** Score per topic, 0–100, e.g. { LAWS: 86 }. */
  @Column('jsonb', { default: {} })
  scores: Record<string, number>;

  /** Passed every subject of this session (each score ≥ the pass mark in force when recorded). */
  @Column('boolean', { nullable: true })
  passed: boolean | null;

  /** The subjects passed in this session; the duty gate needs all three across the activity's sessions. */
  @Column({ type: 'enum', enum: TrainingTopic, enumName: 'training_topic', array: true, default: '{}' })
  passedTopics: TrainingTopic[];

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @Column('timestamptz', { nullable: true })
  recordedAt: Date | null;
}
