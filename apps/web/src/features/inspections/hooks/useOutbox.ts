import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isTransient } from '@/shared/errors';
import { RecordInspectionMutation } from '@/features/inspections/operations';
import { enqueue, listQueued, removeQueued, type QueuedInspection, type Recorder } from '@/features/inspections/offlineQueue';

const RETRY_MS = 10_000;

/** Whether the browser believes it is online, following the 'online'/'offline' events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** Whether `recorder` may send (or delete) this check: it recorded it (or the check predates `queuedBy`). */
export const isOwnCheck = (item: QueuedInspection, recorder: Recorder) => !item.queuedBy || item.queuedBy.id === recorder.id;

/**
 * The outbox of one activity's inspection screen: `record` stores on the device first, then sends;
 * everything waiting is sent again when the connection returns ('online' event) and every few
 * seconds while anything waits. A network failure keeps the item; a refusal by the server marks it.
 * Only the checks `recorder` made are sent (see `QueuedInspection.queuedBy`).
 */
export function useOutbox(activityId: string, recorder: Recorder, onSent: () => void) {
  const client = useApolloClient();
  const online = useOnline();
  const [items, setItems] = useState<QueuedInspection[]>([]);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const reload = useCallback(async () => setItems(await listQueued(activityId)), [activityId]);

  // A flush asked for while one is under way (a check recorded while the last one is being sent): the
  // running one goes round again once it is done, so the new check is sent now and does not wait for
  // the next retry (RETRY_MS). A CI run caught a second check waiting those 10 s.
  const again = useRef(false);

  const flush = useCallback(async () => {
    if (!navigator.onLine) return;
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    setSending(true);
    let sent = 0;
    try {
      let networkDown = false;
      do {
        again.current = false;
        for (const item of await listQueued(activityId)) {
          if (item.refused || !isOwnCheck(item, recorder)) continue;
          try {
            await client.mutate({ mutation: RecordInspectionMutation, variables: { input: item.input }, fetchPolicy: 'no-cache' });
            await removeQueued(item.id);
            sent += 1;
          } catch (e) {
            if (!isTransient(e)) {
              // The server answered and refused: keep it, visibly, for the officer to see why.
              await enqueue({ ...item, attempts: item.attempts + 1, refused: errorMessage(e) });
            } else {
              await enqueue({ ...item, attempts: item.attempts + 1 });
              networkDown = true;
              break; // the network (or the server's database) is down again: stop, retry later
            }
          }
        }
      } while (again.current && !networkDown && navigator.onLine);
    } finally {
      again.current = false;
      busy.current = false;
      setSending(false);
      await reload();
      if (sent > 0) onSentRef.current();
    }
  }, [activityId, client, reload, recorder]);

  const record = useCallback(
    async (item: Omit<QueuedInspection, 'queuedAt' | 'attempts' | 'queuedBy'>) => {
      await enqueue({
        ...item,
        input: { ...item.input, recordedBy: recorder.id },
        queuedBy: recorder,
        queuedAt: new Date().toISOString(),
        attempts: 0,
      });
      await reload();
      void flush();
    },
    [flush, reload, recorder],
  );

  const discard = useCallback(async (id: string) => {
    const item = (await listQueued(activityId)).find((i) => i.id === id);
    if (item && isOwnCheck(item, recorder)) await removeQueued(id);
    await reload();
  }, [activityId, recorder, reload]);

  useEffect(() => {
    void reload().then(flush);
  }, [reload, flush]);

  useEffect(() => {
    if (online) void flush();
  }, [online, flush]);

  const waiting = items.filter((i) => !i.refused && isOwnCheck(i, recorder)).length;
  useEffect(() => {
    if (waiting === 0) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  return { items, waiting, online, sending, record, flush, discard, recorder };
}
