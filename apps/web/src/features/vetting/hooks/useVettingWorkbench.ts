import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { App, Form } from 'antd';
import { useMemo, useState } from 'react';
import { VettingReasonCategory } from '@evs/schema';
import {
  CloseVettingMutation,
  DecideMutation,
  OfficerEntriesQuery,
  PassableEntriesQuery,
  PassAllCleanMutation,
  RecheckMutation,
  VettingActivitiesQuery,
} from '@/features/vetting/operations';
import { errorCode, errorMessage } from '@/shared/errors';

export type EntryFilter = 'ALL' | 'PENDING' | 'HITS' | 'FAILED';
export type Verdict = 'PASSED' | 'FAILED';

/**
 * After vetting closed, while the guards may still go on duty, 保安管理支队 may still withdraw a pass
 * (PASSED → FAILED, decideVetting) and nothing else: the review it is asked for ("已通过人员有新记录，请复核",
 * whose link opens this page) often concerns an activity whose vetting closed in the same request.
 */
export const WITHDRAWAL_STATUSES: readonly string[] = ['TRAINING', 'READY', 'IN_PROGRESS'];
const LISTED_STATUSES = ['VETTING', ...WITHDRAWAL_STATUSES];

/** An entry 一键通过 would pass, as its confirmation lists it. */
export interface PassableEntry {
  id: string;
  version: number;
  guardName: string;
}

export interface DecideForm {
  reasonCategory?: VettingReasonCategory;
  note?: string;
}

const PAGE_SIZE = 50;
/** Activities in the choice: those in vetting first, then those whose vetting closed (by start). */
const ACTIVITY_LIMIT = 200;

/**
 * The 背景审核工作台's data and commands: the activities in vetting, one page of the chosen
 * activity's entries under a filter, the selection, and the decision being written (with the
 * versions as read, so a decision made meanwhile by another officer is refused by the server).
 */
