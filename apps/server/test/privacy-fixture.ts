import { maskIdNumber, withIdCheckDigit } from '@evs/schema';
import { randomUUID } from 'node:crypto';
import { expectData, TestApp, TestClient } from './harness';
import { csvFile, makeActivity, unitOf } from './vetting-fixtures';

/**
 * The marker world of the privacy field walk: people, records, notes and reasons whose text is
 * unique in the database, so that finding the text in an answer proves where it came from.
 * Everything a role may not see starts with a prefix used nowhere else in the product:
 *   燚卫 guards · 龑亲 relatives · 燊录 record details · 鍪审 decision notes · 錾吊 revocation reasons.
 * Planted through the API (createGuard, importRecords, recordCertificateRevocation, submitRoster,
 * decideVetting, recordInspection, issueSupervisionNotice); only the activities and the finished training of the on-duty
 * activity are SQL (their upstream steps carry no personal data).
 */

export const MARK = {
  guard: '燚卫',
  relative: '龑亲',
  record: '燊录',
  note: '鍪审',
  revocation: '錾吊',
  activity: '燚测',
} as const;

/** A person of the marker world: a guard of company1/company2, or a guard's relative. */
export interface MarkedPerson {
  key: string;
  name: string;
  idNumber: string;
  birthDate: string;
}

export interface MarkedGuard extends MarkedPerson {
  id: string;
  company: 'company1' | 'company2';
  companyId: string;
  certificateNo: string;
  /** Both parents are declared (a guard is only suggestible when they are); the father carries the records. */
  father: MarkedPerson;
  mother: MarkedPerson;
  /** Roster entries of this guard, by activity key. */
  entries: Partial<Record<ActivityKey, string>>;
}

export type ActivityKey = 'vetting' | 'onDuty' | 'foreign' | 'twinHit' | 'twinClean';
export type GuardKey = 'passed' | 'failed' | 'pendingHit' | 'pendingOwnHit' | 'pendingClean' | 'foreign' | 'twinHit' | 'twinClean';

export interface MarkerText {
  kind: 'record' | 'note' | 'revocation';
  text: string;
  /** False for what no answer carries at all (a record's 备注 is kept for the register only). */
  shown: boolean;
}

export interface PrivacyFixture {
  guards: Record<GuardKey, MarkedGuard>;
  activities: Record<ActivityKey, string>;
  /** What names an activity in an answer: id, name, code. */
  activityTokens: Record<ActivityKey, string[]>;
  /** Start dates (YYYY-MM-DD, China time) of the activities, for narrow overview ranges. */
  activityDates: Record<ActivityKey, string>;
  trainingSessionId: string;
  companies: { company1: string; company2: string };
  companyNames: { company1: string; company2: string };
  organizers: { organizer1: string; organizer2: string };
  /** Record details, decision notes and the revocation reason, each unique. */
  texts: MarkerText[];
}

/** A valid ID number: area, birth date (YYYY-MM-DD), a sequence (odd = male). */
export function personId(area: string, birthDate: string, sequence: number): string {
  return withIdCheckDigit(`${area}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`);
}

