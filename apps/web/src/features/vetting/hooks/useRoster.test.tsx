import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { renderRoute } from '@/test/renderRoute';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import RosterPage from '@/pages/RosterPage';
import { SessionProvider } from '@/shared/session';

configure({ asyncUtilTimeout: 5_000 });

const COMPANY = {
  __typename: 'Me',
  id: 'U3',
  username: 'company1',
  displayName: '王强',
  role: 'COMPANY',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: false,
  mustEnrolTotp: false,
  unit: { __typename: 'Unit', id: 'unit-3', name: '盘锦辽河保安服务有限公司', kind: 'COMPANY', district: null },
} as ComponentProps<typeof SessionProvider>['me'];

const GUARDS = ['丁晨鑫', '严东', '苏波'];
const ALREADY = '名单已上报（3人），可能已在其他窗口或由同事上报，请刷新页面查看';

/**
 * 2026-0009 as the server has it: 已遴选 with no roster while this tab was opened; after the other tab
 * submitted the three guards (`submitted`), 背景审核中 with the three on the roster.
 */
function server({ guardsRequired = 3, onRoster = 0 }: { guardsRequired?: number; onRoster?: number } = {}) {
  const sent: string[] = [];
  let submitted = false;
  const answer = (name: string, variables: Record<string, unknown>) => {
    if (name === 'VettingActivities') {
      return {
        data: {
          vettingActivities: {
            __typename: 'VettingActivityPage',
            total: 1,
            items: [
              {
                __typename: 'VettingActivity',
                id: 'A9',
                code: '2026-0009',
                name: '辽河文化节',
                status: submitted ? 'VETTING' : 'COMPANY_SELECTED',
                securityMode: 'COMPANY',
                startsAt: '2026-12-20T01:00:00.000Z',
                endsAt: '2026-12-20T06:00:00.000Z',
                venue: '辽河碧水湾',
                organizerName: '盘锦市体育局',
                guardsRequired,
                submitterName: '盘锦辽河保安服务有限公司',
                tier: 'SUBMITTER',
                canSubmit: true,
                closeBlockers: [],
                counts: { __typename: 'VettingCounts', total: submitted ? 3 : onRoster, passed: 0, failed: 0, pending: submitted ? 3 : onRoster, unchecked: 0, removed: 0 },
              },
            ],
          },
        },
      };
    }
    if (name === 'SubmitterEntries') {
      const items = submitted
        ? GUARDS.map((guardName, i) => ({
            __typename: 'RosterEntry',
            id: `E${i}`,
            guardId: `G${i}`,
            guardName,
            idNumber: `21110219900101000${i}`,
            post: null,
            state: 'ACTIVE',
            decision: 'PENDING',
            reasonCategory: null,
            checked: true,
            reused: false,
            replacesEntryId: null,
            precheckProblems: [],
          }))
        : [];
      return { data: { rosterEntries: { __typename: 'RosterEntryPage', total: items.length, items } } };
    }
    if (name === 'RosterCandidates') {
      const items = GUARDS.map((n, i) => ({ __typename: 'RosterCandidate', guardId: `G${i}`, name: n, idNumber: `21110219900101000${i}`, onRoster: submitted, problems: [] }));
      return { data: { rosterCandidates: { __typename: 'RosterCandidatePage', total: items.length, items: variables.onlyEligible && submitted ? [] : items } } };
    }
    // SubmitRoster: the other tab got there first.
    submitted = true;
    return {
      errors: [{ message: ALREADY, extensions: { code: 'CONFLICT', fields: GUARDS.map((n, i) => ({ field: `guardIds.${i}`, message: `${n}已在名单中` })) } }],
    };
  };
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        sent.push(operation.operationName ?? '');
        observer.next(answer(operation.operationName ?? '', operation.variables) as never);
        observer.complete();
      }),
  );
  return { sent, client: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

function renderPage(client: ApolloClient) {
  renderRoute(client, COMPANY, { path: '/roster', element: <RosterPage />, entry: '/roster?activity=A9' });
}

afterEach(cleanup);

describe('名单报送 on a stale page (review 8 C-F2 B)', () => {
  it('a 上报 refused because the roster was submitted in another tab: the message stays, the page shows the submitted roster', async () => {
    const { sent, client } = server();
    renderPage(client);
    expect(await screen.findByText('尚未上报名单')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '按所需人数补选预审无问题的人员' }));
    fireEvent.click(await screen.findByRole('button', { name: /上报名单（3人）/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认上报' }));

    const refusal = await screen.findByTestId('roster-submit-refusal');
    expect(within(refusal).getByText(ALREADY)).toBeTruthy();
    expect(within(refusal).getByText(/页面已按最新情况刷新/)).toBeTruthy();
    // the roster as it now is, not 尚未上报名单
    expect(await screen.findByText('当前名单（3人）')).toBeTruthy();
    expect(screen.queryByText('尚未上报名单')).toBeNull();
    expect(screen.getAllByText('丁晨鑫').length).toBeGreaterThan(0);
    // those the server named as on the roster are no longer picked
    await waitFor(() => expect(screen.getByRole('button', { name: /上报名单（0人）/ })).toBeTruthy());
    expect(sent.filter((s) => s === 'SubmitRoster')).toHaveLength(1);
    expect(sent.lastIndexOf('SubmitterEntries')).toBeGreaterThan(sent.indexOf('SubmitRoster'));

    // it stays until closed (not a toast that vanishes)
    fireEvent.click(within(refusal).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByTestId('roster-submit-refusal')).toBeNull());
  }, 20_000);
});

describe('名单上限 (the server refuses a 上报 past it)', () => {
  it('shows the limit and what may still be submitted, and does not offer a 上报 past it', async () => {
    // 1 guard required: at most 12 on the roster; 10 are on it, so 2 more
    const { sent, client } = server({ guardsRequired: 1, onRoster: 10 });
    renderPage(client);
    expect(await screen.findByText('12人（不含审核不通过人员），还可上报2人')).toBeTruthy();
    const pick = async (name: string) => fireEvent.click(within(await screen.findByRole('row', { name: new RegExp(name) })).getByRole('checkbox'));
    for (const name of GUARDS) await pick(name);
    const warning = await screen.findByTestId('roster-over-limit');
    expect(within(warning).getByText('已选3人，超过本名单还可上报的2人（名单上限12人，不含审核不通过人员），请减少所选人员')).toBeTruthy();
    expect((screen.getByRole('button', { name: /上报名单（3人）/ }) as HTMLButtonElement).disabled).toBe(true);
    // two are within it
    await pick(GUARDS[0]);
    await waitFor(() => expect(screen.queryByTestId('roster-over-limit')).toBeNull());
    expect((screen.getByRole('button', { name: /上报名单（2人）/ }) as HTMLButtonElement).disabled).toBe(false);
    expect(sent).not.toContain('SubmitRoster');
  }, 20_000);
});
