import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards, PNG, trainAll } from '../../../test/onsite-fixtures';

/**
 * A guard's photo is not the organizer's to see (SPEC §1; `seesGuardParticulars`): `guard(id){photo}`
 * gives it null, and so do the on-duty roster and the address of its photos — the on-site screen of
 * the police and the chosen company keeps them. Written from the side of the activity's own organizer.
 */
const ROSTER = /* GraphQL */ `query ($id: ID!) { onDutyRoster(activityId: $id) { rosterEntryId guardId name photoUrl photo } }`;
const GUARD = /* GraphQL */ `query ($id: ID!) { guard(id: $id) { id photo } }`;

describe('on-duty roster photos follow the guard photo rule', () => {
  let t: TestApp;
  let activityId: string;
  let entry: { entryId: string; guardId: string; name: string };
  let organizer1: TestClient;

  const get = (client: TestClient, url: string) => fetch(`${t.url}${url}`, { headers: { cookie: `evs_session=${client.cookie('evs_session')}` } });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2031-04-01T10:00:00+08:00');
    const companyId = await createCompanyWithGuards(t, '在岗照片保安服务有限公司', 2, { username: 'duty_photo_co' });
    // Photos on the register before the roster is drawn up (a rostered guard's photo is locked).
    await t.sql(`UPDATE guards SET photo = $2 WHERE company_id = $1`, [companyId, PNG]);
    const [{ unit_id: organizerUnitId }] = await t.sql(`SELECT unit_id FROM users WHERE username = 'organizer1'`);
    const a = await createActivityWithRoster(t, { status: 'READY', companyId, guardsRequired: 1, cleared: 1, organizerUnitId });
    await trainAll(t, a.id);
    activityId = a.id;
    [entry] = a.cleared;
    organizer1 = await t.login('organizer1');
  });
  afterAll(async () => {
    t?.clock.reset();
    await t?.close();
  });

  it('the police and the chosen company see the photo on the on-site screen', async () => {
    const url = `/photos/roster/${entry.entryId}`;
    for (const username of ['baoan', 'duty_photo_co', 'xinglongtai']) {
      const client = await t.login(username);
      const roster = expectData(await client.gql(ROSTER, { id: activityId })).onDutyRoster;
      expect({ username, roster }).toEqual({ username, roster: [{ rosterEntryId: entry.entryId, guardId: entry.guardId, name: entry.name, photoUrl: url, photo: PNG }] });
      expect({ username, status: (await get(client, url)).status }).toEqual({ username, status: 200 });
    }
  });

  it("the activity's organizer reads its on-duty roster without photos, as guard(id) gives it none", async () => {
    const roster = expectData(await organizer1.gql(ROSTER, { id: activityId })).onDutyRoster;
    expect(roster).toEqual([{ rosterEntryId: entry.entryId, guardId: entry.guardId, name: entry.name, photoUrl: null, photo: null }]);
    expect(expectData(await organizer1.gql(GUARD, { id: entry.guardId })).guard).toEqual({ id: entry.guardId, photo: null });
  });

  it("the organizer gets the photo's address refused as if there were no photo", async () => {
    const missing = await get(organizer1, `/photos/roster/${randomUUID()}`);
    const expected = { status: missing.status, body: await missing.json() };
    expect(expected).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: '照片不存在或无权查看' } } });
    const res = await get(organizer1, `/photos/roster/${entry.entryId}`);
    expect(res.headers.get('content-type')).not.toMatch(/^image\//);
    expect({ status: res.status, body: await res.json() }).toEqual(expected);
  });
});
