import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { cleanup, configure, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { Observable } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '@/shared/session';
import { renderRoute } from '@/test/renderRoute';
import CompanyDetailPage from './CompanyDetailPage';

configure({ asyncUtilTimeout: 10_000 });

/**
 * A self-recruiting organizer's own guard register, as 保安管理支队 opens it from a guard's record: the
 * server answers null for what only a 保安服务公司 has (licence, capital, credit code, performance), and
 * the page shows no made-up figure in its place, and offers none of the company register's actions.
 */

type Me = ComponentProps<typeof SessionProvider>['me'];
const BAOAN = {
  __typename: 'Me',
  id: 'U-SD',
  username: 'baoan',
  displayName: '保安管理支队民警',
  role: 'SECURITY_DETACHMENT',
  mustChangePassword: false,
  passwordExpired: false,
  totpEnabled: true,
  mustEnrolTotp: false,
  keepsGuardRegister: false,
  unit: { __typename: 'Unit', id: 'unit-sd', name: '盘锦市公安局保安管理支队', kind: 'SECURITY_DETACHMENT', district: null },
} as Me;

const PERFORMANCE = {
  __typename: 'CompanyPerformance',
  dutyGuards: 40,
  findings: 2,
  findingsCorrected: 2,
  openSeriousFindings: 0,
  findingsPer100: 5,
  correctionRate: 1,
  vettingDecided: 40,
  vettingFailed: 1,
  vettingFailureRate: 0.025,
  closedActivities: 3,
  averageRating: 4.5,
  score: 88.2,
  hasHistory: true,
};

const company = (ownRegister: boolean) => ({
  __typename: 'Company',
  id: 'C1',
  name: ownRegister ? '盘锦红海滩文化旅游发展有限公司' : '盘锦辽河保安服务有限公司',
  selfRecruitedRegister: ownRegister,
  creditCode: ownRegister ? null : '91211100MA0TEST01X',
  licenseNo: ownRegister ? null : '辽公保服200101号',
  licenseExpiry: ownRegister ? null : '2028-12-31',
  licenseValid: ownRegister ? null : true,
  licenseDaysLeft: ownRegister ? null : 900,
  registeredCapital: ownRegister ? null : 2_000_000,
  address: ownRegister ? '' : '兴隆台区石油大街1号',
  district: 'XINGLONGTAI',
  contactName: '张主任',
  contactPhone: '13904270000',
  status: 'ACTIVE',
  statusReason: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  guardsOnRegister: 3,
  guardsWithValidCertificate: 2,
  guardsWithValidVetting: 1,
  activitiesServed: ownRegister ? null : 3,
  findingsRate: ownRegister ? null : 5,
  performanceScore: ownRegister ? null : 88.2,
  ageProfile: { __typename: 'AgeProfile', under30: 1, from30to39: 1, from40to49: 1, from50to55: 0, over55: 0, averageAge: 35 },
  performance: ownRegister ? null : PERFORMANCE,
});

function server(ownRegister: boolean) {
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (operation.operationName === 'CompanyDetail') observer.next({ data: { company: company(ownRegister) } });
        else observer.next({ errors: [{ message: `unexpected ${operation.operationName}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        observer.complete();
      }),
  );
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

afterEach(cleanup);

describe('CompanyDetailPage: a self-recruiting organizer’s own register', { timeout: 30_000 }, () => {
  it('shows its guards’ figures and no licence, capital, credit code or performance; offers no company action', async () => {
    renderRoute(server(true), BAOAN, { path: '/companies/:id', element: <CompanyDetailPage />, entry: '/companies/C1' });
    expect(await screen.findByText('在册保安员')).toBeTruthy();
    expect(screen.getAllByText('自招保安单位名册').length).toBeGreaterThan(0);
    for (const gone of ['统一社会信用代码', '保安服务许可证', '许可证有效期至', '注册资本', '已服务活动', '每百人问题数', '表现得分', '以往表现']) {
      expect(screen.queryByText(gone)).toBeNull();
    }
    expect(screen.queryByText(/9999/)).toBeNull();
    expect(screen.queryByRole('button', { name: '修改登记信息' })).toBeNull();
    expect(screen.queryByRole('button', { name: '暂停/吊销' })).toBeNull();
    expect(screen.queryByRole('tab', { name: '账号' })).toBeNull();
  });

  it('a 保安服务公司 keeps its register entry, figures and the detachment’s actions', async () => {
    renderRoute(server(false), BAOAN, { path: '/companies/:id', element: <CompanyDetailPage />, entry: '/companies/C1' });
    expect(await screen.findByText('表现得分')).toBeTruthy();
    expect(screen.getByText('91211100MA0TEST01X')).toBeTruthy();
    expect(screen.getByText('2028-12-31')).toBeTruthy();
    expect(screen.getByText('以往表现')).toBeTruthy();
    expect(screen.queryByText('自招保安单位名册')).toBeNull();
    expect(screen.getByRole('button', { name: '修改登记信息' })).toBeTruthy();
  });
});
