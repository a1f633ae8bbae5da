import {
  RecordCategory,
  recordCategoryLabels,
  RelativeRelation,
  relativeRelationLabels,
  VettingDecision,
  VettingReasonCategory,
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

export interface Hit {
  relation: RelativeRelation | null;
  subjectName: string;
  subjectIdNumber: string;
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
 * The system suggests, the officer decides (SPEC §5): a pre-check failure or an Art. 17 record of
 * the guard → FAILED; any other own record, a relative's record, or relatives not declared (when
 * relatives are checked) → PENDING for the officer's review, with the reason; nothing found → PASSED.
 * A guard with no relatives on file is never suggested PASSED unless the company explained why.
 */
export function suggest(problems: PrecheckProblem[], hits: Hit[], declaration?: { declared: boolean; missing: RelativeRelation[] }): Suggestion {
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
    for (const h of relatives) byPerson.set(h.subjectIdNumber, [...(byPerson.get(h.subjectIdNumber) ?? []), h]);
    for (const hs of byPerson.values()) {
      notes.push(`${relativeRelationLabels[hs[0].relation!]}${hs[0].subjectName}有${describe(hs.map((h) => h.record))}记录`);
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
  return { suggestion: VettingDecision.PASSED, reasonCategory: VettingReasonCategory.CLEAR, reason: '本人及直系亲属未比中记录，资格预审通过' };
}
