import { Role } from '@evs/schema';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from '../units/unit.entity';

/** The column comment the migration TotpSecretEncryption sets: the value is ciphertext, never a Base32 secret. */
export const TOTP_SECRET_COMMENT = 'TOTP secret, encrypted (PII keyring envelope)';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  username: string;

  @Column('text')
  passwordHash: string;

  @Column('text')
  displayName: string;

  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Index('idx_users_unit')
  @Column('uuid')
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_users_unit' })
  unit?: UnitEntity;

  @Column('boolean', { default: false })
  mustChangePassword: boolean;

  @Column('int', { default: 0 })
  failedLoginCount: number;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  /** When the password was last set; it expires after the `security.passwordMaxAgeDays` setting. */
  @Column('timestamptz', { default: () => 'now()' })
  passwordChangedAt: Date;

  /** The TOTP shared secret once enrolment is confirmed, encrypted (a PII keyring envelope, common/pii.ts). */
  @Column('text', { nullable: true, comment: TOTP_SECRET_COMMENT })
  totpSecret: string | null;

  /** A secret shown in a QR code but not yet confirmed with a code, encrypted like `totpSecret`. */
  @Column('text', { nullable: true, comment: TOTP_SECRET_COMMENT })
  totpPendingSecret: string | null;

  @Column('timestamptz', { nullable: true })
  totpEnabledAt: Date | null;

  /** The last accepted TOTP time step: a code is accepted once (RFC 6238 §5.2). */
  @Column('bigint', { nullable: true })
  totpLastStep: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
