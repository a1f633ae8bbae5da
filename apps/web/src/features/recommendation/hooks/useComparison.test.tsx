import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { renderRoute } from '@/test/renderRoute';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import ComparisonPage from '@/pages/ComparisonPage';
import { SessionProvider } from '@/shared/session';

configure({ asyncUtilTimeout: 5_000 });

const ORGANIZER = {
  __typename: 'Me',
  id: 'U1',
  username: 'organizer1',
  displayName: '赵敏',
  role: 'ORGANIZER',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: false,
  mustEnrolTotp: false,
  unit: { __typename: 'Unit', id: 'unit-1', name: '盘锦市体育局', kind: 'ORGANIZER', district: null },
} as ComponentProps<typeof SessionProvider>['me'];

const NAMES = ['盘锦辽河保安服务有限公司', '盘锦红海滩保安服务有限公司', '盘锦市保安服务有限公司'];
const CHOSEN_ELSEWHERE = '本活动已于 12月05日 00:45 遴选 盘锦辽河保安服务有限公司（赵敏），不能再选其他公司';
const QUOTE_REFUSED = '本活动已遴选 盘锦辽河保安服务有限公司，只能在遴选前填报报价';

const QUOTED = [96000, 88000, 102000];

/**
 * 2026-0007 as the server has it: 已推荐候选 (stale tab), or already 已遴选 (the first company) in another tab;
 * each candidate's quote (every one by default), and the candidates that can no longer serve (the 公司现状 row).
 */
function comparison(selected: boolean, quotes: (number | null)[] = QUOTED, cannotServe: number[] = []) {
  return {
    candidateComparison: {
      __typename: 'CandidateComparison',
      canSelect: !selected,
      weightsAsOf: null,
      activity: {
        __typename: 'Activity',
        id: 'A7',
        code: '2026-0007',
        name: '辽河文化节',
        status: selected ? 'COMPANY_SELECTED' : 'CANDIDATES_RECOMMENDED',
        venue: '辽河碧水湾',
        startsAt: '2026-12-20T01:00:00.000Z',
        endsAt: '2026-12-20T06:00:00.000Z',
        guardsRequired: 30,
        expectedAttendance: 5000,
        selectionReason: selected ? '可用保安员充足' : null,
        recommendationJustification: null,
        selectedCompany: selected ? { __typename: 'Company', id: 'C1', name: NAMES[0] } : null,
      },
      weights: [{ __typename: 'ScoreWeight', key: 'capacity', label: '可用人数', weight: 40, share: 0.4, rule: '可用保安员越多越好' }],
      candidates: NAMES.map((companyName, i) => ({
        __typename: 'Candidate',
        companyId: `C${i + 1}`,
        companyName,
        rank: i + 1,
        score: 90 - i,
        quote: quotes[i],
        quoteNote: null,
        selected: selected && i === 0,
      })),
      rows: [
        {
          __typename: 'ComparisonRow',
          key: 'eligible',
          label: '可用保安员',
          group: '人员',
          higherIsBetter: true,
          hint: null,
          cells: NAMES.map((_, i) => ({ __typename: 'ComparisonCell', companyId: `C${i + 1}`, display: `${60 - i}人`, value: 60 - i, best: i === 0 })),
        },
        {
          __typename: 'ComparisonRow',
          key: 'standing',
          label: '公司现状',
          group: '资质',
          higherIsBetter: true,
          hint: null,
          cells: NAMES.map((_, i) => {
            const out = cannotServe.includes(i);
            return { __typename: 'ComparisonCell', companyId: `C${i + 1}`, display: out ? '不能承担（无需报价）：公司已被变更为“暂停”（停业整顿）' : '正常', value: out ? 0 : 1, best: false };
          }),
        },
      ],
    },
  };
}

/**
 * The server once another tab has chosen the first company: the comparison shows that, and any 遴选 or
 * 报价 is refused with CONFLICT. The page was opened before that (its first answer is the stale one).
 */
