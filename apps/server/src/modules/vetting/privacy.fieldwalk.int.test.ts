import { maskIdNumber, unitKindOfRole } from '@evs/schema';
import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, GraphQLEnumType, GraphQLField, GraphQLSchema } from 'graphql';
import { decryptPii } from '../../common/pii';
import { createSchema } from '../../schema';
import { ArgSet, FieldWalker, WalkAccount } from '../../../test/field-walker';
import { createTestApp, expectData, TestApp } from '../../../test/harness';
import {
  birthDateForms,
  guardTokens,
  MARK,
  MarkedGuard,
  personId,
  plantPrivacyFixture,
  PrivacyFixture,
  relativesOf,
} from '../../../test/privacy-fixture';
import {
  Answer,
  differences,
  eachString,
  Finding,
  fullIdNumbersIn,
  guardIdsIn,
  LeakKind,
  normalise,
  oracleDifferences,
  partsOf,
  pendingWithReason,
  withoutTyped,
} from '../../../test/privacy-scan';
import { enumValues, requiredArgs, rootSelection, Selection } from '../../../test/schema-walk';
import { csvFile } from '../../../test/vetting-fixtures';

/**
 * The privacy field walk (issue 10, SPEC §1). From the schema, for every Query field, a query that
 * selects every field below it (depth ≤ MAX_DEPTH, cycles skipped), run as every role against a
 * world of marker data (test/privacy-fixture.ts); also the results of the mutations that return
 * guards and roster entries, and every HTTP export. Each answer is searched for what that role must
 * never see. A field added to the schema is walked on the day it is added; a query with a required
 * argument the walk cannot supply fails the test until ARGUMENTS says how.
 *
 * Leaks present on the branch today are listed in KNOWN_LEAKS. The test fails on a leak not listed,
 * and on a listed leak that no longer occurs: delete the entry when its fix lands.
 */

// ─────────── the leaks the current code still has (delete entries as fixes land) ───────────

interface KnownLeak {
  /** Each role listed must still show the leak; a role whose leak is fixed is deleted from the list. */
  roles: string[];
  kind: LeakKind;
  /** The root and JSON path without list indices. */
  path: string;
}

/**
 * Empty since the fixes of issue 10 landed on main (afc3489). Before them the walk found 59 (role, kind,
 * path) leaks, e.g. `{ roles: ['OFFICE'], kind: 'note', path: 'auditLog.items.after.note' }` (a decision
 * note in the audit payload) or `{ roles: ['ORGANIZER'], kind: 'uncleared-guard', path: 'guard.name' }`.
 * Add an entry only to land a test before its fix, with a comment naming the issue.
 */
const KNOWN_LEAKS: KnownLeak[] = [];

// ─────────── how the walk supplies arguments ───────────

const MAX_DEPTH = 6;
/** A cheap first look: every marker and guard token has a marker character, a mask, or a UUID. */
const MAY_HOLD_MARKER = /[燚龑燊鍪錾*]|[0-9a-f]{8}-[0-9a-f]{4}-/;
const PAGE = { page: 1, pageSize: 50 };
/** Errors that mean "not for you" (or not in this state): the field is recorded as refused. */
const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'CONFLICT', 'BAD_USER_INPUT']);
/** Accounts walked besides the first of each role: the fixture's two sides of each boundary. */
const ACCOUNTS_OF_INTEREST = ['baoan', 'company1', 'company2', 'organizer1', 'organizer2', 'xinglongtai', 'panshan'];


interface WalkContext {
  f: PrivacyFixture;
  plantedAt: string;
  walkStartedAt: string;
  from: string;
  to: string;
}

const activityIds = (c: WalkContext) => Object.values(c.f.activities);
const markedGuards = (c: WalkContext) => Object.values(c.f.guards);

/** Root arguments by `field.arg`, by argument name, or by input type; each value is one more query. */
const ARGUMENTS: {
  byField: Record<string, (c: WalkContext) => unknown[]>;
  byName: Record<string, (c: WalkContext) => unknown[]>;
  byType: Record<string, (c: WalkContext) => unknown[]>;
  /** `id: ID!` by the type the query returns. */
  idOf: Record<string, (c: WalkContext) => string[]>;
} = {
  byField: {
    'rosterPrecheck.guardIds': (c) => [
      markedGuards(c).filter((g) => g.company === 'company1').map((g) => g.id),
      [c.f.guards.foreign.id],
    ],
  },
  byName: {
    activityId: activityIds,
    page: () => [PAGE],
    // The fixture's organizer units and companies (a company's id is its unit's): each side's own and the other's.
    unitId: (c) => [c.f.organizers.organizer1, c.f.organizers.organizer2, c.f.companies.company1, c.f.companies.company2],
  },
  byType: {
    DateRangeInput: (c) => [{ from: c.from, to: c.to }],
    DrilldownFilterInput: (c) => [{ from: c.from, to: c.to }],
  },
  idOf: {
    Activity: activityIds,
    Guard: (c) => markedGuards(c).map((g) => g.id),
    RosterEntry: (c) => markedGuards(c).flatMap((g) => Object.values(g.entries) as string[]),
    Company: (c) => [c.f.companies.company1, c.f.companies.company2],
    TrainingSession: (c) => [c.f.trainingSessionId],
  },
};

