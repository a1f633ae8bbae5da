import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { localDate } from '../../common/calendar';
import type { Clock } from '../../common/clock';
import { settingDefinitions } from '../settings/settings.defaults';
import { revocationInForceSql } from '../guards/eligibility';
import { priorFailureDays } from '../vetting/prior-failure';
import { CompanyPerformance, loadPerformance } from './performance';

/** Register figures of a company, computed for many companies in one query. */
export interface CompanyFigures {
  guardsOnRegister: number;
  guardsWithValidCertificate: number;
  guardsWithValidVetting: number;
  ageProfile: {
    under30: number;
    from30to39: number;
    from40to49: number;
    from50to55: number;
    over55: number;
    averageAge: number | null;
  };
  activitiesServed: number;
}

/** The windows of the reuse rule, as stored or by default (what SettingsService reads). */
async function vettingWindows(ds: DataSource): Promise<{ reuseDays: number; failureDays: number }> {
  const keys = ['vetting.reuseWindowDays', 'privacy.retentionDays'] as const;
  const rows: { key: string; value: unknown }[] = await ds.query(`SELECT key, value FROM settings WHERE key = ANY($1::text[])`, [keys]);
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const value = (key: (typeof keys)[number]) => Number(stored.get(key) ?? settingDefinitions[key].default);
  return { reuseDays: value('vetting.reuseWindowDays'), failureDays: priorFailureDays({ 'privacy.retentionDays': value('privacy.retentionDays') }) };
}

/**
 * One SQL statement for a batch of companies (after the settings). A valid certificate = a 保安员证 not
 * revoked since it was issued. A valid vetting = a pass the next roster would reuse (vetting.service.ts
 * `evaluate()`): the latest decision about the same person (by ID number, in any activity, on or off a
 * roster) within the reuse window (setting `vetting.reuseWindowDays`) is a PASSED one, a FAILED one
 * winning a tie, so a guard failed after passing is not counted here while the recommendation and the
 * next roster treat them as not cleared (review 9-B F6); and the person has no 不通过 kept on record
 * (`priorFailureDays`), so a pass made after a 不通过, which the next roster does not reuse but asks the
 * officer to review again (review 11-A F1), is not counted either (code review 11 C8); that 不通过 is the
 * person's as the vetting finds them (vetting/prior-failure.ts `personEntriesSql`): of this guard row, checked
 * under this ID number, or of a row holding it now, so a failed row given a made-up number and the real number
 * registered anew does not make a counted pass (red-team F2); and the pass is of the person as registered now
 * (name, ID number, relatives: `guard_identity_hash`), as the reuse requires, so a guard whose relatives were
 * declared otherwise since is not counted (red-team G1). The windows count
 * back from `now`, the app's clock (config.clock), as the reuse does and as the decisions are stamped: on
 * the database's clock a pass the reuse already refuses as too old could still count here (review 9 C8).
 * Ages are on `now`'s Beijing date.
 */
