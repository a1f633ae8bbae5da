import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, Button, ConfigProvider, Form, Input } from 'antd';
import { createMemoryRouter, Link, RouterProvider, useNavigate } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { LEAVE_PROMPT, useUnsavedChangesPrompt } from './useUnsavedChangesPrompt';

configure({ asyncUtilTimeout: 5_000 });

/** A form as the app's long forms use the hook: dirty on a user edit, saved before leaving after a save. */
function Editor() {
  const [form] = Form.useForm<{ name?: string }>();
  const unsaved = useUnsavedChangesPrompt();
  const navigate = useNavigate();
  return (
    <Form
      form={form}
      onValuesChange={unsaved.changed}
      onFinish={() => {
        unsaved.saved();
        navigate('/home');
      }}
    >
      <Form.Item name="name" label="活动名称">
        <Input />
      </Form.Item>
      <Button htmlType="submit">保存草稿</Button>
      <Link to="/home">首页</Link>
      <Link to="/form?tab=2">同页</Link>
      <Link to="/login">登录页</Link>
    </Form>
  );
}

function renderEditor() {
  const router = createMemoryRouter(
    [
      { path: '/form', element: <Editor /> },
      { path: '/home', element: <p>首页内容</p> },
      { path: '/login', element: <p>登录页内容</p> },
    ],
    { initialEntries: ['/home', '/form'], initialIndex: 1 },
  );
  render(
    // no animations: happy-dom never ends a closing dialog's
    <ConfigProvider theme={{ token: { motion: false } }}>
      <App>
        <RouterProvider router={router} />
      </App>
    </ConfigProvider>,
  );
  return router;
}

const nameInput = () => screen.getByLabelText('活动名称') as HTMLInputElement;
const type = (value: string) => fireEvent.change(nameInput(), { target: { value } });
/** The open prompt, if any. */
const prompt = () => screen.queryByRole('dialog');
/** The prompt, once it opens. */
async function promptShown() {
  const dialog = await screen.findByRole('dialog');
  expect(dialog.textContent).toContain(LEAVE_PROMPT);
  return dialog;
}
/** Whether a reload or closing the tab now would make the browser ask. */
function reloadAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

afterEach(cleanup);

describe('leaving a form with unsaved changes', () => {
  it('a clean form leaves without asking', async () => {
    const router = renderEditor();
    fireEvent.click(screen.getByRole('link', { name: '首页' }));
    expect(await screen.findByText('首页内容')).toBeTruthy();
    expect(prompt()).toBeNull();
    expect(router.state.location.pathname).toBe('/home');
  });

  it('a dirty form asks on an in-app navigation: staying keeps the values, confirming leaves', async () => {
    const router = renderEditor();
    type('红海滩湿地音乐节');
    fireEvent.click(screen.getByRole('link', { name: '首页' }));
    const asked = await promptShown();
    expect(router.state.location.pathname).toBe('/form');

    fireEvent.click(within(asked).getByRole('button', { name: /留在本页/ }));
    await waitFor(() => expect(prompt()).toBeNull());
    expect(router.state.location.pathname).toBe('/form');
    expect(nameInput().value).toBe('红海滩湿地音乐节');

    fireEvent.click(screen.getByRole('link', { name: '首页' }));
    fireEvent.click(within(await promptShown()).getByRole('button', { name: /离\s*开/ }));
    expect(await screen.findByText('首页内容')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/home');
    expect(prompt()).toBeNull();
    expect(reloadAsks()).toBe(false);
  });

  it('asks on back too', async () => {
    const router = renderEditor();
    type('音乐节');
    // the navigation's promise settles only once the user has answered
    act(() => void router.navigate(-1));
    expect((await screen.findByRole('dialog')).textContent).toContain(LEAVE_PROMPT);
    expect(router.state.location.pathname).toBe('/form');
  });

  it('does not ask after a successful save', async () => {
    const router = renderEditor();
    type('音乐节');
    fireEvent.submit(nameInput().closest('form')!);
    expect(await screen.findByText('首页内容')).toBeTruthy();
    expect(prompt()).toBeNull();
    expect(router.state.location.pathname).toBe('/home');
  });

  it('does not ask within the same page, nor on the way to the login page (a logout or a lapsed session)', async () => {
    const router = renderEditor();
    type('音乐节');
    fireEvent.click(screen.getByRole('link', { name: '同页' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=2'));
    expect(prompt()).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: '登录页' }));
    expect(await screen.findByText('登录页内容')).toBeTruthy();
    expect(prompt()).toBeNull();
  });

  it('makes the browser ask on reload or close only while the form is dirty', async () => {
    renderEditor();
    expect(reloadAsks()).toBe(false);
    type('音乐节');
    await waitFor(() => expect(reloadAsks()).toBe(true));
    fireEvent.submit(nameInput().closest('form')!);
    expect(await screen.findByText('首页内容')).toBeTruthy();
    expect(reloadAsks()).toBe(false);
  });
});
