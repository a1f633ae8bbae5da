import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, TestApp } from '../../../test/harness';
import { createActivityWithRoster, createCompanyWithGuards } from '../../../test/onsite-fixtures';

/**
 * A serious finding keeps its correction loop when the activity is cancelled on the day (SPEC §2 step
 * 7, §9): otherwise it stays "uncorrected" for good and bars the company from every recommendation
 * (SPEC §4: no unresolved serious finding), with no role able to lift it.
 */
const RECORD = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id findings { id serious companyId } } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { id status } }`;
const CORRECT = `mutation ($id: ID!, $note: String!) { correctFinding(findingId: $id, note: $note) { id correctedAt correctionNote } }`;

describe('findings of an activity cancelled on the day', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('can still be corrected, so the company is not barred for good', async () => {
    const baoan = await t.login('baoan');
    const companyId = await createCompanyWithGuards(t, '取消纠正测试保安服务有限公司', 4);
    const a = await createActivityWithRoster(t, { status: 'IN_PROGRESS', companyId, guardsRequired: 2, cleared: 2, startsInHours: -1, durationHours: 6 });
    const inspection = expectData(
      await baoan.gql(RECORD, { input: { id: randomUUID(), activityId: a.id, personName: '陌生人', recordedAt: new Date().toISOString(), results: [] } }),
    ).recordInspection;
    const [finding] = inspection.findings;
    expect(finding).toMatchObject({ serious: true, companyId });
    const open = async () =>
      (await t.sql(`SELECT count(*)::int AS n FROM findings WHERE company_id = $1 AND serious AND corrected_at IS NULL`, [companyId]))[0].n;
    expect(await open()).toBe(1);

    expect(expectData(await baoan.gql(CANCEL, { id: a.id, reason: '天气原因取消' })).cancelActivity.status).toBe('CANCELLED');
    const corrected = expectData(await baoan.gql(CORRECT, { id: finding.id, note: '公司已将该人员清退并整改' })).correctFinding;
    expect(corrected.correctedAt).toBeTruthy();
    expect(await open()).toBe(0);
  });
});
