import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { cleanup, configure, render, screen } from '@testing-library/react';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryDetail } from './EntryDetail';

configure({ asyncUtilTimeout: 5_000 });

const prior = (extra: Record<string, unknown>) => ({
  __typename: 'PriorVettingDecision',
  entryId: 'E0',
  activityName: '辽河文化节',
  companyName: '盘锦辽河保安服务有限公司',
  decision: 'FAILED',
  reasonCategory: 'RELATIVE_RECORD',
  decidedAt: '2026-12-05T02:00:00.000Z',
  note: '父亲有故意犯罪记录，不宜上岗',
  reused: false,
  removed: true,
  ...extra,
});

function client(priorDecisions: unknown[]) {
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        observer.next({
          data: {
            rosterEntry: { __typename: 'RosterEntry', id: 'E1', guardName: '甲洗白', hits: [], relatives: [], priorDecisions },
          },
        } as never);
        observer.complete();
        return () => operation;
      }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

afterEach(cleanup);

describe('EntryDetail: the person’s earlier decisions (review 11-A F1)', () => {
  it('lists each earlier decision with its day, outcome, reason category, activity, register and note', async () => {
    render(
      <ApolloProvider
        client={client([
          prior({}),
          prior({ entryId: 'E2', activityName: '红海滩马拉松', companyName: '盘锦兴安保安服务有限公司', decision: 'PASSED', reasonCategory: 'CLEAR', decidedAt: '2026-11-20T02:00:00.000Z', note: null, removed: false }),
        ])}
      >
        <EntryDetail id="E1" />
      </ApolloProvider>,
    );
    expect(await screen.findByText('既往审核（2）')).toBeTruthy();
    expect(screen.getByText('2026-12-05 不通过（直系亲属违法犯罪记录） · 辽河文化节 · 盘锦辽河保安服务有限公司（已移出名单）')).toBeTruthy();
    expect(screen.getByText('审核意见：父亲有故意犯罪记录，不宜上岗')).toBeTruthy();
    expect(screen.getByText('2026-11-20 通过 · 红海滩马拉松 · 盘锦兴安保安服务有限公司')).toBeTruthy();
  });

  it('says so when the person has no other decision', async () => {
    render(
      <ApolloProvider client={client([])}>
        <EntryDetail id="E1" />
      </ApolloProvider>,
    );
    expect(await screen.findByText('既往审核（0）')).toBeTruthy();
    expect(screen.getByText('此人无其他审核结论')).toBeTruthy();
  });
});
