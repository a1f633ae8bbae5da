import { countQueries, createTestApp, expectData, expectErrorCode, TestApp, UPDATE_SETTINGS } from '../../../test/harness';

const SETTINGS = /* GraphQL */ `query { settings { key label value defaultValue unit } }`;

describe('settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const valueOf = async (key: string) => {
    const client = await t.login('baoan');
    const { settings } = expectData(await client.gql(SETTINGS));
    return settings.find((s: { key: string }) => s.key === key)?.value;
  };

  it('are readable by any logged-in role, with defaults and Chinese labels', async () => {
    const organizer = await t.login('organizer1');
    const { settings } = expectData(await organizer.gql(SETTINGS));
    expect(settings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'guard.maxAge', label: '保安员年龄上限', value: 55, defaultValue: 55, unit: '岁' }),
      ]),
    );
  });

  it('are updated by SECURITY_DETACHMENT with one audit entry holding before and after', async () => {
    const baoan = await t.login('baoan');
    const result = await baoan.gql(UPDATE_SETTINGS, {
      changes: [
        { key: 'guard.maxAge', value: 50 },
        { key: 'vetting.checkRelatives', value: false },
      ],
    });
    const { updateSettings } = expectData(result);
    expect(updateSettings).toEqual(
      expect.arrayContaining([
        { key: 'guard.maxAge', value: 50 },
        { key: 'vetting.checkRelatives', value: false },
      ]),
    );
    expect(await valueOf('guard.maxAge')).toBe(50);

    const entries = await t.sql(
      `SELECT actor_role, action, summary, before, after FROM audit_log WHERE entity_type = 'Settings' ORDER BY id`,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_role: 'SECURITY_DETACHMENT', action: 'UPDATE' });
    expect(entries[0].summary).toContain('guard.maxAge');
    expect(entries[0].before).toMatchObject({ 'guard.maxAge': 55, 'vetting.checkRelatives': true });
    expect(entries[0].after).toMatchObject({ 'guard.maxAge': 50, 'vetting.checkRelatives': false });
  });

  it('come with the session (no statement of their own), and a change shows in the next request\'s list', async () => {
    const office = await t.login('office');
    const baoan = await t.login('baoan');
    // the session's statement carries them: reading every setting costs that statement alone
    expect(await countQueries(async () => expectData(await office.gql(SETTINGS)))).toBe(1);
    const LIST = `query { activities(page: { pageSize: 50 }) { items { id deadlines { stages { stage dueOn } } } } }`;
    const vettingDue = async () => {
      const { items } = expectData(await office.gql(LIST)).activities;
      return new Map(
        items.map((a: { id: string; deadlines: { stages: { stage: string; dueOn: string | null }[] } }) => [
          a.id,
          a.deadlines.stages.find((st) => st.stage === 'VETTING')?.dueOn ?? null,
        ]),
      );
    };
    const before = await vettingDue();
    const current = Number(await valueOf('deadline.vettingDaysBefore'));
    expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'deadline.vettingDaysBefore', value: current + 2 }] }));
    try {
      const after = await vettingDue();
      const moved = [...before].filter(([, due]) => due);
      expect(moved.length).toBeGreaterThan(0);
      for (const [id, due] of moved) {
        const earlier = new Date(`${due}T00:00:00Z`);
        earlier.setUTCDate(earlier.getUTCDate() - 2);
        expect([id, after.get(id)]).toEqual([id, earlier.toISOString().slice(0, 10)]);
      }
    } finally {
      expectData(await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'deadline.vettingDaysBefore', value: current }] }));
    }
  });

  it('are changed together with their audit entry or not at all (one transaction)', async () => {
    const before = await valueOf('guard.minAge');
    // Make the audit insert fail: the setting change must roll back with it.
    await t.sql(`
      CREATE FUNCTION refuse_settings_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.entity_type = 'Settings' THEN RAISE EXCEPTION 'audit refused by test'; END IF;
        RETURN NEW;
      END $$`);
    await t.sql(`CREATE TRIGGER refuse_settings_audit BEFORE INSERT ON audit_log
                 FOR EACH ROW EXECUTE FUNCTION refuse_settings_audit()`);
    // TypeORM prints the failed query; expected here.
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const baoan = await t.login('baoan');
      const result = await baoan.gql(UPDATE_SETTINGS, { changes: [{ key: 'guard.minAge', value: 21 }] });
      const error = expectErrorCode(result, 'INTERNAL_SERVER_ERROR');
      expect(error.message).not.toContain('audit refused');
    } finally {
      quiet.mockRestore();
      await t.sql(`DROP TRIGGER refuse_settings_audit ON audit_log`);
      await t.sql(`DROP FUNCTION refuse_settings_audit()`);
    }
    expect(await valueOf('guard.minAge')).toBe(before);
    const rows = await t.sql(`SELECT 1 FROM settings WHERE key = 'guard.minAge'`);
    expect(rows).toHaveLength(0);
  });

  it.each([
    ['OFFICE', 'office'],
    ['LEADER', 'leader'],
    ['EVENT_DETACHMENT', 'dahuo'],
    ['DISTRICT_BUREAU', 'panshan'],
    ['ORGANIZER', 'organizer2'],
    ['ADMIN', 'admin'],
  ])('are FORBIDDEN to change for %s (%s), and stay unchanged', async (_role, username) => {
    const before = await valueOf('staffing.guardsPerThousand');
    const client = await t.login(username);
    const result = await client.gql(UPDATE_SETTINGS, { changes: [{ key: 'staffing.guardsPerThousand', value: 42 }] });
    expectErrorCode(result, 'FORBIDDEN');
    expect(await valueOf('staffing.guardsPerThousand')).toBe(before);
  });

  it('reject bad values with BAD_USER_INPUT naming each field, changing nothing', async () => {
    const baoan = await t.login('baoan');
    const auditBefore = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Settings'`);
    const result = await baoan.gql(UPDATE_SETTINGS, {
      changes: [
        { key: 'recommendation.capacityMargin', value: 0.5 },
        { key: 'guard.maxAge', value: 200 },
        { key: 'vetting.checkRelatives', value: 'yes' },
        { key: 'no.such.setting', value: 1 },
      ],
    });
    const error = expectErrorCode(result, 'BAD_USER_INPUT');
    expect(error.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'changes.1.value', message: expect.stringContaining('18 到 70') }),
      expect.objectContaining({ field: 'changes.2.value' }),
      expect.objectContaining({ field: 'changes.3.key', message: expect.stringContaining('no.such.setting') }),
    ]);
    expect(await valueOf('recommendation.capacityMargin')).toBe(0.2);
    const auditAfter = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Settings'`);
    expect(auditAfter[0].n).toBe(auditBefore[0].n);
  });

  it('refuse values that contradict each other or say nothing, a setting given twice, and inherited names, changing nothing', async () => {
    const baoan = await t.login('baoan');
    const auditBefore = (await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Settings'`))[0].n;
    const values = async () => [await valueOf('guard.minAge'), await valueOf('guard.maxAge'), await valueOf('recommendation.weight.capacity')];
    const stored = await values();
    const refused = async (changes: { key: string; value: number | boolean }[], field: string, says: string) => {
      const error = expectErrorCode(await baoan.gql(UPDATE_SETTINGS, { changes }), 'BAD_USER_INPUT');
      expect(error.extensions?.fields).toEqual([expect.objectContaining({ field, message: expect.stringContaining(says) })]);
    };
    await refused([{ key: 'guard.minAge', value: 30 }, { key: 'guard.maxAge', value: 20 }], 'changes.0.value', '年龄下限不能高于年龄上限');
    await refused([{ key: 'guard.maxAge', value: 19 }, { key: 'guard.minAge', value: 25 }], 'changes.0.value', '年龄下限不能高于年龄上限');
    await refused([{ key: 'guard.maxAge', value: 55 }, { key: 'guard.maxAge', value: 18 }], 'changes.1.key', '出现了两次');
    await refused(
      ['capacity', 'age', 'performance', 'experience', 'locality'].map((w) => ({ key: `recommendation.weight.${w}`, value: 0 })),
      'changes.0.value',
      '权重不能全部为0',
    );
    await refused([{ key: '__proto__', value: 1 }], 'changes.0.key', '未知的设置项');
    // the stages in their order (review 5 C-9): training 30 days before the start, candidates 1 day before
    await refused([{ key: 'deadline.trainingDaysBefore', value: 30 }, { key: 'deadline.recommendDaysBefore', value: 1 }], 'changes.0.value', '依次排列');
    await refused([{ key: 'training.passScore', value: 0 }], 'changes.0.value', '应在 1 到 100 之间');
    expect(await values()).toEqual(stored);
    expect((await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Settings'`))[0].n).toBe(auditBefore);
  });

  it('two officers changing the two sides of a rule at once: one wins, the other is refused; the rule holds (review 5 B-F6)', async () => {
    const [one, two] = await Promise.all([t.login('baoan'), t.login('baoan')]);
    for (let i = 0; i < 5; i++) {
      const [a, b] = await Promise.all([
        one.gql(UPDATE_SETTINGS, { changes: [{ key: 'guard.minAge', value: 30 }] }),
        two.gql(UPDATE_SETTINGS, { changes: [{ key: 'guard.maxAge', value: 25 }] }),
      ]);
      expect([a, b].filter((r) => !r.errors)).toHaveLength(1);
      const refused = [a, b].find((r) => r.errors)!;
      expect(refused.errors![0].message).toContain('年龄下限不能高于年龄上限');
      const [min, max] = [await valueOf('guard.minAge'), await valueOf('guard.maxAge')];
      expect(min).toBeLessThanOrEqual(max);
      expectData(await one.gql(UPDATE_SETTINGS, { changes: [{ key: 'guard.minAge', value: 18 }, { key: 'guard.maxAge', value: 55 }] }));
    }
  });
});
