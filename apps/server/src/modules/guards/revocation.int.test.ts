import { withIdCheckDigit } from '@evs/schema';
import { addDays, todayCN } from '../../common/calendar';
import { encryptPii, idHash } from '../../common/pii';
import { expectData, expectErrorCode, GqlResult, TestApp, TestClient } from '../../../test/harness';
import { idFor, makeActivity, makeGuard, passAllSeen, Row, unitOf, vettingScene } from '../../../test/vetting-fixtures';

/**
 * 保安员证 revocations (条例第十七条; red-team 5 L4): "revoked twice" is two certificates, a revocation names
 * the certificate, the same one entered again with a corrected date is refused (CONFLICT naming the first),
 * and 保安管理支队 alone corrects a revocation or cancels one entered in error, audited, idempotent.
 */

const REVOKE = `mutation ($idNumber: String!, $date: String!, $reason: String!, $certificateNo: String) {
  recordCertificateRevocation(idNumber: $idNumber, date: $date, reason: $reason, certificateNo: $certificateNo) { id revokedOn certificateNo } }`;
const REVOCATION_FIELDS = 'id revokedOn reason certificateNo correctedAt correctionNote cancelledAt cancelReason';
const CORRECT = `mutation ($id: ID!, $date: String!, $reason: String!, $note: String!, $certificateNo: String) {
  correctCertificateRevocation(id: $id, date: $date, reason: $reason, note: $note, certificateNo: $certificateNo) { ${REVOCATION_FIELDS} } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelCertificateRevocation(id: $id, reason: $reason) { ${REVOCATION_FIELDS} } }`;
const GUARD = `query ($id: ID!) { guard(id: $id) { id certificateNo revocations { ${REVOCATION_FIELDS} } eligibilityProblems { code message } } }`;
const CREATE_GUARD = `mutation ($i: CreateGuardInput!) { createGuard(input: $i) { id } }`;
const UPDATE_GUARD = `mutation ($id: ID!, $input: GuardInput!) { updateGuard(id: $id, input: $input) { id certificateNo certificateIssuedOn } }`;

/** Every role but 保安管理支队 (SPEC §1), by a demo account of it. */
const OTHER_ROLES = ['leader', 'office', 'dahuo', 'panshan', 'company1', 'organizer1', 'admin', 'auditor'];

const today = todayCN();
const codes = (g: Row) => g.eligibilityProblems.map((p: Row) => p.code);

