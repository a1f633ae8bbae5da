import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { inspectionItemLabels, Role } from '@evs/schema';
import { CHECKLIST, type Guard, type ItemKey } from '@/features/inspections/checklist';
import { useNow } from '@/features/inspections/hooks/useNow';
import { useOnsiteData } from '@/features/inspections/hooks/useOnsiteData';
import { useOutbox } from '@/features/inspections/hooks/useOutbox';
import { useToast } from '@/features/inspections/components/plain';
import { useSession } from '@/shared/session';

/** Said when a check could not be sealed for want of a key (`offlineQueue.ts`): it is in this page's memory only. */
export const MEMORY_ONLY_TOAST = '未能取得加密密钥：这条记录只保存在本页面中，请勿刷新或退出，联网后自动发送';

export interface CheckForm {
  results: Record<ItemKey, boolean>;
  note?: string;
  post?: string;
  personName?: string;
}

/**
 * What became of a submitted checklist: recorded (or already being recorded: the same check), or not,
 * with the note's error when a non-compliance was not described.
 */
export type CheckOutcome = { recorded: true } | { recorded: false; noteError?: string };

/** Whom the checklist is open for: a guard on the roster, or a person found on duty who is not on it. */
export type CheckTarget = Guard | 'stranger';

/**
 * 现场监管's state: the data live or as last seen (useOnsiteData), the device's outbox, the clock,
 * and the check being recorded. A check goes through the outbox, so it is kept on the device in a
 * dead zone and sent when the connection returns.
 */
export function useInspectionScreen(activityId: string) {
  const message = useToast();
  const me = useSession();
  const officer = me.role === Role.SECURITY_DETACHMENT;
  const recorder = useMemo(() => ({ id: me.id, name: me.displayName }), [me.id, me.displayName]);
  const now = useNow();
  const data = useOnsiteData(activityId);
  const outbox = useOutbox(
    activityId,
    recorder,
    () => {
      void data.findings.refetch();
      message.success('待发送的检查记录已发送');
    },
    officer,
  );
  const [checked, setChecked] = useState<Set<string>>(new Set());
  // The checklist open now, and the id of the check it records: made once when it is opened, so a
  // second submit of the same form (a double tap) is the same check, for the outbox and the server.
  const [open, setOpen] = useState<{ target: CheckTarget; id: string } | null>(null);
  /** The checks being recorded or recorded on this screen: each is queued once. */
  const recording = useRef(new Set<string>());

  const { a, findingItems } = data;
  const inProgress = a?.status === 'IN_PROGRESS';
  const startableFrom = a ? dayjs(a.startableFrom) : null;

  /**
   * Records the check through the outbox. A non-compliance must be described: the server refuses it
   * otherwise, and the device must not queue what will be refused (then the note's error is returned).
   * The check's id is the opened checklist's: recording it again (a double tap) does nothing more.
   */
  const recordCheck = async (values: CheckForm, photo: string | null): Promise<CheckOutcome> => {
    if (!open) return { recorded: false };
    if (recording.current.has(open.id)) return { recorded: true };
    const { target: checking, id } = open;
    const stranger = checking === 'stranger';
    const results = stranger ? [] : CHECKLIST.map((c) => ({ item: c.item, compliant: values.results[c.item] !== false }));
    const bad = results.filter((r) => !r.compliant).map((r) => inspectionItemLabels[r.item]);
    if (bad.length && !values.note?.trim()) return { recorded: false, noteError: `“${bad.join('、')}”不合格，请填写问题说明` };
    const who = stranger ? (values.personName ?? '').trim() : checking.name;
    recording.current.add(id);
    let kept: 'device' | 'memory';
    try {
      kept = await outbox.record({
        id,
        activityId,
        label: `${who}${stranger ? '：未经审查人员上岗' : bad.length ? `：${bad.join('、')}` : '：符合要求'}`,
        input: {
          id,
          activityId,
          guardId: stranger ? null : checking.guardId,
          personName: stranger ? who : null,
          post: values.post?.trim() || null,
          results,
          note: values.note?.trim() || null,
          photo,
          recordedAt: new Date().toISOString(),
        },
      });
    } catch (e) {
      // not kept on the device (its storage failed): nothing was queued, the same form may be submitted again
      recording.current.delete(id);
      message.error(`检查记录未能保存：${(e as Error).message || '本机存储不可用'}`);
      return { recorded: false };
    }
    if (!stranger) setChecked((s) => new Set(s).add(checking.guardId));
    setOpen((o) => (o?.id === id ? null : o));
    if (kept === 'memory') message.error(MEMORY_ONLY_TOAST);
    else message.success(navigator.onLine ? '已登记' : '已保存在本机，恢复网络后自动发送');
    return { recorded: true };
  };

  return {
    ...data,
    officer,
    outbox,
    inProgress,
    startableFrom,
    tooEarly: !!startableFrom && now.isBefore(startableFrom),
    ended: !!a && !now.isBefore(dayjs(a.endsAt)),
    openFindings: findingItems?.filter((f) => !f.correctedAt).length ?? 0,
    openSerious: findingItems?.filter((f) => !f.correctedAt && f.serious).length ?? 0,
    checked,
    checking: open?.target ?? null,
    /** The id of the check the open checklist records (a new one each time a checklist is opened). */
    checkId: open?.id ?? null,
    openCheck: (target: CheckTarget) => setOpen({ target, id: crypto.randomUUID() }),
    closeCheck: () => setOpen(null),
    recordCheck,
  };
}

export type InspectionScreen = ReturnType<typeof useInspectionScreen>;
