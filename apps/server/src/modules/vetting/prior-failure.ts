import { VettingReasonCategory } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { localDate } from '../../common/calendar';
import { SettingValues } from '../settings/settings.defaults';
import { ChangedIdNumber, PriorFailure, RelativesChanged } from './suggestion';

/**
 * How far back a 不通过 of the same person asks for the officer's review: as long as the bureau keeps the
 * person's vetting data (`privacy.retentionDays`, never shorter than the reuse window), not the reuse
 * window itself — a window set to 0 (no reuse) must not switch the protection off (code review 11 C2).
 * The figure 审核有效期内 (companies/company.loaders.ts) counts no pass past such a 不通过 either.
 */
export const priorFailureDays = (s: Pick<SettingValues, 'privacy.retentionDays'>): number => s['privacy.retentionDays'];

/**
 * `roster_entries.checked_id_hash` of an entry made before migration CheckedIdHash whose guard's ID number was
 * changed after it (the number checked then is not known): another number than any now, matching no person.
 */
export const UNKNOWN_CHECKED_ID = Buffer.alloc(1);

/** A person being checked: the guard row and the keyed hash of its ID number now; `key` names it in the answer. */
export interface CheckedPerson {
  key: string;
  idHash: Buffer;
  guardId: string;
}

/**
 * SQL: the entries of the people `s` (a relation with `key`, `id_hash`, `guard_id`), as (key, entry id): the
 * person follows the number checked, not the guard row's number now (red-team F2). An entry is this
 * person's when it was checked under this ID number (`checked_id_hash`), is of the same guard row (whatever
 * number it was checked under: a number changed since does not hide it), or is of a guard row holding
 * this number now (entries written without the hash).
 */
export const personEntriesSql = (s: string) => `(
  SELECT s.key, re.id FROM ${s} s JOIN roster_entries re ON re.checked_id_hash = s.id_hash
  UNION SELECT s.key, re.id FROM ${s} s JOIN roster_entries re ON re.guard_id = s.guard_id
  UNION SELECT s.key, re.id FROM ${s} s JOIN guards p ON p.id_hash = s.id_hash JOIN roster_entries re ON re.guard_id = p.id)`;

/**
 * SQL: another entry `f` of the person of roster entry `re` (`personEntriesSql` for one entry; the person of
 * `re` is the number it was checked under, or its guard's now) meets `cond(f)`. Three EXISTS, each on an index.
 */
export const personEntryExistsSql = (re: string, cond: (f: string) => string) => `(
  EXISTS (SELECT 1 FROM roster_entries f WHERE f.guard_id = ${re}.guard_id AND f.id <> ${re}.id AND ${cond('f')})
  OR EXISTS (SELECT 1 FROM guards g JOIN roster_entries f ON f.checked_id_hash = coalesce(${re}.checked_id_hash, g.id_hash)
              WHERE g.id = ${re}.guard_id AND f.id <> ${re}.id AND ${cond('f')})
  OR EXISTS (SELECT 1 FROM guards g JOIN guards p ON p.id_hash = coalesce(${re}.checked_id_hash, g.id_hash) JOIN roster_entries f ON f.guard_id = p.id
              WHERE g.id = ${re}.guard_id AND f.id <> ${re}.id AND ${cond('f')}))`;

/** Every 不通过 of one person (`CheckedPerson.key`) within the days: the latest and how many. */
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

const personsTable = `unnest($1::text[], $2::bytea[], $3::uuid[]) AS p(key, id_hash, guard_id)`;
const personParams = (people: CheckedPerson[]) => [people.map((p) => p.key), people.map((p) => p.idHash), people.map((p) => p.guardId)];

/**
 * The 不通过 kept on record (`priorFailureDays`, counted back from `now`, the app's clock that stamps the
 * decisions) of these people (`personEntriesSql`: by the number checked, or the same guard row), on any
 * register and any activity, entries since removed too; `exclude`: entries being checked again, which are
 * not their own history. One query: the rule by which a check suggests review (vetting.service `evaluate`)
 * and by which a 不通过 made later reaches the person's other open rosters (open-roster-effects
 * `applyFailureToOpenRosters`), so the two give the same suggestion.
 */
export async function loadPriorFailures(m: EntityManager, people: CheckedPerson[], days: number, now: Date, exclude: string[] = []): Promise<Map<string, PriorFailureRow>> {
  if (days <= 0 || !people.length) return new Map();
  const rows: PriorFailureRow[] = await m.query(
    `WITH people AS (SELECT * FROM ${personsTable})
     SELECT x.key AS id_key, count(*)::int AS n,
            (array_agg(re.decided_at ORDER BY re.decided_at DESC, re.id))[1] AS decided_at,
            (array_agg(re.reason_category::text ORDER BY re.decided_at DESC, re.id))[1] AS reason_category,
            (array_agg(re.identity_hash ORDER BY re.decided_at DESC, re.id))[1] AS identity_hash,
            (array_agg(g.name ORDER BY re.decided_at DESC, re.id))[1] AS name
       FROM ${personEntriesSql('people')} x JOIN roster_entries re ON re.id = x.id JOIN guards g ON g.id = re.guard_id
      WHERE re.decision = 'FAILED' AND re.id <> ALL($6::uuid[])
        AND re.decided_at > $5::timestamptz - make_interval(days => $4)
      GROUP BY x.key`,
    [...personParams(people), days, now, exclude],
  );
  return new Map(rows.map((r) => [r.id_key, r]));
}

