import { ActivityStatus, AuditAction, RecordCategory, UnitKind, VettingDecision, VettingReasonCategory } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { ActivityEntity } from '../activities/activity.entity';
import { hasStarted } from '../activities/event-window';
import type { ActivityLifecycle } from '../activities/lifecycle';
import { AuditService, noteWritten } from '../audit/audit.service';
import { OPEN_ROSTER_STATUSES } from '../guards/identity-lock';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import type { Clock } from '../../common/clock';
import { revocationInForceSql, RevocationFact } from '../guards/eligibility';
import { revocationPrecheck } from './precheck';
import { loadPriorFailures, priorFailureDays, toPriorFailure } from './prior-failure';
import { barredByArticle17, restatePriorFailure } from './suggestion';
import { PrecheckProblem } from './roster-entry.entity';

export interface OpenRosterEffectsDeps {
  audit: AuditService;
  notifications: NotificationsService;
  /** READY ↔ TRAINING by the on-duty count (training.service `syncReadiness`). */
  syncReadiness(m: EntityManager, activity: ActivityEntity, actor: Actor): Promise<void>;
  /** Moves an activity back to VETTING when a withdrawn pass leaves it short of cleared guards. */
  lifecycle: ActivityLifecycle;
}

/**
 * SQL: records of the guard of roster entry `re`, or of one of its relatives, stored after the entry
 * was checked (the built-in register). A decision is made on what was checked; a record that arrived
 * since must be checked first (decideVetting refuses, 一键通过 skips).
 */
export const recordsSinceCheckSql = (re = 're') => `(${re}.checked_at IS NOT NULL AND EXISTS (
  SELECT 1 FROM criminal_records cr JOIN guards g ON g.id = ${re}.guard_id
   WHERE cr.created_at > ${re}.checked_at
     AND (cr.id_hash = g.id_hash OR cr.id_hash IN (SELECT gr.id_hash FROM guard_relatives gr WHERE gr.guard_id = g.id))))`;

/**
 * Locks the register rows of these people (and, with `relatives`, of everyone who declared one of them as
 * a relative), in one order, before a revocation or a record is stored. A roster being submitted locks the
 * same rows before it pre-checks them (vetting.service `loadRegisterGuards`), so of the two, the second
 * sees the first: the roster's check sees the new fact, or the fact's scan of open rosters sees the new
 * entry (review 6 B-F2: both ran beside each other and each missed the other).
 */
export async function lockGuardsOfPeople(m: EntityManager, idHashes: Buffer[], options: { relatives: boolean }): Promise<void> {
  if (!idHashes.length) return;
  // The open activities they are on first, as everything else locks an activity before its guards (a roster,
  // a replacement, a training session): guards first here would deadlock with those.
  await lockOpenActivities(m, personPredicate(options.relatives), [idHashes]);
  await m.query(`SELECT g.id FROM guards g WHERE ${personPredicate(options.relatives)} ORDER BY g.id FOR NO KEY UPDATE OF g`, [idHashes]);
}

/** SQL: guard `g` is one of the people `$1` (keyed ID hashes), or, with `relatives`, declared one of them as a relative. */
const personPredicate = (relatives: boolean) =>
  relatives
    ? '(g.id_hash = ANY($1::bytea[]) OR EXISTS (SELECT 1 FROM guard_relatives gr WHERE gr.guard_id = g.id AND gr.id_hash = ANY($1::bytea[])))'
    : 'g.id_hash = ANY($1::bytea[])';

/** The activities with ACTIVE entries on an open roster of the given people, locked in one order. */
async function lockOpenActivities(m: EntityManager, personSql: string, params: unknown[]): Promise<ActivityEntity[]> {
  const ids: { activity_id: string }[] = await m.query(
    `SELECT DISTINCT re.activity_id FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN activities a ON a.id = re.activity_id
      WHERE ${personSql} AND re.state = 'ACTIVE' AND a.status = ANY($${params.length + 1}::activity_status[])`,
    [...params, OPEN_ROSTER_STATUSES],
  );
  if (!ids.length) return [];
  // The activities first, in one order (as a decision locks its activity before its entries).
  const activities = await m
    .getRepository(ActivityEntity)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id IN (:...ids)', { ids: ids.map((a) => a.activity_id) })
    .orderBy('a.id')
    .getMany();
  return activities.filter((a) => OPEN_ROSTER_STATUSES.includes(a.status));
}

