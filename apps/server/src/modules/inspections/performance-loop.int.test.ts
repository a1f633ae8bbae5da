import { randomUUID } from 'node:crypto';
import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { checklist, createActivityWithRoster, createCompanyWithGuards, trainAll } from '../../../test/onsite-fixtures';

const SUGGESTIONS = /* GraphQL */ `
  query ($id: ID!) {
    candidateSuggestions(activityId: $id) {
      items { companyId qualified rank score findingsPer100 averageRating parts { key normalized points raw } }
    }
  }
`;
const COMPANY = `query ($id: ID!) { company(id: $id) { performance { score findingsPer100 hasHistory } } }`;

/**
 * SPEC §2 step 8 and §4: what officers find on site and the evaluation feed the company's
 * performance record, which the next recommendation reads. Two companies identical in every other
 * respect serve identical activities; the one with findings ranks lower next time.
 */
describe('the performance loop: findings and evaluations feed the next recommendation', () => {
  let t: TestApp;
  let baoan: TestClient;
  let good: string;
  let bad: string;
  let next: string;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    good = await createCompanyWithGuards(t, '甲等测试保安服务有限公司', 40);
    bad = await createCompanyWithGuards(t, '乙等测试保安服务有限公司', 40);
    next = (await createActivityWithRoster(t, { name: '下一场活动', status: 'APPROVED', companyId: good, guardsRequired: 10, cleared: 0, startsInDays: 30 })).id;
    await t.sql(`UPDATE activities SET selected_company_id = NULL WHERE id = $1`, [next]);
  });
  afterAll(() => t?.close());

  const pick = async () => {
    const items = expectData(await baoan.gql(SUGGESTIONS, { id: next })).candidateSuggestions.items;
    return { good: items.find((i: { companyId: string }) => i.companyId === good), bad: items.find((i: { companyId: string }) => i.companyId === bad) };
  };

  /** An activity on the event day: started, inspected, and (the clock moved past its end) closed. */
  async function serve(companyId: string, badItems: string[][]) {
    t.clock.reset();
    const a = await createActivityWithRoster(t, { status: 'READY', companyId, guardsRequired: 10, cleared: 10, startsInHours: 1, durationHours: 3 });
    await trainAll(t, a.id);
    expectData(await baoan.gql(`mutation ($id: ID!) { startActivity(id: $id) { status } }`, { id: a.id }));
    for (const [i, guard] of a.cleared.entries()) {
      const items = badItems[i] ?? [];
      const r = expectData(
        await baoan.gql(`mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { findings { id } } }`, {
          input: { id: randomUUID(), activityId: a.id, guardId: guard.guardId, results: checklist(items), note: items.length ? '现场发现问题' : null, recordedAt: new Date().toISOString() },
        }),
      ).recordInspection;
      // Half of the findings get corrected on the spot.
      for (const f of r.findings.slice(0, Math.ceil(r.findings.length / 2))) {
        expectData(await baoan.gql(`mutation ($id: ID!) { correctFinding(findingId: $id, note: "已当场纠正") { id } }`, { id: f.id }));
      }
    }
    t.clock.set(new Date(Date.now() + 5 * 3600_000));
    expectData(await baoan.gql(`mutation ($id: ID!, $input: CloseActivityInput!) { closeActivity(id: $id, input: $input) { status } }`, {
      id: a.id,
      input: { rating: 4, text: '总体有序' },
    }));
    t.clock.reset();
  }

  it('two identical companies score the same before either has served', async () => {
    const before = await pick();
    expect(before.good.qualified).toBe(true);
    expect(before.bad.qualified).toBe(true);
    expect(before.bad.score).toBe(before.good.score);
  });

  it('after identical activities, the company with findings ranks lower, and its record shows why', async () => {
    await serve(good, []);
    await serve(bad, [['UNIFORM', 'BEARING'], ['CERTIFICATE'], ['DUTY'], ['UNIFORM']]);
    const after = await pick();
    expect(after.good.averageRating).toBe(4);
    expect(after.bad.averageRating).toBe(4);
    expect(after.good.findingsPer100).toBe(0);
    expect(after.bad.findingsPer100).toBe(50);
    const perf = (x: { parts: { key: string; normalized: number }[] }) => x.parts.find((p) => p.key === 'performance')!.normalized;
    expect(perf(after.bad)).toBeLessThan(perf(after.good));
    expect(after.bad.score).toBeLessThan(after.good.score);
    expect(after.bad.rank).toBeGreaterThan(after.good.rank);
    // Every other part is equal: the difference is the performance record alone.
    for (const key of ['capacity', 'age', 'experience', 'locality']) {
      const p = (x: { parts: { key: string; points: number }[] }) => x.parts.find((q) => q.key === key)!.points;
      expect(p(after.bad)).toBe(p(after.good));
    }
    const record = expectData(await baoan.gql(COMPANY, { id: bad })).company.performance;
    expect(record).toMatchObject({ hasHistory: true, findingsPer100: 50 });
  });
});
