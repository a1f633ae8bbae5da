import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { renderRoute } from '@/test/renderRoute';
import { SessionProvider } from '@/shared/session';
import { Revocations, type Revocation } from './Revocations';

configure({ asyncUtilTimeout: 10_000 });

type Me = ComponentProps<typeof SessionProvider>['me'];
const user = (role: string, username: string): Me =>
  ({
    __typename: 'Me',
    id: `U-${username}`,
    username,
    displayName: username,
    role,
    mustChangePassword: false,
    passwordExpired: false,
    totpEnabled: false,
    mustEnrolTotp: false,
    unit: { __typename: 'Unit', id: `unit-${username}`, name: username, kind: role === 'COMPANY' ? 'COMPANY' : 'SECURITY_DETACHMENT', district: null },
  }) as Me;
const DETACHMENT = user('SECURITY_DETACHMENT', 'baoan');
const COMPANY = user('COMPANY', 'company1');

const REVOCATION: Revocation = {
  id: 'R1',
  revokedOn: '2026-12-01',
  reason: '违反条例第三十条',
  certificateNo: '辽盘保201912345',
  correctedAt: null,
  correctionNote: null,
  cancelledAt: null,
  cancelReason: null,
};

/** The server: each operation's variables are kept; it answers with `answer` (data or a refusal). */
function server(answer: (operation: string, variables: Record<string, unknown>) => object) {
  const sent: { operation: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (op) =>
      new Observable((observer) => {
        sent.push({ operation: op.operationName ?? '', variables: op.variables });
        observer.next(answer(op.operationName ?? '', op.variables));
        observer.complete();
      }),
  );
  return { sent, client: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

function renderList(me: Me, answer: Parameters<typeof server>[0], revocations: Revocation[] = [REVOCATION]) {
  const { sent, client } = server(answer);
  renderRoute(client, me, { path: '/guards/:id', entry: '/guards/G1', element: <Revocations guard={{ revocations, certificateIssuedOn: '2019-05-01' }} /> });
  return sent;
}

const dialog = () => screen.getByRole('dialog');
const fieldIn = (label: string) => within(dialog()).getByLabelText(label) as HTMLInputElement;

afterEach(cleanup);

describe('保安员证吊销记录：更正与撤销（录入错误）', { timeout: 30_000 }, () => {
  it('shows the certificate number of each revocation; a company sees no action', () => {
    renderList(COMPANY, () => ({ data: {} }));
    const row = screen.getByTestId('revocation-R1');
    expect(row.textContent).toContain('2026-12-01');
    expect(row.textContent).toContain('证号：辽盘保201912345');
    expect(screen.queryByRole('button', { name: /更\s*正/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /撤销/ })).toBeNull();
  });

  it('更正: the note is required; the server refusal shows under the date; a correction sends date, reason, number and note', async () => {
    let refuse = true;
    const sent = renderList(DETACHMENT, (_operation, v) =>
      refuse
        ? { errors: [{ message: '吊销记录更正有误', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'date', message: '吊销日期不能早于该保安员证（证号辽盘保201912345）的发证日期（2019-05-01）' }] } }] }
        : { data: { correctCertificateRevocation: { ...REVOCATION, revokedOn: v.date, correctedAt: '2026-12-06T10:00:00.000Z', correctionNote: v.note } } },
    );
    fireEvent.click(screen.getByRole('button', { name: /更\s*正/ }));
    expect(within(dialog()).getByText('更正吊销记录')).toBeTruthy();
    expect(fieldIn('吊销日期').value).toBe('2026-12-01');
    expect(fieldIn('被吊销的保安员证号').value).toBe('辽盘保201912345');
    expect(fieldIn('吊销原因').value).toBe('违反条例第三十条');

    // no note: refused in the form, nothing sent
    fireEvent.click(within(dialog()).getByRole('button', { name: /保存更正/ }));
    await within(dialog()).findByText('请填写更正说明（为何更正）');
    expect(sent).toEqual([]);

    fireEvent.change(fieldIn('更正说明'), { target: { value: '录入时日期错一天' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: /保存更正/ }));
    await within(dialog()).findByText('吊销日期不能早于该保安员证（证号辽盘保201912345）的发证日期（2019-05-01）');
    expect(sent).toEqual([
      {
        operation: 'CorrectCertificateRevocation',
        variables: { id: 'R1', date: '2026-12-01', reason: '违反条例第三十条', note: '录入时日期错一天', certificateNo: '辽盘保201912345' },
      },
    ]);

    refuse = false;
    fireEvent.click(within(dialog()).getByRole('button', { name: /保存更正/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toHaveLength(2);
  });

  it('撤销（录入错误）: the reason is required, then the cancellation is sent with it', async () => {
    const sent = renderList(DETACHMENT, (_operation, v) => ({
      data: { cancelCertificateRevocation: { ...REVOCATION, cancelledAt: '2026-12-06T10:00:00.000Z', cancelReason: v.reason } },
    }));
    fireEvent.click(screen.getByRole('button', { name: /撤销（录入错误）/ }));
    expect(within(dialog()).getByText(/撤销 2026-12-01 的吊销记录（证号辽盘保201912345）/)).toBeTruthy();
    fireEvent.click(within(dialog()).getByRole('button', { name: /确认撤销/ }));
    await within(dialog()).findByText('请填写撤销原因');
    expect(sent).toEqual([]);
    fireEvent.change(fieldIn('撤销原因'), { target: { value: '重复录入' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: /确认撤销/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toEqual([{ operation: 'CancelCertificateRevocation', variables: { id: 'R1', reason: '重复录入' } }]);
  });

  it('a cancelled revocation shows as cancelled, with its reason, and has no action', () => {
    renderList(DETACHMENT, () => ({ data: {} }), [{ ...REVOCATION, cancelledAt: '2026-12-06T10:00:00.000Z', cancelReason: '重复录入' }]);
    const row = screen.getByTestId('revocation-R1');
    expect(row.textContent).toContain('已撤销（录入错误');
    expect(row.textContent).toContain('重复录入');
    expect(within(row).queryByRole('button')).toBeNull();
  });
});
