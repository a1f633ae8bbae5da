import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, idFor, makeGuard, unitOf } from '../../../test/vetting-fixtures';

const VERSION = `query($id: ID!) { guard(id: $id) { id relativesVersion relativeCount } }`;
const SET = `mutation($g: ID!, $r: [RelativeInput!]!, $s: String, $v: String) {
  setGuardRelatives(guardId: $g, relatives: $r, statement: $s, expectedVersion: $v) { id relativeCount relativesVersion } }`;

/**
 * Red team 7, L2 (the half it read from the schema): setGuardRelatives replaces the whole list, so a form opened
 * before a colleague added a relative dropped that relative on saving. A form now sends back the relativesVersion
 * it was opened on; a change made since is not overwritten (CONFLICT), nothing stored.
 */
describe('relatives saved from a form opened before someone else changed them', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string;
  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    [baoan, company] = await Promise.all([t.login('baoan'), t.login('company1')]);
  });
  afterAll(() => t?.close());

  const parents = () => [
    { relation: 'FATHER', name: '王某某', idNumber: idFor('1960-03-01') },
    { relation: 'MOTHER', name: '李某某', idNumber: idFor('1962-07-01', true) },
  ];

  it('the version opened on is refused once a colleague changed the relatives: nothing stored, nothing audited; the fresh version saves', async () => {
    const g = await makeGuard(t, companyId, { name: '亲属版本' });
    const opened = expectData(await company.gql(VERSION, { id: g.id })).guard.relativesVersion as string;
    expect(opened).toMatch(/^[0-9a-f]{24}$/);
    // the detachment adds the spouse meanwhile
    const withSpouse = [...parents(), { relation: 'SPOUSE', name: '赵某某', idNumber: idFor('1991-01-01', true) }];
    const changed = expectData(await baoan.gql(SET, { g: g.id, r: withSpouse, v: opened })).setGuardRelatives;
    expect(changed.relativeCount).toBe(3);
    expect(changed.relativesVersion).not.toBe(opened);
    const audits = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [g.id]))[0].n as number;
    const before = await audits();
    // the company's form, opened before, would drop the spouse
    const refused = expectErrorCode(await company.gql(SET, { g: g.id, r: parents(), v: opened }), 'CONFLICT');
    expect(refused.message).toBe('直系亲属在您打开后已被他人修改，本次未保存（以免覆盖）；请重新查阅后再修改');
    expect(expectData(await company.gql(VERSION, { id: g.id })).guard.relativeCount).toBe(3);
    expect(await audits()).toBe(before);
    // a statement changed meanwhile counts as a change too
    const fresh = expectData(await company.gql(VERSION, { id: g.id })).guard.relativesVersion;
    expectData(await baoan.gql(SET, { g: g.id, r: withSpouse, s: '无子女', v: fresh }));
    expectErrorCode(await company.gql(SET, { g: g.id, r: parents(), v: fresh }), 'CONFLICT');
    // reopened: saved
    const reopened = expectData(await company.gql(VERSION, { id: g.id })).guard.relativesVersion;
    expect(expectData(await company.gql(SET, { g: g.id, r: parents(), v: reopened })).setGuardRelatives.relativeCount).toBe(2);
  });

  it('without a version it saves as before; the version is the same for the same relatives and tells nothing to a reader who may not keep them', async () => {
    const g = await makeGuard(t, companyId, { name: '亲属无版本' });
    const v1 = expectData(await baoan.gql(VERSION, { id: g.id })).guard.relativesVersion;
    expect(expectData(await company.gql(VERSION, { id: g.id })).guard.relativesVersion).toBe(v1);
    expectData(await company.gql(SET, { g: g.id, r: parents() }));
    const office = await t.login('office');
    const read = await office.gql(VERSION, { id: g.id });
    if (!read.errors) expect(read.data!.guard.relativesVersion).toBeNull();
  });
});

describe('a guard record saved from a form opened before a colleague saved it (red team 7, L2)', () => {
  let t: TestApp, baoan: TestClient, company: TestClient, companyId: string;
  beforeAll(async () => {
    t = await createTestApp();
    companyId = await ensureCompany(t, await unitOf(t, 'company1'));
    [baoan, company] = await Promise.all([t.login('baoan'), t.login('company1')]);
  });
  afterAll(() => t?.close());

  const READ = `query($id: ID!) { guard(id: $id) { id name phone education updatedAt } }`;
  const UPDATE = `mutation($id: ID!, $input: GuardInput!, $at: DateTimeISO) { updateGuard(id: $id, input: $input, expectedUpdatedAt: $at) { id phone updatedAt } }`;

  it('the form opened before is refused once a colleague saved a change: nothing stored; the same content sent again is no change; reopened it saves', async () => {
    const g = await makeGuard(t, companyId, { name: '登记版本' });
    const opened = expectData(await company.gql(READ, { id: g.id })).guard;
    // the detachment corrects the phone meanwhile
    const saved = expectData(await baoan.gql(UPDATE, { id: g.id, input: { name: opened.name, education: opened.education, phone: '13904277777' }, at: opened.updatedAt })).updateGuard;
    // the same save sent again (a double click) changes nothing and is not refused
    expect(expectData(await baoan.gql(UPDATE, { id: g.id, input: { name: opened.name, education: opened.education, phone: '13904277777' }, at: opened.updatedAt })).updateGuard.updatedAt).toBe(saved.updatedAt);
    const audits = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [g.id]))[0].n as number;
    const before = await audits();
    // the company's form, opened before, would put the old phone back with its own change
    const refused = expectErrorCode(
      await company.gql(UPDATE, { id: g.id, input: { name: opened.name, education: 'COLLEGE', phone: opened.phone }, at: opened.updatedAt }),
      'CONFLICT',
    );
    expect(refused.message).toBe('该保安员的登记信息在您打开后已被他人修改，本次未保存（以免覆盖）；请刷新后再修改');
    expect(expectData(await company.gql(READ, { id: g.id })).guard).toMatchObject({ phone: '13904277777', education: opened.education });
    expect(await audits()).toBe(before);
    const reopened = expectData(await company.gql(READ, { id: g.id })).guard;
    expect(expectData(await company.gql(UPDATE, { id: g.id, input: { name: reopened.name, education: 'COLLEGE', phone: reopened.phone }, at: reopened.updatedAt })).updateGuard.phone).toBe('13904277777');
    // without the argument it saves as before
    expectData(await company.gql(UPDATE, { id: g.id, input: { name: reopened.name, education: 'SENIOR_MIDDLE', phone: reopened.phone } }));
  });
});
