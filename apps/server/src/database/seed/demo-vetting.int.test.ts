import { createTestApp, expectData, TestApp } from '../../../test/harness';

describe('demo vetting data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('has a records register, an activity in 背景审核 with decisions, and the marathon waiting for company1', async () => {
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM criminal_records`);
    expect(n).toBeGreaterThan(100);
    const baoan = await t.login('baoan');
    const list = expectData(await baoan.gql(`{ vettingActivities(statuses: [VETTING]) { items { name counts { total passed failed pending } } } }`));
    const vetting = list.vettingActivities.items.find((a: { name: string }) => a.name.includes('运动会'));
    expect(vetting).toBeDefined();
    expect(vetting.counts.passed).toBeGreaterThan(0);
    expect(vetting.counts.failed).toBe(1);
    const company1 = await t.login('company1');
    const mine = expectData(await company1.gql(`{ vettingActivities(statuses: [COMPANY_SELECTED]) { items { name canSubmit guardsRequired } } }`));
    expect(mine.vettingActivities.items.some((a: { name: string; canSubmit: boolean }) => a.canSubmit && a.name.includes('马拉松'))).toBe(true);
  });
});
