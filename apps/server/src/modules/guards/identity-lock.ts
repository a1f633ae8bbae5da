import { ActivityStatus } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { formatCN } from '../../common/calendar';
import { DomainError } from '../../common/errors';

/**
 * Activity states in which a roster is open: a decision about a person on it is in force or pending.
 * The lock below holds only until the event's end (`ends_at`): an activity left in one of these states
 * after its day (never closed or cancelled) no longer holds its guards.
 */
export const OPEN_ROSTER_STATUSES: ActivityStatus[] = [
  ActivityStatus.VETTING,
  ActivityStatus.TRAINING,
  ActivityStatus.READY,
  ActivityStatus.IN_PROGRESS,
];

export interface OpenRoster {
  guardId: string;
  activityName: string;
  status: ActivityStatus;
  endsAt: Date;
}

/**
 * For each guard, the first open roster it is on (by the activity's start) whose event has not ended
 * (`hasEnded`) at `now`, the app's clock (common/clock.ts), as every other date rule (code review 11 C9).
 * The triggers that enforce the same lock on any other path (guard_open_roster_activity, migration
 * RosterLockUntilEnd) can only read the database's clock: the same time in production, a backstop only.
 */
export async function openRosters(m: EntityManager, guardIds: string[], now: Date): Promise<Map<string, OpenRoster>> {
  if (!guardIds.length) return new Map();
  // `ends_at > now` is "not hasEnded(activity, now)" (event-window.ts), in SQL.
  const rows: OpenRoster[] = await m.query(
    `SELECT DISTINCT ON (re.guard_id) re.guard_id AS "guardId", a.name AS "activityName", a.status, a.ends_at AS "endsAt"
       FROM roster_entries re JOIN activities a ON a.id = re.activity_id
      WHERE re.guard_id = ANY($1::uuid[]) AND re.state = 'ACTIVE' AND a.status = ANY($2::activity_status[]) AND a.ends_at > $3::timestamptz
      ORDER BY re.guard_id, a.starts_at`,
    [guardIds, OPEN_ROSTER_STATUSES, now],
  );
  return new Map(rows.map((r) => [r.guardId, r]));
}

/** What to do instead of changing a locked particular: during vetting, take the guard off and submit again. */
const correctionWay = (open: OpenRoster): string =>
  open.status === ActivityStatus.VETTING
    ? '如需更正，请先将其移出名单，修改后重新上报（将重新审核）'
    : `背景审核已结束，须待活动结束后再修改（${formatCN(open.endsAt)}结束）`;

/** Why the identity of a guard on an open roster cannot change, and what to do instead. */
export function identityLockedMessage(guardName: string, open: OpenRoster): string {
  return `${guardName}在“${open.activityName}”的名单中，姓名、身份证号和直系亲属不能修改（审核结论针对审核时的身份）；${correctionWay(open)}`;
}

/** Why the 保安员证 or photo of a guard on an open roster cannot change, and what to do instead. */
export function credentialsLockedMessage(guardName: string, open: OpenRoster): string {
  return `${guardName}在“${open.activityName}”的名单中，保安员证号、发证日期、学历和照片不能修改（审核和现场核验针对审核时的证件、学历和照片）；${correctionWay(open)}`;
}

/** Why a guard on an open roster cannot leave the company or be transferred. */
export function leaveLockedMessage(guardName: string, open: OpenRoster): string {
  const how =
    open.status === ActivityStatus.VETTING ? '请先将其移出名单，再办理' : `背景审核已结束，须待活动结束后再办理（${formatCN(open.endsAt)}结束）`;
  return `${guardName}在“${open.activityName}”的名单中，不能办理离职或调转；${how}`;
}

/** What the guard form says while the guard is on an open roster: what is locked, and the way out. */
export function rosterLockMessage(open: OpenRoster): string {
  return `在“${open.activityName}”的名单中：姓名、身份证号、直系亲属、保安员证、学历和照片不能修改，不能办理离职或调转；${correctionWay(open)}`;
}

async function assertNotOnOpenRoster(
  m: EntityManager,
  guard: { id: string; name: string },
  now: Date,
  field: string,
  message: (guardName: string, open: OpenRoster) => string,
): Promise<void> {
  const open = (await openRosters(m, [guard.id], now)).get(guard.id);
  if (!open) return;
  const text = message(guard.name, open);
  throw new DomainError('CONFLICT', text, [{ field, message: text }]);
}

/**
 * The vetted guard holds through the day: while on an open roster, the 保安员证 (number, issue date),
 * the education (条例第十六条, a pre-check) and the photo are refused on every path (form, import); so are leaving and transfer. The database
 * enforces the same (migration CredentialLock, SQLSTATE EV001).
 */
export const assertCredentialsEditable = (m: EntityManager, guard: { id: string; name: string }, now: Date, field: string) =>
  assertNotOnOpenRoster(m, guard, now, field, credentialsLockedMessage);

export const assertMayLeave = (m: EntityManager, guard: { id: string; name: string }, now: Date) =>
  assertNotOnOpenRoster(m, guard, now, 'id', leaveLockedMessage);

/**
 * Vetting binds to an identity (issue 10): while a guard is on an open roster, its name, ID
 * number, relatives and the statement about them are refused, on every path (form, import,
 * transfer). The database enforces the same rule (trigger, SQLSTATE EV001) for any other path.
 */
export const assertIdentityEditable = (m: EntityManager, guard: { id: string; name: string }, now: Date, field = 'idNumber') =>
  assertNotOnOpenRoster(m, guard, now, field, identityLockedMessage);
