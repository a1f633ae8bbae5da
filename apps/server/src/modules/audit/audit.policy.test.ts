import { AuditAction, Role } from '@evs/schema';
import { actorFor, table } from '../../../test/actors';
import { AUDIT_CHAIN_VERIFIERS, AUDIT_LOG_READERS, seesAuditPayload, seesChainHashes, seesDetailReads, seesSecurityEvents } from './audit.policy';

describe('audit log tiers (三员分立, issue 10)', () => {
  type Row = { reads: boolean; verifiesChain: boolean; chainHashes: boolean; securityEvents: boolean; detailReads: boolean; vettingPayload: boolean; guardPayload: boolean; activityPayload: boolean };
  const none: Row = { reads: false, verifiesChain: false, chainHashes: false, securityEvents: false, detailReads: false, vettingPayload: false, guardPayload: false, activityPayload: true };
  it.each(table<Row>({
    // record details: the detachment alone (SPEC §1); the auditor sees that the decision happened
    [Role.AUDITOR]: { reads: true, verifiesChain: true, chainHashes: true, securityEvents: true, detailReads: true, vettingPayload: false, guardPayload: true, activityPayload: true },
    [Role.SECURITY_DETACHMENT]: { reads: true, verifiesChain: false, chainHashes: false, securityEvents: false, detailReads: true, vettingPayload: true, guardPayload: true, activityPayload: true },
    [Role.OFFICE]: { ...none, reads: true },
    [Role.ADMIN]: none,
    [Role.LEADER]: none,
    [Role.EVENT_DETACHMENT]: none,
    [Role.DISTRICT_BUREAU]: none,
    [Role.ORGANIZER]: none,
    [Role.COMPANY]: none,
  }))('%s: %o', (role, expected) => {
    const actor = actorFor(role);
    expect({
      reads: (AUDIT_LOG_READERS as readonly Role[]).includes(role),
      verifiesChain: AUDIT_CHAIN_VERIFIERS.includes(role),
      chainHashes: seesChainHashes(actor),
      securityEvents: seesSecurityEvents(actor),
      detailReads: seesDetailReads(actor),
      vettingPayload: ['RosterEntry', 'VettingHit', 'CriminalRecord', 'CertificateRevocation', 'GuardRelative'].some((entityType) =>
        seesAuditPayload(actor, { entityType, action: AuditAction.UPDATE }),
      ),
      guardPayload: seesAuditPayload(actor, { entityType: 'Guard', action: AuditAction.UPDATE }),
      activityPayload: seesAuditPayload(actor, { entityType: 'Activity', action: AuditAction.UPDATE }),
    }).toEqual(expected);
  });

  it('nobody logged in reads nothing', () => {
    expect([seesSecurityEvents(null), seesDetailReads(null), seesChainHashes(null), seesAuditPayload(null, { entityType: 'Activity', action: AuditAction.UPDATE })]).toEqual([false, false, false, false]);
  });
});
