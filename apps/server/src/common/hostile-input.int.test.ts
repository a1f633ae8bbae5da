import { randomUUID } from 'node:crypto';
import { createTestApp, expectErrorCode, GqlResult, TestApp, TestClient, expectData } from '../../test/harness';
import { QUERY_LIMITS } from '../app';

/**
 * What an attacker (or a broken client) sends gets a Chinese answer naming the field, never a stack
 * trace, a file path or graphql-js's English, and never a 500.
 */

const CHINESE = /[\u4e00-\u9fff]/;
/** Traces, absolute paths and the English of graphql-js, Apollo Server, Express or PostgreSQL. */
const LEAKS = /(\/work\/|\/home\/|\/usr\/|node_modules|\bat \S+ \(|\.ts:\d+|\.js:\d+|Error:|Cannot |cannot |Expected |Variable "|Did you mean|is not defined|invalid input syntax|Syntax Error|<html|<pre>|Unexpected token)/;

function expectClean(text: string): void {
  expect(text).toMatch(CHINESE);
  expect(text).not.toMatch(LEAKS);
}

function expectCleanError(result: GqlResult, code: string, field?: string) {
  const error = expectErrorCode(result, code);
  expectClean(JSON.stringify(result.errors));
  if (field) expect(error.extensions?.fields?.map((f) => f.field)).toContain(field);
  return error;
}

async function post(t: TestApp, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('hostile input', () => {
  let t: TestApp;
  let baoan: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
  });
  afterAll(() => t?.close());

  it('answers a malformed JSON body with a Chinese JSON error, not an HTML stack trace', async () => {
    const r = await post(t, '{"query": "{ me { id } }", ');
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/application\/json/);
    expectClean(r.text);
    expect(JSON.parse(r.text).errors[0].message).toBe('请求体不是有效的 JSON');
  });

  it('answers an oversized body with 413 in Chinese', async () => {
    const r = await post(t, JSON.stringify({ query: '{ me { id } }', variables: { x: 'a'.repeat(22 * 1024 * 1024) } }));
    expect(r.status).toBe(413);
    expectClean(r.text);
    expect(JSON.parse(r.text).errors[0].message).toMatch(/请求体过大/);
  });

  it('answers an unknown route and a non-JSON GraphQL request in Chinese', async () => {
    const notFound = await fetch(`${t.url}/no/such/route`, { method: 'POST' });
    expect(notFound.status).toBe(404);
    expectClean(await notFound.text());
    const malformed = await fetch(`${t.url}/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expectClean(await malformed.text());
    const form = await post(t, 'query={ me { id } }', { 'content-type': 'text/plain' });
    expect(form.status).toBe(400);
    expectClean(form.text);
  });

  it('refuses a NUL character in text, naming the field', async () => {
    const r = await baoan.gql(`query ($s: String) { guards(filter: { search: $s }) { total } }`, { s: 'a\u0000b' });
    expectCleanError(r, 'BAD_USER_INPUT', 'filter.search');
  });

  it('refuses an id that is not a UUID, naming the argument, instead of an internal error', async () => {
    expectCleanError(await baoan.gql(`{ activity(id: "1 OR 1=1") { id } }`), 'BAD_USER_INPUT', 'id');
    expectCleanError(
      await baoan.gql(`query ($ids: [ID!]!) { rosterPrecheck(activityId: "00000000-0000-0000-0000-000000000000", guardIds: $ids) { guardId } }`, { ids: ['x'] }),
      'BAD_USER_INPUT',
      'guardIds.0',
    );
  });

  it('refuses a wrong enum value, in a variable and in the document', async () => {
    const v = expectCleanError(await baoan.gql(`query ($s: [ActivityStatus!]) { activities(filter: { status: $s }) { total } }`, { s: ['NOPE'] }), 'BAD_USER_INPUT', 's.0');
    expect(v.message).toContain('活动状态');
    const d = expectCleanError(await baoan.gql(`{ activities(filter: { status: [NOPE] }) { total } }`), 'GRAPHQL_VALIDATION_FAILED', 'filter.status');
    expect(d.message).toContain('活动状态');
  });

  it('refuses an Int overflow, in a variable and in the document, naming the field', async () => {
    expectCleanError(await baoan.gql(`query ($p: PageInput) { activities(page: $p) { total } }`, { p: { page: 3_000_000_000 } }), 'BAD_USER_INPUT', 'p.page');
    expectCleanError(await baoan.gql(`{ activities(page: { page: 3000000000 }) { total } }`), 'GRAPHQL_VALIDATION_FAILED', 'page.page');
  });

  it('names a refused number by its Chinese label, not only by the client’s variable path', async () => {
    const r = await baoan.gql(`query ($p: PageInput) { activities(page: $p) { total } }`, { p: { page: 1.5 } });
    expectCleanError(r, 'BAD_USER_INPUT', 'p.page');
    expect(r.errors![0].message).toBe('输入有误：页码应为整数');
    const dash = await (await t.login('dahuo')).gql(`mutation ($i: ActivityInput!) { createActivity(input: $i) { id } }`, { i: { expectedAttendance: 2.5 } });
    expect(dash.errors!.map((e) => e.message)).toContain('输入有误：预计每场人数应为整数');
  });

  it('refuses a bad DateTime and an unknown input field', async () => {
    expectCleanError(await baoan.gql(`query ($f: ActivityFilterInput) { activities(filter: $f) { total } }`, { f: { from: 'tomorrow' } }), 'BAD_USER_INPUT', 'f.from');
    expectCleanError(await baoan.gql(`query ($f: ActivityFilterInput) { activities(filter: $f) { total } }`, { f: { colour: 'red' } }), 'BAD_USER_INPUT', 'f');
  });

  it('answers parse and validation errors in Chinese without suggesting field names', async () => {
    const syntax = await baoan.gql(`{ me { id `);
    expectClean(JSON.stringify(syntax.errors));
    expect(syntax.errors?.[0].message).toMatch(/^GraphQL 语法错误/);
    // The client's fault: 400, never a 5xx (which monitoring reads as the server failing).
    expect(syntax.status).toBe(400);
    const aliases = await baoan.gql(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: me { id }`).join(' ')} }`);
    expect(aliases.status).toBe(400);
    // Over the token limit (no aliases: the parser's own limit), refused before anything runs.
    const tokens = await baoan.gql(`{ me { ${Array.from({ length: 2100 }, () => 'id').join(' ')} } }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0].message).toMatch(/查询过长（超过2000个记号）/);
    const unknown = expectCleanError(await baoan.gql(`{ me { passwordHash } }`), 'GRAPHQL_VALIDATION_FAILED', 'passwordHash');
    expect(unknown.message).not.toMatch(/username|displayName/);
  });

  it(`refuses more than ${QUERY_LIMITS.maxAliases} aliases, or 1,000 of an expensive field, before running anything`, async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ');
    const some = await baoan.gql(`{ ${aliases(QUERY_LIMITS.maxAliases + 1)} }`);
    expect(some.data ?? null).toBeNull();
    expectClean(JSON.stringify(some.errors));
    expect(some.errors?.[0].message).toMatch(/别名/);
    const suggestions = Array.from({ length: 1000 }, (_, i) => `s${i}: candidateSuggestions(activityId: "00000000-0000-0000-0000-000000000000") { items { companyId } }`).join(' ');
    const many = await baoan.gql(`{ ${suggestions} }`);
    expect(many.data ?? null).toBeNull();
    expectClean(JSON.stringify(many.errors));
  });

  it('refuses a document nested deeper than the limit', async () => {
    let selection = 'id';
    for (let i = 0; i < QUERY_LIMITS.maxDepth + 2; i++) selection = `activity { ${selection} }`;
    const r = await baoan.gql(`{ rosterEntries(activityId: "00000000-0000-0000-0000-000000000000") { items { ${selection} } } }`);
    expectClean(JSON.stringify(r.errors));
    expect(r.errors?.[0].message).toMatch(/嵌套|没有字段/);
  });

  it('keeps introspection and the Apollo Sandbox closed', async () => {
    const r = await t.anonymous().gql(`{ __schema { types { name } } }`);
    expectCleanError(r, 'GRAPHQL_VALIDATION_FAILED');
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await page.text();
    expect(text).not.toMatch(/sandbox|apollo/i);
    expectClean(text);
  });

  it('refuses text of nothing but invisible characters, in arguments and inputs alike, storing nothing', async () => {
    const company = await t.login('company1');
    const row = async () =>
      (await t.sql(`SELECT address, contact_name, version FROM companies WHERE id = (SELECT unit_id FROM users WHERE username = 'company1')`))[0];
    const before = await row();
    const profile = await company.gql(`mutation ($input: CompanyProfileInput!) { updateCompanyProfile(input: $input) { id } }`, {
      input: { address: '\u200b', contactName: '\u200b\u2060', contactPhone: '13900000000' },
    });
    // named as the form knows the field, in the glossary's words (review 6 C-F4)
    const refused = expectCleanError(profile, 'BAD_USER_INPUT', 'address');
    expect(refused.extensions?.fields).toEqual([
      { field: 'address', message: '地址只有零宽字符等不可见字符，请填写内容' },
      { field: 'contactName', message: '联系人只有零宽字符等不可见字符，请填写内容' },
    ]);
    expect(refused.message).not.toContain('input.');
    expect(await row()).toEqual(before);
    const [activity] = await t.sql(`SELECT id FROM activities WHERE status = 'DRAFT' LIMIT 1`);
    expectCleanError(await baoan.gql(`mutation ($id: ID!) { cancelActivity(id: $id, reason: "\u200b\ufeff") { id } }`, { id: activity.id }), 'BAD_USER_INPUT', 'reason');
    const [{ status }] = await t.sql(`SELECT status FROM activities WHERE id = $1`, [activity.id]);
    expect(status).toBe('DRAFT');
  });

  it('refuses half a surrogate pair and direction overrides in any text, and invisible format characters inside a name, naming the field; nothing stored, nothing rewritten (review 6 C-F1, C-F3)', async () => {
    const company = await t.login('company1');
    const row = async () =>
      (await t.sql(`SELECT address, contact_name, version FROM companies WHERE id = (SELECT unit_id FROM users WHERE username = 'company1')`))[0];
    const before = await row();
    const PROFILE = `mutation ($input: CompanyProfileInput!) { updateCompanyProfile(input: $input) { id } }`;
    for (const [address, message] of [
      ['盘锦\ud83d', '地址含有无效字符（不完整的代理项，多为复制粘贴时截断），请重新输入'],
      ['盘锦市\udfff测试路', '地址含有无效字符（不完整的代理项，多为复制粘贴时截断），请重新输入'],
      ['盘锦市\u202e路街油石\u202c', '地址含有改变文字显示方向的控制字符（如U+202E），显示的文字与实际不符，请删除后重新输入'],
      ['盘锦市\u2066石油大街', '地址含有改变文字显示方向的控制字符（如U+202E），显示的文字与实际不符，请删除后重新输入'],
      ['盘锦市石油\u200b大街1号', '住所含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入'],
      ['盘锦市石\u00ad油大街1号', '住所含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入'],
    ]) {
      const refused = expectCleanError(await company.gql(PROFILE, { input: { address, contactName: '张经理', contactPhone: '13900000000' } }), 'BAD_USER_INPUT', 'address');
      expect(refused.extensions?.fields).toEqual([{ field: 'address', message }]);
    }
    expect(await row()).toEqual(before);

    // an activity's name: the same (the surrogate was "输入格式不正确（如编号应为 UUID）" with no field)
    const [draft] = await t.sql(`SELECT id FROM activities WHERE status = 'DRAFT' LIMIT 1`);
    const surrogate = await baoan.gql(`mutation ($id: ID!, $r: String!) { cancelActivity(id: $id, reason: $r) { id } }`, { id: draft.id, r: '场地\ud800' });
    expect(expectCleanError(surrogate, 'BAD_USER_INPUT', 'reason').message).toContain('不完整的代理项');
  });

  it('refuses a list longer than 10,000 items, naming the argument, instead of a database error; and marking nothing read audits nothing', async () => {
    const company = await t.login('company1');
    const ids = Array.from({ length: 70_000 }, () => randomUUID());
    const big = await company.gql(`mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids });
    expect(big.status).toBe(200);
    expectCleanError(big, 'BAD_USER_INPUT', 'ids');
    const audits = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Notification'`))[0].n;
    const before = await audits();
    expect(expectData(await company.gql(`mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: ids.slice(0, 100) })).markNotificationsRead).toBe(0);
    expect(await audits()).toBe(before);
  });

  it('matches % and _ in a search as typed, not as wildcards, in every list that searches', async () => {
    const office = await t.login('office');
    const admin = await t.login('admin');
    const auditor = await t.login('auditor');
    const lists: [TestClient, string][] = [
      [baoan, `query ($s: String) { activities(filter: { search: $s }) { total } }`],
      [baoan, `query ($s: String) { guards(filter: { search: $s }) { total } }`],
      [baoan, `query ($s: String) { companies(filter: { search: $s }) { total } }`],
      [office, `query ($s: String) { auditLog(filter: { search: $s }) { total } }`],
      [auditor, `query ($s: String) { auditLog(filter: { search: $s }) { total } }`],
      [admin, `query ($s: String) { users(search: $s) { total } }`],
    ];
    for (const [client, query] of lists) {
      for (const s of ['%', '%_', '_%']) { // (no name holds these; a lone _ would match real usernames as typed)
        const data = expectData(await client.gql(query, { s })) as Record<string, { total: number }>;
        expect({ query, s, total: Object.values(data)[0].total }).toEqual({ query, s, total: 0 });
      }
      expect(expectData(await admin.gql(`query ($s: String) { units(search: $s) { id } }`, { s: '%' })).units).toEqual([]);
    }
  });
});
