import { creditCode, uniq } from '../../../test/identifiers';
import { createTestApp, expectData, expectErrorCode, GqlError, GqlResult, TestApp, TestClient } from '../../../test/harness';
import { unitIdOf } from '../../../test/activity-fixtures';

/**
 * Red team round 6 L1: a district bureau created an organizer named exactly as one on the list (another
 * credit code, its own login), the same with a space, a full-width space, and a unit named “··”. One
 * organizer and one company per name (not counting spaces, case and full/half width; migration
 * UnitNameOnce), and a unit's name holds at least two Chinese characters or letters.
 */
const CREATE_UNIT = /* GraphQL */ `
  mutation ($input: CreateUnitInput!) {
    createUnit(input: $input) { unit { id name kind district creditCode active } account { account { username } } }
  }
`;
const SET_ACTIVE = /* GraphQL */ `
  mutation ($id: ID!, $active: Boolean!, $reason: String) { setUnitActive(id: $id, active: $active, reason: $reason) { id active } }
`;
const MERGE = /* GraphQL */ `mutation ($s: ID!, $t: ID!) { mergeOrganizerUnits(sourceId: $s, targetId: $t) { unit { id } } }`;


/** The red team's request (units2.mjs): an organizer in 大洼 with a new credit code and a contact account. */
function organizerInput(name: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'ORGANIZER',
    name,
    district: 'DAWA',
    creditCode: creditCode(),
    contactName: '王联系',
    contactPhone: '13900001111',
    account: { username: `rt${uniq()}`, displayName: '王联系' },
    ...overrides,
  };
}

const SEEDED = '盘锦红海滩文化旅游发展有限公司'; // organizer1, 大洼, 91211104MA0Q7HT2L6
const SAME_NAME_RULE = '主办/承办单位的名称不计空格、大小写和全角半角，只能登记一次';

