import { graphql } from '@/gql';

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($unreadOnly: Boolean!, $page: PageInput) {
    notifications(unreadOnly: $unreadOnly, page: $page) {
      items {
        id
        title
        body
        link
        createdAt
        readAt
      }
      total
      page
      pageSize
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** Queries whose figures change when notifications are marked read. */
export const notificationQueries = ['UnreadNotificationCount', 'Notifications'];
