import { maskIdNumber, withIdCheckDigit } from '@evs/schema';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient } from '../../../test/harness';
import { createCompany } from '../../../test/activity-fixtures';
import { createCompanyWithGuards } from '../../../test/onsite-fixtures';
import { csvFile, ensureCompany, idFor, makeActivity, makeGuard, unitOf } from '../../../test/vetting-fixtures';
import { idHash } from '../../common/pii';
import { GUARD_COLUMNS } from './guard-import.service';
import { IDENTITY_PROBE_LIMIT, IDENTITY_PROBE_REFUSED } from './identity-probe';

/*
 * Review A-F2: "该人员已在其他单位登记为在职保安员" tells whoever asks that an ID number is real; with a
 * masked number (211102********3098) one file of candidate birth dates would give the whole number
 * back. Seen from the account that asks: at most IDENTITY_PROBE_LIMIT distinct numbers answered in
 * 24 h (preview, commit and the form alike), then refused as a whole with nothing stored; every
 * answer and refusal on the auditor's record; 保安管理支队 not limited.
 */

const IMPORT = `mutation($input: ImportGuardsInput!) {
  importGuards(input: $input) { mode created updated unchanged invalidRows problems { row column message } }
}`;
const CREATE = `mutation($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;
const AUDIT_LOG = `query($filter: AuditFilterInput, $page: PageInput) {
  auditLog(filter: $filter, page: $page) { total items { action entityType entityId summary result actorName after payloadHidden } }
}`;
const ELSEWHERE = '该人员已在其他单位登记为在职保安员（一人只能有一条在职记录），须先由原单位办理离职';

const row = (values: Partial<Record<string, string>>): string[] => GUARD_COLUMNS.map((c) => values[c] ?? '');
const file = (name: string, ids: string[]) =>
  csvFile(name, [GUARD_COLUMNS, ...ids.map((id, i) => row({ 姓名: `候选${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`, 身份证号: id, 学历: '高中' }))]);
const guardInput = (idNumber: string) => ({ name: '测试保安', idNumber, education: 'SENIOR_MIDDLE', relativesStatement: '父母信息不详（测试）' });

describe('identity probes: "active at another unit" answers are limited and audited', () => {
  let t: TestApp;
  let holderId: string;
  /** ID numbers active at the holder's register (another company for every account below). */
  const held: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await ensureCompany(t, await unitOf(t, 'company1'));
    holderId = await ensureCompany(t, await unitOf(t, 'company2'));
    for (let i = 0; i < 60; i++) {
      held.push((await makeGuard(t, holderId, { birthDate: `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}` })).idNumber);
    }
  });
  afterAll(() => t?.close());

  const userId = async (username: string) => (await t.sql(`SELECT id FROM users WHERE username = $1`, [username]))[0].id as string;
  const probes = async (username: string) => (await t.sql(`SELECT count(*)::int AS n FROM identity_probes WHERE actor_id = $1`, [await userId(username)]))[0].n as number;
  const probeEvents = async (username: string, outcome: 'REVEALED' | 'REFUSED') =>
    t.sql(
      `SELECT action, result, summary, after, entity_id FROM audit_log WHERE entity_type = 'IdentityProbe' AND actor_id = $1 AND after->>'outcome' = $2 ORDER BY id`,
      [await userId(username), outcome],
    );
  const guardsOf = async (unitId: string) => (await t.sql(`SELECT count(*)::int AS n FROM guards WHERE company_id = $1`, [unitId]))[0].n as number;

  describe('one company account', () => {
    let company: TestClient;
    let companyId: string;
    beforeAll(async () => {
      company = await t.login('company1');
      companyId = await unitOf(t, 'company1');
    });

    it('is answered for five distinct ID numbers (preview, commit, form), the same number again not counted', async () => {
      const fresh = idFor('1991-01-01');
      const preview = expectData(await company.gql(IMPORT, { input: { file: file('甲.csv', [held[0], held[1], fresh]), mode: 'PREVIEW' } })).importGuards;
      expect(preview).toMatchObject({ mode: 'PREVIEW', created: 1, invalidRows: 2 });
      expect(preview.problems.map((p: { row: number; message: string }) => [p.row, p.message])).toEqual([[2, ELSEWHERE], [3, ELSEWHERE]]);
      expect(await probes('company1')).toBe(2);
      // The same file again: the same answer, nothing more counted.
      expect(expectData(await company.gql(IMPORT, { input: { file: file('甲.csv', [held[0], held[1], fresh]), mode: 'PREVIEW' } })).importGuards.problems).toHaveLength(2);
      expect(await probes('company1')).toBe(2);

      const form = expectErrorCode(await company.gql(CREATE, { input: guardInput(held[2]) }), 'CONFLICT');
      expect(form.message).toContain('已在其他保安服务公司登记为在职保安员');
      expect(await probes('company1')).toBe(3);

      const before = await guardsOf(companyId);
      const commit = expectData(await company.gql(IMPORT, { input: { file: file('乙.csv', [held[3], idFor('1992-02-02')]), mode: 'COMMIT' } })).importGuards;
      // counted as told, and (a file with a bad row) nothing of it stored
      expect(commit).toMatchObject({ mode: 'COMMIT', created: 0, invalidRows: 1 });
      expect(await guardsOf(companyId)).toBe(before);
      expect(expectData(await company.gql(IMPORT, { input: { file: file('丙.csv', [held[4]]), mode: 'PREVIEW' } })).importGuards.problems).toHaveLength(1);
      expect(await probes('company1')).toBe(IDENTITY_PROBE_LIMIT);

      const events = await probeEvents('company1', 'REVEALED');
      expect(events).toHaveLength(5);
      expect(events.map((e) => e.summary).join('\n')).not.toMatch(new RegExp(held.slice(0, 5).join('|')));
      // The summary names no one, not even masked (it stays for ever); the payload keeps the number masked.
      expect(events[0]).toMatchObject({ action: 'ACCESS_DENIED', result: 'FAILURE', summary: expect.stringContaining('已告知所填身份证号在其他单位在职'), after: { idNumber: maskIdNumber(held[0]) } });
      expect(events.map((e) => e.summary).join('\n')).not.toContain(maskIdNumber(held[0]));
    });

    it('the sixth distinct number is refused as a whole: nothing of the file or the form is stored', async () => {
      const before = await guardsOf(companyId);
      const imports = (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'IMPORT' AND entity_id = $1`, [companyId]))[0].n;
      const newcomer = idFor('1993-03-03');

      for (const mode of ['PREVIEW', 'COMMIT']) {
        const refused = expectErrorCode(await company.gql(IMPORT, { input: { file: file('丁.csv', [newcomer, held[5]]), mode } }), 'FORBIDDEN');
        expect(refused.message).toBe(IDENTITY_PROBE_REFUSED);
        // Nothing says which row, nor that anyone is active elsewhere.
        expect(JSON.stringify(refused)).not.toContain('其他单位登记为在职');
      }
      const form = expectErrorCode(await company.gql(CREATE, { input: guardInput(held[5]) }), 'FORBIDDEN');
      expect(form.message).toBe(IDENTITY_PROBE_REFUSED);
      expect(form.extensions!.fields).toEqual([{ field: 'idNumber', message: IDENTITY_PROBE_REFUSED }]);
      // A number already answered, with a new one: the file is still refused.
      expectErrorCode(await company.gql(IMPORT, { input: { file: file('戊.csv', [held[0], held[6]]), mode: 'PREVIEW' } }), 'FORBIDDEN');

      expect(await guardsOf(companyId)).toBe(before);
      expect((await t.sql(`SELECT count(*)::int AS n FROM guards WHERE id_hash = $1`, [idHash(newcomer)]))[0].n).toBe(0);
      expect((await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'IMPORT' AND entity_id = $1`, [companyId]))[0].n).toBe(imports);
      expect(await probes('company1')).toBe(IDENTITY_PROBE_LIMIT);
      const refusals = await probeEvents('company1', 'REFUSED');
      expect(refusals).toHaveLength(4);
      expect(refusals[0]).toMatchObject({ action: 'ACCESS_DENIED', result: 'FAILURE', summary: expect.stringContaining('被拒绝'), after: { idNumbers: [maskIdNumber(held[5])] } });
      expect(refusals[0].summary).not.toContain(maskIdNumber(held[5]));
      expect(refusals.map((e) => e.summary).join('\n')).not.toContain(held[5]);
    });

    it('numbers already answered are answered again, and a file without any still imports', async () => {
      const again = expectData(await company.gql(IMPORT, { input: { file: file('己.csv', held.slice(0, 5)), mode: 'PREVIEW' } })).importGuards;
      expect(again.problems.map((p: { message: string }) => p.message)).toEqual(Array(5).fill(ELSEWHERE));
      const plain = expectData(await company.gql(IMPORT, { input: { file: file('庚.csv', [idFor('1994-04-04')]), mode: 'COMMIT' } })).importGuards;
      expect(plain).toMatchObject({ created: 1, invalidRows: 0 });
      expect(await probes('company1')).toBe(IDENTITY_PROBE_LIMIT);
    });

    it('a window is 24 hours: a day later the account is answered again', async () => {
      t.clock.advance(24 * 3600_000 + 60_000);
      try {
        const r = expectData(await company.gql(IMPORT, { input: { file: file('辛.csv', [held[5]]), mode: 'PREVIEW' } })).importGuards;
        expect(r.problems.map((p: { message: string }) => p.message)).toEqual([ELSEWHERE]);
        expect(await probes('company1')).toBe(1);
      } finally {
        t.clock.reset();
      }
    });

    it('the auditor sees every answer and refusal as a security event, ID numbers masked; the office does not', async () => {
      const auditor = await t.login('auditor');
      const log = expectData(await auditor.gql(AUDIT_LOG, { filter: { entityType: 'IdentityProbe' }, page: { pageSize: 100 } })).auditLog;
      expect(log.total).toBeGreaterThanOrEqual(10);
      const mine = log.items.filter((e: { actorName: string }) => e.actorName.startsWith('张伟'));
      type Probe = { summary: string; after?: { idNumber?: string; idNumbers?: string[] } };
      expect(mine.some((e: Probe) => e.after?.idNumber === maskIdNumber(held[0]) && e.summary.includes('已告知'))).toBe(true);
      expect(mine.some((e: Probe) => e.after?.idNumbers?.includes(maskIdNumber(held[5])) && e.summary.includes('被拒绝'))).toBe(true);
      const refusal = mine.find((e: { after: { outcome: string; idNumbers?: string[] } }) =>
        e.after?.outcome === 'REFUSED' && e.after.idNumbers?.includes(maskIdNumber(held[5])));
      expect(refusal).toMatchObject({ action: 'ACCESS_DENIED', result: 'FAILURE', payloadHidden: false, after: { used: IDENTITY_PROBE_LIMIT, limit: IDENTITY_PROBE_LIMIT } });
      expect(JSON.stringify(log)).not.toMatch(new RegExp(held.slice(0, 7).join('|')));

      for (const username of ['office', 'baoan']) {
        const reader = await t.login(username);
        expect(expectData(await reader.gql(AUDIT_LOG, { filter: { entityType: 'IdentityProbe' } })).auditLog.total).toBe(0);
      }
    });
  });

  it('40 parallel previews of one account, each with another number: at most five answered, the others refused, those answered counted', async () => {
    const unit = await createCompanyWithGuards(t, '并发探测保安服务有限公司', 0, { username: 'probe_parallel' });
    const client = await t.login('probe_parallel');
    const numbers = held.slice(10, 50);
    const results = await Promise.all(numbers.map((id, i) => client.gql(IMPORT, { input: { file: file(`并发${i}.csv`, [id]), mode: 'PREVIEW' } })));
    const answered = results.filter((r) => !r.errors);
    // Refused by the probe limit, or because another import of the unit was running (common/import-lock.ts:
    // one import per unit at a time, which tells nothing about any number).
    const limited = results.filter((r) => r.errors?.[0]?.extensions?.code === 'FORBIDDEN');
    const busy = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(answered.length + limited.length + busy.length).toBe(numbers.length);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.length).toBeLessThanOrEqual(IDENTITY_PROBE_LIMIT);
    for (const r of answered) expect(r.data!.importGuards.problems.map((p: { message: string }) => p.message)).toEqual([ELSEWHERE]);
    for (const r of limited) expect(expectErrorCode(r, 'FORBIDDEN').message).toBe(IDENTITY_PROBE_REFUSED);
    expect(await probes('probe_parallel')).toBe(answered.length);
    expect(await probeEvents('probe_parallel', 'REVEALED')).toHaveLength(answered.length);
    expect(await probeEvents('probe_parallel', 'REFUSED')).toHaveLength(limited.length);
    // The five answered are exactly the five counted.
    const counted: { h: string }[] = await t.sql(
      `SELECT encode(id_hash, 'hex') AS h FROM identity_probes WHERE actor_id = $1`, [await userId('probe_parallel')]);
    const answeredIds = numbers.filter((_, i) => !results[i].errors);
    expect(counted.map((c) => c.h).sort()).toEqual(answeredIds.map((id) => idHash(id).toString('hex')).sort());
    expect(await guardsOf(unit)).toBe(0);
  });

  it('parallel forms count as previews do: never more than five answered', async () => {
    await createCompanyWithGuards(t, '并发登记保安服务有限公司', 0, { username: 'probe_forms' });
    const client = await t.login('probe_forms');
    const results = await Promise.all(held.slice(50, 60).map((id) => client.gql(CREATE, { input: guardInput(id) })));
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(IDENTITY_PROBE_LIMIT);
    expect(codes.filter((c) => c === 'FORBIDDEN')).toHaveLength(10 - IDENTITY_PROBE_LIMIT);
    expect(await probes('probe_forms')).toBe(IDENTITY_PROBE_LIMIT);
  });

  it('a file of candidate birth dates behind one masked number is refused once the account has used its answers, and the answer names the pattern', async () => {
    await createCompanyWithGuards(t, '枚举测试保安服务有限公司', 0, { username: 'probe_enum' });
    const client = await t.login('probe_enum');
    // The masked number shows the first six and the last four: candidates differ in the birth date only.
    const target = held[0];
    const candidates = [target];
    for (let d = 0; candidates.length < 40; d++) {
      const day = new Date(Date.UTC(1965, 0, 1 + d)).toISOString().slice(0, 10).replace(/-/g, '');
      const id = withIdCheckDigit(`${target.slice(0, 6)}${day}${target.slice(14, 17)}`);
      if (id.slice(-1) === target.slice(-1) && id !== target) candidates.push(id);
    }
    const r = expectData(await client.gql(IMPORT, { input: { file: file('枚举.csv', candidates), mode: 'PREVIEW' } })).importGuards;
    expect(r.problems.filter((p: { message: string }) => p.message === ELSEWHERE)).toHaveLength(1);
    const [event] = await probeEvents('probe_enum', 'REVEALED');
    expect(event.summary).toContain(`另有${candidates.length - 1}个身份证号与其前6位、后4位相同，疑似枚举`);
    // With its answers used up, the same attack on the next masked number is refused outright.
    for (const id of held.slice(1, 5)) expectData(await client.gql(IMPORT, { input: { file: file('x.csv', [id]), mode: 'PREVIEW' } }));
    expectErrorCode(await client.gql(IMPORT, { input: { file: file('枚举2.csv', [...candidates.slice(1), held[5]]), mode: 'PREVIEW' } }), 'FORBIDDEN');
  });

  it('保安管理支队 is not limited and is told where the person is', async () => {
    const baoan = await t.login('baoan');
    const companyId = await unitOf(t, 'company1');
    const r = expectData(await baoan.gql(IMPORT, { input: { companyId, file: file('支队.csv', held.slice(0, 12)), mode: 'PREVIEW' } })).importGuards;
    expect(r.problems).toHaveLength(12);
    expect(r.problems.every((p: { message: string }) => p.message.includes('在职登记'))).toBe(true);
    for (const id of held.slice(12, 20)) {
      expect(expectErrorCode(await baoan.gql(CREATE, { input: { ...guardInput(id), companyId } }), 'CONFLICT').message).toContain('登记为在职保安员');
    }
    expect(await probes('baoan')).toBe(0);
  });

  describe('一证一人 as an oracle (review 5 A-F1): whose certificate a number is', () => {
    /** The masked number an organizer sees, and the candidates it leaves (the hidden birth dates of two years). */
    const candidatesFor = (id: string) => {
      const out: string[] = [];
      for (let d = Date.UTC(1984, 0, 1); d < Date.UTC(1986, 0, 1); d += 86_400_000) {
        const c = withIdCheckDigit(`${id.slice(0, 6)}${new Date(d).toISOString().slice(0, 10).replace(/-/g, '')}${id.slice(14, 17)}`);
        if (c[17] === id[17]) out.push(c);
      }
      return out;
    };
    const certFile = (name: string, rows: [id: string, cert: string][]) =>
      csvFile(name, [GUARD_COLUMNS, ...rows.map(([id, cert], i) => row({ 姓名: `候选${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`, 身份证号: id, 学历: '高中', 保安员证号: cert }))]);

    it('a file of candidates with a guard’s certificate is refused whole, naming no row; each refusal of another register’s certificate is counted and audited', async () => {
      const victim = await makeGuard(t, holderId, { birthDate: '1984-10-13', certificateNo: '辽盘保探测001' });
      const candidates = candidatesFor(victim.idNumber);
      expect(candidates).toContain(victim.idNumber);
      expect(candidates.length).toBeGreaterThan(IDENTITY_PROBE_LIMIT);
      // a 自招保安单位 (an organizer with a self-recruited activity): the only organizer that may import a register
      await makeActivity(t, { organizerUnitId: await unitOf(t, 'organizer2'), securityMode: 'SELF_RECRUITED', status: 'APPROVED' });
      const organizer = await t.login('organizer2');
      const decoy = withIdCheckDigit('11010119900101123');
      for (const mode of ['PREVIEW', 'COMMIT']) {
        const refused = expectErrorCode(
          await organizer.gql(IMPORT, { input: { file: certFile('证号.csv', [[decoy, '辽盘保探测001'], ...candidates.map((c) => [c, '辽盘保探测001'] as [string, string])]), mode } }),
          'FORBIDDEN',
        );
        expect(refused.message).toBe(IDENTITY_PROBE_REFUSED);
        expect(JSON.stringify(refused)).not.toMatch(/第\d+行|一证一人/);
      }
      expect(await probes('organizer2')).toBe(0);
      const refusals = await probeEvents('organizer2', 'REFUSED');
      expect(refusals).toHaveLength(2);
      expect(refusals[0].summary).toContain('保安员证号属于他人');

      // One candidate at a time is answered, and counted: five, then refused.
      for (const c of candidates.filter((x) => x !== victim.idNumber).slice(0, IDENTITY_PROBE_LIMIT)) {
        const one = expectData(await organizer.gql(IMPORT, { input: { file: certFile('一个.csv', [[c, '辽盘保探测001']]), mode: 'PREVIEW' } })).importGuards;
        expect(one.problems).toEqual([{ row: 2, column: '保安员证号', message: '保安员证号“辽盘保探测001”已登记在另一人名下（一证一人），请核对' }]);
      }
      expect(await probes('organizer2')).toBe(IDENTITY_PROBE_LIMIT);
      const revealed = await probeEvents('organizer2', 'REVEALED');
      expect(revealed[0].summary).toContain('所填保安员证号登记在另一人名下');
      expect(revealed[0].after).toMatchObject({ certificateHeldByAnother: true });
      expect(JSON.stringify(revealed)).not.toContain('辽盘保探测001');
      expectErrorCode(await organizer.gql(IMPORT, { input: { file: certFile('再一个.csv', [[victim.idNumber, '辽盘保探测001']]), mode: 'PREVIEW' } }), 'FORBIDDEN');
    });

    it('the form counts the same refusal; the person’s own certificate brought from another register (a transfer) is not counted', async () => {
      await createCompany(t, { name: '调入测试保安服务有限公司', username: 'probe_transfer' });
      const organizer = await t.login('probe_transfer');
      const left = await makeGuard(t, holderId, { birthDate: '1983-03-03', certificateNo: '辽盘保调入002' });
      await t.sql(`UPDATE guards SET status = 'LEFT', left_on = CURRENT_DATE - 1 WHERE id = $1`, [left.id]);
      const before = await probes('probe_transfer');
      const withCertificate = (idNumber: string) => ({ ...guardInput(idNumber), certificateNo: '辽盘保调入002', certificateIssuedOn: '2020-01-01' });
      const form = expectErrorCode(await organizer.gql(CREATE, { input: withCertificate(idFor('1985-05-05')) }), 'BAD_USER_INPUT');
      expect(form.extensions!.fields).toEqual([{ field: 'certificateNo', message: '保安员证号“辽盘保调入002”已登记在另一人名下（一证一人），请核对' }]);
      expect(await probes('probe_transfer')).toBe(before + 1);
      // the holder himself, with his own certificate: taken, nothing counted
      expectData(await organizer.gql(CREATE, { input: withCertificate(left.idNumber) }));
      expect(await probes('probe_transfer')).toBe(before + 1);
    });
  });
  describe('a revocation as an oracle (review 6 A-F2): which number of the candidates has one', () => {
    const candidates = (id: string) => {
      const out: string[] = [];
      for (let d = Date.UTC(1990, 0, 1); d < Date.UTC(1991, 6, 1); d += 86_400_000) {
        const c = withIdCheckDigit(`${id.slice(0, 6)}${new Date(d).toISOString().slice(0, 10).replace(/-/g, '')}${id.slice(14, 17)}`);
        if (c[17] === id[17]) out.push(c);
      }
      return out;
    };
    const REVOKE = `mutation($id: String!) { recordCertificateRevocation(idNumber: $id, date: "2025-06-01", reason: "违法从业") { id } }`;

    it('each revocation answer about someone on no register of the importer is counted and audited as an identity probe, on the import (preview and commit) and the form; over the limit the file is refused whole', async () => {
      // someone with a revocation, on no register (they left after it)
      const victim = withIdCheckDigit('21110219900715123');
      const baoan = await t.login('baoan');
      expectData(await baoan.gql(REVOKE, { id: victim }));
      const list = candidates(victim);
      expect(list).toContain(victim);
      await createCompany(t, { name: '吊销探测测试保安服务有限公司', username: 'probe_revoked' });
      const company = await t.login('probe_revoked');
      const [{ unit_id: unitId }] = await t.sql(`SELECT unit_id FROM users WHERE username = 'probe_revoked'`);

      // The file of candidates: the one answer is counted (and flagged as an enumeration), the rest not stored
      const preview = expectData(await company.gql(IMPORT, { input: { file: file('候选.csv', list), mode: 'PREVIEW' } })).importGuards;
      expect(preview.problems).toEqual([{ row: list.indexOf(victim) + 2, column: '保安员证号', message: expect.stringContaining('保安员证于2025-06-01被吊销') }]);
      expect(await probes('probe_revoked')).toBe(1);
      const [event] = (await probeEvents('probe_revoked', 'REVEALED')).slice(-1);
      expect(event.summary).toContain('所填身份证号有保安员证吊销记录');
      expect(event.after).toMatchObject({ idNumber: maskIdNumber(victim), revoked: true });
      expect(event.summary).toContain('疑似枚举');
      expect(event.summary).not.toContain(victim);
      expect(await guardsOf(unitId)).toBe(0);

      // The form: the same kind of answer, counted; the same number again is not counted twice
      const others = Array.from({ length: IDENTITY_PROBE_LIMIT }, (_, i) => withIdCheckDigit(`2111021988021${i}135`));
      for (const id of others) expectData(await baoan.gql(REVOKE, { id }));
      const form = expectErrorCode(await company.gql(CREATE, { input: guardInput(others[0]) }), 'BAD_USER_INPUT');
      expect(form.extensions!.fields).toEqual([{ field: 'certificateNo', message: expect.stringContaining('被吊销') }]);
      expect(await probes('probe_revoked')).toBe(2);
      expectErrorCode(await company.gql(CREATE, { input: guardInput(others[0]) }), 'BAD_USER_INPUT');
      expect(await probes('probe_revoked')).toBe(2);

      // Over the limit (five): a file telling more is refused whole, naming no row and no date
      const over = expectErrorCode(await company.gql(IMPORT, { input: { file: file('更多.csv', others), mode: 'COMMIT' } }), 'FORBIDDEN');
      expect(over.message).toBe(IDENTITY_PROBE_REFUSED);
      expect(JSON.stringify(over)).not.toContain('被吊销');
      expect(await probes('probe_revoked')).toBe(2);
      expect(await guardsOf(unitId)).toBe(0);
    });
  });
});

