import { AuditAction, AuditResult, maskIdNumber } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import type { Clock } from '../../common/clock';
import { DomainError, FieldProblem } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { seesFullIdNumbers } from './guard.policy';

/**
 * "One person, one active record" refuses an ID number already active at another unit, and that
 * refusal tells the uploader the number is real: with a masked number (the hidden digits are the
 * birth date) one file of candidates would give back the whole number (review A-F2). So, per
 * account, the distinct ID numbers it is told about are limited in a rolling window, kept in
 * PostgreSQL (migration IdentityProbes) so the limit holds across API nodes; the same number again
 * is not counted twice. Every answer and every refusal is a security event for the auditor.
 * 保安管理支队 sees full ID numbers anyway and is not limited.
 */
export const IDENTITY_PROBE_LIMIT = 5;
export const IDENTITY_PROBE_WINDOW_HOURS = 24;

export const IDENTITY_PROBE_REFUSED =
  '近24小时内已多次提交在其他单位在职的人员或他人名下的保安员证号，为防止身份证号被探测，本次不予处理；如确需调入，请联系保安管理支队办理调转';

/** Where the answer would be given, as the audit entry names it. */
export type ProbeSource =
  | { kind: 'IMPORT_PREVIEW'; file: string }
  | { kind: 'IMPORT_COMMIT'; file: string }
  | { kind: 'FORM_CREATE' }
  | { kind: 'FORM_UPDATE' };

const sourceLabel = (s: ProbeSource): string => {
  switch (s.kind) {
    case 'IMPORT_PREVIEW': return `导入预览“${s.file}”`;
    case 'IMPORT_COMMIT': return `导入“${s.file}”`;
    case 'FORM_CREATE': return '登记保安员';
    case 'FORM_UPDATE': return '修改保安员身份证号';
  }
};

/**
 * One answer the request would give about a person on another register: "active at another unit",
 * or (with `certificateNo`) "this 保安员证 number is held by another person" (一证一人). The second
 * tells by elimination whose number a certificate is: a file of the 31 candidates a masked number
 * leaves, each with a guard's certificate (printed on the badge), answered "held by another person"
 * 30 times (review 5 A-F1). Only the refusals are counted there: a certificate taken as the person's
 * own is the everyday transfer of a guard who left another company.
 */
export interface ProbeAnswer {
  idNumber: string;
  /** Keyed hash of the ID number (common/pii `idHash`). */
  idHash: Buffer;
  /** The record at the other unit (active, or holding the certificate): in the security event's payload, for the auditor to follow up. None for a revocation. */
  holderGuardId: string | null;
  /** Set for a 保安员证 number held by another person on another register. */
  certificateNo?: string;
  /** Set for "this person's 保安员证 was revoked" (条例第十七条) told about someone on no register of the importer (review 6 A-F2). */
  revoked?: boolean;
  /**
   * Other ID numbers in the same request that show the same digits as this one masked (first six,
   * last four): candidates for the hidden birth date, the shape of an enumeration.
   */
  lookalikes?: number;
}

/** The request would tell the account about more ID numbers than the window allows: refused as a whole. */
export class IdentityProbeRefused extends DomainError {
  constructor(
    readonly answers: ProbeAnswer[],
    readonly used: number,
    readonly source: ProbeSource,
    fields?: FieldProblem[],
  ) {
    super('FORBIDDEN', IDENTITY_PROBE_REFUSED, fields, { reason: 'IDENTITY_PROBE_LIMIT' });
  }
}

/** Are this actor's "active elsewhere" answers counted? (保安管理支队 sees full ID numbers: no.) */
export const probesCounted = (actor: Actor): boolean => !seesFullIdNumbers(actor);

const masked = (a: ProbeAnswer) => maskIdNumber(a.idNumber);
/**
 * What the account was told, without the person's data: the summary is read by everyone who reads the log
 * and stays for ever (append-only). The payload keeps the number masked (the shape of an enumeration) and
 * the record at the other unit by id, never the 保安员证号 (it goes with the record at anonymisation).
 */
const told = (a: ProbeAnswer) =>
  a.certificateNo
    ? '所填保安员证号登记在另一人名下'
    : a.revoked
      ? '所填身份证号有保安员证吊销记录'
      : '所填身份证号在其他单位在职';
