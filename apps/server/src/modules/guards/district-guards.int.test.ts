import { maskIdNumber } from '@evs/schema';
import { decryptPii } from '../../common/pii';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';

/**
 * A district bureau sees the activities of its district (SPEC §1) and, of the guard register, the people
 * on their rosters, not the city's register with everybody's phone and address (review 11-B F3): on the
 * list, one by one, by a company's register and by a search; a removed entry no longer counts. The
 * city-wide police keep the whole register.
 */
const LIST = `query($filter: GuardFilterInput, $page: PageInput) { guards(filter: $filter, page: $page) { total items { id name phone } } }`;
const ONE = `query($id: ID!) { guard(id: $id) { id name phone } }`;

describe('a district bureau and the guard register', () => {
  let t: TestApp;
  let xinglongtai: TestClient;
  let dawa: TestClient;
  let office: TestClient;
  let companyId: string;
  let onXinglongtai: string[];
  let onDawa: string[];
  let nowhere: string;
  let removed: string;

  beforeAll(async () => {
    t = await createTestApp();
    [xinglongtai, dawa, office] = await Promise.all([t.login('xinglongtai'), t.login('dawa'), t.login('office')]);
    companyId = await createCompanyWithGuards(t, '辖区范围保安服务有限公司', 8);
    const x = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 3, cleared: 2, failed: 1, district: 'XINGLONGTAI' });
    const guards: { id: string }[] = await t.sql(`SELECT id FROM guards WHERE company_id = $1 ORDER BY certificate_no, id`, [companyId]);
    onXinglongtai = guards.slice(0, 3).map((g) => g.id); // two passed, one failed: all on the roster
    expect(x.cleared.map((c) => c.guardId)).toEqual(onXinglongtai.slice(0, 2));
    // Da Wa's roster: guards 4 and 5 of the same company
    const d = await createActivityWithRoster(t, { status: 'VETTING', companyId, guardsRequired: 2, cleared: 0, district: 'DAWA' });
    onDawa = guards.slice(3, 5).map((g) => g.id);
    for (const g of onDawa) {
      await t.sql(`INSERT INTO roster_entries (activity_id, guard_id, company_id) VALUES ($1, $2, $3)`, [d.id, g, companyId]);
    }
    removed = guards[5].id;
    await t.sql(`INSERT INTO roster_entries (activity_id, guard_id, company_id, state) VALUES ($1, $2, $3, 'REMOVED')`, [x.id, removed, companyId]);
    nowhere = guards[6].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const ids = (data: { guards: { items: { id: string }[] } }) => data.guards.items.map((g) => g.id).sort();

  it('lists only the people on its district’s rosters, whole register or one company’s', async () => {
    const all = expectData<{ guards: { total: number; items: { id: string }[] } }>(await xinglongtai.gql(LIST, { page: { page: 1, pageSize: 500 } }));
    // the demo's 兴隆台 activities have rosters too: every row is on one, and this company's three are there
    const [{ n }] = await t.sql(
      `SELECT count(DISTINCT r.guard_id)::int AS n FROM roster_entries r JOIN activities a ON a.id = r.activity_id WHERE r.state = 'ACTIVE' AND a.district = 'XINGLONGTAI'`,
    );
    expect(all.guards.total).toBe(n);
    const [{ city }] = await t.sql(`SELECT count(*)::int AS city FROM guards`);
    expect(all.guards.total).toBeLessThan(city);
    expect(ids(all)).toEqual(expect.arrayContaining(onXinglongtai));
    for (const id of [...onDawa, removed, nowhere]) expect(ids(all)).not.toContain(id);
    const own = expectData<{ guards: { items: { id: string }[] } }>(await xinglongtai.gql(LIST, { filter: { companyId }, page: { page: 1, pageSize: 100 } }));
    expect(ids(own)).toEqual([...onXinglongtai].sort());
    const other = expectData<{ guards: { items: { id: string }[] } }>(await dawa.gql(LIST, { filter: { companyId }, page: { page: 1, pageSize: 100 } }));
    expect(ids(other)).toEqual([...onDawa].sort());
  });

  it('a search reaches no one else', async () => {
    const found = expectData<{ guards: { items: { id: string; name: string }[] } }>(
      await xinglongtai.gql(LIST, { filter: { search: '辖区保安' }, page: { page: 1, pageSize: 100 } }),
    );
    expect(ids(found)).toEqual([...onXinglongtai].sort());
  });

  it('reads one of them, and answers NOT_FOUND for anybody else (another district’s roster, a removed entry, no roster)', async () => {
    expectData(await xinglongtai.gql(ONE, { id: onXinglongtai[2] }));
    for (const id of [onDawa[0], removed, nowhere]) expectErrorCode(await xinglongtai.gql(ONE, { id }), 'NOT_FOUND');
    expectErrorCode(await dawa.gql(ONE, { id: onXinglongtai[0] }), 'NOT_FOUND');
  });

  it('reads them as the other police do: ID numbers masked, no relatives, no other day’s eligibility, no search by whole ID number', async () => {
    const READ = `query($id: ID!, $on: String) { guard(id: $id) { idNumber relatives { name } eligibilityProblems(onDate: $on) { code } } }`;
    const [{ id_cipher: cipher }] = await t.sql(`SELECT id_cipher FROM guards WHERE id = $1`, [onXinglongtai[0]]);
    const idNumber = decryptPii(cipher);
    const { guard } = expectData<{ guard: { idNumber: string; relatives: null } }>(await xinglongtai.gql(READ, { id: onXinglongtai[0] }));
    expect(guard.idNumber).toBe(maskIdNumber(idNumber));
    expect(guard.relatives).toBeNull();
    expectErrorCode(await xinglongtai.gql(READ, { id: onXinglongtai[0], on: '2001-11-01' }), 'BAD_USER_INPUT');
    expect(expectData<{ guards: { total: number } }>(await xinglongtai.gql(LIST, { filter: { search: idNumber } })).guards.total).toBe(0);
  });

  it('the city-wide police still read the whole register', async () => {
    const all = expectData<{ guards: { total: number } }>(await office.gql(LIST, { filter: { companyId }, page: { page: 1, pageSize: 100 } }));
    expect(all.guards.total).toBe(8);
    expectData(await office.gql(ONE, { id: nowhere }));
  });
});
