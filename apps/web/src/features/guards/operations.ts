import { graphql } from '@/gql';

export const GuardListQuery = graphql(`
  query GuardList($filter: GuardFilterInput, $page: PageInput) {
    guards(filter: $filter, page: $page) {
      total
      items {
        id
        name
        idNumber
        sex
        age
        phone
        certificateNo
        education
        status
        leftOn
        relativeCount
        relativesDeclared
        rosterLock
        eligibilityProblems { code article message }
      }
    }
  }
`);

export const GuardDetailQuery = graphql(`
  query GuardDetail($id: ID!) {
    guard(id: $id) {
      id
      companyId
      name
      idNumber
      birthDate
      sex
      age
      phone
      certificateNo
      certificateIssuedOn
      education
      photo
      status
      leftOn
      relativeCount
      relativesDeclared
      relativesStatement
      relativesVersion
      updatedAt
      rosterLock
      company { id name }
      revocations { id revokedOn reason certificateNo correctedAt correctionNote cancelledAt cancelReason }
      eligibilityProblems { code article message }
    }
  }
`);

/** 保安管理支队 only: reading relatives is written to the audit log. */
export const GuardRelativesQuery = graphql(`
  query GuardRelatives($id: ID!) {
    guard(id: $id) { id relativesVersion relatives { id name relation idNumber } }
  }
`);

export const CreateGuardMutation = graphql(`
  mutation CreateGuard($input: CreateGuardInput!) {
    createGuard(input: $input) { id name }
  }
`);

export const UpdateGuardMutation = graphql(`
  mutation UpdateGuard($id: ID!, $input: GuardInput!, $expectedUpdatedAt: DateTimeISO) {
    updateGuard(id: $id, input: $input, expectedUpdatedAt: $expectedUpdatedAt) { id name updatedAt }
  }
`);

export const SetGuardRelativesMutation = graphql(`
  mutation SetGuardRelatives($guardId: ID!, $relatives: [RelativeInput!]!, $statement: String, $expectedVersion: String) {
    setGuardRelatives(guardId: $guardId, relatives: $relatives, statement: $statement, expectedVersion: $expectedVersion) {
      id
      relativeCount
      relativesDeclared
      relativesStatement
      relativesVersion
    }
  }
`);

export const GuardLeavesMutation = graphql(`
  mutation GuardLeaves($id: ID!, $date: String!) {
    guardLeaves(id: $id, date: $date) { id status leftOn }
  }
`);

/** 保安管理支队: a revocation's date, reason or certificate number corrected, with why (the guard's detail is read again). */
export const CorrectRevocationMutation = graphql(`
  mutation CorrectCertificateRevocation($id: ID!, $date: String!, $reason: String!, $note: String!, $certificateNo: String) {
    correctCertificateRevocation(id: $id, date: $date, reason: $reason, note: $note, certificateNo: $certificateNo) {
      id revokedOn reason certificateNo correctedAt correctionNote cancelledAt cancelReason
    }
  }
`);

/** 保安管理支队: a revocation entered in error cancelled, with the reason (kept, no longer counted). */
export const CancelRevocationMutation = graphql(`
  mutation CancelCertificateRevocation($id: ID!, $reason: String!) {
    cancelCertificateRevocation(id: $id, reason: $reason) { id revokedOn reason certificateNo correctedAt correctionNote cancelledAt cancelReason }
  }
`);
