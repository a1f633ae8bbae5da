import { useSyncExternalStore } from 'react';
import { logoutPending, onLogoutPendingChange } from './pendingLogout';

/** Whether a logout is waiting for the server (`shared/pendingLogout.ts`), following its changes in every tab. */
export function useLogoutPending(): boolean {
  return useSyncExternalStore(onLogoutPendingChange, logoutPending, () => false);
}
