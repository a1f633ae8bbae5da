import { createTestApp, expectData, TestApp, TestClient } from '../../../test/harness';
import { approvedActivity, createCompany, dateFromNow } from '../../../test/activity-fixtures';
import { ActivityEntity } from '../activities/activity.entity';
import { computeSuggestions } from './recommendation.service';

/**
 * The recommendation screen reads kept figures (suggestion-measures.ts), refreshed when an input
 * changes (migration SuggestionInputsVersion). After every kind of change the answer must equal
 * both a fresh computation and a guard-by-guard count, and it must actually have moved.
 */
const SUGGEST = /* GraphQL */ `
  query ($id: ID!, $page: PageInput, $qualifiedOnly: Boolean) {
    candidateSuggestions(activityId: $id, page: $page, qualifiedOnly: $qualifiedOnly) {
      qualifiedCount companyCount total recommendedCompanyIds minAge maxAge reuseWindowDays
      items {
        companyId companyName qualified rank score eligibleGuards guardsOnRegister averageAge youngShare
        activitiesServed similarActivities findingsPer100 vettingFailureRate recommended
        parts { key raw normalized points }
        exclusions { code message }
      }
    }
  }
`;

interface Item {
  companyId: string;
  companyName: string;
  qualified: boolean;
  rank: number | null;
  eligibleGuards: number;
  guardsOnRegister: number;
  exclusions: { code: string; message: string }[];
}

