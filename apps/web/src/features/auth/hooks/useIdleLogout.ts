import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { lastActivityAt } from '@/app/apollo';
import { CurrentSessionQuery } from '@/features/auth/operations';
import { serverNowMs } from '@/shared/clock';
import { noteSessionEnd } from '@/shared/deviceCopies';
import { useLogout } from './useLogout';

const WARN_MS = 60_000;

/**
 * The idle timeout as the user sees it: the server ends a session after `idleTimeoutMinutes` without
 * a request (polling does not count). `left` is the time remaining in the last minute (null before);
 * at the end this logs out cleanly (session ended on the server, cache and device copies cleared,
 * login page says why). `stay` is a request, which keeps the session.
 */
export function useIdleLogout() {
  const { data, refetch } = useQuery(CurrentSessionQuery, { fetchPolicy: 'network-only' });
  const { logout } = useLogout();
  const [left, setLeft] = useState<number | null>(null);
  const idleMs = (data?.currentSession.idleTimeoutMinutes ?? 0) * 60_000;
  // The session's absolute end, in this device's clock (the offset to the server's is known now):
  // how long the remembered user and the on-site copies may be used offline (`shared/deviceCopies.ts`).
  const expiresAt = data?.currentSession.expiresAt;
  useEffect(() => {
    if (expiresAt) noteSessionEnd(Date.parse(expiresAt) - (serverNowMs() - Date.now()));
  }, [expiresAt]);

  const end = useCallback(() => logout('idle'), [logout]);

  useEffect(() => {
    if (!idleMs) return;
    const tick = () => {
      const remaining = lastActivityAt() + idleMs - Date.now();
      if (remaining <= 0) {
        setLeft(null);
        void end();
      } else {
        setLeft(remaining <= WARN_MS ? remaining : null);
      }
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [idleMs, end]);

  return { left, end: () => void end(), stay: () => void refetch() };
}
