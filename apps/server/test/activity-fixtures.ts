/**
 * Factories for the activities and recommendation integration tests: companies with a register of
 * guards built by SQL (generate_series), independent of the demo register, plus a company login.
 */
import { encryptPii, idHash } from '../src/common/pii';
import { randomBytes } from 'node:crypto';
import type { TestApp, TestClient } from './harness';

export interface CompanySpec {
  name: string;
  district?: string;
  status?: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  statusReason?: string;
  licenseExpiry?: string;
  capital?: number;
  /** Groups of guards: how many, their age on `ageOn`, with or without a 保安员证. */
  guards?: { count: number; age: number; certificate?: boolean }[];
  /** Creates a COMPANY user with this username (password Demo@2026). */
  username?: string;
}

let seq = 0;

/** A date `years` years and `days` days from now, as YYYY-MM-DD. */
export function dateFromNow(days: number, years = 0): string {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export async function createCompany(t: TestApp, spec: CompanySpec): Promise<string> {
  seq += 1;
  const [unit] = await t.sql(`INSERT INTO units (name, kind, district) VALUES ($1, 'COMPANY', $2) RETURNING id`, [
    spec.name,
    spec.district ?? 'XINGLONGTAI',
  ]);
  const id: string = unit.id;
  await t.sql(
    `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district,
                            contact_name, contact_phone, status, status_reason)
     VALUES ($1, $2, $3, $4, $5, $6, '盘锦市兴隆台区测试路1号', $7, '测试联系人', '13900000000', $8, $9)`,
    [
      id,
      spec.name,
      `TEST${randomBytes(7).toString('hex').toUpperCase()}`.slice(0, 18),
      `辽公保服${String(seq).padStart(5, '0')}`,
      spec.licenseExpiry ?? dateFromNow(0, 3),
      spec.capital ?? 5_000_000,
      spec.district ?? 'XINGLONGTAI',
      spec.status ?? 'ACTIVE',
      spec.statusReason ?? null,
    ],
  );
  let n = 0;
  for (const group of spec.guards ?? []) {
    // Placeholder ID numbers (unique per run), stored as the app stores them: encrypted, with their keyed hash.
    const prefix = `T${seq.toString().padStart(4, '0')}${randomBytes(3).toString('hex')}`;
    const numbers = Array.from({ length: group.count }, (_, k) => n + 1 + k);
    const idNumbers = numbers.map((i) => `${prefix}${String(i).padStart(6, '0')}`);
    await t.sql(
      `INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, certificate_no, certificate_issued_on, education)
       SELECT $1, '测试保安' || v.i, v.cipher, v.hash,
              (now()::date - make_interval(years => $3::int, days => 40))::date, 'MALE',
              CASE WHEN $4 THEN 'BA' || $2 || v.i ELSE NULL END, DATE '2020-01-01', 'SENIOR_MIDDLE'
       FROM unnest($5::int[], $6::text[], $7::bytea[]) AS v(i, cipher, hash)`,
      [id, prefix, group.age, group.certificate ?? true, numbers, idNumbers.map(encryptPii), idNumbers.map(idHash)],
    );
    n += group.count;
  }
  if (spec.username) {
    await t.sql(
      `INSERT INTO users (username, password_hash, display_name, role, unit_id, must_change_password)
       SELECT $1, password_hash, $2, 'COMPANY', $3, false FROM users WHERE username = 'leader'`,
      [spec.username, `${spec.name}管理员`, id],
    );
  }
  return id;
}

/** Ids of the active guards of a company (to attach vetting results or revocations in a test). */
export async function guardsOf(t: TestApp, companyId: string, limit: number): Promise<{ id: string; id_cipher: string; id_hash: Buffer }[]> {
  return t.sql(`SELECT id, id_cipher, id_hash FROM guards WHERE company_id = $1 AND status = 'ACTIVE' ORDER BY birth_date, name, id LIMIT $2`, [companyId, limit]);
}

export const ACTIVITY_FIELDS = /* GraphQL */ `
  id code name status district securityMode guardsRequired expectedAttendance version
  permitTier suggestedGuards daysUntilStart effectiveAgeLimit recommendationShortfall
  warnings { code message }
  organizerUnitId selectedCompanyId approvalNote returnReason cancelReason
  transitions { fromStatus toStatus actorName comment at }
`;

export const CREATE_ACTIVITY = /* GraphQL */ `
  mutation ($input: ActivityInput!) { createActivity(input: $input) { ${ACTIVITY_FIELDS} } }
`;

/** Each input is another event (another 场地 of the venue): one registered twice is refused (uq_activities_registration). */
let venueSeq = 0;

/** A valid activity input; `days` from now to the start. */
export function activityInput(overrides: Record<string, unknown> = {}, days = 40): Record<string, unknown> {
  venueSeq += 1;
  const start = new Date(Date.now() + days * 86_400_000);
  start.setUTCHours(11, 0, 0, 0);
  const end = new Date(start.getTime() + 4 * 3600_000);
  return {
    name: '测试音乐节',
    type: '演唱会',
    organizerName: '盘锦红海滩文化旅游发展有限公司',
    venue: `红海滩国家风景廊道${venueSeq}号场地`,
    address: '盘锦市大洼区赵圈河镇',
    district: 'DAWA',
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    appliedOn: dateFromNow(-1),
    expectedAttendance: 3000,
    guardsRequired: 30,
    securityMode: 'SERVICE_COMPANY',
    contactName: '赵敏',
    contactPhone: '13904270001',
    plan: { posts: '入口安检20人，场内巡逻10人', emergencyPlan: '设医疗点两处' },
    ...overrides,
  };
}

export async function unitIdOf(t: TestApp, username: string): Promise<string> {
  const [row] = await t.sql(`SELECT unit_id FROM users WHERE username = $1`, [username]);
  return row.unit_id;
}

const REPORT = /* GraphQL */ `mutation ($id: ID!) { reportActivity(id: $id) { id } }`;
const REQUEST = /* GraphQL */ `
  mutation ($id: ID!) { requestInstruction(id: $id, input: { scale: "中型", staffing: "按配比", proposedCandidates: 3 }) { id } }
`;
const APPROVE = /* GraphQL */ `mutation ($id: ID!) { approveActivity(id: $id, approved: true, note: "同意") { id status } }`;

/** An APPROVED activity of organizer1 in DAWA, day +40, 20 guards unless overridden: reported, put forward, approved. */
export async function approvedActivity(t: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const dawa = await t.login('dawa');
  const organizerUnitId = await unitIdOf(t, 'organizer1');
  const created = await dawa.gql(CREATE_ACTIVITY, { input: activityInput({ organizerUnitId, guardsRequired: 20, ...overrides }) });
  if (!created.data?.createActivity) throw new Error(`approvedActivity: ${JSON.stringify(created.errors)}`);
  const id: string = created.data.createActivity.id;
  for (const [client, doc] of [[dawa, REPORT], [await t.login('baoan'), REQUEST], [await t.login('leader'), APPROVE]] as const) {
    const res = await client.gql(doc, { id });
    if (res.errors?.length) throw new Error(`approvedActivity: ${JSON.stringify(res.errors)}`);
  }
  return id;
}

/** A demo candidate not quoted yet, of an activity at 候选推荐 (the organizer's username to quote as). */
export async function unquotedCandidate(t: TestApp): Promise<{ id: string; company_id: string; username: string }> {
  const [c] = await t.sql(
    `SELECT a.id, c.company_id, u.username FROM activities a
       JOIN activity_candidates c ON c.activity_id = a.id
       JOIN users u ON u.unit_id = a.organizer_unit_id AND u.role = 'ORGANIZER'
      WHERE a.status = 'CANDIDATES_RECOMMENDED' AND a.security_mode = 'SERVICE_COMPANY' AND c.quote IS NULL
      ORDER BY a.id, c.company_id LIMIT 1`,
  );
  return c;
}

const QUOTE = /* GraphQL */ `
  mutation ($id: ID!, $c: ID!, $amount: Float!) { submitQuote(activityId: $id, companyId: $c, amount: $amount) { companyId quote } }
`;

/**
 * The organizer enters a quote for every candidate of the activity still without one, through GraphQL, in rank
 * order (`amounts[i]` yuan for the i-th of those, 100000 + 1000·i by default): the selection waits for them
 * (recommendation.service select, SPEC §2 step 4). Returns the company ids quoted.
 */
export async function quoteAllCandidates(t: TestApp, organizer: TestClient, activityId: string, amounts: number[] = []): Promise<string[]> {
  const rows: { company_id: string }[] = await t.sql(
    `SELECT company_id FROM activity_candidates WHERE activity_id = $1 AND quote IS NULL ORDER BY rank`,
    [activityId],
  );
  for (const [i, { company_id: c }] of rows.entries()) {
    const res = await organizer.gql(QUOTE, { id: activityId, c, amount: amounts[i] ?? 100_000 + 1_000 * i });
    if (res.errors?.length) throw new Error(`quoteAllCandidates: ${JSON.stringify(res.errors)}`);
  }
  return rows.map((r) => r.company_id);
}
