import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
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

/** 2026-0007 as the server has it: 已推荐候选 (stale tab), or already 已遴选 (the first company) in another tab. */
function comparison(selected: boolean) {
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
        quote: null,
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