/**
 * A PASSED entry withdrawn on an open roster: FAILED by `actor`, audited, the company told, vetting
 * reopened when too few cleared guards are left, READY re-checked (the duty gate then keeps the guard off
 * duty), and the person's other open rosters told of the 不通过 (`applyFailureToOpenRosters`). For a hard
 * rule (a revocation, a barring record) and for 保安管理支队's own withdrawal after vetting closed
 * (vetting.service `decide`): one path, so the two cannot drift apart. `othersToldByCaller`: a caller
 * going through all of a person's open entries itself tells the rest once it is done (it may be about to
 * withdraw them too, and a "请复核" for a pass withdrawn a moment later is noise).
 */
export async function withdrawPass(
  m: EntityManager,
  actor: Actor,
  deps: OpenRosterEffectsDeps,
  activity: ActivityEntity,
  e: { id: string; company_id: string; guard_id: string; guard_name: string },
  change: { reasonCategory: VettingReasonCategory; note: string; why: string; title: string },
  options: { othersToldByCaller?: boolean } = {},
): Promise<void> {
  // Stamped with the app's clock, as every other decision is (review 9-C F6).
  await m.query(
    `UPDATE roster_entries SET decision = 'FAILED', reason_category = $2, decision_note = $3, decided_by = $4, decided_at = $5, pass_withdrawn_at = $5,
            reused_from_entry_id = NULL
      WHERE id = $1`,
    [e.id, change.reasonCategory, change.note, actor.id, deps.lifecycle.clock.now()],
  );
  await deps.audit.record(m, actor, {
    action: AuditAction.UPDATE,
    entityType: 'RosterEntry',
    entityId: e.id,
    // The person by reference (the entry, the guard id), never by name: the audit log is append-only and
    // outlives the retention period (privacy/retention.service.ts); the notice to the company names them.
    summary: `“${activity.name}”名单中1人${change.why.replace(/^的/, '')}，审核结论由通过改为不通过`,
    before: { id: e.id, guardId: e.guard_id, decision: VettingDecision.PASSED },
    after: { id: e.id, guardId: e.guard_id, decision: VettingDecision.FAILED, reasonCategory: change.reasonCategory, note: noteWritten(change.note) },
  });
  const reopened = await reopenVettingIfShort(m, actor, deps, activity);
  // Once the event has started the roster takes no replacement (activities/event-window.ts): no "请替换".
  const started = hasStarted(activity, deps.lifecycle.clock.now());
  await deps.notifications.notify(m, [e.company_id], {
    title: change.title,
    body: `“${activity.name}”名单中的${e.guard_name}${change.why}，审核结论改为不通过，不得上岗。${
      activity.status === ActivityStatus.VETTING && !started ? `${reopened ? '审核通过人数已不足所需，背景审核重新开放：' : ''}请替换或移出名单。` : ''}`,
    link: `/roster?activity=${activity.id}`,
    activityId: activity.id,
  });
  if (activity.status === ActivityStatus.TRAINING || activity.status === ActivityStatus.READY) await deps.syncReadiness(m, activity, actor);
  if (!options.othersToldByCaller) await applyFailureToOpenRosters(m, failureDeps(deps), [e.id]);
}

/**
 * A pass withdrawn after vetting closed (TRAINING or READY), before the event's start, that leaves fewer
 * cleared guards than required would strand the activity: replacements are taken only while vetting is open, and it
 * could never be ready again. It goes back to VETTING (by the system, in the 台账), where the
 * company replaces the guard and the detachment vets the replacement; guards already trained keep
 * their training. Returns whether it did.
 */
