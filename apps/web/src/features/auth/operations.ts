import { graphql } from '@/gql';

export const CurrentSessionQuery = graphql(`
  query CurrentSession {
    currentSession {
      id
      expiresAt
      idleTimeoutMinutes
    }
  }
`);

export const AccountSecurityQuery = graphql(`
  query AccountSecurity {
    accountSecurity {
      passwordChangedAt
      passwordExpiresAt
      totpEnabled
      totpRequired
      recoveryCodesLeft
    }
  }
`);

export const MyUnitAccountsQuery = graphql(`
  query MyUnitAccounts {
    myUnitAccounts {
      id
      username
      displayName
      role
      active
      createdAt
      openedBy
    }
  }
`);

export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      userAgent
      ip
      current
    }
  }
`);

export const EndSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);

export const BeginTotpEnrolmentMutation = graphql(`
  mutation BeginTotpEnrolment {
    beginTotpEnrolment {
      secret
      otpauthUrl
      qrCodeDataUrl
    }
  }
`);

export const ConfirmTotpEnrolmentMutation = graphql(`
  mutation ConfirmTotpEnrolment($code: String!) {
    confirmTotpEnrolment(code: $code) {
      codes
    }
  }
`);

export const RegenerateRecoveryCodesMutation = graphql(`
  mutation RegenerateRecoveryCodes($code: String!) {
    regenerateRecoveryCodes(code: $code) {
      codes
    }
  }
`);

export const DisableTotpMutation = graphql(`
  mutation DisableTotp($password: String!) {
    disableTotp(password: $password) {
      id
      totpEnabled
      mustEnrolTotp
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      id
      mustChangePassword
      passwordExpired
    }
  }
`);

