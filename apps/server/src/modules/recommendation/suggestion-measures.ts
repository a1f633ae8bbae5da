import { CompanyStatus, District } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { localDate } from '../../common/calendar';
import { ageLimitsOf } from '../activities/activity.derive';
import { ActivityEntity } from '../activities/activity.entity';
import { CompanyPerformance, loadPerformance } from '../companies/performance';
import { revocationInForceSql, revokedCertificateKeySql } from '../guards/eligibility';
import { SettingValues } from '../settings/settings.defaults';
import { guardsNeeded, YOUNG_AGE } from './scoring';

/** One company's figures for one activity, as the ranking reads them. */
export interface MeasureRow {
  id: string;
  name: string;
  district: District;
  status: CompanyStatus;
  status_reason: string | null;
  /** The company's unit is in use (停用 units cannot log in, so cannot submit a roster). */
  unit_active: boolean;
  license_expiry: string;
  registered_capital: string;
  on_register: number;
  eligible: number;
  young: number;
  avg_age: number | null;
  no_cert: number;
  age_out: number;
  low_edu: number;
  revoked: number;
  failed: number;
  similar: number;
}

/** Everything the ranking of one activity reads from the database, except the candidates already recommended. */
export interface SuggestionMeasures {
  rows: MeasureRow[];
  performance: Map<string, CompanyPerformance>;
  serious: Map<string, number>;
  /**
   * When the oldest vetting failure counted in the reuse window leaves it (epoch ms), or null: the
   * only input that changes with the passing of time rather than with a write.
   */
  expiresAt: number | null;
}

/** The activity's and the settings' values the figures depend on; the age limits are the activity's (fixed at its 批示). */
export function measureParams(a: ActivityEntity, s: SettingValues) {
  const margin = s['recommendation.capacityMargin'];
  const { minAge, maxAge } = ageLimitsOf(a, s);
  return {
    startDate: localDate(a.startsAt),
    endDate: localDate(a.endsAt),
    minAge,
    maxAge,
    margin,
    needed: guardsNeeded(a.guardsRequired, margin),
    reuseDays: s['vetting.reuseWindowDays'],
  };
}

/**
 * One guard's figures for the activity, with the age limits $2–$3 and the "young" age $6: the lower
 * limit reached by the first day ($1), the upper not passed by the last day ($8), as the pre-check
 * decides (a guard who turns 56 on the second day of a three-day event is not counted). Age is
 * compared through dates (no per-row age()), and `days` sums to the exact mean age on the first day.
 * Education: 条例 Art. 16 asks for junior middle school or above (anything but PRIMARY).
 */
const GUARD_FIGURES = `
  g.certificate_no IS NOT NULL AS has_cert,
  g.education <> 'PRIMARY' AS edu_ok,
  (g.birth_date <= ($1::date - make_interval(years => $2::int))
     AND g.birth_date > ($8::date - make_interval(years => $3::int + 1))) AS age_ok,
  g.birth_date > ($1::date - make_interval(years => $6::int)) AS young,
  ($1::date - g.birth_date) AS days`;
/**
 * Sums over guards with a certificate, of age and with the education Art. 16 asks for; eligible =
 * these of `base` minus these of `barred`.
 */
const ELIGIBLE_SUMS = `
  count(*) FILTER (WHERE f.has_cert AND f.age_ok AND f.edu_ok)::int AS ok,
  count(*) FILTER (WHERE f.has_cert AND f.age_ok AND f.edu_ok AND f.young)::int AS ok_young,
  sum(f.days) FILTER (WHERE f.has_cert AND f.age_ok AND f.edu_ok)::bigint AS ok_days`;

/**
 * Every company's figures for an activity (SPEC §4) in a few SQL statements over all companies at
 * once (eligible guards and exclusion figures; performance; open serious findings), whatever the
 * number of companies and guards.
 */
