import { QueryRunner } from 'typeorm';
import { addDays, todayCN } from '../common/calendar';
import { encryptPii, idHash } from '../common/pii';
import { expectData, inMigrationTransaction, TestApp, TestClient } from '../../test/harness';
import { idFor, makeGuard, vettingParties } from '../../test/vetting-fixtures';
import { RevocationCertificate1769400000000 } from './migrations/1769400000000-RevocationCertificate';

/**
 * Migration RevocationCertificate on revocations stored before it (red-team 5 L4): each gets the number of
 * the certificate its person's register record held on that day, where one did; two of one person that
 * would get the same number leave the earlier unknown (which one is a duplicate is the detachment's to
 * say: it cancels it); down() removes the cancelled ones (the schema before would count them again).
 */
const GUARD = `query ($id: ID!) { guard(id: $id) { eligibilityProblems { code } revocations { id revokedOn certificateNo cancelledAt } } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelCertificateRevocation(id: $id, reason: $reason) { id cancelledAt } }`;

describe('migration RevocationCertificate names the certificate of the revocations stored before it', () => {
  let t: TestApp, baoan: TestClient, companyId: string;
  beforeAll(async () => ({ t, baoan, companyId } = await vettingParties()));
  afterAll(() => t?.close());

  const migration = new RevocationCertificate1769400000000();
  const inTransaction = (step: (q: QueryRunner) => Promise<void>) => inMigrationTransaction(t.ds, step);
  const today = todayCN();

  it('backfills the number where the register tells it, leaves a duplicate unknown for the detachment, and down() removes cancelled ones', async () => {
    const twice = await makeGuard(t, companyId, { name: '迁移重复', certificateNo: '辽迁移证A001' });
    const renewed = await makeGuard(t, companyId, { name: '迁移换证', certificateNo: '辽迁移证B001' });
    await t.sql(`UPDATE guards SET certificate_issued_on = DATE '2023-07-01' WHERE id = $1`, [renewed.id]);
    const once = await makeGuard(t, companyId, { name: '迁移一次', certificateNo: '辽迁移证C001' });
    const unregistered = idFor('1975-05-05');

    await inTransaction((q) => migration.down(q));
    const insert = (idNumber: string, date: string) =>
      t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, $3, '迁移前') RETURNING id`,
        [encryptPii(idNumber), idHash(idNumber), date]).then(([r]) => r.id as string);
    const [d1, d2] = [addDays(today, -5), addDays(today, -4)];
    const typo = await insert(twice.idNumber, d1);
    const retyped = await insert(twice.idNumber, d2);
    const beforeRenewal = await insert(renewed.idNumber, '2020-06-01');
    const single = await insert(once.idNumber, '2022-03-01');
    const offRegister = await insert(unregistered, '2018-03-01');

    await inTransaction((q) => migration.up(q));
    const numbers = new Map(
      (await t.sql(`SELECT id, certificate_no FROM certificate_revocations WHERE id = ANY($1::uuid[])`, [[typo, retyped, beforeRenewal, single, offRegister]]))
        .map((r) => [r.id, r.certificate_no]),
    );
    expect(Object.fromEntries(numbers)).toEqual({
      [typo]: null, // the same number as the later one: left for the detachment to cancel
      [retyped]: '辽迁移证A001',
      [beforeRenewal]: null, // the certificate held now was issued after that revocation
      [single]: '辽迁移证C001',
      [offRegister]: null,
    });

    // Still "twice" until the detachment cancels the duplicate: then once.
    const codes = async () => expectData(await baoan.gql(GUARD, { id: twice.id })).guard.eligibilityProblems.map((p: { code: string }) => p.code);
    expect(await codes()).toEqual(['REVOKED_RECENTLY', 'REVOKED_TWICE']);
    expectData(await baoan.gql(CANCEL, { id: typo, reason: '迁移前重复录入（日期录错后重录）' }));
    expect(await codes()).toEqual(['REVOKED_RECENTLY']);

    // down(): the cancelled revocation goes (the schema before has no cancellation), the rest stay; up() again.
    await inTransaction((q) => migration.down(q));
    const left = await t.sql(`SELECT id FROM certificate_revocations WHERE id_hash = $1`, [idHash(twice.idNumber)]);
    expect(left.map((r) => r.id)).toEqual([retyped]);
    await inTransaction((q) => migration.up(q));
    expect((await t.sql(`SELECT certificate_no FROM certificate_revocations WHERE id = $1`, [retyped]))[0].certificate_no).toBe('辽迁移证A001');
  });
});
