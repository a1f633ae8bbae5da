import { ActivityStatus } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { DomainError, FieldProblem } from '../../common/errors';

/** Activity states in which a roster is open: a decision about a person on it is in force or pending. */
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
}

/** For each guard, the first open roster it is on (by the activity's start). */
export async function openRosters(m: EntityManager, guardIds: string[]): Promise<Map<string, OpenRoster>> {
  if (!guardIds.length) return new Map();
  const rows: OpenRoster[] = await m.query(
    `SELECT DISTINCT ON (re.guard_id) re.guard_id AS "guardId", a.name AS "activityName", a.status
       FROM roster_entries re JOIN activities a ON a.id = re.activity_id
      WHERE re.guard_id = ANY($1::uuid[]) AND re.state = 'ACTIVE' AND a.status = ANY($2::activity_status[])
      ORDER BY re.guard_id, a.starts_at`,
    [guardIds, OPEN_ROSTER_STATUSES],
  );
  return new Map(rows.map((r) => [r.guardId, r]));
}

/** Why the identity of a guard on an open roster cannot change, and what to do instead. */
export function identityLockedMessage(guardName: string, open: OpenRoster): string {
  const how =
    open.status === ActivityStatus.VETTING
      ? '如需更正，请先将其移出名单，修改后重新上报（将重新审核）'
      : '背景审核已结束，须待活动结束后再修改';
  return `${guardName}在“${open.activityName}”的名单中，姓名、身份证号和直系亲属不能修改（审核结论针对审核时的身份）；${how}`;
}

/**
 * Vetting binds to an identity (issue 10): while a guard is on an open roster, its name, ID
 * number, relatives and the statement about them are refused, on every path (form, import,
 * transfer). The database enforces the same rule (trigger, SQLSTATE EV001) for any other path.
 */
export async function assertIdentityEditable(m: EntityManager, guard: { id: string; name: string }, field = 'idNumber'): Promise<void> {
  const open = (await openRosters(m, [guard.id])).get(guard.id);
  if (!open) return;
  const message = identityLockedMessage(guard.name, open);
  const problems: FieldProblem[] = [{ field, message }];
  throw new DomainError('CONFLICT', message, problems);
}
