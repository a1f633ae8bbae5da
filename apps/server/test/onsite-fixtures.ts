/**
 * Factories for the training / on-site / closing integration tests: an activity already in a given
 * state, with a selected company and a roster whose vetting decisions are made, built by SQL so these
 * tests do not depend on the upstream mutations.
 */
import { encryptPii, idHash } from '../src/common/pii';
import { randomBytes } from 'node:crypto';
import { coverWithLicence } from './vetting-fixtures';

/** What the factories need of a test app (kept structural so the build never pulls in test code). */
export interface TestApp {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** The app's clock (the factories date everything from it). */
  clock?: { now(): Date };
}

export interface ActivitySpec {
  name?: string;
  status: 'APPROVED' | 'VETTING' | 'TRAINING' | 'READY' | 'IN_PROGRESS' | 'CLOSED';
  companyId: string;
  guardsRequired: number;
  /** How many of the company's guards are on the roster with PASSED. */
  cleared: number;
  /** How many more are on the roster with FAILED. */
  failed?: number;
  startsInDays?: number;
  /** Or: hours from now to the start (wins over startsInDays). */
  startsInHours?: number;
  durationHours?: number;
  district?: string;
  expectedAttendance?: number;
  securityMode?: 'SERVICE_COMPANY' | 'SELF_RECRUITED';
  organizerUnitId?: string;
}

export interface ActivityFixture {
  id: string;
  /** PASSED roster entries: { entryId, guardId, name }. */
  cleared: { entryId: string; guardId: string; name: string; certificateNo: string | null }[];
}

let venueSeq = 0;

