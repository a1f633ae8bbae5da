import { createTestApp, expectData, TestApp, TestClient, UPDATE_SETTINGS } from '../../../test/harness';
import { approvedActivity, createCompany } from '../../../test/activity-fixtures';

const COMPARE = /* GraphQL */ `
  query ($id: ID!) {
    candidateComparison(activityId: $id) {
      weights { key weight share }
      weightsAsOf
      candidates { companyId score }
      rows { key cells { companyId value } }
    }
  }
`;
const SUGGEST = /* GraphQL */ `
  query ($id: ID!) {
    candidateSuggestions(activityId: $id) { weights { key weight share } items { companyId parts { key weight } } }
  }
`;
const RECOMMEND = /* GraphQL */ `
  mutation ($id: ID!, $ids: [ID!]!) { recommendCandidates(activityId: $id, companyIds: $ids) { id status } }
`;

interface Weight {
  key: string;
  weight: number;
  share: number;
}

const DEFAULT_WEIGHTS = { capacity: 0.3, age: 0.15, performance: 0.3, experience: 0.15, locality: 0.1 };
/** Today's weights after the change: capacity alone. */
const CHANGED_WEIGHTS = { capacity: 1, age: 0, performance: 0, experience: 0, locality: 0 };
const changes = (w: Record<string, number>) => Object.entries(w).map(([k, value]) => ({ key: `recommendation.weight.${k}`, value }));
const asRecord = (weights: Weight[]) => Object.fromEntries(weights.map((w) => [w.key, w.weight]));

/**
 * Review F5: the organizer's side-by-side comparison shows the weights the candidates' scores were
 * computed with (kept with the recommendation), never today's, which could not produce those scores.
 */
describe('candidate comparison: the weights of the recommendation', () => {
  let t: TestApp;
  let baoan: TestClient;
  let organizer: TestClient;
  const companies: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    organizer = await t.login('organizer1');
    // Three qualified companies that differ in size, so capacity alone would rank them differently.
    for (const [i, count] of [60, 40, 30].entries()) {
      companies.push(await createCompany(t, { name: `测试权重${'甲乙丙'[i]}保安服务有限公司`, district: i === 0 ? 'DAWA' : 'XINGLONGTAI', guards: [{ count, age: 35 }] }));
    }
  });
  afterAll(() => t?.close());

  it('keeps showing the weights the scores were computed with after the settings change; an activity without a recommendation shows the current ones', async () => {
    const id = await approvedActivity(t);
    expectData(await baoan.gql(RECOMMEND, { id, ids: companies }));
    const before = expectData(await organizer.gql(COMPARE, { id })).candidateComparison;
    expect(asRecord(before.weights)).toEqual(DEFAULT_WEIGHTS);
    expect(before.weightsAsOf).not.toBeNull();

    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: changes(CHANGED_WEIGHTS) }));

    const after = expectData(await organizer.gql(COMPARE, { id })).candidateComparison;
    expect(after.weights).toEqual(before.weights);
    expect(after.weightsAsOf).toBe(before.weightsAsOf);
    expect(after.candidates).toEqual(before.candidates);
    // The weights shown produce the scores shown: each score is Σ share × normalized part of its snapshot.
    const share = new Map<string, number>(after.weights.map((w: Weight) => [w.key, w.share]));
    const snapshots: { company_id: string; score: string; score_parts: { parts: { key: string; normalized: number }[] } }[] = await t.sql(
      `SELECT company_id, score, score_parts FROM activity_candidates WHERE activity_id = $1`,
      [id],
    );
    expect(snapshots).toHaveLength(3);
    for (const snap of snapshots) {
      const computed = snap.score_parts.parts.reduce((sum, p) => sum + share.get(p.key)! * p.normalized, 0);
      expect(computed).toBeCloseTo(Number(snap.score), 0);
      expect(after.candidates.find((c: { companyId: string }) => c.companyId === snap.company_id).score).toBe(Number(snap.score));
    }

    // Not yet recommended: the ranking and the comparison both show today's weights.
    const fresh = await approvedActivity(t);
    const suggested = expectData(await baoan.gql(SUGGEST, { id: fresh })).candidateSuggestions;
    expect(asRecord(suggested.weights)).toEqual(CHANGED_WEIGHTS);
    const empty = expectData(await baoan.gql(COMPARE, { id: fresh })).candidateComparison;
    expect(asRecord(empty.weights)).toEqual(CHANGED_WEIGHTS);
    expect(empty.weightsAsOf).toBeNull();

    // Recommended under today's weights: its comparison shows those, and keeps them when the settings move back.
    const candidates = suggested.items.filter((i: { companyId: string }) => companies.includes(i.companyId)).map((i: { companyId: string }) => i.companyId);
    expectData(await baoan.gql(RECOMMEND, { id: fresh, ids: candidates }));
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: changes(DEFAULT_WEIGHTS) }));
    expect(asRecord(expectData(await organizer.gql(COMPARE, { id: fresh })).candidateComparison.weights)).toEqual(CHANGED_WEIGHTS);
    expect(asRecord(expectData(await organizer.gql(COMPARE, { id })).candidateComparison.weights)).toEqual(DEFAULT_WEIGHTS);
  });
});