describe('candidate suggestions from kept figures', () => {
  let t: TestApp;
  let baoan: TestClient;
  let activityId: string;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    baoan = await t.login('baoan');
    companyId = await createCompany(t, { name: '测试留存保安服务有限公司', guards: [{ count: 40, age: 30 }] });
    activityId = await approvedActivity(t);
  });
  afterAll(() => t?.close());

  const ask = async (variables: Record<string, unknown> = {}) =>
    expectData(await baoan.gql(SUGGEST, { id: activityId, ...variables })).candidateSuggestions as {
      qualifiedCount: number;
      companyCount: number;
      total: number;
      recommendedCompanyIds: string[];
      minAge: number;
      maxAge: number;
      reuseWindowDays: number;
      items: Item[];
    };

  /** What the same ranking is straight from the database (recommend and select recompute this way). */
  async function fresh() {
    const a = await t.ds.getRepository(ActivityEntity).findOneByOrFail({ id: activityId });
    return computeSuggestions(t.ds.manager, a, await t.services.settings.all());
  }

  /**
   * The company's active guards and those eligible for the activity (the lower age limit reached on its
   * first day, the upper not passed on its last), counted guard by guard
   * with the rules written out (age by age(), revocation and failure looked up per person).
   */
  async function counted(limits: { minAge: number; maxAge: number; reuseWindowDays: number }): Promise<{ onRegister: number; eligible: number }> {
    const [row] = await t.sql(
      `SELECT count(*)::int AS on_register,
              count(*) FILTER (
                WHERE g.certificate_no IS NOT NULL AND g.education <> 'PRIMARY'
                  AND date_part('year', age((a.starts_at AT TIME ZONE 'Asia/Shanghai')::date, g.birth_date)) >= $3
                  AND date_part('year', age((a.ends_at AT TIME ZONE 'Asia/Shanghai')::date, g.birth_date)) <= $4
                  AND NOT EXISTS (SELECT 1 FROM certificate_revocations cr WHERE cr.id_hash = g.id_hash GROUP BY cr.id_hash
                                  HAVING count(*) >= 2 OR max(cr.revoked_on) > (a.starts_at AT TIME ZONE 'Asia/Shanghai')::date - interval '3 years')
                  AND NOT EXISTS (SELECT 1 FROM roster_entries r JOIN guards p ON p.id = r.guard_id
                                   WHERE p.id_hash = g.id_hash AND r.decision = 'FAILED'
                                     AND r.decided_at >= now() - make_interval(days => $5::int)))::int AS eligible
         FROM guards g, activities a WHERE a.id = $2 AND g.company_id = $1 AND g.status = 'ACTIVE'`,
      [companyId, activityId, limits.minAge, limits.maxAge, limits.reuseWindowDays],
    );
    return { onRegister: row.on_register, eligible: row.eligible };
  }

  /** An active guard of the company with a certificate, no revocation and no failure: eligible until the test changes that. */
  async function eligibleGuard(): Promise<{ id: string; id_cipher: string; id_hash: Buffer }> {
    const [g] = await t.sql(
      `SELECT g.id, g.id_cipher, g.id_hash FROM guards g
        WHERE g.company_id = $1 AND g.status = 'ACTIVE' AND g.certificate_no IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM certificate_revocations cr WHERE cr.id_hash = g.id_hash)
          AND NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.guard_id = g.id)
        ORDER BY g.id LIMIT 1`,
      [companyId],
    );
    return g;
  }

  const mine = (items: Item[]) => items.find((i) => i.companyId === companyId)!;

  async function expectAnswerEqualsFreshAndCount() {
    const [answer, reference] = await Promise.all([ask(), fresh()]);
    const count = await counted(answer);
    expect(answer.items).toEqual(
      reference.items.map((i) => expect.objectContaining({ companyId: i.companyId, rank: i.rank, eligibleGuards: i.eligibleGuards, qualified: i.qualified })),
    );
    expect(answer.qualifiedCount).toBe(reference.qualifiedCount);
    const item = mine(answer.items);
    expect({ onRegister: item.guardsOnRegister, eligible: item.eligibleGuards }).toEqual(count);
    return item;
  }

  const changes: [string, () => Promise<unknown>, (before: Item, after: Item) => void][] = [
    [
      'a guard joins the register',
      () => t.sql(
        `INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, certificate_no, certificate_issued_on, education)
         SELECT company_id, name || '新', id_cipher, sha256(id_hash), birth_date, sex, certificate_no || 'X', certificate_issued_on, education
           FROM guards WHERE company_id = $1 ORDER BY id LIMIT 1`,
        [companyId],
      ),
      (b, a) => expect([a.guardsOnRegister, a.eligibleGuards]).toEqual([b.guardsOnRegister + 1, b.eligibleGuards + 1]),
    ],
    [
      "a guard's certificate is taken off the register",
      () => t.sql(`UPDATE guards SET certificate_no = NULL WHERE id = (SELECT id FROM guards WHERE company_id = $1 AND certificate_no IS NOT NULL ORDER BY id LIMIT 1)`, [companyId]),
      (b, a) => expect([a.guardsOnRegister, a.eligibleGuards]).toEqual([b.guardsOnRegister, b.eligibleGuards - 1]),
    ],
    [
      'a guard leaves the company',
      () => t.sql(`UPDATE guards SET status = 'LEFT' WHERE id = (SELECT id FROM guards WHERE company_id = $1 AND status = 'ACTIVE' AND certificate_no IS NOT NULL ORDER BY id DESC LIMIT 1)`, [companyId]),
      (b, a) => expect([a.guardsOnRegister, a.eligibleGuards]).toEqual([b.guardsOnRegister - 1, b.eligibleGuards - 1]),
    ],
    [
      "a guard's certificate is revoked",
      async () => {
        const g = await eligibleGuard();
        await t.sql(`INSERT INTO certificate_revocations (id_cipher, id_hash, revoked_on, reason) VALUES ($1, $2, $3, '违规')`, [g.id_cipher, g.id_hash, dateFromNow(-30)]);
      },
      (b, a) => expect(a.eligibleGuards).toBe(b.eligibleGuards - 1),
    ],
    [
      'a guard fails vetting on another activity',
      async () => {
        const g = await eligibleGuard();
        const other = await approvedActivity(t);
        await t.sql(
          `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, decided_at, state) VALUES ($1, $2, $3, 'FAILED', now() - interval '3 days', 'REMOVED')`,
          [other, g.id, companyId],
        );
      },
      (b, a) => expect(a.eligibleGuards).toBe(b.eligibleGuards - 1),
    ],
    [
      'a serious finding against the company is recorded',
      () => t.sql(
        `INSERT INTO findings (inspection_id, activity_id, company_id, item, serious, recorded_by, recorded_at)
         VALUES (gen_random_uuid(), $1, $2, 'UNVETTED_ON_DUTY', true, (SELECT id FROM users WHERE username = 'baoan'), now())`,
        [activityId, companyId],
      ),
      (b, a) => expect(a.exclusions.map((e) => e.code)).toEqual([...b.exclusions.map((e) => e.code), 'SERIOUS_FINDING']),
    ],
    [
      'the company’s unit is deactivated (停用: no account can log in to submit a roster)',
      () => t.sql(`UPDATE units SET active = false, deactivated_reason = '测试停用' WHERE id = $1`, [companyId]),
      (b, a) => {
        expect(a.qualified).toBe(false);
        expect(a.exclusions.find((e) => e.code === 'UNIT_INACTIVE')?.message).toBe('单位已停用，账号不能登录，中选后无法上报名单');
        expect(a.exclusions.filter((e) => e.code !== 'UNIT_INACTIVE')).toEqual(b.exclusions);
      },
    ],
    [
      'the unit is in use again',
      () => t.sql(`UPDATE units SET active = true, deactivated_reason = NULL WHERE id = $1`, [companyId]),
      (b, a) => expect(a.exclusions.map((e) => e.code)).toEqual(b.exclusions.map((e) => e.code).filter((c) => c !== 'UNIT_INACTIVE')),
    ],
    [
      'the company is suspended',
      () => t.sql(`UPDATE companies SET status = 'SUSPENDED', status_reason = '整改' WHERE id = $1`, [companyId]),
      (b, a) => expect([b.qualified, a.qualified, a.exclusions[0].code]).toEqual([false, false, 'NOT_ACTIVE']),
    ],
  ];

  it.each(changes)('after %s, the answer equals a fresh computation and a guard-by-guard count, and has moved', async (_what, change, moved) => {
    const before = await expectAnswerEqualsFreshAndCount();
    await ask(); // read twice: the second answer comes from the kept figures
    await change();
    const after = await expectAnswerEqualsFreshAndCount();
    moved(before, after);
  });

  it('over an event of several days, a guard who passes the upper age limit before the last day is not counted (as the pre-check decides)', async () => {
    const start = new Date(Date.now() + 50 * 86_400_000);
    start.setUTCHours(1, 0, 0, 0); // 09:00 in 盘锦
    const end = new Date(start.getTime() + 2 * 86_400_000); // the third day
    const multiDay = await approvedActivity(t, { startsAt: start.toISOString(), endsAt: end.toISOString() });
    const maxAge: number = (await ask()).maxAge;
    const day = (d: Date, plusDays: number) => new Date(d.getTime() + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
    const birthdayOn = (date: string) => `${Number(date.slice(0, 4)) - (maxAge + 1)}${date.slice(4)}`;
    const company = await createCompany(t, { name: '跨日活动年龄测试保安公司' });
    for (const [name, birth] of [['次日超龄', birthdayOn(day(start, 1))], ['结束后超龄', birthdayOn(day(end, 1))]]) {
      const hex = `${company}${name}`;
      await t.sql(
        `INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, certificate_no, certificate_issued_on, education)
         VALUES ($1, $2, $3, sha256(convert_to($3, 'UTF8')), $4, 'MALE', 'AGE' || md5($3), DATE '2020-01-01', 'SENIOR_MIDDLE')`,
        [company, name, hex, birth],
      );
    }
    const answer = expectData(await baoan.gql(SUGGEST, { id: multiDay, page: { page: 1, pageSize: 500 } })).candidateSuggestions;
    const item = answer.items.find((i: Item) => i.companyId === company)!;
    expect({ onRegister: item.guardsOnRegister, eligible: item.eligibleGuards }).toEqual({ onRegister: 2, eligible: 1 });
    expect(item.exclusions.find((e: { code: string }) => e.code === 'TOO_FEW_GUARDS')?.message ?? '').toContain(`年龄不在${answer.minAge}–${maxAge}岁1人`);
  });

  it('a vetting failure that leaves the reuse window frees the guard with no write at all', async () => {
    const g = await eligibleGuard();
    const { reuseWindowDays } = await ask();
    const other = await approvedActivity(t);
    await t.sql(
      `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, decided_at, state)
       VALUES ($1, $2, $3, 'FAILED', now() - make_interval(days => $4::int) + interval '1.5 seconds', 'REMOVED')`,
      [other, g.id, companyId, reuseWindowDays],
    );
    const inside = mine((await ask()).items).eligibleGuards;
    expect(mine((await ask()).items).eligibleGuards).toBe(inside);
    await new Promise((r) => setTimeout(r, 2000));
    expect(mine((await ask()).items).eligibleGuards).toBe(inside + 1);
    await expectAnswerEqualsFreshAndCount();
  });

  it('counts the reuse window of a failure on the server’s clock, as vetting does (code review C7)', async () => {
    const g = await eligibleGuard();
    const { reuseWindowDays } = await ask();
    const other = await approvedActivity(t);
    await t.sql(
      `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, decided_at, state)
       VALUES ($1, $2, $3, 'FAILED', now() - interval '10 days', 'REMOVED')`,
      [other, g.id, companyId],
    );
    const inside = mine((await ask()).items).eligibleGuards;
    t.clock.set(new Date(Date.now() + (reuseWindowDays - 10 + 1) * 86_400_000));
    try {
      expect(mine((await ask()).items).eligibleGuards).toBe(inside + 1);
    } finally {
      t.clock.reset();
    }
  });

  it('a transaction moves the version once however many rows it writes; a rolled-back one does not move it', async () => {
    const version = async () => Number((await t.sql(`SELECT version FROM suggestion_inputs`))[0].version);
    const v0 = await version();
    await t.sql(`UPDATE guards SET education = education WHERE company_id = $1`, [companyId]);
    expect(await version()).toBe(v0 + 1);
    const runner = t.ds.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`UPDATE guards SET certificate_no = NULL WHERE company_id = $1`, [companyId]);
    await runner.rollbackTransaction();
    await runner.release();
    expect(await version()).toBe(v0 + 1);
    // A write to something suggestions do not read (an activity's venue) does not move it.
    await t.sql(`UPDATE activities SET venue = venue || '' WHERE id = $1`, [activityId]);
    expect(await version()).toBe(v0 + 1);
  });

  it('pages the ranking: pages follow each other, totals count before paging, qualifiedOnly lists the qualified only', async () => {
    const all = await ask();
    expect(all.total).toBe(all.companyCount);
    expect(all.items).toHaveLength(all.companyCount);
    const p1 = await ask({ page: { page: 1, pageSize: 3 } });
    const p2 = await ask({ page: { page: 2, pageSize: 3 } });
    expect([...p1.items, ...p2.items].map((i) => i.companyId)).toEqual(all.items.slice(0, 6).map((i) => i.companyId));
    expect([p1.total, p1.companyCount, p1.qualifiedCount]).toEqual([all.companyCount, all.companyCount, all.qualifiedCount]);
    const q = await ask({ qualifiedOnly: true, page: { page: 1, pageSize: 500 } });
    expect(q.total).toBe(all.qualifiedCount);
    expect(q.items.every((i) => i.qualified)).toBe(true);
    expect(q.items.map((i) => i.rank)).toEqual(q.items.map((_, k) => k + 1));
    const beyond = await ask({ page: { page: 999, pageSize: 20 } });
    expect([beyond.items, beyond.total]).toEqual([[], all.companyCount]);
    expect(all.recommendedCompanyIds).toEqual([]);
  });

  it('refuses a page size over 500 with the field message, as every list does', async () => {
    const res = await baoan.gql(SUGGEST, { id: activityId, page: { page: 1, pageSize: 501 } });
    expect(res.errors?.[0].message).toMatch(/每页条数不能超过500/);
  });
});
