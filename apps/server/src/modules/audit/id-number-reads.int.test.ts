import { createTestApp, expectData, statementsDuring, TestApp, TestClient } from '../../../test/harness';

/**
 * SPEC §1: every read of full detail is audited. A whole ID number (保安管理支队's copy) is such a
 * read: one READ_DETAIL entry per request that returned any (who, which operation, which records and
 * how many, never the numbers), whatever the number of rows; none for a masked copy or a query that
 * does not ask for the number.
 */
const FULL = /^\d{17}[\dX]$/;
const MASKED = /^\d{6}\*{8}[\dX]{4}$/;

interface AuditRow {
  action: string;
  actor_id: string | null;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  after: Record<string, unknown> | null;
}

describe('reads of whole ID numbers are audited once per request', () => {
  let t: TestApp;
  let baoan: TestClient;
  let baoanId: string;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    [{ id: baoanId }] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
    // The demo activity with the longest roster.
    [{ activity_id: activityId }] = await t.sql(
      `SELECT activity_id FROM roster_entries WHERE state = 'ACTIVE' GROUP BY activity_id ORDER BY count(*) DESC, activity_id LIMIT 1`,
    );
  });
  afterAll(() => t?.close());

  /** The audit entries written while `fn` runs (by id: `seq` is given later, when the chain is sealed). */
  async function entriesDuring(fn: () => Promise<unknown>): Promise<AuditRow[]> {
    const [{ last }] = await t.sql(`SELECT coalesce(max(id), 0)::text AS last FROM audit_log`);
    await fn();
    return t.sql(`SELECT action, actor_id, entity_type, entity_id, summary, after FROM audit_log WHERE id > $1 ORDER BY id`, [last]);
  }
  const reads = (rows: AuditRow[]) => rows.filter((r) => r.action === 'READ_DETAIL');

  it('guards: one entry for a page of 50 (one INSERT), naming the reader, the operation, the ids and their count, not the numbers', async () => {
    let items: { id: string; idNumber: string }[] = [];
    let statements: string[] = [];
    const written = await entriesDuring(async () => {
      statements = await statementsDuring(async () => {
        items = expectData(await baoan.gql(`query Register { guards(page: { pageSize: 50 }) { items { id idNumber } } }`)).guards.items;
      });
    });
    expect(items).toHaveLength(50);
    expect(items.every((g) => FULL.test(g.idNumber))).toBe(true);
    expect(reads(written)).toHaveLength(1);
    const [entry] = reads(written);
    expect(entry).toMatchObject({ actor_id: baoanId, entity_type: 'Guard', entity_id: null });
    expect(entry.summary).toBe('查阅50名人员的完整身份证号：Register（guards）');
    expect(entry.after).toEqual({ operation: 'Register', fields: ['guards'], count: 50, guardIds: items.map((g) => g.id) });
    const text = JSON.stringify(entry);
    for (const g of items) expect(text).not.toContain(g.idNumber);
    // One statement for the whole page, not one per row.
    expect(statements.filter((s) => /INSERT INTO "?audit_log"?/i.test(s))).toHaveLength(1);
  });

  it('guard(id): one entry naming the guard', async () => {
    const [{ id }] = await t.sql(`SELECT id FROM guards WHERE id_cipher IS NOT NULL ORDER BY id LIMIT 1`);
    let idNumber = '';
    const written = await entriesDuring(async () => {
      idNumber = expectData(await baoan.gql(`query ($id: ID!) { guard(id: $id) { idNumber } }`, { id })).guard.idNumber;
    });
    expect(idNumber).toMatch(FULL);
    expect(reads(written)).toEqual([
      expect.objectContaining({ actor_id: baoanId, entity_type: 'Guard', entity_id: id, after: { operation: null, fields: ['guard'], count: 1, guardIds: [id] } }),
    ]);
    expect(JSON.stringify(written)).not.toContain(idNumber);
  });

  it('rosterEntries: one entry naming the entries', async () => {
    let items: { id: string; idNumber: string }[] = [];
    const written = await entriesDuring(async () => {
      items = expectData(await baoan.gql(`query ($id: ID!) { rosterEntries(activityId: $id, page: { pageSize: 100 }) { items { id idNumber } } }`, { id: activityId }))
        .rosterEntries.items;
    });
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((e) => FULL.test(e.idNumber))).toBe(true);
    expect(reads(written)).toHaveLength(1);
    expect(reads(written)[0]).toMatchObject({
      actor_id: baoanId,
      entity_type: 'RosterEntry',
      entity_id: null,
      after: { count: items.length, rosterEntryIds: items.map((e) => e.id) },
    });
    for (const e of items) expect(JSON.stringify(written)).not.toContain(e.idNumber);
  });

  it('one entry for a whole request, whichever fields show the numbers (aliases, the notice, the drill-down)', async () => {
    const written = await entriesDuring(async () => {
      expectData(
        await baoan.gql(
          `query ($id: ID!) {
             a: guards(page: { pageSize: 3 }) { items { id idNumber } }
             b: guards(page: { pageSize: 3 }) { items { idNumber } }
             rosterEntries(activityId: $id) { items { idNumber } }
             vettingSummary(activityId: $id) { entries { idNumber } clearedRoster { idNumber } }
             overviewDrilldown(kind: VETTING_ENTRIES, filter: {}) { items { cells } }
           }`,
          { id: activityId },
        ),
      );
    });
    expect(reads(written)).toHaveLength(1);
    const [entry] = reads(written);
    expect(entry.entity_type).toBe('Guard');
    expect(entry.after).toMatchObject({ fields: ['guards', 'guards', 'rosterEntries', 'vettingSummary', 'overviewDrilldown'] });
    expect((entry.after!.guardIds as string[]).length).toBe(3); // the same three guards, counted once
    expect((entry.after!.rosterEntryIds as string[]).length).toBeGreaterThan(1);
    expect(entry.after!.count).toBe(3 + (entry.after!.rosterEntryIds as string[]).length);
  });

  it('writes nothing when the query does not ask for the number', async () => {
    const written = await entriesDuring(async () => {
      expectData(await baoan.gql(`{ guards(page: { pageSize: 50 }) { items { id name age } } }`));
      expectData(await baoan.gql(`query ($id: ID!) { rosterEntries(activityId: $id) { items { id guardName } } }`, { id: activityId }));
      expectData(await baoan.gql(`query ($id: ID!) { vettingSummary(activityId: $id) { entries { guardName decision } } }`, { id: activityId }));
      expectData(await baoan.gql(`{ overviewDrilldown(kind: VETTING_ENTRIES, filter: {}) { items { id link } } }`));
    });
    expect(reads(written)).toEqual([]);
  });

  // A district bureau reads the people on its district's rosters only: 兴隆台, where the demo activities with rosters are.
  it.each(['office', 'xinglongtai', 'company1'])('writes nothing for a masked copy (%s)', async (username) => {
    const client = await t.login(username);
    const written = await entriesDuring(async () => {
      const { guards } = expectData(await client.gql(`{ guards(page: { pageSize: 20 }) { items { id idNumber } } }`));
      expect(guards.items.length).toBeGreaterThan(0);
      for (const g of guards.items) expect(g.idNumber).toMatch(MASKED);
      const { guard } = expectData(await client.gql(`query ($id: ID!) { guard(id: $id) { idNumber } }`, { id: guards.items[0].id }));
      expect(guard.idNumber).toMatch(MASKED);
      if (username === 'office') {
        const { rosterEntries } = expectData(await client.gql(`query ($id: ID!) { rosterEntries(activityId: $id) { items { idNumber } } }`, { id: activityId }));
        expect(rosterEntries.items.length).toBeGreaterThan(0);
        for (const e of rosterEntries.items) expect(e.idNumber).toMatch(MASKED);
      }
    });
    expect(reads(written)).toEqual([]);
  });

  it('writes nothing for an organizer reading a cleared guard of its own activity (masked)', async () => {
    const [{ guard_id: guardId, username }] = await t.sql(
      `SELECT r.guard_id, u.username FROM roster_entries r JOIN activities a ON a.id = r.activity_id JOIN users u ON u.unit_id = a.organizer_unit_id
        WHERE r.state = 'ACTIVE' AND r.decision = 'PASSED' AND u.role = 'ORGANIZER' ORDER BY r.id LIMIT 1`,
    );
    const organizer = await t.login(username);
    const written = await entriesDuring(async () => {
      expect(expectData(await organizer.gql(`query ($id: ID!) { guard(id: $id) { idNumber } }`, { id: guardId })).guard.idNumber).toMatch(MASKED);
    });
    expect(reads(written)).toEqual([]);
  });

  it('withholds the answer when its entry cannot be written', async () => {
    const spy = jest.spyOn(t.services.audit, 'recordAlone').mockRejectedValueOnce(new Error('audit log unavailable'));
    try {
      const r = await baoan.gql(`{ guards(page: { pageSize: 5 }) { items { idNumber } } }`);
      expect(r).toEqual({
        status: 503,
        data: null,
        errors: [{ message: '审计日志暂不可用，未返回完整身份证号，请稍后重试', extensions: { code: 'UNAVAILABLE' } }],
      });
    } finally {
      spy.mockRestore();
    }
  });

  it('the 审核通报 file with whole ID numbers writes its READ_DETAIL entry (and the download its EXPORT)', async () => {
    const entryIds = (
      await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND (state = 'ACTIVE' OR decision = 'FAILED') ORDER BY id`, [activityId])
    ).map((r: { id: string }) => r.id);
    const written = await entriesDuring(async () => {
      const res = await fetch(`${t.url}/exports/vetting/${activityId}.xlsx`, { headers: { cookie: `evs_session=${baoan.cookie('evs_session')}` } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      // The download's own entry is written once the answer is sent.
      for (let i = 0; i < 50 && !(await t.sql(`SELECT 1 FROM audit_log WHERE action = 'EXPORT' AND entity_id = $1`, [`/exports/vetting/${activityId}.xlsx`])).length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    expect(written.map((r) => r.action).sort()).toEqual(['EXPORT', 'READ_DETAIL']);
    const detail = reads(written)[0];
    expect(detail.summary).toContain(`完整身份证号${entryIds.length}人`);
    expect([...(detail.after!.rosterEntryIds as string[])].sort()).toEqual(entryIds);
    expect(detail.after!.count).toBe(entryIds.length);
  });
});