/** `now` is the server's clock (the reuse window of a failure is counted from it, as vetting counts it). */
export async function loadSuggestionMeasures(m: EntityManager, a: ActivityEntity, s: SettingValues, now: Date = new Date()): Promise<SuggestionMeasures> {
  const { startDate, endDate, minAge, maxAge, reuseDays } = measureParams(a, s);
  const rows: (MeasureRow & { failed_until: Date | null })[] = await m.query(
    `WITH rev AS (
       SELECT id_hash FROM certificate_revocations cr
       WHERE ${revocationInForceSql('cr')}
       GROUP BY id_hash
       HAVING count(DISTINCT ${revokedCertificateKeySql('cr')}) >= 2 OR max(revoked_on) > ($1::date - interval '3 years')),
     failed_entries AS (
       SELECT r.guard_id, r.decided_at FROM roster_entries r
       WHERE r.decision = 'FAILED' AND r.decided_at >= $9::timestamptz - make_interval(days => $4::int)),
     failed AS (
       SELECT DISTINCT p.id_hash FROM failed_entries r JOIN guards p ON p.id = r.guard_id),
     -- Every guard on a register, counted without joins: certificate, and age over the activity's days.
     base AS (
       SELECT g.company_id, count(*)::int AS on_register,
              count(*) FILTER (WHERE NOT f.has_cert)::int AS no_cert,
              count(*) FILTER (WHERE NOT f.age_ok)::int AS age_out,
              count(*) FILTER (WHERE NOT f.edu_ok)::int AS low_edu,
              ${ELIGIBLE_SUMS}
       FROM guards g CROSS JOIN LATERAL (SELECT ${GUARD_FIGURES}) f
       WHERE g.status = 'ACTIVE'
       GROUP BY g.company_id),
     -- The few guards barred by a revoked certificate or a failed vetting within the reuse window.
     barred AS (
       SELECT g.company_id,
              count(*) FILTER (WHERE b.revoked)::int AS revoked,
              count(*) FILTER (WHERE b.failed)::int AS failed,
              ${ELIGIBLE_SUMS}
       FROM (SELECT id_hash, bool_or(revoked) AS revoked, bool_or(failed) AS failed
               FROM (SELECT id_hash, true AS revoked, false AS failed FROM rev
                     UNION ALL SELECT id_hash, false, true FROM failed) x
              GROUP BY id_hash) b
       JOIN guards g ON g.id_hash = b.id_hash AND g.status = 'ACTIVE'
       CROSS JOIN LATERAL (SELECT ${GUARD_FIGURES}) f
       GROUP BY g.company_id),
     sim AS (
       SELECT selected_company_id AS company_id, count(*)::int AS similar
       FROM activities
       WHERE status = 'CLOSED' AND selected_company_id IS NOT NULL AND id <> $7::uuid
         AND guards_required BETWEEN $5::int * 0.5 AND $5::int * 1.5
       GROUP BY selected_company_id)
     SELECT c.id, c.name, c.district, c.status, c.status_reason, c.license_expiry::text AS license_expiry,
            u.active AS unit_active,
            c.registered_capital,
            COALESCE(base.on_register, 0) AS on_register,
            COALESCE(base.ok, 0) - COALESCE(barred.ok, 0) AS eligible,
            COALESCE(base.ok_young, 0) - COALESCE(barred.ok_young, 0) AS young,
            ((base.ok_days - COALESCE(barred.ok_days, 0))::float8
              / NULLIF(base.ok - COALESCE(barred.ok, 0), 0) / 365.2425) AS avg_age,
            COALESCE(base.no_cert, 0) AS no_cert, COALESCE(base.age_out, 0) AS age_out, COALESCE(base.low_edu, 0) AS low_edu,
            COALESCE(barred.revoked, 0) AS revoked, COALESCE(barred.failed, 0) AS failed,
            COALESCE(sim.similar, 0) AS similar,
            (SELECT min(decided_at) + make_interval(days => $4::int) FROM failed_entries) AS failed_until
     FROM companies c
     -- Only security service companies: a self-recruiting organizer's own register is not a candidate.
     JOIN units u ON u.id = c.id AND u.kind = 'COMPANY'
     LEFT JOIN base ON base.company_id = c.id
     LEFT JOIN barred ON barred.company_id = c.id
     LEFT JOIN sim ON sim.company_id = c.id`,
    [startDate, minAge, maxAge, reuseDays, a.guardsRequired, YOUNG_AGE, a.id, endDate, now],
  );
  const ids = rows.map((r) => r.id);
  const performance = await loadPerformance(m, ids);
  const seriousRows: { company_id: string; n: number }[] = ids.length
    ? await m.query(
        `SELECT company_id, count(*)::int AS n FROM findings
          WHERE serious AND corrected_at IS NULL AND company_id IS NOT NULL GROUP BY company_id`,
      )
    : [];
  const failedUntil = rows[0]?.failed_until ?? null;
  return {
    rows,
    performance,
    serious: new Map(seriousRows.map((r) => [r.company_id, r.n])),
    expiresAt: failedUntil === null ? null : new Date(failedUntil).getTime(),
  };
}

interface Kept {
  version: string;
  measures: Promise<SuggestionMeasures>;
}

/** How many activities' figures are kept (the least recently read are dropped first). */
const KEPT_ACTIVITIES = 64;

/**
 * The figures of the activities asked about recently, kept while `suggestion_inputs.version` stands
 * (moved forward at the commit of any change to an input; migration SuggestionInputsVersion) and
 * until the oldest counted vetting failure leaves the reuse window. The version is read first and
 * the figures after it, so kept figures are never older than their version. Concurrent first
 * requests for one activity share one computation.
 */
export class SuggestionMeasuresCache {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly ds: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  async get(a: ActivityEntity, s: SettingValues): Promise<SuggestionMeasures> {
    const [{ version }]: { version: string }[] = await this.ds.query(`SELECT version::text AS version FROM suggestion_inputs WHERE id = 1`);
    const key = JSON.stringify([a.id, a.guardsRequired, measureParams(a, s)]);
    const hit = this.kept.get(key);
    if (hit && hit.version === version) {
      const measures = await hit.measures;
      if (measures.expiresAt === null || measures.expiresAt > this.now()) {
        this.kept.delete(key);
        this.kept.set(key, hit);
        return measures;
      }
    }
    const entry: Kept = { version, measures: loadSuggestionMeasures(this.ds.manager, a, s, new Date(this.now())) };
    this.kept.delete(key);
    this.kept.set(key, entry);
    while (this.kept.size > KEPT_ACTIVITIES) this.kept.delete(this.kept.keys().next().value!);
    entry.measures.catch(() => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    });
    return entry.measures;
  }
}
