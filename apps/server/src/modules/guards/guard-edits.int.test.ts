import { addDays, todayCN } from '../../common/calendar';
import { idHash } from '../../common/pii';
import { createCompany } from '../../../test/activity-fixtures';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';

/**
 * Review C-3 (updateGuard: a field left out is kept, not erased) and C-6 (transferGuard: the leaving
 * date checked as guardLeaves checks it; no transfer into a company that is not 正常), each from the
 * side that must be refused or must not change anything.
 */

const UPDATE = `mutation ($id: ID!, $input: GuardInput!) {
  updateGuard(id: $id, input: $input) { id name phone certificateNo certificateIssuedOn education } }`;
const TRANSFER = `mutation ($id: ID!, $to: ID!, $date: String!) { transferGuard(id: $id, toCompanyId: $to, date: $date) { id companyId status } }`;
const LEAVES = `mutation ($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status leftOn } }`;

const PHONE = '13904275555';
const ISSUED_ON = '2020-01-01'; // makeGuard's

describe('guard edits: updateGuard keeps what is left out; transferGuard checks its date and the receiving company', () => {
  let t: TestApp;
  let baoan: TestClient;
  let company1: TestClient;
  let company1Id: string;
  let company2Id: string;
  const today = todayCN();

  beforeAll(async () => {
    t = await createTestApp();
    company1Id = await ensureCompany(t, await unitOf(t, 'company1'));
    company2Id = await ensureCompany(t, await unitOf(t, 'company2'));
    [baoan, company1] = await Promise.all([t.login('baoan'), t.login('company1')]);
  });
  afterAll(() => t?.close());

  /** The stored row, as the register keeps it (updated_at: whether anything was written). */
  const row = async (id: string) =>
    (await t.sql(
      `SELECT name, phone, certificate_no, certificate_issued_on::text AS issued_on, education, status, left_on::text AS left_on, company_id,
              updated_at
         FROM guards WHERE id = $1`,
      [id],
    ))[0];
  const audits = (id: string) => t.sql(`SELECT action, summary, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
  const guardAudits = async () => (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Guard'`))[0].n as number;

  /** A company1 guard with a phone, a 保安员证 and its issue date, stored by SQL (no audit entry of its own). */
  const guardWithCertificate = async (name: string, birthDate = '1990-05-01') => {
    const g = await makeGuard(t, company1Id, { name, birthDate });
    await t.sql(`UPDATE guards SET phone = $2 WHERE id = $1`, [g.id, PHONE]);
    const [{ certificate_no: certificateNo }] = await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [g.id]);
    return { ...g, certificateNo: certificateNo as string };
  };

  describe('updateGuard: 不传为不变 (C-3)', () => {
    it.each(['phone', 'certificateNo', 'certificateIssuedOn'] as const)(
      'leaving out %s keeps the stored value; a save that changes nothing else writes nothing and no audit entry',
      async (field) => {
        const g = await guardWithCertificate({ phone: '不传手机', certificateNo: '不传证号', certificateIssuedOn: '不传日期' }[field]);
        const stored = await row(g.id);
        const full = { name: g.name, education: 'SENIOR_MIDDLE', phone: PHONE, certificateNo: g.certificateNo, certificateIssuedOn: ISSUED_ON };
        const { [field]: _left, ...input } = full;
        const { updateGuard } = expectData(await company1.gql(UPDATE, { id: g.id, input }));
        expect(updateGuard).toMatchObject({ phone: PHONE, certificateNo: g.certificateNo, certificateIssuedOn: ISSUED_ON });
        expect(await row(g.id)).toEqual(stored);
        expect(await audits(g.id)).toEqual([]);
      },
    );

    it('leaving out all three while renaming: only the name changes; the 保安员证 stays (条例第十六条 still met), one audit entry', async () => {
      const g = await guardWithCertificate('三项不传');
      const stored = await row(g.id);
      const { updateGuard } = expectData(await company1.gql(UPDATE, { id: g.id, input: { name: '三项不传改名', education: 'SENIOR_MIDDLE' } }));
      expect(updateGuard).toMatchObject({ name: '三项不传改名', phone: PHONE, certificateNo: g.certificateNo, certificateIssuedOn: ISSUED_ON });
      expect(await row(g.id)).toMatchObject({ ...stored, name: '三项不传改名', updated_at: expect.any(Date) });
      const entries = await audits(g.id);
      expect(entries).toHaveLength(1);
      // What changed, by field name; the values (name, phone, 保安员证号) stay out of the append-only log.
      expect(entries[0].after).toMatchObject({ changed: ['name'], hasPhone: true, hasCertificateNo: true, certificateIssuedOn: ISSUED_ON });
      for (const datum of ['三项不传', PHONE, g.certificateNo]) expect(JSON.stringify(entries[0])).not.toContain(datum);
      const ELIGIBLE = `query ($id: ID!) { guard(id: $id) { eligibilityProblems { code } } }`;
      expect(expectData(await company1.gql(ELIGIBLE, { id: g.id })).guard.eligibilityProblems).toEqual([]);
    });

    it('an explicit null clears each of the three (a guard on no open roster), audited once', async () => {
      const g = await guardWithCertificate('显式清除');
      const input = { name: g.name, education: 'SENIOR_MIDDLE', phone: null, certificateNo: null, certificateIssuedOn: null };
      const { updateGuard } = expectData(await company1.gql(UPDATE, { id: g.id, input }));
      expect(updateGuard).toMatchObject({ phone: null, certificateNo: null, certificateIssuedOn: null });
      expect(await row(g.id)).toMatchObject({ phone: null, certificate_no: null, issued_on: null });
      expect((await audits(g.id)).map((a: { action: string }) => a.action)).toEqual(['UPDATE']);
      // a blank is a clearing too (the web form sends null; an API client may send '')
      const h = await guardWithCertificate('空串清除');
      expectData(await company1.gql(UPDATE, { id: h.id, input: { name: h.name, education: 'SENIOR_MIDDLE', phone: '', certificateNo: '', certificateIssuedOn: '' } }));
      expect(await row(h.id)).toMatchObject({ phone: null, certificate_no: null, issued_on: null });
    });

    it('refuses clearing the 保安员证号 while the stored issue date is left out, naming the date; nothing changed, no audit entry', async () => {
      const g = await guardWithCertificate('只清证号');
      const stored = await row(g.id);
      const refused = expectErrorCode(
        await company1.gql(UPDATE, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', certificateNo: null } }),
        'BAD_USER_INPUT',
      );
      expect(refused.extensions!.fields).toEqual([
        { field: 'certificateIssuedOn', message: `保安员证号已清除，但登记的发证日期（${ISSUED_ON}）未清除：请同时清除发证日期` },
      ]);
      expect(await row(g.id)).toEqual(stored);
      expect(await audits(g.id)).toEqual([]);
    });

    it('an issue date sent with the number left out is checked against the stored record: before the holder turned 18 refused, nothing changed; a good one taken', async () => {
      const g = await guardWithCertificate('日期随号', '1995-05-01');
      const stored = await row(g.id);
      const early = expectErrorCode(
        await company1.gql(UPDATE, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', certificateIssuedOn: '2012-06-01' } }),
        'BAD_USER_INPUT',
      );
      expect(early.extensions!.fields).toEqual([{
        field: 'certificateIssuedOn',
        message: '保安员证发证日期2012-06-01早于持证人年满18周岁之日（出生日期1995-05-01；《保安服务管理条例》第十六条：年满18周岁方可申领保安员证）',
      }]);
      expect(await row(g.id)).toEqual(stored);
      expect(await audits(g.id)).toEqual([]);
      // the stored number stands with the new date: not "请同时填写保安员证号"
      expectData(await company1.gql(UPDATE, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', certificateIssuedOn: '2021-03-01' } }));
      expect(await row(g.id)).toMatchObject({ phone: PHONE, certificate_no: g.certificateNo, issued_on: '2021-03-01' });
    });

    describe('on an open roster (identity-lock.ts): the locks hold, omission is no change', () => {
      let activityName: string;
      const onRoster = async (name: string) => {
        const g = await guardWithCertificate(name);
        activityName = `编辑锁测试活动${name}`;
        const activityId = await makeActivity(t, { status: 'VETTING', selectedCompanyId: company1Id, name: activityName });
        await t.sql(`INSERT INTO roster_entries (activity_id, guard_id, company_id) VALUES ($1, $2, $3)`, [activityId, g.id, company1Id]);
        return g;
      };
      const lockMessage = (guardName: string) =>
        `${guardName}在“${activityName}”的名单中，保安员证号、发证日期、学历和照片不能修改（审核和现场核验针对审核时的证件、学历和照片）；` +
        '如需更正，请先将其移出名单，修改后重新上报（将重新审核）';

      it.each([
        ['certificateNo', { certificateNo: null, certificateIssuedOn: null }],
        ['certificateIssuedOn', { certificateIssuedOn: null }],
      ] as const)('an explicit null for %s is refused with the credentials lock; nothing changed, no audit entry', async (field, cleared) => {
        const g = await onRoster(field === 'certificateNo' ? '锁定证号' : '锁定日期');
        const stored = await row(g.id);
        const refused = expectErrorCode(
          await company1.gql(UPDATE, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', ...cleared } }),
          'CONFLICT',
        );
        expect(refused.extensions!.fields).toEqual([{ field, message: lockMessage(g.name) }]);
        expect(await row(g.id)).toEqual(stored);
        expect(await audits(g.id)).toEqual([]);
      });

      it('leaving the 保安员证 out is no change and passes; the phone (not locked) is cleared by null', async () => {
        const g = await onRoster('锁外手机');
        const stored = await row(g.id);
        expectData(await company1.gql(UPDATE, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE' } }));
        expect(await row(g.id)).toEqual(stored);
        expect(await audits(g.id)).toEqual([]);
        expectData(await company1.gql(UPDATE, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', phone: null } }));
        expect(await row(g.id)).toMatchObject({ phone: null, certificate_no: g.certificateNo, issued_on: ISSUED_ON });
        expect((await audits(g.id)).map((a: { action: string }) => a.action)).toEqual(['UPDATE']);
      });
    });
  });

  describe('transferGuard (C-6)', () => {
    /** Nothing of a refused transfer is stored: the old record still ACTIVE where it was, no second record, no audit entry. */
    const expectNothingTransferred = async (g: { id: string; idNumber: string }, stored: Record<string, unknown>, guardAuditsBefore: number) => {
      expect(await row(g.id)).toEqual(stored);
      expect(stored).toMatchObject({ status: 'ACTIVE', left_on: null, company_id: company1Id });
      expect(await t.sql(`SELECT id FROM guards WHERE id_hash = $1`, [idHash(g.idNumber)])).toEqual([{ id: g.id }]);
      expect(await audits(g.id)).toEqual([]);
      expect(await guardAudits()).toBe(guardAuditsBefore);
    };

    it('refuses a leaving date before the guard turned 18 (1901-01-01 for a guard born 1990), as guardLeaves does; nothing changed', async () => {
      const g = await makeGuard(t, company1Id, { name: '调转早日', birthDate: '1990-05-01' });
      const stored = await row(g.id);
      const before = await guardAudits();
      for (const date of ['1901-01-01', '2008-04-30']) {
        const refused = expectErrorCode(await baoan.gql(TRANSFER, { id: g.id, to: company2Id, date }), 'BAD_USER_INPUT');
        expect(refused.extensions!.fields).toEqual([{ field: 'date', message: '调转日期不能早于其年满18周岁之日（2008-05-01）' }]);
      }
      // the same check, the same bound, as a leaving
      const left = expectErrorCode(await baoan.gql(LEAVES, { id: g.id, date: '1901-01-01' }), 'BAD_USER_INPUT');
      expect(left.extensions!.fields).toEqual([{ field: 'date', message: '离职日期不能早于其年满18周岁之日（2008-05-01）' }]);
      await expectNothingTransferred(g, stored, before);
    });

    it('takes the day the guard turned 18 (the bound itself), as guardLeaves does', async () => {
      const g = await makeGuard(t, company1Id, { name: '调转成年日', birthDate: '1990-05-01' });
      const { transferGuard } = expectData(await baoan.gql(TRANSFER, { id: g.id, to: company2Id, date: '2008-05-01' }));
      expect(transferGuard).toMatchObject({ companyId: company2Id, status: 'ACTIVE' });
      expect(await row(g.id)).toMatchObject({ status: 'LEFT', left_on: '2008-05-01' });
    });

    it('refuses a date after today, and one that is no date; nothing changed', async () => {
      const g = await makeGuard(t, company1Id, { name: '调转未来', birthDate: '1990-05-01' });
      const stored = await row(g.id);
      const before = await guardAudits();
      const future = expectErrorCode(await baoan.gql(TRANSFER, { id: g.id, to: company2Id, date: addDays(today, 1) }), 'BAD_USER_INPUT');
      expect(future.extensions!.fields).toEqual([{ field: 'date', message: '调转日期不能晚于今天' }]);
      const invalid = expectErrorCode(await baoan.gql(TRANSFER, { id: g.id, to: company2Id, date: '2024-02-30' }), 'BAD_USER_INPUT');
      expect(invalid.extensions!.fields).toEqual([{ field: 'date', message: '调转日期应为有效日期（YYYY-MM-DD）' }]);
      await expectNothingTransferred(g, stored, before);
    });

    it.each([
      ['SUSPENDED', '停业整顿', '调入暂停测试保安服务有限公司', '调入公司“调入暂停测试保安服务有限公司”当前为“暂停”状态（停业整顿），不能调入'],
      ['REVOKED', undefined, '调入吊销测试保安服务有限公司', '调入公司“调入吊销测试保安服务有限公司”当前为“吊销”状态，不能调入'],
    ] as const)('refuses a transfer into a company whose status is %s, naming the status; nothing changed', async (status, statusReason, name, message) => {
      const to = await createCompany(t, { name, status, statusReason });
      const g = await makeGuard(t, company1Id, { name: status === 'SUSPENDED' ? '调入暂停' : '调入吊销', birthDate: '1990-05-01' });
      const stored = await row(g.id);
      const before = await guardAudits();
      const refused = expectErrorCode(await baoan.gql(TRANSFER, { id: g.id, to, date: today }), 'BAD_USER_INPUT');
      expect(refused.extensions!.fields).toEqual([{ field: 'toCompanyId', message }]);
      await expectNothingTransferred(g, stored, before);
      expect(await t.sql(`SELECT id FROM guards WHERE company_id = $1`, [to])).toEqual([]);
    });

    it('a company back to 正常 takes the guard in', async () => {
      const to = await createCompany(t, { name: '调入恢复测试保安服务有限公司', status: 'SUSPENDED', statusReason: '停业整顿' });
      const g = await makeGuard(t, company1Id, { name: '调入恢复', birthDate: '1990-05-01' });
      expectErrorCode(await baoan.gql(TRANSFER, { id: g.id, to, date: today }), 'BAD_USER_INPUT');
      await t.sql(`UPDATE companies SET status = 'ACTIVE', status_reason = NULL WHERE id = $1`, [to]);
      const { transferGuard } = expectData(await baoan.gql(TRANSFER, { id: g.id, to, date: today }));
      expect(transferGuard).toMatchObject({ companyId: to, status: 'ACTIVE' });
      expect(await row(g.id)).toMatchObject({ status: 'LEFT', left_on: today });
    });

    it('the record a transfer opened cannot end before the transfer: a leaving or a further transfer dated earlier is refused, naming the date; the day itself is taken (red team 7, L3)', async () => {
      const g = await makeGuard(t, company1Id, { name: '调入后离职', birthDate: '1990-05-01' });
      const transferOn = addDays(today, -3);
      const { transferGuard } = expectData(await baoan.gql(TRANSFER, { id: g.id, to: company2Id, date: transferOn }));
      const stored = await row(transferGuard.id);
      const before = await guardAudits();
      const earlier = addDays(today, -8);
      const left = expectErrorCode(await baoan.gql(LEAVES, { id: transferGuard.id, date: earlier }), 'BAD_USER_INPUT');
      const because = `不能早于${transferOn}：该人员的上一段保安员记录（调转或离职）到${transferOn}才结束，本记录自那以后开始`;
      expect(left.extensions!.fields).toEqual([{ field: 'date', message: `离职日期${because}` }]);
      const moved = expectErrorCode(await baoan.gql(TRANSFER, { id: transferGuard.id, to: company1Id, date: earlier }), 'BAD_USER_INPUT');
      expect(moved.extensions!.fields).toEqual([{ field: 'date', message: `调转日期${because}` }]);
      expect(await row(transferGuard.id)).toEqual(stored);
      expect(await guardAudits()).toBe(before);
      expect(expectData(await baoan.gql(LEAVES, { id: transferGuard.id, date: transferOn })).guardLeaves).toMatchObject({ status: 'LEFT', leftOn: transferOn });
    });
  });
});
