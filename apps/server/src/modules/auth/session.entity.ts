import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn, Unique } from 'typeorm';

/** A login session. The cookie holds a random token; only its SHA-256 is stored. */
@Entity('sessions')
@Unique('UQ_sessions_id', ['id'])
export class SessionEntity {
  @PrimaryColumn('text')
  tokenHash: string;

  /** What the user sees and ends a session by (the token hash never leaves the server). */
  @Column('uuid')
  @Generated('uuid')
  id: string;

  @Index('idx_sessions_user')
  @Column('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  /** Last request made by the user (not by background polling); the idle timeout counts from here. */
  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt: Date;

  @Column('text', { nullable: true })
  userAgent: string | null;

  @Column('text', { nullable: true })
  ip: string | null;
}
