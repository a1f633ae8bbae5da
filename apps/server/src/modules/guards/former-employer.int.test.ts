import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { ensureCompany, makeGuard, unitOf } from '../../../test/vetting-fixtures';
import { addDays, todayCN } from '../../common/calendar';
import { encryptPii, idHash } from '../../common/pii';

/**
 * Review 11-A F3: a former employer's record of a person (已离职) shows the person as on the day they
 * left. Revocations of the 保安员证 dated after that day, or entered after it (whatever date they bear),
 * are news of the time since, while at another register: the former employer neither lists them nor
 * reads them through the eligibility problems. The police read every record whole; the new employer
 * reads everything on its active record (Art. 17 follows the person).
 */

const GUARD = `query ($id: ID!) { guard(id: $id) { id status leftOn revocations { revokedOn } eligibilityProblems { code message } } }`;
const LIST = `query ($filter: GuardFilterInput) { guards(filter: $filter, page: { pageSize: 100 }) { items { id status revocations { revokedOn } eligibilityProblems { code message } } } }`;
const LEAVES = `mutation ($id: ID!, $date: String!) { guardLeaves(id: $id, date: $date) { id status leftOn } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const codes = (g: Row) => g.eligibilityProblems.map((p: Row) => p.code).sort();
const dates = (g: Row) => g.revocations.map((r: Row) => r.revokedOn).sort();

describe('a former employer’s record shows no revocation recorded after the person left (review 11-A F3)', () => {
  let t: TestApp;
  let baoan: TestClient;
  let office: TestClient;
  let company1: TestClient;
  let company2: TestClient;
  let person: { id: string; idNumber: string; name: string };
  let atCompany2: string;

  const today = todayCN();
  const leftOn = addDays(today, -20);
  /** Dated and entered while he was at company1: part of the record it keeps. */
  const whileThere = addDays(leftOn, -200);
  /** Dated before he left, entered only afterwards (while at company2). */
  const enteredLater = addDays(leftOn, -10);
  /** Dated and entered after he left. */
  const afterwards = addDays(today, -5);

  beforeAll(async () => {
    t = await createTestApp();
    const [c1, c2] = await Promise.all([ensureCompany(t, await unitOf(t, 'company1')), ensureCompany(t, await unitOf(t, 'company2'))]);
    [baoan, office, company1, company2] = await Promise.all([t.login('baoan'), t.login('office'), t.login('company1'), t.login('company2')]);
    person = await makeGuard(t, c1, { name: '离职后吊销' });

    // A revocation entered while he was at company1 (as recordCertificateRevocation stores one, entered 199 days before he left).
    await t.sql(
      `INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason, certificate_no, created_at)
       VALUES ($1, $2, $3, '测试：在原单位期间吊销', '辽离职测试证A', now() - interval '219 days')`,
      [encryptPii(person.idNumber), idHash(person.idNumber), whileThere],
    );
    expect(dates(expectData(await company1.gql(GUARD, { id: person.id })).guard)).toEqual([whileThere]);

    expect(expectData(await company1.gql(LEAVES, { id: person.id, date: leftOn })).guardLeaves).toMatchObject({ status: 'LEFT', leftOn });
    atCompany2 = (await makeGuard(t, c2, { name: person.name, idNumber: person.idNumber })).id;
    // Each of another certificate, entered after he left. Stored as rows: days apart, recording refuses them as one
    // certificate (no new one is issued within 3 years of a revocation; red-team 6 M1), and what is read is the point here.
    for (const [date, certificateNo] of [[afterwards, '辽离职测试证C'], [enteredLater, '辽离职测试证B']]) {
      await t.sql(
        `INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason, certificate_no) VALUES ($1, $2, $3, '测试：离职后记录的吊销', $4)`,
        [encryptPii(person.idNumber), idHash(person.idNumber), date, certificateNo],
      );
    }
  });
  afterAll(() => t?.close());

  it('company1 reads its 已离职 record as on the day he left: no later revocation, none entered since, and eligibility on those alone', async () => {
    const g = expectData(await company1.gql(GUARD, { id: person.id })).guard;
    expect(g).toMatchObject({ status: 'LEFT', leftOn });
    expect(dates(g)).toEqual([whileThere]);
    // The one revocation it knew of still bars (within 3 years); twice-revoked would tell of the later ones.
    expect(codes(g)).toEqual(['LEFT', 'REVOKED_RECENTLY']);
    const recent = g.eligibilityProblems.find((p: Row) => p.code === 'REVOKED_RECENTLY');
    expect(recent.message).toContain(whileThere);
    const text = JSON.stringify(g);
    for (const d of [afterwards, enteredLater]) expect(text).not.toContain(d);

    // The register list answers the same for the same record.
    const listed = expectData(await company1.gql(LIST, { filter: { status: 'LEFT' } })).guards.items.find((x: Row) => x.id === person.id);
    expect(listed).toEqual({ id: g.id, status: g.status, revocations: g.revocations, eligibilityProblems: g.eligibilityProblems });
  });

  it('the police read the same 已离职 record whole: every revocation, and the problems they make', async () => {
    for (const police of [baoan, office]) {
      const g = expectData(await police.gql(GUARD, { id: person.id })).guard;
      expect(dates(g)).toEqual([whileThere, enteredLater, afterwards].sort());
      expect(codes(g)).toEqual(['LEFT', 'REVOKED_RECENTLY', 'REVOKED_TWICE']);
      expect(g.eligibilityProblems.find((p: Row) => p.code === 'REVOKED_RECENTLY').message).toContain(afterwards);
    }
  });

  it('the new employer reads every revocation of the person on its active record', async () => {
    const g = expectData(await company2.gql(GUARD, { id: atCompany2 })).guard;
    expect(g.status).toBe('ACTIVE');
    expect(dates(g)).toEqual([whileThere, enteredLater, afterwards].sort());
    expect(codes(g)).toEqual(['REVOKED_RECENTLY', 'REVOKED_TWICE']);
  });
});
