import { withCreditCheckChar } from '@evs/schema';
import { todayCN } from '../../common/calendar';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, idFor, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';

/**
 * A self-recruiting organizer's own guard register (自招保安单位的自招名册, SPEC §2) is a `companies` row
 * but no 保安服务公司. From the police's side: 保安管理支队 may not edit it as a company, suspend it or
 * move a person into it (a person may leave it by a transfer, as from any register); the police read
 * null, not the placeholders it is stored with, for what only a company has; and `me` tells an
 * organizer whether it keeps a register by the rule the register's writes enforce.
 */

const CREATE_GUARD = `mutation($input: CreateGuardInput!) { createGuard(input: $input) { id companyId } }`;
const UPDATE = `mutation ($id: ID!, $input: CompanyInput!, $version: Int) { updateCompany(id: $id, input: $input, version: $version) { id name version } }`;
const STATUS = `mutation ($id: ID!, $status: CompanyStatus!, $reason: String!) { setCompanyStatus(id: $id, status: $status, reason: $reason) { id status statusReason } }`;
const TRANSFER = `mutation ($id: ID!, $to: ID!, $date: String!) { transferGuard(id: $id, toCompanyId: $to, date: $date) { id companyId status } }`;
/** Everything of a 保安服务公司 an organizer's register stores a placeholder for. */
const PLACEHOLDERS = `selfRecruitedRegister creditCode licenseNo licenseExpiry licenseValid licenseDaysLeft registeredCapital
  activitiesServed findingsRate performanceScore performance { score hasHistory }`;
const COMPANY = `query($id: ID!) { company(id: $id) { id name guardsOnRegister guardsWithValidCertificate ${PLACEHOLDERS} } }`;
const GUARD_COMPANY = `query($id: ID!) { guard(id: $id) { id company { id ${PLACEHOLDERS} } } }`;
const ME = `query { me { role keepsGuardRegister } }`;

const NULLS = {
  selfRecruitedRegister: true,
  creditCode: null,
  licenseNo: null,
  licenseExpiry: null,
  licenseValid: null,
  licenseDaysLeft: null,
  registeredCapital: null,
  activitiesServed: null,
  findingsRate: null,
  performanceScore: null,
  performance: null,
};

const companyInput = {
  name: '盘锦自招改名保安服务有限公司',
  creditCode: withCreditCheckChar('91211100MA0T99001'),
  licenseNo: '辽公保服2026999号',
  licenseExpiry: '2031-12-31',
  registeredCapital: 3_000_000,
  address: '盘锦市兴隆台区惠宾大街100号',
  district: 'XINGLONGTAI',
  contactName: '测试联系人',
  contactPhone: '13904279999',
};

