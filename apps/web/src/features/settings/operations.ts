import { graphql } from '@/gql';

export const SecuritySettingsQuery = graphql(`
  query SecuritySettings {
    securitySettings {
      key
      label
      value
      defaultValue
      unit
    }
  }
`);

export const UpdateSecuritySettingsMutation = graphql(`
  mutation UpdateSecuritySettings($changes: [SettingChangeInput!]!) {
    updateSecuritySettings(changes: $changes) {
      key
      value
    }
  }
`);

export const SettingsQuery = graphql(`
  query Settings {
    settings {
      key
      label
      value
      defaultValue
      unit
      note
    }
  }
`);

export const UpdateSettingsMutation = graphql(`
  mutation UpdateSettings($changes: [SettingChangeInput!]!) {
    updateSettings(changes: $changes) {
      key
      value
    }
  }
`);
