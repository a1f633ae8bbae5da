import { createTestApp, expectData, TestApp } from '../../../test/harness';

const LIST = /* GraphQL */ `
  query ($unreadOnly: Boolean!) {
    notifications(unreadOnly: $unreadOnly) { total items { id title readAt } }
    unreadNotificationCount
  }
`;
const MARK = /* GraphQL */ `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

describe('notifications', () => {
  let t: TestApp;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp();
    // Start from empty inboxes (the demo data has its own 通报), then two messages for
    // 保安管理支队 and two for 领导小组办公室.
    await t.sql(`DELETE FROM notifications`);
    for (const username of ['baoan', 'office']) {
      const [user] = await t.sql(`SELECT unit_id FROM users WHERE username = $1`, [username]);
      const rows = await t.sql(
        `INSERT INTO notifications (unit_id, title, body) VALUES ($1, '通报一', '正文'), ($1, '通报二', '正文') RETURNING id`,
        [user.unit_id],
      );
      ids[username] = rows.map((r: { id: string }) => r.id);
    }
  });
  afterAll(() => t?.close());

  const unread = async (username: string) =>
    (await t.sql(
      `SELECT n.id FROM notifications n JOIN users u ON u.unit_id = n.unit_id
        WHERE u.username = $1 AND n.read_at IS NULL ORDER BY n.id`,
      [username],
    )).map((r: { id: string }) => r.id);

  it("lists only the own unit's messages", async () => {
    const baoan = await t.login('baoan');
    const data = expectData(await baoan.gql(LIST, { unreadOnly: false }));
    expect(data.notifications.items.map((n: { id: string }) => n.id).sort()).toEqual([...ids.baoan].sort());
    expect(data.unreadNotificationCount).toBe(2);
    const organizer = await t.login('organizer1');
    expect(expectData(await organizer.gql(LIST, { unreadOnly: false })).notifications.total).toBe(0);
  });

  it('pages through notices sent in one transaction (same created_at) showing each exactly once', async () => {
    const [{ unit_id: unitId }] = await t.sql(`SELECT unit_id FROM users WHERE username = 'organizer2'`);
    // one statement: one now() for all seven, as a reminder run's notices
    const sent: string[] = (await t.sql(
      `INSERT INTO notifications (unit_id, title, body) SELECT $1, '逾期提醒' || n, '正文' FROM generate_series(1, 7) n RETURNING id`,
      [unitId],
    )).map((r: { id: string }) => r.id);
    const organizer = await t.login('organizer2');
    for (const pageSize of [1, 2, 3]) {
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(7 / pageSize); page++) {
        const data = expectData(await organizer.gql(
          `query ($page: PageInput) { notifications(unreadOnly: false, page: $page) { total items { id } } }`,
          { page: { page, pageSize } },
        ));
        expect(data.notifications.total).toBe(7);
        seen.push(...data.notifications.items.map((n: { id: string }) => n.id));
      }
      expect(seen).toHaveLength(7);
      expect([...seen].sort()).toEqual([...sent].sort());
    }
    await t.sql(`DELETE FROM notifications WHERE unit_id = $1`, [unitId]);
  });

  it("markNotificationsRead with another unit's ids touches only the own unit", async () => {
    const baoan = await t.login('baoan');
    const result = await baoan.gql(MARK, { ids: [ids.baoan[0], ...ids.office] });
    expect(expectData(result).markNotificationsRead).toBe(1);
    expect(await unread('baoan')).toEqual([ids.baoan[1]]);
    expect((await unread('office')).sort()).toEqual([...ids.office].sort());
  });

  it('markNotificationsRead without ids marks all of the own unit and none of others', async () => {
    const baoan = await t.login('baoan');
    expect(expectData(await baoan.gql(MARK, { ids: [] })).markNotificationsRead).toBe(1);
    expect(await unread('baoan')).toEqual([]);
    expect(await unread('office')).toHaveLength(2);
    const data = expectData(await baoan.gql(LIST, { unreadOnly: true }));
    expect(data.notifications.total).toBe(0);
    expect(data.unreadNotificationCount).toBe(0);
  });

  it('markNotificationsRead writes an audit entry', async () => {
    const office = await t.login('office');
    expectData(await office.gql(MARK, { ids: [ids.office[0]] }));
    const [entry] = await t.sql(
      `SELECT actor_role, entity_type, entity_id FROM audit_log WHERE entity_type = 'Notification' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ actor_role: 'OFFICE', entity_type: 'Notification', entity_id: ids.office[0] });
  });

  it('stamps a notice with the server’s clock, whoever sends it (code review C7): a company’s status change under a moved clock', async () => {
    const baoan = await t.login('baoan');
    const [company] = await t.sql(`SELECT id FROM companies WHERE status = 'ACTIVE' ORDER BY name LIMIT 1`);
    const at = new Date('2031-03-01T09:30:00+08:00');
    t.clock.set(at);
    try {
      const STATUS = `mutation ($id: ID!, $status: CompanyStatus!, $reason: String!) { setCompanyStatus(id: $id, status: $status, reason: $reason) { id } }`;
      expectData(await baoan.gql(STATUS, { id: company.id, status: 'SUSPENDED', reason: '整改期间暂停' }));
      const notices = await t.sql(`SELECT created_at FROM notifications WHERE unit_id = $1 AND title LIKE '本公司状态变更%'`, [company.id]);
      expect(notices.map((n: { created_at: Date }) => new Date(n.created_at).getTime())).toEqual([at.getTime()]);
      expectData(await baoan.gql(STATUS, { id: company.id, status: 'ACTIVE', reason: '整改完成' }));
    } finally {
      t.clock.reset();
    }
  });
});
