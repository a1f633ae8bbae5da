import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '@/shared/session';
import { renderRoute } from '@/test/renderRoute';
import { SideMenu } from './SideMenu';

type Me = ComponentProps<typeof SessionProvider>['me'];
const AUDITOR = {
  __typename: 'Me',
  id: 'U-AUDITOR',
  username: 'auditor',
  displayName: '安全审计员',
  role: 'AUDITOR',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: true,
  mustEnrolTotp: false,
  unit: { __typename: 'Unit', id: 'unit-auditor', name: '市公安局警务督察支队', kind: 'INSPECTORATE', district: null },
} as Me;

const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
const selected = () => document.querySelectorAll('.ant-menu-item-selected');

afterEach(cleanup);

describe('SideMenu: the entry of the page shown', () => {
  it.each([
    ['/audit/verify', '审计链校验'],
    ['/audit/security', '安全事件'],
    ['/audit', '审计日志'],
  ])('at %s lights up %s only', async (path, label) => {
    renderRoute(client, AUDITOR, { path: '*', element: <SideMenu />, entry: path });
    await screen.findByText(label);
    expect([...selected()].map((el) => el.textContent)).toEqual([label]);
  });

  it('an address no page has (the 404 page under /audit/…) lights up nothing', async () => {
    renderRoute(client, AUDITOR, { path: '*', element: <SideMenu />, entry: '/audit/no-such-page' });
    await screen.findByText('审计日志');
    expect(selected()).toHaveLength(0);
  });
});
