import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { renderRoutes } from '@/test/renderRoute';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '@/shared/session';
import { LEAVE_PROMPT } from '@/shared/useUnsavedChangesPrompt';
import type { ActivityDetail } from '../activityDetail';
import { ActivityForm } from './ActivityForm';

configure({ asyncUtilTimeout: 10_000 });

const BUREAU_USER = {
  __typename: 'Me',
  id: 'U3',
  username: 'dawa',
  displayName: '大洼分局',
  role: 'DISTRICT_BUREAU',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: false,
  mustEnrolTotp: false,
  unit: { __typename: 'Unit', id: 'unit-3', name: '盘锦市公安局大洼分局', kind: 'DISTRICT_BUREAU', district: 'DAWA' },
} as ComponentProps<typeof SessionProvider>['me'];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A draft as the form amends it: every required field filled in, a plan item on three lines. */
const DRAFT = {
  id: 'A1',
  version: 3,
  name: '红海滩湿地音乐节',
  type: '演唱会',
  organizerUnitId: 'unit-org',
  organizerName: '盘锦红海滩文化旅游发展有限公司',
  undertakerName: null,
  venue: '红海滩国家风景廊道',
  address: '盘锦市大洼区赵圈河镇',
  district: 'DAWA',
  startsAt: inDays(60),
  endsAt: inDays(60.2),
  appliedOn: new Date().toISOString().slice(0, 10),
  expectedAttendance: 3000,
  guardsRequired: 30,
  securityMode: 'SERVICE_COMPANY',
  contactName: '赵敏',
  contactPhone: '13904270001',
  ageLimit: null,
  plan: { posts: '入口安检12人\n主舞台周边8人\n停车场6人' },
} as unknown as ActivityDetail;

type Answer = 'saved' | 'two fields wrong';

/** The server: the organizer units and settings the form reads, and its answer to 保存修改. */
function server(answer: Answer, sent: Record<string, unknown>[]) {
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const name = operation.operationName;
        if (name === 'UpdateActivity') sent.push(operation.variables);
        if (name === 'OrganizerUnits') observer.next({ data: { units: [{ __typename: 'Unit', id: 'unit-org', name: DRAFT.organizerName, district: 'DAWA' }] } });
        else if (name === 'Settings') observer.next({ data: { settings: [] } });
        else if (answer === 'saved') observer.next({ data: { updateActivity: { __typename: 'Activity', id: 'A1', status: 'DRAFT', version: 4 } } });
        else
          observer.next({
            errors: [
              {
                message: '输入有误：联系电话已停用；活动场所不在本辖区',
                // named out of the form's order: the focus goes to the one higher up the form
                extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'contactPhone', message: '联系电话已停用' }, { field: 'venue', message: '活动场所不在本辖区' }] },
              },
            ],
          });
        observer.complete();
      }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

function renderForm(answer: Answer) {
  const sent: Record<string, unknown>[] = [];
  const router = renderRoutes(
    server(answer, sent),
    BUREAU_USER,
    [
      { path: '/activities/:id', element: <p>活动详情</p> },
      { path: '/activities/:id/edit', element: <ActivityForm id="A1" existing={DRAFT} /> },
      { path: '/', element: <p>首页内容</p> },
    ],
    ['/activities/A1/edit'],
  );
  return { router, sent };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const saveButton = () => screen.getByRole('button', { name: '保存修改' });
const submit = () => fireEvent.submit(saveButton().closest('form')!);

afterEach(cleanup);

// a form of 27 fields: rendering and validating it takes seconds in happy-dom
describe('登记活动 / 修改活动', { timeout: 30_000 }, () => {
  it('a submit refused in the form takes the focus to the first wrong field', async () => {
    renderForm('saved');
    await waitFor(() => expect(field('活动名称').value).toBe(DRAFT.name));
    fireEvent.change(field('活动名称'), { target: { value: '' } });
    saveButton().focus();
    submit();
    expect(await screen.findByText('请填写活动名称')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(field('活动名称')));
  });

  it('the server’s field errors: each under its field, the focus on the first in the form’s order', async () => {
    const { router } = renderForm('two fields wrong');
    await waitFor(() => expect(field('活动场所').value).toBe(DRAFT.venue));
    saveButton().focus();
    submit();
    expect(await screen.findByText('活动场所不在本辖区')).toBeTruthy();
    expect(screen.getByText('联系电话已停用')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(field('活动场所')));
    expect(router.state.location.pathname).toBe('/activities/A1/edit');
  });

  it('a plan item on several lines keeps its line breaks on the way to the server', async () => {
    const { sent } = renderForm('saved');
    await waitFor(() => expect(field('岗位分工').value).toBe('入口安检12人\n主舞台周边8人\n停车场6人'));
    submit();
    expect(await screen.findByText('活动详情')).toBeTruthy();
    expect((sent[0].input as { plan: { posts: string } }).plan.posts).toBe('入口安检12人\n主舞台周边8人\n停车场6人');
  });

  it('leaving after an edit asks; after the save nothing asks', async () => {
    const { router } = renderForm('saved');
    await waitFor(() => expect(field('联系人').value).toBe(DRAFT.contactName));
    fireEvent.change(field('联系人'), { target: { value: '孔主任' } });
    void router.navigate('/');
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(LEAVE_PROMPT);
    fireEvent.click(within(dialog).getByRole('button', { name: /留在本页/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(field('联系人').value).toBe('孔主任');

    submit();
    expect(await screen.findByText('活动详情')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/activities/A1');
  });

  it('an untouched form (the draft as loaded) leaves without asking', async () => {
    const { router } = renderForm('saved');
    await waitFor(() => expect(field('活动名称').value).toBe(DRAFT.name));
    void router.navigate('/');
    expect(await screen.findByText('首页内容')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
