import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from './user.entity';

/** Hashes of the passwords an account had (the current one included): none of the last 5 again. */
@Entity('password_history')
@Index('idx_password_history_user', ['userId', 'id'])
export class PasswordHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_password_history_user' })
  user?: UserEntity;

  @Column('text')
  passwordHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One-time recovery codes for two-factor login, stored as SHA-256 (each has 80 random bits). */
@Entity('recovery_codes')
@Unique('UQ_recovery_codes', ['userId', 'codeHash'])
export class RecoveryCodeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_recovery_codes_user' })
  user?: UserEntity;

  @Column('text')
  codeHash: string;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Per-deployment random keys that never leave the database (e.g. `login.decoy`). */
@Entity('server_secrets')
export class ServerSecretEntity {
  @PrimaryColumn('text')
  name: string;

  @Column('text')
  value: string;
}