async function reopenVettingIfShort(m: EntityManager, actor: Actor, deps: OpenRosterEffectsDeps, activity: ActivityEntity): Promise<boolean> {
  if (activity.status !== ActivityStatus.TRAINING && activity.status !== ActivityStatus.READY) return false;
  // After the start, vetting could neither take a replacement nor close again (activities/event-window.ts):
  // the activity keeps its status, and readiness sync takes the guard off duty (review 10 D2).
  if (hasStarted(activity, deps.lifecycle.clock.now())) return false;
  const [{ passed }]: { passed: number }[] = await m.query(
    `SELECT count(*)::int AS passed FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE' AND decision = 'PASSED'`,
    [activity.id],
  );
  if (passed >= activity.guardsRequired) return false;
  const detachment: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1`, [UnitKind.SECURITY_DETACHMENT]);
  await deps.lifecycle.transition(m, {
    activity,
    to: ActivityStatus.VETTING,
    actor,
    bySystem: true,
    // No name: the 台账 is read by the organizer, who sees vetting as counts (review 5 A-F2).
    comment: `1名保安员的审核结论改为不通过，审核通过${passed}人，少于所需${activity.guardsRequired}人：背景审核重新开放，待替换人员审核`,
    notify: {
      unitIds: [activity.organizerUnitId, ...detachment.map((d) => d.id)].filter((x): x is string => !!x),
      message: {
        title: '背景审核重新开放',
        body: `“${activity.name}”审核通过人数（${passed}人）已少于所需${activity.guardsRequired}人，背景审核重新开放，待保安服务公司替换人员后审核。`,
        link: `/vetting?activity=${activity.id}`,
      },
    },
  });
  return true;
}


interface OpenEntry {
  id: string;
  activity_id: string;
  decision: VettingDecision;
  company_id: string;
  guard_id: string;
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
 *   READY to TRAINING;
 * - a withdrawn pass is a 不通过 the person's entries left as they were learn of (`applyFailureToOpenRosters`).
 * Runs in the transaction that records the revocation; returns how many decisions were withdrawn.
 */
export async function applyRevocationToOpenRosters(m: EntityManager, actor: Actor, deps: OpenRosterEffectsDeps, idHash: Buffer): Promise<number> {
  const open = await lockOpenActivities(m, 'g.id_hash = $1', [idHash]);
  if (!open.length) return 0;
  const entries: OpenEntry[] = await m.query(
    `SELECT re.id, re.activity_id, re.decision, re.company_id, re.guard_id, g.name AS guard_name, re.precheck_problems AS problems,
            to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
       FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN activities a ON a.id = re.activity_id
      WHERE g.id_hash = $1 AND re.state = 'ACTIVE' AND re.activity_id = ANY($2::uuid[])
      ORDER BY re.id FOR UPDATE OF re`,
    [idHash, open.map((a) => a.id)],
  );
  const revoked = await revocationsInForce(m, idHash);
  const withdrawn: string[] = [];
  for (const e of entries) {
    const problem = revocationPrecheck(revoked, e.day);
    if (!problem) continue;
    const activity = open.find((a) => a.id === e.activity_id)!;
    const problems = [...(e.problems ?? []).filter((p) => p.code !== 'REVOKED'), problem];
    const reason = `资格预审不符：${problems.map((p) => p.message).join('；')}`;
    await m.query(`UPDATE roster_entries SET precheck_problems = $2::jsonb, suggestion = 'FAILED', suggestion_category = 'PRE_CHECK', suggestion_reason = $3 WHERE id = $1`, [
      e.id,
      JSON.stringify(problems),
      reason,
    ]);
    if (e.decision !== VettingDecision.PASSED) continue;
    withdrawn.push(e.id);
    await withdrawPass(m, actor, deps, activity, e, {
      reasonCategory: VettingReasonCategory.PRE_CHECK,
      note: `${problem.message}${REVOCATION_WITHDRAWAL_NOTE}`,
      why: '的保安员证被吊销（条例第十七条）',
      title: '保安员证被吊销，审核结论已改为不通过',
    }, { othersToldByCaller: true });
  }
  // The person's entries the revocation does not bar (another day): the 不通过 reaches them as any other does.
  await applyFailureToOpenRosters(m, failureDeps(deps), withdrawn);
  return withdrawn.length;
}

/** The person's revocations in force (not cancelled), latest first. */
async function revocationsInForce(m: EntityManager, idHash: Buffer): Promise<RevocationFact[]> {
  const rows: { d: string; c: string | null }[] = await m.query(
    `SELECT to_char(revoked_on, 'YYYY-MM-DD') AS d, certificate_no AS c FROM certificate_revocations cr
      WHERE id_hash = $1 AND ${revocationInForceSql('cr')} ORDER BY revoked_on DESC`,
    [idHash],
  );
  return rows.map((r) => ({ revokedOn: r.d, certificateNo: r.c }));
}

/** How the note of a pass withdrawn by a revocation ends (`applyRevocationToOpenRosters`; `withdrawnByRevocationSql`). */
export const REVOCATION_WITHDRAWAL_NOTE = '：记录吊销时撤销审核通过结论，不得上岗';

/**
 * SQL: roster entry `re` is FAILED because a revocation withdrew its pass (`applyRevocationToOpenRosters`),
 * and nobody has decided it since: a decision or a check restamps `decided_at`, a later withdrawal writes its
 * own note (red-team 6 M2: such an entry is the revocation's doing, not an officer's).
 */
export const withdrawnByRevocationSql = (re = 're') =>
  `(${re}.decision = 'FAILED' AND ${re}.reason_category = 'PRE_CHECK' AND ${re}.pass_withdrawn_at IS NOT NULL
    AND ${re}.decided_at = ${re}.pass_withdrawn_at AND right(${re}.decision_note, ${[...REVOCATION_WITHDRAWAL_NOTE].length}) = '${REVOCATION_WITHDRAWAL_NOTE}')`;

/** The suggestion of an entry whose pre-check a lifted revocation changed, until it is checked again. */
export const LIFTED_REVOCATION_REASON = '保安员证吊销记录已撤销或更正，资格预审已按现有吊销记录重算，待重新比对';

/** What `restoreRevocationWithdrawals` needs: any service that decides has it. */
export type RestoreDeps = FailureEffectsDeps;

/**
 * Whether an entry's decision can be made again on this activity: in vetting, and after vetting closed
 * (TRAINING, READY) until the event's start (vetting.service `decide` takes a decision on an entry put back
 * to undecided there; after the start nobody joins the on-duty roster).
 */
export function decidableAgain(activity: ActivityEntity, now: Date): boolean {
  if (activity.status === ActivityStatus.VETTING) return true;
  return (activity.status === ActivityStatus.TRAINING || activity.status === ActivityStatus.READY) && !hasStarted(activity, now);
}

/**
 * Entries a revocation turned FAILED (`withdrawnByRevocationSql`) that no revocation in force bars any more
 * go back to PENDING (red-team 6 M2), not PASSED: an officer decides (SPEC §5). Their pre-check is what the
 * caller computed from the facts in force, their suggestion waits for the check again (重新比对: checked_at
 * cleared, so a decision is refused until then, and 一键通过 skips them); audited by entry as the actor's
 * effect, and the company told (it was told of the 不通过). Only where the entry can be decided again
 * (`decidableAgain`): the caller leaves the others as they are. The activity's status does not change: a
 * pending entry is off duty, as the FAILED one was.
 */
export async function restoreRevocationWithdrawals(
  m: EntityManager,
  actor: Actor,
  deps: RestoreDeps,
  activity: ActivityEntity,
  entries: { id: string; company_id: string; guard_id: string; guard_name: string; problems: PrecheckProblem[] }[],
  why: string,
): Promise<void> {
  for (const e of entries) {
    await m.query(
      `UPDATE roster_entries SET decision = 'PENDING', reason_category = NULL, decision_note = NULL, decided_by = NULL, decided_at = NULL,
              precheck_problems = $2::jsonb, suggestion = NULL, suggestion_category = NULL, suggestion_reason = $3, checked_at = NULL, relatives_checked = NULL
        WHERE id = $1`,
      [e.id, JSON.stringify(e.problems), LIFTED_REVOCATION_REASON],
    );
    await deps.audit.record(m, actor, {
      action: AuditAction.UPDATE,
      entityType: 'RosterEntry',
      entityId: e.id,
      // By reference, as `withdrawPass` writes it: the name stays out of the append-only log.
      summary: `“${activity.name}”名单中1人${why}，吊销时改为不通过的审核结论恢复为待审核（待重新比对）`,
      before: { id: e.id, guardId: e.guard_id, decision: VettingDecision.FAILED, reasonCategory: VettingReasonCategory.PRE_CHECK },
      after: { id: e.id, guardId: e.guard_id, decision: VettingDecision.PENDING, precheckProblems: e.problems.map((p) => p.code) },
    });
    await deps.notifications.notify(m, [e.company_id], {
      title: '审核结论已恢复为待审核',
      body: `“${activity.name}”名单中的${e.guard_name}${why}，此前因此改为不通过的审核结论已恢复为待审核，待保安管理支队重新审核。`,
      link: `/roster?activity=${activity.id}`,
      activityId: activity.id,
    });
  }
}

/**
 * A revocation corrected or cancelled as entered in error (guards/guard.service `correctRevocation`,
 * `cancelRevocation`) may no longer bar the person where it did. For every ACTIVE entry of the person on
 * an activity from VETTING to IN_PROGRESS whose pre-check lists REVOKED, in the correction's or
 * cancellation's transaction (red-team 6 M2: the pre-check named a revocation no longer in force, and
 * blocked the pass the notice asked for):
 * - the pre-check is recomputed from the revocations in force (another one may still bar, with its own day);
 * - where none bars any more: an entry the revocation itself turned FAILED, with no decision since, goes
 *   back to PENDING (`restoreRevocationWithdrawals`, where it can be decided again: `decidableAgain`); an
 *   undecided one waits for the check again (its suggestion was the revocation's); a decision an officer
 *   made stays, for the officer to review;
 * - 保安管理支队 is told which activities, one notice per activity with counts and no name.
 * Call after `applyRevocationToOpenRosters` for a correction (which may bar other days instead).
 * Returns how many entries the lifted revocation no longer bars.
 */
export async function reviewRevocationLifted(
  m: EntityManager,
  actor: Actor,
  deps: OpenRosterEffectsDeps,
  idHash: Buffer,
  change: 'CORRECTED' | 'CANCELLED',
): Promise<number> {
  const open = await lockOpenActivities(m, 'g.id_hash = $1', [idHash]);
  if (!open.length) return 0;
  const entries: (OpenEntry & { by_revocation: boolean })[] = await m.query(
    `SELECT re.id, re.activity_id, re.decision, re.company_id, re.guard_id, g.name AS guard_name, re.precheck_problems AS problems,
            to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, ${withdrawnByRevocationSql('re')} AS by_revocation
       FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN activities a ON a.id = re.activity_id
      WHERE g.id_hash = $1 AND re.state = 'ACTIVE' AND re.activity_id = ANY($2::uuid[])
        AND re.precheck_problems @> '[{"code": "REVOKED"}]'::jsonb
      ORDER BY re.id FOR UPDATE OF re`,
    [idHash, open.map((a) => a.id)],
  );
  const revoked = await revocationsInForce(m, idHash);
  const what = change === 'CANCELLED' ? '已撤销（录入错误）' : '已更正';
  const byActivity = new Map<string, { activity: ActivityEntity; n: number; restored: number; toCheck: number; decided: number }>();
  const now = deps.lifecycle.clock.now();
  for (const e of entries) {
    const activity = open.find((a) => a.id === e.activity_id)!;
    const stillBars = revocationPrecheck(revoked, e.day);
    const problems = [...(e.problems ?? []).filter((p) => p.code !== 'REVOKED'), ...(stillBars ? [stillBars] : [])];
    if (stillBars) {
      // Another revocation in force bars the day: the pre-check names it, nothing else changes.
      if (JSON.stringify(problems) !== JSON.stringify(e.problems)) {
        await m.query(`UPDATE roster_entries SET precheck_problems = $2::jsonb WHERE id = $1`, [e.id, JSON.stringify(problems)]);
      }
      continue;
    }
    const counts = byActivity.get(activity.id) ?? { activity, n: 0, restored: 0, toCheck: 0, decided: 0 };
    counts.n++;
    byActivity.set(activity.id, counts);
    if (e.by_revocation && decidableAgain(activity, now)) {
      await restoreRevocationWithdrawals(m, actor, failureDeps(deps), activity, [{ ...e, problems }], `的保安员证吊销记录${what}`);
      counts.restored++;
    } else if (e.decision === VettingDecision.PENDING) {
      // The suggestion was the revocation's: the check again gives the one the facts in force give.
      await m.query(
        `UPDATE roster_entries SET precheck_problems = $2::jsonb, suggestion = NULL, suggestion_category = NULL, suggestion_reason = $3, checked_at = NULL,
                relatives_checked = NULL WHERE id = $1`,
        [e.id, JSON.stringify(problems), LIFTED_REVOCATION_REASON],
      );
      counts.toCheck++;
    } else {
      // An officer's decision (or one the event's start leaves as it is) stands: the facts it is reviewed on are the ones in force.
      await m.query(`UPDATE roster_entries SET precheck_problems = $2::jsonb WHERE id = $1`, [e.id, JSON.stringify(problems)]);
      counts.decided++;
    }
  }
  if (!byActivity.size) return 0;
  const units: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1`, [UnitKind.SECURITY_DETACHMENT]);
  let lifted = 0;
  for (const { activity, n, restored, toCheck, decided } of byActivity.values()) {
    lifted += n;
    const parts = [
      restored ? `${restored}人吊销时由审核通过改为不通过的结论已恢复为待审核` : '',
      restored + toCheck ? `待审核的${restored + toCheck}人请重新比对后作出结论` : '',
      decided ? `已由审核人员作出结论的${decided}人结论未改变，请复核` : '',
    ].filter(Boolean);
    await deps.notifications.notify(
      m,
      units.map((u) => u.id),
      {
        title: `保安员证吊销记录${what}，请复核：${activity.name}`,
        body:
          `“${activity.name}”名单中${n}名人员曾因保安员证被吊销列为资格预审不符；该吊销记录${what}，` +
          `现已不构成条例第十七条情形，资格预审已按现有吊销记录重算：${parts.join('；')}。`,
        link: `/vetting?activity=${activity.id}`,
        activityId: activity.id,
      },
    );
  }
  return lifted;
}