/**
 * Per person (`CheckedPerson.key`): an earlier entry of the same guard row, checked under another ID number
 * than now (or one no longer known, `UNKNOWN_CHECKED_ID`), whose check found something, within the days
 * (`priorFailureDays`) — removed or not, decided or not (red-team F2: the number of a guard with hits was
 * changed, and the check under the new one found nothing). `exclude`: entries being checked again.
 */
export async function loadChangedIdNumbers(m: EntityManager, people: CheckedPerson[], days: number, now: Date, exclude: string[] = []): Promise<Map<string, ChangedIdNumber>> {
  if (days <= 0 || !people.length) return new Map();
  const rows: { key: string; hits: boolean; pre_check: boolean; failed: boolean }[] = await m.query(
    `SELECT p.key,
            bool_or(EXISTS (SELECT 1 FROM vetting_hits h WHERE h.roster_entry_id = re.id)) AS hits,
            -- problems that follow from the number itself (check digit, age, a revoked 保安员证)
            bool_or(EXISTS (SELECT 1 FROM jsonb_array_elements(re.precheck_problems) e WHERE e->>'code' IN ('ID_NUMBER', 'AGE', 'REVOKED'))) AS pre_check,
            bool_or(re.decision = 'FAILED') AS failed
       FROM ${personsTable} JOIN roster_entries re ON re.guard_id = p.guard_id
      WHERE re.checked_id_hash IS NOT NULL AND re.checked_id_hash <> p.id_hash AND re.id <> ALL($6::uuid[])
        AND coalesce(re.checked_at, re.created_at) > $5::timestamptz - make_interval(days => $4)
      GROUP BY p.key`,
    [...personParams(people), days, now, exclude],
  );
  const out = new Map<string, ChangedIdNumber>();
  for (const r of rows) {
    const found = r.hits ? 'HITS' : r.pre_check ? 'PRE_CHECK' : r.failed ? 'FAILED' : null;
    if (found) out.set(r.key, { found });
  }
  return out;
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

/**
 * SQL condition on an earlier entry `f` of the person of `identity` (the identity hash now): its check found a
 * record of a relative, under another identity (name, ID number or declared relatives) than now, within the
 * days (red-team G1). The time of the check: `checked_at`, or when the entry was made.
 */
const relativeHitsUnderOtherIdentity = (f: string, identity: string, nowParam: string, daysParam: string) =>
  `${f}.identity_hash IS DISTINCT FROM ${identity}
   AND coalesce(${f}.checked_at, ${f}.created_at) > ${nowParam}::timestamptz - make_interval(days => ${daysParam}::int)
   AND EXISTS (SELECT 1 FROM vetting_hits h WHERE h.roster_entry_id = ${f}.id AND h.relation IS NOT NULL)`;

/**
 * SQL: an earlier entry of the person of roster entry `re` (`personEntryExistsSql`) found a relative's record
 * under relatives declared otherwise than `re` was checked with (`loadRelativesChanged`'s rule for one entry):
 * 一键通过 skips `re` and a pass needs the officer's note.
 */
export const relativesChangedSql = (re: string, nowParam: string, daysParam: string) =>
  `(${daysParam}::int > 0 AND ${personEntryExistsSql(re, (f) => relativeHitsUnderOtherIdentity(f, `${re}.identity_hash`, nowParam, daysParam))})`;

/**
 * Per person (`CheckedPerson.key`, with the identity hash now): the latest earlier entry of the person
 * (`personEntriesSql`), removed or not, decided or not, whose check found a relative's record while the
 * identity declared then differs from now's (red-team G1). `exclude`: entries being checked again.
 */
export async function loadRelativesChanged(
  m: EntityManager,
  people: (CheckedPerson & { identityHash: string | null })[],
  days: number,
  now: Date,
  exclude: string[] = [],
): Promise<Map<string, RelativesChanged>> {
  if (days <= 0 || !people.length) return new Map();
  const rows: { key: string; found_at: Date }[] = await m.query(
    `WITH people AS (SELECT * FROM unnest($1::text[], $2::bytea[], $3::uuid[], $7::text[]) AS p(key, id_hash, guard_id, identity_hash))
     SELECT x.key, max(coalesce(re.checked_at, re.created_at)) AS found_at
       FROM ${personEntriesSql('people')} x JOIN people p ON p.key = x.key JOIN roster_entries re ON re.id = x.id
      WHERE re.id <> ALL($6::uuid[]) AND ${relativeHitsUnderOtherIdentity('re', 'p.identity_hash', '$5', '$4')}
      GROUP BY x.key`,
    [...personParams(people), days, now, exclude, people.map((p) => p.identityHash)],
  );
  return new Map(rows.map((r) => [r.key, { foundOn: localDate(new Date(r.found_at)) }]));
}
