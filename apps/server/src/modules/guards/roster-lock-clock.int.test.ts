import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';
import { localDate, todayCN } from '../../common/calendar';

/**
 * Code review 11 C9: the lock on a guard of an open roster ends with the event (identity-lock.ts
 * `openRosters`) by the app's clock, as every other date rule, not by the database's now(). The app's
 * clock is moved here and the database's is not.
 */
const ROSTER_LOCK = `query($id: ID!) { guard(id: $id) { rosterLock } }`;
const LEAVE = `mutation($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status } }`;
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id } } }`;

describe('the roster lock ends with the event by the app’s clock (code review 11 C9)', () => {
  let t: TestApp;
  let company: TestClient;
  let companyId: string;
  let organizerUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    organizerUnit = await unitOf(t, 'organizer1');
    company = await t.login('company1');
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.reset());

  let seq = 0;
  /** A guard on the roster of an activity weeks ahead (in vetting: an open roster). */
  const onOpenRoster = async (name: string) => {
    const activityId = await makeActivity(t, {
      selectedCompanyId: companyId, organizerUnitId: organizerUnit, guardsRequired: 1,
      startsAt: new Date(Date.now() + (30 + ++seq) * 86400_000).toISOString(),
    });
    const g = await makeGuard(t, companyId, { name });
    expectData(await company.gql(SUBMIT, { input: { activityId, guardIds: [g.id] } }));
    return { activityId, guard: g };
  };
  const endsAt = async (activityId: string): Promise<Date> => new Date((await t.sql(`SELECT ends_at FROM activities WHERE id = $1`, [activityId]))[0].ends_at);
  const rosterLock = async (guardId: string): Promise<string | null> => expectData(await company.gql(ROSTER_LOCK, { id: guardId })).guard.rosterLock;

  it('the app’s clock past the event’s end (the database’s not): the guard is no longer held', async () => {
    const { activityId, guard } = await onOpenRoster('时钟散场');
    const end = await endsAt(activityId);
    expect(await rosterLock(guard.id)).toContain('的名单中');
    t.clock.set(new Date(end.getTime() - 60_000));
    expect(await rosterLock(guard.id)).toContain('的名单中');
    t.clock.set(end);
    expect(await rosterLock(guard.id)).toBeNull();
  });

  it('the event over by the database’s clock but not by the app’s: the guard is still held, leaving refused', async () => {
    const { activityId, guard } = await onOpenRoster('时钟未散');
    // The event took place a day ago by the database's (and the machine's) clock; nobody closed it.
    await t.sql(`UPDATE activities SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = $1`, [activityId]);
    const end = await endsAt(activityId);
    t.clock.set(new Date(end.getTime() - 3600_000));
    expect(await rosterLock(guard.id)).toContain('的名单中');
    const refused = expectErrorCode(await company.gql(LEAVE, { id: guard.id, date: localDate(t.clock.now()) }), 'CONFLICT');
    expect(refused.message).toContain('不能办理离职或调转');

    // Back on the machine's time, the app and the database's lock agree: ended.
    t.clock.reset();
    expect(await rosterLock(guard.id)).toBeNull();
    expect(expectData(await company.gql(LEAVE, { id: guard.id, date: todayCN() })).guardLeaves.status).toBe('LEFT');
  });
});
