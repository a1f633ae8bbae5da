import { Client } from 'pg';
import { adminUrl, urlForDatabase } from '../../../test/db';
import { createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';
import { runAuditVerify } from '../../scripts/audit-verify';
import { SESSION_COOKIE } from '../auth/auth.service';
import { activityInput, CREATE_ACTIVITY, unitIdOf } from '../../../test/activity-fixtures';

const AUDIT_LOG = /* GraphQL */ `
  query ($filter: AuditFilterInput, $page: PageInput) {
    auditLog(filter: $filter, page: $page) {
      total page pageSize
      items { id at actorName actorRole action entityType entityId summary before after result ip seq }
    }
  }
`;
const VERIFY = /* GraphQL */ `query { verifyAuditChain { intact checked headSeq headHash firstBroken { seq id summary reason } } }`;

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** A database superuser's own connection (not the app's), for what only a superuser can do. */
  async function asSuperuser<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: urlForDatabase(adminUrl(), t.database) });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  it('is readable by the security auditor', async () => {
    const auditor = await t.login('auditor');
    const { auditLog } = expectData(await auditor.gql(AUDIT_LOG));
    expect(auditLog.total).toBeGreaterThan(0);
    expect(auditLog.items.length).toBeGreaterThan(0);
  });

  it.each([
    ['OFFICE', 'office'],
    ['SECURITY_DETACHMENT', 'baoan'],
  ])('is readable by %s (%s) as the trail of business operations: no security events, no chain check', async (role, username) => {
    const auditor = await t.login('auditor');
    const client = await t.login(username);
    await t.anonymous().gql(`mutation { login(input: { username: "office", password: "wrong-password" }) { id } }`);
    const all = expectData(await auditor.gql(`{ auditLog(page: { pageSize: 200 }) { items { action } } }`)).auditLog.items as { action: string }[];
    expect(all.some((e) => ['LOGIN', 'LOGIN_FAILED'].includes(e.action))).toBe(true);
    const seen = expectData(await client.gql(`{ auditLog(page: { pageSize: 200 }) { total items { action } } }`)).auditLog;
    expect(seen.total).toBeGreaterThan(0);
    for (const e of seen.items as { action: string }[]) expect(['LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'LOCKOUT', 'ACCESS_DENIED']).not.toContain(e.action);
    expectErrorCode(await client.gql(VERIFY), 'FORBIDDEN');
    const [denial] = await t.sql(`SELECT action FROM audit_log WHERE action = 'ACCESS_DENIED' AND actor_role = $1 ORDER BY id DESC LIMIT 1`, [role]);
    expect(denial.action).toBe('ACCESS_DENIED');
  });

  it.each([
    ['ADMIN', 'admin'],
    ['LEADER', 'leader'],
    ['DISTRICT_BUREAU', 'panshan'],
    ['EVENT_DETACHMENT', 'dahuo'],
    ['ORGANIZER', 'organizer1'],
    ['COMPANY', 'company1'],
  ])('is FORBIDDEN for %s (%s), the chain check too, and the refusal is itself audited', async (role, username) => {
    const client = await t.login(username);
    const result = await client.gql(AUDIT_LOG);
    expectErrorCode(result, 'FORBIDDEN');
    expect(result.data).toBeNull();
    expectErrorCode(await client.gql(VERIFY), 'FORBIDDEN');
    const [denial] = await t.sql(
      `SELECT action, result, actor_role, entity_id, ip FROM audit_log WHERE action = 'ACCESS_DENIED' AND actor_role = $1 ORDER BY id DESC LIMIT 1`,
      [role],
    );
    expect(denial).toMatchObject({ action: 'ACCESS_DENIED', result: 'FAILURE', entity_id: 'verifyAuditChain' });
    expect(denial.ip).toMatch(/127\.0\.0\.1/);
  });

  it('gets an entry for every login: who, which user record, which request, from where, with what result', async () => {
    const [user] = await t.sql(`SELECT id FROM users WHERE username = 'shuangtaizi'`);
    const before = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'LOGIN'`, [user.id]);
    await t.login('shuangtaizi');

    const auditor = await t.login('auditor');
    const { auditLog } = expectData(
      await auditor.gql(AUDIT_LOG, { filter: { action: 'LOGIN', entityType: 'User', entityId: user.id } }),
    );
    expect(auditLog.total).toBe(before[0].n + 1);
    expect(auditLog.items[0]).toMatchObject({
      action: 'LOGIN',
      actorRole: 'DISTRICT_BUREAU',
      entityType: 'User',
      entityId: user.id,
      result: 'SUCCESS',
      summary: expect.stringContaining('登录'),
    });
    expect(auditLog.items[0].ip).toMatch(/127\.0\.0\.1/);
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

  it('shows the security events: failed logins, lockouts, denials, exports', async () => {
    await t.anonymous().gql(`mutation { login(input: { username: "office", password: "wrong" }) { id } }`);
    const auditor = await t.login('auditor');
    const { auditLog } = expectData(
      await auditor.gql(AUDIT_LOG, { filter: { actions: ['LOGIN_FAILED', 'LOCKOUT', 'ACCESS_DENIED', 'EXPORT'] }, page: { pageSize: 100 } }),
    );
    expect(auditLog.items.length).toBeGreaterThan(0);
    expect(auditLog.items.every((e: { action: string }) => ['LOGIN_FAILED', 'LOCKOUT', 'ACCESS_DENIED', 'EXPORT'].includes(e.action))).toBe(true);
    expect(auditLog.items.some((e: { summary: string }) => e.summary.includes('office'))).toBe(true);
    const failures = expectData(await auditor.gql(AUDIT_LOG, { filter: { result: 'FAILURE' } })).auditLog;
    expect(failures.total).toBeGreaterThan(0);
  });

  it('records an Excel download as an export, and a refused one as a denial, with the source IP', async () => {
    const download = async (username: string) => {
      const client = await t.login(username);
      return fetch(`${t.url}/exports/overview.xlsx`, { headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` } });
    };
    expect((await download('office')).status).toBe(200);
    expect((await download('company1')).status).toBe(403);
    // The entries are written once the answers are sent.
    const entries = async () => t.sql(`SELECT action, result, actor_role, summary, ip FROM audit_log WHERE entity_type = 'Export' ORDER BY id`);
    for (let i = 0; i < 50 && (await entries()).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const [exported, refused] = await entries();
    expect(exported).toMatchObject({ action: 'EXPORT', result: 'SUCCESS', actor_role: 'OFFICE', summary: expect.stringContaining('总览') });
    expect(refused).toMatchObject({ action: 'ACCESS_DENIED', result: 'FAILURE', actor_role: 'COMPANY' });
    expect(exported.ip).toMatch(/127\.0\.0\.1/);
  });

  it('filters by search text and pages the newest first', async () => {
    const auditor = await t.login('auditor');
    const { auditLog } = expectData(await auditor.gql(AUDIT_LOG, { filter: { search: '刘宝军' }, page: { page: 1, pageSize: 1 } }));
    expect(auditLog.pageSize).toBe(1);
    expect(auditLog.items).toHaveLength(1);
    expect(auditLog.total).toBeGreaterThanOrEqual(1);
    expect(auditLog.items[0].actorName).toContain('刘宝军');
    const [newest] = await t.sql(`SELECT max(id)::text AS id FROM audit_log WHERE actor_name ILIKE '%刘宝军%'`);
    expect(auditLog.items[0].id).toBe(newest.id);
  });

  it('rejects a page size over the limit with BAD_USER_INPUT naming the field', async () => {
    const auditor = await t.login('auditor');
    const error = expectErrorCode(await auditor.gql(AUDIT_LOG, { page: { page: 1, pageSize: 10_000 } }), 'BAD_USER_INPUT');
    expect(error.extensions?.fields?.map((f) => f.field)).toContain('pageSize');
  });

  it('refuses UPDATE, DELETE and TRUNCATE, also on the application\'s own connection; the chain head moves only with an insert', async () => {
    const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log`);
    await expect(t.sql(`UPDATE audit_log SET summary = 'changed' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/只能追加/);
    await expect(t.sql(`DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/只能追加/);
    await expect(t.sql(`TRUNCATE audit_log`)).rejects.toThrow(/只能追加/);
    await expect(t.sql(`UPDATE audit_chain_head SET seq = 1`)).rejects.toThrow(/链头/);
    await expect(t.sql(`DELETE FROM audit_chain_head`)).rejects.toThrow(/链头/);
    // A superuser without the replica trick is refused just the same.
    await asSuperuser((c) => expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/只能追加/));
    const [{ n: after }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after).toBe(before);
  });

  it('chains entries written by many transactions at once without gaps or forks', async () => {
    await Promise.all(['panshan', 'dawa', 'chengjiao', 'liaodongwan', 'xinglongtai', 'dahuo', 'office', 'leader'].map((u) => t.login(u)));
    await t.sql(`SELECT audit_seal(100000)`);
    const [chain] = await t.sql(`SELECT count(*)::int AS n, max(seq)::int AS last, count(DISTINCT prev_hash)::int AS links FROM audit_log`);
    expect(chain.last).toBe(chain.n);
    expect(chain.links).toBe(chain.n);
    const { verifyAuditChain } = expectData(await (await t.login('auditor')).gql(VERIFY));
    expect(verifyAuditChain).toMatchObject({ intact: true, firstBroken: null });
    expect(verifyAuditChain.checked).toBeGreaterThan(10);
  });

  it('names the first broken entry when a superuser alters, deletes or cuts entries behind the triggers', async () => {
    const auditor = await t.login('auditor');
    const verify = async () => expectData(await auditor.gql(VERIFY)).verifyAuditChain;
    const out: string[] = [];
    expect(await runAuditVerify(t.ds, [], (l) => out.push(l))).toBe(0);
    const anchor = /“(\d+:[0-9a-f]{64})”/.exec(out.join('\n'))![1];

    // The newest entries cut off: the log no longer reaches the chain head. (Put back afterwards.)
    await asSuperuser(async (c) => {
      await c.query(`SET session_replication_role = replica`);
      await c.query(`CREATE TEMP TABLE cut AS SELECT * FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)`);
      await c.query(`DELETE FROM audit_log WHERE id IN (SELECT id FROM cut)`);
      const cutOff = await verify();
      expect(cutOff.intact).toBe(false);
      expect(cutOff.firstBroken.reason).toContain('链尾不符');
      await c.query(`INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM cut`);
    });
    expect((await verify()).intact).toBe(true);

    // One entry's content changed.
    const [victim] = await t.sql(`SELECT id::text, seq::text, summary FROM audit_log ORDER BY seq OFFSET 5 LIMIT 1`);
    await asSuperuser(async (c) => {
      await c.query(`SET session_replication_role = replica`);
      await c.query(`UPDATE audit_log SET summary = summary || '（已篡改）' WHERE id = $1`, [victim.id]);
    });
    const altered = await verify();
    expect(altered.intact).toBe(false);
    expect(altered.firstBroken).toMatchObject({ seq: victim.seq, id: victim.id, reason: expect.stringContaining('被修改') });
    const cli: string[] = [];
    expect(await runAuditVerify(t.ds, [], (l) => cli.push(l))).toBe(2);
    expect(cli.join('\n')).toContain(`序号 ${victim.seq}`);

    // Put back as it was: intact again, and the anchor noted before still fits.
    await asSuperuser(async (c) => {
      await c.query(`SET session_replication_role = replica`);
      await c.query(`UPDATE audit_log SET summary = $2 WHERE id = $1`, [victim.id, victim.summary]);
    });
    expect((await verify()).intact).toBe(true);
    expect(await runAuditVerify(t.ds, ['--anchor', anchor], () => undefined)).toBe(0);

    // One entry deleted: the next one no longer fits.
    await asSuperuser(async (c) => {
      await c.query(`SET session_replication_role = replica`);
      await c.query(`DELETE FROM audit_log WHERE id = $1`, [victim.id]);
    });
    const deleted = await verify();
    expect(deleted.firstBroken).toMatchObject({ seq: String(Number(victim.seq) + 1), reason: expect.stringContaining('缺失') });
  });
});

/**
 * Anchors (review 8-B F9): the chain has no key, so whoever can write the database can rewrite it and recompute every
 * hash; a link the auditor noted earlier (`seq:hash`) shows it. Checked through the API, where the auditor reads hashes.
 */
describe('audit chain anchors, checked by the auditor through the API', () => {
  const VERIFY_AT = /* GraphQL */ `query ($a: String) { verifyAuditChain(anchor: $a) { intact anchorHolds headSeq headHash firstBroken { seq reason } } }`;
  const ENTRIES = /* GraphQL */ `{ auditLog(page: { pageSize: 50 }) { items { seq hash } } }`;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /**
   * What the table owner can do without a superuser: switch the append-only triggers off, delete the entry at `seq`,
   * renumber and recompute the chain after it with audit_entry_hash, set the head, switch the triggers on again.
   */
  async function rewriteChainWithout(seq: string): Promise<void> {
    const runner = t.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await runner.query(`ALTER TABLE audit_chain_head DISABLE TRIGGER USER`);
      await runner.query(`DELETE FROM audit_log WHERE seq = $1`, [seq]);
      await runner.query(`
        DO $$
        DECLARE r audit_log; prev text := repeat('0', 64); n bigint := 0;
        BEGIN
          FOR r IN SELECT * FROM audit_log WHERE seq IS NOT NULL ORDER BY seq LOOP
            n := n + 1;
            r.seq := n;
            r.prev_hash := prev;
            r.hash := audit_entry_hash(prev, r);
            UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
            prev := r.hash;
          END LOOP;
          UPDATE audit_chain_head SET seq = n, hash = prev WHERE id = 1;
        END $$`);
      await runner.query(`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      await runner.query(`ALTER TABLE audit_chain_head ENABLE TRIGGER USER`);
      await runner.commitTransaction();
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }

  it('a noted head, or an entry\'s seq and hash read from the log, holds while the chain grows; once the chain is rewritten it fails, though the chain fits together', async () => {
    for (const u of ['panshan', 'chengjiao', 'xinglongtai']) await t.login(u);
    const auditor = await t.login('auditor');
    const verify = async (a?: string) => expectData(await auditor.gql(VERIFY_AT, a === undefined ? {} : { a })).verifyAuditChain;
    const first = await verify();
    expect(first).toMatchObject({ intact: true, anchorHolds: null });
    const head = `${first.headSeq}:${first.headHash}`;
    // An entry of the log as the auditor reads it: its seq and hash make an anchor too.
    const entry = (expectData(await auditor.gql(ENTRIES)).auditLog.items as { seq: string | null; hash: string | null }[]).find((e) => e.seq && Number(e.seq) > 2)!;
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    const fromLog = `${entry.seq}:${entry.hash}`;

    await Promise.all(['office', 'leader', 'dawa'].map((u) => t.login(u)));
    const later = await verify(head);
    expect(later).toMatchObject({ intact: true, anchorHolds: true, firstBroken: null });
    expect(BigInt(later.headSeq)).toBeGreaterThan(BigInt(first.headSeq));
    expect(await verify(fromLog)).toMatchObject({ intact: true, anchorHolds: true });
    // as pasted: blanks around it, the hash in capitals
    expect(await verify(`  ${head.toUpperCase()}\n`)).toMatchObject({ intact: true, anchorHolds: true });
    // a hash that is not the one noted
    const forged = `${first.headSeq}:${first.headHash.replace(/^./, (c: string) => (c === '0' ? '1' : '0'))}`;
    expect(await verify(forged)).toMatchObject({ intact: false, anchorHolds: false, firstBroken: { seq: first.headSeq, reason: expect.stringContaining('锚点不符') } });

    await rewriteChainWithout('2');
    // The rewritten chain fits together: without an anchor nothing shows …
    expect(await verify()).toMatchObject({ intact: true, anchorHolds: null, firstBroken: null });
    // … with one it does.
    const rewritten = await verify(head);
    expect(rewritten).toMatchObject({ intact: false, anchorHolds: false, firstBroken: { seq: first.headSeq, reason: expect.stringContaining('哈希已改变') } });
    expect(await verify(fromLog)).toMatchObject({ intact: false, anchorHolds: false });
    // The CLI says the same.
    expect(await runAuditVerify(t.ds, ['--anchor', head], () => undefined)).toBe(2);
  });

  it.each([
    ['no hash', '12'],
    ['a short hash', `12:${'a'.repeat(63)}`],
    ['no sequence number', `:${'a'.repeat(64)}`],
    ['sequence number 0', `0:${'a'.repeat(64)}`],
    ['a sequence number beyond the range', `${'9'.repeat(19)}:${'a'.repeat(64)}`],
    ['a hash not hexadecimal', `12:${'g'.repeat(64)}`],
    ['blank', ' '],
  ])('refuses an anchor with %s, naming the field in Chinese', async (_case, anchor) => {
    const auditor = await t.login('auditor');
    const error = expectErrorCode(await auditor.gql(VERIFY_AT, { a: anchor }), 'BAD_USER_INPUT');
    expect(error.message).toMatch(/^锚点格式应为“序号:哈希”/);
    expect(error.extensions?.fields).toEqual([{ field: 'anchor', message: error.message }]);
  });

  it.each([
    ['OFFICE', 'office'],
    ['SECURITY_DETACHMENT', 'baoan'],
  ])('gives %s (%s), who read the log but do not verify the chain, no hashes; the auditor reads them', async (_role, username) => {
    const auditor = await t.login('auditor');
    expectData(await auditor.gql(VERIFY_AT));
    const withHashes = expectData(await auditor.gql(ENTRIES)).auditLog.items as { seq: string | null; hash: string | null }[];
    expect(withHashes.filter((e) => e.seq).every((e) => /^[0-9a-f]{64}$/.test(e.hash!))).toBe(true);
    const items = expectData(await (await t.login(username)).gql(ENTRIES)).auditLog.items as { seq: string | null; hash: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((e) => e.seq)).toBe(true);
    expect(items.every((e) => e.hash === null)).toBe(true);
  });
});

