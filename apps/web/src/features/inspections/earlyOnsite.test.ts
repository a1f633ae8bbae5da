import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { Role } from '@evs/schema';
import { Observable, of } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeQuery } from '@/gql/graphql';
import { earlyLink, typePolicies } from '@/app/apollo';
import { takeEarlyAnswer } from '@/shared/earlyAnswers';
import { askForOnsiteEarly } from './earlyOnsite';
import { FindingsQuery, OnDutyRosterQuery, OnsiteActivityQuery } from './operations';

const me = (role: Role, steps: Partial<MeQuery['me']> = {}): Promise<MeQuery> =>
  Promise.resolve({ me: { id: 'u1', role, mustChangePassword: false, passwordExpired: false, mustEnrolTotp: false, ...steps } } as MeQuery);

const ROSTER = [{ __typename: 'OnDutyGuard', rosterEntryId: 'r1', guardId: 'g1', name: '张三', certificateNo: '辽盘保1', photoUrl: null, post: '东门', area: null, companyId: 'c1', companyName: '甲公司' }];

/** `fetch` as the early requests see it: each operation answered at once, the asked ones recorded. */
function fakeFetch(answer: (operationName: string) => unknown = () => ({})) {
  const asked: [string, unknown][] = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    const { operationName, variables } = JSON.parse(String(init.body));
    asked.push([operationName, variables]);
    return new Response(JSON.stringify({ data: answer(operationName) }), { headers: { 'content-type': 'application/json' } });
  }));
  return asked;
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const forget = (activityId: string) => {
  takeEarlyAnswer('OnsiteActivity', { id: activityId });
  takeEarlyAnswer('OnDutyRoster', { activityId });
  takeEarlyAnswer('ActivityFindings', { activityId, page: { pageSize: 200 } });
};

afterEach(() => vi.unstubAllGlobals());

describe('the on-site screen’s data asked for with fetch on the first load, before Apollo', () => {
  it('asks for its three queries once me answers, for each role the screen admits', async () => {
    for (const role of [Role.SECURITY_DETACHMENT, Role.COMPANY, Role.OFFICE, Role.LEADER]) {
      const asked = fakeFetch();
      askForOnsiteEarly('a-1', me(role));
      await settle();
      expect(asked).toEqual([
        ['OnsiteActivity', { id: 'a-1' }],
        ['OnDutyRoster', { activityId: 'a-1' }],
        ['ActivityFindings', { activityId: 'a-1', page: { pageSize: 200 } }],
      ]);
      forget('a-1');
    }
  });

  it('asks nothing for a role the screen refuses, with a step left, or without a session', async () => {
    const asked = fakeFetch();
    for (const role of [Role.ORGANIZER, Role.DISTRICT_BUREAU, Role.EVENT_DETACHMENT, Role.ADMIN, Role.AUDITOR]) askForOnsiteEarly('a-1', me(role));
    for (const step of [{ mustChangePassword: true }, { passwordExpired: true }, { mustEnrolTotp: true }]) askForOnsiteEarly('a-1', me(Role.SECURITY_DETACHMENT, step));
    askForOnsiteEarly('a-1', Promise.reject(new Error('UNAUTHENTICATED')));
    askForOnsiteEarly('a-1', undefined);
    await settle();
    expect(asked).toEqual([]);
  });

  it('Apollo takes the early answer once, for the same operation and variables; later asks go over the network', async () => {
    fakeFetch((name) => (name === 'OnDutyRoster' ? { onDutyRoster: ROSTER } : {}));
    askForOnsiteEarly('a-2', me(Role.SECURITY_DETACHMENT));
    await settle();
    const network = vi.fn(() => of({ data: { onDutyRoster: [] } }));
    const client = new ApolloClient({ link: ApolloLink.from([earlyLink, new ApolloLink(network)]), cache: new InMemoryCache({ typePolicies }) });
    const first = await client.query({ query: OnDutyRosterQuery, variables: { activityId: 'a-2' }, fetchPolicy: 'network-only' });
    expect(first.data?.onDutyRoster).toEqual(ROSTER);
    expect(network).not.toHaveBeenCalled();
    // another activity's roster was not asked early: over the network
    await client.query({ query: OnDutyRosterQuery, variables: { activityId: 'a-3' }, fetchPolicy: 'network-only' });
    expect(network).toHaveBeenCalledTimes(1);
    // the same again: the early answer was used up
    const again = await client.query({ query: OnDutyRosterQuery, variables: { activityId: 'a-2' }, fetchPolicy: 'network-only' });
    expect(again.data?.onDutyRoster).toEqual([]);
    expect(network).toHaveBeenCalledTimes(2);
    forget('a-2');
  });

  it('an early request that failed is asked again over the network, and its refusal reaches the screen from there', async () => {
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      const { operationName } = JSON.parse(String(init.body));
      if (operationName === 'OnsiteActivity') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ errors: [{ message: '无权查看该活动', extensions: { code: 'FORBIDDEN' } }] }), { headers: { 'content-type': 'application/json' } });
    }));
    askForOnsiteEarly('a-4', me(Role.COMPANY));
    await settle();
    const network = vi.fn(
      (operation: ApolloLink.Operation) =>
        new Observable<ApolloLink.Result>((o) => {
          o.next(operation.operationName === 'OnsiteActivity' ? { data: { activity: null } } : { errors: [{ message: '无权查看该活动', extensions: { code: 'FORBIDDEN' } }] });
          o.complete();
        }),
    );
    const client = new ApolloClient({ link: ApolloLink.from([earlyLink, new ApolloLink(network)]), cache: new InMemoryCache({ typePolicies }) });
    const activity = await client.query({ query: OnsiteActivityQuery, variables: { id: 'a-4' }, fetchPolicy: 'network-only' });
    expect(activity.data?.activity).toBeNull();
    await expect(client.query({ query: FindingsQuery, variables: { activityId: 'a-4', page: { pageSize: 200 } }, fetchPolicy: 'network-only' })).rejects.toThrow('无权查看该活动');
    expect(network.mock.calls.map(([o]) => o.operationName)).toEqual(['OnsiteActivity', 'ActivityFindings']);
    forget('a-4');
  });
});
