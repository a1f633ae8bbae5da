import type { ApolloClient } from '@apollo/client';
import { Role } from '@evs/schema';
import { describe, expect, it, vi } from 'vitest';
import { District } from '@evs/schema';
import type { MeQuery } from '@/gql/graphql';
import { overviewVariables } from '@/features/dashboard/overviewFilters';
import { preloadOnsiteFor } from '@/features/inspections/preload';
import { prefetchSignedInPage, preloadFirstPage } from './pageChunks';

const me = (role: Role, steps: Partial<MeQuery['me']> = {}): MeQuery =>
  ({ me: { id: 'u1', role, mustChangePassword: false, passwordExpired: false, mustEnrolTotp: false, ...steps } }) as MeQuery;

/** Apollo as the preload sees it: what it was asked, answered at once. */
function fakeClient() {
  const query = vi.fn((options: { query: { definitions: { name?: { value: string } }[] }; variables: unknown }) => {
    void options;
    return Promise.resolve({ data: {} });
  });
  const asked = () => query.mock.calls.map(([o]) => [o.query.definitions[0].name?.value, o.variables]);
  return { client: { query } as unknown as ApolloClient, asked };
}

describe('the first page’s data, asked for with the first load', () => {
  it('asks for the on-day list on /inspections and the training list on /training', async () => {
    for (const [path, status] of [['/inspections', ['READY', 'IN_PROGRESS', 'CLOSED']], ['/training', ['TRAINING', 'READY']]] as const) {
      const { client, asked } = fakeClient();
      prefetchSignedInPage(path);
      await preloadFirstPage(client, me(Role.COMPANY));
      expect(asked()).toEqual([['OnsiteActivities', { filter: { status }, page: { pageSize: 100 } }]]);
    }
  });

  it('asks nothing for a role the page refuses (the page shows 403 without a refused request)', async () => {
    const { client, asked } = fakeClient();
    prefetchSignedInPage('/inspections');
    await preloadFirstPage(client, me(Role.ORGANIZER));
    expect(asked()).toEqual([]);
  });

  it('asks nothing while a step is left: a new password, an expired one, two-factor enrolment', async () => {
    for (const step of [{ mustChangePassword: true }, { passwordExpired: true }, { mustEnrolTotp: true }]) {
      const { client, asked } = fakeClient();
      prefetchSignedInPage('/inspections');
      await preloadFirstPage(client, me(Role.SECURITY_DETACHMENT, step));
      expect(asked()).toEqual([]);
    }
  });

  it('asks once: a second answer for me (or a later page) asks nothing more', async () => {
    const { client, asked } = fakeClient();
    prefetchSignedInPage('/inspections');
    await preloadFirstPage(client, me(Role.SECURITY_DETACHMENT));
    await preloadFirstPage(client, me(Role.SECURITY_DETACHMENT));
    expect(asked()).toHaveLength(1);
  });

  it('asks for the home page’s figures and notices, and 总览 (default period) for the office and the leaders only', async () => {
    const notices = ['Notifications', { unreadOnly: false, page: { page: 1, pageSize: 5 } }];
    const overview = ['Overview', overviewVariables(new URLSearchParams(), null)];
    for (const [role, expected] of [
      [Role.OFFICE, [['MyHome', {}], notices, overview]],
      [Role.LEADER, [['MyHome', {}], notices, overview]],
      [Role.COMPANY, [['MyHome', {}], notices]],
      [Role.DISTRICT_BUREAU, [['MyHome', {}], notices]],
    ] as const) {
      const { client, asked } = fakeClient();
      prefetchSignedInPage('/');
      await preloadFirstPage(client, me(role));
      expect(asked()).toEqual(expected);
    }
  });

  it('asks for 总览 with the period and district of the URL being opened', async () => {
    window.history.pushState({}, '', `/overview?from=2026-01-01&to=2026-06-30&district=${District.XINGLONGTAI}`);
    const { client, asked } = fakeClient();
    prefetchSignedInPage('/overview');
    await preloadFirstPage(client, me(Role.LEADER));
    expect(asked()).toEqual([['Overview', { range: { from: '2026-01-01', to: '2026-06-30' }, district: District.XINGLONGTAI }]]);
    window.history.pushState({}, '', '/');
  });

  it('asks nothing for a page that declares no preload', async () => {
    const { client, asked } = fakeClient();
    prefetchSignedInPage('/companies');
    await preloadFirstPage(client, me(Role.SECURITY_DETACHMENT));
    expect(asked()).toEqual([]);
  });
});

describe('the on-site screen’s data, asked for by its light root with the first load', () => {
  it('asks for its three queries for each role the screen admits', async () => {
    for (const role of [Role.SECURITY_DETACHMENT, Role.COMPANY, Role.OFFICE, Role.LEADER]) {
      const { client, asked } = fakeClient();
      await preloadOnsiteFor(client, me(role), 'a-1');
      expect(asked()).toEqual([
        ['OnsiteActivity', { id: 'a-1' }],
        ['OnDutyRoster', { activityId: 'a-1' }],
        ['ActivityFindings', { activityId: 'a-1', page: { pageSize: 200 } }],
      ]);
    }
  });

  it('asks nothing for a role the screen refuses (it shows 403 without a refused request)', async () => {
    for (const role of [Role.ORGANIZER, Role.DISTRICT_BUREAU, Role.EVENT_DETACHMENT, Role.ADMIN, Role.AUDITOR]) {
      const { client, asked } = fakeClient();
      await preloadOnsiteFor(client, me(role), 'a-1');
      expect(asked()).toEqual([]);
    }
  });

  it('asks nothing while a step is left: a new password, an expired one, two-factor enrolment', async () => {
    for (const step of [{ mustChangePassword: true }, { passwordExpired: true }, { mustEnrolTotp: true }]) {
      const { client, asked } = fakeClient();
      await preloadOnsiteFor(client, me(Role.SECURITY_DETACHMENT, step), 'a-1');
      expect(asked()).toEqual([]);
    }
  });
});