/**
 * Records imported into the register reach the rosters still open (SPEC §5: a decision holds for what
 * was checked; 条例第十七条 is a hard rule). For every ACTIVE entry of a person with a new record on an
 * activity from VETTING to IN_PROGRESS:
 * - the person's own records now bar them (Art. 17) and the entry is PASSED: the pass is withdrawn
 *   (FAILED 本人有记录, by the officer who imported), off duty, the company told;
 * - any other new record of a cleared person or of a relative (by setting): 保安管理支队 is told which
 *   activities to review; an undecided entry must be checked again before a decision (recordsSinceCheckSql);
 * - a withdrawn pass is a 不通过 the person's undecided entries learn of (`applyFailureToOpenRosters`).
 * Runs in the import's transaction; returns how many decisions were withdrawn.
 */
export async function applyRecordsToOpenRosters(
  m: EntityManager,
  actor: Actor,
  deps: OpenRosterEffectsDeps & { checkRelatives(m: EntityManager): Promise<boolean> },
  idHashes: Buffer[],
): Promise<number> {
  if (!idHashes.length) return 0;
  const person = personPredicate(await deps.checkRelatives(m));
  const open = await lockOpenActivities(m, person, [idHashes]);
  if (!open.length) return 0;
  const entries: { id: string; activity_id: string; decision: VettingDecision; company_id: string; guard_id: string; guard_name: string; own: boolean; categories: RecordCategory[] }[] =
    await m.query(
      `SELECT re.id, re.activity_id, re.decision, re.company_id, re.guard_id, g.name AS guard_name, g.id_hash = ANY($1::bytea[]) AS own,
              ARRAY(SELECT cr.category::text FROM criminal_records cr WHERE cr.id_hash = g.id_hash) AS categories
         FROM roster_entries re JOIN guards g ON g.id = re.guard_id
        WHERE ${person} AND re.state = 'ACTIVE' AND re.activity_id = ANY($2::uuid[])
        ORDER BY re.id FOR UPDATE OF re`,
      [idHashes, open.map((a) => a.id)],
    );
  const withdrawn: string[] = [];
  const review: ActivityEntity[] = [];
  for (const e of entries) {
    const activity = open.find((a) => a.id === e.activity_id)!;
    if (e.decision !== VettingDecision.PASSED) continue;
    if (e.own && barredByArticle17(e.categories.map((category) => ({ category })))) {
      withdrawn.push(e.id);
      await withdrawPass(m, actor, deps, activity, e, {
        reasonCategory: VettingReasonCategory.OWN_RECORD,
        note: '本人有条例第十七条规定的情形（审核通过后导入的记录）：撤销审核通过结论，不得上岗',
        why: '在审核通过后导入的本人记录属条例第十七条情形',
        title: '新导入的记录属条例第十七条情形，审核结论已改为不通过',
      }, { othersToldByCaller: true });
    } else {
      review.push(activity);
    }
  }
  await askDetachmentToReviewEach(m, deps.notifications, review, 'RECORDS');
  // Every pass of a person barred is withdrawn above: what is left of theirs is undecided entries, told as for any 不通过.
  await applyFailureToOpenRosters(m, failureDeps(deps), withdrawn);
  return withdrawn.length;
}

