import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What 保安管理支队 puts before the leader (seed step 一): its assessment of the reported activity. */
export interface InstructionAssessment {
  /** 规模研判: the scale as the detachment sees it. */
  scale: string;
  /** 人员配备意见: staffing as planned against the ratio. */
  staffing: string;
  /** How many candidate companies it proposes to recommend (≥ 3, SPEC §2 step 3). */
  proposedCandidates: number;
  /** Further remarks. */
  opinion: string | null;
  /** As derived when the request was made. */
  permitTier: string;
  expectedAttendance: number;
  guardsRequired: number;
  suggestedGuards: number;
}

/** 请示: the detachment's request to the leader; the leader's 批示 answers it. One open per activity. */
@Entity('instruction_requests')
@Index('idx_instruction_requests_activity', ['activityId', 'requestedAt'])
@Index('uq_instruction_requests_open', ['activityId'], { unique: true, where: '"answered_at" IS NULL' })
export class InstructionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  activityId: string;

  @Column('uuid')
  requestedBy: string;

  @Column('timestamptz')
  requestedAt: Date;

  @Column('jsonb')
  assessment: InstructionAssessment;

  @Column('uuid', { nullable: true })
  answeredBy: string | null;

  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;

  /** true: 同意; false: 退回. */
  @Column('boolean', { nullable: true })
  approved: boolean | null;

  @Column('text', { nullable: true })
  answer: string | null;
}
