import { listQueuedBy, type QueuedInspection } from '@/features/inspections/offlineQueue';

/*
 * The on-site checks an account leaves unsent on the device when it logs out (review 11-B F1). They
 * stay in the outbox (`features/inspections/offlineQueue.ts`) and only their recorder's session sends
 * them, so on a shared phone they wait for that officer's next login: the logout says so first.
 * Counted here, with the logout's code (the count must be known in a dead zone too); sent by the
 * dialog's chunk (`components/UnsentChecksConfirm.tsx`), which is loaded only when checks wait.
 */

/** What the user chose, asked before a logout while their checks wait on the device. */
export type UnsentChoice = 'sent' | 'logout' | 'cancel';

/** What a logout says while the account's on-site checks wait on the device. */
export const unsentWarning = (count: number) => `有${count}条现场检查记录尚未发送，保存在本机。退出后须您本人再次登录并联网后才能发送。`;

/**
 * The checks `recorderId` queued that still wait to be sent, of every activity, oldest first: not
 * those the server refused (they will not be sent again), nor those queued before the recorder was
 * kept (whose they are is not known).
 */
export async function unsentChecksOf(recorderId: string): Promise<QueuedInspection[]> {
  return (await listQueuedBy(recorderId)).filter((item) => !item.refused);
}
