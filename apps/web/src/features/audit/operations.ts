import { graphql } from '@/gql';

/** The audit trail, newest first, filtered and paged (安全审计员, 领导小组办公室, 保安管理支队). */
export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilterInput, $page: PageInput) {
    auditLog(filter: $filter, page: $page) {
      items {
        id
        at
        action
        actorName
        actorRole
        entityType
        entityId
        summary
        before
        after
        payloadHidden
        result
        ip
      }
      total
    }
  }
`);

/** Recomputes every entry's hash along the chain, and checks an anchor noted earlier if given (安全审计员). */
export const VerifyAuditChainQuery = graphql(`
  query VerifyAuditChain($anchor: String) {
    verifyAuditChain(anchor: $anchor) {
      intact
      checked
      headSeq
      headHash
      anchorHolds
      verifiedAt
      firstBroken {
        seq
        id
        at
        summary
        reason
      }
    }
  }
`);
