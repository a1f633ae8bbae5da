import { encryptPii, idHash } from '../src/common/pii';

/**
 * A small, hand-made set of rows for the overview tests, added on top of whatever the demo seed
 * holds (the tests compare against counts made in SQL over the whole database, so both count).
 * Every kind of figure gets at least one row on each side of each filter.
 */
export const FIXTURE_PREFIX = 'OVFX';

type Sql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export async function insertOverviewFixture(sql: Sql): Promise<{ companyUser: string }> {
  const [{ id: creator }] = await sql(`SELECT id FROM users WHERE username = 'baoan'`);
  const [{ unit_id: reporter }] = await sql(`SELECT unit_id FROM users WHERE username = 'panshan'`);
  const [{ password_hash: hash }] = await sql(`SELECT password_hash FROM users WHERE username = 'office'`);

  // Companies: qualified; suspended; licence expired; a serious finding not yet corrected.
  const companies = [
    { key: 'ok', district: 'PANSHAN', status: 'ACTIVE', expiry: "current_date + 365" },
    { key: 'suspended', district: 'PANSHAN', status: 'SUSPENDED', expiry: "current_date + 365" },
    { key: 'expired', district: 'DAWA', status: 'ACTIVE', expiry: "current_date - 3" },
    { key: 'serious', district: 'DAWA', status: 'ACTIVE', expiry: "current_date + 100" },
    // 正常 and licensed, but its unit is 停用: not qualified (the recommendation excludes it: UNIT_INACTIVE)
    { key: 'inactive', district: 'PANSHAN', status: 'ACTIVE', expiry: "current_date + 365", unitActive: false },
  ];
  const ids: Record<string, string> = {};
  for (const [i, c] of companies.entries()) {
    const [{ id }] = await sql(`INSERT INTO units (name, kind, district, active) VALUES ($1, 'COMPANY', $2, $3) RETURNING id`, [
      `${FIXTURE_PREFIX}保安公司${i}`, c.district, c.unitActive ?? true,
    ]);
    ids[c.key] = id as string;
    await sql(
      `INSERT INTO companies (id, name, credit_code, license_no, license_expiry, registered_capital, address, district, contact_name, contact_phone, status)
       VALUES ($1, $2, $3, $4, ${c.expiry}, 2000000, '盘锦市', $5, '联系人', '13800000000', $6)`,
      [id, `${FIXTURE_PREFIX}保安公司${i}`, `${FIXTURE_PREFIX}CREDIT${i}`, `${FIXTURE_PREFIX}LIC${i}`, c.district, c.status],
    );
  }
  const companyUser = `${FIXTURE_PREFIX.toLowerCase()}company`;
  await sql(`INSERT INTO users (username, password_hash, display_name, role, unit_id) VALUES ($1, $2, '测试公司用户', 'COMPANY', $3)`, [companyUser, hash, ids.ok]);

  // 40 guards per company, ages 20–59 (one each year).
  for (const [ci, key] of Object.keys(ids).entries()) {
    // Placeholder ID numbers, stored as the app stores them (encrypted, with their keyed hash).
    const numbers = Array.from({ length: 40 }, (_, k) => k + 1);
    const idNumbers = numbers.map((i) => `21110${ci}${String(i).padStart(12, '0')}`);
    await sql(
      `INSERT INTO guards (company_id, name, id_cipher, id_hash, birth_date, sex, education, certificate_no, status)
       SELECT $1, '${FIXTURE_PREFIX}保安' || $2 || '-' || v.i, v.cipher, v.hash,
              current_date - make_interval(years => 19 + v.i) - interval '10 days', 'MALE', 'SENIOR_MIDDLE',
              CASE WHEN v.i % 10 = 0 THEN NULL ELSE 'CERT' || $2 || v.i END, 'ACTIVE'
         FROM unnest($3::int[], $4::text[], $5::bytea[]) AS v(i, cipher, hash)`,
      [ids[key], key, numbers, idNumbers.map(encryptPii), idNumbers.map(idHash)],
    );
  }

  // Activities: every stage, in and out of the period, some late, one with few candidates.
  const activities: { code: string; status: string; days: number; district: string; mode?: string; few?: boolean; company?: string; closeStatement?: boolean }[] = [
    { code: 'A1', status: 'REPORTED', days: 40, district: 'PANSHAN' },
    { code: 'A2', status: 'APPROVED', days: 10, district: 'PANSHAN' }, // recommendation late
    { code: 'A3', status: 'APPROVED', days: 3, district: 'DAWA', mode: 'SELF_RECRUITED' }, // vetting late
    { code: 'A4', status: 'CANDIDATES_RECOMMENDED', days: 20, district: 'DAWA', few: true },
    { code: 'A5', status: 'VETTING', days: 4, district: 'PANSHAN', company: 'ok' }, // vetting late
    { code: 'A6', status: 'TRAINING', days: 1, district: 'PANSHAN', company: 'ok' }, // training late
    { code: 'A7', status: 'IN_PROGRESS', days: 0, district: 'DAWA', company: 'serious' },
    { code: 'A8', status: 'CLOSED', days: -20, district: 'PANSHAN', company: 'ok', few: true, closeStatement: true },
    { code: 'A9', status: 'CANCELLED', days: 15, district: 'DAWA' },
    { code: 'A10', status: 'DRAFT', days: 30, district: 'PANSHAN' },
    { code: 'A11', status: 'CLOSED', days: -400, district: 'PANSHAN', company: 'ok' }, // outside the period
    // closed without a statement, then a serious problem recorded offline before the close arrived (review 7-B F1)
    { code: 'A12', status: 'CLOSED', days: -10, district: 'DAWA', company: 'serious' },
  ];
  const act: Record<string, string> = {};
  for (const a of activities) {
    const [{ id }] = await sql(
      `INSERT INTO activities (code, name, type, organizer_name, venue, address, district, starts_at, ends_at, applied_on,
                               expected_attendance, guards_required, security_mode, contact_name, contact_phone, status,
                               reporter_unit_id, created_by, recommendation_justification, selected_company_id, close_statement,
                               reported_at)
       VALUES ($1, $2, '演唱会', '主办单位', '体育场', '盘锦市', $3, now() + make_interval(days => $4) + interval '2 hours',
               now() + make_interval(days => $4) + interval '6 hours', current_date - 30, 3000, 10, $5, '联系人', '13800000000', $6::text::activity_status,
               $7, $8, $9, $10, $11, CASE WHEN $6::text = 'DRAFT' THEN NULL ELSE now() - interval '29 days' END) RETURNING id`,
      [
        `${FIXTURE_PREFIX}-${a.code}`, `${FIXTURE_PREFIX}活动${a.code}`, a.district, a.days, a.mode ?? 'SERVICE_COMPANY', a.status,
        reporter, creator, a.few ? '本辖区符合条件的公司不足3家' : null, a.company ? ids[a.company] : null,
        a.closeStatement ? '严重问题涉事人员已离岗，公司限期整改' : null,
      ],
    );
    act[a.code] = id as string;
  }

  // Stage stamps (the punctuality table): A5 recommended late, selected on time; A4's request and 批示 on time;
  // A8 requested and approved late, closed on time.
  await sql(`UPDATE activities SET requested_at = now() - interval '28 days', approved_at = now() - interval '27 days',
                                   recommended_at = starts_at - interval '10 days', selected_at = starts_at - interval '12 days'
              WHERE id = $1`, [act.A5]);
  await sql(`UPDATE activities SET requested_at = now() - interval '29 days', approved_at = now() - interval '25 days' WHERE id = $1`, [act.A4]);
  await sql(`UPDATE activities SET requested_at = now() - interval '20 days', approved_at = now() - interval '10 days', closed_at = ends_at + interval '1 day'
              WHERE id = $1`, [act.A8]);

  // Rosters: 12 guards on A5 (mixed decisions), 10 on A6, 10 on A7, 10 on A8, 10 on A11.
  const roster = async (code: string, company: string, count: number, offset: number) =>
    sql(
      `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, reason_category, state)
       SELECT $1, g.id, $2,
              (CASE WHEN g.rn % 6 = 0 THEN 'FAILED' WHEN g.rn % 6 = 1 THEN 'PENDING' ELSE 'PASSED' END)::vetting_decision,
              (CASE WHEN g.rn % 6 <> 0 THEN NULL WHEN g.rn % 4 = 0 THEN 'OWN_RECORD' WHEN g.rn % 4 = 1 THEN 'RELATIVE_RECORD'
                    WHEN g.rn % 4 = 2 THEN 'PRE_CHECK' ELSE 'OTHER' END)::vetting_reason_category,
              'ACTIVE'
         FROM (SELECT id, row_number() OVER (ORDER BY birth_date DESC, id) AS rn FROM guards WHERE company_id = $2) g
        WHERE g.rn > $3 AND g.rn <= $3 + $4`,
      [act[code], ids[company], offset, count],
    );
  await roster('A5', 'ok', 12, 0);
  await roster('A6', 'ok', 10, 12);
  await roster('A7', 'serious', 10, 0);
  await roster('A8', 'ok', 10, 22);
  await roster('A11', 'ok', 10, 30);
  // A withdrawn, undecided entry: counted nowhere. A failed, replaced one: still a FAILED outcome.
  await sql(`UPDATE roster_entries SET state = 'REMOVED' WHERE activity_id = $1 AND decision = 'PENDING'`, [act.A6]);
  await sql(
    `UPDATE roster_entries SET state = 'REMOVED' WHERE id = (SELECT id FROM roster_entries WHERE activity_id = $1 AND decision = 'FAILED' LIMIT 1)`,
    [act.A5],
  );

  // Training: one session on A6, A7, A8, A11 each; passed / failed / absent / pending.
  for (const code of ['A6', 'A7', 'A8', 'A11']) {
    const [{ id: session }] = await sql(
      `INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, created_by)
       VALUES ($1, now() - interval '1 day', '支队培训室', '教官', '{LAWS,DUTY_SKILLS,EMERGENCY}', 4, $2) RETURNING id`,
      [act[code], creator],
    );
    // Passed: all three subjects; failed: two of them (not on duty).
    await sql(
      `INSERT INTO training_attendance (session_id, roster_entry_id, attended, passed, passed_topics)
       SELECT $1, r.id,
              CASE WHEN rn % 5 = 4 THEN false WHEN rn % 5 = 3 THEN NULL ELSE true END,
              CASE WHEN rn % 5 = 4 THEN NULL WHEN rn % 5 = 3 THEN NULL WHEN rn % 5 = 2 THEN false ELSE true END,
              (CASE WHEN rn % 5 IN (0, 1) THEN '{LAWS,DUTY_SKILLS,EMERGENCY}' WHEN rn % 5 = 2 THEN '{LAWS,DUTY_SKILLS}' ELSE '{}' END)::training_topic[]
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM roster_entries WHERE activity_id = $2 AND decision = 'PASSED' AND state = 'ACTIVE') r`,
      [session, act[code]],
    );
  }
  // A future make-up session for the company's home.
  await sql(
    `INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, is_makeup, created_by)
     VALUES ($1, now() + interval '2 days', '支队培训室', '教官', '{LAWS}', 2, true, $2)`,
    [act.A6, creator],
  );
  await sql(
    `INSERT INTO training_attendance (session_id, roster_entry_id)
     SELECT s.id, r.id FROM training_sessions s JOIN roster_entries r ON r.activity_id = s.activity_id
      WHERE s.activity_id = $1 AND s.is_makeup AND r.state = 'ACTIVE' AND r.decision = 'PASSED' LIMIT 3`,
    [act.A6],
  );

  // Findings on A7 (the serious one stays open), A8 and A11.
  const finding = async (code: string, company: string | null, item: string, serious: boolean, corrected: boolean) =>
    sql(
      `INSERT INTO findings (inspection_id, activity_id, company_id, item, serious, recorded_by, recorded_at, corrected_at, note)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now() - interval '3 hours', ${corrected ? "now() - interval '1 hour'" : 'NULL'}, '测试')`,
      [act[code], company ? ids[company] : null, item, serious, creator],
    );
  await finding('A7', 'serious', 'UNVETTED_ON_DUTY', true, false);
  await finding('A12', 'serious', 'FORBIDDEN_ACT', true, false);
  await finding('A7', 'serious', 'UNIFORM', false, true);
  await finding('A7', 'serious', 'BEARING', false, false);
  await finding('A8', 'ok', 'UNIFORM', false, true);
  await finding('A8', 'ok', 'CERTIFICATE', false, false);
  await finding('A8', null, 'DUTY', false, false);
  await finding('A11', 'ok', 'FORBIDDEN_ACT', true, true);
  return { companyUser };
}
