import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { renderRoute } from '@/test/renderRoute';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '@/shared/session';
import RecommendPage from './RecommendPage';

configure({ asyncUtilTimeout: 5_000 });

type Me = ComponentProps<typeof SessionProvider>['me'];
const me = (role: string, unit: string): Me =>
  ({
    __typename: 'Me',
    id: `U-${role}`,
    username: role.toLowerCase(),
    displayName: unit,
    role,
    mustChangePassword: false,
    passwordExpired: false,
    totpEnabled: true,
    mustEnrolTotp: false,
    unit: { __typename: 'Unit', id: `unit-${role}`, name: unit, kind: 'LEADING_GROUP', district: null },
  }) as Me;

const company = (n: number) => ({
  __typename: 'CandidateSuggestion',
  companyId: `C${n}`,
  companyName: `盘锦第${n}保安服务有限公司`,
  district: 'XINGLONGTAI',
  status: 'ACTIVE',
  licenseExpiry: '2028-12-31',
  qualified: true,
  rank: n,
  score: 90 - n,
  guardsOnRegister: 80,
  eligibleGuards: 60,
  guardsNeeded: 36,
  averageAge: 35,
  youngShare: 0.4,
  activitiesServed: 5,
  similarActivities: 2,
  recommended: false,
  parts: [],
  exclusions: [],
});

/** 2026-0005, 已批示 (APPROVED): the state in which 保安管理支队 recommends. */
const SUGGESTIONS = {
  activity: {
    __typename: 'Activity',
    id: 'A5',
    code: '2026-0005',
    name: '盘锦红海滩马拉松',
    status: 'APPROVED',
    district: 'XINGLONGTAI',
    venue: '红海滩风景区',
    startsAt: '2026-12-20T01:00:00.000Z',
    endsAt: '2026-12-20T06:00:00.000Z',
    guardsRequired: 30,
    expectedAttendance: 5000,
    securityMode: 'COMPANY',
    recommendationJustification: null,
  },
  candidateSuggestions: {
    __typename: 'CandidateSuggestions',
    activityId: 'A5',
    companyCount: 4,
    total: 4,
    recommendedCompanyIds: [],
    guardsRequired: 30,
    guardsNeeded: 36,
    capacityMargin: 0.2,
    minAge: 18,
    maxAge: 55,
    reuseWindowDays: 180,
    qualifiedCount: 4,
    weights: [{ __typename: 'ScoreWeight', key: 'capacity', label: '可用人数', weight: 40, share: 0.4, rule: '可用保安员越多越好' }],
    items: [1, 2, 3, 4].map(company),
  },
};

function renderAs(user: Me) {
  const link = new ApolloLink(
    () =>
      new Observable((observer) => {
        observer.next({ data: SUGGESTIONS });
        observer.complete();
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  renderRoute(client, user, { path: '/candidates/:id', element: <RecommendPage />, entry: '/candidates/A5' });
}

afterEach(cleanup);

describe('推荐候选 by role (review 8 C-F3)', () => {
  it.each([
    ['LEADER', '领导小组'],
    ['OFFICE', '领导小组办公室'],
  ])('%s reads the ranking of an 已批示 activity: no checkboxes, no 推荐候选 button', async (role, unit) => {
    renderAs(me(role, unit));
    expect(await screen.findByText('推荐候选由保安管理支队办理，推荐结果仅供查看')).toBeTruthy();
    expect(screen.getByText('盘锦第1保安服务有限公司')).toBeTruthy();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /推荐候选/ })).toBeNull();
  });

  it('保安管理支队 picks candidates and recommends them', async () => {
    renderAs(me('SECURITY_DETACHMENT', '保安管理支队'));
    expect(await screen.findByRole('button', { name: /推荐候选（3 家）/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '盘锦第1保安服务有限公司' })).toBeTruthy();
    expect(screen.queryByText(/推荐结果仅供查看/)).toBeNull();
  });
});
