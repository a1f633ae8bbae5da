import { AuditAction, Role } from '@evs/schema';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/context';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { AuditEntryEntity } from './audit.entity';

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  search?: string;
}

/** Strips secrets and turns entities into plain JSON for the before/after columns. */
function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === 'passwordHash' || key === 'tokenHash' ? undefined : v)),
  );
}

/** The system as the actor of an audit entry (e.g. an automatic transition). */
export const SYSTEM = 'SYSTEM' as const;
const SYSTEM_NAME = '系统';

export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Writes one entry with the manager of the caller's transaction, so both commit or neither.
   * `SYSTEM`: the system acted (a rule was met); `null`: nobody logged in (e.g. a failed login).
   */
  async record(manager: EntityManager, actor: Actor | null | typeof SYSTEM, entry: AuditInput, requestId?: string): Promise<void> {
    if (actor === SYSTEM) {
      await this.insert(manager, null, SYSTEM_NAME, null, entry, requestId);
      return;
    }
    await this.insert(manager, actor?.id ?? null, actor ? `${actor.displayName}（${actor.unitName}）` : null, (actor?.role as Role) ?? null, entry, requestId);
  }

  private async insert(manager: EntityManager, actorId: string | null, actorName: string | null, actorRole: Role | null, entry: AuditInput, requestId?: string) {
    await manager.insert(AuditEntryEntity, {
      actorId,
      actorName,
      actorRole,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary,
      before: snapshot(entry.before) as object,
      after: snapshot(entry.after) as object,
      requestId: requestId ?? null,
    });
  }

  async list(filter: AuditFilter, page?: PageInput): Promise<Page<AuditEntryEntity>> {
    const w = pageWindow(page);
    const qb = this.ds.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    if (filter.search) {
      qb.andWhere(
        new Brackets((b) =>
          b.where('a.summary ILIKE :s', { s: `%${filter.search}%` }).orWhere('a.actor_name ILIKE :s'),
        ),
      );
    }
    const [items, total] = await qb.orderBy('a.id', 'DESC').skip(w.skip).take(w.take).getManyAndCount();
    return { items, total, page: w.page, pageSize: w.pageSize };
  }
}