const GUARDS: Record<GuardKey, { name: string; birthDate: string; area: string; company: 'company1' | 'company2'; relative: string }> = {
  // Cleared (PASSED, after review of the father's record): the organizer may see this one.
  passed: { name: `${MARK.guard}通达`, birthDate: '1983-07-19', area: '219901', company: 'company1', relative: `${MARK.relative}通父` },
  // FAILED for the own record.
  failed: { name: `${MARK.guard}败北`, birthDate: '1979-11-23', area: '219902', company: 'company1', relative: `${MARK.relative}败父` },
  // PENDING with the father's record (RELATIVE_RECORD), PENDING with an own record, PENDING clean:
  // the same birth date, education and certificate date, both parents declared, so that before a decision
  // nothing but their identity may differ in any answer to anyone but the detachment.
  pendingHit: { name: `${MARK.guard}疑云`, birthDate: '1986-02-14', area: '219903', company: 'company1', relative: `${MARK.relative}疑父` },
  pendingOwnHit: { name: `${MARK.guard}己过`, birthDate: '1986-02-14', area: '219904', company: 'company1', relative: `${MARK.relative}己父` },
  pendingClean: { name: `${MARK.guard}净洁`, birthDate: '1986-02-14', area: '219905', company: 'company1', relative: `${MARK.relative}净父` },
  // Another company's cleared guard on another organizer's activity.
  foreign: { name: `${MARK.guard}外援`, birthDate: '1988-09-05', area: '219906', company: 'company2', relative: `${MARK.relative}外父` },
  // Twin activities, alike but for one guard's father's record: every answer about the two activities
  // (counts, summaries, exports, timelines) must read the same before the decision.
  twinHit: { name: `${MARK.guard}孪甲`, birthDate: '1992-03-03', area: '219910', company: 'company1', relative: `${MARK.relative}孪甲父` },
  twinClean: { name: `${MARK.guard}孪乙`, birthDate: '1992-03-03', area: '219911', company: 'company1', relative: `${MARK.relative}孪乙父` },
};

const ID_ONLY = `mutation($input: CreateGuardInput!) { createGuard(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitRosterInput!) { submitRoster(input: $input) { activityStatus } }`;
const DECIDE = `mutation($input: DecideVettingInput!) { decideVetting(input: $input) { decided } }`;

function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Guards created through the API as their company would, each with one declared father. */
async function createMarkedGuard(
  client: TestClient,
  key: string,
  spec: { name: string; birthDate: string; area: string; relative: string },
  sequence: number,
): Promise<Omit<MarkedGuard, 'company' | 'companyId' | 'entries'>> {
  const idNumber = personId(spec.area, spec.birthDate, sequence);
  const fatherBirth = `19${55 + (sequence % 10)}-0${1 + (sequence % 9)}-1${sequence % 10}`;
  const motherBirth = `19${56 + (sequence % 10)}-0${1 + (sequence % 9)}-2${sequence % 8}`;
  const father: MarkedPerson = { key: `${key}.father`, name: spec.relative, idNumber: personId(spec.area, fatherBirth, 101), birthDate: fatherBirth };
  const mother: MarkedPerson = { key: `${key}.mother`, name: spec.relative.replace(/父$/, '母'), idNumber: personId(spec.area, motherBirth, 102), birthDate: motherBirth };
  const certificateNo = `辽保燚${spec.area}${sequence}`;
  const r = expectData(
    await client.gql(ID_ONLY, {
      input: {
        name: spec.name,
        idNumber,
        education: 'SENIOR_MIDDLE',
        certificateNo,
        certificateIssuedOn: '2020-03-01',
        relatives: [
          { relation: 'FATHER', name: father.name, idNumber: father.idNumber },
          { relation: 'MOTHER', name: mother.name, idNumber: mother.idNumber },
        ],
      },
    }),
  );
  return { key, id: r.createGuard.id, name: spec.name, idNumber, birthDate: spec.birthDate, certificateNo, father, mother };
}

