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
      rosterLock
      company { id name }
      revocations { id revokedOn reason }
      eligibilityProblems { code article message }
    }
  }
`);

/** 保安管理支队 only: reading relatives is written to the audit log. */
export const GuardRelativesQuery = graphql(`
  query GuardRelatives($id: ID!) {
    guard(id: $id) { id relatives { id name relation idNumber } }
  }
`);

export const CreateGuardMutation = graphql(`
  mutation CreateGuard($input: CreateGuardInput!) {
    createGuard(input: $input) { id name }
  }
`);

export const UpdateGuardMutation = graphql(`
  mutation UpdateGuard($id: ID!, $input: GuardInput!) {
    updateGuard(id: $id, input: $input) { id name }
  }
`);

export const SetGuardRelativesMutation = graphql(`
  mutation SetGuardRelatives($guardId: ID!, $relatives: [RelativeInput!]!, $statement: String) {
    setGuardRelatives(guardId: $guardId, relatives: $relatives, statement: $statement) { id relativeCount relativesDeclared relativesStatement }
  }
`);

export const GuardLeavesMutation = graphql(`
  mutation GuardLeaves($id: ID!, $date: String!) {
    guardLeaves(id: $id, date: $date) { id status leftOn }
  }
`);
