/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Notifications($unreadOnly: Boolean!, $page: PageInput) {\n    notifications(unreadOnly: $unreadOnly, page: $page) {\n      items {\n        id\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n      total\n      page\n      pageSize\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $page: PageInput) {\n    auditLog(filter: $filter, page: $page) {\n      items {\n        id\n        at\n        action\n        actorName\n        actorRole\n        entityType\n        entityId\n        summary\n        before\n        after\n      }\n      total\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n      mustChangePassword\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      id\n      displayName\n      role\n      mustChangePassword\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Settings {\n    settings {\n      key\n      label\n      value\n      defaultValue\n      unit\n    }\n  }\n": typeof types.SettingsDocument,
    "\n  mutation UpdateSettings($changes: [SettingChangeInput!]!) {\n    updateSettings(changes: $changes) {\n      key\n      value\n    }\n  }\n": typeof types.UpdateSettingsDocument,
    "\n  query Units($kind: UnitKind) {\n    units(kind: $kind) {\n      id\n      name\n      kind\n      district\n      contactName\n      contactPhone\n    }\n  }\n": typeof types.UnitsDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n      mustChangePassword\n      unit {\n        id\n        name\n        kind\n        district\n      }\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query Notifications($unreadOnly: Boolean!, $page: PageInput) {\n    notifications(unreadOnly: $unreadOnly, page: $page) {\n      items {\n        id\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n      total\n      page\n      pageSize\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query AuditLog($filter: AuditFilterInput, $page: PageInput) {\n    auditLog(filter: $filter, page: $page) {\n      items {\n        id\n        at\n        action\n        actorName\n        actorRole\n        entityType\n        entityId\n        summary\n        before\n        after\n      }\n      total\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n      mustChangePassword\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      id\n      displayName\n      role\n      mustChangePassword\n    }\n  }\n": types.LoginDocument,
    "\n  query Settings {\n    settings {\n      key\n      label\n      value\n      defaultValue\n      unit\n    }\n  }\n": types.SettingsDocument,
    "\n  mutation UpdateSettings($changes: [SettingChangeInput!]!) {\n    updateSettings(changes: $changes) {\n      key\n      value\n    }\n  }\n": types.UpdateSettingsDocument,
    "\n  query Units($kind: UnitKind) {\n    units(kind: $kind) {\n      id\n      name\n      kind\n      district\n      contactName\n      contactPhone\n    }\n  }\n": types.UnitsDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n      mustChangePassword\n      unit {\n        id\n        name\n        kind\n        district\n      }\n    }\n  }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($unreadOnly: Boolean!, $page: PageInput) {\n    notifications(unreadOnly: $unreadOnly, page: $page) {\n      items {\n        id\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n      total\n      page\n      pageSize\n    }\n  }\n"): (typeof documents)["\n  query Notifications($unreadOnly: Boolean!, $page: PageInput) {\n    notifications(unreadOnly: $unreadOnly, page: $page) {\n      items {\n        id\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n      total\n      page\n      pageSize\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilterInput, $page: PageInput) {\n    auditLog(filter: $filter, page: $page) {\n      items {\n        id\n        at\n        action\n        actorName\n        actorRole\n        entityType\n        entityId\n        summary\n        before\n        after\n      }\n      total\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilterInput, $page: PageInput) {\n    auditLog(filter: $filter, page: $page) {\n      items {\n        id\n        at\n        action\n        actorName\n        actorRole\n        entityType\n        entityId\n        summary\n        before\n        after\n      }\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      id\n      mustChangePassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      id\n      displayName\n      role\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      id\n      displayName\n      role\n      mustChangePassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    settings {\n      key\n      label\n      value\n      defaultValue\n      unit\n    }\n  }\n"): (typeof documents)["\n  query Settings {\n    settings {\n      key\n      label\n      value\n      defaultValue\n      unit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSettings($changes: [SettingChangeInput!]!) {\n    updateSettings(changes: $changes) {\n      key\n      value\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSettings($changes: [SettingChangeInput!]!) {\n    updateSettings(changes: $changes) {\n      key\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Units($kind: UnitKind) {\n    units(kind: $kind) {\n      id\n      name\n      kind\n      district\n      contactName\n      contactPhone\n    }\n  }\n"): (typeof documents)["\n  query Units($kind: UnitKind) {\n    units(kind: $kind) {\n      id\n      name\n      kind\n      district\n      contactName\n      contactPhone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n      mustChangePassword\n      unit {\n        id\n        name\n        kind\n        district\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n      mustChangePassword\n      unit {\n        id\n        name\n        kind\n        district\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;