import dayjs from 'dayjs';
import { Role, UnitKind, unitKindLabels, unitKindsOfRole } from '@evs/schema';
import type { AdminUnitsQuery, UserAccountsQuery } from '@/gql/graphql';
import { serverNow } from '@/shared/clock';

export type AdminUnit = NonNullable<AdminUnitsQuery['units']>[number];
export type UserAccount = UserAccountsQuery['users']['items'][number];

/** A username as the server takes it. */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;

/**
 * The kinds of unit a new account of `role` may belong to. A role of one unit kind asks the server
 * for that kind only; a leader-group member may sit in several kinds, so all units are asked for
 * and filtered here.
 */
export function unitKindsForRole(role: Role | undefined): { kinds: UnitKind[]; queryKind: UnitKind | undefined; placeholder: string } {
  const kinds = role ? unitKindsOfRole[role] : [];
  return {
    kinds,
    queryKind: kinds.length === 1 ? kinds[0] : undefined,
    placeholder: role ? `选择${kinds.map((k) => unitKindLabels[k]).join('或')}` : '先选择角色',
  };
}

/** Whether the account is locked out now (too many failed logins). */
export const isLocked = (u: Pick<UserAccount, 'lockedUntil'>, now = serverNow()) => !!u.lockedUntil && dayjs(u.lockedUntil).isAfter(now);

/** A unit's contact person and phone, or a dash. */
export const unitContact = (u: Pick<AdminUnit, 'contactName' | 'contactPhone'>) => [u.contactName, u.contactPhone].filter(Boolean).join(' ') || '—';

/** The organizers a duplicate may be merged into: active ones other than itself, named with their credit code. */
export function mergeTargets(units: AdminUnit[], sourceId: string | undefined): { value: string; label: string }[] {
  return units
    .filter((u) => u.kind === UnitKind.ORGANIZER && u.active && u.id !== sourceId)
    .map((u) => ({ value: u.id, label: u.creditCode ? `${u.name}（${u.creditCode}）` : u.name }));
}

/** What a merge moved, as the success message says it. */
export const mergeSummary = (r: { accounts: number; activities: number; guards: number; notifications: number }) =>
  `已合并：迁移账号${r.accounts}个、活动${r.activities}项、自招保安员${r.guards}人、通知${r.notifications}条`;
