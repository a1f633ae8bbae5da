import { ActivityStatus, activityStatusLabels, AuditAction } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Actor } from '../../common/actor';
import { conflict, notFound } from '../../common/errors';
import { AuditService, SYSTEM } from '../audit/audit.service';
import { NotificationMessage, NotificationsService } from '../notifications/notifications.service';
import { ActivityEntity } from './activity.entity';
import { assertCanViewActivity } from './activity.policy';
import { ActivityTransitionEntity } from './transition.entity';

/** The legal moves of SPEC §2. CANCELLED is reachable from every state before CLOSED. */
export const ALLOWED_TRANSITIONS: Record<ActivityStatus, ActivityStatus[]> = {
  [ActivityStatus.DRAFT]: [ActivityStatus.REPORTED],
  [ActivityStatus.REPORTED]: [ActivityStatus.APPROVED, ActivityStatus.DRAFT],
  // SELF_RECRUITED activities skip recommendation and selection: APPROVED → VETTING.
  [ActivityStatus.APPROVED]: [ActivityStatus.CANDIDATES_RECOMMENDED, ActivityStatus.VETTING],
  [ActivityStatus.CANDIDATES_RECOMMENDED]: [ActivityStatus.COMPANY_SELECTED],
  [ActivityStatus.COMPANY_SELECTED]: [ActivityStatus.VETTING],
  [ActivityStatus.VETTING]: [ActivityStatus.TRAINING],
  // Back to VETTING by the system only: a pass withdrawn after vetting closed (a revocation, a
  // barring record) left fewer cleared guards than required (vetting/open-roster-effects.ts).
  [ActivityStatus.TRAINING]: [ActivityStatus.READY, ActivityStatus.VETTING],
  [ActivityStatus.READY]: [ActivityStatus.IN_PROGRESS, ActivityStatus.TRAINING, ActivityStatus.VETTING],
  [ActivityStatus.IN_PROGRESS]: [ActivityStatus.CLOSED],
  [ActivityStatus.CLOSED]: [],
  [ActivityStatus.CANCELLED]: [],
};

