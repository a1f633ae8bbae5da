import {
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { createSchema } from '../../schema';
import { createTestApp, expectData, expectErrorCode, TestApp, totpCode, unknownUsername } from '../../../test/harness';
import { SESSION_COOKIE } from './auth.service';

const ME = /* GraphQL */ `query { me { id username displayName role mustChangePassword mustEnrolTotp totpEnabled passwordExpired unit { name kind district } } }`;
const LOGIN = /* GraphQL */ `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { username } }`;
const WRONG = '用户名或密码错误';
const LOGIN_WITH_CODE = /* GraphQL */ `mutation ($u: String!, $p: String!, $c: String) { login(input: { username: $u, password: $p, code: $c }) { username } }`;

describe('auth (demo data)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('logs in with the demo password and answers me with name, role and unit', async () => {
    const client = await t.login('baoan');
    const { me } = expectData(await client.gql(ME));
    expect(me).toMatchObject({
      username: 'baoan',
      displayName: '刘宝军',
      role: 'SECURITY_DETACHMENT',
      mustChangePassword: false,
      unit: { name: '市公安局保安管理支队', kind: 'SECURITY_DETACHMENT', district: null },
    });
  });

  it('gives a district bureau account its district unit', async () => {
    const client = await t.login('panshan');
    const { me } = expectData(await client.gql(ME));
    expect(me).toMatchObject({ role: 'DISTRICT_BUREAU', unit: { kind: 'DISTRICT_BUREAU', district: 'PANSHAN' } });
  });

  it('sets the session as an httpOnly, SameSite cookie', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { u: 'office', p: 'Demo@2026' } }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    const wrongPassword = await t.anonymous().gql(LOGIN, { u: 'leader', p: 'not-the-password' });
    const unknownUser = await t.anonymous().gql(LOGIN, { u: await unknownUsername(t, false), p: 'Demo@2026' });
    expect(expectErrorCode(wrongPassword, 'UNAUTHENTICATED').message).toBe(WRONG);
    expect(expectErrorCode(unknownUser, 'UNAUTHENTICATED').message).toBe(WRONG);
    expect(wrongPassword.data).toBeNull();
  });

  it('locks the account for 15 minutes after 5 failures in a row, answering exactly like a wrong password', async () => {
    const client = t.anonymous();
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      messages.push(expectErrorCode(await client.gql(LOGIN, { u: 'dawa', p: `wrong-${i}` }), 'UNAUTHENTICATED').message);
    }
    // Locked now: the right password gets the very same answer as a wrong one and an unknown user.
    const sixth = await client.gql(LOGIN, { u: 'dawa', p: 'Demo@2026' });
    messages.push(expectErrorCode(sixth, 'UNAUTHENTICATED').message);
    expect(messages).toEqual(Array(6).fill(WRONG));
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    const [row] = await t.sql(
      `SELECT extract(epoch FROM locked_until - now()) / 60 AS minutes FROM users WHERE username = 'dawa'`,
    );
    expect(Number(row.minutes)).toBeGreaterThan(14);
    expect(Number(row.minutes)).toBeLessThanOrEqual(15);
    // The lockout, every failure and the attempt while locked are in the audit log, with the source IP.
    const entries = await t.sql(
      `SELECT action, result, ip, summary FROM audit_log a JOIN users u ON u.id::text = a.entity_id
        WHERE u.username = 'dawa' AND a.action IN ('LOGIN_FAILED', 'LOCKOUT') ORDER BY a.seq`,
    );
    expect(entries.map((e) => e.action)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOCKOUT', 'LOGIN_FAILED']);
    expect(entries.every((e) => e.result === 'FAILURE' && /127\.0\.0\.1/.test(e.ip))).toBe(true);
    expect(entries[4].summary).toContain('锁定15分钟');
    expect(entries[5].summary).toContain('锁定期间');
    // Once the lock has expired, the right password works again.
    await t.sql(`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'dawa'`);
    expectData(await client.gql(LOGIN, { u: 'dawa', p: 'Demo@2026' }));
  });

  it('a burst of 30 guesses sent at once: five are verified and counted, the account locks once, the rest are refused as locked; the right password after it is refused too (review 7-A F1)', async () => {
    const client = t.anonymous();
    const before = (await t.sql(`SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => client.gql(LOGIN, { u: 'liaodongwan', p: `guess-${i}` })));
    expect(answers.map((a) => expectErrorCode(a, 'UNAUTHENTICATED').message)).toEqual(Array(30).fill(WRONG));
    const entries: { action: string; summary: string }[] = await t.sql(
      `SELECT a.action, a.summary FROM audit_log a JOIN users u ON u.id::text = a.entity_id
        WHERE u.username = 'liaodongwan' AND a.id > $1 AND a.action IN ('LOGIN_FAILED', 'LOCKOUT') ORDER BY a.id`,
      [before],
    );
    expect(entries.filter((e) => e.action === 'LOCKOUT')).toHaveLength(1);
    expect(entries.filter((e) => /登录失败（第\d次/.test(e.summary))).toHaveLength(4);
    expect(entries.filter((e) => e.summary.includes('锁定期间'))).toHaveLength(25);
    expectErrorCode(await client.gql(LOGIN, { u: 'liaodongwan', p: 'Demo@2026' }), 'UNAUTHENTICATED');
    const [row] = await t.sql(`SELECT locked_until > now() AS locked FROM users WHERE username = 'liaodongwan'`);
    expect(row.locked).toBe(true);
    await t.sql(`UPDATE users SET locked_until = NULL, failed_login_count = 0 WHERE username = 'liaodongwan'`);
  });

  it('a burst of wrong guesses with the right password among them: at most five are verified, whichever way they are taken (review 7-A F1)', async () => {
    const client = t.anonymous();
    const before = (await t.sql(`SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id;
    const sent = Array.from({ length: 40 }, (_, i) => (i === 30 ? 'Demo@2026' : `guess-${i}`));
    const answers = await Promise.all(sent.map((p) => client.gql(LOGIN, { u: 'shuangtaizi', p })));
    const verified = (await t.sql(
      `SELECT count(*)::int AS n FROM audit_log a JOIN users u ON u.id::text = a.entity_id
        WHERE u.username = 'shuangtaizi' AND a.id > $1 AND (a.action IN ('LOCKOUT', 'LOGIN') OR (a.action = 'LOGIN_FAILED' AND a.summary NOT LIKE '%锁定期间%'))`,
      [before],
    ))[0].n;
    const loggedIn = answers.filter((a) => !a.errors).length;
    // the right one logs in only if it was taken before the fifth failure, as it would one after another
    expect(loggedIn).toBeLessThanOrEqual(1);
    expect(verified).toBeLessThanOrEqual(loggedIn ? 5 + 5 : 5);
    await t.sql(`UPDATE users SET locked_until = NULL, failed_login_count = 0 WHERE username = 'shuangtaizi'`);
  });

  it('records a failed login of an unknown user with the name tried and the source IP', async () => {
    const name = await unknownUsername(t, false, 'nobody');
    expectErrorCode(await t.anonymous().gql(LOGIN, { u: name, p: 'Demo@2026' }), 'UNAUTHENTICATED');
    const [entry] = await t.sql(`SELECT action, result, ip, actor_id FROM audit_log WHERE summary LIKE $1`, [`%“${name}”%`]);
    expect(entry).toMatchObject({ action: 'LOGIN_FAILED', result: 'FAILURE', actor_id: null });
    expect(entry.ip).toMatch(/127\.0\.0\.1/);
  });

  it('resets the failure count after a successful login', async () => {
    const client = t.anonymous();
    for (let i = 0; i < 4; i++) await client.gql(LOGIN, { u: 'chengjiao', p: 'wrong' });
    expectData(await client.gql(LOGIN, { u: 'chengjiao', p: 'Demo@2026' }));
    const after = await client.gql(LOGIN, { u: 'chengjiao', p: 'wrong' });
    expect(expectErrorCode(after, 'UNAUTHENTICATED').message).toBe(WRONG);
  });

  it('refuses every operation but login with UNAUTHENTICATED when there is no session', async () => {
    const operations = anonymousProbes(await createSchema());
    expect(operations.map((o) => o.field)).toEqual(expect.arrayContaining(['me', 'logout', 'auditLog', 'updateSettings']));
    const anonymous = t.anonymous();
    const refused: string[] = [];
    for (const op of operations) {
      const result = await anonymous.gql(op.query, op.variables);
      if (result.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') refused.push(op.field);
      else throw new Error(`${op.field} without a session answered ${JSON.stringify(result)}`);
    }
    expect(refused).toEqual(operations.map((o) => o.field));
  });

  it('refuses a forged session cookie', async () => {
    const forged = t.anonymous().setCookie(SESSION_COOKIE, 'forged-token');
    expectErrorCode(await forged.gql(ME), 'UNAUTHENTICATED');
  });

  it('ends the session on logout, also for a replayed cookie', async () => {
    const client = await t.login('xinglongtai');
    const token = client.cookie(SESSION_COOKIE)!;
    expect(token).toBeTruthy();
    expect(expectData(await client.gql(`mutation { logout }`)).logout).toBe(true);
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    expectErrorCode(await client.gql(ME), 'UNAUTHENTICATED');
    const replayed = t.anonymous().setCookie(SESSION_COOKIE, token);
    expectErrorCode(await replayed.gql(ME), 'UNAUTHENTICATED');
  });

  it('keeps other sessions of the same user when one logs out', async () => {
    const first = await t.login('liaodongwan');
    const second = await t.login('liaodongwan');
    expectData(await first.gql(`mutation { logout }`));
    expect(expectData(await second.gql(ME)).me.username).toBe('liaodongwan');
  });
});

describe('auth (a real deployment: admin only, no demo data)', () => {
  const INITIAL = 'Init@2026x';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: { demo: false, adminPassword: INITIAL } });
  });
  afterAll(() => t?.close());

  it('has no demo accounts', async () => {
    // An unknown username may be answered with the second-factor prompt (a decoy, so that usernames
    // cannot be enumerated); either way, it never logs in.
    const result = await t.anonymous().gql(LOGIN, { u: 'baoan', p: 'Demo@2026' });
    const first = expectErrorCode(result, 'UNAUTHENTICATED').message;
    if (first !== WRONG) {
      const second = await t.anonymous().gql(LOGIN_WITH_CODE, { u: 'baoan', p: 'Demo@2026', c: '123456' });
      expect(expectErrorCode(second, 'UNAUTHENTICATED').message).toMatch(/^用户名、密码或动态验证码错误/);
    }
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM users WHERE username = 'baoan'`);
    expect(n).toBe(0);
  });

  it('makes admin change the password before anything else', async () => {
    const admin = await t.login('admin', INITIAL);
    expect(expectData(await admin.gql(ME)).me).toMatchObject({ username: 'admin', role: 'ADMIN', mustChangePassword: true });

    const units = await admin.gql(`query { units { id } }`);
    expect(expectErrorCode(units, 'FORBIDDEN').message).toContain('修改密码');
    expectErrorCode(await admin.gql(`query { settings { key } }`), 'FORBIDDEN');

    const weak = await admin.gql(
      `mutation ($i: ChangePasswordInput!) { changePassword(input: $i) { mustChangePassword } }`,
      { i: { currentPassword: INITIAL, newPassword: 'short' } },
    );
    // One reason per broken rule, each naming the field.
    expect(expectErrorCode(weak, 'BAD_USER_INPUT').extensions?.fields).toEqual([
      { field: 'newPassword', message: '密码至少8位' },
      expect.objectContaining({ field: 'newPassword', message: expect.stringContaining('至少3类') }),
    ]);

    const changed = await admin.gql(
      `mutation ($i: ChangePasswordInput!) { changePassword(input: $i) { mustChangePassword } }`,
      { i: { currentPassword: INITIAL, newPassword: 'Better@2026' } },
    );
    expect(expectData(changed).changePassword.mustChangePassword).toBe(false);

    // A production database requires two-factor login for ADMIN: enrol before anything else.
    expect(expectData(await admin.gql(ME)).me.mustEnrolTotp).toBe(true);
    expect(expectErrorCode(await admin.gql(`query { units { id } }`), 'FORBIDDEN').message).toContain('两步验证');
    const { beginTotpEnrolment } = expectData(await admin.gql(`mutation { beginTotpEnrolment { secret otpauthUrl qrCodeDataUrl } }`));
    expect(beginTotpEnrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*admin.*secret=/);
    expect(beginTotpEnrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const code = await totpCode(beginTotpEnrolment.secret);
    const { confirmTotpEnrolment } = expectData(await admin.gql(`mutation ($c: String!) { confirmTotpEnrolment(code: $c) { codes } }`, { c: code }));
    expect(confirmTotpEnrolment.codes).toHaveLength(10);
    expect(expectData(await admin.gql(`query { units { id } }`)).units.length).toBeGreaterThanOrEqual(10);

    // The old password no longer works; the new one does, with a code.
    expectErrorCode(await t.anonymous().gql(LOGIN, { u: 'admin', p: INITIAL }), 'UNAUTHENTICATED');
    const next = await totpCode(beginTotpEnrolment.secret, 1);
    expectData(await t.anonymous().gql(LOGIN_WITH_CODE, { u: 'admin', p: 'Better@2026', c: next }));
  });

  it('seeds the security auditor, who must change the initial password too', async () => {
    const auditor = await t.login('auditor', INITIAL);
    expect(expectData(await auditor.gql(ME)).me).toMatchObject({ role: 'AUDITOR', mustChangePassword: true, unit: { name: '市公安局警务督察支队', kind: 'INSPECTORATE' } });
    expectErrorCode(await auditor.gql(`query { auditLog { total } }`), 'FORBIDDEN');
  });
});

interface Probe {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One call per root field of the schema, with placeholder values for its required arguments. */
function anonymousProbes(schema: Awaited<ReturnType<typeof createSchema>>): Probe[] {
  const probes: Probe[] = [];
  const roots: [string, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  for (const [kind, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.name === 'login') continue;
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const decl = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
      const named = getNamedType(field.type);
      const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
      probes.push({
        field: field.name,
        query: `${kind}${decl ? ` (${decl})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
        variables: Object.fromEntries(required.map((a) => [a.name, placeholder(a.type)])),
      });
    }
  }
  return probes;
}

function placeholder(type: GraphQLInputType): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [];
  const named = inner as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, placeholder(f.type)]),
    );
  }
  switch (named.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'DateTimeISO':
      return '2030-01-01T00:00:00.000Z';
    case 'JSON':
      return {};
    default:
      return 'x';
  }
}
