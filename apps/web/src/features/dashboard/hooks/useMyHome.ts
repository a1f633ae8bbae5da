import { useQuery } from '@apollo/client/react';
import type { MyHomeQuery as MyHomeResult } from '@/gql/graphql';
import { usePolicyAfterPreload } from '@/shared/preload';
import { MyHomeQuery } from '../operations';

export type HomeData = MyHomeResult['myHome'];

/** The signed-in role's home figures and work (refreshed on every visit). */
export function useMyHome() {
  const fetchPolicy = usePolicyAfterPreload(MyHomeQuery, {}) ?? 'cache-and-network'; // answered by the first load's preload?
  const { data, loading, error } = useQuery(MyHomeQuery, { fetchPolicy });
  return { home: data?.myHome, loading, error };
}