describe('certificate revocations: one per certificate, corrected or cancelled by 保安管理支队 (GraphQL, real PostgreSQL)', () => {
  const scene = vettingScene('吊销更正');
  let t: TestApp;
  let baoan: TestClient;
  let company: TestClient;
  let companyId: string;
  beforeAll(() => ({ t, baoan, company, companyId } = scene));

  const rows = (idNumber: string) =>
    t.sql(`SELECT id, to_char(revoked_on, 'YYYY-MM-DD') AS revoked_on, reason, certificate_no, cancelled_at FROM certificate_revocations
            WHERE id_hash = $1 ORDER BY revoked_on`, [idHash(idNumber)]);
  const audits = (id: string) =>
    t.sql(`SELECT action, actor_role, summary, before, after FROM audit_log WHERE entity_type = 'CertificateRevocation' AND entity_id = $1 ORDER BY id`, [id]);
  const guardAs = async (client: TestClient, id: string): Promise<Row> => expectData(await client.gql(GUARD, { id })).guard;
  const revoke = async (idNumber: string, date: string, certificateNo?: string): Promise<Row> =>
    expectData(await baoan.gql(REVOKE, { idNumber, date, reason: '违反条例第三十条', certificateNo })).recordCertificateRevocation;

  describe('recording', () => {
    it('red-team L4: the same revocation again with a corrected date is refused, naming the first; the guard is revoked once', async () => {
      // As the red team did: a guard registered through the form, certificate issued 2019-05-01.
      const idNumber = withIdCheckDigit(`21110219880610${String(Math.floor(Math.random() * 900) + 100)}`);
      const cert = `辽盘保2019${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
      const { createGuard } = expectData(await company.gql(CREATE_GUARD, {
        i: {
          name: '吊销测试', idNumber, education: 'SENIOR_MIDDLE', phone: '13900003333', certificateNo: cert, certificateIssuedOn: '2019-05-01',
          relatives: [{ relation: 'FATHER', name: '吊销父', idNumber: idFor('1960-01-01') }, { relation: 'MOTHER', name: '吊销母', idNumber: idFor('1962-01-01', true) }],
        },
      }));
      const first = addDays(today, -5);
      const second = addDays(today, -4);
      const burst: GqlResult[] = await Promise.all(Array.from({ length: 30 }, () => baoan.gql(REVOKE, { idNumber, date: first, reason: '违反条例第三十条' })));
      const ok = burst.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      for (const r of burst.filter((x) => x.errors)) {
        expect(r.errors![0]).toMatchObject({ message: `该人员${first}的吊销记录已存在`, extensions: { code: 'CONFLICT' } });
      }
      expect(ok[0].data.recordCertificateRevocation).toMatchObject({ revokedOn: first, certificateNo: cert });

      const refused = expectErrorCode(await baoan.gql(REVOKE, { idNumber, date: second, reason: '违反条例第三十条' }), 'CONFLICT');
      const says = `该人员已于${first}被吊销保安员证（证号${cert}），此后未取得新证；如日期或原因有误，请更正原记录`;
      expect(refused.message).toBe(says);
      expect(refused.extensions!.fields).toEqual([{ field: 'date', message: says }]);
      // naming the certificate does not change it: the same one
      expect(expectErrorCode(await baoan.gql(REVOKE, { idNumber, date: second, reason: '违反条例第三十条', certificateNo: cert }), 'CONFLICT').message).toBe(says);
      expect(await rows(idNumber)).toEqual([expect.objectContaining({ revoked_on: first, certificate_no: cert })]);

      const g = await guardAs(baoan, createGuard.id);
      expect(codes(g)).toEqual(['REVOKED_RECENTLY']);
      expect(JSON.stringify(g.eligibilityProblems)).not.toContain('2次');
    });

    it('a new certificate issued after a revocation and revoked again counts twice; that one again is refused', async () => {
      const g = await makeGuard(t, companyId, { name: '两次吊销', certificateNo: `辽旧证${Date.now() % 1e6}` });
      const [old] = await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [g.id]);
      // the certificate issued 2020-01-01 is revoked on 2020-06-01 …
      expect(await revoke(g.idNumber, '2020-06-01')).toMatchObject({ certificateNo: old.certificate_no });
      expect(codes(await guardAs(baoan, g.id))).toEqual([]);
      // … more than 3 years on he holds a new one, issued 2023-07-01, revoked on 2024-01-01
      const renewed = `辽新证${Date.now() % 1e6}`;
      expectData(await company.gql(UPDATE_GUARD, { id: g.id, input: { name: g.name, education: 'SENIOR_MIDDLE', certificateNo: renewed, certificateIssuedOn: '2023-07-01' } }));
      expect(await revoke(g.idNumber, '2024-01-01')).toMatchObject({ certificateNo: renewed });
      const after = await guardAs(baoan, g.id);
      expect(after.eligibilityProblems).toEqual([
        { code: 'REVOKED_RECENTLY', message: expect.stringContaining('于2024-01-01被吊销') },
        { code: 'REVOKED_TWICE', message: '保安员证曾被吊销2次（《保安服务管理条例》第十七条）' },
      ]);
      expect(after.revocations.map((r: Row) => r.certificateNo)).toEqual([old.certificate_no, renewed]);
      // the new certificate once more, a day later: no third certificate
      const again = expectErrorCode(await baoan.gql(REVOKE, { idNumber: g.idNumber, date: '2024-01-02', reason: '重复录入' }), 'CONFLICT');
      expect(again.message).toContain(`该人员已于2024-01-01被吊销保安员证（证号${renewed}）`);
      expect(await rows(g.idNumber)).toHaveLength(2);
    });

    it('a person on no register: the second revocation needs a second certificate; without a number it is refused (证号未登记)', async () => {
      const idNumber = idFor('1979-03-03');
      expect(await revoke(idNumber, '2016-05-01')).toMatchObject({ certificateNo: null });
      const refused = expectErrorCode(await baoan.gql(REVOKE, { idNumber, date: '2021-05-01', reason: '再次' }), 'CONFLICT');
      expect(refused.message).toBe('该人员已于2016-05-01被吊销保安员证（证号未登记），此后未取得新证；如日期或原因有误，请更正原记录');
      expect(await rows(idNumber)).toHaveLength(1);
    });

    it('refuses a certificate number held by another person, and a date before the named certificate was issued', async () => {
      const holder = await makeGuard(t, companyId, { name: '证号持有' });
      const [{ certificate_no: held }] = await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [holder.id]);
      const other = idFor('1982-02-02');
      const taken = expectErrorCode(await baoan.gql(REVOKE, { idNumber: other, date: addDays(today, -10), reason: '录入', certificateNo: held }), 'BAD_USER_INPUT');
      expect(taken.extensions!.fields).toEqual([{ field: 'certificateNo', message: `保安员证号“${held}”属于另一人（一证一人），请核对` }]);
      const early = expectErrorCode(await baoan.gql(REVOKE, { idNumber: holder.idNumber, date: '2019-12-31', reason: '录入', certificateNo: held }), 'BAD_USER_INPUT');
      expect(early.extensions!.fields).toEqual([{ field: 'date', message: `吊销日期不能早于该保安员证（证号${held}）的发证日期（2020-01-01）` }]);
      expect([...(await rows(other)), ...(await rows(holder.idNumber))]).toEqual([]);
    });
  });

  describe('correcting and cancelling', () => {
    it('every role but 保安管理支队 is refused with FORBIDDEN, and nothing changes', async () => {
      const g = await makeGuard(t, companyId, { name: '无权更正' });
      const r = await revoke(g.idNumber, addDays(today, -20));
      for (const username of OTHER_ROLES) {
        const client = await t.login(username);
        expectErrorCode(await client.gql(CORRECT, { id: r.id, date: addDays(today, -19), reason: '更正', note: '无权' }), 'FORBIDDEN');
        expectErrorCode(await client.gql(CANCEL, { id: r.id, reason: '无权' }), 'FORBIDDEN');
      }
      expect(await rows(g.idNumber)).toEqual([expect.objectContaining({ revoked_on: addDays(today, -20), cancelled_at: null })]);
      expect((await audits(r.id)).map((a) => a.action)).toEqual(['CREATE']);
    });

    it('corrects the date (red-team L4 the right way): audited before/after, the note required, sent again it writes nothing', async () => {
      const g = await makeGuard(t, companyId, { name: '日期更正' });
      const [{ certificate_no: cert }] = await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [g.id]);
      const wrong = addDays(today, -5);
      const right = addDays(today, -4);
      const r = await revoke(g.idNumber, wrong);
      const vars = { id: r.id, date: right, reason: '违反条例第三十条（扣押他人证件）', note: '录入时日期错一天，以吊销决定书为准' };
      const corrected = expectData(await baoan.gql(CORRECT, vars)).correctCertificateRevocation;
      expect(corrected).toMatchObject({ revokedOn: right, reason: vars.reason, certificateNo: cert, correctionNote: vars.note, cancelledAt: null });
      expect(corrected.correctedAt).toBeTruthy();
      const again = expectData(await baoan.gql(CORRECT, { ...vars, note: '再点一次' })).correctCertificateRevocation;
      expect(again).toEqual(corrected);
      const entries = await audits(r.id);
      expect(entries.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
      expect(entries[1]).toMatchObject({
        actor_role: 'SECURITY_DETACHMENT',
        summary: `更正吊销记录：${wrong} → ${right}，更正吊销原因`,
        before: { id: r.id, revokedOn: wrong, reason: '违反条例第三十条', hasCertificateNo: true, cancelledAt: null },
        after: { id: r.id, revokedOn: right, reason: vars.reason, hasCertificateNo: true, certificateNoChanged: false, note: { chars: [...vars.note].length } },
      });
      // the number is not in the audit log (auditView: whether there is one)
      expect(JSON.stringify(entries)).not.toContain(cert);
      const seen = await guardAs(baoan, g.id);
      expect(seen.revocations).toEqual([corrected]);
      expect(seen.eligibilityProblems).toEqual([{ code: 'REVOKED_RECENTLY', message: expect.stringContaining(`于${right}被吊销`) }]);
      // others read the day and the number, not the reason or the note
      const companySees = (await guardAs(company, g.id)).revocations;
      expect(companySees).toEqual([expect.objectContaining({ revokedOn: right, certificateNo: cert, reason: null, correctionNote: null })]);
    });

    it('refuses bad dates and a missing note with specific messages, changing nothing', async () => {
      const g = await makeGuard(t, companyId, { name: '更正拒绝' });
      const [{ certificate_no: cert }] = await t.sql(`SELECT certificate_no FROM guards WHERE id = $1`, [g.id]);
      const r = await revoke(g.idNumber, addDays(today, -30));
      const refusals: [Record<string, string>, string, string][] = [
        [{ date: addDays(today, 1) }, 'date', '吊销日期不能晚于今天'],
        [{ date: '2019-12-31' }, 'date', `吊销日期不能早于该保安员证（证号${cert}）的发证日期（2020-01-01）`],
        [{ date: '2026-13-01' }, 'date', '吊销日期应为有效日期（YYYY-MM-DD）'],
        [{ date: '2009-12-31' }, 'date', '吊销日期不能早于2010-01-01（《保安服务管理条例》自该日起施行，此前未颁发保安员证）'],
        [{ note: '   ' }, 'note', '请填写更正说明'],
        [{ reason: '' }, 'reason', '请填写吊销原因'],
      ];
      for (const [change, field, message] of refusals) {
        const refused = expectErrorCode(await baoan.gql(CORRECT, { id: r.id, date: addDays(today, -29), reason: '更正', note: '核对决定书', ...change }), 'BAD_USER_INPUT');
        expect(refused.extensions!.fields).toEqual([expect.objectContaining({ field, message: expect.stringContaining(message) })]);
      }
      expect(await rows(g.idNumber)).toEqual([expect.objectContaining({ revoked_on: addDays(today, -30), reason: '违反条例第三十条' })]);
      expect((await audits(r.id)).map((a) => a.action)).toEqual(['CREATE']);
      // an unknown revocation: NOT_FOUND
      expectErrorCode(await baoan.gql(CANCEL, { id: '00000000-0000-4000-8000-000000000000', reason: '录入错误' }), 'NOT_FOUND');
    });

    it('cancels a revocation entered in error: kept with who, when and why, no longer counted; the detachment alone sees it', async () => {
      const g = await makeGuard(t, companyId, { name: '撤销重复' });
      // Two revocations stored before the fix (no certificate number known): "revoked twice" for life.
      const [a, b] = await t.sql(
        `INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, $3, '旧录入'), ($1, $2, $4, '旧录入（重复）') RETURNING id`,
        [encryptPii(g.idNumber), idHash(g.idNumber), addDays(today, -400), addDays(today, -399)],
      );
      expect(codes(await guardAs(baoan, g.id))).toEqual(['REVOKED_RECENTLY', 'REVOKED_TWICE']);

      const why = '与前一日的记录为同一次吊销，重复录入';
      const cancelled = expectData(await baoan.gql(CANCEL, { id: b.id, reason: why })).cancelCertificateRevocation;
      expect(cancelled).toMatchObject({ id: b.id, cancelReason: why });
      expect(cancelled.cancelledAt).toBeTruthy();
      expect(expectData(await baoan.gql(CANCEL, { id: b.id, reason: '再点一次' })).cancelCertificateRevocation).toEqual(cancelled);
      const entries = await audits(b.id);
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'UPDATE',
          summary: `撤销吊销记录（录入错误）：${addDays(today, -399)}`,
          before: expect.objectContaining({ id: b.id, cancelledAt: null }),
          after: expect.objectContaining({ id: b.id, cancelledAt: expect.any(String), cancelReason: { chars: [...why].length } }),
        }),
      ]);

      const seen = await guardAs(baoan, g.id);
      expect(codes(seen)).toEqual(['REVOKED_RECENTLY']);
      expect(seen.revocations.map((r: Row) => [r.id, !!r.cancelledAt])).toEqual([[a.id, false], [b.id, true]]);
      const validCertificates = async () =>
        expectData(await baoan.gql(`query ($id: ID!) { company(id: $id) { guardsWithValidCertificate } }`, { id: companyId })).company.guardsWithValidCertificate as number;
      const withOne = await validCertificates();
      const companySees = await guardAs(company, g.id);
      expect(companySees.revocations.map((r: Row) => r.id)).toEqual([a.id]);
      expect(codes(companySees)).toEqual(['REVOKED_RECENTLY']);
      // a cancelled one is not corrected; the only one left cancelled too: nothing bars
      expect(expectErrorCode(await baoan.gql(CORRECT, { id: b.id, date: addDays(today, -398), reason: '更正', note: '更正' }), 'CONFLICT').message).toMatch(/^该吊销记录已于\d{4}-\d{2}-\d{2}撤销（录入错误），不能更正/);
      expectData(await baoan.gql(CANCEL, { id: a.id, reason: '经核实未作出吊销决定' }));
      expect(codes(await guardAs(baoan, g.id))).toEqual([]);
      // the company's 持有效保安员证 counts him again once no revocation in force remains (company.loaders.ts)
      expect(await validCertificates()).toBe(withOne + 1);
      // a reason is required
      const c = await revoke(g.idNumber, addDays(today, -100));
      expect(expectErrorCode(await baoan.gql(CANCEL, { id: c.id, reason: ' ' }), 'BAD_USER_INPUT').extensions!.fields).toEqual([{ field: 'reason', message: expect.stringContaining('撤销原因') }]);
    });

    it('a correction that would make two revocations of one certificate, or two on one day, is refused', async () => {
      const idNumber = idFor('1977-07-07');
      const first = await revoke(idNumber, '2015-03-01', `辽甲${Date.now() % 1e6}`);
      const second = await revoke(idNumber, '2019-03-01', `辽乙${Date.now() % 1e6}`);
      const sameDay = expectErrorCode(await baoan.gql(CORRECT, { id: second.id, date: '2015-03-01', reason: '更正', note: '核对' }), 'CONFLICT');
      expect(sameDay.message).toContain('该人员2015-03-01已有另一条吊销记录');
      const sameCert = expectErrorCode(await baoan.gql(CORRECT, { id: second.id, date: '2019-03-01', reason: '更正', note: '核对', certificateNo: first.certificateNo }), 'CONFLICT');
      expect(sameCert.message).toContain('为同一张保安员证');
      expect((await rows(idNumber)).map((r) => [r.revoked_on, r.certificate_no])).toEqual([['2015-03-01', first.certificateNo], ['2019-03-01', second.certificateNo]]);
    });

    it('20 identical corrections, and 20 identical cancellations, at once: one effect, one audit entry each', async () => {
      const g = await makeGuard(t, companyId, { name: '并发更正' });
      const r = await revoke(g.idNumber, addDays(today, -60));
      const vars = { id: r.id, date: addDays(today, -61), reason: '违反条例第三十条', note: '以决定书日期为准' };
      const corrections = await Promise.all(Array.from({ length: 20 }, () => baoan.gql(CORRECT, vars)));
      const answers = corrections.map((x) => expectData(x).correctCertificateRevocation);
      expect(new Set(answers.map((x) => JSON.stringify(x))).size).toBe(1);
      expect(answers[0].revokedOn).toBe(addDays(today, -61));
      const cancellations = await Promise.all(Array.from({ length: 20 }, () => baoan.gql(CANCEL, { id: r.id, reason: '录入错误' })));
      const cancelled = cancellations.map((x) => expectData(x).cancelCertificateRevocation);
      expect(new Set(cancelled.map((x) => x.cancelledAt)).size).toBe(1);
      expect((await audits(r.id)).map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
      expect(await rows(g.idNumber)).toEqual([expect.objectContaining({ revoked_on: addDays(today, -61), cancelled_at: expect.any(Date) })]);
    });
  });

  describe('open rosters', () => {
    const notices = async (activityId: string) =>
      (await t.sql(`SELECT title, body FROM notifications WHERE unit_id = $1 AND activity_id = $2 AND title LIKE '保安员证吊销记录%' ORDER BY created_at`, [
        await unitOf(t, 'baoan'), activityId,
      ]));

    it('a revocation that withdrew a pass, cancelled or corrected away: the entry is undecided again, the detachment asked to review', async () => {
      const activityId = await scene.newActivity();
      const [g, h] = await Promise.all([makeGuard(t, companyId, { name: '撤销复核' }), makeGuard(t, companyId, { name: '更正复核' })]);
      await scene.submit(activityId, [g.id, h.id]);
      expect(await passAllSeen(baoan, activityId)).toBe(2);
      const rg = await revoke(g.idNumber, today);
      const rh = await revoke(h.idNumber, today);
      const decisions = async () => (await t.sql(`SELECT guard_id, decision FROM roster_entries WHERE activity_id = $1 ORDER BY guard_id`, [activityId]))
        .map((e) => e.decision);
      expect(await decisions()).toEqual(['FAILED', 'FAILED']);
      expect(await notices(activityId)).toEqual([]);

      expectData(await baoan.gql(CANCEL, { id: rg.id, reason: '误录为该人员，实为同名他人' }));
      const [cancelNotice] = await notices(activityId);
      expect(cancelNotice.title).toBe(`保安员证吊销记录已撤销（录入错误），请复核：${(await t.sql(`SELECT name FROM activities WHERE id = $1`, [activityId]))[0].name}`);
      expect(cancelNotice.body).toContain('1名人员');
      expect(cancelNotice.body).not.toContain('撤销复核');

      // moved more than 3 years before the activity: no longer a bar there
      expectData(await baoan.gql(CORRECT, { id: rh.id, date: '2021-01-04', reason: '违反条例第三十条', note: '日期录入错误' }));
      const after = await notices(activityId);
      expect(after).toHaveLength(2);
      expect(after[1].title).toContain('保安员证吊销记录已更正，请复核');
      // red-team 6 M2: the FAILED was the revocation's, not an officer's: back to undecided (not passed: an officer decides)
      expect(await decisions()).toEqual(['PENDING', 'PENDING']);
    });
  });
  describe('red team 6', () => {
    const DECIDE = `mutation ($input: DecideVettingInput!) { decideVetting(input: $input) { activityStatus closed decided } }`;
    const RECHECK = `mutation ($id: ID!) { recheckVetting(activityId: $id) }`;
    const reason = '违反条例第三十条';
    /** Full-width letters, digits and signs, as a Chinese input method types them. */
    const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    /** A guard registered through the company's form, as the red team did: certificate issued 2019-05-01. */
    const formGuard = async (name: string): Promise<{ id: string; idNumber: string; cert: string }> => {
      const idNumber = idFor('1988-06-10');
      const cert = `辽盘保2019K${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
      const { createGuard } = expectData(await company.gql(CREATE_GUARD, {
        i: {
          name, idNumber, education: 'SENIOR_MIDDLE', phone: '13900003333', certificateNo: cert, certificateIssuedOn: '2019-05-01',
          relatives: [{ relation: 'FATHER', name: `${name}父`, idNumber: idFor('1960-01-01') }, { relation: 'MOTHER', name: `${name}母`, idNumber: idFor('1962-01-01', true) }],
        },
      }));
      return { id: createGuard.id, idNumber, cert };
    };
    const entry = async (activityId: string, guardId: string): Promise<Row> =>
      (await t.sql(
        `SELECT id, decision, reason_category, decision_note, precheck_problems, suggestion, suggestion_reason, checked_at, version FROM roster_entries
          WHERE activity_id = $1 AND guard_id = $2 AND state = 'ACTIVE'`,
        [activityId, guardId],
      ))[0];
    const problemCodes = (e: Row) => e.precheck_problems.map((p: Row) => p.code);

    it('M1: a typed number the register does not hold is refused naming the field; three revocations on three days are never "吊销3次"', async () => {
      const g = await formGuard('证号录错');
      const [d1, d2, d3] = [addDays(today, -5), addDays(today, -4), addDays(today, -3)];
      const first = await revoke(g.idNumber, d1);
      expect(first.certificateNo).toBe(g.cert);
      const typo = g.cert.slice(0, -1) + ((Number(g.cert.slice(-1)) + 1) % 10);
      for (const [date, typed] of [[d2, typo], [d3, `${g.cert}A`]]) {
        const refused = expectErrorCode(await baoan.gql(REVOKE, { idNumber: g.idNumber, date, reason, certificateNo: typed }), 'BAD_USER_INPUT');
        expect(refused.extensions!.fields).toEqual([
          { field: 'certificateNo', message: expect.stringContaining(`证号“${typed}”不是该人员在保安员登记中持有的证件（登记的证号：${g.cert}）`) },
        ]);
      }
      // the register's number typed full-width, in lower case, with spaces: the same certificate, refused naming the first
      const wide = ` ${fullWidth(g.cert.toLowerCase()).replace('2019', '2019 ')} `;
      const same = expectErrorCode(await baoan.gql(REVOKE, { idNumber: g.idNumber, date: d2, reason, certificateNo: wide }), 'CONFLICT');
      expect(same.message).toBe(`该人员已于${d1}被吊销保安员证（证号${g.cert}），此后未取得新证；如日期或原因有误，请更正原记录`);
      expect((await rows(g.idNumber)).map((r) => [r.revoked_on, r.certificate_no])).toEqual([[d1, g.cert]]);
      const seen = await guardAs(baoan, g.id);
      expect(codes(seen)).toEqual(['REVOKED_RECENTLY']);
      expect(JSON.stringify(seen.eligibilityProblems)).not.toMatch(/吊销\d次/);

      // the correction: a number never held is refused as well, and the issue date of the one held still bounds the date
      const moved = expectErrorCode(await baoan.gql(CORRECT, { id: first.id, date: '2012-01-01', reason, note: '证号录错', certificateNo: '辽盘保2010123456' }), 'BAD_USER_INPUT');
      expect(moved.extensions!.fields).toEqual([{ field: 'certificateNo', message: expect.stringContaining('证号“辽盘保2010123456”不是该人员在保安员登记中持有的证件') }]);
      const early = expectErrorCode(await baoan.gql(CORRECT, { id: first.id, date: '2012-01-01', reason, note: '日期录错' }), 'BAD_USER_INPUT');
      expect(early.extensions!.fields).toEqual([{ field: 'date', message: `吊销日期不能早于该保安员证（证号${g.cert}）的发证日期（2019-05-01）` }]);
      // the held number, typed another way, is no change of number
      const retyped = expectData(await baoan.gql(CORRECT, { id: first.id, date: d2, reason, note: '日期录错', certificateNo: fullWidth(g.cert) })).correctCertificateRevocation;
      expect(retyped).toMatchObject({ revokedOn: d2, certificateNo: g.cert });
      expect((await audits(first.id)).map((a) => a.summary)).toEqual([expect.any(String), `更正吊销记录：${d1} → ${d2}`]);
    });

    it('M1: a person on no register: different numbers typed days apart are one certificate; a number is kept as compared', async () => {
      const idNumber = idFor('1983-03-03');
      const n = String(Date.now() % 1e6);
      const [d1, d2, d3] = [addDays(today, -5), addDays(today, -4), addDays(today, -3)];
      expect(await revoke(idNumber, d1, `辽无登记${n}A`)).toMatchObject({ certificateNo: `辽无登记${n}A` });
      for (const [date, typed] of [[d2, `辽无登记${n}B`], [d3, `辽无登记${n}C`]]) {
        const refused = expectErrorCode(await baoan.gql(REVOKE, { idNumber, date, reason, certificateNo: typed }), 'CONFLICT');
        expect(refused.message).toBe(`该人员已于${d1}被吊销保安员证（证号辽无登记${n}A），此后未取得新证；如日期或原因有误，请更正原记录`);
      }
      expect(await rows(idNumber)).toHaveLength(1);
      // the same goes for a correction that would make the two one certificate apart by days
      const later = await revoke(idNumber, addDays(d1, -4 * 365), `辽无登记${n}D`);
      expect((await rows(idNumber)).map((r) => r.certificate_no)).toEqual([`辽无登记${n}D`, `辽无登记${n}A`]);
      const near = expectErrorCode(await baoan.gql(CORRECT, { id: later.id, date: addDays(d1, -300), reason, note: '核对' }), 'CONFLICT');
      expect(near.message).toContain('为同一张保安员证');
      // full-width and lower case typed for a person no register knows: stored as compared
      expect(await revoke(idFor('1984-04-04'), d1, fullWidth(`ln-abc${n}`))).toMatchObject({ certificateNo: `LN-ABC${n}` });
    });

    it('L3: the revocation reason, the correction note and the cancellation reason refuse formula-like text', async () => {
      const g = await makeGuard(t, companyId, { name: '公式原因' });
      const r = await revoke(g.idNumber, addDays(today, -30));
      const changes: [Record<string, string>, string][] = [[{ reason: '=cmd|calc!A0' }, 'reason'], [{ note: '=1+1' }, 'note'], [{ note: '＋1' }, 'note']];
      for (const [change, field] of changes) {
        const vars = { id: r.id, date: addDays(today, -29), reason, note: '核对决定书', ...change };
        const refused = expectErrorCode(await baoan.gql(CORRECT, vars), 'BAD_USER_INPUT');
        expect(refused.extensions!.fields).toEqual([expect.objectContaining({ field, message: expect.stringContaining('公式') })]);
      }
      const recorded = expectErrorCode(await baoan.gql(REVOKE, { idNumber: idFor('1985-05-05'), date: addDays(today, -3), reason: '@SUM(A1)' }), 'BAD_USER_INPUT');
      expect(recorded.extensions!.fields).toEqual([expect.objectContaining({ field: 'reason', message: expect.stringContaining('公式') })]);
      const cancelled = expectErrorCode(await baoan.gql(CANCEL, { id: r.id, reason: '-1' }), 'BAD_USER_INPUT');
      expect(cancelled.extensions!.fields).toEqual([expect.objectContaining({ field: 'reason', message: expect.stringContaining('公式') })]);
      expect(await rows(g.idNumber)).toEqual([expect.objectContaining({ revoked_on: addDays(today, -30), reason, cancelled_at: null })]);
    });

    it('M2: corrected out of the bar, back in, then cancelled: the pre-check follows the revocations in force, the FAILED goes back to PENDING, an officer passes', async () => {
      const activityId = await scene.newActivity();
      const g = await makeGuard(t, companyId, { name: '付明海' });
      await scene.submit(activityId, [g.id]);
      expect(await passAllSeen(baoan, activityId)).toBe(1);
      const r = await revoke(g.idNumber, addDays(today, -1));
      expect(await entry(activityId, g.id)).toMatchObject({ decision: 'FAILED', reason_category: 'PRE_CHECK' });

      expectData(await baoan.gql(CORRECT, { id: r.id, date: '2020-01-01', reason, note: '日期录错' }));
      let e = await entry(activityId, g.id);
      expect(e).toMatchObject({ decision: 'PENDING', reason_category: null, decision_note: null, suggestion: null, checked_at: null });
      expect(e.suggestion_reason).toContain('待重新比对');
      expect(problemCodes(e)).toEqual([]);
      const trace = await t.sql(`SELECT summary, before, after FROM audit_log WHERE entity_type = 'RosterEntry' AND entity_id = $1 ORDER BY id`, [e.id]);
      expect(trace.at(-1)).toMatchObject({ before: { decision: 'FAILED' }, after: { decision: 'PENDING' } });
      expect(trace.at(-1).summary).toContain('审核结论恢复为待审核');
      expect(trace.at(-1).summary).not.toContain('付明海');
      const [told] = await t.sql(`SELECT body FROM notifications WHERE unit_id = $1 AND activity_id = $2 AND title = '审核结论已恢复为待审核'`, [companyId, activityId]);
      expect(told.body).toContain('付明海');
      const [asked] = await t.sql(`SELECT body FROM notifications WHERE unit_id = $1 AND activity_id = $2 AND title LIKE '保安员证吊销记录已更正%'`, [await unitOf(t, 'baoan'), activityId]);
      expect(asked.body).toContain('已恢复为待审核');
      // a decision waits for the check again
      const unchecked = expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'PASSED', expectedVersions: [e.version] } }), 'BAD_USER_INPUT');
      expect(unchecked.message).toContain('请先重新比对');

      // back into the bar: undecided, so nothing to withdraw; the pre-check says so
      expectData(await baoan.gql(CORRECT, { id: r.id, date: addDays(today, -2), reason, note: '日期核对' }));
      e = await entry(activityId, g.id);
      expect(e.decision).toBe('PENDING');
      expect(problemCodes(e)).toEqual(['REVOKED']);
      // cancelled: no revocation in force; the pre-check names none
      expectData(await baoan.gql(CANCEL, { id: r.id, reason: '录入错误' }));
      e = await entry(activityId, g.id);
      expect(e).toMatchObject({ decision: 'PENDING', checked_at: null });
      expect(problemCodes(e)).toEqual([]);
      expect(expectData(await baoan.gql(RECHECK, { id: activityId })).recheckVetting).toBe(1);
      e = await entry(activityId, g.id);
      expect(e).toMatchObject({ decision: 'PENDING', suggestion: 'PASSED' });
      expect(expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'PASSED', expectedVersions: [e.version] } })).decideVetting.decided).toBe(1);
      expect((await entry(activityId, g.id)).decision).toBe('PASSED');
    });

    it('M2: an officer\'s decision after the revocation stays when it is cancelled; the detachment is asked to review', async () => {
      const activityId = await scene.newActivity();
      const g = await makeGuard(t, companyId, { name: '维持不通过' });
      await scene.submit(activityId, [g.id]);
      expect(await passAllSeen(baoan, activityId)).toBe(1);
      const r = await revoke(g.idNumber, addDays(today, -1));
      let e = await entry(activityId, g.id);
      const note = '经复核，维持不通过';
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'FAILED', reasonCategory: 'PRE_CHECK', note, expectedVersions: [e.version] } }));
      expectData(await baoan.gql(CANCEL, { id: r.id, reason: '录入错误' }));
      e = await entry(activityId, g.id);
      expect(e).toMatchObject({ decision: 'FAILED', reason_category: 'PRE_CHECK', decision_note: note });
      expect(problemCodes(e)).toEqual([]);
      const [asked] = await t.sql(`SELECT body FROM notifications WHERE unit_id = $1 AND activity_id = $2 AND title LIKE '保安员证吊销记录已撤销%'`, [await unitOf(t, 'baoan'), activityId]);
      expect(asked.body).toContain('结论未改变，请复核');
      // 重新比对 leaves the officer's 不通过 as it is
      expect(expectData(await baoan.gql(RECHECK, { id: activityId })).recheckVetting).toBe(0);
      expect((await entry(activityId, g.id)).decision).toBe('FAILED');
    });

    it('M2: as an earlier version left it (cancelled, the FAILED and its pre-check stale): decideVetting judges the facts in force, 重新比对 puts it back to PENDING', async () => {
      const activityId = await scene.newActivity();
      const [g, h] = await Promise.all([makeGuard(t, companyId, { name: '旧版复核' }), makeGuard(t, companyId, { name: '旧版比对' })]);
      await scene.submit(activityId, [g.id, h.id]);
      expect(await passAllSeen(baoan, activityId)).toBe(2);
      const rg = await revoke(g.idNumber, addDays(today, -1));
      const rh = await revoke(h.idNumber, addDays(today, -1));
      // cancelled by the earlier version: the revocation no longer counts, the entries are left as they were
      await t.sql(`UPDATE certificate_revocations SET cancelled_at = now(), cancel_reason = '录入错误' WHERE id = ANY($1::uuid[])`, [[rg.id, rh.id]]);
      const eg = await entry(activityId, g.id);
      expect(problemCodes(eg)).toEqual(['REVOKED']);
      // the review the notice asked for: a pass is judged on the revocations in force, not the stored text
      expectData(await baoan.gql(DECIDE, { input: { entryIds: [eg.id], decision: 'PASSED', note: '吊销记录系录入错误，已撤销', expectedVersions: [eg.version] } }));
      expect((await entry(activityId, g.id)).decision).toBe('PASSED');
      // 重新比对: the FAILED the revocation made goes back to PENDING and is checked
      expect(expectData(await baoan.gql(RECHECK, { id: activityId })).recheckVetting).toBe(1);
      const eh = await entry(activityId, h.id);
      expect(eh).toMatchObject({ decision: 'PENDING', suggestion: 'PASSED' });
      expect(eh.checked_at).toBeTruthy();
      expect(problemCodes(eh)).toEqual([]);
    });

    it('M2: after vetting closed (TRAINING), the FAILED goes back to PENDING and the detachment checks and decides it there', async () => {
      const activityId = await makeActivity(t, {
        selectedCompanyId: companyId, organizerUnitId: scene.organizerUnit, guardsRequired: 2, name: '吊销撤销培训中',
        startsAt: new Date(t.clock.now().getTime() + 20 * 86400_000).toISOString(),
      });
      const guards = await Promise.all(['培训甲', '培训乙', '培训丙'].map((name) => makeGuard(t, companyId, { name })));
      await scene.submit(activityId, guards.map((g) => g.id));
      expect(await passAllSeen(baoan, activityId)).toBe(3);
      const status = async () => (await t.sql(`SELECT status FROM activities WHERE id = $1`, [activityId]))[0].status;
      expect(await status()).toBe('TRAINING');
      const r = await revoke(guards[0].idNumber, addDays(today, -1));
      expect((await entry(activityId, guards[0].id)).decision).toBe('FAILED');
      expect(await status()).toBe('TRAINING');
      expectData(await baoan.gql(CANCEL, { id: r.id, reason: '录入错误' }));
      let e = await entry(activityId, guards[0].id);
      expect(e).toMatchObject({ decision: 'PENDING', checked_at: null });
      expect(await status()).toBe('TRAINING');
      expect(expectData(await baoan.gql(RECHECK, { id: activityId })).recheckVetting).toBe(1);
      e = await entry(activityId, guards[0].id);
      expect(e.suggestion).toBe('PASSED');
      expect(expectData(await baoan.gql(DECIDE, { input: { entryIds: [e.id], decision: 'PASSED', expectedVersions: [e.version] } })).decideVetting).toMatchObject({ decided: 1, activityStatus: 'TRAINING' });
      expect((await entry(activityId, guards[0].id)).decision).toBe('PASSED');
      // a pass of a guard who was never put back stays refused after the close
      const other = await entry(activityId, guards[1].id);
      expect(expectErrorCode(await baoan.gql(DECIDE, { input: { entryIds: [other.id], decision: 'PASSED', expectedVersions: [other.version] } }), 'CONFLICT').message).toContain('背景审核已结束');
    });
  });
});
