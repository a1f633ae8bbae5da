import { localDate } from '../../common/calendar';
import { ageOn, Education, idNumberProblem } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { decryptNullable } from '../../common/pii';
import { PrecheckProblem } from './roster-entry.entity';
import { revocationInForceSql, RevocationFact, revokedCertificates } from '../guards/eligibility';

/** What the pre-checks and the records check need to know about a guard. */
export interface GuardFacts {
  guardId: string;
  name: string;
  /** Decrypted in memory (the check-digit pre-check, masked display); never written back. */
  idNumber: string;
  /** The keyed hash of the ID number, hex: revocations, overlaps, records and reuse match on it. */
  idKey: string;
  /** The ID number as stored (copied into hits, decrypted by a source that needs the number). */
  idCipher: string;
  birthDate: string;
  certificateNo: string | null;
  education: Education;
}

/** The columns of `GuardFacts` from `guards` aliased `alias` (decrypt with `toGuardFacts`). */
export function guardFactsColumns(alias: string): string {
  return `${alias}.id AS "guardId", ${alias}.name, ${alias}.id_cipher AS "idCipher", encode(${alias}.id_hash, 'hex') AS "idKey",
          to_char(${alias}.birth_date, 'YYYY-MM-DD') AS "birthDate", ${alias}.certificate_no AS "certificateNo", ${alias}.education`;
}

/** A row of `guardFactsColumns` with its ID number decrypted (an anonymised record has none). */
export function toGuardFacts<T extends { idCipher: string | null; idKey: string | null }>(row: T): T & GuardFacts {
  return { ...row, idNumber: decryptNullable(row.idCipher) ?? '', idKey: row.idKey ?? '', idCipher: row.idCipher ?? '' } as T & GuardFacts;
}

export interface PrecheckContext {
  /** The activity's first day (China time), YYYY-MM-DD: age and revocation windows count to it. */
  activityDate: string;
  /**
   * The activity's last day (China time): the upper age limit holds through it (a guard who turns 56 on
   * the second day of a two-day event is over the limit on duty). Defaults to the first day.
   */
  lastDate?: string;
  minAge: number;
  maxAge: number;
  /** Revocations in force by person (keyed hash, hex): day and certificate revoked. */
  revocations: Map<string, RevocationFact[]>;
  /** Overlapping activities whose ACTIVE roster already holds the person, by person (keyed hash, hex). */
  overlaps: Map<string, string[]>;
}

function minusYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

/**
 * Art. 17 on the activity's first day: 保安员证 revoked twice (two certificates, `revokedCertificates`),
 * or less than 3 years before. `revoked`: the person's revocations in force (cancelled ones are not).
 */
export function revocationPrecheck(revoked: readonly RevocationFact[], activityDate: string): PrecheckProblem | null {
  const certificates = revokedCertificates(revoked);
  if (certificates >= 2) return { code: 'REVOKED', message: `保安员证曾被吊销${certificates}次（条例第十七条）` };
  const recent = revoked.map((r) => r.revokedOn).filter((d) => d > minusYears(activityDate, 3) && d <= activityDate).sort().reverse();
  return recent.length ? { code: 'REVOKED', message: `保安员证于${recent[0]}被吊销，未满3年（条例第十七条）` } : null;
}

/**
 * SPEC §5 pre-checks from data, with 保安服务管理条例 Art. 16 (age, 保安员证, education) and Art. 17
 * (保安员证 revoked less than 3 years ago, or twice). Every problem found is listed, not only the first.
 */