export function canMove(from: ActivityStatus, to: ActivityStatus): boolean {
  if (to === ActivityStatus.CANCELLED) return from !== ActivityStatus.CLOSED && from !== ActivityStatus.CANCELLED;
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/**
 * Loads an activity with a row lock (SELECT … FOR UPDATE) inside the caller's transaction: of two
 * conflicting requests, the second waits, then sees the new state and gets CONFLICT. The caller
 * applies the row rule (`assertCanViewActivity`); a caller holding a copy uses `lockVisibleActivity`.
 */
export async function lockActivity(m: EntityManager, id: string): Promise<ActivityEntity> {
  const activity = await m
    .getRepository(ActivityEntity)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id = :id', { id })
    .getOne();
  if (!activity) throw notFound('活动');
  return activity;
}

/**
 * `lockActivity` with the row rule, then, with `expectedVersion`, CONFLICT for a client holding a
 * stale copy. In this order: a version check before the row rule would answer CONFLICT about an
 * activity the actor may not see, telling it that the activity exists and which version it is at.
 */
export async function lockVisibleActivity(m: EntityManager, actor: Actor, id: string, expectedVersion?: number | null): Promise<ActivityEntity> {
  const activity = await lockActivity(m, id);
  assertCanViewActivity(actor, activity);
  if (expectedVersion != null && expectedVersion !== activity.version) {
    throw conflict('活动已被他人修改，请刷新后重试');
  }
  return activity;
}

export interface TransitionRequest {
  activity: ActivityEntity;
  to: ActivityStatus;
  actor: Actor;
  comment?: string | null;
  /** Other columns to change with the status (e.g. approvalNote, selectedCompanyId). */
  patch?: Partial<ActivityEntity>;
  notify?: { unitIds: string[]; message: Omit<NotificationMessage, 'activityId'> };
  /**
   * The system makes this move (a rule was met by `actor`'s action, e.g. a company's removal completed
   * vetting): the 台账 and the audit log name the system, never the user whose action triggered it.
   */
  bySystem?: boolean;
}

/**
 * A change of a decision within the same status (e.g. the organizer choosing another candidate once the
 * selected company lapsed): written to the 台账 as `status → status` with its comment, audited, told.
 */
export interface AmendRequest {
  activity: ActivityEntity;
  actor: Actor;
  comment: string;
  /** The audit entry's summary (it may name what the 台账, read by companies too, must not). */
  summary: string;
  patch: Partial<ActivityEntity>;
  /** Each message to its own units. */
  notify: { unitIds: string[]; message: Omit<NotificationMessage, 'activityId'> }[];
}

/** How the 台账 names a move the system made. */
export const SYSTEM_ACTOR_NAME = '系统（条件满足自动办理）';

/**
 * Moves a locked activity to a new status: checks the move is legal, updates the row (bumping its
 * version), writes the transition (台账), the audit entry and the notifications, all with the
 * caller's transaction manager.
 */
export class ActivityLifecycle {
  constructor(
    private readonly audit: AuditService,
    /** Also for notices about an activity that do not move it (e.g. a late check after its 总结). */
    readonly notifications: NotificationsService,
    readonly clock: Clock,
  ) {}

  async transition(m: EntityManager, req: TransitionRequest): Promise<ActivityEntity> {
    const { activity, to, actor } = req;
    const from = activity.status;
    // A double click, or two officers at once: the second finds the step already taken (review 5 B-F10).
    if (from === to) throw conflict(`活动已是“${activityStatusLabels[to]}”状态（已由本人或他人办理），无需重复操作`);
    if (!canMove(from, to)) {
      throw conflict(
        `活动当前状态为“${activityStatusLabels[from]}”，不能变更为“${activityStatusLabels[to]}”`,
      );
    }
    const before = { ...activity };
    const now = this.clock.now();
    const stamps: Partial<ActivityEntity> = {};
    if (to === ActivityStatus.REPORTED) stamps.reportedAt = now;
    if (to === ActivityStatus.APPROVED) stamps.approvedAt = now;
    if (to === ActivityStatus.CANDIDATES_RECOMMENDED) stamps.recommendedAt = now;
    if (to === ActivityStatus.COMPANY_SELECTED) stamps.selectedAt = now;
    if (to === ActivityStatus.VETTING && !activity.rosterSubmittedAt) stamps.rosterSubmittedAt = now;
    if (to === ActivityStatus.TRAINING && from === ActivityStatus.VETTING) stamps.vettingClosedAt = now;
    if (to === ActivityStatus.READY) stamps.readyAt = now;
    if (to === ActivityStatus.IN_PROGRESS) stamps.startedAt = now;
    if (to === ActivityStatus.CLOSED) stamps.closedAt = now;
    // Sent back for amendment: the 请示 and 批示 start again with the next 通报.
    if (to === ActivityStatus.DRAFT) Object.assign(stamps, { requestedAt: null, approvedAt: null, approvedBy: null });
    await this.write(m, {
      activity,
      before,
      to,
      at: now,
      actor,
      bySystem: req.bySystem,
      comment: req.comment ?? null,
      patch: { ...(req.patch ?? {}), ...stamps },
      action: AuditAction.TRANSITION,
      summary: `活动“${activity.name}”：${activityStatusLabels[from]} → ${activityStatusLabels[to]}${req.comment ? `（${req.comment}）` : ''}`,
      notify: req.notify ? [req.notify] : [],
    });
    return activity;
  }

  /** A change within the activity's status (`AmendRequest`), with its 台账 entry, audit and notices. */
  async amend(m: EntityManager, req: AmendRequest): Promise<ActivityEntity> {
    const before = { ...req.activity };
    await this.write(m, { ...req, before, to: req.activity.status, at: this.clock.now(), action: AuditAction.UPDATE });
    return req.activity;
  }

  /** The row (version bumped), its 台账 entry, the audit entry and the notices, in the caller's transaction. */
  private async write(
    m: EntityManager,
    w: {
      activity: ActivityEntity;
      before: ActivityEntity;
      to: ActivityStatus;
      at: Date;
      actor: Actor;
      bySystem?: boolean;
      comment: string | null;
      patch: Partial<ActivityEntity>;
      action: AuditAction;
      summary: string;
      notify: { unitIds: string[]; message: Omit<NotificationMessage, 'activityId'> }[];
    },
  ): Promise<void> {
    const { activity, to } = w;
    const from = w.before.status;
    Object.assign(activity, w.patch, { status: to, version: activity.version + 1 });
    await m.update(ActivityEntity, { id: activity.id }, { ...w.patch, status: to, version: activity.version });
    await m.insert(ActivityTransitionEntity, {
      activityId: activity.id,
      fromStatus: from,
      toStatus: to,
      actorId: w.bySystem ? null : w.actor.id,
      actorName: w.bySystem ? SYSTEM_ACTOR_NAME : `${w.actor.displayName}（${w.actor.unitName}）`,
      comment: w.comment,
      at: w.at,
    });
    await this.audit.record(m, w.bySystem ? SYSTEM : w.actor, {
      action: w.action,
      entityType: 'Activity',
      entityId: activity.id,
      summary: w.summary,
      before: w.before,
      after: activity,
    });
    for (const n of w.notify) {
      // stamped with the move's time (the app's clock, as the 台账 entry), not the database's
      if (n.unitIds.length > 0) await this.notifications.notify(m, n.unitIds, { ...n.message, activityId: activity.id, at: n.message.at ?? w.at });
    }
  }
}
