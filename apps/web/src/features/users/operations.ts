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

export const UnitsQuery = graphql(`
  query Units($kind: UnitKind) {
    units(kind: $kind) {
      id
      name
      kind
      district
      contactName
      contactPhone
    }
  }
`);

export const AdminUnitsQuery = graphql(`
  query AdminUnits($kind: UnitKind, $search: String) {
    units(kind: $kind, search: $search, includeInactive: true) {
      id
      name
      kind
      district
      creditCode
      contactName
      contactPhone
      active
      deactivatedReason
      mergedIntoId
      accountCount
    }
  }
`);

export const SetUnitActiveMutation = graphql(`
  mutation SetUnitActive($id: ID!, $active: Boolean!, $reason: String) {
    setUnitActive(id: $id, active: $active, reason: $reason) {
      id
      active
      deactivatedReason
    }
  }
`);

export const MergeOrganizerUnitsMutation = graphql(`
  mutation MergeOrganizerUnits($sourceId: ID!, $targetId: ID!) {
    mergeOrganizerUnits(sourceId: $sourceId, targetId: $targetId) {
      unit {
        id
      }
      accounts
      activities
      guards
      rosterEntries
      notifications
    }
  }
`);

export const UsersQuery = graphql(`
  query UserAccounts($search: String, $role: Role, $page: PageInput) {
    users(search: $search, role: $role, page: $page) {
      total
      items {
        id
        username
        displayName
        role
        active
        mustChangePassword
        totpEnabled
        lockedUntil
        lastLoginAt
        unit {
          id
          name
        }
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

export const SetUserActiveMutation = graphql(`
  mutation SetUserActive($id: ID!, $active: Boolean!) {
    setUserActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

export const ResetUserTotpMutation = graphql(`
  mutation ResetUserTotp($id: ID!) {
    resetUserTotp(id: $id)
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($id: ID!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) {
      id
      mustChangePassword
      lockedUntil
    }
  }
`);
