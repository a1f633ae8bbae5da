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

/**
 * An organizer's 自招保安员 (its guard register) and 自招保安员名单 belong to a 自招保安单位 (SPEC §2): the
 * menu offers them by `me.keepsGuardRegister` (the server's rule for registering guards), not to every
 * organizer only to be refused on saving.
 */
describe('SideMenu: the self-recruited register for a 自招保安单位 only', () => {
  const organizer = (keepsGuardRegister: boolean) =>
    ({
      ...AUDITOR,
      id: 'U-ORG',
      username: 'organizer',
      displayName: '主办单位用户',
      role: 'ORGANIZER',
      keepsGuardRegister,
      unit: { __typename: 'Unit', id: 'unit-organizer', name: '盘锦红海滩文化旅游发展有限公司', kind: 'ORGANIZER', district: null },
    }) as Me;
  const company = { ...AUDITOR, id: 'U-CO', role: 'COMPANY', keepsGuardRegister: true, unit: { __typename: 'Unit', id: 'unit-co', name: '盘锦辽河保安服务有限公司', kind: 'COMPANY', district: null } } as Me;

  it('an organizer with no register and no self-recruited activity has neither entry', async () => {
    renderRoute(client, organizer(false), { path: '*', element: <SideMenu />, entry: '/' });
    await screen.findByText('我的活动');
    expect(screen.queryByText('自招保安员')).toBeNull();
    expect(screen.queryByText('自招保安员名单')).toBeNull();
  });

  it('a self-recruiting organizer has both', async () => {
    renderRoute(client, organizer(true), { path: '*', element: <SideMenu />, entry: '/' });
    expect(await screen.findByText('自招保安员')).toBeTruthy();
    expect(screen.getByText('自招保安员名单')).toBeTruthy();
  });

  it('a company keeps its register and roster entries', async () => {
    renderRoute(client, company, { path: '*', element: <SideMenu />, entry: '/' });
    expect(await screen.findByText('保安员名册')).toBeTruthy();
    expect(screen.getByText('名单报送')).toBeTruthy();
  });
});