/** More queries for list fields whose first page may not reach the fixture among the demo data. */
const EXTRA_VARIANTS: Record<string, (c: WalkContext) => ArgSet[]> = {
  guards: () => [{ filter: { search: MARK.guard }, page: PAGE }],
  activities: () => [{ filter: { search: MARK.activity }, page: PAGE }],
  auditLog: (c) => [
    // What planting the fixture wrote (guards, records, decisions, revocation), and the detachment's
    // detail reads during its walk: neither lost among the denials and exports the others' walk writes.
    { filter: { from: c.plantedAt, to: c.walkStartedAt }, page: { page: 1, pageSize: 500 } },
    { filter: { from: c.walkStartedAt, actions: ['READ_DETAIL'] }, page: { page: 1, pageSize: 500 } },
  ],
  overview: (c) => [{ range: { from: c.from, to: c.to }, district: 'XINGLONGTAI' }],
  // Only the days of the fixture's vetting activities: its entries are not lost among the demo data's.
  overviewDrilldown: (c) => [{ kind: 'VETTING_ENTRIES', filter: { from: c.f.activityDates.vetting, to: c.f.activityDates.twinClean }, page: PAGE }],
};

function argSets(field: GraphQLField<unknown, unknown>, c: WalkContext): ArgSet[] {
  let sets: ArgSet[] = [{}];
  const page = field.args.find((a) => a.name === 'page');
  for (const arg of [...requiredArgs(field), ...(page ? [page] : [])]) {
    const typeName = getNamedType(arg.type).name;
    const rule =
      ARGUMENTS.byField[`${field.name}.${arg.name}`] ??
      ARGUMENTS.byName[arg.name] ??
      ARGUMENTS.byType[typeName] ??
      (arg.name === 'id' ? ARGUMENTS.idOf[getNamedType(field.type).name] : undefined);
    const values = rule ? rule(c) : enumValues(arg);
    if (!values) {
      throw new Error(`privacy walk: no value for the required argument Query.${field.name}(${arg.name}: ${String(arg.type)}) — add a rule to ARGUMENTS`);
    }
    sets = sets.flatMap((s) => values.map((v) => ({ ...s, [arg.name]: v })));
  }
  return [...sets, ...(EXTRA_VARIANTS[field.name]?.(c) ?? [])];
}

/** HTTP GET routes in the server's source, and what the walk fetches for each. */
const HTTP_ROUTES: Record<string, ((c: WalkContext) => string[]) | { skip: string }> = {
  '/healthz': { skip: 'no data' },
  '/readyz': { skip: 'no data' },
  '/templates/guards.xlsx': { skip: 'the empty import template' },
  '/templates/records.xlsx': { skip: 'the import template, one made-up example row' },
  '/templates/companies.xlsx': { skip: 'the company register template, one made-up example row' },
  '/exports/vetting/:file': (c) => activityIds(c).map((a) => `/exports/vetting/${a}.xlsx`),
  '/exports/timeline/:activityId.xlsx': (c) => activityIds(c).map((a) => `/exports/timeline/${a}.xlsx`),
  '/exports/training/:sessionId.xlsx': (c) => [`/exports/training/${c.f.trainingSessionId}.xlsx`],
  '/photos/roster/:rosterEntryId': { skip: 'a picture, no text to scan; its roles and record rules: inspections/photos.int.test.ts' },
  '/photos/findings/:findingId': { skip: 'a picture, no text to scan; its roles and record rules: inspections/photos.int.test.ts' },
  '/exports/overview.xlsx': (c) => [`/exports/overview.xlsx?from=${c.from}&to=${c.to}`, `/exports/overview.xlsx?from=${c.from}&to=${c.to}&district=XINGLONGTAI`],
};

/** `router.get('…')` / `app.get('…')` paths and download routes (`get: '…'`) written in the server's source (not tests). */
function httpRoutesInSource(): string[] {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/\b(?:router|app)\.get\(\s*['"`]([^'"`]+)['"`]|\bget:\s*['"`](\/[^'"`]+)['"`]/g)) routes.push(m[1] ?? m[2]);
      }
    }
  };
  walk(path.join(__dirname, '../..'));
  return routes;
}