export async function createActivityWithRoster(t: TestApp, spec: ActivitySpec): Promise<ActivityFixture> {
  const [{ id: baoan, unit_id: unit }] = await t.sql(`SELECT id, unit_id FROM users WHERE username = 'baoan'`);
  const now = t.clock?.now() ?? new Date();
  const hours = spec.startsInHours ?? (spec.startsInDays ?? 10) * 24;
  const start = new Date(now.getTime() + hours * 3600_000);
  const end = new Date(start.getTime() + (spec.durationHours ?? 4) * 3600_000);
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const [activity] = await t.sql(
    `INSERT INTO activities (code, name, type, organizer_name, venue, address, district, starts_at, ends_at, applied_on,
                             expected_attendance, guards_required, security_mode, contact_name, contact_phone, status,
                             reporter_unit_id, created_by, selected_company_id, reported_at, requested_at, approved_at,
                             recommended_at, selected_at, roster_submitted_at, vetting_closed_at, organizer_unit_id, started_at)
     VALUES ($1, $2, '演唱会', '盘锦市体育中心', $18, '盘锦市兴隆台区', $3, $4, $5, $12::date,
             $6, $7, $15, '孙强', '13904270002', $8::text::activity_status, $9, $10, $11, $13, $13, $13, $14, $14, $14, $16, $17,
             CASE WHEN $8::text IN ('IN_PROGRESS', 'CLOSED') THEN $4::timestamptz END)
     RETURNING id`,
    [
      `T-${randomBytes(4).toString('hex')}`,
      spec.name ?? '测试演唱会',
      spec.district ?? 'XINGLONGTAI',
      start,
      end,
      spec.expectedAttendance ?? 3000,
      spec.guardsRequired,
      spec.status,
      unit,
      baoan,
      spec.companyId,
      ago(40).toISOString().slice(0, 10),
      ago(25),
      ago(20),
      spec.securityMode ?? 'SERVICE_COMPANY',
      ago(1),
      spec.organizerUnitId ?? null,
      // each fixture another event (another 场地): one registered twice is refused (uq_activities_registration)
      `盘锦市体育中心体育场${++venueSeq}号场地`,
    ],
  );
  const guards: { id: string; name: string; certificate_no: string | null }[] = await t.sql(
    `SELECT id, name, certificate_no FROM guards WHERE company_id = $1 AND status = 'ACTIVE' ORDER BY certificate_no, id LIMIT $2`,
    [spec.companyId, spec.cleared + (spec.failed ?? 0)],
  );
  const cleared: ActivityFixture['cleared'] = [];
  for (const [i, g] of guards.entries()) {
    const passed = i < spec.cleared;
    const [entry] = await t.sql(
      `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, reason_category, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [activity.id, g.id, spec.companyId, passed ? 'PASSED' : 'FAILED', passed ? 'CLEAR' : 'OWN_RECORD', baoan, ago(2)],
    );
    if (passed) cleared.push({ entryId: entry.id, guardId: g.id, name: g.name, certificateNo: g.certificate_no });
  }
  await coverWithLicence(t, activity.id);
  return { id: activity.id, cleared };
}

/** Marks every cleared entry as trained and passed in all three subjects (a finished session), for on-site tests. */
export async function trainAll(t: TestApp, activityId: string): Promise<string> {
  const [{ id: baoan }] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
  const at = new Date((t.clock?.now() ?? new Date()).getTime() - 3 * 86_400_000);
  const [session] = await t.sql(
    `INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, created_by)
     VALUES ($1, $3, '市公安局培训中心', '王教官', '{LAWS,DUTY_SKILLS,EMERGENCY}', 4, $2) RETURNING id`,
    [activityId, baoan, at],
  );
  await t.sql(
    `INSERT INTO training_attendance (session_id, roster_entry_id, attended, passed, passed_topics, scores, recorded_by, recorded_at)
     SELECT $1, r.id, true, true, '{LAWS,DUTY_SKILLS,EMERGENCY}', '{"LAWS": 90, "DUTY_SKILLS": 88, "EMERGENCY": 85}', $2, $4
       FROM roster_entries r WHERE r.activity_id = $3 AND r.decision = 'PASSED' AND r.state = 'ACTIVE'`,
    [session.id, baoan, activityId, at],
  );
  return session.id;
}

let companySeq = 0;

/** A company (unit + row) with `guards` eligible guards aged 30, and optionally a login. */
export async function createCompanyWithGuards(
  t: TestApp,
  name: string,
  guards: number,
  options: { district?: string; username?: string } = {},
): Promise<string> {
  companySeq += 1;
  const district = options.district ?? 'XINGLONGTAI';
  const [unit] = await t.sql(`INSERT INTO units (name, kind, district) VALUES ($1, 'COMPANY', $2) RETURNING id`, [name, district]);
  const tag = `${randomBytes(3).toString('hex').toUpperCase()}${companySeq}`;
  await t.sql(
    `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district,
                            contact_name, contact_phone, status)
     VALUES ($1, $2, $3, $4, (now() + interval '10 years')::date, 5000000, '盘锦市兴隆台区测试路1号', $5, '测试联系人', '13900000000', 'ACTIVE')`,
    [unit.id, name, `OS${tag}`.padEnd(18, '0').slice(0, 18), `辽公保服OS${tag}`, district],
  );
  // Placeholder ID numbers, stored as the app stores them (encrypted, with their keyed hash).
  const numbers = Array.from({ length: guards }, (_, k) => k + 1);
  const idNumbers = numbers.map((i) => `OS${tag}${String(i).padStart(6, '0')}`);
  await t.sql(
    `INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, certificate_no, certificate_issued_on, education)
     SELECT $1, $2 || '保安' || v.i, v.cipher, v.hash, (now()::date - interval '30 years')::date, 'MALE',
            'BA' || $3 || lpad(v.i::text, 4, '0'), DATE '2020-01-01', 'SENIOR_MIDDLE'
       FROM unnest($4::int[], $5::text[], $6::bytea[]) AS v(i, cipher, hash)`,
    [unit.id, name.slice(0, 2), tag, numbers, idNumbers.map(encryptPii), idNumbers.map(idHash)],
  );
  if (options.username) {
    await t.sql(
      `INSERT INTO users (username, password_hash, display_name, role, unit_id, must_change_password)
       SELECT $1, password_hash, $2, 'COMPANY', $3, false FROM users WHERE username = 'baoan'`,
      [options.username, `${name}管理员`, unit.id],
    );
  }
  return unit.id;
}

/** An on-site checklist answer: every item compliant but those in `bad`. */
export const checklist = (bad: string[] = []) =>
  ['UNIFORM', 'CERTIFICATE', 'BEARING', 'DUTY', 'FORBIDDEN_ACT'].map((item) => ({ item, compliant: !bad.includes(item) }));

/** A 1×1 PNG, the bytes and as the data URL a photo is sent in. */
export const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const PNG = `data:image/png;base64,${PNG_BYTES.toString('base64')}`;
