import { formulaLikeProblem, RELATIVES_STATEMENT_LABEL, wordlessProblem } from '@evs/schema';
import type { FieldProblem } from './errors';

/**
 * Free text a person writes for the record (a reason, an evaluation, a 批示), by operation and argument
 * path, with its label. The record then says that a reason was given: “ㅤ” (U+3164, looks empty),
 * “。” or “😀” says none (red-team L6). A value that shows nothing is refused by the edge's text check
 * (isBlank), one that says nothing here (wordlessProblem); an empty one is the field's own “请填写…”.
 */
export const WRITTEN_TEXT: Readonly<Record<string, string>> = {
  'cancelActivity.reason': '取消原因',
  'cancelTrainingSession.reason': '取消原因',
  'approveActivity.note': '批示',
  'requestInstruction.input.scale': '规模研判',
  'requestInstruction.input.staffing': '人员配备意见',
  'requestInstruction.input.opinion': '其他意见',
  'closeActivity.input.text': '总结评价',
  'closeActivity.input.uncorrectedStatement': '未纠正说明',
  'setCompanyStatus.reason': '变更状态的原因',
  'setUnitActive.reason': '停用原因',
  'recordCertificateRevocation.reason': '吊销原因',
  'correctCertificateRevocation.reason': '吊销原因',
  'correctCertificateRevocation.note': '更正说明',
  'cancelCertificateRevocation.reason': '撤销原因',
  'recommendCandidates.justification': '书面说明',
  'selectCompany.reason': '遴选理由',
  'decideVetting.input.note': '审核意见',
  'correctFinding.note': '纠正情况',
  'issueSupervisionNotice.input.text': '督办内容',
  'answerSupervisionNotice.answer': '答复',
  'closeSupervisionNotice.outcome': '办结情况',
  'submitQuote.note': '报价说明',
};

/**
 * Labels of the text arguments whose name alone says too little (`reason`, `note`, `text`, `name`), by
 * operation and argument path: the edge's refusals name the field as the form does (“取消原因只有…”,
 * “未登记亲属说明只有…”), not by the glossary's generic word for the name.
 */
const OPERATION_LABELS: Readonly<Record<string, string>> = {
  ...WRITTEN_TEXT,
  'createGuard.input.relativesStatement': RELATIVES_STATEMENT_LABEL,
  'setGuardRelatives.statement': RELATIVES_STATEMENT_LABEL,
  'createGuard.input.name': '姓名',
  'updateGuard.input.name': '姓名',
  'createActivity.input.name': '活动名称',
  'updateActivity.input.name': '活动名称',
};

/** The label of an operation's text argument at `path` (`input.text`), when its name alone says too little. */
export function operationFieldLabel(operation: string, path: string): string | undefined {
  return OPERATION_LABELS[`${operation}.${path}`];
}

/** The value at a dotted path of an operation's arguments (`input.text`), or undefined. */
function valueAt(args: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), args);
}

/** The written texts of one operation that say nothing (wordlessProblem), each naming its field. */
export function writtenTextProblems(operation: string, args: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [key, label] of Object.entries(WRITTEN_TEXT)) {
    if (!key.startsWith(`${operation}.`)) continue;
    const path = key.slice(operation.length + 1);
    const value = valueAt(args, path);
    // says something, and does not begin as a spreadsheet formula: each reaches the 台账 and its exports (red team 6, L3)
    const problem = typeof value === 'string' ? (wordlessProblem(value, label) ?? formulaLikeProblem(value, label)) : null;
    if (problem) problems.push({ field: path.replace(/^input\./, ''), message: problem });
  }
  return problems;
}
