import { createTestApp, expectData, expectErrorCode, TestApp } from '../../test/harness';

/** The rows one request may ask for across its paged lists (review 8-A F3: 15 aliases × 500 guards). */
describe('the rows a request may ask for', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('refuses aliases and nesting past 1,000 rows, literal or through variables and fragments, with a Chinese message; the web’s 500 passes', async () => {
    const baoan = await t.login('baoan');
    const aliases = Array.from({ length: 3 }, (_, i) => `g${i}: guards(page: { pageSize: 500 }) { total items { id } }`).join(' ');
    const refused = expectErrorCode(await baoan.gql(`{ ${aliases} }`), 'BAD_USER_INPUT');
    expect(refused.message).toBe('一次请求读取的记录过多（按每页条数合计1500条，上限1000条），请减少每页条数或分次查询');
    const viaVariables = expectErrorCode(
      await baoan.gql(`query ($p: PageInput) { a: guards(page: $p) { ...G } b: guards(page: $p) { ...G } c: guards(page: $p) { ...G } } fragment G on GuardPage { items { id } }`, {
        p: { pageSize: 334 },
      }),
      'BAD_USER_INPUT',
    );
    expect(viaVariables.message).toContain('1002条');
    // a variable's default counts as sent (code review 8 F2)
    const byDefault = expectErrorCode(
      await baoan.gql(`query ($p: PageInput = { pageSize: 500 }) { a: guards(page: $p) { total } b: guards(page: $p) { total } c: guards(page: $p) { total } }`),
      'BAD_USER_INPUT',
    );
    expect(byDefault.message).toContain('1500条');
    // one list over its own limit: its validator names the field
    const one = expectErrorCode(await baoan.gql(`{ guards(page: { pageSize: 10000 }) { total } }`), 'BAD_USER_INPUT');
    expect(one.extensions?.fields?.map((f) => f.field)).toContain('pageSize');
    expect(expectData(await baoan.gql(`{ guards(page: { pageSize: 500 }) { items { id } } }`)).guards.items.length).toBeGreaterThan(0);
  });

  it('refuses a search text over 50 characters on every list that searches, naming the field; 50 pass (review 8-A F4)', async () => {
    const long = '王'.repeat(51);
    const fine = '王'.repeat(50);
    const reads: [string, string, string][] = [
      ['company1', `query ($s: String) { guards(filter: { search: $s }) { total } }`, 'guards'],
      ['office', `query ($s: String) { units(search: $s) { id } }`, 'units'],
      ['baoan', `query ($s: String) { activities(filter: { search: $s }) { total } }`, 'activities'],
      ['baoan', `query ($s: String) { companies(filter: { search: $s }) { total } }`, 'companies'],
      ['auditor', `query ($s: String) { auditLog(filter: { search: $s }) { total } }`, 'auditLog'],
    ];
    for (const [user, query, field] of reads) {
      const client = await t.login(user);
      const refused = expectErrorCode(await client.gql(query, { s: long }), 'BAD_USER_INPUT');
      expect(refused.extensions?.fields).toEqual([{ field: 'search', message: '搜索内容不能超过50个字符' }]);
      expect(expectData(await client.gql(query, { s: fine }))[field]).toBeDefined();
    }
  });
});