export async function loadCompanyFigures(ds: DataSource, ids: readonly string[], now: Date): Promise<Map<string, CompanyFigures>> {
  const today = localDate(now);
  const { reuseDays, failureDays } = await vettingWindows(ds);
  const failedSince = (f: string) => `${f}.decision = 'FAILED' AND ${f}.decided_at > $3::timestamptz - make_interval(days => $5::int)`;
  const rows: Record<string, string | number | null>[] = await ds.query(
    `WITH ids AS (SELECT DISTINCT unnest($1::uuid[]) AS id),
     g AS (
       SELECT g.id, g.company_id, g.id_hash, g.certificate_no, g.certificate_issued_on,
              date_part('year', age($2::date, g.birth_date))::int AS age
       FROM guards g WHERE g.company_id = ANY($1::uuid[]) AND g.status = 'ACTIVE'),
     gs AS (
       SELECT company_id, count(*)::int AS on_register,
         count(*) FILTER (WHERE certificate_no IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM certificate_revocations cr
           WHERE cr.id_hash = g.id_hash AND ${revocationInForceSql('cr')} AND cr.revoked_on >= COALESCE(g.certificate_issued_on, DATE '1900-01-01')))::int AS valid_cert,
         count(*) FILTER (WHERE age < 30)::int AS under30,
         count(*) FILTER (WHERE age BETWEEN 30 AND 39)::int AS from30,
         count(*) FILTER (WHERE age BETWEEN 40 AND 49)::int AS from40,
         count(*) FILTER (WHERE age BETWEEN 50 AND 55)::int AS from50,
         count(*) FILTER (WHERE age > 55)::int AS over55,
         avg(age)::float8 AS avg_age
       FROM g GROUP BY company_id),
     vv AS (
       SELECT g.company_id, count(*)::int AS valid_vetting
       FROM g
       CROSS JOIN LATERAL (
         SELECT r.decision, r.identity_hash FROM guards p JOIN roster_entries r ON r.guard_id = p.id
          WHERE p.id_hash = g.id_hash AND r.decision <> 'PENDING'
            AND r.decided_at > $3::timestamptz - make_interval(days => $4::int)
          ORDER BY r.decided_at DESC, (r.decision = 'FAILED') DESC
          LIMIT 1) latest
       WHERE latest.decision = 'PASSED' AND latest.identity_hash = guard_identity_hash(g.id)
         AND NOT ($5::int > 0 AND (
           EXISTS (SELECT 1 FROM roster_entries f WHERE f.guard_id = g.id AND ${failedSince('f')})
           OR EXISTS (SELECT 1 FROM roster_entries f WHERE f.checked_id_hash = g.id_hash AND ${failedSince('f')})
           OR EXISTS (SELECT 1 FROM guards p JOIN roster_entries f ON f.guard_id = p.id WHERE p.id_hash = g.id_hash AND ${failedSince('f')})))
       GROUP BY g.company_id),
     served AS (
       SELECT selected_company_id AS company_id, count(*)::int AS served
       FROM activities WHERE selected_company_id = ANY($1::uuid[]) AND status = 'CLOSED'
       GROUP BY selected_company_id)
     SELECT ids.id, COALESCE(gs.on_register, 0) AS on_register, COALESCE(gs.valid_cert, 0) AS valid_cert,
            COALESCE(vv.valid_vetting, 0) AS valid_vetting,
            COALESCE(gs.under30, 0) AS under30, COALESCE(gs.from30, 0) AS from30, COALESCE(gs.from40, 0) AS from40,
            COALESCE(gs.from50, 0) AS from50, COALESCE(gs.over55, 0) AS over55, gs.avg_age,
            COALESCE(served.served, 0) AS served
     FROM ids
     LEFT JOIN gs ON gs.company_id = ids.id
     LEFT JOIN vv ON vv.company_id = ids.id
     LEFT JOIN served ON served.company_id = ids.id`,
    [ids, today, now, reuseDays, failureDays],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        guardsOnRegister: Number(r.on_register),
        guardsWithValidCertificate: Number(r.valid_cert),
        guardsWithValidVetting: Number(r.valid_vetting),
        ageProfile: {
          under30: Number(r.under30),
          from30to39: Number(r.from30),
          from40to49: Number(r.from40),
          from50to55: Number(r.from50),
          over55: Number(r.over55),
          averageAge: r.avg_age === null ? null : Math.round(Number(r.avg_age) * 10) / 10,
        },
        activitiesServed: Number(r.served),
      },
    ]),
  );
}

/** Per-request loaders of the companies module (merged into `createLoaders`). */
export function companyLoaders(ds: DataSource, clock: Clock) {
  return {
    companyFigures: new DataLoader<string, CompanyFigures>(async (ids) => {
      const map = await loadCompanyFigures(ds, ids, clock.now());
      return ids.map((id) => map.get(id)!);
    }),
    // The guard count alone (an index-only count): a list or detail that shows only it does not pay
    // for the age profile, certificate and vetting figures of companyFigures.
    companyGuardsOnRegister: new DataLoader<string, number>(async (ids) => {
      const rows: { company_id: string; n: number }[] = await ds.query(
        `SELECT company_id, count(*)::int AS n FROM guards WHERE company_id = ANY($1::uuid[]) AND status = 'ACTIVE' GROUP BY company_id`,
        [[...ids]],
      );
      const counts = new Map(rows.map((r) => [r.company_id, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    companyPerformance: new DataLoader<string, CompanyPerformance>(async (ids) => {
      const map = await loadPerformance(ds.manager, ids);
      return ids.map((id) => map.get(id)!);
    }),
  };
}
