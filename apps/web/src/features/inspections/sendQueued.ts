import type { ApolloClient } from '@apollo/client';
import { errorMessage, isTransient } from '@/shared/errors';
import { RecordInspectionMutation } from './operations';
import { enqueue, readOutbox, removeQueued, withOutboxLock } from './offlineQueue';

/**
 * Sends the waiting checks of `recorderId`, of one activity or (`activityId` left out: the logout's 立即发送)
 * all of them on the device, oldest first, one at a time, opened with its `key`. A check leaves the
 * outbox once the server has accepted it; a refusal keeps it, marked with the server's reason, for the
 * officer to see; a network failure keeps it and stops (tried again later). The server keys on the
 * check's id: a check sent again after a lost answer is not recorded twice. Returns how many were sent.
 */
export function sendQueued(client: ApolloClient, recorderId: string, key: CryptoKey | null, activityId?: string): Promise<number> {
  return withOutboxLock(async () => {
    let sent = 0;
    if (!navigator.onLine) return sent;
    const { items } = await readOutbox(recorderId, key, { activityId, mayRecord: true });
    for (const item of items) {
      if (item.refused) continue;
      try {
        await client.mutate({ mutation: RecordInspectionMutation, variables: { input: item.input }, fetchPolicy: 'no-cache' });
        await removeQueued(item.id);
        sent += 1;
      } catch (e) {
        if (!isTransient(e)) {
          // The server answered and refused: keep it, visibly, for the officer to see why.
          await enqueue({ ...item, attempts: item.attempts + 1, refused: errorMessage(e) }, key);
        } else {
          await enqueue({ ...item, attempts: item.attempts + 1 }, key);
          break; // the network (or the server's database) is down again: stop, retry later
        }
      }
    }
    return sent;
  });
}
