import { createContext, useContext, type ReactNode } from 'react';
import { Role } from '@evs/schema';
import { forgetDeviceCopies, rememberedUser, type RememberedUser } from './deviceCopies';
import { logoutPending } from './pendingLogout';
import type { MeQuery as MeQueryResult } from '@/gql/graphql';

/** `me` as Apollo asks for it; the text is `ME_QUERY` in `earlySession.ts` (sent early, before Apollo loads). */
export { MeDocument as MeQuery } from '@/gql/graphql';

export type Session = Omit<MeQueryResult['me'], 'role'> & { role: Role };

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ me, children }: { me: MeQueryResult['me']; children: ReactNode }) {
  return <SessionContext.Provider value={{ ...me, role: me.role as Role }}>{children}</SessionContext.Provider>;
}

/*
 * The user as the server last confirmed them is kept on the device (every answer of `me` from the
 * network: `app/apollo.ts`, `shared/earlySession.ts`), so that the app opens without a connection
 * (现场监管 in a venue's dead zone). It grants nothing: every request still needs the session cookie,
 * and the server's answer replaces it as soon as there is a connection. It lasts until the session's
 * end (`shared/deviceCopies.ts`).
 */

/**
 * The remembered user while the session may still be alive (its absolute end, or 12 h from the last
 * confirmation); past it, `'expired'`, and the device copies (the on-site copies, the photos) are
 * forgotten. Nothing while a logout waits for the server (`shared/pendingLogout.ts`).
 */
export function rememberedSession(now = Date.now()): RememberedUser<MeQueryResult['me']> {
  if (logoutPending()) return null;
  return rememberedUser<MeQueryResult['me']>(now);
}

/**
 * Removes everything the app kept on this device for the user (the remembered user and the on-site
 * copies under `evs.`, the on-site photos seen): at logout and when the server no longer knows the session.
 */
export function forgetSession(): void {
  forgetDeviceCopies();
}

/** The logged-in user; only inside the authenticated part of the route tree. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function useRole(): Role {
  return useSession().role;
}
