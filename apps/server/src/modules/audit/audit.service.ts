import { AuditAction, AuditResult, Role } from '@evs/schema';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { badInput } from '../../common/errors';
import { currentRequest } from '../../common/request-context';
import { AuditEntryEntity } from './audit.entity';
import { SECURITY_EVENT_ACTIONS } from './audit.policy';
import { containsPattern } from '../../common/sql-predicate';

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  /** FAILURE for refused logins, lockouts and permission denials; SUCCESS otherwise. */
  result?: AuditResult;
  /** Source address, when written outside the request's async context (otherwise taken from it). */
  ip?: string;
}

/** The first entry where the chain breaks, and why. */
export interface AuditChainBreak {
  seq: string;
  id: string | null;
  at: Date | null;
  summary: string | null;
  reason: string;
}

export interface AuditChainReport {
  intact: boolean;
  /** Entries checked (all of them). */
  checked: number;
  headSeq: string;
  headHash: string;
  firstBroken: AuditChainBreak | null;
  /** With an anchor: whether the chain still holds its entry with its hash; null without one. */
  anchorHolds: boolean | null;
  verifiedAt: Date;
}

/** A link of the chain noted down earlier (`seq:hash`, as the chain check shows the head), to check it is still there. */
export interface AuditAnchor {
  seq: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

const ANCHOR_FORMAT = '锚点格式应为“序号:哈希”（序号为正整数，哈希为64位十六进制数）';

/**
 * The anchor an auditor typed or pasted (`seq:hash`, blanks around it ignored, the hash in either case); undefined
 * when none was given; BAD_USER_INPUT naming `field` when it is not one. At most 18 digits: a bigint's range.
 */
export function parseAuditAnchor(text: string | null | undefined, field = 'anchor'): AuditAnchor | undefined {
  if (text == null) return undefined;
  const match = /^([1-9]\d{0,17}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!match) throw badInput(ANCHOR_FORMAT, [{ field, message: ANCHOR_FORMAT }]);
  return { seq: match[1], hash: match[2] };
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  actions?: AuditAction[];
  result?: AuditResult;
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

/**
 * Free text a user typed about people (a decision's note, a check's or a correction's note): it may name a
 * guard or a person found on site, and the audit log is append-only and kept for ever, past the retention
 * period that clears the record's own copy. The entry keeps that a note was written and its length, not its words.
 */
export const noteWritten = (text: string | null | undefined): { chars: number } | null => (text ? { chars: [...text].length } : null);
const SYSTEM_NAME = '系统';

export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Writes one entry with the manager of the caller's transaction, so both commit or neither. The
   * source IP and the request id come from the HTTP request being served (common/request-context.ts). The
   * chain trigger locks the chain head until the transaction ends: call this last in a transaction.
   * `SYSTEM`: the system acted (a rule was met); `null`: nobody logged in (e.g. a failed login).
   */
  async record(manager: EntityManager, actor: Actor | null | typeof SYSTEM, entry: AuditInput): Promise<void> {
    const request = currentRequest();
    const person = actor === SYSTEM ? null : actor;
    const actorId = person?.id ?? null;
    const actorName = actor === SYSTEM ? SYSTEM_NAME : person ? `${person.displayName}（${person.unitName}）` : null;
    const actorRole = (person?.role as Role) ?? null;
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
      requestId: request.requestId ?? null,
      ip: entry.ip ?? request.ip ?? null,
      result: entry.result ?? AuditResult.SUCCESS,
    });
  }

  /** An entry of its own (a refused login, a permission denial, a download), in its own transaction. */
  async recordAlone(actor: Actor | null, entry: AuditInput): Promise<void> {
    await this.ds.transaction((m) => this.record(m, actor, entry));
  }

  /**
   * Seals committed entries into the hash chain (up to `batch` per call) and says how many. Run every
   * second by the application (one node at a time) and before each verification.
   */
  async seal(batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ sealed }]: { sealed: number }[] = await this.ds.query(`SELECT audit_seal($1) AS sealed`, [batch]);
      total += sealed;
      if (sealed < batch) return total;
    }
  }

  /**
   * Recomputes the hash chain from the first entry to the head, in one snapshot, and names the first
   * entry that does not fit: changed content, a changed or missing predecessor, or entries missing at
   * the end. `anchor` (a head noted down earlier) must still be in the chain with the same hash: a
   * chain rewritten and recomputed from an earlier entry on (by whoever can write the database, the
   * hash has no key) fits together again, but no longer holds the noted hash.
   */
  async verifyChain(anchor?: AuditAnchor): Promise<AuditChainReport> {
    await this.seal();
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      const [head]: { seq: string; hash: string }[] = await m.query(`SELECT seq::text, hash FROM audit_chain_head WHERE id = 1`);
      const [stats]: { n: number; last_seq: string | null; last_hash: string | null }[] = await m.query(
        `SELECT count(*)::int AS n, max(seq)::text AS last_seq,
                (SELECT hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1) AS last_hash
           FROM audit_log WHERE seq IS NOT NULL`,
      );
      const rows: { seq: string; id: string; at: Date; summary: string; problem: string }[] = await m.query(
        `WITH c AS (
           SELECT a.seq, a.id, a.at, a.summary, a.prev_hash, a.hash,
                  audit_entry_hash(a.prev_hash, a) AS recomputed,
                  lag(a.hash) OVER (ORDER BY a.seq) AS prev_entry_hash,
                  lag(a.seq) OVER (ORDER BY a.seq) AS prev_seq
             FROM audit_log a WHERE a.seq IS NOT NULL)
         SELECT seq::text, id::text, at, summary,
                CASE WHEN seq <> coalesce(prev_seq, 0) + 1 THEN 'GAP'
                     WHEN prev_hash <> coalesce(prev_entry_hash, $1) THEN 'PREV'
                     ELSE 'HASH' END AS problem
           FROM c
          WHERE seq <> coalesce(prev_seq, 0) + 1 OR prev_hash <> coalesce(prev_entry_hash, $1) OR hash <> recomputed
          ORDER BY seq LIMIT 1`,
        [GENESIS],
      );
      let firstBroken: AuditChainBreak | null = null;
      if (rows[0]) {
        const r = rows[0];
        const reason = {
          GAP: `序号不连续：第 ${r.seq} 条之前的条目缺失（被删除）`,
          PREV: `第 ${r.seq} 条记录的前序哈希与上一条不符（上一条被删除、替换或插入了条目）`,
          HASH: `第 ${r.seq} 条内容与其哈希不符（条目被修改）`,
        }[r.problem]!;
        firstBroken = { seq: r.seq, id: r.id, at: r.at, summary: r.summary, reason };
      } else if ((stats.last_seq ?? '0') !== head.seq || (stats.last_hash ?? GENESIS) !== head.hash) {
        firstBroken = {
          seq: String(BigInt(stats.last_seq ?? '0') + 1n),
          id: null,
          at: null,
          summary: null,
          reason: `链尾不符：链头记录到第 ${head.seq} 条，日志只到第 ${stats.last_seq ?? 0} 条（末尾条目被删除）`,
        };
      }
      let anchorHolds: boolean | null = null;
      if (anchor) {
        const [row]: { hash: string }[] = await m.query(`SELECT hash FROM audit_log WHERE seq = $1`, [anchor.seq]);
        anchorHolds = !!row && row.hash === anchor.hash;
        if (!firstBroken && !anchorHolds) {
          firstBroken = {
            seq: anchor.seq,
            id: null,
            at: null,
            summary: null,
            reason: `与此前记下的锚点不符：第 ${anchor.seq} 条${row ? '的哈希已改变（该条或其前的条目被改动、删除，链被整体重算）' : '已不存在'}`,
          };
        }
      }
      return { intact: !firstBroken, checked: stats.n, headSeq: head.seq, headHash: head.hash, firstBroken, anchorHolds, verifiedAt: new Date() };
    });
  }

  async list(
    filter: AuditFilter,
    page?: PageInput,
    scope: { securityEvents: boolean; detailReads: boolean } = { securityEvents: true, detailReads: true },
  ): Promise<Page<AuditEntryEntity>> {
    const w = pageWindow(page);
    const qb = this.ds.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (!scope.securityEvents) qb.andWhere('a.action NOT IN (:...securityActions)', { securityActions: SECURITY_EVENT_ACTIONS });
    if (!scope.detailReads) qb.andWhere(`a.action <> 'READ_DETAIL'`);
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.actions?.length) qb.andWhere('a.action IN (:...actions)', { actions: filter.actions });
    if (filter.result) qb.andWhere('a.result = :result', { result: filter.result });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    if (filter.search) {
      const s = containsPattern(filter.search);
      qb.andWhere(
        new Brackets((b) =>
          b.where('a.summary ILIKE :s', { s }).orWhere('a.actor_name ILIKE :s'),
        ),
      );
    }
    const [items, total] = await qb.orderBy('a.id', 'DESC').skip(w.skip).take(w.take).getManyAndCount();
    return { items, total, page: w.page, pageSize: w.pageSize };
  }
}