export async function plantPrivacyFixture(t: TestApp, clients: Record<string, TestClient>): Promise<PrivacyFixture> {
  const companies = { company1: await unitOf(t, 'company1'), company2: await unitOf(t, 'company2') };
  const organizers = { organizer1: await unitOf(t, 'organizer1'), organizer2: await unitOf(t, 'organizer2') };
  const names = await t.sql(`SELECT id, name FROM companies WHERE id = ANY($1)`, [[companies.company1, companies.company2]]);
  const companyNames = {
    company1: names.find((n) => n.id === companies.company1).name as string,
    company2: names.find((n) => n.id === companies.company2).name as string,
  };

  // 1. The register, through the companies' own form.
  const guards = {} as Record<GuardKey, MarkedGuard>;
  let sequence = 11;
  for (const [key, spec] of Object.entries(GUARDS) as [GuardKey, (typeof GUARDS)[GuardKey]][]) {
    const g = await createMarkedGuard(clients[spec.company], key, spec, (sequence += 2));
    guards[key] = { ...g, company: spec.company, companyId: companies[spec.company], entries: {} };
  }

  // 2. The records register (the detachment's import) and a certificate revoked long ago (no bar today).
  const texts: MarkerText[] = [];
  const recordRows: string[][] = [['身份证号', '姓名', '类别', '发生日期', '来源', '严重程度', '备注']];
  const addRecord = (idNumber: string, name: string, category: string, occurredOn: string, tag: string) => {
    const source = `${MARK.record}来源${tag}`;
    const severity = `${MARK.record}严重${tag}`;
    const note = `${MARK.record}备注${tag}`;
    recordRows.push([idNumber, name, category, occurredOn, source, severity, note]);
    texts.push({ kind: 'record', text: source, shown: true }, { kind: 'record', text: severity, shown: true }, { kind: 'record', text: note, shown: false });
    if (name.startsWith(MARK.record)) texts.push({ kind: 'record', text: name, shown: true });
  };
  addRecord(guards.passed.father.idNumber, guards.passed.father.name, '行政拘留', '2014-05-06', '通父');
  addRecord(guards.failed.idNumber, `${MARK.record}败名`, '故意犯罪刑事处罚', '2012-08-09', '败');
  addRecord(guards.pendingHit.father.idNumber, guards.pendingHit.father.name, '强制隔离戒毒', '2016-10-11', '疑父');
  addRecord(guards.pendingOwnHit.idNumber, `${MARK.record}己名`, '行政拘留', '2017-12-13', '己');
  addRecord(guards.twinHit.father.idNumber, guards.twinHit.father.name, '行政拘留', '2019-02-03', '孪甲父');
  const imported = expectData(
    await clients.baoan.gql(`mutation($file: FileInput!) { importRecords(file: $file, mode: COMMIT) { created invalidRows } }`, {
      file: csvFile('records.csv', recordRows),
    }),
  );
  if (imported.importRecords.created !== recordRows.length - 1) throw new Error(`records import: ${JSON.stringify(imported)}`);
  const revocation = `${MARK.revocation}销事由甲`;
  texts.push({ kind: 'revocation', text: revocation, shown: true });
  expectData(
    await clients.baoan.gql(`mutation($id: String!, $r: String!) { recordCertificateRevocation(idNumber: $id, date: "2015-03-01", reason: $r) { id } }`, {
      id: guards.passed.idNumber,
      r: revocation,
    }),
  );

  // 3. Activities: vetting (organizer1, company1), foreign (organizer2, company2), on duty (organizer1, company1).
  const day = 86_400_000;
  const base = Math.floor(Date.now() / day) * day;
  // Months after any demo activity: the overview's lists for these days hold the fixture alone.
  const vettingStart = new Date(base + 150 * day + 2 * 3600_000);
  const foreignStart = new Date(base + 151 * day + 2 * 3600_000);
  const onDutyStart = new Date(Date.now() - 3600_000);
  const activities: Record<ActivityKey, string> = {
    vetting: await makeActivity(t, {
      name: `${MARK.activity}审核活动`, selectedCompanyId: companies.company1, organizerUnitId: organizers.organizer1,
      guardsRequired: 6, startsAt: vettingStart.toISOString(),
    }),
    foreign: await makeActivity(t, {
      name: `${MARK.activity}外司活动`, selectedCompanyId: companies.company2, organizerUnitId: organizers.organizer2,
      guardsRequired: 2, startsAt: foreignStart.toISOString(),
    }),
    twinHit: await makeActivity(t, {
      name: `${MARK.activity}孪生甲`, selectedCompanyId: companies.company1, organizerUnitId: organizers.organizer1,
      guardsRequired: 6, startsAt: foreignStart.toISOString(),
    }),
    twinClean: await makeActivity(t, {
      name: `${MARK.activity}孪生乙`, selectedCompanyId: companies.company1, organizerUnitId: organizers.organizer1,
      guardsRequired: 6, startsAt: foreignStart.toISOString(),
    }),
    onDuty: await makeActivity(t, {
      name: `${MARK.activity}上岗活动`, selectedCompanyId: companies.company1, organizerUnitId: organizers.organizer1,
      guardsRequired: 1, status: 'IN_PROGRESS', startsAt: onDutyStart.toISOString(),
      endsAt: new Date(Date.now() + 5 * 3600_000).toISOString(),
    }),
  };

  // The two companies as the recommended candidates of the vetting activity, each quoted (the comparison's cells).
  const [{ id: baoanId }] = await t.sql(`SELECT id FROM users WHERE username = 'baoan'`);
  await t.sql(
    `INSERT INTO activity_candidates (activity_id, company_id, rank, score, score_parts, quote, quoted_at, recommended_by)
     SELECT $1, c.id, CASE WHEN c.id = $2 THEN 1 ELSE 2 END, 80, coalesce((SELECT score_parts FROM activity_candidates LIMIT 1), '[]'::jsonb),
            120000, now(), $4
       FROM companies c WHERE c.id IN ($2, $3)`,
    [activities.vetting, companies.company1, companies.company2, baoanId],
  );

  // 4. Rosters through submitRoster; decisions through decideVetting (notes are markers).
  const vettingGuards: GuardKey[] = ['passed', 'failed', 'pendingHit', 'pendingOwnHit', 'pendingClean'];
  expectData(await clients.company1.gql(SUBMIT, { input: { activityId: activities.vetting, guardIds: vettingGuards.map((k) => guards[k].id) } }));
  expectData(await clients.company2.gql(SUBMIT, { input: { activityId: activities.foreign, guardIds: [guards.foreign.id] } }));
  for (const twin of ['twinHit', 'twinClean'] as const) {
    expectData(await clients.company1.gql(SUBMIT, { input: { activityId: activities[twin], guardIds: [guards[twin].id] } }));
  }
  const submitted: ActivityKey[] = ['vetting', 'foreign', 'twinHit', 'twinClean'];
  const entries = await t.sql(`SELECT id, guard_id, activity_id FROM roster_entries WHERE activity_id = ANY($1)`, [submitted.map((k) => activities[k])]);
  for (const e of entries) {
    const g = Object.values(guards).find((x) => x.id === e.guard_id)!;
    g.entries[submitted.find((k) => activities[k] === e.activity_id)!] = e.id;
  }
  const decide = async (key: GuardKey, activity: ActivityKey, decision: string, reasonCategory: string | null, note: string | null) => {
    if (note) texts.push({ kind: 'note', text: note, shown: true });
    expectData(await clients.baoan.gql(DECIDE, { input: { entryIds: [guards[key].entries[activity]], decision, reasonCategory, note } }));
  };
  await decide('passed', 'vetting', 'PASSED', null, `${MARK.note}通过意见甲`);
  await decide('failed', 'vetting', 'FAILED', 'OWN_RECORD', `${MARK.note}不通过意见乙`);
  await decide('foreign', 'foreign', 'PASSED', null, `${MARK.note}外司通过意见丙`);

  // 5. On duty: the cleared guard on a running activity, trained, inspected on site.
  const onDutyNote = `${MARK.note}上岗审核意见丁`;
  texts.push({ kind: 'note', text: onDutyNote, shown: true });
  const [onDutyEntry] = await t.sql(
    `INSERT INTO roster_entries (activity_id, guard_id, company_id, decision, reason_category, decision_note, decided_by, decided_at, checked_at, post)
     VALUES ($1, $2, $3, 'PASSED', 'CLEAR', $4, $5, now() - interval '3 days', now() - interval '4 days', '东门') RETURNING id`,
    [activities.onDuty, guards.passed.id, companies.company1, onDutyNote, baoanId],
  );
  guards.passed.entries.onDuty = onDutyEntry.id;
  // The session began today (China time): the company's home lists it among its trainings.
  const [session] = await t.sql(
    `INSERT INTO training_sessions (activity_id, starts_at, place, instructor, topics, periods, created_by)
     VALUES ($1, date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai', '市公安局培训中心', '王教官',
             '{LAWS,DUTY_SKILLS,EMERGENCY}', 4, $2) RETURNING id`,
    [activities.onDuty, baoanId],
  );
  await t.sql(
    `INSERT INTO training_attendance (session_id, roster_entry_id, attended, passed, passed_topics, scores, recorded_by, recorded_at)
     VALUES ($1, $2, true, true, '{LAWS,DUTY_SKILLS,EMERGENCY}', '{"LAWS": 90, "DUTY_SKILLS": 88, "EMERGENCY": 85}', $3, now() - interval '2 days')`,
    [session.id, onDutyEntry.id, baoanId],
  );
  await t.sql(`UPDATE activities SET vetting_closed_at = now() - interval '3 days' WHERE id = $1`, [activities.onDuty]);
  expectData(
    await clients.baoan.gql(`mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`, {
      input: {
        id: randomUUID(),
        activityId: activities.onDuty,
        guardId: guards.passed.id,
        post: '东门',
        recordedAt: new Date(Date.now() - 60_000).toISOString(),
        results: [
          { item: 'UNIFORM', compliant: false, note: '帽子未戴' },
          { item: 'CERTIFICATE', compliant: true },
        ],
      },
    }),
  );

  // 6. 督办: the office's notice on the vetting activity's current stage, answered by the detachment that owes it.
  const office = clients.office ?? (await t.login('office'));
  const notice = expectData(
    await office.gql(`mutation($input: SupervisionNoticeInput!) { issueSupervisionNotice(input: $input) { id } }`, {
      input: { activityId: activities.vetting, stage: 'VETTING', text: '请加快审核进度', dueOn: chinaDate(new Date()) },
    }),
  );
  expectData(
    await clients.baoan.gql(`mutation($id: ID!) { answerSupervisionNotice(id: $id, answer: "已安排专人审核") { id } }`, { id: notice.issueSupervisionNotice.id }),
  );

  const codes = await t.sql(`SELECT id, code, name FROM activities WHERE id = ANY($1)`, [Object.values(activities)]);
  const activityTokens = Object.fromEntries(
    Object.entries(activities).map(([k, id]) => {
      const row = codes.find((c) => c.id === id);
      return [k, [id, row.name, row.code]];
    }),
  ) as Record<ActivityKey, string[]>;

  return {
    guards,
    activities,
    activityTokens,
    activityDates: {
      vetting: chinaDate(vettingStart), foreign: chinaDate(foreignStart), twinHit: chinaDate(foreignStart), twinClean: chinaDate(foreignStart), onDuty: chinaDate(onDutyStart),
    },
    trainingSessionId: session.id,
    companies,
    companyNames,
    organizers,
    texts,
  };
}

/** The guard's declared relatives. */
export const relativesOf = (g: MarkedGuard): MarkedPerson[] => [g.father, g.mother];

/** Every string that identifies a guard in an answer: ids, name, ID number (full and masked), certificate. */
export function guardTokens(g: MarkedGuard): string[] {
  return [g.id, g.name, g.idNumber, maskIdNumber(g.idNumber), g.certificateNo, ...Object.values(g.entries)].filter((x): x is string => !!x);
}

/** The ways a birth date can be written (the hidden digits of a masked ID number). */
export function birthDateForms(birthDate: string): string[] {
  const [y, m, d] = birthDate.split('-');
  return [birthDate, `${y}${m}${d}`, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, `${y}年${Number(m)}月${Number(d)}日`];
}
