import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { renderRoutes } from '@/test/renderRoute';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { withIdCheckDigit } from '@evs/schema';
import { SessionProvider } from '@/shared/session';
import { LEAVE_PROMPT } from '@/shared/useUnsavedChangesPrompt';
import { GuardForm } from './GuardForm';

configure({ asyncUtilTimeout: 10_000 });

const COMPANY_USER = {
  __typename: 'Me',
  id: 'U5',
  username: 'company1',
  displayName: '辽河保安',
  role: 'COMPANY',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: false,
  mustEnrolTotp: false,
  unit: { __typename: 'Unit', id: 'unit-5', name: '盘锦辽河保安服务有限公司', kind: 'COMPANY', district: null },
} as ComponentProps<typeof SessionProvider>['me'];

const ID_NUMBER = withIdCheckDigit('21110319900304013');

type Answer = 'saved' | 'phone taken' | 'company suspended';

/** The server answering 登记 as told; the registrations it was sent are counted. */
function server(answer: Answer) {
  const sent: unknown[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        sent.push(operation.variables);
        if (answer === 'saved') observer.next({ data: { createGuard: { __typename: 'Guard', id: 'G1', name: '测试甲' } } });
        else if (answer === 'phone taken')
          observer.next({ errors: [{ message: '输入有误：该手机号已登记', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'phone', message: '该手机号已登记' }] } }] });
        // a refusal naming no field of the form
        else observer.next({ errors: [{ message: '本公司已被暂停营业，不能登记保安员', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'companyId', message: '公司已暂停' }] } }] });
        observer.complete();
      }),
  );
  return { sent, client: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

function renderForm(answer: Answer) {
  const { sent, client } = server(answer);
  const router = renderRoutes(
    client,
    COMPANY_USER,
    [
      { path: '/guards', element: <p>保安员名册</p> },
      { path: '/guards/new', element: <GuardForm /> },
      { path: '/', element: <p>首页内容</p> },
    ],
    ['/guards', '/guards/new'],
  );
  return { router, sent };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const submit = () => fireEvent.submit(field('姓名').closest('form')!);
function fillIn() {
  type('姓名', '测试甲');
  type('居民身份证号', ID_NUMBER);
  type('手机号', '13904275555');
}

afterEach(cleanup);

describe('登记保安员', { timeout: 30_000 }, () => {
  it('a refused submit takes the focus to the first wrong field, not the submit button', async () => {
    const { sent } = renderForm('saved');
    const button = screen.getByRole('button', { name: /登\s*记/ });
    button.focus();
    submit();
    await waitFor(() => expect(document.activeElement).toBe(field('姓名')));
    expect(sent).toHaveLength(0);
  });

  it('the server naming a field: its message under it, and the focus on it', async () => {
    const { sent } = renderForm('phone taken');
    fillIn();
    screen.getByRole('button', { name: /登\s*记/ }).focus();
    submit();
    expect(await screen.findByText('该手机号已登记')).toBeTruthy();
    expect(sent).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(field('手机号')));
    // what was typed stays
    expect(field('姓名').value).toBe('测试甲');
  });

  it('the server naming no field of the form: its message at the top, brought into view and focused', async () => {
    renderForm('company suspended');
    fillIn();
    screen.getByRole('button', { name: /登\s*记/ }).focus();
    submit();
    const alert = await screen.findByTestId('form-refusal');
    await waitFor(() => expect(alert.textContent).toContain('本公司已被暂停营业，不能登记保安员'));
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });

  it('leaving with typing asks first; staying keeps it; after the save nothing asks', async () => {
    const { router } = renderForm('saved');
    type('姓名', '测试甲');
    fireEvent.click(screen.getByRole('button', { name: /返\s*回/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(LEAVE_PROMPT);
    fireEvent.click(within(dialog).getByRole('button', { name: /留在本页/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/guards/new');
    expect(field('姓名').value).toBe('测试甲');

    type('居民身份证号', ID_NUMBER);
    submit();
    expect(await screen.findByText('保安员名册')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('an untouched form leaves without asking', async () => {
    const { router } = renderForm('saved');
    fireEvent.click(screen.getByRole('button', { name: /返\s*回/ }));
    expect(await screen.findByText('保安员名册')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/guards');
  });
});

const DETACHMENT_USER = {
  ...COMPANY_USER,
  id: 'U3',
  username: 'baoan',
  displayName: '刘宝军',
  role: 'SECURITY_DETACHMENT',
  unit: { __typename: 'Unit', id: 'unit-3', name: '市公安局保安管理支队', kind: 'SECURITY_DETACHMENT', district: null },
} as ComponentProps<typeof SessionProvider>['me'];

/** A guard of company1 as the detail query answers it, relatives opened at version `v-page`. */
const GUARD = {
  __typename: 'Guard', id: 'G9', companyId: 'unit-5', name: '测试乙', idNumber: ID_NUMBER, birthDate: '1990-03-04', sex: 'MALE', age: 36,
  phone: '13904275556', certificateNo: 'BA-1', certificateIssuedOn: '2020-01-01', education: 'SENIOR_MIDDLE', photo: null, status: 'ACTIVE', leftOn: null,
  relativeCount: 2, relativesDeclared: true, relativesStatement: null, relativesVersion: 'v-page', updatedAt: '2026-12-01T02:03:04.567Z', rosterLock: null,
  company: { __typename: 'Company', id: 'unit-5', name: '盘锦辽河保安服务有限公司' }, revocations: [], eligibilityProblems: [],
} as unknown as ComponentProps<typeof GuardForm>['guard'];

describe('修改保安员：登记信息与直系亲属 (red team 7, L2)', { timeout: 30_000 }, () => {
  it('saves the record with the time it was opened at and the relatives with the version they were read at, so a colleague’s change since is not overwritten', async () => {
    const sent: { name: string; variables: Record<string, unknown> }[] = [];
    const link = new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          sent.push({ name: operation.operationName ?? '', variables: operation.variables });
          const answers: Record<string, Record<string, unknown>> = {
            GuardRelatives: {
              guard: {
                __typename: 'Guard', id: 'G9', relativesVersion: 'v-read',
                relatives: [
                  { __typename: 'GuardRelative', id: 'R1', name: '王某某', relation: 'FATHER', idNumber: withIdCheckDigit('21110319600301011') },
                  { __typename: 'GuardRelative', id: 'R2', name: '李某某', relation: 'MOTHER', idNumber: withIdCheckDigit('21110319620701002') },
                ],
              },
            },
            UpdateGuard: { updateGuard: { __typename: 'Guard', id: 'G9', name: '测试乙', updatedAt: '2026-12-06T02:03:04.567Z' } },
            SetGuardRelatives: {
              setGuardRelatives: { __typename: 'Guard', id: 'G9', relativeCount: 2, relativesDeclared: true, relativesStatement: null, relativesVersion: 'v-saved' },
            },
          };
          observer.next({ data: answers[operation.operationName ?? ''] });
          observer.complete();
        }),
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    renderRoutes(
      client,
      DETACHMENT_USER,
      [
        { path: '/guards', element: <p>保安员名册</p> },
        { path: '/guards/G9', element: <GuardForm guard={GUARD} /> },
      ],
      ['/guards', '/guards/G9'],
    );
    fireEvent.click(await screen.findByRole('button', { name: /查阅并修改/ }));
    await waitFor(() => expect(sent.some((s) => s.name === 'GuardRelatives')).toBe(true));
    await screen.findByDisplayValue('王某某');
    submit();
    await waitFor(() => expect(sent.some((s) => s.name === 'SetGuardRelatives')).toBe(true));
    expect(sent.find((s) => s.name === 'SetGuardRelatives')!.variables).toMatchObject({ guardId: 'G9', expectedVersion: 'v-read' });
    // and the record itself with the time it was opened at
    expect(sent.find((s) => s.name === 'UpdateGuard')!.variables).toMatchObject({ id: 'G9', expectedUpdatedAt: '2026-12-01T02:03:04.567Z' });
  });
});