// ─────────── the walk ───────────

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
/** YYYY-MM-DD in China time. */
const chinaDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** Fields that make a type carry a person or vetting detail (for the list of mutations to walk). */
const PERSON_FIELDS = new Set(['idNumber', 'subjectIdNumber', 'guardId', 'guardName', 'personName', 'relatives', 'hits', 'decisionNote']);

/** Types the walk selects that no answer can hold in a sound database, and why (they carry no person). */
const NOT_INSTANTIATED: Record<string, string> = {
  AuditChainBreak: 'only when the append-only audit chain has been tampered with',
  IssuedAccount: 'only in the answer of the mutation that opens the account (Company.issuedAccount is null in every query)',
};

/** Mutations whose result carries a person that the walk does not call, and why. */
const MUTATIONS_NOT_WALKED: Record<string, string> = {
  transferGuard: 'detachment only: its answers may carry everything',
  recordCertificateRevocation: 'detachment only (the fixture calls it)',
  correctCertificateRevocation: 'detachment only (guards/revocation.int.test.ts: every other role FORBIDDEN)',
  cancelCertificateRevocation: 'detachment only (guards/revocation.int.test.ts: every other role FORBIDDEN)',
  recordInspection: 'detachment only (the fixture calls it)',
  correctFinding: 'detachment only',
  scheduleTraining: 'detachment only',
  recordTrainingResults: 'detachment only',
  updateTrainingSession: 'detachment only',
  cancelTrainingSession: 'detachment only',
};

type Account = WalkAccount;

