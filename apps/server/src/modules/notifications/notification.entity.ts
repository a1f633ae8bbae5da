import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app inbox message to a unit (every user of the unit sees it). */
@Entity('notifications')
@Index('idx_notifications_unit', ['unitId', 'createdAt'])
@Index('uq_notifications_unread_merge', ['unitId', 'mergeKey'], { unique: true, where: '"read_at" IS NULL AND "merge_key" IS NOT NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  unitId: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text', { nullable: true })
  link: string | null;

  @Column('uuid', { nullable: true })
  activityId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  /** Only the unit's accounts of this role see it and may mark it read; null: every account of the unit. */
  @Column('varchar', { length: 32, nullable: true })
  audienceRole: string | null;

  /** Notices of one key replace the unit's unread one instead of piling up (NotificationMessage.mergeKey). */
  @Column('text', { nullable: true })
  mergeKey: string | null;
}