/** Why 保安管理支队 is asked to review passes (`askDetachmentToReview`). */
export type ReviewCause = 'RECORDS' | 'FAILURE';

/**
 * Tells 保安管理支队 that `n` cleared guards of an activity need its review: the pass stands until an
 * officer changes it. A count and the workbench link, no name. 'RECORDS': records it has not weighed
 * (their own, short of Art. 17, or a relative's), whether the record reached a guard already on the roster
 * (`applyRecordsToOpenRosters`) or a guard whose earlier pass was reused (vetting.service `evaluate`).
 * 'FAILURE': the same person was given a 不通过 on another roster since (`applyFailureToOpenRosters`).
 * The detachment's units only: nobody else learns from it that the guard failed elsewhere.
 */
export async function askDetachmentToReview(
  m: EntityManager,
  notifications: NotificationsService,
  activity: ActivityEntity,
  n: number,
  cause: ReviewCause = 'RECORDS',
): Promise<void> {
  if (n <= 0) return;
  const units: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1`, [UnitKind.SECURITY_DETACHMENT]);
  await notifications.notify(
    m,
    units.map((u) => u.id),
    cause === 'RECORDS'
      ? {
          title: `已通过人员有新记录，请复核：${activity.name}`,
          body: `新导入的记录涉及“${activity.name}”名单中${n}名已审核通过的人员（本人或直系亲属，未达条例第十七条情形），请复核。`,
          link: `/vetting?activity=${activity.id}`,
          activityId: activity.id,
        }
      : {
          title: `已通过人员另有审核不通过结论，请复核：${activity.name}`,
          body: `“${activity.name}”名单中${n}名已审核通过的人员在其他活动的名单中被审核不通过，请复核。`,
          link: `/vetting?activity=${activity.id}`,
          activityId: activity.id,
        },
  );
}

/** One `askDetachmentToReview` per activity, counting the passes listed for it (one activity per pass). */
async function askDetachmentToReviewEach(m: EntityManager, notifications: NotificationsService, passes: ActivityEntity[], cause: ReviewCause): Promise<void> {
  const byActivity = new Map<string, { activity: ActivityEntity; n: number }>();
  for (const a of passes) byActivity.set(a.id, { activity: a, n: (byActivity.get(a.id)?.n ?? 0) + 1 });
  for (const { activity, n } of byActivity.values()) await askDetachmentToReview(m, notifications, activity, n, cause);
}

/** What `applyFailureToOpenRosters` needs: any service that decides has it. */
export interface FailureEffectsDeps {
  audit: AuditService;
  notifications: NotificationsService;
  /** The app's clock, which stamps the decisions (the window of a 不通过 counts back from it). */
  clock: Clock;
}

const failureDeps = (deps: OpenRosterEffectsDeps): FailureEffectsDeps => ({ audit: deps.audit, notifications: deps.notifications, clock: deps.lifecycle.clock });

/**
 * A 不通过 reaches the person's other open rosters (code review 11 C1), in the transaction that makes it:
 * an officer's (vetting.service `decide`), a pass withdrawn (`withdrawPass`) or the system's on a reuse the
 * person's own records bar (vetting.service `applyReuseEffects`). For every ACTIVE entry of the same person
 * (same ID number, any register) on another activity from VETTING to IN_PROGRESS:
 * - undecided and checked: the stored suggestion becomes the one a check now gives (`restatePriorFailure`:
 *   the review of the earlier 不通过 instead of "资格预审通过", or after a finding's reason). The workbench
 *   and its filter of rows suggested 通过 show it; 一键通过 skips it (priorFailureSql), and a pass is refused
 *   until it is checked again (failureSinceCheckSql). Unchecked entries are checked before any decision anyway;
 * - PASSED (reused or not): as a pass on which a record arrived (`applyRecordsToOpenRosters`): the pass
 *   stands, 保安管理支队 is asked to review it, one notice per activity with a count. Not withdrawn: a 不通过
 *   may be for reasons of that activity alone (考察发现不宜上岗 on its post), which an officer weighs;
 * - FAILED: nothing.
 * Nothing reaches the company or the organizer: the suggestion is the detachment's, the pass is unchanged,
 * the notice goes to the detachment only. Nothing is audited beyond the decision itself (its audit entry
 * is the cause; the suggestion is derived from it).
 * The person's register rows are locked first (as a records import does, `lockGuardsOfPeople`): a roster
 * being submitted with the person at this moment is checked after this 不通过, or is found here.
 */
export async function applyFailureToOpenRosters(m: EntityManager, deps: FailureEffectsDeps, failedEntryIds: string[]): Promise<void> {
  if (!failedEntryIds.length) return;
  // The person as checked on the failed entry, and as the guard row is now (the same while it is on an open roster).
  const failed: { id_hash: Buffer }[] = await m.query(
    `SELECT DISTINCT h.id_hash FROM roster_entries re JOIN guards g ON g.id = re.guard_id
       CROSS JOIN LATERAL (VALUES (g.id_hash), (re.checked_id_hash)) AS h(id_hash)
      WHERE re.id = ANY($1::uuid[]) AND re.decision = 'FAILED' AND h.id_hash IS NOT NULL AND length(h.id_hash) > 1`,
    [failedEntryIds],
  );
  if (!failed.length) return;
  const idHashes = failed.map((f) => f.id_hash);
  await lockGuardsOfPeople(m, idHashes, { relatives: false });
  // Again after the register rows are locked: a roster committed while this waited is among them now.
  const open = await lockOpenActivities(m, personPredicate(false), [idHashes]);
  if (!open.length) return;
  const entries: {
    id: string; activity_id: string; decision: VettingDecision; checked: boolean; suggestion: VettingDecision | null; suggestion_category: VettingReasonCategory | null;
    suggestion_reason: string | null; guard_name: string; guard_id: string; id_hash: Buffer; identity_hash: string | null;
  }[] = await m.query(
    `SELECT re.id, re.activity_id, re.decision, re.checked_at IS NOT NULL AS checked, re.suggestion, re.suggestion_category, re.suggestion_reason,
            g.name AS guard_name, re.guard_id, g.id_hash, guard_identity_hash(g.id) AS identity_hash
       FROM roster_entries re JOIN guards g ON g.id = re.guard_id
      WHERE g.id_hash = ANY($1::bytea[]) AND re.state = 'ACTIVE' AND re.activity_id = ANY($2::uuid[]) AND re.decision <> 'FAILED'
        -- other rosters: not the activity of a 不通过 of the same person
        AND NOT EXISTS (SELECT 1 FROM roster_entries f JOIN guards fg ON fg.id = f.guard_id
                         WHERE f.id = ANY($3::uuid[]) AND f.activity_id = re.activity_id AND fg.id_hash = g.id_hash)
      ORDER BY re.id FOR UPDATE OF re`,
    [idHashes, open.map((a) => a.id), failedEntryIds],
  );
  const undecided = entries.filter((e) => e.decision === VettingDecision.PENDING && e.checked && e.suggestion && e.suggestion_reason);
  if (undecided.length) {
    const days = priorFailureDays(await new SettingsService(m.connection, deps.audit).all(m));
    const failures = await loadPriorFailures(m, undecided.map((e) => ({ key: e.id, idHash: e.id_hash, guardId: e.guard_id })), days, deps.clock.now());
    for (const e of undecided) {
      const failure = failures.get(e.id);
      if (!failure) continue;
      const s = restatePriorFailure(
        { suggestion: e.suggestion!, reasonCategory: e.suggestion_category ?? VettingReasonCategory.CLEAR, reason: e.suggestion_reason! },
        toPriorFailure(failure, { identityHash: e.identity_hash, name: e.guard_name }),
      );
      // As a check stores it (vetting.service `evaluate`): no category with PASSED.
      await m.query(`UPDATE roster_entries SET suggestion = $2, suggestion_category = $3, suggestion_reason = $4 WHERE id = $1`, [
        e.id,
        s.suggestion,
        s.suggestion === VettingDecision.PASSED ? null : s.reasonCategory,
        s.reason,
      ]);
    }
  }
  const passes = entries.filter((e) => e.decision === VettingDecision.PASSED).map((e) => open.find((a) => a.id === e.activity_id)!);
  await askDetachmentToReviewEach(m, deps.notifications, passes, 'FAILURE');
}
