import { Role } from '@evs/schema';
import { randomBytes } from 'node:crypto';
import { createTestApp, expectData, expectErrorCode, TestApp } from '../../../test/harness';
import { outboxKeyFor } from './outbox-key';

const OUTBOX_KEY = /* GraphQL */ `query { outboxKey { userId key } }`;
const ME = /* GraphQL */ `query { me { id } }`;

/**
 * The key of an officer's on-site outbox on a phone (review 11-B F1): the same account gets the same
 * key at every login (its checks kept through a logout open again), another account another key, and
 * a role that cannot record inspections none.
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

  const keyOf = async (username: string) => expectData(await (await t.login(username)).gql(OUTBOX_KEY)).outboxKey as { userId: string; key: string };

  it('is the same at every login of one account, a 32-byte key bound to that account', async () => {
    const first = await keyOf('baoan');
    const second = await keyOf('baoan');
    expect(second).toEqual(first);
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    const me = expectData(await (await t.login('baoan')).gql(ME)).me;
    expect(first.userId).toBe(me.id);
  });

  it('differs between accounts, and is derived for its purpose alone', async () => {
    const a = await keyOf('baoan');
    const b = await keyOf('baoan_b');
    expect(b.userId).not.toBe(a.userId);
    expect(b.key).not.toBe(a.key);
    // not the hash key itself, nor the keyed hash of the user id
    const hashKey = randomBytes(32);
    expect(outboxKeyFor('u1', hashKey).equals(hashKey)).toBe(false);
    expect(outboxKeyFor('u1', hashKey).equals(outboxKeyFor('u2', hashKey))).toBe(false);
    expect(outboxKeyFor('u1', hashKey).equals(outboxKeyFor('u1', randomBytes(32)))).toBe(false);
  });

  it.each([
    ['leader', Role.LEADER],
    ['office', Role.OFFICE],
    ['dahuo', Role.EVENT_DETACHMENT],
    ['xinglongtai', Role.DISTRICT_BUREAU],
    ['company2', Role.COMPANY],
    ['organizer1', Role.ORGANIZER],
  ])('is refused to %s (%s), which cannot record inspections', async (username) => {
    const result = await (await t.login(username)).gql(OUTBOX_KEY);
    expectErrorCode(result, 'FORBIDDEN');
    expect(result.data?.outboxKey ?? null).toBeNull();
  });

  it('is refused without a session', async () => {
    expectErrorCode(await t.anonymous().gql(OUTBOX_KEY), 'UNAUTHENTICATED');
  });
});
