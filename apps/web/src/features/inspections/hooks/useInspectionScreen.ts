import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { inspectionItemLabels, Role } from '@evs/schema';
import { CHECKLIST, type Guard, type ItemKey } from '@/features/inspections/checklist';
import { useNow } from '@/features/inspections/hooks/useNow';
import { useOnsiteData } from '@/features/inspections/hooks/useOnsiteData';
import { useOutbox } from '@/features/inspections/hooks/useOutbox';
import { useToast } from '@/features/inspections/components/plain';
import { useSession } from '@/shared/session';

export interface CheckForm {
  results: Record<ItemKey, boolean>;
  note?: string;
  post?: string;
  personName?: string;
}

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
  const outbox = useOutbox(activityId, recorder, () => {
    void data.findings.refetch();
    message.success('待发送的检查记录已发送');
  });
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [checking, setChecking] = useState<CheckTarget | null>(null);

  const { a, findingItems } = data;
  const inProgress = a?.status === 'IN_PROGRESS';
  const startableFrom = a ? dayjs(a.startableFrom) : null;

  /**
   * Records the check through the outbox. A non-compliance must be described: the server refuses it
   * otherwise, and the device must not queue what will be refused. Returns the error for the note, if any.
   */
  const recordCheck = async (values: CheckForm, photo: string | null): Promise<string | null> => {
    if (!checking) return null;
    const stranger = checking === 'stranger';
    const results = stranger ? [] : CHECKLIST.map((c) => ({ item: c.item, compliant: values.results[c.item] !== false }));
    const bad = results.filter((r) => !r.compliant).map((r) => inspectionItemLabels[r.item]);
    if (bad.length && !values.note?.trim()) return `“${bad.join('、')}”不合格，请填写问题说明`;
    const who = stranger ? (values.personName ?? '').trim() : checking.name;
    const id = crypto.randomUUID();
    await outbox.record({
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
    if (!stranger) setChecked((s) => new Set(s).add(checking.guardId));
    setChecking(null);
    message.success(navigator.onLine ? '已登记' : '已保存在本机，恢复网络后自动发送');
    return null;
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
    checking,
    openCheck: setChecking,
    closeCheck: () => setChecking(null),
    recordCheck,
  };
}

export type InspectionScreen = ReturnType<typeof useInspectionScreen>;
