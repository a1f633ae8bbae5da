import { readOutbox, type QueuedInspection } from '@/features/inspections/offlineQueue';
import { outboxKeyring, type OutboxKeyring } from '@/features/inspections/outboxKey';

/*
 * The on-site checks an account leaves unsent on the device when it logs out (review 11-B F1). They
 * stay in the outbox sealed under the account's key (`features/inspections/offlineQueue.ts`) and only
 * their recorder's session opens and sends them, so on a shared phone they wait for that officer's next
 * login: the logout says so first. Counted here, with the logout's code (the count must be known in a
 * dead zone too: the kept key opens them, nothing is asked of the server); sent by the dialog's chunk
 * (`components/UnsentChecksConfirm.tsx`), which is loaded only when checks wait.
 */

/** What the user chose, asked before a logout while their checks wait on the device. */
export type UnsentChoice = 'sent' | 'logout' | 'cancel';

/** What a logout says while the account's on-site checks wait on the device. */
export const unsentWarning = (count: number) => `有${count}条现场检查记录尚未发送，加密保存在本机。退出后须您本人再次登录并联网后才能发送。`;

/** What it adds when some of them could not be sealed (no key): those are in the page's memory and go with it. */
export const inMemoryWarning = (count: number) => `其中${count}条因未取得加密密钥只保存在本页面中，退出后将丢失，请先联网发送。`;

/** An account's unsent checks: those opened (to send), how many in all, and how many of them only in memory. */
export interface UnsentChecks {
  /** Opened with the kept key, oldest first, refused ones left out: what 立即发送 sends. */
  items: QueuedInspection[];
  /** All of them, with those the kept key cannot open now (sealed under a version not kept here). */
  count: number;
  /** Kept in this page's memory only (no key): lost with the logout unless sent. */
  inMemory: number;
  keyring: OutboxKeyring;
}

/**
 * The checks `recorderId` recorded that still wait to be sent, of every activity: not those the server
 * refused (they will not be sent again); a sealed one that cannot be opened now counts (it is theirs).
 */
export async function unsentChecksOf(recorderId: string): Promise<UnsentChecks> {
  const keyring = await outboxKeyring(recorderId);
  // a clear check of an older build with no recorder is nobody's to count here (the screen adopts it)
  const view = await readOutbox(recorderId, keyring, { mayRecord: false });
  const items = view.items.filter((item) => !item.refused);
  return { items, count: items.length + view.locked, inMemory: items.filter((i) => i.memoryOnly).length, keyring };
}
