import { VettingReasonCategory } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { localDate } from '../../common/calendar';
import { SettingValues } from '../settings/settings.defaults';
import { PriorFailure } from './suggestion';

/**
 * How far back a 不通过 of the same person asks for the officer's review: as long as the bureau keeps the
 * person's vetting data (`privacy.retentionDays`, never shorter than the reuse window), not the reuse
 * window itself — a window set to 0 (no reuse) must not switch the protection off (code review 11 C2).
 * The figure 审核有效期内 (companies/company.loaders.ts) counts no pass past such a 不通过 either.
 */
export const priorFailureDays = (s: Pick<SettingValues, 'privacy.retentionDays'>): number => s['privacy.retentionDays'];

/** Every 不通过 of one person (by keyed ID hash, hex) within the days: the latest and how many. */
export interface PriorFailureRow {
  id_key: string;
  n: number;
  decided_at: Date;
  reason_category: VettingReasonCategory | null;
  /** The identity checked on the entry of the latest 不通过. */
  identity_hash: string | null;
  /** The guard's name on the entry of the latest 不通过. */
  name: string;
}

/**
 * The 不通过 kept on record (`priorFailureDays`, counted back from `now`, the app's clock that stamps the
 * decisions) of these people, on any register and any activity, entries since removed too; `exclude`:
 * entries being checked again, which are not their own history. One query: the rule by which a check
 * suggests review (vetting.service `evaluate`) and by which a 不通过 made later reaches the person's other
 * open rosters (open-roster-effects `applyFailureToOpenRosters`), so the two give the same suggestion.
 */
export async function loadPriorFailures(m: EntityManager, idHashes: Buffer[], days: number, now: Date, exclude: string[] = []): Promise<Map<string, PriorFailureRow>> {
  if (days <= 0 || !idHashes.length) return new Map();
  const rows: PriorFailureRow[] = await m.query(
    `SELECT encode(g.id_hash, 'hex') AS id_key, count(*)::int AS n,
            (array_agg(re.decided_at ORDER BY re.decided_at DESC, re.id))[1] AS decided_at,
            (array_agg(re.reason_category::text ORDER BY re.decided_at DESC, re.id))[1] AS reason_category,
            (array_agg(re.identity_hash ORDER BY re.decided_at DESC, re.id))[1] AS identity_hash,
            (array_agg(g.name ORDER BY re.decided_at DESC, re.id))[1] AS name
       FROM guards g JOIN roster_entries re ON re.guard_id = g.id
      WHERE g.id_hash = ANY($1::bytea[]) AND re.decision = 'FAILED' AND re.id <> ALL($4::uuid[])
        AND re.decided_at > $3::timestamptz - make_interval(days => $2)
      GROUP BY g.id_hash`,
    [idHashes, days, now, exclude],
  );
  return new Map(rows.map((r) => [r.id_key, r]));
}

/** What the officer is told of a person's earlier 不通过, for the person as checked now (identity and name). */
export function toPriorFailure(row: PriorFailureRow, now: { identityHash: string | null | undefined; name: string }): PriorFailure {
  return {
    decidedOn: localDate(new Date(row.decided_at)),
    reasonCategory: row.reason_category,
    count: row.n,
    changed: !row.identity_hash || row.identity_hash === now.identityHash ? null : row.name === now.name ? 'RELATIVES' : 'NAME_OR_RELATIVES',
  };
}
