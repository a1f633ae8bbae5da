import { graphql } from '@/gql';

export const IssuedAccountFields = graphql(`
  fragment IssuedAccountFields on IssuedAccount {
    initialPassword
    account {
      id
      username
      displayName
      role
      mustChangePassword
      unit {
        id
        name
        kind
      }
    }
  }
`);

export const CreateUnitMutation = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      unit {
        id
        name
        kind
        district
        creditCode
        contactName
        contactPhone
        active
      }
      account {
        ...IssuedAccountFields
      }
    }
  }
`);

export const IssueUnitAccountMutation = graphql(`
  mutation IssueUnitAccount($unitId: ID!, $input: NewAccountInput!) {
    issueUnitAccount(unitId: $unitId, input: $input) {
      ...IssuedAccountFields
    }
  }
`);

export const UnitAccountsQuery = graphql(`
  query UnitAccounts($unitId: ID!) {
    unitAccounts(unitId: $unitId) {
      id
      username
      displayName
      active
      mustChangePassword
      lastLoginAt
    }
  }
`);
