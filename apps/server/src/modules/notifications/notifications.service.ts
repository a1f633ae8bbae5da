import { AuditAction, Role } from '@evs/schema';
import { DataSource, EntityManager, FindOptionsWhere, IsNull } from 'typeorm';
import { Actor } from '../../common/actor';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { Clock, systemClock } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { NotificationEntity } from './notification.entity';

export interface NotificationMessage {
  title: string;
  body: string;
  link?: string;
  activityId?: string;
  /** Only the accounts of this role in each unit (e.g. a warning about the role's own credentials). */
  audienceRole?: Role;
  /**
   * When it is sent. Left out, the service stamps it with the server's clock (`config.clock`), which
   * dates every rule and the 台账 (review 9-C F6, code review C7); the database's now() (the column's
   * default) is another clock under a moved test clock or a skewed database host.
   */
  at?: Date;
  /**
   * Notices that follow one another about one thing (e.g. each addition to one roster): the unit's unread notice of
   * this key takes the new text and time instead of another being added, so a sender cannot bury the inbox (red team 7, L1).
   */
  mergeKey?: string;
  /** With `mergeKey`: the text when it replaces an unread notice (saying so), instead of `body`. */
  mergedBody?: string;
}

/**
 * A way a message reaches a unit. In-app is built in; SMS or e-mail channels implement the same
 * interface and are added to the list in `createServices`.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(manager: EntityManager, unitIds: string[], message: NotificationMessage): Promise<void>;
}

export class InAppChannel implements NotificationChannel {
  readonly name = 'in-app';
  async deliver(manager: EntityManager, unitIds: string[], message: NotificationMessage): Promise<void> {
    if (unitIds.length === 0) return;
    if (message.mergeKey) {
      // One unread notice per unit and key (uq_notifications_unread_merge): the newest text, at the newest time, under
      // a new id, so that marking read the notice a reader saw does not mark read what was merged into it since
      // (red team 8, L4).
      await manager.query(
        `INSERT INTO notifications (unit_id, title, body, link, activity_id, audience_role, created_at, merge_key)
         SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6, $7, $8
         ON CONFLICT (unit_id, merge_key) WHERE read_at IS NULL AND merge_key IS NOT NULL
         DO UPDATE SET id = gen_random_uuid(), title = EXCLUDED.title, body = $9, link = EXCLUDED.link, created_at = EXCLUDED.created_at`,
        [
          unitIds, message.title, message.body, message.link ?? null, message.activityId ?? null, message.audienceRole ?? null,
          message.at ?? new Date(), message.mergeKey, message.mergedBody ?? message.body,
        ],
      );
      return;
    }
    await manager.insert(
      NotificationEntity,
      unitIds.map((unitId) => ({
        unitId,
        title: message.title,
        body: message.body,
        link: message.link ?? null,
        activityId: message.activityId ?? null,
        audienceRole: message.audienceRole ?? null,
        createdAt: message.at,
      })),
    );
  }
}

/** The notices an account reads: its unit's, for every account or for its role. */
function forReader(actor: Actor, extra: FindOptionsWhere<NotificationEntity>): FindOptionsWhere<NotificationEntity>[] {
  return [
    { unitId: actor.unitId, audienceRole: IsNull(), ...extra },
    { unitId: actor.unitId, audienceRole: actor.role, ...extra },
  ];
}

export class NotificationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly channels: NotificationChannel[],
    private readonly clock: Clock = systemClock,
  ) {}

  /** Sends within the caller's transaction: a rolled-back transition notifies nobody. */
  async notify(manager: EntityManager, unitIds: string[], message: NotificationMessage): Promise<void> {
    const unique = [...new Set(unitIds)];
    const stamped = { ...message, at: message.at ?? this.clock.now() };
    for (const channel of this.channels) await channel.deliver(manager, unique, stamped);
  }

  async list(actor: Actor, unreadOnly: boolean, page?: PageInput): Promise<Page<NotificationEntity>> {
    const w = pageWindow(page);
    const [items, total] = await this.ds.getRepository(NotificationEntity).findAndCount({
      where: forReader(actor, unreadOnly ? { readAt: IsNull() } : {}),
      // a total order: a transaction's notices share created_at, and a page boundary between them
      // would show one twice and another never
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: w.skip,
      take: w.take,
    });
    return { items, total, page: w.page, pageSize: w.pageSize };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.ds.getRepository(NotificationEntity).countBy(forReader(actor, { readAt: IsNull() }));
  }

  /** Marks the given messages (or all when ids is empty) of the actor's own unit as read. */
  async markRead(actor: Actor, ids: string[]): Promise<number> {
    return this.ds.transaction(async (m) => {
      const marked: { id: string }[] = await m.query(
        `WITH marked AS (UPDATE notifications SET read_at = now()
            WHERE unit_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
              AND (audience_role IS NULL OR audience_role = $3) RETURNING id)
         SELECT id FROM marked`,
        [actor.unitId, ids.length ? ids : null, actor.role],
      );
      // Nothing was unread (marked twice, or ids not the unit's): nothing to write, nothing to audit.
      if (!marked.length) return 0;
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Notification',
        entityId: marked.length === 1 ? marked[0].id : null,
        summary: `${actor.displayName} 将${marked.length}条通知标为已读`,
        // What changed (the unit's own notices), not what was sent.
        after: { ids: marked.map((n) => n.id) },
      });
      return marked.length;
    });
  }
}
