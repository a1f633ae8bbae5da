import { withIdCheckDigit } from '@evs/schema';
import { encryptPii, idHash, nameHash } from '../src/common/pii';
import { createTestApp, expectData, type TestApp, type TestClient } from './harness';

/** Factories for vetting tests: rows built by SQL so each test states exactly what it needs. */

let seq = 0;

/** A valid, unique ID number for a birth date (sex from the sequence digit). */
export function idFor(birthDate: string, female = false): string {
  seq = (seq + 1) % 500;
  const order = String(seq * 2 + (female ? 0 : 1)).padStart(3, '0').slice(-3);
  const area = String(210000 + Math.floor(Math.random() * 9999)).padStart(6, '0');
  return withIdCheckDigit(`${area}${birthDate.replace(/-/g, '')}${order}`);
}

export async function unitOf(t: TestApp, username: string): Promise<string> {
  const [row] = await t.sql(`SELECT unit_id FROM users WHERE username = $1`, [username]);
  if (!row) throw new Error(`no user ${username}`);
  return row.unit_id;
}

/** Makes sure the unit has a `companies` row (the demo register normally provides it). */
export async function ensureCompany(t: TestApp, unitId: string): Promise<string> {
  await t.sql(
    `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district, contact_name, contact_phone)
     SELECT id, name, 'T' || replace(id::text, '-', ''), 'LIC-T', DATE '2099-12-31', 2000000, '测试地址', coalesce(district, 'XINGLONGTAI'), '联系人', '13900000000'
       FROM units WHERE id = $1 ON CONFLICT (id) DO NOTHING`,
    [unitId],
  );
  return unitId;
}

export interface GuardSpec {
  name?: string;
  idNumber?: string;
  birthDate?: string;
  education?: string;
  certificateNo?: string | null;
  /**
   * Default (with no `relativesStatement` either): both parents, with ID numbers no other fixture uses, so a
   * guard has declared its relatives (issue 10) and is checked clean (red-team F1: a statement standing in
   * for a parent asks for the officer's review).
   */
  relatives?: { relation: 'FATHER' | 'MOTHER' | 'SPOUSE' | 'CHILD'; name: string; idNumber: string }[];
  /**
   * Why a parent is not declared. Default: none when both parents are registered by default, else a
   * statement, so a guard counts as having declared its relatives unless a test says otherwise with `null`.
   */
  relativesStatement?: string | null;
}

export async function makeGuard(t: TestApp, companyId: string, spec: GuardSpec = {}): Promise<{ id: string; idNumber: string; name: string }> {
  const birthDate = spec.birthDate ?? '1990-05-01';
  const idNumber = spec.idNumber ?? idFor(birthDate);
  const name = spec.name ?? `测试${idNumber.slice(-4)}`;
  const parents = spec.relatives === undefined && spec.relativesStatement === undefined;
  const relatives = parents ? defaultParents(name) : (spec.relatives ?? []);
  const statement = parents ? null : spec.relativesStatement === undefined ? '父母信息不详（测试数据）' : spec.relativesStatement;
  const [g] = await t.sql(
    `INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, certificate_no, certificate_issued_on, education, relatives_statement)
     VALUES ($1, $2, $3, $4, $5, 'MALE', $6, DATE '2020-01-01', $7, $8) RETURNING id`,
    [companyId, name, encryptPii(idNumber), idHash(idNumber), birthDate, spec.certificateNo === undefined ? `辽${idHash(idNumber).toString('hex').slice(0, 12)}` : spec.certificateNo,
      spec.education ?? 'SENIOR_MIDDLE', statement],
  );
  for (const r of relatives) await insertRelative(t, g.id, r);
  return { id: g.id, idNumber, name };
}

let parentSeq = 0;

