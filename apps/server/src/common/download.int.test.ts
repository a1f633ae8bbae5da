import { createTestApp, expectErrorCode, TestApp, TestClient } from '../../test/harness';
import { ensureCompany, makeActivity, unitOf } from '../../test/vetting-fixtures';
import { downloadRoutes } from '../downloads';
import { SESSION_COOKIE } from '../modules/auth/auth.service';

/**
 * Every download goes through one adapter (common/download.ts): these tests walk every registered
 * route, so a new one is covered as it is added.
 */
describe('downloads: one adapter, the same statuses on every route', () => {
  let t: TestApp;
  let urls: { route: string; url: string }[];
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await ensureCompany(t, await unitOf(t, 'company1'));
    // An activity company1 has no part in: a record the company may not read.
    activityId = await makeActivity(t, { status: 'VETTING' });
    urls = downloadRoutes(t.services).map((r) => ({
      route: r.get,
      url: r.get.replace(':file', `${activityId}.xlsx`).replace(/:\w+/g, activityId),
    }));
  });
  afterAll(() => t?.close());

  const fetchAs = (url: string, client?: TestClient, token?: string) => {
    const cookie = token ?? client?.cookie(SESSION_COOKIE);
    return fetch(`${t.url}${url}`, cookie ? { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } } : {});
  };
  const answer = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; message: string } }).error });

  it('lists every download route the server serves, each under /exports, /photos or /templates', () => {
    expect(urls.map((u) => u.route).sort()).toEqual([
      '/exports/overview.xlsx',
      '/exports/timeline/:activityId.xlsx',
      '/exports/training/:sessionId.xlsx',
      '/exports/vetting/:file',
      '/photos/findings/:findingId',
      '/photos/roster/:rosterEntryId',
      '/templates/companies.xlsx',
      '/templates/guards.xlsx',
      '/templates/records.xlsx',
    ]);
  });

  it('answers 401 UNAUTHENTICATED on every route without a session or with an ended one', async () => {
    for (const { url } of urls) {
      for (const token of [undefined, 'not-a-session-token']) {
        expect({ url, ...(await answer(await fetchAs(url, undefined, token))) }).toEqual({ url, status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
      }
    }
  });

  it('answers 403 on every route while the password must change, with the message GraphQL gives', async () => {
    const client = await t.login('company2');
    await t.sql(`UPDATE users SET must_change_password = true WHERE username = 'company2'`);
    const graphql = expectErrorCode(await client.gql(`{ guards { total } }`), 'FORBIDDEN');
    for (const { url } of urls) {
      expect({ url, ...(await answer(await fetchAs(url, client))) }).toEqual({ url, status: 403, code: 'FORBIDDEN', message: graphql.message });
    }
  });

  it('refuses a company the same way on every route: 403 for a role its policy refuses, 404 for a record it may not read', async () => {
    const company = await t.login('company1');
    const edge = expectErrorCode(await company.gql(`{ overview(range: { from: "2026-01-01", to: "2026-12-31" }) { from } }`), 'FORBIDDEN');
    const expected: Record<string, { status: number; code?: string; message?: string }> = {
      '/templates/guards.xlsx': { status: 200 },
      '/templates/companies.xlsx': { status: 403, code: 'FORBIDDEN', message: edge.message },
      '/templates/records.xlsx': { status: 403, code: 'FORBIDDEN', message: edge.message },
      '/exports/overview.xlsx': { status: 403, code: 'FORBIDDEN', message: '无权导出总览' },
      '/exports/vetting/:file': { status: 404, code: 'NOT_FOUND', message: '活动不存在或无权查看' },
      '/exports/timeline/:activityId.xlsx': { status: 404, code: 'NOT_FOUND' },
      '/exports/training/:sessionId.xlsx': { status: 404, code: 'NOT_FOUND' },
      '/photos/roster/:rosterEntryId': { status: 404, code: 'NOT_FOUND', message: '照片不存在或无权查看' },
      '/photos/findings/:findingId': { status: 404, code: 'NOT_FOUND', message: '照片不存在或无权查看' },
    };
    for (const { route, url } of urls) {
      const res = await fetchAs(url, company);
      const got = res.status === 200 ? { status: 200 } : await answer(res);
      expect({ route, ...got }).toMatchObject({ route, ...expected[route] });
    }
  });

  it('sends a file with its type, a UTF-8 filename (RFC 5987) and no caching', async () => {
    const baoan = await t.login('baoan');
    const res = await fetchAs('/templates/companies.xlsx', baoan);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1])).toBe('保安服务公司名册导入模板.xlsx');
  });
});
