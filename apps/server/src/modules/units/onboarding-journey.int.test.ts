import { creditCode } from '../../../test/identifiers';
import { createTestApp, expectData, expectErrorCode, TestApp, TestClient, totpCode } from '../../../test/harness';
import { csvFile, idFor, passAllSeenResult } from '../../../test/vetting-fixtures';
import { activityInput, CREATE_ACTIVITY, quoteAllCandidates } from '../../../test/activity-fixtures';
import { COMPANY_COLUMNS } from '../companies/company-import.service';
import { GUARD_COLUMNS } from '../guards/guard-import.service';

/**
 * A new deployment, end to end through the API: an empty production database (SEED_DEMO=false:
 * reference units and `admin` only) is taken to a CLOSED activity by accounts that are all opened
 * in the system itself, each logging in first with its one-time password.
 */
const ADMIN_PASSWORD = 'Deploy@2026start';
const NEW_PASSWORD = 'Mine@2026secret';

const LOGIN = /* GraphQL */ `mutation ($input: LoginInput!) { login(input: $input) { mustChangePassword role } }`;
const CHANGE = /* GraphQL */ `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { mustChangePassword } }`;
const ISSUE = /* GraphQL */ `
  mutation ($unitId: ID!, $input: NewAccountInput!) { issueUnitAccount(unitId: $unitId, input: $input) { initialPassword account { username } } }
`;
const UNITS = /* GraphQL */ `query { units { id name kind district } }`;
const CREATE_UNIT = /* GraphQL */ `
  mutation ($input: CreateUnitInput!) { createUnit(input: $input) { unit { id name } account { initialPassword account { username } } } }
`;
const CREATE_COMPANY = /* GraphQL */ `
  mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id issuedAccount { initialPassword account { username } } } }
`;
const IMPORT_COMPANIES = /* GraphQL */ `
  mutation ($file: FileInput!) { importCompanies(file: $file, mode: COMMIT) { created ids } }
`;
const IMPORT_GUARDS = /* GraphQL */ `mutation ($input: ImportGuardsInput!) { importGuards(input: $input) { created ids invalidRows problems { row column message } } }`;

/** Three guards with a 保安员证, aged 30–40, and their parents, as a company's register file. */
function guardFile(prefix: string, birthYear: number) {
  return csvFile(`${prefix}.csv`, [
    GUARD_COLUMNS,
    ...[1, 2, 3].map((i) =>
      GUARD_COLUMNS.map((c) =>
        ({
          姓名: `${prefix}保安${'甲乙丙'[i - 1]}`, 身份证号: idFor(`${birthYear + i}-0${i}-1${i}`), 保安员证号: `辽盘保${prefix}${i}`, 发证日期: '2022-05-01', 学历: '高中',
          // Vetting needs the immediate relatives declared (father and mother at least).
          父亲姓名: `${prefix}父${'甲乙丙'[i - 1]}`, 父亲身份证号: idFor(`${birthYear - 28}-0${i}-2${i}`),
          母亲姓名: `${prefix}母${'甲乙丙'[i - 1]}`, 母亲身份证号: idFor(`${birthYear - 26}-0${i}-2${i}`, true),
        })[c as string] ?? '',
      ),
    ),
  ]);
}

