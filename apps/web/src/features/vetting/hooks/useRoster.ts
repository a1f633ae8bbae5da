import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { activityStatusLabels, Role, rosterLimit } from '@evs/schema';
import {
  RemoveEntryMutation,
  ReplaceEntryMutation,
  RosterCandidatesQuery,
  SubmitRosterMutation,
  SubmitterEntriesQuery,
  VettingActivitiesQuery,
} from '@/features/vetting/operations';
import { errorCode, errorMessage, fieldErrors, isTransient } from '@/shared/errors';
import { labelOf } from '@/shared/labels';
import { useRole } from '@/shared/session';

/**
 * 名单报送's data and commands for the selected company (or the self-recruiting organizer): its
 * activities, the chosen activity's roster, the guards picked from the register, submit, replace
 * a failed guard, remove one.
 */
export function useRoster(activityParam: string | null, chooseActivity: (id: string) => void) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const organizer = useRole() === Role.ORGANIZER;
  const statuses = organizer ? ['APPROVED', 'VETTING', 'TRAINING'] : ['COMPANY_SELECTED', 'VETTING', 'TRAINING'];
  const acts = useQuery(VettingActivitiesQuery, { variables: { statuses: statuses as never, page: { page: 1, pageSize: 100 } } });
  const mine = useMemo(() => (acts.data?.vettingActivities.items ?? []).filter((a) => a.canSubmit), [acts.data]);
  const activityId = activityParam ?? mine.find((a) => a.status !== 'TRAINING')?.id ?? mine[0]?.id;
  const activity = mine.find((a) => a.id === activityId);
  const open = !!activity && (activity.status === 'VETTING' || activity.status === 'COMPANY_SELECTED' || activity.status === 'APPROVED');
  /** The roster's limit and how many more may be submitted (the server's rule: failed entries do not count). */
  const limit = activity ? rosterLimit(activity.guardsRequired) : 0;
  const room = activity ? Math.max(0, limit - (activity.counts.total - activity.counts.failed)) : 0;

  const entries = useQuery(SubmitterEntriesQuery, { variables: { activityId: activityId!, page: { page: 1, pageSize: 500 } }, skip: !activityId });
  const [selected, setSelected] = useState<string[]>([]);
  const [submit, submitting] = useMutation(SubmitRosterMutation);
  const [replace, replacing] = useMutation(ReplaceEntryMutation);
  const [remove] = useMutation(RemoveEntryMutation);
  const [replaced, setReplaced] = useState<{ entryId: string; name: string } | null>(null);
  const [replacement, setReplacement] = useState<string[]>([]);
  /** The server's refusal of the last 上报, kept on the page (not a toast that vanishes) until closed or the next 上报. */
  const [submitError, setSubmitError] = useState<unknown>(null);

  const refresh = async () => {
    await Promise.all([acts.refetch(), entries.refetch(), client.refetchQueries({ include: ['RosterCandidates'] })]);
  };

  const selectActivity = (id: string) => {
    chooseActivity(id);
    setSelected([]);
    setSubmitError(null);
  };

  const submitSelected = async () => {
    const sent = selected;
    setSubmitError(null);
    try {
      const r = await submit({ variables: { input: { activityId: activityId!, guardIds: sent } } });
      const res = r.data!.submitRoster;
      const flagged = res.entries.filter((e) => e.precheckProblems.length > 0).length;
      message.success(`已上报${res.entries.length}人${flagged ? `，其中${flagged}人资格预审不符` : ''}；活动状态：${labelOf(activityStatusLabels, res.activityStatus)}`);
      if (res.warning) message.warning(res.warning, 8);
      setSelected([]);
      await refresh().catch(() => undefined);
    } catch (e) {
      setSubmitError(e);
      if (isTransient(e)) return;
      // Refused: often the page is stale (the roster was submitted in another tab or by a colleague,
      // the activity moved on). Show the roster as it now is, and unpick those the server names as
      // already on it (CONFLICT, `guardIds.<i>`), so that only the others remain to submit.
      if (errorCode(e) === 'CONFLICT') {
        const listed = new Set(fieldErrors(e).map((f) => /^guardIds\.(\d+)$/.exec(f.field)?.[1]).filter((i) => i != null).map((i) => sent[Number(i)]));
        if (listed.size) setSelected((s) => s.filter((id) => !listed.has(id)));
      }
      await refresh().catch(() => undefined);
    }
  };

  /** Adds eligible guards (no pre-check problem, not on the roster) to the selection until the roster would reach the number required. */
  const fillToRequired = async () => {
    if (!activity) return;
    const need = activity.guardsRequired - (activity.counts.total - activity.counts.failed) - selected.length;
    if (need <= 0) {
      message.info('已选人数加上名单人数已达到所需人数');
      return;
    }
    const r = await client.query({
      query: RosterCandidatesQuery,
      variables: { activityId: activity.id, onlyEligible: true, page: { page: 1, pageSize: Math.min(500, need + selected.length) } },
      fetchPolicy: 'network-only',
    });
    const chosen = new Set(selected);
    for (const g of r.data?.rosterCandidates.items ?? []) {
      if (chosen.size >= selected.length + need) break;
      chosen.add(g.guardId);
    }
    setSelected([...chosen]);
  };

  const startReplace = (entryId: string, name: string) => setReplaced({ entryId, name });
  const cancelReplace = () => {
    setReplaced(null);
    setReplacement([]);
  };
  const confirmReplace = async () => {
    if (!replaced || !replacement[0]) return;
    try {
      const r = await replace({ variables: { entryId: replaced.entryId, guardId: replacement[0] } });
      message.success(`已用${r.data!.replaceRosterEntry.guardName}替换${replaced.name}，待审核`);
      cancelReplace();
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
      // e.g. the entry was already replaced or removed in another tab: show the roster as it now is
      if (!isTransient(e)) await refresh().catch(() => undefined);
    }
  };

  const removeEntry = async (entryId: string) => {
    try {
      await remove({ variables: { entryId } });
      await refresh();
    } catch (err) {
      message.error(errorMessage(err));
      if (!isTransient(err)) await refresh().catch(() => undefined);
    }
  };

  /** Guards just imported are picked, ready to submit. */
  const pickImported = (ids: readonly string[]) => {
    setSelected((s) => [...new Set([...s, ...ids])]);
    void client.refetchQueries({ include: ['RosterCandidates'] });
    message.success(`已导入并勾选${ids.length}人，请在“从名册选择”中确认后上报`);
  };

  return {
    organizer,
    acts,
    mine,
    activityId,
    activity,
    open,
    limit,
    room,
    entries,
    rows: entries.data?.rosterEntries.items ?? [],
    selected,
    setSelected,
    selectActivity,
    submitSelected,
    submitting: submitting.loading,
    submitError,
    dismissSubmitError: () => setSubmitError(null),
    fillToRequired,
    replaced,
    replacement,
    setReplacement,
    startReplace,
    cancelReplace,
    confirmReplace,
    replacing: replacing.loading,
    removeEntry,
    pickImported,
  };
}

export type RosterState = ReturnType<typeof useRoster>;
