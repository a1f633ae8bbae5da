import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
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

/**
 * A browser that has logged in to the account (the device cookie's SHA-256, auth.service `DEVICE_COOKIE`): its own
 * count of failures in a row and its own lock for this account, apart from the account's, which every other client
 * shares. The most recent DEVICES_PER_ACCOUNT are kept.
 */
@Entity('login_devices')
@Index('idx_login_devices_token', ['tokenHash'])
@Check('CK_login_devices_token_hash', `"token_hash" ~ '^[0-9a-f]{64}$'`)
@Check('CK_login_devices_failed_count', `"failed_count" >= 0`)
export class LoginDeviceEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_login_devices_user' })
  user?: UserEntity;

  @PrimaryColumn('text')
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  firstLoginAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  lastLoginAt: Date;

  @Column('int', { default: 0 })
  failedCount: number;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;
}
