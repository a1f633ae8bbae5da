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

/**
 * Whether a guard's immediate relatives are declared: both parents registered, or a statement why not.
 * `statement`: the statement standing in for a parent not registered (null when both are, or there is none).
 * Such a guard is declared (the company answered), but nobody was checked in that parent's place: the
 * officer reads the statement and decides (red-team F1), never 一键通过 or the clean suggestion.
 */
export interface RelativesDeclaration {
  declared: boolean;
  missing: RelativeRelation[];
  statement: string | null;
}

export function relativesDeclaration(relations: RelativeRelation[], statement: string | null | undefined): RelativesDeclaration {
  const missing = REQUIRED_RELATIONS.filter((r) => !relations.includes(r));
  const text = statement?.trim() || null;
  return { declared: missing.length === 0 || !!text, missing, statement: missing.length && text ? text : null };
}

/**
 * The company's statement as quoted in a suggestion's reason: one line, and no `；`, which separates the
 * reason's clauses (a statement must not read as a clause of the system's, e.g. the earlier 不通过's).
 */
export const quoteStatement = (text: string): string => text.replace(/\s+/gu, ' ').replace(/[；;]/gu, '，').trim();

/** `未登记父亲、母亲，申报说明：父亲已故`: what a check did not check in a parent's place, and what the company said instead. */
export function statementClause(d: Pick<RelativesDeclaration, 'missing' | 'statement'>): string {
  return `未登记${d.missing.map((r) => relativeRelationLabels[r]).join('、')}，申报说明：${quoteStatement(d.statement ?? '')}`;
}

/**
 * The same guard row was checked before under another ID number than now, and that check found something
 * (red-team F2: a company changed the number of a guard with hits or a 不通过 and put him forward again).
 * `found`: what the earlier check found (the most serious of the kind).
 */
export interface ChangedIdNumber {
  found: 'HITS' | 'PRE_CHECK' | 'FAILED';
}

const CHANGED_FOUND: Record<ChangedIdNumber['found'], string> = { HITS: '比中记录', PRE_CHECK: '资格预审不符', FAILED: '不通过' };

/** `身份证号在上次审核后已更改（上次审核比中记录）` */
export const changedIdNumberClause = (c: ChangedIdNumber): string => `身份证号在上次审核后已更改（上次审核${CHANGED_FOUND[c.found]}）`;
/** `此人身份证号在上次审核后已更改（上次审核比中记录），请复核` */
export const changedIdNumberReason = (c: ChangedIdNumber): string => `此人${changedIdNumberClause(c)}，请复核`;

/** As `withPriorFailure`: instead of PASSED a review (OTHER), or after a finding's reason. */
function withChangedIdNumber(s: Suggestion, c: ChangedIdNumber): Suggestion {
  if (s.suggestion === VettingDecision.PASSED) return { suggestion: VettingDecision.PENDING, reasonCategory: VettingReasonCategory.OTHER, reason: changedIdNumberReason(c) };
  return { ...s, reason: `${s.reason}；${changedIdNumberReason(c)}` };
}

/**
 * An earlier check of the same person (by the ID number, or the same guard row) found a record of a
 * relative, and the identity declared since differs from the one checked then (red-team G1: the company took
 * the guard off undecided, declared another father with a made-up number and put him forward again; the
 * father with the record was never looked at again). `foundOn`: the latest such check's day (China time).
 */
export interface RelativesChanged {
  foundOn: string;
}

/** `此人于2026-12-05比对发现直系亲属有记录，此后申报的直系亲属或姓名已更改，请复核` */
export const relativesChangedReason = (c: RelativesChanged): string => `此人于${c.foundOn}比对发现直系亲属有记录，此后申报的直系亲属或姓名已更改，请复核`;

/** As `withChangedIdNumber`. */
function withRelativesChanged(s: Suggestion, c: RelativesChanged): Suggestion {
  if (s.suggestion === VettingDecision.PASSED) return { suggestion: VettingDecision.PENDING, reasonCategory: VettingReasonCategory.OTHER, reason: relativesChangedReason(c) };
  return { ...s, reason: `${s.reason}；${relativesChangedReason(c)}` };
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
/** `CLEAR_SUGGESTION`'s reason when the relatives are not looked at (setting 审查直系亲属 off; red-team K1). */
export const CLEAR_WITHOUT_RELATIVES_REASON = '本人未比中记录，资格预审通过（未审查直系亲属：“审查直系亲属”设置已关闭）';

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
 * relatives are checked), a statement standing in for a parent (quoted), an earlier check of the same
 * guard row under another ID number that found something (`ChangedIdNumber`), an earlier check of the person
 * that found a relative's record under relatives declared otherwise than now (`RelativesChanged`), or a 不通过 of the same
 * person kept on record (`PriorFailure`) → PENDING for the officer's review, with the reason; nothing
 * found → PASSED. The reason of a finding comes first, the earlier 不通过 last. A guard is suggested PASSED
 * only with both parents registered and checked (when relatives are checked): a statement why one is not
 * (已故、不详…) is the officer's to weigh (red-team F1).
 */
export function suggest(
  problems: PrecheckProblem[],
  hits: Hit[],
  declaration?: RelativesDeclaration,
  priorFailure?: PriorFailure | null,
  changedIdNumber?: ChangedIdNumber | null,
  relativesChanged?: RelativesChanged | null,
): Suggestion {
  const found = suggestFromFindings(problems, hits, declaration);
  // The earlier 不通过's clause stays last (`PRIOR_FAILURE_CLAUSE`). A changed ID number says enough of an
  // earlier finding under another identity, as does a 不通过 whose clause says the relatives differ since:
  // the relatives' clause only without them.
  const changed = changedIdNumber
    ? withChangedIdNumber(found, changedIdNumber)
    : relativesChanged && !priorFailure?.changed ? withRelativesChanged(found, relativesChanged) : found;
  return priorFailure ? withPriorFailure(changed, priorFailure) : changed;
}

/** `suggest` without the earlier 不通过: what the findings alone suggest. */
function suggestFromFindings(problems: PrecheckProblem[], hits: Hit[], declaration?: RelativesDeclaration): Suggestion {
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
  } else if (declaration?.statement) {
    // A statement stands in for a parent: nobody was checked in his or her place (red-team F1).
    notes.push(statementClause(declaration));
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
