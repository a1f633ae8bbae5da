import { useQuery } from '@apollo/client/react';
import type { MyHomeQuery as MyHomeResult } from '@/gql/graphql';
import { MyHomeQuery } from '../operations';

export type HomeData = MyHomeResult['myHome'];

/** The signed-in role's home figures and work (refreshed on every visit). */
export function useMyHome() {
  const { data, loading, error } = useQuery(MyHomeQuery, { fetchPolicy: 'cache-and-network' });
  return { home: data?.myHome, loading, error };
}
