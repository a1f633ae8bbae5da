import type { StageDays } from '../deadlines/stages';
import { ActivityStatus, District, SecurityMode } from '@evs/schema';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  IndexOptions,
} from 'typeorm';

/** The security work plan's items (条例 Art. 6), kept with the activity. */
export interface SecurityPlan {
  posts?: string;
  identificationMarks?: string;
  venueCapacity?: number;
  bufferZones?: string;
  ticketAndSecurityChecks?: string;
  parking?: string;
  crowdGuidance?: string;
  emergencyPlan?: string;
}

/** 大型活动: registered by a district bureau or the event detachment, followed to CLOSED. */
@Entity('activities')
@Check('CHK_activities_approved_ages', `("approved_min_age" IS NULL) = ("approved_max_age" IS NULL)`)
@Index('idx_activities_status_start', ['status', 'startsAt'])
@Index('idx_activities_district_start', ['district', 'startsAt'])
// Period scans of the overview (INCLUDE columns; see migration OverviewIndexes).
@Index('idx_activities_start', ['startsAt'], { synchronize: false } as IndexOptions)
// One activity registered once, whoever registers it: among those not cancelled, one per district, name and venue
// (activity_registration_text: NFKC, no whitespace, lower case) and start minute (activity_registration_minute).
// An expression index the entities cannot describe (migration RegisteredOnceNormalized; activity.service.ts).
@Index('uq_activities_registration', ['district', 'name', 'venue', 'startsAt'], { unique: true, where: `"status" <> 'CANCELLED'`, synchronize: false } as IndexOptions)
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human-readable number, e.g. 盘活安〔2026〕0007 → stored as `2026-0007`. */
  @Column('text', { unique: true })
  code: string;

  @Column('text')
  name: string;

  /** 演唱会, 体育赛事, 展会, 庆典, 灯会… */
  @Column('text')
  type: string;

  @Index('idx_activities_organizer')
  @Column('uuid', { nullable: true })
  organizerUnitId: string | null;

  @Column('text')
  organizerName: string;

  @Column('text', { nullable: true })
  undertakerName: string | null;

  @Column('text')
  venue: string;

  @Column('text')
  address: string;

  @Column({ type: 'enum', enum: District, enumName: 'district' })
  district: District;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  /** The date the organizer's application was received (条例 Art. 13: ≥ 20 days before). */
  @Column('date')
  appliedOn: string;

  @Column('int')
  expectedAttendance: number;

  @Column('int')
  guardsRequired: number;

  @Column({ type: 'enum', enum: SecurityMode, enumName: 'security_mode' })
  securityMode: SecurityMode;

  @Column('text')
  contactName: string;

  @Column('text')
  contactPhone: string;

  @Column('jsonb', { default: {} })
  plan: SecurityPlan;

  /** Upper age limit for this activity's guards; null = the setting `guard.maxAge`. */
  @Column('int', { nullable: true })
  ageLimit: number | null;

  /**
   * The age limits the leader's 批示 was given on (`ageLimitsOf`, activity.derive.ts): fixed at
   * approval, so a later change of the settings never moves an approved activity's rule. Null before it.
   */
  @Column('int', { nullable: true })
  approvedMinAge: number | null;

  @Column('int', { nullable: true })
  approvedMaxAge: number | null;

  /**
   * The deadline settings (days before the start / after the end per stage) fixed when the activity
   * was first reported: its stages are judged on time or late by the rules in force then, not by a
   * later change of the settings (review 5 B-F5: the detachment, judged by them, edits them). Null
   * for an activity not reported yet, or reported before this was kept: the current settings.
   */
  @Column('jsonb', { nullable: true })
  deadlineDays: StageDays | null;

  @Column({ type: 'enum', enum: ActivityStatus, enumName: 'activity_status', default: ActivityStatus.DRAFT })
  status: ActivityStatus;

  /** The unit that registered it (a district bureau or the event detachment). */
  @Column('uuid')
  reporterUnitId: string;

  @Column('uuid')
  createdBy: string;

  @Column('text', { nullable: true })
  approvalNote: string | null;

  @Column('text', { nullable: true })
  returnReason: string | null;

  /** Why fewer than 3 candidates were recommended (flagged on the overview). */
  @Column('text', { nullable: true })
  recommendationJustification: string | null;

  @Index('idx_activities_company')
  @Column('uuid', { nullable: true })
  selectedCompanyId: string | null;

  @Column('text', { nullable: true })
  selectionReason: string | null;

  @Column('text', { nullable: true })
  cancelReason: string | null;

  /** 总结: 1–5. */
  @Column('int', { nullable: true })
  evaluationRating: number | null;

  @Column('text', { nullable: true })
  evaluationText: string | null;

  @Column('timestamptz', { nullable: true })
  reportedAt: Date | null;

  /** 保安管理支队 受理 the 通报 and 请示 the leader (seed step 一). */
  @Column('timestamptz', { nullable: true })
  requestedAt: Date | null;

  /** The leader's 批示 (who gave it: approvedBy). */
  @Column('timestamptz', { nullable: true })
  approvedAt: Date | null;

  @Column('uuid', { nullable: true })
  approvedBy: string | null;

  @Column('timestamptz', { nullable: true })
  recommendedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  selectedAt: Date | null;

  /** The roster was first submitted (COMPANY_SELECTED / APPROVED → VETTING). */
  @Column('timestamptz', { nullable: true })
  rosterSubmittedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  vettingClosedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  readyAt: Date | null;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  /** Why the activity was closed with a serious finding still uncorrected (shown in the 台账 and the overview). */
  @Column('text', { nullable: true })
  closeStatement: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
