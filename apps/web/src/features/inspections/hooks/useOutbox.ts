import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { OutboxKeyDocument } from '@/gql/graphql';
import { errorMessage, isTransient } from '@/shared/errors';
import { RecordInspectionMutation } from '@/features/inspections/operations';
import {
  enqueue,
  keepInMemory,
  NoOutboxKeyError,
  readOutbox,
  removeQueued,
  sealPending,
  updateQueued,
  type OutboxView,
  type QueuedInspection,
  type Recorder,
} from '@/features/inspections/offlineQueue';
import { outboxKeyring, type AskOutboxKey, type OutboxKeyring } from '@/features/inspections/outboxKey';

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
 * The outbox of one activity's inspection screen: `record` stores on the device first (sealed under the
 * recorder's key, `offlineQueue.ts`), then sends; everything waiting is sent again when the connection
 * returns ('online' event) and every few seconds while anything waits. A network failure keeps the item;
 * a refusal by the server marks it. Only the checks `recorder` made are listed, opened and sent; of other
 * accounts' checks on the device, only their number (`others`). `mayRecord`: the account records checks
 * (only such an account has a key to ask for).
 *
 * The key: kept on the device since the login, else asked for while online (and again at every retry
 * while it is missing). Without one (`keyMissing`) a check is kept in this page's memory only and the
 * screen says so; once the key is here, those and the clear checks of an older build are sealed.
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

  // The keyring of this recorder: asked for once, and again while it has no current key.
  const keyringRef = useRef<{ userId: string; keyring: Promise<OutboxKeyring | null> } | null>(null);
  const getKeyring = useCallback((): Promise<OutboxKeyring | null> => {
    if (!mayRecord) return Promise.resolve(null);
    const held = keyringRef.current;
    if (held?.userId === recorder.id) return held.keyring;
    const ask: AskOutboxKey = async (version) =>
      (
        await client.query({
          query: OutboxKeyDocument,
          variables: version === undefined ? {} : { version },
          fetchPolicy: 'no-cache', // the server's key stays out of Apollo's cache
          context: { background: true, headers: { 'x-evs-background': '1' } },
        })
      ).data!.outboxKey;
    const keyring = outboxKeyring(recorder.id, ask)
      .catch(() => null)
      .then((k) => {
        if (!k?.current && keyringRef.current?.keyring === keyring) keyringRef.current = null; // asked for again next time
        setKeyMissing(!k?.current);
        return k;
      });
    keyringRef.current = { userId: recorder.id, keyring };
    return keyring;
  }, [client, mayRecord, recorder.id]);

  // Reads may end out of order (the screen opening, a recording, a sending): the last one begun is shown.
  const reads = useRef(0);
  const reload = useCallback(async () => {
    const read = ++reads.current;
    const keyring = await getKeyring();
    const next = await readOutbox(recorder.id, keyring, { activityId, mayRecord });
    if (read === reads.current) setView(next);
  }, [activityId, getKeyring, mayRecord, recorder.id]);

  // A flush asked for while one is under way (a check recorded while the last one is being sent): the
  // running one goes round again once it is done, so the new check is sent now and does not wait for
  // the next retry (RETRY_MS). A CI run caught a second check waiting those 10 s.
  const again = useRef(false);

  const flush = useCallback(async () => {
    if (!navigator.onLine || !mayRecord) return;
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    setSending(true);
    let sent = 0;
    try {
      const keyring = await getKeyring();
      // what waits unsealed (in memory, clear from an older build, an older key version) is sealed first
      if (keyring?.current) await sealPending(recorder, keyring).catch(() => undefined);
      let networkDown = false;
      do {
        again.current = false;
        for (const item of (await readOutbox(recorder.id, keyring, { activityId, mayRecord })).items) {
          if (item.refused) continue;
          try {
            await client.mutate({ mutation: RecordInspectionMutation, variables: { input: item.input }, fetchPolicy: 'no-cache' });
            await removeQueued(item.id);
            sent += 1;
          } catch (e) {
            if (!isTransient(e)) {
              // The server answered and refused: keep it, visibly, for the officer to see why.
              await updateQueued({ ...item, attempts: item.attempts + 1, refused: errorMessage(e) }, keyring);
            } else {
              await updateQueued({ ...item, attempts: item.attempts + 1 }, keyring);
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
  }, [activityId, client, getKeyring, mayRecord, reload, recorder]);

  const record = useCallback(
    async (item: Omit<QueuedInspection, 'queuedAt' | 'attempts' | 'queuedBy'>) => {
      const check = {
        ...item,
        input: { ...item.input, recordedBy: recorder.id },
        queuedBy: recorder,
        queuedAt: new Date().toISOString(),
        attempts: 0,
      };
      let kept: 'device' | 'memory' = 'device';
      try {
        await enqueue(check, await getKeyring());
      } catch (e) {
        if (!(e instanceof NoOutboxKeyError)) throw e;
        keepInMemory(check); // never written in the clear: this page keeps it, and the screen says so
        kept = 'memory';
      }
      await reload();
      void flush();
      return kept;
    },
    [flush, getKeyring, reload, recorder],
  );

  /** Deletes one of this recorder's checks (one the server refused). */
  const discard = useCallback(
    async (id: string) => {
      const { items } = await readOutbox(recorder.id, await getKeyring(), { activityId, mayRecord });
      if (items.some((i) => i.id === id)) await removeQueued(id);
      await reload();
    },
    [activityId, getKeyring, mayRecord, recorder.id, reload],
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
    /** This recorder's checks of this activity, opened (those kept in memory only marked `memoryOnly`). */
    items: view.items,
    /** This recorder's sealed checks not opened now (`keyMissing`: its key is not on the device yet). */
    locked: view.locked,
    /** No key could be had: a check recorded now is kept in this page's memory only. */
    keyMissing: mayRecord && keyMissing,
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
