import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { CandidateSuggestionsQuery, RecommendCandidatesMutation } from '@/features/recommendation/operations';
import type { CandidateSuggestionsQuery as Result } from '@/gql/graphql';

export type Suggestion = Result['candidateSuggestions']['items'][number];
export type Suggestions = Result['candidateSuggestions'];
export type SuggestionsActivity = NonNullable<Result['activity']>;

/** At least this many candidates while that many qualify. */
export const MIN_CANDIDATES = 3;
const PAGE_SIZE = 20;

/**
 * 合理推荐's state: one page of the ranking at a time (the qualified come first; the server keeps the
 * figures), the chosen companies across pages (named wherever they are listed) and the mutation.
 */
export function useCandidateSuggestions(activityId: string) {
  const [page, setPage] = useState({ page: 1, pageSize: PAGE_SIZE });
  const [showExcluded, setShowExcludedState] = useState(true);
  const { data: current, previousData, loading, error } = useQuery(CandidateSuggestionsQuery, {
    variables: { activityId, page, qualifiedOnly: !showExcluded },
    fetchPolicy: 'network-only',
  });
  const data = current ?? previousData;
  const [recommend, recommending] = useMutation(RecommendCandidatesMutation);
  const [selected, setSelected] = useState<string[] | null>(null);
  const s = data?.candidateSuggestions;

  // Names of every company seen on any page, so the chosen ones can be named wherever they are listed.
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!s) return;
    setNames((known) => new Map([...known, ...s.items.map((i) => [i.companyId, i.companyName] as const)]));
  }, [s]);
  // The first answer sets the choice: what was recommended, or else the first three qualified. Set
  // while rendering that answer (not in an effect after it), so the submit button is never shown
  // disabled for a frame and then enabled.
  if (s && selected === null) {
    setSelected(s.recommendedCompanyIds.length ? s.recommendedCompanyIds : s.items.filter((i) => i.qualified).slice(0, MIN_CANDIDATES).map((i) => i.companyId));
  }
  const chosen = useMemo(() => selected ?? [], [selected]);
  const chosenNames = chosen.map((c) => names.get(c) ?? '…');

  return {
    suggestions: s,
    activity: data?.activity,
    loading,
    firstLoad: loading && !data,
    error,
    page,
    /** Back to the first page when the page size changes. */
    changePage: (p: number, pageSize: number) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
    showExcluded,
    setShowExcluded: (on: boolean) => {
      setShowExcludedState(on);
      setPage((p) => ({ ...p, page: 1 }));
    },
    chosen,
    chosenNames,
    setChosen: setSelected,
    recommending: recommending.loading,
    recommend: (justification: string | null) => recommend({ variables: { activityId, companyIds: chosen, justification } }),
  };
}

export type CandidateSuggestionsState = ReturnType<typeof useCandidateSuggestions>;
