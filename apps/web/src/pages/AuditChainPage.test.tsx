import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '@/shared/session';
import AuditChainPage from './AuditChainPage';

configure({ asyncUtilTimeout: 5_000 });

const AUDITOR = {
  __typename: 'Me',
  id: 'U9',
  username: 'auditor',
  displayName: '审计员',
  role: 'AUDITOR',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: true,
  mustEnrolTotp: false,
  unit: { __typename: 'Unit', id: 'unit-9', name: '市公安局警务督察支队', kind: 'INSPECTORATE', district: null },
} as ComponentProps<typeof SessionProvider>['me'];

const HEAD_HASH = 'a'.repeat(64);
const NOTED = `40:${'b'.repeat(64)}`;

const REFUSED = `9:${'d'.repeat(64)}`;
const FORMAT = '锚点格式应为“序号:哈希”（序号为正整数，哈希为64位十六进制数）';

/**
 * The server as the auditor meets it: the chain intact, its head at 57; the anchor NOTED still in it, any other not
 * (as after the chain was rewritten); REFUSED it refuses as malformed. Every anchor asked about is recorded.
 */
function server() {
  const asked: (string | null)[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const anchor = (operation.variables.anchor as string | null | undefined) ?? null;
        asked.push(anchor);
        if (anchor === REFUSED) {
          observer.next({ errors: [{ message: FORMAT, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'anchor', message: FORMAT }] } }] });
          observer.complete();
          return;
        }
        const holds = anchor === null ? null : anchor.toLowerCase() === NOTED;
        observer.next({
          data: {
            verifyAuditChain: {
              __typename: 'AuditChainReport',
              intact: holds !== false,
              checked: 57,
              headSeq: '57',
              headHash: HEAD_HASH,
              anchorHolds: holds,
              verifiedAt: '2026-12-05T08:00:00.000Z',
              firstBroken:
                holds === false
                  ? { __typename: 'AuditChainBreak', seq: anchor!.split(':')[0], id: null, at: null, summary: null, reason: `与此前记下的锚点不符：第 ${anchor!.split(':')[0]} 条的哈希已改变` }
                  : null,
            },
          },
        });
        observer.complete();
      }),
  );
  return { asked, client: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

function renderPage(client: ApolloClient) {
  const router = createMemoryRouter([{ path: '/audit/chain', element: <AuditChainPage /> }], { initialEntries: ['/audit/chain'] });
  render(
    <ApolloProvider client={client}>
      <SessionProvider me={AUDITOR}>
        <RouterProvider router={router} />
      </SessionProvider>
    </ApolloProvider>,
  );
}

const anchorInput = () => screen.getByLabelText('此前记下的锚点（可选）');
const submit = () => fireEvent.submit(screen.getByRole('button', { name: /立即校验/ }).closest('form')!);

afterEach(cleanup);

describe('the audit chain page', () => {
  it('checks the chain alone and shows the current head as the anchor to note', async () => {
    const { asked, client } = server();
    renderPage(client);
    submit();
    expect(await screen.findByText('哈希链完整：57 条审计记录均未被修改或删除')).toBeTruthy();
    expect(screen.getByTestId('head-anchor').textContent).toContain(`57:${HEAD_HASH}`);
    expect(screen.queryByTestId('anchor-verdict')).toBeNull();
    expect(asked).toEqual([null]);
  });

  it('checks a pasted anchor: one still in the chain holds, one that is not fails with the reason', async () => {
    const { asked, client } = server();
    renderPage(client);
    fireEvent.change(anchorInput(), { target: { value: `  ${NOTED}\n` } });
    submit();
    expect((await screen.findByTestId('anchor-verdict')).textContent).toBe('相符');
    expect(screen.getByText('锚点相符：该条仍在链中，哈希未变')).toBeTruthy();

    const rewritten = `40:${'c'.repeat(64)}`;
    fireEvent.change(anchorInput(), { target: { value: rewritten } });
    submit();
    expect(await screen.findByText('哈希链已被破坏')).toBeTruthy();
    expect(screen.getByTestId('anchor-verdict').textContent).toBe('不符');
    expect(screen.getByText(/与此前记下的锚点不符：第 40 条/)).toBeTruthy();
    expect(asked).toEqual([NOTED, rewritten]);
  });

  it('refuses a malformed anchor under the field, in Chinese, without asking the server', async () => {
    const { asked, client } = server();
    renderPage(client);
    fireEvent.change(anchorInput(), { target: { value: '40:abc' } });
    submit();
    expect(await screen.findByText(FORMAT)).toBeTruthy();
    expect(asked).toEqual([]);
  });

  it('shows the server\'s refusal of an anchor under the field and above the result', async () => {
    const { asked, client } = server();
    renderPage(client);
    fireEvent.change(anchorInput(), { target: { value: REFUSED } });
    submit();
    await waitFor(() => expect(screen.getAllByText(FORMAT)).toHaveLength(2));
    expect(screen.queryByTestId('head-anchor')).toBeNull();
    expect(asked).toEqual([REFUSED]);
  });
});
