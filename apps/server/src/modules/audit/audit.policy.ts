import { AuditAction, Role } from '@evs/schema';
import { Actor } from '../../common/actor';

/**
 * Who reads the audit log: the security auditor (安全审计员, 等保 三员) all of it; the office and
 * 保安管理支队 the trail of business operations. ADMIN runs the system and reads none of it: it must
 * not read or change the trail of its own actions (nobody can change it: the table is append-only).
 */
export const AUDIT_LOG_READERS = [Role.AUDITOR, Role.OFFICE, Role.SECURITY_DETACHMENT] as const;

/** Roles that verify the audit log's hash chain: the security auditor alone (三员分立). */
export const AUDIT_CHAIN_VERIFIERS: readonly Role[] = [Role.AUDITOR];

/**
 * An entry's hash (what an anchor is compared with) is read by those who verify the chain; for the
 * other readers of the log it is null, as a withheld payload is.
 */
export const seesChainHashes = (actor: Actor | null): boolean => !!actor && AUDIT_CHAIN_VERIFIERS.includes(actor.role);

/** Security events (logins, failures, lockouts, denials: who tried what from where) are the auditor's. */
export const SECURITY_EVENT_ACTIONS: AuditAction[] = [
  AuditAction.LOGIN,
  AuditAction.LOGOUT,
  AuditAction.LOGIN_FAILED,
  AuditAction.LOCKOUT,
  AuditAction.ACCESS_DENIED,
];
export const seesSecurityEvents = (actor: Actor | null): boolean => actor?.role === Role.AUDITOR;

/**
 * Reads of vetting detail (READ_DETAIL) name the entries the detachment opened: as the detachment
 * opens entries with hits more often, these would hint at hits before any decision. The auditor (who
 * oversees access to personal data) and the detachment itself see them; nobody else.
 */
export const seesDetailReads = (actor: Actor | null): boolean => actor?.role === Role.AUDITOR || actor?.role === Role.SECURITY_DETACHMENT;

/**
 * Who reads an audit entry's before/after payload (issue 10: audit entries are tiered on read).
 * - Vetting detail (decisions and their notes, hits, the records register, revocations, relatives):
 *   保安管理支队 alone. SPEC §1: "relatives' identities and record details are visible to
 *   SECURITY_DETACHMENT alone"; the security auditor oversees the trail, not the records (it sees
 *   who did what and when, and the summary, as everyone who reads the log).
 * - Other personal data (guards): 保安管理支队 and the security auditor.
 * - The rest (no personal data beyond names, no vetting detail): everyone who reads the log.
 * Withheld payloads are null, with `payloadHidden`.
 */
const VETTING_DETAIL_TYPES = new Set(['RosterEntry', 'VettingHit', 'CriminalRecord', 'CertificateRevocation', 'GuardRelative']);

/** Entity types whose payloads carry neither personal data beyond names nor vetting detail. */
const OPEN_PAYLOAD_TYPES = new Set(['Activity', 'Company', 'Settings', 'Unit', 'User', 'Candidate', 'Notification', 'TrainingSession']);

/**
 * Keys of a payload the detachment alone reads wherever they appear (SPEC §1: relatives for
 * SECURITY_DETACHMENT alone): the company's statement why a parent is not declared is about the
 * relatives; the auditor gets the rest of the entry.
 */
const DETACHMENT_ONLY_KEYS = new Set(['relativesStatement', 'statement', 'relatives']);

function withoutDetachmentOnly(payload: unknown): unknown {
  if (Array.isArray(payload)) return payload.map(withoutDetachmentOnly);
  if (!payload || typeof payload !== 'object') return payload;
  return Object.fromEntries(Object.entries(payload).filter(([k]) => !DETACHMENT_ONLY_KEYS.has(k)).map(([k, v]) => [k, withoutDetachmentOnly(v)]));
}

/** An entry's before/after payload as this actor may read it: whole, trimmed of the detachment's keys, or null. */
export function auditPayloadFor(actor: Actor | null, entry: { entityType: string; action: AuditAction }, payload: unknown): unknown {
  if (payload == null || !seesAuditPayload(actor, entry)) return null;
  return actor!.role === Role.SECURITY_DETACHMENT ? payload : withoutDetachmentOnly(payload);
}

export function seesAuditPayload(actor: Actor | null, entry: { entityType: string; action: AuditAction }): boolean {
  if (!actor) return false;
  if (actor.role === Role.SECURITY_DETACHMENT) return true;
  if (actor.role === Role.AUDITOR) return !VETTING_DETAIL_TYPES.has(entry.entityType);
  return OPEN_PAYLOAD_TYPES.has(entry.entityType) && entry.action !== AuditAction.READ_DETAIL;
}
