import { VettingDecision, VettingReasonCategory } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, IndexOptions, PrimaryGeneratedColumn } from 'typeorm';

export enum RosterEntryState {
  /** On the roster. */
  ACTIVE = 'ACTIVE',
  /** Taken off (failed and replaced, or withdrawn by the company); kept for the record. */
  REMOVED = 'REMOVED',
}

/** A pre-check problem found from data (SPEC §5). */
export interface PrecheckProblem {
  code: 'ID_NUMBER' | 'AGE' | 'CERTIFICATE' | 'REVOKED' | 'EDUCATION' | 'OVERLAP';
  message: string;
}

/** One guard on one activity's roster, and the vetting decision about them. */
@Entity('roster_entries')
@Index('uq_roster_active_guard', ['activityId', 'guardId'], { unique: true, where: `"state" = 'ACTIVE'` })
@Index('idx_roster_activity', ['activityId', 'state'])
// Covering index for the overview's aggregates (INCLUDE columns; see migration OverviewIndexes).
@Index('idx_roster_activity_outcome', ['activityId'], { synchronize: false } as IndexOptions)
// Guards who failed vetting lately (candidate suggestions; INCLUDE guard_id, see migration SuggestionStats).
@Index('idx_roster_failed_recent', ['decidedAt'], { synchronize: false } as IndexOptions)
@Index('idx_roster_replaces', ['replacesEntryId'], { where: `"replaces_entry_id" IS NOT NULL` })
export class RosterEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  activityId: string;

  @Index('idx_roster_guard')
  @Column('uuid')
  guardId: string;

  @Column('uuid')
  companyId: string;

  /** Duty post (岗位) assigned for the day. */
  @Column('text', { nullable: true })
  post: string | null;

  /** The post's area (责任区域), e.g. 东门外广场. */
  @Column('text', { nullable: true })
  area: string | null;

  @Column('text', { default: RosterEntryState.ACTIVE })
  state: RosterEntryState;

  @Column('jsonb', { default: [] })
  precheckProblems: PrecheckProblem[];

  @Column({ type: 'enum', enum: VettingDecision, enumName: 'vetting_decision', nullable: true })
  suggestion: VettingDecision | null;

  @Column('text', { nullable: true })
  suggestionReason: string | null;

  /** The reason category of the system's suggestion (保安管理支队 only); a decision's category is `reasonCategory`. */
  @Column({ type: 'enum', enum: VettingReasonCategory, enumName: 'vetting_reason_category', nullable: true })
  suggestionCategory: VettingReasonCategory | null;

  @Column({ type: 'enum', enum: VettingDecision, enumName: 'vetting_decision', default: VettingDecision.PENDING })
  decision: VettingDecision;

  /** The decision's reason category; NULL while PENDING (nothing reveals a hit before the decision). */
  @Column({ type: 'enum', enum: VettingReasonCategory, enumName: 'vetting_reason_category', nullable: true })
  reasonCategory: VettingReasonCategory | null;

  @Column('text', { nullable: true })
  decisionNote: string | null;

  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  /** When a pass of this entry was withdrawn (改为不通过): a check made before then saw a cleared guard. */
  @Column('timestamptz', { nullable: true })
  passWithdrawnAt: Date | null;

  /** The earlier entry whose PASSED decision was reused (within the reuse window). */
  @Column('uuid', { nullable: true })
  reusedFromEntryId: string | null;

  /** The failed entry this one replaces. */
  @Column('uuid', { nullable: true })
  replacesEntryId: string | null;

  @Column('timestamptz', { nullable: true })
  checkedAt: Date | null;

  /** The person as checked (`guard_identity_hash`): a decision and its reuse hold for this identity only. */
  @Column('text', { nullable: true })
  identityHash: string | null;

  /**
   * The keyed hash of the ID number the entry was checked under (red-team F2): earlier findings and 不通过
   * follow the person as checked, not the guard row's current number. NULL: not known (migration CheckedIdHash).
   */
  @Index('idx_roster_checked_id_hash')
  @Column('bytea', { nullable: true })
  checkedIdHash: Buffer | null;

  /**
   * Whether the check looked at the guard's relatives (setting 审查直系亲属 at the check; red-team K1): a pass
   * made on a check that did not is not reused, nor passed by 一键通过, while relatives are checked. NULL: not checked.
   */
  @Column('boolean', { nullable: true })
  relativesChecked: boolean | null;

  /** Bumped by a trigger on every change: `decideVetting` refuses a decision made on a stale copy. */
  @Column('int', { default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
