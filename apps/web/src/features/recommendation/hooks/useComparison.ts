import { useMutation, useQuery } from '@apollo/client/react';
import { App, Form } from 'antd';
import { useState } from 'react';
import { missingQuotesMessage } from '@evs/schema';
import { CandidateComparisonQuery, SelectCompanyMutation, SubmitQuoteMutation } from '@/features/recommendation/operations';
import type { CandidateComparisonQuery as Result } from '@/gql/graphql';
import { applyFieldErrors, errorCode, errorMessage, fieldErrors } from '@/shared/errors';

export type Comparison = Result['candidateComparison'];
export type Candidate = Comparison['candidates'][number];
export type ComparisonLine = { key: string; label: string; hint?: string | null; group?: boolean; cells: Record<string, Comparison['rows'][number]['cells'][number]> };

/** The comparison's rows grouped under a header line per group (资质, 人员, 业绩, 评分, 报价). */
export function comparisonLines(c: Comparison): ComparisonLine[] {
  const lines: ComparisonLine[] = [];
  let group = '';
  for (const r of c.rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push({ key: `g-${group}`, label: group, group: true, cells: {} });
    }
    lines.push({ key: r.key, label: r.label, hint: r.hint, cells: Object.fromEntries(r.cells.map((cell) => [cell.companyId, cell])) });
  }
  return lines;
}

/** The comparison's row saying whether each candidate can still serve the activity (value 0: it cannot); the server's `STANDING_ROW`. */
const STANDING_ROW = 'standing';

/**
 * The candidates the selection waits for, as the server reckons them (recommendation.service
 * `candidatesAwaitingQuote`): every candidate without a quote that can still serve the activity. One
 * that can no longer (suspended, revoked, its unit 停用, its licence ending first) is chosen on nothing
 * and needs no quote.
 */
export function awaitingQuote(c: Comparison): Candidate[] {
  const cannotServe = new Set(c.rows.find((r) => r.key === STANDING_ROW)?.cells.filter((x) => x.value === 0).map((x) => x.companyId));
  return c.candidates.filter((cand) => cand.quote == null && !cannotServe.has(cand.companyId));
}

/** Why 遴选 is not offered yet (the server's refusal, word for word), or null. */
export function selectionBlocker(c: Comparison): string | null {
  const awaiting = awaitingQuote(c);
  return awaiting.length ? missingQuotesMessage(awaiting.map((x) => x.companyName)) : null;
}

/** The id of the note saying why 遴选 is disabled (its buttons are described by it). */
export const QUOTES_AWAITED_ID = 'cmp-quotes-awaited';

/**
 * The server refused because the activity is no longer as this page shows it (a company was chosen in
 * another tab or by a colleague, the activity was cancelled or is gone): CONFLICT or NOT_FOUND.
 */
export function stateMoved(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'CONFLICT' || code === 'NOT_FOUND';
}

/** 候选比选's data and its two dialogs: the organizer's quote for a candidate, and the selection with a reason. */
export function useComparison(activityId: string) {
  const { message, modal } = App.useApp();
  const { data, loading, error, refetch } = useQuery(CandidateComparisonQuery, { variables: { activityId }, fetchPolicy: 'cache-and-network' });
  const [submitQuote, quoting] = useMutation(SubmitQuoteMutation);
  const [selectCompany, selecting] = useMutation(SelectCompanyMutation);
  const [quoteFor, setQuoteFor] = useState<Candidate | null>(null);
  const [selectFor, setSelectFor] = useState<Candidate | null>(null);
  const [quoteForm] = Form.useForm<{ amount: number; note?: string }>();
  const [selectForm] = Form.useForm<{ reason: string }>();
  const [dialogError, setDialogError] = useState<unknown>(null);

  const openQuote = (cand: Candidate) => {
    setDialogError(null);
    setQuoteFor(cand);
    quoteForm.setFieldsValue({ amount: cand.quote ?? undefined, note: cand.quoteNote ?? undefined });
  };
  const openSelect = (cand: Candidate) => {
    setDialogError(null);
    selectForm.resetFields();
    setSelectFor(cand);
  };
  /**
   * A refusal. When the activity moved on, the dialog is pointless: close it, say what the server
   * says (e.g. which company was selected, and when), and show the page as it now is. Otherwise the
   * dialog stays open with the problem under its fields.
   */
  const refused = async (e: unknown, form: typeof quoteForm | typeof selectForm, title: string, close: () => void) => {
    if (!stateMoved(e)) {
      applyFieldErrors(form, e);
      setDialogError(e);
      return;
    }
    close();
    setDialogError(null);
    modal.warning({ title: `${title}，页面已按最新情况刷新`, content: errorMessage(e), okText: '知道了' });
    // A failed refetch shows on the page itself (its error state).
    await refetch().catch(() => undefined);
  };
  const saveQuote = async () => {
    const v = await quoteForm.validateFields();
    try {
      await submitQuote({ variables: { activityId, companyId: quoteFor!.companyId, amount: v.amount, note: v.note || null } });
    } catch (e) {
      await refused(e, quoteForm, '报价未保存', () => setQuoteFor(null));
      return;
    }
    message.success('报价已保存');
    setQuoteFor(null);
    await refetch().catch(() => undefined);
  };
  const confirmSelect = async () => {
    const v = await selectForm.validateFields();
    try {
      await selectCompany({ variables: { activityId, companyId: selectFor!.companyId, reason: v.reason } });
    } catch (e) {
      await refused(e, selectForm, '未能遴选', () => setSelectFor(null));
      // Refused for a quote this page thought was in (or a candidate it thought lapsed): the dialog keeps the
      // server's message, and the page shows again whose quote is awaited.
      if (fieldErrors(e).some((f) => f.field === 'quote')) await refetch().catch(() => undefined);
      return;
    }
    message.success(`已遴选 ${selectFor!.companyName}，已通知中选公司和保安管理支队`);
    setSelectFor(null);
    await refetch().catch(() => undefined);
  };

  return {
    comparison: data?.candidateComparison,
    firstLoad: loading && !data,
    error,
    openQuote,
    openSelect,
    quote: { candidate: quoteFor, form: quoteForm, saving: quoting.loading, save: saveQuote, close: () => setQuoteFor(null) },
    select: { candidate: selectFor, form: selectForm, saving: selecting.loading, confirm: confirmSelect, close: () => setSelectFor(null) },
    dialogError,
  };
}

export type ComparisonState = ReturnType<typeof useComparison>;
