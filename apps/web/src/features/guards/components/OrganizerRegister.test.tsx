import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, screen, waitFor } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { Role } from '@evs/schema';
import { SideMenu } from '@/app/layout/SideMenu';
import { featureRoutes, mayOpen, titleFor } from '@/app/routes';
import type { RouteHandle } from '@/shared/routeHandle';
import { SessionProvider } from '@/shared/session';
import { renderRoute, renderRoutes } from '@/test/renderRoute';

configure({ asyncUtilTimeout: 10_000 });

/**
 * A self-recruiting organizer (自招保安单位) keeps its own guard register with the company's pages
 * (review 11-C F3): the menu has the entry, the register lists and opens its guards, and a guard of
 * another register (a company's cleared guard on its activity's roster) is read, not edited.
 */

type Me = ComponentProps<typeof SessionProvider>['me'];
const ORGANIZER_UNIT = 'unit-organizer1';
const ORGANIZER = {
  __typename: 'Me',
  id: 'U-ORG1',
  username: 'organizer1',
  displayName: '主办单位用户',
  role: 'ORGANIZER',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: false,
  mustEnrolTotp: false,
  keepsGuardRegister: true,
  unit: { __typename: 'Unit', id: ORGANIZER_UNIT, name: '盘锦红海滩文化旅游发展有限公司', kind: 'ORGANIZER', district: null },
} as Me;

const listed = (id: string, name: string) => ({
  __typename: 'Guard',
  id,
  name,
  idNumber: '211102********1234',
  sex: 'MALE',
  age: 35,
  phone: '13904270001',
  certificateNo: null,
  education: 'SENIOR_MIDDLE',
  status: 'ACTIVE',
  leftOn: null,
  relativeCount: 0,
  relativesDeclared: true,
  rosterLock: null,
  eligibilityProblems: [],
});

const detail = (id: string, companyId: string, companyName: string) => ({
  ...listed(id, companyId === ORGANIZER_UNIT ? '自招甲' : '公司乙'),
  companyId,
  birthDate: null,
  certificateIssuedOn: null,
  photo: null,
  relativesStatement: companyId === ORGANIZER_UNIT ? '父母已故' : null,
  company: { __typename: 'Company', id: companyId, name: companyName },
  revocations: [],
});

/** The server as the organizer's session gets it: its own register, and one company guard of its roster. */
function server() {
  const sent: { operation: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        sent.push({ operation: operation.operationName ?? '', variables: operation.variables });
        if (operation.operationName === 'GuardList') {
          observer.next({ data: { guards: { __typename: 'GuardPage', total: 2, items: [listed('G1', '自招甲'), listed('G2', '自招乙')] } } });
        } else if (operation.operationName === 'GuardDetail') {
          const id = operation.variables.id as string;
          observer.next({ data: { guard: id === 'G1' ? detail('G1', ORGANIZER_UNIT, ORGANIZER.unit.name) : detail(id, 'company-1', '盘锦辽河保安服务有限公司') } });
        } else {
          observer.next({ errors: [{ message: `unexpected ${operation.operationName}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        }
        observer.complete();
      }),
  );
  return { sent, client: new ApolloClient({ link, cache: new InMemoryCache() }) };
}

/** The registry's page for `path`, as the signed-in router mounts it (its chunk, its handle for the title). */
async function registryRoute(path: string) {
  const route = featureRoutes.find((r) => r.path === path)!;
  const { default: Page } = await route.lazy();
  const handle: RouteHandle = { path: route.path, title: route.title, titleByRole: route.titleByRole };
  return { path: route.path, handle, element: <Page /> };
}

afterEach(cleanup);

describe('the self-recruiting organizer’s guard register (review 11-C F3)', { timeout: 30_000 }, () => {
  it('has the register in its menu as “自招保安员”, and may open the list, the form and a record', async () => {
    const route = featureRoutes.find((r) => r.path === '/guards')!;
    expect(titleFor(route, Role.ORGANIZER)).toBe('自招保安员');
    expect(titleFor(route, Role.COMPANY)).toBe('保安员名册');
    for (const pattern of ['/guards', '/guards/new', '/guards/:id']) expect(mayOpen(Role.ORGANIZER, pattern)).toBe(true);

    const { client } = server();
    renderRoute(client, ORGANIZER, { path: '*', element: <SideMenu />, entry: '/guards' });
    const entry = await screen.findByText('自招保安员');
    expect(entry.closest('.ant-menu-item-selected')).not.toBeNull();
  });

  it('the register page lists its own register (no company named) with the keeper’s tools', async () => {
    const { client, sent } = server();
    renderRoutes(client, ORGANIZER, [await registryRoute('/guards')], ['/guards']);
    expect(await screen.findByText('自招甲')).toBeTruthy();
    expect(screen.getByText('自招乙')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '自招保安员' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /登记保安员/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /批量导入/ })).toBeTruthy();
    // The organizer's own register is the server's to decide (its unit's): the page names no company.
    const list = sent.find((s) => s.operation === 'GuardList')!;
    expect((list.variables.filter as { companyId?: string }).companyId).toBeUndefined();
  });

  it('opens its own guard for editing; a guard of another register is read, not edited', async () => {
    const own = server();
    renderRoutes(own.client, ORGANIZER, [await registryRoute('/guards/:id')], ['/guards/G1']);
    expect(await screen.findByRole('heading', { name: '自招甲' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /保\s*存/ })).toBeTruthy();
    expect(screen.getByText('直系亲属（父母、配偶、子女）')).toBeTruthy();
    cleanup();

    const other = server();
    renderRoutes(other.client, ORGANIZER, [await registryRoute('/guards/:id')], ['/guards/G9']);
    expect(await screen.findByRole('heading', { name: '公司乙' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /保\s*存/ })).toBeNull());
    expect(screen.queryByText('直系亲属（父母、配偶、子女）')).toBeNull();
    expect((screen.getByLabelText('姓名') as HTMLInputElement).disabled).toBe(true);
  });
});
