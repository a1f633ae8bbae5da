import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, GqlResult, TestApp, TestClient } from '../../../test/harness';
import { activityInput } from '../../../test/activity-fixtures';
import { createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';

/**
 * No existence oracle: whoever may not see a record gets exactly the answer of a record that does not
 * exist — the message of the thing asked for — on every path, before any other check that would tell
 * the two apart (a version, a parent's visibility). Written from the side of the units that must be
 * refused: another district's bureau, another organizer, another company.
 */
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $v: Int) { cancelActivity(id: $id, reason: "x", expectedVersion: $v) { id } }`;
const REPORT = /* GraphQL */ `mutation ($id: ID!, $v: Int) { reportActivity(id: $id, expectedVersion: $v) { id } }`;
const UPDATE = /* GraphQL */ `mutation ($id: ID!, $input: ActivityInput!, $v: Int) { updateActivity(id: $id, input: $input, expectedVersion: $v) { id } }`;
const SESSION = /* GraphQL */ `query ($id: ID!) { trainingSession(id: $id) { id } }`;
const ENTRY = /* GraphQL */ `query ($id: ID!) { rosterEntry(id: $id) { id } }`;
const REMOVE = /* GraphQL */ `mutation ($id: ID!) { removeRosterEntry(entryId: $id) { id } }`;
const REPLACE = /* GraphQL */ `mutation ($id: ID!, $g: ID!) { replaceRosterEntry(entryId: $id, guardId: $g) { id } }`;

/** What a refusal shows the caller: its code and message, no data. */
const answer = (r: GqlResult) => ({ code: r.errors?.[0]?.extensions?.code, message: r.errors?.[0]?.message, data: r.data ?? null });

describe('no existence oracle: a record the caller may not see is answered as one that does not exist', () => {
  let t: TestApp;
  let panshan: TestClient;
  let organizer2: TestClient;
  let company2: TestClient;
  /** An activity of 兴隆台 (not 盘山县's), organized by organizer1, with company `ownCompany` selected. */
  let draftId: string;
  let sessionId: string;
  let failedEntryId: string;
  let passedEntryId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const xinglongtai = await t.login('xinglongtai');
    const [{ unit_id: organizerUnitId }] = await t.sql(`SELECT unit_id FROM users WHERE username = 'organizer1'`);
    draftId = expectData(
      await xinglongtai.gql(`mutation ($input: ActivityInput!) { createActivity(input: $input) { id } }`, {
        input: activityInput({ district: 'XINGLONGTAI', organizerUnitId }),
      }),
    ).createActivity.id;
    const ownCompany = await createCompanyWithGuards(t, '存在性测试保安服务有限公司', 3, { username: 'oracle_co' });
    const training = await createActivityWithRoster(t, { status: 'TRAINING', companyId: ownCompany, guardsRequired: 1, cleared: 1, organizerUnitId });
    sessionId = await trainAll(t, training.id);
    const vetting = await createActivityWithRoster(t, { status: 'VETTING', companyId: ownCompany, guardsRequired: 1, cleared: 1, failed: 1, organizerUnitId });
    passedEntryId = vetting.cleared[0].entryId;
    [{ id: failedEntryId }] = await t.sql(`SELECT id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED'`, [vetting.id]);
    panshan = await t.login('panshan');
    organizer2 = await t.login('organizer2');
    company2 = await t.login('company2');
  });
  afterAll(() => t?.close());

  describe('a version check never comes before the row rule (cancel, report, update with expectedVersion)', () => {
    it("another district's bureau gets NOT_FOUND for any expectedVersion, as for an activity that does not exist", async () => {
      const [{ version }] = await t.sql(`SELECT version FROM activities WHERE id = $1`, [draftId]);
      const input = activityInput({ district: 'PANSHAN' });
      const mutations: [string, string, Record<string, unknown>][] = [
        ['cancelActivity', CANCEL, {}],
        ['reportActivity', REPORT, {}],
        ['updateActivity', UPDATE, { input }],
      ];
      for (const [name, doc, extra] of mutations) {
        const missing = answer(await panshan.gql(doc, { id: randomUUID(), v: 9999, ...extra }));
        expect(missing).toEqual({ code: 'NOT_FOUND', message: '活动不存在或无权查看', data: null });
        for (const v of [9999, version, null]) {
          expect({ name, v, answer: answer(await panshan.gql(doc, { id: draftId, v, ...extra })) }).toEqual({ name, v, answer: missing });
        }
      }
      // Nothing changed.
      expect(await t.sql(`SELECT status, version FROM activities WHERE id = $1`, [draftId])).toEqual([{ status: 'DRAFT', version }]);
    });

    it('the district that sees it still gets CONFLICT on a stale copy', async () => {
      const xinglongtai = await t.login('xinglongtai');
      const stale = answer(await xinglongtai.gql(CANCEL, { id: draftId, v: 9999 }));
      expect(stale).toMatchObject({ code: 'CONFLICT', message: '活动已被他人修改，请刷新后重试' });
    });
  });

  it("a training session of another organizer's activity: the session's NOT_FOUND, in GraphQL and as the 签到表 export", async () => {
    const download = async (client: TestClient, id: string) => {
      const res = await fetch(`${t.url}/exports/training/${id}.xlsx`, { headers: { cookie: `evs_session=${client.cookie('evs_session')}` } });
      return { status: res.status, body: await res.json() };
    };
    for (const [username, client] of [['organizer2', organizer2], ['company2', company2], ['panshan', panshan]] as const) {
      const missing = answer(await client.gql(SESSION, { id: randomUUID() }));
      expect(missing).toEqual({ code: 'NOT_FOUND', message: '培训不存在或无权查看', data: null });
      expect({ username, answer: answer(await client.gql(SESSION, { id: sessionId })) }).toEqual({ username, answer: missing });
      const missingFile = await download(client, randomUUID());
      expect(missingFile).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: '培训不存在或无权查看' } } });
      expect({ username, file: await download(client, sessionId) }).toEqual({ username, file: missingFile });
    }
    // The activity's own organizer reads it.
    expect(expectData(await (await t.login('organizer1')).gql(SESSION, { id: sessionId })).trainingSession.id).toBe(sessionId);
  });

  it("another unit's roster entry: the entry's NOT_FOUND from rosterEntry, removeRosterEntry and replaceRosterEntry", async () => {
    const [{ id: ownGuard }] = await t.sql(`SELECT g.id FROM guards g JOIN users u ON u.unit_id = g.company_id WHERE u.username = 'company2' LIMIT 1`);
    const asks: [string, (id: string) => [string, Record<string, unknown>]][] = [
      ['rosterEntry', (id) => [ENTRY, { id }]],
      ['removeRosterEntry', (id) => [REMOVE, { id }]],
      ['replaceRosterEntry', (id) => [REPLACE, { id, g: ownGuard }]],
    ];
    const callers: [string, TestClient][] = [['company2', company2], ['organizer2', organizer2], ['panshan', panshan]];
    for (const [username, client] of callers) {
      for (const [name, ask] of asks) {
        if (username === 'panshan' && name !== 'rosterEntry') continue; // the submitting mutations are not a bureau's at all
        const missing = answer(await client.gql(...ask(randomUUID())));
        expect({ username, name, missing }).toEqual({ username, name, missing: { code: 'NOT_FOUND', message: '名单人员不存在或无权查看', data: null } });
        for (const entryId of [failedEntryId, passedEntryId]) {
          expect({ username, name, answer: answer(await client.gql(...ask(entryId))) }).toEqual({ username, name, answer: missing });
        }
      }
    }
    // Nothing changed: both entries are still on the roster.
    expect(await t.sql(`SELECT count(*)::int AS n FROM roster_entries WHERE id = ANY($1::uuid[]) AND state = 'ACTIVE'`, [[failedEntryId, passedEntryId]])).toEqual([{ n: 2 }]);
    // The submitting company reads its own entry.
    expect(expectData(await (await t.login('oracle_co')).gql(ENTRY, { id: failedEntryId })).rosterEntry.id).toBe(failedEntryId);
  });
});