describe('an organizer’s own register is no 保安服务公司 to the police', () => {
  let t: TestApp;
  let baoan: TestClient;
  let office: TestClient;
  let organizer1: TestClient;
  let organizer2: TestClient;
  let company1: TestClient;
  let registerId: string;
  let registerName: string;
  let company1Id: string;
  /** A guard on organizer1's register, registered by organizer1 itself. */
  let ownGuard: string;
  const today = todayCN();

  /** The register's row as stored, and what the police's refused actions would have left behind. */
  const stored = async () => ({
    row: (await t.sql(`SELECT * FROM companies WHERE id = $1`, [registerId]))[0],
    unit: (await t.sql(`SELECT name, district, contact_name, contact_phone FROM units WHERE id = $1`, [registerId]))[0],
    audits: (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [registerId]))[0].n,
    notices: (await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE unit_id = $1`, [registerId]))[0].n,
    guards: await t.sql(`SELECT id, status FROM guards WHERE company_id = $1 ORDER BY id`, [registerId]),
  });

  beforeAll(async () => {
    t = await createTestApp();
    registerId = await unitOf(t, 'organizer1');
    company1Id = await ensureCompany(t, await unitOf(t, 'company1'));
    // organizer1 is a 自招保安单位 (whatever the demo data holds): its register opens on its first guard.
    await makeActivity(t, { organizerUnitId: registerId, securityMode: 'SELF_RECRUITED', status: 'APPROVED' });
    [baoan, office, organizer1, organizer2, company1] = await Promise.all(
      ['baoan', 'office', 'organizer1', 'organizer2', 'company1'].map((u) => t.login(u)),
    );
    ownGuard = expectData(
      await organizer1.gql(CREATE_GUARD, { input: { name: '自招甲', idNumber: idFor('1990-03-01'), education: 'SENIOR_MIDDLE', relativesStatement: '父母已故' } }),
    ).createGuard.id;
    const [reg] = await t.sql(`SELECT c.name, u.kind FROM companies c JOIN units u ON u.id = c.id WHERE c.id = $1`, [registerId]);
    expect(reg.kind).toBe('ORGANIZER');
    registerName = reg.name;
  });
  afterAll(() => t?.close());

  describe('保安管理支队’s company-register mutations refuse it, storing nothing', () => {
    it('updateCompany: BAD_USER_INPUT naming what it is; the row, its unit and the audit log unchanged', async () => {
      const before = await stored();
      const refused = expectErrorCode(await baoan.gql(UPDATE, { id: registerId, input: companyInput, version: before.row.version }), 'BAD_USER_INPUT');
      expect(refused.message).toBe(`“${registerName}”为自招保安单位的自招名册，不是保安服务公司，不能修改保安服务公司登记信息`);
      expect(refused.extensions?.fields).toEqual([{ field: 'id', message: refused.message }]);
      expect(await stored()).toEqual(before);
    });

    it.each(['SUSPENDED', 'REVOKED', 'ACTIVE'])('setCompanyStatus %s: refused; status, audit log and notifications unchanged', async (status) => {
      const before = await stored();
      const refused = expectErrorCode(await baoan.gql(STATUS, { id: registerId, status, reason: '测试' }), 'BAD_USER_INPUT');
      expect(refused.message).toBe(`“${registerName}”为自招保安单位的自招名册，不是保安服务公司，不能暂停、吊销或恢复`);
      expect(await stored()).toEqual(before);
    });

    it('transferGuard into it: refused; the guard stays where it was, the register gains nobody', async () => {
      const g = await makeGuard(t, company1Id);
      const before = await stored();
      const refused = expectErrorCode(await baoan.gql(TRANSFER, { id: g.id, to: registerId, date: today }), 'BAD_USER_INPUT');
      expect(refused.message).toBe(`“${registerName}”为自招保安单位的自招名册，不是保安服务公司，不能调入保安员（自招保安员由该单位自行登记）`);
      expect(refused.extensions?.fields).toEqual([{ field: 'toCompanyId', message: refused.message }]);
      expect(await t.sql(`SELECT company_id, status, left_on FROM guards WHERE id = $1`, [g.id])).toEqual([{ company_id: company1Id, status: 'ACTIVE', left_on: null }]);
      expect(await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Guard' AND entity_id = $1`, [g.id])).toEqual([{ n: 0 }]);
      expect(await stored()).toEqual(before);
    });

    it('a 保安服务公司 stays editable and transferable into (the refusal is of the register alone)', async () => {
      const g = await makeGuard(t, company1Id);
      const company2Id = await ensureCompany(t, await unitOf(t, 'company2'));
      expect(expectData(await baoan.gql(TRANSFER, { id: g.id, to: company2Id, date: today })).transferGuard).toMatchObject({ companyId: company2Id, status: 'ACTIVE' });
      const [{ version }] = await t.sql(`SELECT version FROM companies WHERE id = $1`, [company2Id]);
      const renamed = expectData(await baoan.gql(UPDATE, { id: company2Id, input: { ...companyInput, name: '盘锦改名二号保安服务有限公司' }, version })).updateCompany;
      expect(renamed.name).toBe('盘锦改名二号保安服务有限公司');
    });

    it('transferGuard out of it to a 保安服务公司 is a transfer like any other: the old record leaves, the history stays', async () => {
      const moved = expectData(await baoan.gql(TRANSFER, { id: ownGuard, to: company1Id, date: today })).transferGuard;
      expect(moved).toMatchObject({ companyId: company1Id, status: 'ACTIVE' });
      expect(await t.sql(`SELECT status, left_on::text AS left_on FROM guards WHERE id = $1`, [ownGuard])).toEqual([{ status: 'LEFT', left_on: today }]);
    });
  });

  describe('what the police read of it: null, not placeholders', () => {
    it('company(id): no licence, expiry, capital, credit code or performance; its guards’ figures stay', async () => {
      for (const reader of [baoan, office, organizer1]) {
        const c = expectData(await reader.gql(COMPANY, { id: registerId })).company;
        expect(c).toMatchObject(NULLS);
        expect(typeof c.guardsOnRegister).toBe('number');
        expect(typeof c.guardsWithValidCertificate).toBe('number');
      }
      // Stored as placeholders all the same (ensureOwnRegister): the answer, not the row, changed.
      const [row] = await t.sql(`SELECT license_expiry::text AS expiry FROM companies WHERE id = $1`, [registerId]);
      expect(row.expiry).toBe('9999-12-31');
    });

    it('a guard’s company, when it is the register, reads the same', async () => {
      const g = await makeGuard(t, registerId);
      expect(expectData(await baoan.gql(GUARD_COMPANY, { id: g.id })).guard.company).toMatchObject({ id: registerId, ...NULLS });
    });

    it('a 保安服务公司 keeps its figures', async () => {
      const c = expectData(await baoan.gql(COMPANY, { id: company1Id })).company;
      expect(c.selfRecruitedRegister).toBe(false);
      for (const field of ['creditCode', 'licenseNo', 'licenseExpiry', 'licenseValid', 'licenseDaysLeft', 'registeredCapital', 'activitiesServed', 'findingsRate', 'performanceScore', 'performance']) {
        expect(c[field]).not.toBeNull();
      }
      const listed = expectData(await baoan.gql(`query { companies(page: { pageSize: 500 }) { items { id selfRecruitedRegister licenseExpiry } } }`)).companies.items;
      expect(listed.every((i: { selfRecruitedRegister: boolean; licenseExpiry: string | null }) => !i.selfRecruitedRegister && i.licenseExpiry !== null)).toBe(true);
    });
  });

  describe('me.keepsGuardRegister: the rule the register’s writes enforce', () => {
    it('an organizer with a register: true; a company: true; the police: false', async () => {
      expect(expectData(await organizer1.gql(ME)).me).toEqual({ role: 'ORGANIZER', keepsGuardRegister: true });
      expect(expectData(await company1.gql(ME)).me).toEqual({ role: 'COMPANY', keepsGuardRegister: true });
      expect(expectData(await baoan.gql(ME)).me).toEqual({ role: 'SECURITY_DETACHMENT', keepsGuardRegister: false });
    });

    it('an organizer with no register: false, true while it has a self-recruited activity, false again once that is cancelled', async () => {
      const unit = await unitOf(t, 'organizer2');
      expect(await t.sql(`SELECT 1 FROM companies WHERE id = $1`, [unit])).toHaveLength(0);
      await t.sql(`UPDATE activities SET status = 'CANCELLED' WHERE organizer_unit_id = $1 AND security_mode = 'SELF_RECRUITED'`, [unit]);
      expect(expectData(await organizer2.gql(ME)).me.keepsGuardRegister).toBe(false);
      const activity = await makeActivity(t, { organizerUnitId: unit, securityMode: 'SELF_RECRUITED', status: 'APPROVED' });
      expect(expectData(await organizer2.gql(ME)).me.keepsGuardRegister).toBe(true);
      await t.sql(`UPDATE activities SET status = 'CANCELLED' WHERE id = $1`, [activity]);
      expect(expectData(await organizer2.gql(ME)).me.keepsGuardRegister).toBe(false);
      // The same answer as the form's: refused, nothing stored.
      expectErrorCode(await organizer2.gql(CREATE_GUARD, { input: { name: '二号自招', idNumber: idFor('1994-07-07'), education: 'SENIOR_MIDDLE', relativesStatement: '父母已故' } }), 'FORBIDDEN');
      expect(await t.sql(`SELECT 1 FROM companies WHERE id = $1`, [unit])).toHaveLength(0);
    });
  });
});
