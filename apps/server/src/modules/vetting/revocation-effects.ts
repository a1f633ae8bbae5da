import { ActivityStatus, AuditAction, VettingDecision, VettingReasonCategory } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { ActivityEntity } from '../activities/activity.entity';
import { AuditService } from '../audit/audit.service';
import { OPEN_ROSTER_STATUSES } from '../guards/identity-lock';
import { NotificationsService } from '../notifications/notifications.service';
import { revocationPrecheck } from './precheck';
import { PrecheckProblem } from './roster-entry.entity';

export interface RevocationEffectsDeps {
  audit: AuditService;
  notifications: NotificationsService;
  /** READY ↔ TRAINING by the on-duty count (training.service `syncReadiness`). */
  syncReadiness(m: EntityManager, activity: ActivityEntity, actor: Actor): Promise<void>;
}

interface OpenEntry {
  id: string;
  activity_id: string;
  decision: VettingDecision;
  company_id: string;
  guard_name: string;
  day: string;
  problems: PrecheckProblem[];
}

/**
 * A 保安员证 revocation reaches the rosters that are still open (条例第十七条 is a hard rule, SPEC §9:
 * "expiry and revocation block, in the API, with the reason shown"). For every ACTIVE entry of the
 * person on an activity from VETTING to IN_PROGRESS that the revocation bars on the activity's day:
 * - the pre-check problems and the suggestion show it (the workbench, the notice);
 * - a PASSED decision becomes FAILED (资格预审不符), decided by the officer who recorded the revocation:
 *   the decision was made on a certificate that no longer holds, so it is withdrawn at once, and the
 *   duty gate (decision PASSED) takes the guard off the on-duty roster and the site;
 * - the company is told, and an activity that no longer has enough guards on duty goes back from
 *   READY to TRAINING.
 * Runs in the transaction that records the revocation; returns how many decisions were withdrawn.
 */
export async function applyRevocationToOpenRosters(m: EntityManager, actor: Actor, deps: RevocationEffectsDeps, idHash: Buffer): Promise<number> {
  const activityIds: { activity_id: string }[] = await m.query(
    `SELECT DISTINCT re.activity_id FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN activities a ON a.id = re.activity_id
      WHERE g.id_hash = $1 AND re.state = 'ACTIVE' AND a.status = ANY($2::activity_status[])`,
    [idHash, OPEN_ROSTER_STATUSES],
  );
  if (!activityIds.length) return 0;
  // The activities first, in one order (as a decision locks its activity before its entries).
  const activities = await m
    .getRepository(ActivityEntity)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id IN (:...ids)', { ids: activityIds.map((a) => a.activity_id) })
    .orderBy('a.id')
    .getMany();
  const open = activities.filter((a) => OPEN_ROSTER_STATUSES.includes(a.status));
  if (!open.length) return 0;
  const entries: OpenEntry[] = await m.query(
    `SELECT re.id, re.activity_id, re.decision, re.company_id, g.name AS guard_name, re.precheck_problems AS problems,
            to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
       FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN activities a ON a.id = re.activity_id
      WHERE g.id_hash = $1 AND re.state = 'ACTIVE' AND re.activity_id = ANY($2::uuid[])
      ORDER BY re.id FOR UPDATE OF re`,
    [idHash, open.map((a) => a.id)],
  );
  const dates: { d: string }[] = await m.query(
    `SELECT to_char(revoked_on, 'YYYY-MM-DD') AS d FROM certificate_revocations WHERE id_hash = $1 ORDER BY revoked_on DESC`,
    [idHash],
  );
  const revoked = dates.map((r) => r.d);
  let withdrawn = 0;
  for (const e of entries) {
    const problem = revocationPrecheck(revoked, e.day);
    if (!problem) continue;
    const activity = open.find((a) => a.id === e.activity_id)!;
    const problems = [...(e.problems ?? []).filter((p) => p.code !== 'REVOKED'), problem];
    const reason = `资格预审不符：${problems.map((p) => p.message).join('；')}`;
    const withdraw = e.decision === VettingDecision.PASSED;
    await m.query(
      `UPDATE roster_entries SET precheck_problems = $2::jsonb, suggestion = 'FAILED', suggestion_category = 'PRE_CHECK', suggestion_reason = $3
              ${withdraw ? `, decision = 'FAILED', reason_category = 'PRE_CHECK', decision_note = $4, decided_by = $5, decided_at = now(), reused_from_entry_id = NULL` : ''}
        WHERE id = $1`,
      withdraw
        ? [e.id, JSON.stringify(problems), reason, `${problem.message}：记录吊销时撤销审核通过结论，不得上岗`, actor.id]
        : [e.id, JSON.stringify(problems), reason],
    );
    if (!withdraw) continue;
    withdrawn++;
    await deps.audit.record(m, actor, {
      action: AuditAction.UPDATE,
      entityType: 'RosterEntry',
      entityId: e.id,
      summary: `“${activity.name}”${e.guard_name}的保安员证被吊销，审核结论由通过改为不通过（条例第十七条）`,
      before: { id: e.id, decision: e.decision },
      after: { id: e.id, decision: VettingDecision.FAILED, reasonCategory: VettingReasonCategory.PRE_CHECK },
    });
    await deps.notifications.notify(m, [e.company_id], {
      title: '保安员证被吊销，审核结论已改为不通过',
      body: `“${activity.name}”名单中的${e.guard_name}保安员证已被吊销（条例第十七条），审核结论改为不通过，不得上岗。${
        activity.status === ActivityStatus.VETTING ? '请替换或移出名单。' : ''}`,
      link: `/roster?activity=${activity.id}`,
      activityId: activity.id,
    });
    if (activity.status === ActivityStatus.TRAINING || activity.status === ActivityStatus.READY) await deps.syncReadiness(m, activity, actor);
  }
  return withdrawn;
}
