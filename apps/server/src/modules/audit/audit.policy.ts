import { AuditAction, Role } from '@evs/schema';
import { Actor } from '../../common/context';

/**
 * Who reads an audit entry's before/after payload (issue 10: audit entries are tiered on read).
 * Payloads of vetting, guards, relatives, records and revocations carry notes, record details and
 * personal data: 保安管理支队 and the security auditor (安全审计员) alone. Others reading the log see
 * that the event happened (who, when, what, the summary), with the payload withheld.
 * (The auditor role is named by value so this rule holds as soon as the role exists.)
 */
const PAYLOAD_READERS: string[] = [Role.SECURITY_DETACHMENT, 'AUDITOR'];

/** Entity types whose payloads carry neither personal data beyond names nor vetting detail. */
const OPEN_PAYLOAD_TYPES = new Set(['Activity', 'Company', 'Settings', 'Unit', 'User', 'Candidate', 'Notification', 'TrainingSession']);

export function seesAuditPayload(actor: Actor | null, entry: { entityType: string; action: AuditAction }): boolean {
  if (!actor) return false;
  if (PAYLOAD_READERS.includes(actor.role)) return true;
  return OPEN_PAYLOAD_TYPES.has(entry.entityType) && entry.action !== AuditAction.READ_DETAIL;
}
