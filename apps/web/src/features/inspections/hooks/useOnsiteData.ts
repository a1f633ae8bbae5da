import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import type { OnsiteActivityQuery as OnsiteActivityResult } from '@/gql/graphql';
import { isTransient } from '@/shared/errors';
import type { Finding, Guard } from '../checklist';
import { keepForOffline, keepPhotosForOffline, keptForOffline } from '../offlineQueue';
import { usePolicyAfterPreload } from '@/shared/preload';
import { FindingsQuery, OnDutyRosterQuery, OnsiteActivityQuery } from '../operations';
import { onsiteVariables } from '../preload';

/**
 * The on-site screen's data, live or as last seen: the activity's header, the on-duty roster and the
 * findings. Online, each answer is kept on the device; in a dead zone (a network failure, not a
 * refusal) the kept copy is shown instead, with the time it was saved; back online, all is fetched again.
 */
export function useOnsiteData(activityId: string) {
  // answered moments ago by the first load's preload (app/routes.tsx): read from the cache
  const v = onsiteVariables(activityId);
  const policy = {
    activity: usePolicyAfterPreload(OnsiteActivityQuery, v.activity),
    roster: usePolicyAfterPreload(OnDutyRosterQuery, v.roster),
    findings: usePolicyAfterPreload(FindingsQuery, v.findings),
  };
  const activity = useQuery(OnsiteActivityQuery, { variables: v.activity, fetchPolicy: policy.activity });
  const roster = useQuery(OnDutyRosterQuery, { variables: v.roster, skip: !activityId, fetchPolicy: policy.roster });
  const findings = useQuery(FindingsQuery, { variables: v.findings, skip: !activityId, fetchPolicy: policy.findings });
  // The activity and its roster as last seen online: what the screen shows in a dead zone, also
  // when the app is opened again there (the service worker keeps the app on the device).
  const live = roster.data?.onDutyRoster;
  const liveActivity = activity.data?.activity;
  const cached = useMemo(() => keptForOffline<Guard[]>('roster', activityId), [activityId]);
  const cachedActivity = useMemo(() => keptForOffline<OnsiteActivityResult['activity']>('activity', activityId), [activityId]);
  // Back online: fresh data replaces what the device kept.
  const { refetch: refetchActivity } = activity;
  const { refetch: refetchRoster } = roster;
  const { refetch: refetchFindings } = findings;
  useEffect(() => {
    const refresh = () => {
      void refetchActivity();
      void refetchRoster();
      void refetchFindings();
    };
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [refetchActivity, refetchRoster, refetchFindings]);
  useEffect(() => {
    if (!live) return;
    keepForOffline('roster', activityId, live);
    void keepPhotosForOffline(live.map((g) => g.photoUrl)).catch(() => undefined);
  }, [live, activityId]);
  useEffect(() => {
    if (liveActivity) keepForOffline('activity', activityId, liveActivity);
  }, [liveActivity, activityId]);
  const guards: Guard[] = live ?? cached?.value ?? [];
  // Findings as last seen (their photos are addresses; the service worker keeps the pictures seen).
  const liveFindings = findings.data?.findings.items;
  const cachedFindings = useMemo(() => keptForOffline<Finding[]>('findings', activityId), [activityId]);
  useEffect(() => {
    if (liveFindings) keepForOffline('findings', activityId, liveFindings);
  }, [liveFindings, activityId]);
  const findingsOffline = !liveFindings && isTransient(findings.error) && !!cachedFindings;
  const findingItems: Finding[] | undefined = liveFindings ?? (findingsOffline ? cachedFindings?.value : undefined);

  // Offline (a network failure, not a refusal): the header as last seen.
  const a = liveActivity ?? (isTransient(activity.error) ? cachedActivity?.value : undefined);

  return { activity, roster, findings, a, guards, live, cached, findingItems, findingsOffline, cachedFindings };
}
