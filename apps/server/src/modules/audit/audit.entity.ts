import { AuditAction, AuditResult, Role } from '@evs/schema';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which record, with the record before and after, written in the same transaction.
 * Append-only in the database, and chained: `seq`, `prevHash` and `hash` are set after commit by
 * `audit_seal` (migration AuditSealing; the application seals every second and before verifying);
 * any other UPDATE, DELETE or TRUNCATE is refused.
 */
@Entity('audit_log')
@Check('CHK_audit_result', `"result" IN ('SUCCESS', 'FAILURE')`)
@Index('UQ_audit_log_seq', ['seq'], { unique: true })
@Index('idx_audit_log_unsealed', ['id'], { where: '"seq" IS NULL' })
@Index('idx_audit_entity', ['entityType', 'entityId'])
@Index('idx_audit_at', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  actorName: string | null;

  @Column({ type: 'enum', enum: Role, enumName: 'role', nullable: true })
  actorRole: Role | null;

  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action: AuditAction;

  @Column('text')
  entityType: string;

  @Column('text', { nullable: true })
  entityId: string | null;

  @Column('text')
  summary: string;

  @Column('jsonb', { nullable: true })
  before: unknown;

  @Column('jsonb', { nullable: true })
  after: unknown;

  @Column('text', { nullable: true })
  requestId: string | null;

  /** Source address of the request (behind a proxy, as the proxy reports it). */
  @Column('text', { nullable: true })
  ip: string | null;

  @Column('text', { default: AuditResult.SUCCESS })
  result: AuditResult;

  /** Position in the hash chain (1, 2, …: sealing order, without gaps); NULL until sealed. */
  @Column('bigint', { nullable: true })
  seq: string | null;

  @Column('text', { nullable: true })
  prevHash: string | null;

  /** SHA-256 over the previous hash and this entry (function `audit_entry_hash`); NULL until sealed. */
  @Column('text', { nullable: true })
  hash: string | null;
}

/** The newest link of the audit hash chain; one row, moved only by the chain trigger. */
@Entity('audit_chain_head')
@Check('CHK_audit_chain_head_one', `"id" = 1`)
export class AuditChainHeadEntity {
  @PrimaryColumn('integer')
  id: number;

  @Column('bigint')
  seq: string;

  @Column('text')
  hash: string;
}
