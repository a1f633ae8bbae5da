import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A company recommended for an activity, with the score it had when recommended and its quote. */
@Entity('activity_candidates')
export class CandidateEntity {
  @PrimaryColumn('uuid')
  activityId: string;

  @Index('idx_candidates_company')
  @PrimaryColumn('uuid')
  companyId: string;

  @Column('int')
  rank: number;

  @Column('numeric', { precision: 6, scale: 2 })
  score: string;

  /** Each part of the score with its weight and raw measure, as shown to the organizer. */
  @Column('jsonb')
  scoreParts: unknown;

  /** 报价, in yuan, entered by the organizer. */
  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  quote: string | null;

  @Column('text', { nullable: true })
  quoteNote: string | null;

  @Column('timestamptz', { nullable: true })
  quotedAt: Date | null;

  @Column('uuid')
  recommendedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
