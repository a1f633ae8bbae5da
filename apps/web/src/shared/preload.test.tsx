import { ApolloClient, ApolloLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { renderHook, waitFor } from '@testing-library/react';
import { parse } from 'graphql';
import type { ReactNode } from 'react';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preloadQuery, usePolicyAfterPreload } from './preload';

// parsed here, not tagged: the code generator would take a tagged document for one of the app's
const OnsiteActivityQuery: TypedDocumentNode<{ activity: { id: string; code: string; name: string } }, { id: string }> = parse(
  'query OnsiteActivity($id: ID!) { activity(id: $id) { id code name } }',
);

/** A server behind a real Apollo client (the app's default policy): counts what it is asked, answers or fails. */
function fakeServer(fail = false) {
  const asked: string[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        asked.push(String(operation.variables.id));
        if (fail) return observer.error(new TypeError('Failed to fetch'));
        observer.next({ data: { activity: { __typename: 'Activity', id: operation.variables.id, code: 'HD-1', name: '演唱会' } } });
        observer.complete();
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache(), defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } } });
  const wrapper = ({ children }: { children: ReactNode }) => <ApolloProvider client={client}>{children}</ApolloProvider>;
  return { client, asked, wrapper };
}

/** The page's side: the same document and variables, with the policy the preload decides. */
function usePage(id: string) {
  const variables = { id };
  const fetchPolicy = usePolicyAfterPreload(OnsiteActivityQuery, variables);
  return { fetchPolicy, result: useQuery(OnsiteActivityQuery, { variables, fetchPolicy }) };
}

describe('a page preloaded with the first load', () => {
  afterEach(() => void vi.useRealTimers());

  it('renders from the cache without asking the server again', async () => {
    const { client, asked, wrapper } = fakeServer();
    await preloadQuery(client, OnsiteActivityQuery, { id: 'a1' });
    const { result } = renderHook(() => usePage('a1'), { wrapper });
    expect(result.current.fetchPolicy).toBe('cache-first');
    expect(result.current.result.data?.activity.name).toBe('演唱会');
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual(['a1']);
  });

  it('joins a preload still on its way instead of asking a second time', async () => {
    const { client, asked, wrapper } = fakeServer();
    const preloaded = preloadQuery(client, OnsiteActivityQuery, { id: 'a5' });
    const { result } = renderHook(() => usePage('a5'), { wrapper });
    expect(result.current.fetchPolicy).toBe('cache-first');
    await preloaded;
    await waitFor(() => expect(result.current.result.data?.activity.name).toBe('演唱会'));
    expect(asked).toEqual(['a5']);
  });

  it('asks as usual for other variables (another activity)', async () => {
    const { client, asked, wrapper } = fakeServer();
    await preloadQuery(client, OnsiteActivityQuery, { id: 'a1' });
    const { result } = renderHook(() => usePage('a2'), { wrapper });
    expect(result.current.fetchPolicy).toBeUndefined();
    await waitFor(() => expect(result.current.result.data?.activity.id).toBe('a2'));
    expect(asked).toEqual(['a1', 'a2']);
  });

  it('asks again when the preload failed (a dead zone), so the page shows the failure itself', async () => {
    const { client, asked, wrapper } = fakeServer(true);
    await expect(preloadQuery(client, OnsiteActivityQuery, { id: 'a3' })).resolves.toBeUndefined();
    const { result } = renderHook(() => usePage('a3'), { wrapper });
    expect(result.current.fetchPolicy).toBeUndefined();
    await waitFor(() => expect(result.current.result.error).toBeDefined());
    expect(asked).toEqual(['a3', 'a3']);
  });

  it('asks again when the preloaded answer is more than 10 s old', async () => {
    const { client, wrapper } = fakeServer();
    await preloadQuery(client, OnsiteActivityQuery, { id: 'a4' });
    const later = Date.now() + 10_001;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    const { result } = renderHook(() => usePage('a4'), { wrapper });
    expect(result.current.fetchPolicy).toBeUndefined();
    vi.restoreAllMocks();
  });
});
