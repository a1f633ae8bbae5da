import { EntityManager } from 'typeorm';

/** A company's past performance, as SQL aggregates over rosters, findings and closed activities. */
export interface PerformanceFigures {
  dutyGuards: number;
  findings: number;
  findingsCorrected: number;
  openSeriousFindings: number;
  vettingDecided: number;
  vettingFailed: number;
  closedActivities: number;
  averageRating: number | null;
}

export interface CompanyPerformance extends PerformanceFigures {
  findingsPer100: number | null;
  correctionRate: number | null;
  vettingFailureRate: number | null;
  /** 0–100. */
  score: number;
  hasHistory: boolean;
}

/** Weights of the parts of the performance score; a part without data is left out and the rest rescaled. */
export const PERFORMANCE_WEIGHTS = { findings: 0.35, correction: 0.15, vetting: 0.25, rating: 0.25 } as const;
/** Score of a company with no history at all: neither rewarded nor punished. */
export const NEUTRAL_PERFORMANCE_SCORE = 70;
/** Findings per 100 guards on duty at which the findings part reaches 0. */
export const FINDINGS_PER_100_FLOOR = 20;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The score and its rates from the raw figures (pure; unit-tested). */
export function scorePerformance(f: PerformanceFigures): CompanyPerformance {
  const findingsPer100 = f.dutyGuards > 0 ? (f.findings * 100) / f.dutyGuards : null;
  const correctionRate = f.findings > 0 ? f.findingsCorrected / f.findings : null;
  const vettingFailureRate = f.vettingDecided > 0 ? f.vettingFailed / f.vettingDecided : null;
  const parts: [number, number | null][] = [
    [PERFORMANCE_WEIGHTS.findings, findingsPer100 === null ? null : 1 - Math.min(findingsPer100, FINDINGS_PER_100_FLOOR) / FINDINGS_PER_100_FLOOR],
    [PERFORMANCE_WEIGHTS.correction, correctionRate],
    [PERFORMANCE_WEIGHTS.vetting, vettingFailureRate === null ? null : 1 - vettingFailureRate],
    [PERFORMANCE_WEIGHTS.rating, f.averageRating === null ? null : (f.averageRating - 1) / 4],
  ];
  const known = parts.filter((p): p is [number, number] => p[1] !== null);
  const weight = known.reduce((s, [w]) => s + w, 0);
  const hasHistory = known.length > 0;
  const score = hasHistory ? (100 * known.reduce((s, [w, v]) => s + w * v, 0)) / weight : NEUTRAL_PERFORMANCE_SCORE;
  return {
    ...f,
    findingsPer100: findingsPer100 === null ? null : round(findingsPer100),
    correctionRate: correctionRate === null ? null : round(correctionRate, 4),
    vettingFailureRate: vettingFailureRate === null ? null : round(vettingFailureRate, 4),
    averageRating: f.averageRating === null ? null : round(f.averageRating),
    score: round(score, 1),
    hasHistory,
  };
}

/**
 * Figures of many companies in ONE query (a DataLoader batch or the recommendation engine):
 * guards on duty = the on-duty roster (PASSED, active, trained and passed) of activities IN_PROGRESS or CLOSED, reused
 * passes included (they served); evaluations from CLOSED activities the company served.
 *
 * Vetting failure rate (审核不通过率, part of the candidate score) = failures / decisions MADE in each activity, among the
 * entries the vetting figures count (dashboard/overview.sql.ts `vettingCountedExpr`: on the roster, or failed). A reused
 * pass is a copy of an earlier decision (counted once, where it was made), not a decision: counted, a company could put
 * its whole reusable register on one roster (a roster is not capped against guards required) and see its decisions grow
 * while its failures do not (review 9 C5); taken off again it was never counted (review 9-B F1). A failure is always made
 * in its activity (reuse copies only passes; an officer's decision or the system's 不通过 clears the copy), so a company
 * cannot lower its rate with entries nobody decided.
 */
export async function loadPerformance(m: EntityManager, companyIds: readonly string[]): Promise<Map<string, CompanyPerformance>> {
  const rows: Record<string, string | number | null>[] = companyIds.length
    ? await m.query(
        `WITH ids AS (SELECT DISTINCT unnest($1::uuid[]) AS id),
         -- Per-activity roster summary kept exact by triggers (migrations RosterStats, SuggestionStats,
         -- VettingCountedRule): only the entries vettingCountedExpr counts; band IS NOT NULL = on duty
         -- (the duty gate of modules/training/duty-roster.ts); reused = a copy of an earlier pass, no decision.
         rs AS (
           SELECT s.company_id,
                  COALESCE(sum(s.count) FILTER (WHERE s.band IS NOT NULL AND a.status IN ('IN_PROGRESS', 'CLOSED')), 0)::int AS duty_guards,
                  COALESCE(sum(s.count) FILTER (WHERE s.decision <> 'PENDING' AND NOT s.reused), 0)::int AS decided,
                  COALESCE(sum(s.count) FILTER (WHERE s.decision = 'FAILED' AND NOT s.reused), 0)::int AS failed
           FROM ids JOIN activity_roster_stats s ON s.company_id = ids.id JOIN activities a ON a.id = s.activity_id
           GROUP BY s.company_id),
         f AS (
           SELECT company_id, count(*)::int AS findings,
                  count(*) FILTER (WHERE corrected_at IS NOT NULL)::int AS corrected,
                  count(*) FILTER (WHERE serious AND corrected_at IS NULL)::int AS open_serious
           FROM ids JOIN findings ON findings.company_id = ids.id GROUP BY company_id),
         ev AS (
           SELECT selected_company_id AS company_id, count(*)::int AS closed, avg(evaluation_rating)::float8 AS avg_rating
           FROM ids JOIN activities ON activities.selected_company_id = ids.id AND status = 'CLOSED'
           GROUP BY selected_company_id)
         SELECT ids.id,
                COALESCE(rs.duty_guards, 0) AS duty_guards,
                COALESCE(f.findings, 0) AS findings, COALESCE(f.corrected, 0) AS corrected,
                COALESCE(f.open_serious, 0) AS open_serious,
                COALESCE(rs.decided, 0) AS decided, COALESCE(rs.failed, 0) AS failed,
                COALESCE(ev.closed, 0) AS closed, ev.avg_rating
         FROM ids
         LEFT JOIN rs ON rs.company_id = ids.id
         LEFT JOIN f ON f.company_id = ids.id
         LEFT JOIN ev ON ev.company_id = ids.id`,
        [companyIds],
      )
    : [];
  return new Map(
    rows.map((r) => [
      r.id as string,
      scorePerformance({
        dutyGuards: Number(r.duty_guards),
        findings: Number(r.findings),
        findingsCorrected: Number(r.corrected),
        openSeriousFindings: Number(r.open_serious),
        vettingDecided: Number(r.decided),
        vettingFailed: Number(r.failed),
        closedActivities: Number(r.closed),
        averageRating: r.avg_rating === null ? null : Number(r.avg_rating),
      }),
    ]),
  );
}
