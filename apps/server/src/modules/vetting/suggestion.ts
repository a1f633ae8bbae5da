import {
  RecordCategory,
  recordCategoryLabels,
  RelativeRelation,
  relativeRelationLabels,
  VettingDecision,
  VettingReasonCategory,
  vettingReasonCategoryLabels,
} from '@evs/schema';
import { SourceRecord } from '../records/records.source';
import { PrecheckProblem } from './roster-entry.entity';

/** Categories that bar a person outright (保安服务管理条例 Art. 17). */
export const BARRING_CATEGORIES: RecordCategory[] = [
  RecordCategory.INTENTIONAL_CRIME,
  RecordCategory.CUSTODY_EDUCATION,
  RecordCategory.COMPULSORY_DETOX,
  RecordCategory.REEDUCATION_LABOR,
];
/** 行政拘留 bars from this many times on. */
export const ADMIN_DETENTION_BAR = 3;

/** A record found for the guard (relation null) or a relative; who it is stays encrypted. */
export interface Hit {
  relation: RelativeRelation | null;
  /** The person (keyed hash, hex): several records of one relative are one person. */
  subjectKey: string;
  subjectNameCipher: string;
  subjectIdCipher: string;
  record: SourceRecord;
}

/** Does a person's own record list fall under Art. 17? */
export function barredByArticle17(records: Pick<SourceRecord, 'category'>[]): boolean {
  if (records.some((r) => BARRING_CATEGORIES.includes(r.category))) return true;
  return records.filter((r) => r.category === RecordCategory.ADMIN_DETENTION).length >= ADMIN_DETENTION_BAR;
}

export interface Suggestion {
  suggestion: VettingDecision;
  reasonCategory: VettingReasonCategory;
  reason: string;
}

function describe(records: SourceRecord[]): string {
  const counts = new Map<RecordCategory, number>();
  for (const r of records) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  return [...counts].map(([c, n]) => `${recordCategoryLabels[c]}${n > 1 ? `${n}次` : ''}`).join('、');
}

/** Relations every guard declares, or explains (已故、不详…) in a statement. */
export const REQUIRED_RELATIONS: RelativeRelation[] = [RelativeRelation.FATHER, RelativeRelation.MOTHER];

/** Whether a guard's immediate relatives are declared: both parents registered, or a statement why not. */
export function relativesDeclaration(relations: RelativeRelation[], statement: string | null | undefined): { declared: boolean; missing: RelativeRelation[] } {
  const missing = REQUIRED_RELATIONS.filter((r) => !relations.includes(r));
  return { declared: missing.length === 0 || !!statement?.trim(), missing };
}

/**
 * A 不通过 of the same person (same ID number: any register, any activity, this one too, an entry since
 * removed; an officer's or the system's) kept on record (`priorFailureDays`; review 11-A F1). Taking the guard off
 * the roster, declaring other relatives or moving to another register does not undo it: the officer
 * looks again.
 */
export interface PriorFailure {
  /** The latest such decision's day (YYYY-MM-DD, China time). */
  decidedOn: string;
  reasonCategory: VettingReasonCategory | null;
  /** How many 不通过 in the window. */
  count: number;
  /**
   * What the person's identity as checked then differs in from now (guard_identity_hash): 'RELATIVES'
   * (relatives or the statement why one is missing), 'NAME_OR_RELATIVES', or null (the same, or unknown).
   */
  changed: 'RELATIVES' | 'NAME_OR_RELATIVES' | null;
}

/** `此人于2026-12-05审核不通过（直系亲属违法犯罪记录），请复核；申报的直系亲属与当时不同` */
export function priorFailureReason(p: PriorFailure): string {
  const why = p.reasonCategory ? `（${vettingReasonCategoryLabels[p.reasonCategory]}）` : '';
  const times = p.count > 1 ? `，此前共${p.count}次不通过` : '';
  const changed = p.changed === 'RELATIVES' ? '；申报的直系亲属与当时不同' : p.changed === 'NAME_OR_RELATIVES' ? '；姓名或申报的直系亲属与当时不同' : '';
  return `此人于${p.decidedOn}审核不通过${why}${times}，请复核${changed}`;
}

/** Nothing found: the only suggestion of PASSED. */
export const CLEAR_SUGGESTION: Readonly<Suggestion> = { suggestion: VettingDecision.PASSED, reasonCategory: VettingReasonCategory.CLEAR, reason: '本人及直系亲属未比中记录，资格预审通过' };

/**
 * A suggestion with the person's earlier 不通过 added, as `suggest` adds it: after the reason of a finding,
 * or, with nothing found, instead of PASSED a review (OTHER, not the earlier category: nothing found now
 * would back it; decideVetting checks a category against the facts).
 */