describe('privacy field walk: every field of every query, mutation result and export, as every role', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let f: PrivacyFixture;
  let ctx: WalkContext;
  const accounts: Account[] = [];
  let walker: FieldWalker;
  /** New guards the mutation walk submits: one with a relative's record, one clean. */
  const extra: Partial<Record<'newHit' | 'newClean' | 'newSubstitute', MarkedGuard>> = {};
  let knownIds: Set<string>;
  /** The marker texts planted before the query walk (the mutation walk adds more). */
  let plantedTexts: PrivacyFixture['texts'];
  const companyOf = new Map<string, string>();
  const companyGuards = new Map<string, Set<string>>();
  const organizerAllowed = new Map<string, Set<string>>();
  const started = { wall: Date.now(), cpu: process.cpuUsage() };

  const nameOf = (id: unknown): string => {
    if (typeof id !== 'string') return JSON.stringify(id);
    for (const [k, v] of Object.entries(f.activities)) if (v === id) return `activity:${k}`;
    for (const g of [...Object.values(f.guards), ...Object.values(extra)]) {
      if (g!.id === id) return `guard:${g!.key}`;
      for (const [a, e] of Object.entries(g!.entries)) if (e === id) return `entry:${g!.key}@${a}`;
    }
    for (const [k, v] of Object.entries(f.companies)) if (v === id) return k;
    if (id === f.trainingSessionId) return 'training:onDuty';
    return JSON.stringify(id);
  };
  const account = (username: string) => accounts.find((a) => a.username === username)!;
  /** One step of the mutation walk; a step that fails (but for the refusal probes) is a walk error: the fixture no longer fits the rules. */
  const walkMutation = async (username: string, field: string, args: ArgSet, extraAnswer: Partial<Answer> = {}, refusalExpected = false) => {
    const answer = await walker.walkMutation(account(username), field, args, extraAnswer);
    if (!refusalExpected && answer.body === null) walker.stats.walkErrors.push(`mutation ${field} as ${username} failed: ${JSON.stringify(answer.errors)}`);
    return answer.body as Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  /** Relatives, record details and decision notes: what only the detachment reads, each read audited. */
  const detailTexts = () => [
    ...Object.values(f.guards).flatMap(relativesOf).flatMap((r) => [r.name, maskIdNumber(r.idNumber), r.idNumber]),
    ...f.texts.filter((x) => x.kind !== 'revocation').map((x) => x.text),
  ];

  async function walkAccount(a: Account) {
    await walker.walkQueries(a, (field) => argSets(field, ctx));
    for (const [route, rule] of Object.entries(HTTP_ROUTES)) {
      if (rule instanceof Function) for (const url of rule(ctx)) await walker.fetch(a, route, url);
    }
  }

  /**
   * The results of the mutations a company calls that return guards or roster entries, each selected
   * in full but for what the query walk saw refused to the same role: new guards (one whose father
   * has a record, one clean, one to replace the failed guard), a roster submission of the first two
   * together, a replacement, a removal, a departure; and a company typing another company's guard's
   * ID number into the form and the import.
   */
  async function walkMutations() {
    const c1 = account('company1').client;
    const keys = [['newHit', '疑新', '219907', 41], ['newClean', '净新', '219908', 43], ['newSubstitute', '替新', '219909', 45]] as const;
    for (const [key, name, area, seq] of keys) {
      const idNumber = personId(area, '1990-06-18', seq);
      const father = { key: `${key}.father`, name: `${MARK.relative}${name}父`, idNumber: personId(area, '1961-01-17', 101), birthDate: '1961-01-17' };
      const mother = { key: `${key}.mother`, name: `${MARK.relative}${name}母`, idNumber: personId(area, '1962-02-18', 102), birthDate: '1962-02-18' };
      const certificateNo = `辽保燚${area}${seq}`;
      const relatives = [{ relation: 'FATHER', name: father.name, idNumber: father.idNumber }, { relation: 'MOTHER', name: mother.name, idNumber: mother.idNumber }];
      const r = await walkMutation('company1', 'createGuard', {
        input: { name: `${MARK.guard}${name}`, idNumber, education: 'SENIOR_MIDDLE', certificateNo, certificateIssuedOn: '2020-03-01', relatives },
      }, { typedByCaller: [idNumber, ...relatives.flatMap((x) => [x.name, x.idNumber])] });
      const id = r?.id ?? expectData(await c1.gql(`query($s: String!) { guards(filter: { search: $s }) { items { id } } }`, { s: idNumber })).guards.items[0].id;
      extra[key] = { key, id, name: `${MARK.guard}${name}`, idNumber, birthDate: '1990-06-18', certificateNo, company: 'company1', companyId: f.companies.company1, father, mother, entries: {} };
    }
    const { newHit, newClean, newSubstitute } = extra as Record<(typeof keys)[number][0], MarkedGuard>;
    const rows = [['身份证号', '姓名', '类别', '发生日期', '来源']];
    for (const g of [newHit, newSubstitute]) {
      const source = `${MARK.record}来源${g.key}父`;
      f.texts.push({ kind: 'record', text: source, shown: true });
      rows.push([g.father.idNumber, g.father.name, '行政拘留', '2018-04-04', source]);
    }
    await walkMutation('baoan', 'importRecords', { file: csvFile('records.csv', rows), mode: 'COMMIT' });
    await walkMutation('company1', 'setGuardRelatives', {
      guardId: newClean.id,
      relatives: [
        { relation: 'FATHER', name: newClean.father.name, idNumber: newClean.father.idNumber },
        { relation: 'MOTHER', name: newClean.mother.name, idNumber: newClean.mother.idNumber },
      ],
    }, { typedByCaller: relativesOf(newClean).flatMap((x) => [x.name, x.idNumber]) });
    await walkMutation('company1', 'updateGuard', {
      id: newClean.id,
      input: { name: newClean.name, education: 'SENIOR_MIDDLE', phone: '13912345678', certificateNo: newClean.certificateNo, certificateIssuedOn: '2020-03-01' },
    });
    await walkMutation('company1', 'submitRoster', { input: { activityId: f.activities.vetting, guardIds: [newHit.id, newClean.id] } });
    for (const e of await t.sql(`SELECT id, guard_id FROM roster_entries WHERE activity_id = $1 AND guard_id = ANY($2)`, [f.activities.vetting, [newHit.id, newClean.id]])) {
      (e.guard_id === newHit.id ? newHit : newClean).entries.vetting = e.id;
    }
    await walkMutation('baoan', 'decideVetting', { input: { entryIds: [newClean.entries.vetting], decision: 'PASSED' } });
    await walkMutation('company1', 'replaceRosterEntry', { entryId: f.guards.failed.entries.vetting, guardId: newSubstitute.id });
    await walkMutation('company1', 'removeRosterEntry', { entryId: newHit.entries.vetting });
    await walkMutation('company1', 'guardLeaves', { id: f.guards.failed.id, date: chinaDate(Date.now()) });

    // Posts on the running activity: set by the selected company; another company and the organizer are refused.
    const posts = { activityId: f.activities.onDuty, assignments: [{ rosterEntryId: f.guards.passed.entries.onDuty, post: '东门', area: '东门外广场' }] };
    await walkMutation('company1', 'assignPosts', posts);
    await walkMutation('company2', 'assignPosts', posts, {}, true);
    await walkMutation('organizer1', 'assignPosts', posts, {}, true);

    // A company typing another company's guard's ID number: neither the form nor the import may say who employs them.
    const foreign = f.guards.foreign;
    await walkMutation('company1', 'createGuard', { input: { name: '张测试', idNumber: foreign.idNumber, education: 'SENIOR_MIDDLE' } }, { typedByCaller: [foreign.idNumber, '张测试'] }, true);
    await walkMutation('company1', 'importGuards', {
      input: { mode: 'PREVIEW', file: csvFile('guards.csv', [['姓名', '身份证号', '手机号', '保安员证号', '发证日期', '学历'], ['张测试', foreign.idNumber, '', '', '', '高中']]) },
    }, { typedByCaller: [foreign.idNumber, '张测试'] });
  }

  beforeAll(async () => {
    t = await createTestApp();
    schema = await createSchema();
    const t0 = new Date().toISOString();

    // Accounts: every role of the schema's Role enum; the demo accounts of the fixture's boundaries.
    const roles = (schema.getType('Role') as GraphQLEnumType).getValues().map((v) => v.name);
    const users: { username: string; role: string }[] = await t.sql(`SELECT username, role::text AS role FROM users WHERE active ORDER BY username`);
    const picked: { username: string; role: string }[] = [];
    for (const role of roles) {
      const mine = users.filter((u) => u.role === role);
      const preferred = mine.filter((u) => ACCOUNTS_OF_INTEREST.includes(u.username));
      if (preferred.length) picked.push(...preferred);
      else if (mine.length) picked.push(mine[0]);
      else picked.push({ username: `walk_${role.toLowerCase()}`, role });
    }
    const admin = await t.login('admin');
    for (const p of picked) {
      if (users.some((u) => u.username === p.username)) {
        accounts.push({ ...p, client: await t.login(p.username) });
        continue;
      }
      // A role without a demo account: created the way the administrator would, then its first-login password change.
      const [unit] = await t.sql(`SELECT id FROM units WHERE kind::text = $1 ORDER BY name LIMIT 1`, [(unitKindOfRole as Record<string, string>)[p.role]]);
      if (!unit) throw new Error(`privacy walk: no unit for role ${p.role}: add one to the demo data or create it here`);
      expectData(await admin.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: { username: p.username, displayName: `字段巡检${p.role}`, role: p.role, unitId: unit.id, initialPassword: 'Walk@2026a' },
      }));
      const client = await t.login(p.username, 'Walk@2026a');
      expectData(await client.gql(`mutation { changePassword(input: { currentPassword: "Walk@2026a", newPassword: "Walk@2026b" }) { id } }`));
      accounts.push({ ...p, client });
    }
    const byName = Object.fromEntries(accounts.map((a) => [a.username, a.client]));
    f = await plantPrivacyFixture(t, byName);
    plantedTexts = [...f.texts];
    const day = 86_400_000;
    ctx = { f, plantedAt: t0, walkStartedAt: new Date().toISOString(), from: chinaDate(Date.now() - 60 * day), to: chinaDate(Date.now() + 180 * day) };

    walker = new FieldWalker(t, schema, { maxDepth: MAX_DEPTH, refusals: REFUSALS, auditedRole: 'SECURITY_DETACHMENT', nameOf });

    // The detachment first and alone (its READ_DETAIL entries are counted per request, and the
    // others' audit log then shows them); the other accounts side by side (their reads write nothing).
    const detachment = accounts.filter((x) => x.role === 'SECURITY_DETACHMENT');
    for (const a of detachment) await walkAccount(a);
    const others = accounts.filter((x) => x.role !== 'SECURITY_DETACHMENT');
    await Promise.all([0, 1, 2].map(async (lane) => {
      for (const a of others.filter((_, i) => i % 3 === lane)) await walkAccount(a);
    }));
    // Then every field in which the detachment met detail, asked alone: every detail read is audited,
    // whichever query reaches it. (After the others: these reads are not alike for hit and clean
    // entries, and the office's audit log must be judged on reads that are.)
    for (const a of detachment) await walker.walkFieldsAlone(a, detailTexts());

    await walkMutations();

    knownIds = new Set(
      (await t.sql(`SELECT id_cipher FROM guards WHERE id_cipher IS NOT NULL UNION ALL SELECT id_cipher FROM guard_relatives
                    UNION ALL SELECT id_cipher FROM criminal_records UNION ALL SELECT id_cipher FROM certificate_revocations`)).map((r) => decryptPii(r.id_cipher)),
    );

    // Who may see which guard, from the database after everything was planted.
    for (const a of accounts) {
      const [{ unit_id: unit }] = await t.sql(`SELECT unit_id FROM users WHERE username = $1`, [a.username]);
      if (a.role === 'COMPANY') {
        companyOf.set(a.username, unit);
        companyGuards.set(a.username, new Set((await t.sql(`SELECT id FROM guards WHERE company_id = $1`, [unit])).map((r) => r.id)));
      }
      if (a.role === 'ORGANIZER') {
        // Cleared guards on its own activities, and its own register (a self-recruiting organizer submits its own guards).
        const rows = await t.sql(
          `SELECT r.guard_id AS id FROM roster_entries r JOIN activities a ON a.id = r.activity_id
            WHERE a.organizer_unit_id = $1 AND r.state = 'ACTIVE' AND r.decision = 'PASSED'
           UNION SELECT id FROM guards WHERE company_id = $1`,
          [unit],
        );
        organizerAllowed.set(a.username, new Set(rows.map((r) => r.id)));
      }
    }
  }, 600_000);
  afterAll(() => t?.close());

  // ─────────── what each role must not see ───────────

  function findings(): Finding[] {
    const { answers, serverErrors } = walker;
    const out = new Map<string, Finding>();
    const add = (a: Pick<Answer, 'role' | 'account' | 'source'>, kind: LeakKind, p: string, marker: string) => {
      const key = `${a.role}|${kind}|${p}|${marker}`;
      if (!out.has(key)) out.set(key, { role: a.role, account: a.account, kind, path: p, marker, source: a.source });
    };
    const strings = (a: Answer, visit: (s: string, p: string) => void) => {
      for (const [value, at] of partsOf(a)) eachString(withoutTyped(value, a.typedByCaller), at, visit);
    };
    const guards = [...Object.values(f.guards), ...(Object.values(extra) as MarkedGuard[])];
    const relatives = guards.flatMap(relativesOf);
    const relativeIds = new Set(relatives.map((r) => r.idNumber));
    const textMarkers: { kind: LeakKind; text: string }[] = [
      ...relatives.flatMap((r) => [{ kind: 'relative' as const, text: r.name }, { kind: 'relative' as const, text: maskIdNumber(r.idNumber) }]),
      ...f.texts.map((x) => ({ kind: x.kind, text: x.text })),
    ];
    const detail = detailTexts();
    const tokensOf = (g: MarkedGuard) => [...guardTokens(g), ...relativesOf(g).flatMap((r) => [r.name, r.idNumber, maskIdNumber(r.idNumber)])];
    /** Subjects that must read alike to everyone but the detachment: a PENDING entry with a hit, and a clean one. */
    const pairs = [
      { hit: f.guards.pendingHit, clean: f.guards.pendingClean },
      { hit: f.guards.pendingOwnHit, clean: f.guards.pendingClean },
      ...(extra.newHit && extra.newClean ? [{ hit: extra.newHit, clean: extra.newClean }] : []),
    ].map((x) => ({ ...x, hitTokens: tokensOf(x.hit), cleanTokens: tokensOf(x.clean), lopsided: (_: Answer): boolean => false }));
    // The twin activities, each also named by its own tokens: their summaries, counts and exports compared whole.
    // About one twin activity (e.g. its pre-check of both guards), the two guards are not alike by design.
    const aboutOneTwin = (a: Answer) => /activity:twinHit\b/.test(a.source) !== /activity:twinClean\b/.test(a.source);
    pairs.push({
      hit: f.guards.twinHit, clean: f.guards.twinClean,
      hitTokens: [...tokensOf(f.guards.twinHit), ...f.activityTokens.twinHit],
      cleanTokens: [...tokensOf(f.guards.twinClean), ...f.activityTokens.twinClean],
      lopsided: aboutOneTwin,
    });
    const scopeTokens = (g: MarkedGuard) => guardTokens(g).filter((x) => x !== g.idNumber);

    for (const e of serverErrors) add(e, 'server-error', e.root, String(e.body));

    for (const a of answers) {
      if (a.role === 'SECURITY_DETACHMENT') {
        // Every detail read is audited, whichever query reaches it (the audit log itself aside).
        if (a.root === 'auditLog' || a.detailAuditRows === undefined || a.detailAuditRows > 0) continue;
        strings(a, (s, p) => {
          for (const m of detail) if (s.includes(m)) add(a, 'unaudited-detail', p, m);
        });
        continue;
      }
      // The auditor reads every entry whole; its chain hash (over that entry, for anchors) differs per entry by design.
      const auditPayload = (p: string) => a.role === 'AUDITOR' && /^auditLog\.items\.(before|after|hash)\b/.test(p);
      const orgAllowed = organizerAllowed.get(a.account);
      strings(a, (s, p) => {
        if (auditPayload(p)) return;
        for (const id of fullIdNumbersIn(s, knownIds)) add(a, relativeIds.has(id) ? 'relative' : 'full-id', p, id);
        if (!MAY_HOLD_MARKER.test(s)) return;
        for (const m of textMarkers) if (s.includes(m.text)) add(a, m.kind, p, m.text);
        for (const g of guards) {
          const hidden =
            a.role === 'ADMIN' ? 'guard-identity' :
            a.role === 'COMPANY' && g.companyId !== companyOf.get(a.account) ? 'foreign-guard' :
            a.role === 'ORGANIZER' && !orgAllowed?.has(g.id) ? 'uncleared-guard' : null;
          if (!hidden) continue;
          for (const tk of scopeTokens(g)) if (s.includes(tk)) add(a, hidden, p, `${g.name} (${g.key}): ${tk}`);
        }
      });
      // The register beyond the markers (demo data too): every guard an object names must be the viewer's to see.
      if (a.role === 'COMPANY' || a.role === 'ORGANIZER') {
        const allowed = a.role === 'COMPANY' ? companyGuards.get(a.account)! : orgAllowed!;
        for (const { id, path: p } of guardIdsIn(withoutTyped(a.body, a.typedByCaller), a.root)) {
          if (!allowed.has(id)) add(a, a.role === 'COMPANY' ? 'foreign-guard' : 'uncleared-guard', p, `guard ${id}`);
        }
      }
      // No oracle: a PENDING entry with a hit reads like a clean one, in the same answer and in the twin answer.
      for (const p of pendingWithReason(a.body, a.root)) if (!auditPayload(p)) add(a, 'oracle', p, 'a PENDING entry carries a reason category');
      if (!a.final) continue;
      for (const { hit, clean, hitTokens, cleanTokens, lopsided } of pairs) {
        // Does the request name the subject (`guard:pendingHit`, `entry:pendingHit@vetting`, `activity:twinHit`)?
        const namesHit = new RegExp(`[:@]${hit.key}\\b`).test(a.source);
        const namesClean = new RegExp(`[:@]${clean.key}\\b`).test(a.source);
        if (namesHit === namesClean && !lopsided(a)) {
          // On a page cut short, one of the two may fall off the end: compare only what both show.
          const page = a.body as { total?: number; items?: unknown[] } | null;
          const whole = !(page && typeof page.total === 'number' && Array.isArray(page.items) && page.total > page.items.length);
          const reportAlone = whole && (a.source.startsWith('query') || a.source.startsWith('GET'));
          for (const d of oracleDifferences(a.body, a.root, hitTokens, cleanTokens, reportAlone, whole)) {
            if (!auditPayload(d.path)) add(a, 'oracle', d.path, `${hit.key} vs ${clean.key}: ${d.marker}`);
          }
        }
        if (!namesHit || namesClean) continue;
        // The same request about the clean guard: both answers, identities blanked, must be the same.
        const twinSource = a.source.replace(new RegExp(`([:@])${hit.key}\\b`, 'g'), `$1${clean.key}`);
        const twin = answers.find((x) => x.final && x.account === a.account && x.source === twinSource);
        if (!twin) continue;
        const diffs = differences(
          { body: normalise(a.body, hitTokens), errors: normalise(a.errors ?? null, hitTokens) },
          { body: normalise(twin.body, cleanTokens), errors: normalise(twin.errors ?? null, cleanTokens) },
        );
        for (const [at, x, y] of diffs) {
          const p = `${a.root}${at.replace(/^\.body/, '')}`;
          if (!auditPayload(p)) add(a, 'oracle', p, `${hit.key} vs ${clean.key}: hit ${JSON.stringify(x)} ≠ clean ${JSON.stringify(y)}`);
        }
      }
      // No cross-company disclosure when a company types another company's guard's ID number.
      if (a.source.startsWith('mutation createGuard') || a.source.startsWith('mutation importGuards')) {
        strings(a, (s, p) => {
          if (s.includes(f.companyNames.company2) || s.includes(f.guards.foreign.name)) add(a, 'cross-company', p, s);
        });
      }
    }

    // Masking that can be undone: a guard's birth date anywhere in the answers of an account that sees its masked ID.
    for (const account of accounts.filter((x) => x.role !== 'SECURITY_DETACHMENT')) {
      const mine = answers.filter((a) => a.account === account.username);
      const texts = mine.map((a) => JSON.stringify(partsOf(a).map(([v]) => withoutTyped(v, a.typedByCaller))));
      const forms = guards
        .filter((g) => texts.some((x) => x.includes(maskIdNumber(g.idNumber))))
        .flatMap((g) => birthDateForms(g.birthDate).map((form) => ({ form, label: `${g.key} ${form}` })));
      mine.forEach((a, i) => {
        const present = forms.filter((x) => texts[i].includes(x.form));
        if (!present.length) return;
        strings(a, (s, p) => {
          for (const x of present) if (s.includes(x.form)) add(a, 'birth-date', p, x.label);
        });
      });
    }
    return [...out.values()];
  }

  // ─────────── the tests ───────────

  it('walks every query field without a gap: every argument supplied, every HTTP route listed, no walk error', () => {
    const { answers, stats } = walker;
    expect(stats.walkErrors).toEqual([]);
    const unlisted = httpRoutesInSource().filter((r) => !(r in HTTP_ROUTES));
    expect(unlisted).toEqual([]);
    // Every mutation whose result carries a person is walked, or listed with the reason it is not.
    const carriesPerson = (sel: Selection): boolean => !!sel.children?.some((c) => PERSON_FIELDS.has(c.field) || carriesPerson(c));
    const walkedMutations = new Set(answers.filter((a) => a.source.startsWith('mutation ')).map((a) => a.source.split(/[ (]/)[1]));
    const missing = Object.keys(schema.getMutationType()!.getFields())
      .filter((m) => carriesPerson(rootSelection(schema, 'mutation', m, {}, { maxDepth: MAX_DEPTH })))
      .filter((m) => !walkedMutations.has(m) && !(m in MUTATIONS_NOT_WALKED));
    expect(missing).toEqual([]);
    const argSkips = stats.skipped.filter((s) => s.reason.startsWith('no value'));
    expect([...new Set(argSkips.map((s) => s.reason))]).toEqual([]);
  });

  it('reaches every type the queries and the walked mutations return, with data for at least one role', () => {
    const { stats } = walker;
    const answeredAnyRole = new Set([...stats.answered].map((k) => k.split('|')[1]));
    const querySelected = [...stats.selected].filter((p) => !p.startsWith('Mutation.'));
    const types = new Set(querySelected.map((p) => p.split('.')[0]));
    const reachedTypes = new Set([...answeredAnyRole].map((p) => p.split('.')[0]));
    const unreached = [...types].filter((ty) => !reachedTypes.has(ty) && !(ty in NOT_INSTANTIATED)).sort();
    expect(unreached).toEqual([]);
  });

  it('the detachment sees every marker: the walk really reaches the data', () => {
    const { answers } = walker;
    const sd = answers.filter((a) => a.role === 'SECURITY_DETACHMENT').map((a) => JSON.stringify(a.body)).join('\n');
    const guards = Object.values(f.guards);
    const expected = [
      ...guards.flatMap((g) => [g.idNumber, ...relativesOf(g).flatMap((r) => [r.name, r.idNumber])]),
      ...plantedTexts.filter((x) => x.shown).map((x) => x.text),
      f.guards.passed.birthDate,
    ];
    expect(expected.filter((m) => !sd.includes(m))).toEqual([]);
    // The scoped roles see their own: the boundaries below are tested against real answers.
    const seen = (username: string) => answers.filter((a) => a.account === username).map((a) => JSON.stringify(a.body)).join('\n');
    expect(guards.filter((g) => g.company === 'company1').filter((g) => !seen('company1').includes(g.name)).map((g) => g.key)).toEqual([]);
    expect(seen('company2')).toContain(f.guards.foreign.name);
    expect(seen('organizer1')).toContain(f.guards.passed.name);
    expect(seen('organizer2')).toContain(f.guards.foreign.name);
  });

  it('no role sees what it must not (SPEC §1, issue 10): only the listed known leaks remain, and every listed one still occurs', () => {
    const { stats } = walker;
    const all = findings();
    const listed = (x: Finding) => KNOWN_LEAKS.some((k) => k.roles.includes(x.role) && k.kind === x.kind && k.path === x.path);
    const unexpected = all.filter((x) => !listed(x));
    const stale = KNOWN_LEAKS.flatMap((k) =>
      k.roles.filter((role) => !all.some((x) => x.role === role && x.kind === k.kind && x.path === k.path)).map((role) => `${role} ${k.kind} ${k.path}`),
    );
    // The figure for the issue's closing note: (role, type, field) combinations walked, each answered or refused.
    const isField = (k: string) => !k.split('|')[1].startsWith('GET ');
    const answered = [...stats.answered].filter(isField);
    const refused = [...stats.refused.keys()].filter(isField).filter((k) => !stats.answered.has(k));
    const checked = answered.length + refused.length;
    const exports = new Set([...stats.answered, ...stats.refused.keys()].filter((k) => !isField(k)));
    const roles = new Set(accounts.map((a) => a.role));
    console.log(
      `privacy field walk: ${checked} (role, type, field) combinations checked (${answered.length} answered, ${refused.length} refused only) ` +
        `and ${exports.size} (role, export) pairs, for ${roles.size} roles / ${accounts.length} accounts; ` +
        `${stats.requests} requests, ${all.length} findings (${all.length - unexpected.length} known); ` +
        `${((Date.now() - started.wall) / 1000).toFixed(1)} s, ${cpuSeconds(process.cpuUsage(started.cpu)).toFixed(1)} s CPU in this process`,
    );
    const byKey = new Map<string, Finding[]>();
    for (const x of all) byKey.set(`${x.role} ${x.kind} ${x.path}`, [...(byKey.get(`${x.role} ${x.kind} ${x.path}`) ?? []), x]);
    console.log(
      'findings (role kind path — example marker — example request (+ more findings of the same kind at the same path)):\n' +
        [...byKey].sort().map(([k, xs]) => `  ${k} — ${xs[0].marker} — ${xs[0].source}${xs.length > 1 ? ` (+${xs.length - 1})` : ''}`).join('\n'),
    );
    expect(checked).toBeGreaterThan(2000);
    expect(unexpected.map((x) => `${x.role} (${x.account}) ${x.kind} at ${x.path}: ${x.marker} — ${x.source}`)).toEqual([]);
    expect(stale.map((k) => `KNOWN_LEAKS entry no longer occurs (delete it): ${k}`)).toEqual([]);
  });
});