export function precheckGuard(g: GuardFacts, ctx: PrecheckContext): PrecheckProblem[] {
  const problems: PrecheckProblem[] = [];
  const idProblem = idNumberProblem(g.idNumber);
  if (idProblem) problems.push({ code: 'ID_NUMBER', message: idProblem });
  const age = ageOn(g.birthDate, ctx.activityDate);
  const ageAtEnd = ctx.lastDate && ctx.lastDate !== ctx.activityDate ? ageOn(g.birthDate, ctx.lastDate) : age;
  if (age > ctx.maxAge) problems.push({ code: 'AGE', message: `活动当日${age}岁，超过年龄上限${ctx.maxAge}岁` });
  else if (ageAtEnd > ctx.maxAge) problems.push({ code: 'AGE', message: `活动结束日（${ctx.lastDate}）${ageAtEnd}岁，超过年龄上限${ctx.maxAge}岁` });
  if (age < ctx.minAge) problems.push({ code: 'AGE', message: `活动当日${age}岁，未满${ctx.minAge}岁` });
  if (!g.certificateNo) problems.push({ code: 'CERTIFICATE', message: '未取得保安员证（条例第十六条）' });
  const revoked = revocationPrecheck(ctx.revocations.get(g.idKey) ?? [], ctx.activityDate);
  if (revoked) problems.push(revoked);
  if (g.education === Education.PRIMARY) problems.push({ code: 'EDUCATION', message: '学历低于初中（条例第十六条）' });
  const overlaps = ctx.overlaps.get(g.idKey) ?? [];
  if (overlaps.length) problems.push({ code: 'OVERLAP', message: `已在时间重叠的活动“${overlaps.join('”“')}”名单中` });
  return problems;
}

/**
 * Loads revocations and overlapping rosters for many people in two queries (never one per guard).
 * `excludeEntryIds` keeps the entries being checked from counting as their own overlap.
 */
export async function loadPrecheckContext(
  m: EntityManager,
  activity: { id: string; startsAt: Date; endsAt: Date; ageLimit: number | null; securityMode: string; selectedCompanyId: string | null; organizerUnitId: string | null },
  idKeys: string[],
  settings: { minAge: number; maxAge: number },
  activityDate: string,
): Promise<PrecheckContext> {
  const ids = [...new Set(idKeys.filter(Boolean))].map((k) => Buffer.from(k, 'hex'));
  const revocations = new Map<string, RevocationFact[]>();
  const overlaps = new Map<string, string[]>();
  if (ids.length) {
    const rev: { id_key: string; revoked_on: string; certificate_no: string | null }[] = await m.query(
      `SELECT encode(id_hash, 'hex') AS id_key, to_char(revoked_on, 'YYYY-MM-DD') AS revoked_on, certificate_no FROM certificate_revocations cr
        WHERE id_hash = ANY($1::bytea[]) AND ${revocationInForceSql('cr')} ORDER BY revoked_on DESC`,
      [ids],
    );
    for (const r of rev) {
      revocations.set(r.id_key, [...(revocations.get(r.id_key) ?? []), { revokedOn: r.revoked_on, certificateNo: r.certificate_no }]);
    }
    // The submitter's own overlapping activities are named; another unit's are not (no cross-company disclosure).
    const submitter = activity.securityMode === 'SELF_RECRUITED' ? activity.organizerUnitId : activity.selectedCompanyId;
    const ov: { id_key: string; name: string }[] = await m.query(
      `SELECT DISTINCT encode(g.id_hash, 'hex') AS id_key, CASE WHEN re.company_id = $5::uuid THEN a.name ELSE '其他单位的活动' END AS name
         FROM guards g
         JOIN roster_entries re ON re.guard_id = g.id AND re.state = 'ACTIVE' AND re.activity_id <> $2
         JOIN activities a ON a.id = re.activity_id
        WHERE g.id_hash = ANY($1::bytea[])
          AND a.status NOT IN ('CANCELLED', 'CLOSED')
          AND a.starts_at < $4 AND a.ends_at > $3`,
      [ids, activity.id, activity.startsAt, activity.endsAt, submitter],
    );
    for (const o of ov) overlaps.set(o.id_key, [...(overlaps.get(o.id_key) ?? []), o.name]);
  }
  return {
    activityDate,
    lastDate: localDate(activity.endsAt),
    minAge: settings.minAge,
    // the caller's limits are the activity's own (ageLimitsOf: fixed at the 批示)
    maxAge: settings.maxAge,
    revocations,
    overlaps,
  };
}
