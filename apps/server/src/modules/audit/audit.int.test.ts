import { createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';

const AUDIT_LOG = /* GraphQL */ `
  query ($filter: AuditFilterInput, $page: PageInput) {
    auditLog(filter: $filter, page: $page) {
      total page pageSize
      items { id at actorName actorRole action entityType entityId summary before after }
    }
  }
`;

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it.each([
    ['OFFICE', 'office'],
    ['SECURITY_DETACHMENT', 'baoan'],
  ])('is visible to %s (%s)', async (_role, username) => {
    const client = await t.login(username);
    const { auditLog } = expectData(await client.gql(AUDIT_LOG));
    expect(auditLog.total).toBeGreaterThan(0);
    expect(auditLog.items.length).toBeGreaterThan(0);
  });

  it.each([
    ['LEADER', 'leader'],
    ['DISTRICT_BUREAU', 'panshan'],
    ['ORGANIZER', 'organizer1'],
    ['EVENT_DETACHMENT', 'dahuo'],
    ['ADMIN', 'admin'],
  ])('is FORBIDDEN for %s (%s)', async (_role, username) => {
    const client = await t.login(username);
    const result = await client.gql(AUDIT_LOG);
    expectErrorCode(result, 'FORBIDDEN');
    expect(result.data).toBeNull();
  });

  it('gets an entry for every login: who, which user record, which request', async () => {
    const [user] = await t.sql(`SELECT id FROM users WHERE username = 'shuangtaizi'`);
    const before = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [user.id]);
    await t.login('shuangtaizi');

    const office = await t.login('office');
    const { auditLog } = expectData(
      await office.gql(AUDIT_LOG, { filter: { action: 'LOGIN', entityType: 'User', entityId: user.id } }),
    );
    expect(auditLog.total).toBe(before[0].n + 1);
    expect(auditLog.items[0]).toMatchObject({
      action: 'LOGIN',
      actorRole: 'DISTRICT_BUREAU',
      entityType: 'User',
      entityId: user.id,
      summary: expect.stringContaining('登录'),
    });
    expect(auditLog.items[0].actorName).toContain('储良');
    const [row] = await t.sql(`SELECT request_id FROM audit_log WHERE id = $1`, [auditLog.items[0].id]);
    expect(row.request_id).toBeTruthy();
  });

  it('gets an entry for a logout', async () => {
    const client = await t.login('leader');
    expectData(await client.gql(`mutation { logout }`));
    const [row] = await t.sql(
      `SELECT a.action, a.actor_role FROM audit_log a JOIN users u ON u.id::text = a.entity_id
        WHERE u.username = 'leader' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(row).toEqual({ action: 'LOGOUT', actor_role: 'LEADER' });
  });

  it('filters by search text and pages the newest first', async () => {
    const baoan = await t.login('baoan');
    const { auditLog } = expectData(await baoan.gql(AUDIT_LOG, { filter: { search: '刘宝军' }, page: { page: 1, pageSize: 1 } }));
    expect(auditLog.pageSize).toBe(1);
    expect(auditLog.items).toHaveLength(1);
    expect(auditLog.total).toBeGreaterThanOrEqual(1);
    expect(auditLog.items[0].actorName).toContain('刘宝军');
    const [newest] = await t.sql(`SELECT max(id)::text AS id FROM audit_log WHERE actor_name ILIKE '%刘宝军%'`);
    expect(auditLog.items[0].id).toBe(newest.id);
  });

  it('rejects a page size over the limit with BAD_USER_INPUT naming the field', async () => {
    const office = await t.login('office');
    const error = expectErrorCode(await office.gql(AUDIT_LOG, { page: { page: 1, pageSize: 10_000 } }), 'BAD_USER_INPUT');
    expect(error.extensions?.fields?.map((f) => f.field)).toContain('pageSize');
  });
});
