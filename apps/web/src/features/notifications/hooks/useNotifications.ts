import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { BACKGROUND } from '@/app/apollo';
import { MarkNotificationsReadMutation, notificationQueries, UnreadNotificationCountQuery } from '../operations';

const POLL_MS = 30_000;

/** The unread count, polled in the background (a poll never counts as the user's activity). */
export function useUnreadNotificationCount(): number {
  const { data } = useQuery(UnreadNotificationCountQuery, { pollInterval: POLL_MS, fetchPolicy: 'network-only', context: BACKGROUND });
  return data?.unreadNotificationCount ?? 0;
}

/**
 * Marking notices read (the lists and the count refetch) and opening one: an unread notice is
 * marked read, and one with a link goes there (`beforeNavigate` first, e.g. to close a panel).
 */
export function useNotificationActions() {
  const navigate = useNavigate();
  const [markRead] = useMutation(MarkNotificationsReadMutation, { refetchQueries: notificationQueries });
  const markAllRead = () => void markRead({ variables: { ids: [] } });
  const openNotice = (n: { id: string; readAt?: unknown; link?: string | null }, beforeNavigate?: () => void) => {
    if (!n.readAt) void markRead({ variables: { ids: [n.id] } });
    if (n.link) {
      beforeNavigate?.();
      navigate(n.link);
    }
  };
  return { openNotice, markAllRead };
}
