import { createContext, useContext, type ReactNode } from 'react';
import { Role } from '@evs/schema';
import { graphql } from '@/gql';
import type { MeQuery as MeQueryResult } from '@/gql/graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      role
      mustChangePassword
      unit {
        id
        name
        kind
        district
      }
    }
  }
`);

export type Session = Omit<MeQueryResult['me'], 'role'> & { role: Role };

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ me, children }: { me: MeQueryResult['me']; children: ReactNode }) {
  return <SessionContext.Provider value={{ ...me, role: me.role as Role }}>{children}</SessionContext.Provider>;
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