const lookalikeNote = (a: ProbeAnswer) => (a.lookalikes ? `；同一请求中另有${a.lookalikes}个身份证号与其前6位、后4位相同，疑似枚举` : '');

export class IdentityProbes {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims the answers inside the caller's transaction (they commit with what the request stores, or
   * not at all) and writes one security event per number newly told. Over the limit: throws
   * IdentityProbeRefused having recorded nothing (see `refusalAudited`). Under the account's row lock,
   * so concurrent requests of one account are counted one after another.
   */
  async admit(m: EntityManager, actor: Actor, answers: ProbeAnswer[], source: ProbeSource, fields?: FieldProblem[]): Promise<void> {
    if (!answers.length || !probesCounted(actor)) return;
    const [claim]: { granted: boolean; used: number; fresh: Buffer[] }[] = await m.query(
      `SELECT granted, used, fresh FROM identity_probe_claim($1, $2::bytea[], $3, make_interval(hours => $4), $5)`,
      [actor.id, answers.map((a) => a.idHash), this.clock.now(), IDENTITY_PROBE_WINDOW_HOURS, IDENTITY_PROBE_LIMIT],
    );
    // In the request's order (rows of the file), each number once.
    const freshKeys = new Set(claim.fresh.map((h) => h.toString('hex')));
    const fresh = answers.filter((a) => freshKeys.delete(a.idHash.toString('hex')));
    if (!claim.granted) throw new IdentityProbeRefused(fresh, claim.used, source, fields);
    for (const [i, a] of fresh.entries()) {
      await this.audit.record(m, actor, {
        action: AuditAction.ACCESS_DENIED,
        entityType: 'IdentityProbe',
        // No entity id: the guard's own trail stays its business history; the payload names the record.
        entityId: null,
        summary: `${sourceLabel(source)}：已告知${told(a)}，不予登记（该账号${IDENTITY_PROBE_WINDOW_HOURS}小时内第${claim.used + i + 1}人，上限${IDENTITY_PROBE_LIMIT}人${lookalikeNote(a)}）`,
        after: { outcome: 'REVEALED', source, idNumber: masked(a), ...(a.certificateNo ? { certificateHeldByAnother: true } : {}), ...(a.revoked ? { revoked: true } : {}), holderGuardId: a.holderGuardId, count: claim.used + i + 1, limit: IDENTITY_PROBE_LIMIT, lookalikes: a.lookalikes ?? 0 },
        result: AuditResult.FAILURE,
      });
    }
  }

  /**
   * Runs `work` (which calls `admit` in its transaction) and, when the throttle refuses, records the
   * refusal in a transaction of its own once `work`'s has rolled back: what was refused stores
   * nothing, and the refusal is still on the record.
   */
  async refusalAudited<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof IdentityProbeRefused) {
        const list = err.answers.map(masked);
        await this.audit.recordAlone(actor, {
          action: AuditAction.ACCESS_DENIED,
          entityType: 'IdentityProbe',
          entityId: null,
          summary: `${sourceLabel(err.source)}被拒绝（防身份证号探测）：该账号${IDENTITY_PROBE_WINDOW_HOURS}小时内已被告知${err.used}人在其他单位在职、保安员证号属于他人或有吊销记录，本次又涉及${list.length}人，上限${IDENTITY_PROBE_LIMIT}人${
            err.answers.some((a) => a.lookalikes) ? '；含前6位、后4位相同的其他身份证号，疑似枚举' : ''}`,
          after: {
            outcome: 'REFUSED', source: err.source, idNumbers: list, holderGuardIds: err.answers.map((a) => a.holderGuardId), used: err.used, limit: IDENTITY_PROBE_LIMIT,
            lookalikes: err.answers.reduce((n, a) => n + (a.lookalikes ?? 0), 0),
          },
          result: AuditResult.FAILURE,
        });
      }
      throw err;
    }
  }
}

/** For each of the (distinct) ID numbers, how many others among them show the same digits masked (first six, last four). */
export function lookalikeCounts(idNumbers: string[]): Map<string, number> {
  const byMask = new Map<string, number>();
  for (const id of idNumbers) byMask.set(maskIdNumber(id), (byMask.get(maskIdNumber(id)) ?? 0) + 1);
  return new Map(idNumbers.map((id) => [id, byMask.get(maskIdNumber(id))! - 1]));
}
