import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One check of one guard (or of a person on duty who is not on the on-duty roster) on the day.
 * The id is made by the client, so a resend after a dead zone never creates a duplicate.
 */
@Entity('inspections')
export class InspectionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('idx_inspections_activity')
  @Column('uuid')
  activityId: string;

  @Column('uuid', { nullable: true })
  guardId: string | null;

  @Column('uuid', { nullable: true })
  rosterEntryId: string | null;

  /** Name (and certificate number) as found, when the person is not on the on-duty roster. */
  @Column('text', { nullable: true })
  personName: string | null;

  /** The post as it was when the check was recorded (the officer's, or the roster's then). */
  @Column('text', { nullable: true })
  post: string | null;

  /**
   * The guard's name, 保安员证 number and area as they were when the check was recorded: a later change
   * of the register or the 岗位分工 does not rewrite what was found (red team F4).
   */
  @Column('text', { nullable: true })
  guardName: string | null;

  @Column('text', { nullable: true })
  certificateNo: string | null;

  @Column('text', { nullable: true })
  area: string | null;

  /** Item → compliant, for the items checked. */
  @Column('jsonb')
  results: Record<string, boolean>;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid')
  recordedBy: string;

  /** When the officer recorded it on the device (may be earlier than receipt when offline). */
  @Column('timestamptz')
  recordedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