export function useVettingWorkbench(activityParam: string | null, chooseActivity: (id: string) => void) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const acts = useQuery(VettingActivitiesQuery, { variables: { statuses: LISTED_STATUSES as never, page: { page: 1, pageSize: ACTIVITY_LIMIT } } });
  const activities = acts.data?.vettingActivities.items ?? [];
  const activityId = activityParam ?? activities[0]?.id;
  const activity = activities.find((a) => a.id === activityId);
  /** Vetting closed: the only decision left is withdrawing a pass. */
  const closed = !!activity && WITHDRAWAL_STATUSES.includes(activity.status);
  /** The activity asked for (a notice's link) is no longer in vetting or on its way to the event (closed, cancelled). */
  const missing = !!activityParam && !acts.loading && !!acts.data && !activity;
  // Chosen by the officer, or by default what is left to do: the undecided in vetting, everyone after it.
  const [chosenFilter, setFilterState] = useState<EntryFilter | null>(null);
  const filter: EntryFilter = chosenFilter ?? (closed ? 'ALL' : 'PENDING');
  const [page, setPage] = useState(1);
  const variables = useMemo(
    () => ({
      activityId: activityId!,
      filter: { decision: filter === 'PENDING' ? 'PENDING' : filter === 'FAILED' ? 'FAILED' : null, withHitsOnly: filter === 'HITS' } as never,
      page: { page, pageSize: PAGE_SIZE },
    }),
    [activityId, filter, page],
  );
  // Only an activity of the list: its status says which decisions may be made.
  const entries = useQuery(OfficerEntriesQuery, { variables, skip: !activity });
  const rows = entries.data?.rosterEntries.items ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  // A selection does not outlive the status it was made in (review 10 D4): after a close (here, by 一键通过,
  // or by another officer seen on a refetch) it would offer 批量不通过 = withdrawing many passes at once.
  const statusKey = `${activityId ?? ''}:${activity?.status ?? ''}`;
  const [selectedIn, setSelectedIn] = useState(statusKey);
  if (selectedIn !== statusKey) {
    setSelectedIn(statusKey);
    setSelected([]);
  }
  const [deciding, setDeciding] = useState<{ ids: string[]; versions: number[]; decision: Verdict; names: string; withdraw: boolean } | null>(null);
  const [form] = Form.useForm<DecideForm>();
  const [decide, decideState] = useMutation(DecideMutation);
  const [passAll, passAllState] = useMutation(PassAllCleanMutation);
  const [closeVetting, closing] = useMutation(CloseVettingMutation);
  const [recheck, rechecking] = useMutation(RecheckMutation);

  const refresh = () => Promise.all([acts.refetch(), entries.refetch()]);
  const report = (r: { activityStatus: string; closed: boolean; decided: number; closeBlockers: readonly string[] }, withdraw = false) => {
    if (withdraw) {
      message.success(
        r.activityStatus === 'VETTING'
          ? `已撤销${r.decided}人的审核通过结论；审核通过人数已少于所需，背景审核重新开放，已通知公司替换人员`
          : `已撤销${r.decided}人的审核通过结论，该人员不得上岗，已通知公司`,
      );
    } else if (r.closed) message.success(`已作出${r.decided}人的结论，背景审核已结束，已向公司、主办单位和办公室通报`);
    else message.success(`已作出${r.decided}人的结论${r.closeBlockers.length ? `；尚不能结束：${r.closeBlockers.join('；')}` : ''}`);
  };

  const selectActivity = (id: string) => {
    chooseActivity(id);
    setFilterState(null);
    setPage(1);
    setSelected([]);
  };
  const setFilter = (f: EntryFilter) => {
    setFilterState(f);
    setPage(1);
    setSelected([]);
  };

  /**
   * Opens the decision for these entries, prefilled with the system's suggestion for a refusal. After the
   * close it can only be a withdrawal of a pass (the server refuses anything else).
   */
  const openDecision = (ids: string[], decision: Verdict) => {
    const names = rows.filter((r) => ids.includes(r.id)).map((r) => r.guardName).join('、');
    const versions = ids.map((id) => rows.find((r) => r.id === id)?.version ?? 0);
    const one = rows.find((r) => r.id === ids[0]);
    form.setFieldsValue({
      reasonCategory: decision === 'FAILED' ? ((one?.suggestionCategory as VettingReasonCategory | null) ?? (one?.precheckProblems.length ? VettingReasonCategory.PRE_CHECK : undefined)) : undefined,
      note: decision === 'FAILED' && one?.suggestionReason ? one.suggestionReason : '',
    });
    // a withdrawal: of a pass, after the close (an entry put back to 待审核 after it is decided as in vetting)
    setDeciding({ ids, versions, decision, names, withdraw: closed && ids.every((id) => rows.find((r) => r.id === id)?.decision === 'PASSED') });
  };

  const submitDecision = async () => {
    if (!deciding) return;
    const v = await form.validateFields();
    try {
      const r = await decide({
        variables: {
          input: { entryIds: deciding.ids, expectedVersions: deciding.versions, decision: deciding.decision, reasonCategory: v.reasonCategory ?? null, note: v.note?.trim() || null },
        },
      });
      report(r.data!.decideVetting, deciding.withdraw);
      setDeciding(null);
      setSelected([]);
      form.resetFields();
      await refresh();
    } catch (e) {
      message.error(errorMessage(e), 6);
    }
  };

  /**
   * Who 一键通过 would pass now, asked afresh for its confirmation (the page's list is one filtered page,
   * and a company may add guards meanwhile); null when there is nobody (said so) or the question failed.
   */
  const passableNow = async (): Promise<PassableEntry[] | null> => {
    if (!activity) return null;
    try {
      const r = await client.query({ query: PassableEntriesQuery, variables: { activityId: activity.id }, fetchPolicy: 'network-only' });
      const list = r.data?.passableEntries ?? [];
      if (!list.length) message.info('当前没有可一键通过的人员（须资格预审通过、本人及直系亲属均未比中记录、无审核不通过结论）');
      return list.length ? list : null;
    } catch (e) {
      message.error(errorMessage(e));
      return null;
    }
  };

  /** Passes exactly those the officer confirmed (ids and versions): a change since is refused whole by the server. */
  const passAllClean = async (seen: readonly PassableEntry[]) => {
    if (!activity) return;
    try {
      const r = await passAll({ variables: { activityId: activity.id, expected: seen.map((e) => ({ entryId: e.id, version: e.version })) } });
      report(r.data!.passAllClean);
      setSelected([]);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e), errorCode(e) === 'CONFLICT' ? 8 : undefined);
      await refresh().catch(() => undefined);
    }
  };

  const close = async () => {
    if (!activity) return;
    try {
      await closeVetting({ variables: { activityId: activity.id } });
      message.success('背景审核已结束，进入岗前培训');
      setSelected([]);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e), 6);
    }
  };

  const recheckAll = async () => {
    if (!activity) return;
    try {
      const r = await recheck({ variables: { activityId: activity.id } });
      message.success(`已重新比对${r.data!.recheckVetting}人`);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e), 8);
    }
  };

  return {
    acts,
    activities,
    activityId,
    activity,
    closed,
    missing,
    selectActivity,
    filter,
    setFilter,
    page,
    setPage,
    pageSize: PAGE_SIZE,
    entries,
    rows,
    selected,
    setSelected,
    deciding,
    cancelDecision: () => setDeciding(null),
    openDecision,
    submitDecision,
    form,
    submitting: decideState.loading,
    passableNow,
    passAllClean,
    passingAll: passAllState.loading,
    close,
    closing: closing.loading,
    recheckAll,
    rechecking: rechecking.loading,
  };
}

export type VettingWorkbench = ReturnType<typeof useVettingWorkbench>;
