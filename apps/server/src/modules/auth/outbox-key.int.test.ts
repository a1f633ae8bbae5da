import { Role } from '@evs/schema';
import { randomBytes } from 'node:crypto';
import { createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';
import { CURRENT_OUTBOX_KEY_VERSION, outboxKeyFor } from './outbox-key';

const OUTBOX_KEY = /* GraphQL */ `query ($version: Int) { outboxKey(version: $version) { userId version key } }`;
const ME = /* GraphQL */ `query { me { id } }`;
const HAS_CHINESE = /[\u4e00-\u9fff]/;

type OutboxKey = { userId: string; version: number; key: string };

/**
 * The key of an officer's on-site outbox on a phone (review 11-B F1): only an account that records
 * on-site checks gets one; the same account gets the same key of a version at every login (its checks
 * kept through a logout open again), another account another key, another version another key.
 */
describe('outboxKey', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // another officer of the detachment (a copy of baoan's account)
    await t.sql(
      `INSERT INTO users SELECT (jsonb_populate_record(NULL::users, to_jsonb(u) || jsonb_build_object('id', gen_random_uuid(), 'username', 'baoan_b', 'display_name', '王保安'))).*
         FROM users u WHERE username = 'baoan'`,
    );
  });
  afterAll(() => t?.close());

  const keyOf = async (username: string, version?: number) =>
    expectData(await (await t.login(username)).gql(OUTBOX_KEY, version === undefined ? {} : { version })).outboxKey as OutboxKey;

  it('is the same at every login of one account, a 32-byte key of the current version bound to that account', async () => {
    const first = await keyOf('baoan');
    const second = await keyOf('baoan');
    expect(second).toEqual(first);
    expect(first.version).toBe(CURRENT_OUTBOX_KEY_VERSION);
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    const me = expectData(await (await t.login('baoan')).gql(ME)).me;
    expect(first.userId).toBe(me.id);
    // the current version asked for by number is the same key
    expect(await keyOf('baoan', CURRENT_OUTBOX_KEY_VERSION)).toEqual(first);
  });

  it('differs between accounts', async () => {
    const a = await keyOf('baoan');
    const b = await keyOf('baoan_b');
    expect(b.userId).not.toBe(a.userId);
    expect(b.key).not.toBe(a.key);
  });

  it('differs between versions, and is derived for its purpose alone', () => {
    const hashKey = randomBytes(32);
    expect(outboxKeyFor('u1', 1, hashKey).equals(outboxKeyFor('u1', 2, hashKey))).toBe(false);
    expect(outboxKeyFor('u1', 1, hashKey).equals(outboxKeyFor('u1', 1, hashKey))).toBe(true);
    expect(outboxKeyFor('u1', 1, hashKey).equals(hashKey)).toBe(false);
    expect(outboxKeyFor('u1', 1, hashKey).equals(outboxKeyFor('u2', 1, hashKey))).toBe(false);
    expect(outboxKeyFor('u1', 1, hashKey).equals(outboxKeyFor('u1', 1, randomBytes(32)))).toBe(false);
  });

  it.each([0, -1, CURRENT_OUTBOX_KEY_VERSION + 1])('refuses version %i, which does not exist, in Chinese', async (version) => {
    const result = await (await t.login('baoan')).gql(OUTBOX_KEY, { version });
    const error = expectErrorCode(result, 'BAD_USER_INPUT');
    expect(error.message).toMatch(HAS_CHINESE);
    expect(error.message).toContain('密钥版本');
    expect(result.data?.outboxKey ?? null).toBeNull();
  });

  it.each([
    ['leader', Role.LEADER],
    ['office', Role.OFFICE],
    ['dahuo', Role.EVENT_DETACHMENT],
    ['xinglongtai', Role.DISTRICT_BUREAU],
    ['company2', Role.COMPANY],
    ['organizer1', Role.ORGANIZER],
  ])('is refused to %s (%s), which cannot record inspections, with a Chinese message', async (username) => {
    const result = await (await t.login(username)).gql(OUTBOX_KEY);
    const error = expectErrorCode(result, 'FORBIDDEN');
    expect(error.message).toMatch(HAS_CHINESE);
    expect(result.data?.outboxKey ?? null).toBeNull();
  });

  it('is refused without a session', async () => {
    expectErrorCode(await t.anonymous().gql(OUTBOX_KEY), 'UNAUTHENTICATED');
  });
});
