import { useQuery } from '@apollo/client/react';
import { OnsiteActivityQuery } from '@/features/inspections/operations';
import { TrainingOverviewQuery } from '../operations';

/** The activity (status, window, deadlines) and its training overview, loaded together. */
export function useTraining(activityId: string) {
  const activity = useQuery(OnsiteActivityQuery, { variables: { id: activityId } });
  const overview = useQuery(TrainingOverviewQuery, { variables: { activityId } });
  const a = activity.data?.activity;
  const t = overview.data?.training;
  return {
    activity: a,
    training: t,
    loading: (activity.loading && !a) || (overview.loading && !t),
    error: activity.error ?? overview.error,
    refetchOverview: () => overview.refetch(),
    refetchAll: () => Promise.all([overview.refetch(), activity.refetch()]),
  };
}