describe('a new deployment: from an empty database to a closed activity, every account opened in the system', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: { demo: false, adminPassword: ADMIN_PASSWORD } });
  });
  afterAll(() => t?.close());
  afterEach(() => t?.clock.reset());

  /**
   * First login with a one-time password: nothing works until it is changed, and (a production
   * database requires it of ADMIN and SECURITY_DETACHMENT) until an authenticator is bound.
   */
  async function firstLogin(username: string, password: string): Promise<TestClient> {
    const client = t.anonymous();
    expect(expectData(await client.gql(LOGIN, { input: { username, password } })).login.mustChangePassword).toBe(true);
    expectErrorCode(await client.gql(UNITS), 'FORBIDDEN');
    expectData(await client.gql(CHANGE, { input: { currentPassword: password, newPassword: NEW_PASSWORD } }));
    if (expectData(await client.gql(`query { me { mustEnrolTotp } }`)).me.mustEnrolTotp) {
      expectErrorCode(await client.gql(UNITS), 'FORBIDDEN');
      const { beginTotpEnrolment } = expectData(await client.gql(`mutation { beginTotpEnrolment { secret } }`));
      expectData(await client.gql(`mutation ($c: String!) { confirmTotpEnrolment(code: $c) { codes } }`, { c: await totpCode(beginTotpEnrolment.secret) }));
    }
    return client;
  }

  it('starts with the reference units, admin and the security auditor alone', async () => {
    const users = await t.sql(`SELECT username, role FROM users ORDER BY username`);
    expect(users).toEqual([{ username: 'admin', role: 'ADMIN' }, { username: 'auditor', role: 'AUDITOR' }]);
    const kinds = await t.sql(`SELECT kind, count(*)::int AS n FROM units GROUP BY kind ORDER BY kind`);
    expect(kinds).toEqual([
      { kind: 'LEADING_GROUP', n: 1 },
      { kind: 'LEADING_GROUP_OFFICE', n: 1 },
      { kind: 'SECURITY_DETACHMENT', n: 1 },
      { kind: 'EVENT_DETACHMENT', n: 1 },
      { kind: 'DISTRICT_BUREAU', n: 6 },
      { kind: 'IT_DEPARTMENT', n: 1 },
      { kind: 'INSPECTORATE', n: 1 },
    ]);
  });

  it('goes from admin’s first login to CLOSED', async () => {
    // 1. The administrator changes the initial password, then opens the police accounts.
    const admin = await firstLogin('admin', ADMIN_PASSWORD);
    const units: { id: string; kind: string; district: string | null }[] = expectData(await admin.gql(UNITS)).units;
    const unitOf = (kind: string, district?: string) => units.find((u) => u.kind === kind && (!district || u.district === district))!.id;
    const open = async (kind: string, username: string, district?: string) => {
      const issued = expectData(await admin.gql(ISSUE, { unitId: unitOf(kind, district), input: { username, displayName: `${username.replace(/[^a-z]/g, '')}民警` } })).issueUnitAccount;
      return firstLogin(issued.account.username, issued.initialPassword);
    };
    const leader = await open('LEADING_GROUP', 'zuzhang');
    const baoan = await open('SECURITY_DETACHMENT', 'zhidui1');
    const dawa = await open('DISTRICT_BUREAU', 'dawa1', 'DAWA');

    // 2. 保安管理支队 registers one company with its manager's account, imports two more, and their guards.
    const made = expectData(
      await baoan.gql(CREATE_COMPANY, {
        input: {
          name: '盘锦新港保安服务有限公司', creditCode: creditCode(), licenseNo: '辽公保服30001', licenseExpiry: '2030-12-31',
          registeredCapital: 5_000_000, address: '盘锦市大洼区新港路1号', district: 'DAWA', contactName: '韩经理', contactPhone: '13904275555',
          account: { username: 'xingang', displayName: '韩经理' },
        },
      }),
    ).createCompany;
    const company = await firstLogin(made.issuedAccount.account.username, made.issuedAccount.initialPassword);
    const imported = expectData(
      await baoan.gql(IMPORT_COMPANIES, {
        file: csvFile('名册.csv', [
          COMPANY_COLUMNS,
          ['盘锦东城保安服务有限公司', creditCode(), '辽公保服30002', '2029-06-30', '300万', '盘锦市兴隆台区东城路2号', '兴隆台', '刘经理', '13904276666'],
          ['盘锦北辰保安服务有限公司', creditCode(), '辽公保服30003', '2029-06-30', '2000000', '盘锦市双台子区北辰路3号', '双台子', '赵经理', '13904277777'],
        ]),
      }),
    ).importCompanies;
    expect(imported.created).toBe(2);
    const own = expectData(await company.gql(IMPORT_GUARDS, { input: { file: guardFile('新港', 1986), mode: 'COMMIT' } })).importGuards;
    expect(own).toMatchObject({ created: 3, invalidRows: 0, problems: [] });
    for (const [i, id] of imported.ids.entries()) {
      expectData(await baoan.gql(IMPORT_GUARDS, { input: { companyId: id, file: guardFile(['东城', '北辰'][i], 1984 + i), mode: 'COMMIT' } }));
    }

    // 3. 大洼公安分局 onboards the organizer on the spot, registers and reports the activity.
    const organizerUnit = expectData(
      await dawa.gql(CREATE_UNIT, {
        input: {
          kind: 'ORGANIZER', name: '盘锦湿地文化节组委会', creditCode: creditCode(), contactName: '孔主任', contactPhone: '13904278888',
          account: { username: 'wetland', displayName: '孔主任' },
        },
      }),
    ).createUnit;
    const organizer = await firstLogin(organizerUnit.account.account.username, organizerUnit.account.initialPassword);
    const activity = expectData(
      await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ name: '湿地文化节', organizerUnitId: organizerUnit.unit.id, guardsRequired: 2, expectedAttendance: 1500 }, 3) }),
    ).createActivity;
    expectData(await dawa.gql(`mutation ($id: ID!) { reportActivity(id: $id) { status } }`, { id: activity.id }));

    // 4. 保安管理支队 受理 and 请示 the leader with its assessment; the leader's 批示 answers it; 保安管理支队 recommends the three qualified companies.
    expectData(
      await baoan.gql(`mutation ($id: ID!, $input: InstructionRequestInput!) { requestInstruction(id: $id, input: $input) { id } }`, {
        id: activity.id,
        input: { scale: '预计1500人，县级许可', staffing: '2人', proposedCandidates: 3 },
      }),
    );
    expectData(await leader.gql(`mutation ($id: ID!) { approveActivity(id: $id, approved: true, note: "同意") { status } }`, { id: activity.id }));
    const suggestions = expectData(
      await baoan.gql(`query ($id: ID!) { candidateSuggestions(activityId: $id) { qualifiedCount items { companyId qualified } } }`, { id: activity.id }),
    ).candidateSuggestions;
    expect(suggestions.qualifiedCount).toBe(3);
    const ids = suggestions.items.filter((i: { qualified: boolean }) => i.qualified).map((i: { companyId: string }) => i.companyId);
    expectData(await baoan.gql(`mutation ($a: ID!, $c: [ID!]!) { recommendCandidates(activityId: $a, companyIds: $c) { status } }`, { a: activity.id, c: ids }));

    // 5. The organizer quotes every candidate and selects the company; the company submits its roster.
    await quoteAllCandidates(t, organizer, activity.id);
    expectData(
      await organizer.gql(`mutation ($a: ID!, $c: ID!) { selectCompany(activityId: $a, companyId: $c, reason: "报价合理，人员充足") { status } }`, { a: activity.id, c: made.id }),
    );
    const roster = expectData(
      await company.gql(`mutation ($input: SubmitRosterInput!) { submitRoster(input: $input) { activityStatus } }`, { input: { activityId: activity.id, guardIds: own.ids } }),
    ).submitRoster;
    expect(roster.activityStatus).toBe('VETTING');

    // 6. 保安管理支队 vets (no records: all clean), trains, starts and closes.
    const vetted = await passAllSeenResult(baoan, activity.id);
    expect(vetted).toMatchObject({ decided: 3, closeBlockers: [], activityStatus: 'TRAINING' });
    const session = expectData(
      await baoan.gql(`mutation ($a: ID!, $input: ScheduleTrainingInput!) { scheduleTraining(activityId: $a, input: $input) { id endsAt attendance { rosterEntryId } } }`, {
        a: activity.id,
        input: { startsAt: new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000).toISOString(), place: '支队训练基地', instructor: '王教官', topics: ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'], periods: 4 },
      }),
    ).scheduleTraining;
    // results are recorded once the session has ended (the server's clock moves, not the test's wait)
    t.clock.set(new Date(session.endsAt));
    const scores = ['LAWS', 'DUTY_SKILLS', 'EMERGENCY'].map((topic) => ({ topic, score: 90 }));
    expectData(
      await baoan.gql(`mutation ($s: ID!, $r: [TrainingResultInput!]!) { recordTrainingResults(sessionId: $s, results: $r) { id } }`, {
        s: session.id,
        r: session.attendance.map((a: { rosterEntryId: string }) => ({ rosterEntryId: a.rosterEntryId, attended: true, scores })),
      }),
    );
    const ready = expectData(await baoan.gql(`query ($id: ID!) { activity(id: $id) { status } }`, { id: activity.id })).activity;
    expect(ready.status).toBe('READY');
    // started on the event day, closed after its end
    const when = expectData(await baoan.gql(`query ($id: ID!) { activity(id: $id) { startsAt endsAt } }`, { id: activity.id })).activity;
    t.clock.set(new Date(new Date(when.startsAt).getTime() - 3600_000));
    expectData(await baoan.gql(`mutation ($id: ID!) { startActivity(id: $id) { status } }`, { id: activity.id }));
    t.clock.set(new Date(new Date(when.endsAt).getTime() + 3600_000));
    const closed = expectData(
      await baoan.gql(`mutation ($id: ID!) { closeActivity(id: $id, input: { rating: 5, text: "秩序良好，无问题" }) { status } }`, { id: activity.id }),
    ).closeActivity;
    expect(closed.status).toBe('CLOSED');

    // Every account that acted was opened in the system, and every step is in the audit log.
    const [{ users }] = await t.sql(`SELECT count(*)::int AS users FROM users WHERE NOT must_change_password`);
    expect(users).toBe(6);
    const opened = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'User' AND action = 'CREATE'`);
    expect(opened[0].n).toBe(5);
  });
});
