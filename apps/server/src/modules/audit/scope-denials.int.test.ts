import { randomUUID } from 'node:crypto';
import { createTestApp, GqlResult, TestApp, TestClient } from '../../../test/harness';

/**
 * A record of another unit is answered exactly as one that does not exist (no existence oracle), and
 * the attempt is audited as a permission denial (等保 安全审计); a truly missing id is not.
 */
const ACTIVITY = /* GraphQL */ `query ($id: ID!) { activity(id: $id) { id name } }`;
const GUARD = /* GraphQL */ `query ($id: ID!) { guard(id: $id) { id name } }`;
const COMPANY = /* GraphQL */ `query ($id: ID!) { company(id: $id) { id name } }`;
const ENTRY = /* GraphQL */ `query ($id: ID!) { rosterEntry(id: $id) { id } }`;

interface AuditRow {
  action: string;
  actor_id: string | null;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  result: string;
}

describe('refusals by the row rule answered NOT_FOUND are audited as ACCESS_DENIED', () => {
  let t: TestApp;
  let organizer2: TestClient;
  let company2: TestClient;
  const userIds: Record<string, string> = {};
  let organizer1Activity: string;
  let company1Guard: string;
  let company1: string;
  let company1Entry: string;

  beforeAll(async () => {
    t = await createTestApp();
    organizer2 = await t.login('organizer2');
    company2 = await t.login('company2');
    for (const { username, id } of await t.sql(`SELECT username, id FROM users WHERE username IN ('organizer2', 'company2')`)) userIds[username] = id;
    [{ id: organizer1Activity }] = await t.sql(
      `SELECT a.id FROM activities a JOIN users u ON u.unit_id = a.organizer_unit_id WHERE u.username = 'organizer1' ORDER BY a.id LIMIT 1`,
    );
    [{ id: company1Guard, company_id: company1 }] = await t.sql(
      `SELECT g.id, g.company_id FROM guards g JOIN users u ON u.unit_id = g.company_id WHERE u.username = 'company1' ORDER BY g.id LIMIT 1`,
    );
    [{ id: company1Entry }] = await t.sql(`SELECT id FROM roster_entries WHERE company_id = $1 ORDER BY id LIMIT 1`, [company1]);
  });
  afterAll(() => t?.close());

  /** The audit entries written while `fn` runs (by id: `seq` is given later, when the chain is sealed). */
  async function entriesDuring<T>(fn: () => Promise<T>): Promise<{ value: T; written: AuditRow[] }> {
    const [{ last }] = await t.sql(`SELECT coalesce(max(id), 0)::text AS last FROM audit_log`);
    const value = await fn();
    const written: AuditRow[] = await t.sql(
      `SELECT action, actor_id, entity_type, entity_id, summary, result FROM audit_log WHERE id > $1 ORDER BY id`,
      [last],
    );
    return { value, written };
  }
  /** The whole answer a client sees: status, data and every error with all its fields. */
  const answer = (r: GqlResult) => ({ status: r.status, data: r.data ?? null, errors: r.errors });

  it.each([
    ['organizer2', "organizer1's activity", ACTIVITY, () => organizer1Activity, '活动不存在或无权查看', 'activity'],
    ['company2', "company1's guard", GUARD, () => company1Guard, '保安员不存在或无权查看', 'guard'],
    ['company2', "company1's register entry", COMPANY, () => company1, '保安服务公司不存在或无权查看', 'company'],
    ['company2', "a roster entry of company1", ENTRY, () => company1Entry, '名单人员不存在或无权查看', 'rosterEntry'],
  ] as const)('%s asking for %s: the answer of a missing id, one ACCESS_DENIED entry', async (username, _what, query, idOf, message, field) => {
    const client = username === 'organizer2' ? organizer2 : company2;
    const missing = await entriesDuring(async () => answer(await client.gql(query, { id: randomUUID() })));
    expect(missing.value).toEqual({
      status: 200,
      data: null,
      errors: [{ message, path: [field], extensions: { code: 'NOT_FOUND' } }],
    });
    expect(missing.written).toEqual([]);

    const probe = await entriesDuring(async () => answer(await client.gql(query, { id: idOf() })));
    expect(probe.value).toEqual(missing.value);
    expect(probe.written).toEqual([
      {
        action: 'ACCESS_DENIED',
        actor_id: userIds[username],
        entity_type: 'Operation',
        entity_id: field,
        summary: `越权被拒绝：${field}（${message}）`,
        result: 'FAILURE',
      },
    ]);
  });

  it("a download of another organizer's 审核通报: the 404 of a missing one, audited as a denial", async () => {
    const download = async (id: string) => {
      const res = await fetch(`${t.url}/exports/vetting/${id}.xlsx`, { headers: { cookie: `evs_session=${organizer2.cookie('evs_session')}` } });
      return { status: res.status, body: await res.json() };
    };
    // The download's entry is written once the answer is sent: wait for it, or for a while.
    const settle = async (path: string) => {
      for (let i = 0; i < 20 && !(await t.sql(`SELECT 1 FROM audit_log WHERE entity_id = $1`, [path])).length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const missingId = randomUUID();
    const missing = await entriesDuring(async () => {
      const r = await download(missingId);
      await settle(`/exports/vetting/${missingId}.xlsx`);
      return r;
    });
    expect(missing.value).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: '活动不存在或无权查看' } } });
    expect(missing.written).toEqual([]);

    const probe = await entriesDuring(async () => {
      const r = await download(organizer1Activity);
      await settle(`/exports/vetting/${organizer1Activity}.xlsx`);
      return r;
    });
    expect(probe.value).toEqual(missing.value);
    expect(probe.written).toEqual([
      expect.objectContaining({ action: 'ACCESS_DENIED', actor_id: userIds.organizer2, entity_type: 'Export', entity_id: `/exports/vetting/${organizer1Activity}.xlsx`, result: 'FAILURE' }),
    ]);
  });

  it("a photo of another organizer's finding: the 404 of a missing one, audited as a denial; the own one shown and not audited", async () => {
    const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const [{ id: findingId }] = await t.sql(
      `SELECT f.id FROM findings f JOIN activities a ON a.id = f.activity_id JOIN users u ON u.unit_id = a.organizer_unit_id
        WHERE u.username = 'organizer1' ORDER BY f.id LIMIT 1`,
    );
    await t.sql(`UPDATE findings SET photo = $2 WHERE id = $1`, [findingId, PNG]);
    const organizer1 = await t.login('organizer1');
    const photo = async (client: TestClient, id: string) => {
      const res = await fetch(`${t.url}/photos/findings/${id}`, { headers: { cookie: `evs_session=${client.cookie('evs_session')}` } });
      return { status: res.status, type: res.headers.get('content-type'), body: res.status === 200 ? null : await res.json() };
    };
    const settle = async (path: string) => {
      for (let i = 0; i < 20 && !(await t.sql(`SELECT 1 FROM audit_log WHERE entity_id = $1`, [path])).length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const missingId = randomUUID();
    const missing = await entriesDuring(async () => {
      const r = await photo(organizer2, missingId);
      await settle(`/photos/findings/${missingId}`);
      return r;
    });
    expect(missing.value).toEqual({ status: 404, type: expect.stringContaining('json'), body: { error: { code: 'NOT_FOUND', message: '照片不存在或无权查看' } } });
    expect(missing.written).toEqual([]);

    const probe = await entriesDuring(async () => {
      const r = await photo(organizer2, findingId);
      await settle(`/photos/findings/${findingId}`);
      return r;
    });
    expect(probe.value).toEqual(missing.value);
    expect(probe.written).toEqual([
      expect.objectContaining({ action: 'ACCESS_DENIED', actor_id: userIds.organizer2, entity_id: `/photos/findings/${findingId}`, result: 'FAILURE' }),
    ]);

    const own = await entriesDuring(async () => {
      const r = await photo(organizer1, findingId);
      await settle(`/photos/findings/${findingId}`);
      return r;
    });
    expect(own.value).toEqual({ status: 200, type: 'image/png', body: null });
    expect(own.written).toEqual([]);
  });
});