describe('unit names: one organizer and one company per name, and names with words (red team round 6 L1)', () => {
  let t: TestApp, dawa: TestClient, admin: TestClient;
  /** Units under a name's key (what the index counts), and accounts by username. */
  const unitsNamed = async (name: string) =>
    (await t.sql(`SELECT count(*)::int AS n FROM units WHERE unit_name_key(name) = unit_name_key($1)`, [name]))[0].n as number;
  const usersNamed = async (usernames: string[]) =>
    (await t.sql(`SELECT count(*)::int AS n FROM users WHERE username = ANY($1::text[])`, [usernames]))[0].n as number;

  /** A refusal on the `name` field: code, message (the field's message too), and nothing stored. */
  async function expectNameRefused(client: TestClient, input: ReturnType<typeof organizerInput>, code: string, message: string | RegExp): Promise<GqlError> {
    const [unitsBefore, auditBefore] = await Promise.all([
      t.sql(`SELECT count(*)::int AS n FROM units`),
      t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'CREATE'`),
    ]);
    const result: GqlResult = await client.gql(CREATE_UNIT, { input });
    const error = expectErrorCode(result, code);
    const field = error.extensions?.fields?.find((f) => f.field === 'name');
    if (typeof message === 'string') expect(field?.message).toBe(message);
    else expect(field?.message).toMatch(message);
    // the answer's message says it too (a CONFLICT is the field's message; a refused input's summary lists it)
    expect(error.message).toContain(field!.message);
    expect((await t.sql(`SELECT count(*)::int AS n FROM units`))[0].n).toBe(unitsBefore[0].n);
    expect((await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'CREATE'`))[0].n).toBe(auditBefore[0].n);
    expect(await usersNamed([(input.account as { username: string }).username])).toBe(0);
    return error;
  }

  beforeAll(async () => {
    t = await createTestApp();
    [dawa, admin] = await Promise.all([t.login('dawa'), t.login('admin')]);
  });
  afterAll(() => t?.close());

  it('refuses the red team\'s copies of an organizer on the list, naming it, and stores nothing', async () => {
    const named = new RegExp(`^已有同名单位“${SEEDED}”（大洼，统一社会信用代码91211104MA0Q7HT2L6，\\d{4}-\\d{2}-\\d{2}登记）：${SAME_NAME_RULE}。如是同一单位，请为它开设账号，不要另建`);
    for (const name of [SEEDED, '盘锦红海滩文化旅游发展 有限公司', '盘锦红海滩文化旅游发展\u3000有限公司', ` 盘锦红海滩 文化旅游\u00a0发展有限公司 `]) {
      await expectNameRefused(dawa, organizerInput(name), 'CONFLICT', named);
    }
    // city-wide: another district's bureau, and the event detachment, cannot make it either
    const panshan = await t.login('panshan');
    await expectNameRefused(panshan, organizerInput('盘锦红海滩文化旅游发展有限公司 ', { district: 'PANSHAN' }), 'CONFLICT', named);
    await expectNameRefused(await t.login('dahuo'), organizerInput(SEEDED, { district: 'XINGLONGTAI' }), 'CONFLICT', named);
    expect(await unitsNamed(SEEDED)).toBe(1);
  });

  it('compares letters without case or width: Ｌｉａｏｈｅ and LIAOHE are the same name', async () => {
    const name = `Liaohe Events文化传播有限公司${uniq()}`;
    expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput(name) }));
    const fullWidth = name.replace('Liaohe Events', 'ＬＩＡＯＨＥ\u3000ＥＶＥＮＴＳ');
    await expectNameRefused(dawa, organizerInput(fullWidth), 'CONFLICT', new RegExp(`^已有同名单位“${name}”（大洼，`));
    await expectNameRefused(dawa, organizerInput(name.replace('Liaohe Events', 'liaoheevents')), 'CONFLICT', new RegExp(`^已有同名单位“${name}”`));
    expect(await unitsNamed(name)).toBe(1);
  });

  it('refuses a name without two Chinese characters or letters: “··”, digits, emoji', async () => {
    const message = '单位名称应含有至少2个汉字或字母，不能只有数字、符号或表情';
    for (const name of ['··', '。。', '——', '123', '😀😀', '1号']) {
      await expectNameRefused(dawa, organizerInput(name), 'BAD_USER_INPUT', message);
    }
    // the filler U+3164 and a zero-width space stay refused as characters (they look like nothing or hide one)
    await expectNameRefused(dawa, organizerInput(`${SEEDED}\u3164`), 'BAD_USER_INPUT', /^单位名称含有看起来像空格的填充字符/);
    await expectNameRefused(dawa, organizerInput(`盘锦红海滩\u200b文化旅游发展有限公司`), 'BAD_USER_INPUT', /^单位名称含有零宽字符/);
    // a short name of words is a name
    expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput(`大洼${uniq().replace(/\d/g, '')}`) }));
  });

  it('keeps a name with a branch in parentheses (another unit), the same in either width of parentheses', async () => {
    const branch = `${SEEDED}(大洼${uniq()})`;
    const made = expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput(branch) })).createUnit;
    expect(made.unit.name).toBe(branch);
    await expectNameRefused(dawa, organizerInput(branch.replace('(', '（').replace(')', '）')), 'CONFLICT', new RegExp(`^已有同名单位“${branch.replace(/[()]/g, '\\$&')}”`));
    expect(await unitsNamed(SEEDED)).toBe(1);
  });

  it('counts a deactivated organizer (it can be reactivated), not one merged into another', async () => {
    const name = `盘锦停用测试文化有限公司${uniq()}`;
    const made = expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput(name) })).createUnit;
    expectData(await admin.gql(SET_ACTIVE, { id: made.unit.id, active: false, reason: '测试停用' }));
    await expectNameRefused(dawa, organizerInput(name), 'CONFLICT', /已停用）：.*如是同一单位，请为它开设账号（须先由系统管理员启用），不要另建/);

    // a merged duplicate is history: its name is free again (the survivor keeps its own)
    const merged = `盘锦合并测试文化有限公司${uniq()}`;
    const source = expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput(merged) })).createUnit;
    expectData(await admin.gql(MERGE, { s: source.unit.id, t: await unitIdOf(t, 'organizer1') }));
    expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput(merged) }));
    expect(await unitsNamed(merged)).toBe(2);
  });

  it('refuses a company of another company\'s name with spaces, naming its credit code', async () => {
    const [company] = await t.sql(`SELECT c.name, c.credit_code FROM companies c JOIN users u ON u.unit_id = c.id WHERE u.username = 'company1'`);
    const spaced = `${company.name.slice(0, 2)} ${company.name.slice(2)}`;
    const input = {
      kind: 'COMPANY', name: spaced, district: 'DAWA', creditCode: creditCode(), contactName: '王联系', contactPhone: '13900001111',
      company: { licenseNo: `辽公保服${uniq()}号`, licenseExpiry: '2030-01-01', registeredCapital: 2_000_000, address: '大洼区测试路1号' },
      account: { username: `rt${uniq()}`, displayName: '王联系' },
    };
    await expectNameRefused(
      admin,
      input as unknown as ReturnType<typeof organizerInput>,
      'CONFLICT',
      `公司名称“${company.name}”已登记（统一社会信用代码${company.credit_code}），“${spaced}”与它只差空格、大小写或全角半角，请核对`,
    );
    // The detachment's own form (companies module) is held by the database's index: refused, nothing stored.
    const wide = company.name.replace('保安', '保安\u3000');
    const baoan = await t.login('baoan');
    const viaForm = await baoan.gql(`mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
      input: { ...input.company, name: wide, creditCode: creditCode(), district: 'DAWA', contactName: '王联系', contactPhone: '13900001111' },
    });
    expectErrorCode(viaForm, 'CONFLICT');
    expect(await unitsNamed(company.name)).toBe(1);
    // an organizer may bear a company's name: the rule is per kind
    expectData(await dawa.gql(CREATE_UNIT, { input: organizerInput(spaced) }));
  });

  it('ten creations of one new name at once: one unit, one account; the others are told which unit was kept', async () => {
    const name = `盘锦并发测试文化有限公司${uniq()}`;
    const inputs = Array.from({ length: 10 }, () => organizerInput(name));
    const results = await Promise.all(inputs.map((input) => dawa.gql(CREATE_UNIT, { input })));
    const made = results.filter((r) => !r.errors);
    expect(made).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) {
      const error = expectErrorCode(r, 'CONFLICT');
      expect(error.message).toMatch(new RegExp(`^已有同名单位“${name}”（大洼，统一社会信用代码${made[0].data.createUnit.unit.creditCode}，`));
      expect(error.extensions?.fields?.[0]?.field).toBe('name');
    }
    expect(await unitsNamed(name)).toBe(1);
    expect(await usersNamed(inputs.map((i) => i.account.username))).toBe(1);
  });
});