function server() {
  const sent: { name: string; variables: Record<string, unknown> }[] = [];
  let comparisons = 0;
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        sent.push({ name: operation.operationName ?? '', variables: operation.variables });
        if (operation.operationName === 'CandidateComparison') {
          observer.next({ data: comparison(comparisons++ > 0) });
        } else {
          const message = operation.operationName === 'SelectCompany' ? CHOSEN_ELSEWHERE : QUOTE_REFUSED;
          observer.next({ errors: [{ message, extensions: { code: 'CONFLICT' } }] });
        }
        observer.complete();
      }),
  );
  return { sent, client: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

function renderPage(client: ApolloClient) {
  renderRoute(client, ORGANIZER, { path: '/comparison/:id', element: <ComparisonPage />, entry: '/comparison/A7' });
}

afterEach(cleanup);

describe('候选比选 on a stale page (review 8 C-F2 A)', () => {
  it('a 遴选 refused because another company was chosen meanwhile: says so and shows the page as it now is', async () => {
    const { sent, client } = server();
    renderPage(client);
    fireEvent.click(await screen.findByRole('button', { name: `遴选 ${NAMES[2]}` }));
    fireEvent.change(await screen.findByLabelText('遴选理由'), { target: { value: '报价低' } });
    fireEvent.click(screen.getByRole('button', { name: '确认遴选' }));

    expect(await screen.findByText(CHOSEN_ELSEWHERE)).toBeTruthy();
    expect(screen.getAllByText('未能遴选，页面已按最新情况刷新').length).toBeGreaterThan(0);
    expect(await screen.findByText(`已遴选：${NAMES[0]}`)).toBeTruthy();
    await waitFor(() => expect(screen.queryAllByRole('button', { name: /^遴选 / })).toHaveLength(0));
    expect(screen.getAllByText('中选').length).toBeGreaterThan(0);
    expect(sent.map((s) => s.name)).toEqual(['CandidateComparison', 'SelectCompany', 'CandidateComparison']);
    expect(sent[1].variables).toMatchObject({ activityId: 'A7', companyId: 'C3', reason: '报价低' });
  }, 20_000);

  it('a 报价 refused after the selection: says so and shows the page as it now is', async () => {
    const { sent, client } = server();
    renderPage(client);
    fireEvent.click(await screen.findByRole('button', { name: `报价 ${NAMES[1]}` }));
    fireEvent.change(await screen.findByLabelText('报价（元）'), { target: { value: '96000' } });
    fireEvent.click(screen.getByRole('button', { name: /^保\s?存$/ }));

    expect(await screen.findByText(QUOTE_REFUSED)).toBeTruthy();
    expect(screen.getAllByText('报价未保存，页面已按最新情况刷新').length).toBeGreaterThan(0);
    expect(await screen.findByText(`已遴选：${NAMES[0]}`)).toBeTruthy();
    await waitFor(() => expect(screen.queryAllByRole('button', { name: /^报价 / })).toHaveLength(0));
    expect(sent.map((s) => s.name)).toEqual(['CandidateComparison', 'SubmitQuote', 'CandidateComparison']);
  }, 20_000);
});

/**
 * The server as it holds the quotes: 报价 stores one, the comparison shows them; 遴选 is refused while one
 * is awaited (`refuseSelect`: as the server would, whatever the page thinks), else goes through.
 */
function quotingServer(quotes: (number | null)[], options: { cannotServe?: number[]; refuseSelect?: string } = {}) {
  const sent: { name: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        sent.push({ name: operation.operationName ?? '', variables: operation.variables });
        const v = operation.variables as { companyId?: string; amount?: number };
        if (operation.operationName === 'CandidateComparison') {
          observer.next({ data: comparison(false, [...quotes], options.cannotServe) });
        } else if (operation.operationName === 'SubmitQuote') {
          quotes[Number(v.companyId!.slice(1)) - 1] = v.amount!;
          observer.next({ data: { submitQuote: { __typename: 'Candidate', companyId: v.companyId, quote: v.amount, quoteNote: null } } });
        } else if (options.refuseSelect) {
          const fields = [{ field: 'quote', message: `${NAMES[2]}未录入报价` }];
          observer.next({ errors: [{ message: options.refuseSelect, extensions: { code: 'BAD_USER_INPUT', fields } }] });
        } else {
          observer.next({ data: { selectCompany: { __typename: 'Activity', id: 'A7', status: 'COMPANY_SELECTED', selectedCompanyId: v.companyId } } });
        }
        observer.complete();
      }),
  );
  return { sent, client: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

const selectButton = (i: number) => screen.getByRole('button', { name: `遴选 ${NAMES[i]}` }) as HTMLButtonElement;
const awaited = (...i: number[]) => `请先录入全部候选公司的报价：${i.map((x) => NAMES[x]).join('、')}未录入报价`;

async function enterQuote(i: number, amount: string) {
  fireEvent.click(screen.getByRole('button', { name: `报价 ${NAMES[i]}` }));
  fireEvent.change(await screen.findByLabelText('报价（元）'), { target: { value: amount } });
  fireEvent.click(screen.getByRole('button', { name: /^保\s?存$/ }));
  await waitFor(() => expect(screen.queryByLabelText('报价（元）')).toBeNull());
}

describe('候选比选: 遴选 waits for every candidate’s quote (SPEC §2 step 4)', () => {
  it('disabled, saying whose quote is awaited, until each is entered; then offered', async () => {
    const { sent, client } = quotingServer([96000, null, null]);
    renderPage(client);
    const note = () => document.getElementById('cmp-quotes-awaited')?.textContent ?? null;
    await waitFor(() => expect(note()).toBe(awaited(1, 2)));
    for (const i of [0, 1, 2]) {
      expect(selectButton(i).disabled).toBe(true);
      expect(selectButton(i).getAttribute('aria-describedby')).toBe('cmp-quotes-awaited');
      expect((screen.getByRole('button', { name: `报价 ${NAMES[i]}` }) as HTMLButtonElement).disabled).toBe(false);
    }
    // the tooltip of a disabled 遴选 says the same
    fireEvent.mouseEnter(selectButton(0).parentElement!);
    await waitFor(() => expect(screen.getAllByText(awaited(1, 2)).length).toBeGreaterThan(1));

    fireEvent.mouseLeave(selectButton(0).parentElement!);

    await enterQuote(1, '88000');
    await waitFor(() => expect(note()).toBe(awaited(2)));
    expect(selectButton(2).disabled).toBe(true);
    await enterQuote(2, '102000');
    await waitFor(() => expect(selectButton(0).disabled).toBe(false));
    expect(note()).toBeNull();
    fireEvent.click(selectButton(1));
    expect(await screen.findByLabelText('遴选理由')).toBeTruthy();
    expect(sent.map((x) => x.name)).not.toContain('SelectCompany');
  }, 20_000);

  it('a candidate that can no longer serve is not awaited: with the others quoted, 遴选 is offered', async () => {
    const { client } = quotingServer([96000, 88000, null], { cannotServe: [2] });
    renderPage(client);
    await waitFor(() => expect(selectButton(0).disabled).toBe(false));
    expect(selectButton(1).disabled).toBe(false);
    expect(document.getElementById('cmp-quotes-awaited')).toBeNull();
    expect(screen.getByText('不能承担（无需报价）：公司已被变更为“暂停”（停业整顿）')).toBeTruthy();
  }, 20_000);

  it('refused all the same (a quote the page thought was in): the server’s message in the dialog, the page as the server has it', async () => {
    const quotes: (number | null)[] = [96000, 88000, 102000];
    const { sent, client } = quotingServer(quotes, { refuseSelect: awaited(2) });
    renderPage(client);
    await waitFor(() => expect(selectButton(0).disabled).toBe(false));
    quotes[2] = null; // the server's truth, no longer the page's
    fireEvent.click(selectButton(0));
    fireEvent.change(await screen.findByLabelText('遴选理由'), { target: { value: '人员充足' } });
    fireEvent.click(screen.getByRole('button', { name: '确认遴选' }));

    // in the dialog (still open), and in the page's note once refreshed
    await waitFor(() => expect(document.getElementById('cmp-quotes-awaited')?.textContent).toBe(awaited(2)));
    expect(within(screen.getByRole('dialog', { name: `遴选：${NAMES[0]}` })).getByText(awaited(2))).toBeTruthy();
    expect(screen.getByLabelText('遴选理由')).toBeTruthy();
    expect(selectButton(1).disabled).toBe(true);
    expect(sent.map((x) => x.name)).toEqual(['CandidateComparison', 'SelectCompany', 'CandidateComparison']);
  }, 20_000);
});