/**
 * The request id reaches every audit entry from the request context (common/request-context.ts), not
 * from parameters: a write deep in a service, a refusal audited by the Apollo plugin, and a download
 * audited after the response has gone.
 */
describe('audit entries carry the id of the request that caused them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const send = async (username: string, path: string, requestId: string, body?: unknown) => {
    const client = await t.login(username);
    return fetch(`${t.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}`, 'x-request-id': requestId, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = async (res: Response) => (await res.json()) as { data?: any; errors?: any[] };
  const entries = async (requestId: string) =>
    (await t.sql(`SELECT action, result FROM audit_log WHERE request_id = $1 ORDER BY id`, [requestId])).map((r) => `${r.action}/${r.result}`);

  it('a write through services and the lifecycle (an activity registered, then reported)', async () => {
    const created = await send('dawa', '/graphql', 'req-create-1', { query: CREATE_ACTIVITY, variables: { input: activityInput({ organizerUnitId: await unitIdOf(t, 'organizer1') }) } });
    const { id } = (await json(created)).data.createActivity;
    const res = await send('dawa', '/graphql', 'req-report-1', { query: `mutation ($id: ID!) { reportActivity(id: $id) { id status } }`, variables: { id } });
    expect(res.headers.get('x-request-id')).toBe('req-report-1');
    const body = await json(res);
    expect(body.errors).toBeUndefined();
    expect(body.data.reportActivity.status).toBe('REPORTED');
    expect(await entries('req-create-1')).toEqual(['CREATE/SUCCESS']);
    expect(await entries('req-report-1')).toEqual(['TRANSITION/SUCCESS']);
  });

  it('a refusal audited by the GraphQL plugin', async () => {
    const res = await send('company1', '/graphql', 'req-denied-1', { query: `{ users { total } }` });
    expect((await json(res)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await entries('req-denied-1')).toEqual(['ACCESS_DENIED/FAILURE']);
  });

  it('a download, audited once the file has been sent', async () => {
    const res = await send('office', '/exports/overview.xlsx', 'req-export-1');
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    for (let i = 0; i < 50 && !(await entries('req-export-1')).length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await entries('req-export-1')).toEqual(['EXPORT/SUCCESS']);
  });

  it('an id that is not a plain token is replaced, never stored', async () => {
    const res = await send('leader', '/graphql', 'x'.repeat(65), { query: `{ me { id } }` });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