export function withPriorFailure(s: Suggestion, p: PriorFailure): Suggestion {
  if (s.suggestion === VettingDecision.PASSED) return { suggestion: VettingDecision.PENDING, reasonCategory: VettingReasonCategory.OTHER, reason: priorFailureReason(p) };
  return { ...s, reason: `${s.reason}；${priorFailureReason(p)}` };
}

/**
 * `priorFailureReason`'s clause at the end of a stored reason (alone, or after a finding's reason and
 * `；`). Its words are fixed (no name, no free text), so it is told apart from a finding's reason.
 */
const PRIOR_FAILURE_CLAUSE = /(?:^|；)此人于\d{4}-\d{2}-\d{2}审核不通过(?:（[^（）]*）)?(?:，此前共\d+次不通过)?，请复核(?:；(?:姓名或)?申报的直系亲属与当时不同)?$/u;

/**
 * A stored suggestion (what `suggest` gave at the entry's check) as `suggest` would give it with the
 * earlier 不通过 `p` instead of the one known then, if any: for an entry already checked when a 不通过 of
 * the same person is made elsewhere (open-roster-effects `applyFailureToOpenRosters`, code review 11 C1),
 * without checking it again.
 */
export function restatePriorFailure(stored: Suggestion, p: PriorFailure): Suggestion {
  const clause = PRIOR_FAILURE_CLAUSE.exec(stored.reason);
  // The clause alone: nothing was found at the check, the suggestion was the review instead of PASSED.
  if (clause?.index === 0) return withPriorFailure(CLEAR_SUGGESTION, p);
  return withPriorFailure(clause ? { ...stored, reason: stored.reason.slice(0, clause.index) } : stored, p);
}

/**
 * The system suggests, the officer decides (SPEC §5): a pre-check failure or an Art. 17 record of
 * the guard → FAILED; any other own record, a relative's record, relatives not declared (when
 * relatives are checked), or a 不通过 of the same person kept on record (`PriorFailure`) →
 * PENDING for the officer's review, with the reason; nothing found → PASSED. The reason of a finding
 * comes first, the earlier 不通过 after it. A guard with no relatives on file is never suggested PASSED
 * unless the company explained why.
 */
export function suggest(
  problems: PrecheckProblem[],
  hits: Hit[],
  declaration?: { declared: boolean; missing: RelativeRelation[] },
  priorFailure?: PriorFailure | null,
): Suggestion {
  const found = suggestFromFindings(problems, hits, declaration);
  return priorFailure ? withPriorFailure(found, priorFailure) : found;
}

/** `suggest` without the earlier 不通过: what the findings alone suggest. */
function suggestFromFindings(problems: PrecheckProblem[], hits: Hit[], declaration?: { declared: boolean; missing: RelativeRelation[] }): Suggestion {
  const own = hits.filter((h) => h.relation === null).map((h) => h.record);
  const relatives = hits.filter((h) => h.relation !== null);
  if (problems.length) {
    return { suggestion: VettingDecision.FAILED, reasonCategory: VettingReasonCategory.PRE_CHECK, reason: `资格预审不符：${problems.map((p) => p.message).join('；')}` };
  }
  if (own.length && barredByArticle17(own)) {
    return { suggestion: VettingDecision.FAILED, reasonCategory: VettingReasonCategory.OWN_RECORD, reason: `本人有${describe(own)}记录，属条例第十七条不得担任保安员情形` };
  }
  const notes: string[] = [];
  if (own.length) notes.push(`本人有${describe(own)}记录（未达条例第十七条情形）`);
  if (relatives.length) {
    const byPerson = new Map<string, Hit[]>();
    for (const h of relatives) byPerson.set(h.subjectKey, [...(byPerson.get(h.subjectKey) ?? []), h]);
    // The relation only: a relative's name is personal information kept encrypted (the hits show it to the detachment).
    for (const hs of byPerson.values()) {
      notes.push(`${relativeRelationLabels[hs[0].relation!]}有${describe(hs.map((h) => h.record))}记录`);
    }
  }
  if (declaration && !declaration.declared) {
    notes.push(`直系亲属未申报完整（未登记${declaration.missing.map((r) => relativeRelationLabels[r]).join('、')}，也未说明原因），须公司补充后重新比对`);
  }
  if (notes.length) {
    return {
      suggestion: VettingDecision.PENDING,
      reasonCategory: own.length ? VettingReasonCategory.OWN_RECORD : relatives.length ? VettingReasonCategory.RELATIVE_RECORD : VettingReasonCategory.OTHER,
      reason: `请审核：${notes.join('；')}`,
    };
  }
  return { ...CLEAR_SUGGESTION };
}
