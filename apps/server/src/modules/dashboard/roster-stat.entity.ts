import { VettingDecision, VettingReasonCategory } from '@evs/schema';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Read model for the overview and company performance: per activity and company, how many roster
 * entries have each (decision, reason category, reused or not, age band on duty). Written only by
 * database triggers (migrations RosterStats, SuggestionStats, VettingCountedRule).
 */
@Entity('activity_roster_stats')
export class ActivityRosterStatEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('idx_roster_stats_activity')
  @Column('uuid')
  activityId: string;

  /** The company whose roster it is (performance in candidate suggestions; migration SuggestionStats). */
  @Index('idx_roster_stats_company')
  @Column('uuid')
  companyId: string;

  @Column({ type: 'enum', enum: VettingDecision, enumName: 'vetting_decision' })
  decision: VettingDecision;

  @Column({ type: 'enum', enum: VettingReasonCategory, enumName: 'vetting_reason_category', nullable: true })
  reasonCategory: VettingReasonCategory | null;

  /**
   * Reused copies of an earlier pass (`roster_entries.reused_from_entry_id` set): no officer decided
   * anything in this activity, so a company's performance leaves them out (migration VettingCountedRule).
   */
  @Column('boolean', { default: false })
  reused: boolean;

  /** Age band of a guard on duty; null for entries not on duty. */
  @Column('text', { nullable: true })
  band: string | null;

  @Column('int')
  count: number;
}