/** A guard's default parents: ID numbers of an area code no other fixture draws (65xxxx), so no test's record hits them. */
function defaultParents(name: string): NonNullable<GuardSpec['relatives']> {
  const id = (birth: string) => {
    parentSeq = (parentSeq + 1) % 1000;
    const area = `65${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
    return withIdCheckDigit(`${area}${birth}${String(parentSeq).padStart(3, '0')}`);
  };
  return [
    { relation: 'FATHER', name: `${name}父`, idNumber: id('19600101') },
    { relation: 'MOTHER', name: `${name}母`, idNumber: id('19620202') },
  ];
}

export interface ActivitySpec {
  status?: string;
  securityMode?: 'SERVICE_COMPANY' | 'SELF_RECRUITED';
  selectedCompanyId?: string | null;
  organizerUnitId?: string | null;
  guardsRequired?: number;
  startsAt?: string;
  endsAt?: string;
  ageLimit?: number | null;
  name?: string;
}

export async function makeActivity(t: TestApp, spec: ActivitySpec = {}): Promise<string> {
  const [creator] = await t.sql(`SELECT id, unit_id FROM users WHERE username = 'dahuo'`);
  const startsAt = spec.startsAt ?? new Date(Date.now() + 30 * 86400_000).toISOString();
  const endsAt = spec.endsAt ?? new Date(new Date(startsAt).getTime() + 6 * 3600_000).toISOString();
  const [a] = await t.sql(
    `INSERT INTO activities (code, name, type, organizer_unit_id, organizer_name, venue, address, district, starts_at, ends_at, applied_on,
                             expected_attendance, guards_required, security_mode, contact_name, contact_phone, status, reporter_unit_id,
                             created_by, selected_company_id, age_limit)
     VALUES ('T-' || substr(md5(random()::text), 1, 10), $1, '演唱会', $2, '测试主办单位', '体育中心', '兴隆台区', 'XINGLONGTAI', $3, $4, CURRENT_DATE,
             5000, $5, $6, '联系人', '13900000000', $7, $8, $9, $10, $11)
     RETURNING id`,
    [
      spec.name ?? `测试活动${++seq}`, spec.organizerUnitId ?? null, startsAt, endsAt, spec.guardsRequired ?? 2,
      spec.securityMode ?? 'SERVICE_COMPANY', spec.status ?? 'COMPANY_SELECTED', creator.unit_id, creator.id, spec.selectedCompanyId ?? null,
      spec.ageLimit ?? null,
    ],
  );
  await coverWithLicence(t, a.id);
  return a.id;
}

/**
 * What selection guarantees (a licence valid through the activity's end, SPEC §4) for an activity a
 * fixture inserts with its company already selected: the roster and the start check it again
 * (companies/company-standing.ts). A test of an expired licence changes it afterwards.
 */
export async function coverWithLicence(t: Pick<TestApp, 'sql'>, activityId: string): Promise<void> {
  await t.sql(
    `UPDATE companies c SET license_expiry = (a.ends_at AT TIME ZONE 'Asia/Shanghai')::date
       FROM activities a WHERE a.id = $1 AND c.id = a.selected_company_id AND c.license_expiry < (a.ends_at AT TIME ZONE 'Asia/Shanghai')::date`,
    [activityId],
  );
}

export async function addRecord(t: TestApp, idNumber: string, category: string, options: { name?: string; occurredOn?: string; createdAt?: Date; source?: string } = {}) {
  await t.sql(
    `INSERT INTO criminal_records (id_cipher, id_hash, name_cipher, category, occurred_on, source, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [encryptPii(idNumber), idHash(idNumber), encryptPii(options.name ?? '某人'), category, options.occurredOn ?? `20${10 + (++seq % 10)}-0${1 + (seq % 9)}-15`, options.source ?? `测试来源${seq}`, options.createdAt ?? new Date()],
  );
}

const PASSABLE = `query($id: ID!) { passableEntries(activityId: $id) { id version } }`;
const PASS_ALL_SEEN = `mutation($id: ID!, $expected: [EntryVersionInput!]!) {
  passAllClean(activityId: $id, expected: $expected) { activityStatus closed decided closeBlockers }
}`;

/** What `passAllClean` answers (VettingDecisionResult). */
export interface PassAllResult {
  activityStatus: string;
  closed: boolean;
  decided: number;
  closeBlockers: string[];
}

/** The ids and versions `passableEntries` lists now, as `passAllClean.expected` takes them. */
export async function passableSeen(client: TestClient, activityId: string): Promise<{ entryId: string; version: number }[]> {
  const seen: { id: string; version: number }[] = expectData(await client.gql(PASSABLE, { id: activityId })).passableEntries;
  return seen.map((e) => ({ entryId: e.id, version: e.version }));
}

/**
 * 一键通过 as the page does it (red team F3/G2): reads who would be passed (`passableEntries`), then sends
 * `passAllClean` bound to exactly those ids and versions; how many it passed. Nobody passable: 0, and no
 * mutation sent (the page offers no pass then; the server refuses an empty confirmation). A refusal of
 * the pass fails the test (send the mutation itself to test one).
 */
export async function passAllSeen(client: TestClient, activityId: string): Promise<number> {
  const expected = await passableSeen(client, activityId);
  if (!expected.length) return 0;
  return (await passExpected(client, activityId, expected)).decided;
}

/** `passAllSeen` for a test that expects someone passable and reads the whole answer (status, closed, blockers): nobody passable fails it. */
export async function passAllSeenResult(client: TestClient, activityId: string): Promise<PassAllResult> {
  const expected = await passableSeen(client, activityId);
  if (!expected.length) throw new Error(`passAllSeenResult: nobody is passable in activity ${activityId} (the page offers no 一键通过)`);
  return passExpected(client, activityId, expected);
}

async function passExpected(client: TestClient, activityId: string, expected: { entryId: string; version: number }[]): Promise<PassAllResult> {
  return expectData(await client.gql(PASS_ALL_SEEN, { id: activityId, expected })).passAllClean;
}

/** A CSV file as the GraphQL FileInput. */
export function csvFile(name: string, rows: string[][]): { name: string; base64: string } {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
  return { name, base64: Buffer.from('\uFEFF' + text, 'utf8').toString('base64') };
}

/** A relative as the app stores one: name and ID number encrypted, with their keyed hashes. */
export async function insertRelative(t: TestApp, guardId: string, r: { relation: string; name: string; idNumber: string }): Promise<void> {
  await t.sql(
    `INSERT INTO guard_relatives (guard_id, name_cipher, name_hash, relation, id_cipher, id_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
    [guardId, encryptPii(r.name), nameHash(r.name), r.relation, encryptPii(r.idNumber), idHash(r.idNumber)],
  );
}


/** The parties most vetting tests act as: 保安管理支队 (baoan), a company (company1) with its register, an organizer's unit. */
export interface VettingParties {
  t: TestApp;
  baoan: TestClient;
  company: TestClient;
  companyId: string;
  organizerUnit: string;
}

/**
 * A fresh app with the parties of a vetting test logged in; in a describe:
 * `beforeAll(async () => ({ t, baoan, company, companyId, organizerUnit } = await vettingParties()));`
 */
export async function vettingParties(): Promise<VettingParties> {
  const t = await createTestApp();
  const companyId = await ensureCompany(t, await unitOf(t, 'company1'));
  const organizerUnit = await unitOf(t, 'organizer1');
  const [baoan, company] = await Promise.all([t.login('baoan'), t.login('company1')]);
  return { t, baoan, company, companyId, organizerUnit };
}

/** A row of a GraphQL answer or of `t.sql`, as a test reads it. */
export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SUBMIT_ROSTER = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { entries { id guardId decision reused } } }`;

export interface VettingSceneOptions {
  /** The `rosterEntry(id: $id)` query `sdEntry` sends: each test file selects the fields it asserts. */
  entry?: string;
  /** Run after the tests, before the app closes (e.g. to put back a setting the tests changed). */
  beforeClose?: (parties: VettingParties) => Promise<unknown>;
}

/** The parties of `vettingParties` (filled in beforeAll) and the steps most roster tests take. */
export interface VettingScene extends VettingParties {
  /** An activity with company1 selected, 5 guards required (never closed by a few decisions), named `<label>n`, starting 30 + n days from the app's clock. */
  newActivity(): Promise<string>;
  /** `submitRoster` as company1; the entries it answers (id guardId decision reused). */
  submit(activityId: string, guardIds: string[]): Promise<Row[]>;
  /** The entry as 保安管理支队 (baoan) reads it, with the fields of the scene's `entry` query. */
  sdEntry(id: string): Promise<Row>;
}

/**
 * The set-up of a vetting test, in a describe: registers a beforeAll that starts the app and logs the
 * parties in (filling the scene's `t`, `baoan`, `company`, `companyId`, `organizerUnit`) and an afterAll
 * that closes it. `newActivity`, `submit` and `sdEntry` may be taken from the scene right away:
 *
 *     const scene = vettingScene('测试', { entry: ENTRY_SD });
 *     const { newActivity, submit, sdEntry } = scene;
 *     let t: TestApp;
 *     beforeAll(() => ({ t } = scene));
 */
export function vettingScene(label: string, options: VettingSceneOptions = {}): VettingScene {
  let activities = 0;
  const scene = {
    newActivity: () => {
      const n = ++activities;
      return makeActivity(scene.t, {
        selectedCompanyId: scene.companyId, organizerUnitId: scene.organizerUnit, guardsRequired: 5, name: `${label}${n}`,
        startsAt: new Date(scene.t.clock.now().getTime() + (30 + n) * 86400_000).toISOString(),
      });
    },
    submit: async (activityId: string, guardIds: string[]): Promise<Row[]> =>
      expectData(await scene.company.gql(SUBMIT_ROSTER, { input: { activityId, guardIds } })).submitRoster.entries,
    sdEntry: async (id: string): Promise<Row> => {
      if (!options.entry) throw new Error('vettingScene: sdEntry needs the `entry` query');
      return expectData(await scene.baoan.gql(options.entry, { id })).rosterEntry;
    },
  } as VettingScene;
  beforeAll(async () => {
    Object.assign(scene, await vettingParties());
  });
  afterAll(async () => {
    if (!scene.t) return;
    await options.beforeClose?.(scene);
    await scene.t.close();
  });
  return scene;
}
