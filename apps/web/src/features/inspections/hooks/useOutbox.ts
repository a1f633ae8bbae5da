import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { OutboxKeyDocument } from '@/gql/graphql';
import { enqueue, readOutbox, removeQueued, sealClearChecks, withOutboxLock, type OutboxView, type QueuedInspection, type Recorder } from '@/features/inspections/offlineQueue';
import { outboxKeyOf, type AskOutboxKey } from '@/features/inspections/outboxKey';
import { sendQueued } from '@/features/inspections/sendQueued';

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

const EMPTY: OutboxView = { items: [], locked: 0, others: 0 };

/**
 * The outbox of one activity's inspection screen: `record` stores on the device first (sealed under
 * the recorder's key, `offlineQueue.ts`), then sends; everything waiting is sent again when the
 * connection returns ('online' event) and every few seconds while anything waits. A network failure
 * keeps the item; a refusal by the server marks it. Only the checks `recorder` made are listed, opened
 * and sent; of other accounts' checks on the device, only their number (`others`). `mayRecord`: the
 * account records checks (only such an account has a key to ask for).
 */
export function useOutbox(activityId: string, recorder: Recorder, onSent: () => void, mayRecord = true) {
  const client = useApolloClient();
  const online = useOnline();
  const [view, setView] = useState<OutboxView>(EMPTY);
  const [keyMissing, setKeyMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  // The key: kept on the device, or asked for (online); asked again while it could not be had.
  const keyRef = useRef<{ userId: string; key: Promise<CryptoKey | null> } | null>(null);
  const getKey = useCallback((): Promise<CryptoKey | null> => {
    if (!mayRecord) return Promise.resolve(null);
    const current = keyRef.current;
    if (current?.userId === recorder.id) return current.key;
    const ask: AskOutboxKey = async () =>
      (await client.query({ query: OutboxKeyDocument, fetchPolicy: 'no-cache', context: { background: true, headers: { 'x-evs-background': '1' } } })).data!.outboxKey;
    const key = outboxKeyOf(recorder.id, ask).then((k) => {
      if (!k && keyRef.current?.key === key) keyRef.current = null; // asked for again next time
      setKeyMissing(!k);
      return k;
    });
    keyRef.current = { userId: recorder.id, key };
    return key;
  }, [client, mayRecord, recorder.id]);

  // Reads may end out of order (the screen opening, a recording, a sending): the last one begun is shown.
  const reads = useRef(0);
  const reload = useCallback(async () => {
    const read = ++reads.current;
    const key = await getKey();
    // checks kept in the clear (an older build, or no key then) are sealed once the key is here
    if (key) await withOutboxLock(() => sealClearChecks(recorder, key)).catch(() => undefined);
    const view = await readOutbox(recorder.id, key, { activityId, mayRecord });
    if (read === reads.current) setView(view);
  }, [activityId, getKey, mayRecord, recorder]);

  const flush = useCallback(async () => {
    if (busy.current || !navigator.onLine || !mayRecord) return;
    busy.current = true;
    setSending(true);
    let sent = 0;
    try {
      sent = await sendQueued(client, recorder.id, await getKey(), activityId);
    } finally {
      busy.current = false;
      setSending(false);
      await reload();
      if (sent > 0) onSentRef.current();
    }
  }, [activityId, client, getKey, mayRecord, reload, recorder.id]);

  const record = useCallback(
    async (item: Omit<QueuedInspection, 'queuedAt' | 'attempts' | 'queuedBy'>) => {
      await enqueue(
        {
          ...item,
          input: { ...item.input, recordedBy: recorder.id },
          queuedBy: recorder,
          queuedAt: new Date().toISOString(),
          attempts: 0,
        },
        await getKey(),
      );
      await reload();
      void flush();
    },
    [flush, getKey, reload, recorder],
  );

  /** Deletes one of this recorder's checks (one the server refused). */
  const discard = useCallback(
    async (id: string) => {
      const { items } = await readOutbox(recorder.id, await getKey(), { mayRecord });
      if (items.some((i) => i.id === id)) await withOutboxLock(() => removeQueued(id));
      await reload();
    },
    [getKey, mayRecord, recorder.id, reload],
  );

  useEffect(() => {
    void reload().then(flush);
  }, [reload, flush]);

  useEffect(() => {
    if (online) void flush();
  }, [online, flush]);

  const waiting = view.items.filter((i) => !i.refused).length;
  useEffect(() => {
    if (waiting === 0 && !(keyMissing && view.locked > 0)) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, keyMissing, view.locked, flush]);

  return {
    /** This recorder's checks of this activity, opened. */
    items: view.items,
    /** This recorder's sealed checks not opened now (`keyMissing`: its key is not on the device yet). */
    locked: view.locked,
    keyMissing,
    /** Other accounts' checks on this device: a count only. */
    others: view.others,
    waiting,
    online,
    sending,
    record,
    flush,
    discard,
    recorder,
  };
}
