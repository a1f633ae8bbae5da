import {
  ActivityStatus,
  AuditAction,
  maskIdNumber,
  postProblem,
  RelativeRelation,
  rosterLimit,
  SecurityMode,
  UnitKind,
  VettingDecision,
  VettingReasonCategory,
  vettingDecisionLabels,
  vettingReasonCategoryLabels,
} from '@evs/schema';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../common/actor';
import { assertNoProblems, badInput, conflict, DomainError, FieldProblem, forbidden, notFound } from '../../common/errors';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { decryptNullable, decryptPii, encryptPii, idHash } from '../../common/pii';
import { formatCN, localDate } from '../../common/calendar';
import { ActivityEntity } from '../activities/activity.entity';
import { assertCanViewActivity, canViewActivity, scopeActivities } from '../activities/activity.policy';
import { ActivityLifecycle, lockActivity } from '../activities/lifecycle';
import { assertBeforeEventStart, hasStarted } from '../activities/event-window';
import { AuditService, noteWritten, SYSTEM } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordsSource, RecordsSourceError, SourceRecord } from '../records/records.source';
import { SettingsService } from '../settings/settings.service';
import { UnitsService } from '../units/units.service';
import { compareRelatives } from '../guards/guard.service';
import { ANONYMISED } from '../privacy/anonymised';
import { GuardFacts, guardFactsColumns, loadPrecheckContext, precheckGuard, revocationPrecheck, toGuardFacts } from './precheck';
import { PrecheckProblem, RosterEntryEntity, RosterEntryState } from './roster-entry.entity';
import { barredByArticle17, ChangedIdNumber, changedIdNumberClause, CLEAR_SUGGESTION, CLEAR_WITHOUT_RELATIVES_REASON, Hit, PriorFailure, relativesDeclaration, statementClause, suggest } from './suggestion';
import { VettingHitEntity } from './vetting-hit.entity';
import { registerIdOf, seesFullIdNumbers } from '../guards/guard.policy';
import { assertSelectedCompanyActive } from '../companies/company-standing';
import { ageLimitsOf } from '../activities/activity.derive';
import {
  applyFailureToOpenRosters,
  askDetachmentToReview,
  decidableAgain,
  FailureEffectsDeps,
  OpenRosterEffectsDeps,
  recordsSinceCheckSql,
  restoreRevocationWithdrawals,
  withdrawnByRevocationSql,
  withdrawPass,
} from './open-roster-effects';
import { revocationInForceSql, RevocationFact } from '../guards/eligibility';
import { assertSeesVettingDetail, isSubmitter, runsVetting, VettingTier, vettingTier } from './vetting.policy';
import { containsPattern } from '../../common/sql-predicate';
import { Clock } from '../../common/clock';
import { CheckedPerson, loadChangedIdNumbers, loadPriorFailures, loadRelativesChanged, personEntriesSql, personEntryExistsSql, priorFailureDays, relativesChangedSql, toPriorFailure } from './prior-failure';

/**
 * SQL: the person of roster entry `re` (the ID number checked, or the same guard row: any register,
 * `personEntryExistsSql`) has a 不通过 on another entry (any activity, this one too; removed or not) decided
 * within `daysParam` days counted back from `nowParam` (the app's clock): the rule `evaluate` applies to a
 * suggestion, for what passes without an officer looking at the entry (review 11-A F1, red-team F2). The
 * days are `priorFailureDays`.
 */
const priorFailureSql = (re: string, nowParam: string, daysParam: string) => `(${daysParam}::int > 0 AND ${personEntryExistsSql(re, (f) =>
  `${f}.decision = 'FAILED' AND ${f}.decided_at > ${nowParam}::timestamptz - make_interval(days => ${daysParam}::int)`)})`;

// (Defined in prior-failure.ts, beside the query that applies it, which open-roster-effects uses too.)
export { priorFailureDays };


/** SQL: the setting 审查直系亲属 (`vetting.checkRelatives`) as stored, on by default. */
const RELATIVES_CHECKED_SQL = `coalesce((SELECT (st.value #>> '{}')::boolean FROM settings st WHERE st.key = 'vetting.checkRelatives'), true)`;

/**
 * SQL: while relatives are checked, roster entry `re` was checked without them (the setting off then; red-team K1):
 * its 通过 suggestion says nothing of them, so 一键通过 leaves it and a pass waits for a check that looked.
 */
const checkedWithoutRelativesSql = (re: string) => `(${RELATIVES_CHECKED_SQL} AND ${re}.relatives_checked IS FALSE)`;

/**
 * SQL: while relatives are checked (setting vetting.checkRelatives, default on), the guard of roster entry `re`
 * has a statement standing in for a parent not registered (`relativesDeclaration().statement`; a stored
 * statement is trimmed, or blank in no row the app writes): the officer's to weigh (red-team F1), whatever
 * the stored suggestion says (one checked before this rule says 通过).
 */
const statementStandsInSql = (re: string) => `(
  ${RELATIVES_CHECKED_SQL}
  AND EXISTS (SELECT 1 FROM guards sg WHERE sg.id = ${re}.guard_id AND sg.relatives_statement IS NOT NULL AND sg.relatives_statement !~ '^\\s*$'
                 AND (SELECT count(DISTINCT sr.relation) FROM guard_relatives sr WHERE sr.guard_id = sg.id AND sr.relation IN ('FATHER', 'MOTHER')) < 2))`;

/** The note of a pass made by 一键通过 (`passAllClean`). */
export const PASS_ALL_CLEAN_NOTE = '本人及直系亲属无记录，直系亲属已申报，资格预审通过（一键通过）';

/** The keyed hash of the ID number an entry is checked under (`roster_entries.checked_id_hash`, red-team F2). */
const checkedIdHashOf = (g: Pick<GuardFacts, 'idKey'>): Buffer | null => (g.idKey ? Buffer.from(g.idKey, 'hex') : null);

/**
 * SQL: entry `re` of activity `activityParam` is one 一键通过 passes: checked, undecided, suggested 通过
 * with no pre-check problem and no hit, its identity the one checked, no record since the check, no
 * 不通过 of the person on record (`priorFailureSql`), no relative's record found before under relatives declared
 * otherwise (`relativesChangedSql`), no statement standing in for a parent (`statementStandsInSql`), and checked with
 * the relatives while they are checked (`checkedWithoutRelativesSql`).
 */
const passableSql = (re: string, activityParam: string, nowParam: string, daysParam: string) =>
  `${re}.activity_id = ${activityParam} AND ${re}.state = 'ACTIVE' AND ${re}.decision = 'PENDING' AND ${re}.checked_at IS NOT NULL
   AND ${re}.suggestion = 'PASSED' AND ${re}.precheck_problems = '[]'::jsonb
   AND NOT EXISTS (SELECT 1 FROM vetting_hits h WHERE h.roster_entry_id = ${re}.id)
   AND ${re}.identity_hash = guard_identity_hash(${re}.guard_id)
   AND NOT ${recordsSinceCheckSql(re)}
   AND NOT ${priorFailureSql(re, nowParam, daysParam)}
   AND NOT ${relativesChangedSql(re, nowParam, daysParam)}
   AND NOT ${statementStandsInSql(re)}
   AND NOT ${checkedWithoutRelativesSql(re)}`;

/** SQL: the person of roster entry `re` got a 不通过 on another entry after `re` was checked (code review 11 C1). */
const failureSinceCheckSql = (re: string) => personEntryExistsSql(re, (f) => `${f}.decision = 'FAILED' AND ${f}.decided_at > ${re}.checked_at`);

/** An earlier decision on the same person, as the detachment's view of an entry lists it. */
export interface PriorDecisionView {
  entryId: string;
  activityId: string;
  activityName: string;
  companyName: string;
  decision: VettingDecision;
  reasonCategory: VettingReasonCategory | null;
  decidedAt: Date;
  note: string | null;
  reused: boolean;
  removed: boolean;
}

/** How many earlier decisions an entry lists (newest first). */
export const PRIOR_DECISIONS_SHOWN = 20;

/** A roster entry with what every tier may need of its guard (masked or not is decided by the type). */
export interface RosterEntryView extends RosterEntryEntity {
  guardName: string;
  idNumber: string;
  companyName: string;
  hitCount: number;
}

export interface VettingCounts {
  total: number;
  passed: number;
  failed: number;
  pending: number;
  unchecked: number;
  removed: number;
}

export interface RelativeView {
  guardId: string;
  name: string;
  relation: RelativeRelation;
  idNumber: string;
}

/** A relative as stored, for the records check: nothing decrypted. */
interface RelativeSubject {
  guardId: string;
  relation: RelativeRelation;
  nameCipher: string;
  idCipher: string;
  idHash: Buffer;
}

interface CheckOutcome {
  problems: PrecheckProblem[];
  suggestion: VettingDecision | null;
  suggestionCategory: VettingReasonCategory | null;
  identityHash: string | null;
  reason: string;
  decision: VettingDecision;
  reasonCategory: VettingReasonCategory | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  reusedFrom: string | null;
  checked: boolean;
  /** Whether this check looked at the relatives (setting 审查直系亲属; red-team K1). */
  relativesChecked: boolean;
  /** What became of an earlier pass this guard could reuse; null when there was none to reuse. */
  reuse: ReuseResult | null;
}

/**
 * An earlier pass that is otherwise reusable (same identity, relatives declared, no pre-check problem,
 * within the window, no 不通过 since) is reused whatever records arrived since: whether it is shown as
 * passed must not depend on them, or the company learns that its guard's relative has a new record
 * (reviews 5-A F3, 9-A F1). Those records are then handled as for a guard already cleared on a roster
 * (open-roster-effects.ts `applyRecordsToOpenRosters`):
 * - KEPT: passed again, nothing arrived since the facts the pass was made on;
 * - TO_REVIEW: passed again; records arrived since (the guard's own short of Art. 17, or a relative's):
 *   保安管理支队 is asked to review, and may change the decision;
 * - BARRED: the guard's own records now bar him under 条例第十七条 (a hard rule): not passed again but
 *   不通过 (本人有记录), decided by the system, audited, the company told. The company learns the category
 *   only, as it would from any officer's 不通过.
 */
type ReuseResult = 'KEPT' | 'TO_REVIEW' | 'BARRED';

interface CheckStats {
  precheckFailed: number;
  withHits: number;
  reused: number;
  /** Reused passes with records 保安管理支队 has not weighed (TO_REVIEW). */
  reusedToReview: number;
  /** Passes not reused because the guard's own records now bar him (BARRED). */
  reuseBarred: number;
  sourceError: string | null;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const SUBMIT_STATUSES: Record<SecurityMode, ActivityStatus[]> = {
  [SecurityMode.SERVICE_COMPANY]: [ActivityStatus.COMPANY_SELECTED, ActivityStatus.VETTING],
  [SecurityMode.SELF_RECRUITED]: [ActivityStatus.APPROVED, ActivityStatus.VETTING],
};

/**
 * After vetting closed, while the guards may still go on duty, 保安管理支队 may withdraw a pass (PASSED →
 * FAILED) and nothing else (review 9 C1): a reused pass it is asked to review ("已通过人员有新记录") may have
 * closed vetting in the very submission that reused it, and a record imported after a pass asks the same
 * review of a roster already in training. Without this the review could never be made.
 */
export const WITHDRAWAL_STATUSES: readonly ActivityStatus[] = [ActivityStatus.TRAINING, ActivityStatus.READY, ActivityStatus.IN_PROGRESS];

/** Roster, records check, suggestions, officer decisions, replacement and closing (SPEC §2 step 5, §5). */
export class VettingService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
    private readonly units: UnitsService,
    private readonly lifecycle: ActivityLifecycle,
    private readonly records: RecordsSource,
    /** The app's clock (`config.clock`), as every service takes it. */
    private readonly clock: Clock,
    /** What a withdrawn pass does beyond the entry (open-roster-effects.ts); needed to withdraw one after the close. */
    private readonly openRosterEffects?: OpenRosterEffectsDeps,
  ) {}

  private now(): Date {
    return this.clock.now();
  }

  // ───────────────────────────── roster ─────────────────────────────

  /** Pre-checks for guards the submitter is about to put on the roster; stores nothing. */
  async precheck(actor: Actor, activityId: string, guardIds: string[]) {
    const activity = await this.ds.getRepository(ActivityEntity).findOneBy({ id: activityId });
    assertCanViewActivity(actor, activity);
    if (!isSubmitter(actor, activity)) throw forbidden('只有中选的保安服务公司（自招保安单位为主办单位）可以上报名单');
    const guards = await this.loadRegisterGuards(this.ds.manager, registerIdOf(actor)!, guardIds, 'guardIds');
    const ctx = await this.precheckContext(this.ds.manager, activity, guards.map((g) => g.idKey));
    return guards.map((g) => ({ guardId: g.guardId, name: g.name, idNumber: maskIdNumber(g.idNumber), problems: precheckGuard(g, ctx) }));
  }

  /**
   * The selected company (or the self-recruiting organizer unit) puts guards from its register on
   * the roster: COMPANY_SELECTED (or APPROVED) → VETTING on the first submission; in VETTING it adds
   * guards. Pre-checks and the records check run at once.
   */
  async submitRoster(actor: Actor, input: { activityId: string; guardIds: string[]; posts?: (string | null)[] | null }) {
    const problems: FieldProblem[] = [];
    if (input.guardIds.length === 0) problems.push({ field: 'guardIds', message: '请至少选择一名保安员' });
    if (new Set(input.guardIds).size !== input.guardIds.length) problems.push({ field: 'guardIds', message: '名单中有重复的保安员' });
    if (input.posts && input.posts.length !== input.guardIds.length) problems.push({ field: 'posts', message: '岗位数量应与保安员数量一致' });
    if (input.guardIds.length > 10_000) problems.push({ field: 'guardIds', message: '一次最多上报10000人' });
    // The same rule as 岗位分工 (assignPosts): a post is one line of at most 50 characters; blank is no post.
    input.posts?.slice(0, 10_000).forEach((post, i) => {
      const problem = postProblem(post, `第${i + 1}行`);
      if (problem) problems.push({ field: `posts.${i}`, row: i + 1, message: problem });
    });
    assertNoProblems(problems, '名单有误');

    return this.tx(async (m) => {
      const activity = await lockActivity(m, input.activityId);
      assertCanViewActivity(actor, activity);
      if (!isSubmitter(actor, activity)) throw forbidden('只有中选的保安服务公司（自招保安单位为主办单位）可以上报名单');
      if (!SUBMIT_STATUSES[activity.securityMode].includes(activity.status)) {
        throw conflict(
          activity.securityMode === SecurityMode.SELF_RECRUITED
            ? '活动批示后、背景审核结束前才能上报名单'
            : '活动遴选保安服务公司后、背景审核结束前才能上报名单',
        );
      }
      // Guards put forward once the event is under way could be neither vetted nor trained before it (review 9-C F1).
      assertBeforeEventStart(activity, this.now(), '上报名单', actor);
      await assertSelectedCompanyActive(m, activity, '上报名单');
      const registerId = registerIdOf(actor)!;
      const guards = await this.loadRegisterGuards(m, registerId, input.guardIds, 'guardIds', true);
      const already: { guard_id: string }[] = await m.query(
        `SELECT guard_id FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE' AND guard_id = ANY($2::uuid[])`,
        [activity.id, input.guardIds],
      );
      if (already.length) {
        // The roster's state, not the input, is in the way (often a second click, or another request
        // that got there first): CONFLICT, naming each guard (SPEC §8).
        const onRoster = new Set(already.map((a) => a.guard_id));
        const problems = input.guardIds
          .map((id, i) => ({ id, i }))
          .filter(({ id }) => onRoster.has(id))
          .map(({ id, i }) => ({ field: `guardIds.${i}`, message: `${guards.find((g) => g.guardId === id)!.name}已在名单中` }));
        // Often another tab or a colleague got there first: say what the roster now is, in one short line.
        const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE'`, [
          activity.id,
        ]);
        const names = problems.map((p) => p.message.replace(/已在名单中$/, ''));
        const listed = `${names.slice(0, 5).join('、')}${names.length > 5 ? `等${names.length}人` : ''}`;
        const message =
          problems.length === input.guardIds.length
            ? `所选${names.length > 1 ? `${names.length}人` : '人员'}（${listed}）已全部在名单中（名单现有${n}人，可能已在其他窗口或由同事上报），请刷新页面查看`
            : `${listed}已在名单中（名单现有${n}人，可能已在其他窗口或由同事上报），请刷新页面后只补报其余人员`;
        throw new DomainError('CONFLICT', message, problems);
      }
      // A roster is the guards required and their reserves, not the register: a company that put its
      // whole register forward (by mistake or to have it vetted on the bureau's time) is refused, naming
      // the limit. Failed entries do not count: their replacements take their place.
      const [{ n: onRoster }]: { n: number }[] = await m.query(
        `SELECT count(*)::int AS n FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE' AND decision <> 'FAILED'`,
        [activity.id],
      );
      // (one rule with the roster page's, @evs/schema)
      const limit = rosterLimit(activity.guardsRequired);
      if (onRoster + input.guardIds.length > limit) {
        const message = `名单人数超过上限：本活动所需保安员${activity.guardsRequired}人，名单（不含审核不通过人员）最多${limit}人，现有${onRoster}人，本次上报${input.guardIds.length}人`;
        throw badInput(message, [{ field: 'guardIds', message }]);
      }
      const { entryIds, stats: check } = await this.insertChecked(
        m,
        activity,
        registerId,
        guards.map((g, i) => ({ ...g, post: input.posts?.[i]?.trim() || null })),
        { tolerateSourceFailure: true },
      );
      const first = activity.status !== ActivityStatus.VETTING;
      const sdUnits = await this.unitIds(m, UnitKind.SECURITY_DETACHMENT);
      if (first) {
        await this.lifecycle.transition(m, {
          activity,
          to: ActivityStatus.VETTING,
          actor,
          comment: `上报名单${entryIds.length}人`,
          notify: { unitIds: sdUnits, message: { title: '名单已上报，待背景审核', body: `${actor.unitName}上报“${activity.name}”保安员名单${entryIds.length}人，请进行背景审核。`, link: `/vetting?activity=${activity.id}` } },
        });
      } else {
        const [{ pending }]: { pending: number }[] = await m.query(
          `SELECT count(*)::int AS pending FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE' AND decision = 'PENDING'`,
          [activity.id],
        );
        // One unread notice per roster (red team 7, L1): a later addition updates it rather than adding another.
        await this.notifications.notify(m, sdUnits, {
          title: '名单追加，待背景审核',
          body: `${actor.unitName}为“${activity.name}”追加保安员${entryIds.length}人；该活动现有待审核${pending}人。`,
          mergedBody: `${actor.unitName}为“${activity.name}”再次追加保安员${entryIds.length}人（此前未读的追加通知已合并于此）；该活动现有待审核${pending}人。`,
          link: `/vetting?activity=${activity.id}`,
          activityId: activity.id,
          mergeKey: `roster-added:${activity.id}`,
        });
      }
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'RosterEntry',
        entityId: activity.id,
        // The summary is read beyond the detachment: hit counts go in the (tiered) payload only.
        summary: `“${activity.name}”${first ? '上报' : '追加'}名单${entryIds.length}人${check.sourceError ? '（记录比对服务不可用，待重新比对）' : ''}`,
        after: {
          activityId: activity.id, guardIds: input.guardIds, precheckFailed: check.precheckFailed, withHits: check.withHits, reused: check.reused,
          reusedToReview: check.reusedToReview, reuseBarred: check.reuseBarred,
        },
      });
      await this.tryClose(m, activity, actor);
      return { activity, entryIds, sourceError: check.sourceError };
    });
  }

  /** The submitter replaces a FAILED guard: the old entry leaves the roster, the new one is checked at once. */
  async replaceEntry(actor: Actor, entryId: string, guardId: string, post: string | null | undefined) {
    const problem = postProblem(post);
    if (problem) throw badInput(problem, [{ field: 'post', message: problem }]);
    return this.tx(async (m) => {
      const { activity, entry } = await this.lockEntryForSubmitter(m, actor, entryId);
      // A replacement is a guard added to the roster: closed with the other pre-event steps (review 9-C F1).
      assertBeforeEventStart(activity, this.now(), '替换人员', actor);
      if (entry.decision !== VettingDecision.FAILED) throw conflict('只能替换审核未通过的保安员；其他人员可直接移出名单');
      await assertSelectedCompanyActive(m, activity, '替换人员');
      const [guard] = await this.loadRegisterGuards(m, registerIdOf(actor)!, [guardId], 'guardId', true);
      const dup = await m.count(RosterEntryEntity, { where: { activityId: activity.id, guardId, state: RosterEntryState.ACTIVE } });
      if (dup) throw new DomainError('CONFLICT', `${guard.name}已在名单中`, [{ field: 'guardId', message: `${guard.name}已在名单中` }]);
      await m.update(RosterEntryEntity, { id: entry.id }, { state: RosterEntryState.REMOVED });
      const {
        entryIds: [id],
        stats: check,
      } = await this.insertChecked(m, activity, entry.companyId, [{ ...guard, post: post?.trim() || entry.post, replacesEntryId: entry.id }], {
        tolerateSourceFailure: true,
      });
      await this.notifications.notify(m, await this.unitIds(m, UnitKind.SECURITY_DETACHMENT), {
        title: '替换人员待审核',
        body: `${actor.unitName}为“${activity.name}”替换未通过人员，新增${guard.name}，请审核。`,
        link: `/vetting?activity=${activity.id}`,
        activityId: activity.id,
      });
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'RosterEntry',
        entityId: id,
        // By reference (the entry and the guard ids), never by name: the audit log outlives retention.
        summary: `“${activity.name}”替换未通过人员1人${check.sourceError ? '（记录比对服务不可用，待重新比对）' : ''}`,
        before: { entryId: entry.id, guardId: entry.guardId },
        after: { entryId: id, guardId },
      });
      await this.tryClose(m, activity, actor);
      return id;
    });
  }

  /** The submitter takes a guard off the roster (kept as REMOVED for the record). */
  async removeEntry(actor: Actor, entryId: string) {
    return this.tx(async (m) => {
      const { activity, entry } = await this.lockEntryForSubmitter(m, actor, entryId);
      await m.update(RosterEntryEntity, { id: entry.id }, { state: RosterEntryState.REMOVED });
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'RosterEntry',
        entityId: entry.id,
        summary: `“${activity.name}”移出名单1人`,
        before: { state: entry.state, decision: entry.decision, guardId: entry.guardId },
        after: { state: RosterEntryState.REMOVED },
      });
      await this.tryClose(m, activity, actor);
      return entry.id;
    });
  }

  // ───────────────────────────── checking ─────────────────────────────

  /**
   * Pre-checks and the records check of the guard and (by setting) every relative, for many people
   * at once: a fixed number of queries per call, whatever the roster's size. Computes the hits and a
   * suggestion; reuses a PASSED decision within the window (`ReuseResult`: what records that arrived since
   * do to it). Writes nothing: the caller stores the outcomes and then runs `applyReuseEffects`.
   */
  private async evaluate(
    m: EntityManager,
    activity: ActivityEntity,
    subjects: GuardFacts[],
    options: { tolerateSourceFailure: boolean; entryIds?: string[] },
  ): Promise<{ outcomes: CheckOutcome[]; hits: Hit[][]; stats: CheckStats }> {
    const settings = await this.settings.all(m);
    const checkRelatives = settings['vetting.checkRelatives'];
    const ctx = await this.precheckContext(m, activity, subjects.map((r) => r.idKey));
    const guardIds = subjects.map((r) => r.guardId);
    // The person as checked now: the identity a decision (or its reuse) will be bound to.
    const identities: { id: string; hash: string; statement: string | null }[] = await m.query(
      `SELECT id, guard_identity_hash(id) AS hash, relatives_statement AS statement FROM guards WHERE id = ANY($1::uuid[])`,
      [guardIds],
    );
    const identityById = new Map(identities.map((i) => [i.id, i]));
    const relatives: RelativeSubject[] = await m.query(
      `SELECT guard_id AS "guardId", relation, name_cipher AS "nameCipher", id_cipher AS "idCipher", id_hash AS "idHash"
         FROM guard_relatives WHERE guard_id = ANY($1::uuid[])`,
      [guardIds],
    );
    const relativesByGuard = groupBy(relatives, (r) => r.guardId);

    // Matched by keyed hash: the built-in register decrypts nothing; an external source gets the numbers in memory.
    let found: SourceRecord[] = [];
    let sourceError: string | null = null;
    try {
      found = await this.records.findFor(
        [
          ...subjects.map((r) => ({ hash: Buffer.from(r.idKey, 'hex'), cipher: r.idCipher })),
          ...(checkRelatives ? relatives.map((r) => ({ hash: r.idHash, cipher: r.idCipher })) : []),
        ],
        m,
      );
    } catch (err) {
      if (!(err instanceof RecordsSourceError) || !options.tolerateSourceFailure) throw err;
      sourceError = err.message;
    }
    const recordsByKey = groupBy(found, (r) => r.idKey);

    // The latest decision on the same person within the window: a PASSED one in another activity is
    // reused, only for the same identity (name, ID number, declared relatives) as decided then. A FAILED
    // one made since, in any activity (this one too, and on an entry since removed), stops the reuse: an
    // officer's 不通过 is not undone by taking the guard off the roster and putting them back (review 6 B-F1).
    // The window is counted back from the app's clock, which stamps the decisions (review 9-C F6).
    // `origin_checked_at`: when the facts the pass was made on were gathered (the entry decided by an
    // officer, not a reuse of it). A record stored since is one that officer never weighed; both times
    // are the app's clock (criminal_records.created_at, checked_at), so they compare on one clock.
    const windowDays = settings['vetting.reuseWindowDays'];
    const previous: {
      id_key: string; decision: VettingDecision; decided_at: Date; decided_by: string | null; origin: string; identity_hash: string | null; origin_checked_at: Date | null;
      origin_note: string | null; origin_relatives_checked: boolean | null; origin_record_ids: string[] | null;
    }[] =
      windowDays > 0 && !sourceError
        ? await m.query(
            `SELECT DISTINCT ON (g.id_hash) encode(g.id_hash, 'hex') AS id_key, re.decision, re.decided_at, re.decided_by,
                    coalesce(re.reused_from_entry_id, re.id) AS origin, re.identity_hash,
                    (SELECT o.checked_at FROM roster_entries o WHERE o.id = coalesce(re.reused_from_entry_id, re.id)) AS origin_checked_at,
                    (SELECT o.decision_note FROM roster_entries o WHERE o.id = coalesce(re.reused_from_entry_id, re.id)) AS origin_note,
                    (SELECT o.relatives_checked FROM roster_entries o WHERE o.id = coalesce(re.reused_from_entry_id, re.id)) AS origin_relatives_checked,
                    (SELECT array_agg(h.record_id::text) FROM vetting_hits h WHERE h.roster_entry_id = coalesce(re.reused_from_entry_id, re.id)
                        AND h.record_id IS NOT NULL) AS origin_record_ids
               FROM guards g JOIN roster_entries re ON re.guard_id = g.id
              WHERE g.id_hash = ANY($1::bytea[]) AND (re.decision = 'FAILED' OR (re.decision = 'PASSED' AND re.activity_id <> $2))
                AND re.decided_at > $4::timestamptz - make_interval(days => $3)
              ORDER BY g.id_hash, re.decided_at DESC, (re.decision = 'FAILED') DESC`,
            [subjects.map((r) => Buffer.from(r.idKey, 'hex')), activity.id, windowDays, this.now()],
          )
        : [];
    const previousByKey = new Map(previous.map((p) => [p.id_key, p]));
    // Every 不通过 of the same person kept on record (`priorFailureDays`; review 11-A F1): the latest, and
    // how many. It asks for the officer's review instead of a clean suggestion, and no pass is reused past
    // it, whether the pass came before or after it. The entries being checked again are not their own history.
    // The person follows the ID number checked, and the guard row whatever number it holds now (red-team F2).
    const people: CheckedPerson[] = subjects.map((r) => ({ key: r.guardId, idHash: Buffer.from(r.idKey, 'hex'), guardId: r.guardId }));
    const failureByGuard = await loadPriorFailures(m, people, priorFailureDays(settings), this.now(), options.entryIds);
    // The same guard row checked before under another ID number, and that check found something (red-team F2).
    const changedByGuard = await loadChangedIdNumbers(m, people, priorFailureDays(settings), this.now(), options.entryIds);
    // An earlier check of the person found a relative's record, and the relatives declared now are others (red-team G1).
    const relativesChangedByGuard = await loadRelativesChanged(
      m, people.map((p) => ({ ...p, identityHash: identityById.get(p.guardId)?.hash ?? null })), priorFailureDays(settings), this.now(), options.entryIds,
    );

    const stats: CheckStats = { precheckFailed: 0, withHits: 0, reused: 0, reusedToReview: 0, reuseBarred: 0, sourceError };
    const outcomes: CheckOutcome[] = [];
    const allHits: Hit[][] = [];
    for (const row of subjects) {
      const problems = precheckGuard(row, ctx);
      if (problems.length) stats.precheckFailed++;
      const identity = identityById.get(row.guardId);
      const own = relativesByGuard.get(row.guardId) ?? [];
      const declaration = checkRelatives ? relativesDeclaration(own.map((r) => r.relation), identity?.statement) : undefined;
      if (sourceError) {
        allHits.push([]);
        outcomes.push({
          problems, suggestion: null, suggestionCategory: null, reason: '记录比对服务不可用，待重新比对', decision: VettingDecision.PENDING,
          reasonCategory: null, note: null, decidedBy: null, decidedAt: null, reusedFrom: null, checked: false, relativesChecked: false, identityHash: identity?.hash ?? null, reuse: null,
        });
        continue;
      }
      const ownRecords = recordsByKey.get(row.idKey) ?? [];
      const hits: Hit[] = ownRecords.length
        ? ownRecords.map((record) => ({ relation: null, subjectKey: row.idKey, subjectNameCipher: encryptPii(row.name), subjectIdCipher: row.idCipher, record }))
        : [];
      if (checkRelatives) {
        for (const rel of own) {
          const key = rel.idHash.toString('hex');
          for (const record of recordsByKey.get(key) ?? []) {
            hits.push({ relation: rel.relation, subjectKey: key, subjectNameCipher: rel.nameCipher, subjectIdCipher: rel.idCipher, record });
          }
        }
      }
      if (hits.length) stats.withHits++;
      allHits.push(hits);
      const failure = failureByGuard.get(row.guardId);
      const priorFailure: PriorFailure | null = failure ? toPriorFailure(failure, { identityHash: identity?.hash, name: row.name }) : null;
      const changedIdNumber = changedByGuard.get(row.guardId) ?? null;
      const relativesChanged = relativesChangedByGuard.get(row.guardId) ?? null;
      const found = suggest(problems, hits, declaration, priorFailure, changedIdNumber, relativesChanged);
      // Nothing found while the relatives are not looked at: the reason says so, not "本人及直系亲属未比中" (red-team K1).
      const s = !checkRelatives && found.reason === CLEAR_SUGGESTION.reason ? { ...found, reason: CLEAR_WITHOUT_RELATIVES_REASON } : found;
      const prev = previousByKey.get(row.idKey);
      // Reuse only for the same identity, with relatives declared, no pre-check problem and no 不通过 in
      // the window; never on records that arrived since (see `ReuseResult`: what they do to the reused pass comes after).
      // A statement standing in for a parent is reused only on a pass an officer wrote his reasons for (red-team F1):
      // not on one made by 一键通过 or without a note before the statement was put before the officer. While relatives
      // are checked, a pass made on a check that did not look at them is not reused (red-team K1).
      const reusable =
        prev && prev.decision === VettingDecision.PASSED && !priorFailure && !changedIdNumber && !relativesChanged && problems.length === 0 && prev.identity_hash !== null &&
        prev.identity_hash === identity?.hash && (declaration?.declared ?? true) &&
        (!declaration?.statement || (!!prev.origin_note && prev.origin_note !== PASS_ALL_CLEAN_NOTE)) &&
        (!checkRelatives || prev.origin_relatives_checked !== false);
      const suggestionCategory = s.suggestion === VettingDecision.PASSED ? null : s.reasonCategory;
      if (reusable) {
        const passedOn = localDate(new Date(prev.decided_at));
        // Unknown arrival time (an external source) counts as new, as does a pass with no check time.
        const weighedUntil = prev.origin_checked_at ? new Date(prev.origin_checked_at).getTime() : -Infinity;
        // A record of the register the check behind the pass did not find is one that officer never weighed either,
        // whenever it was stored (red-team K1: found now, not then).
        const weighed = new Set(prev.origin_record_ids ?? []);
        const arrivedSince = hits.some((h) => !h.record.createdAt || h.record.createdAt.getTime() > weighedUntil || (!!h.record.recordId && !weighed.has(h.record.recordId)));
        if (ownRecords.length && barredByArticle17(ownRecords)) {
          // A pass cannot stand on records that bar the guard (decide refuses one), whenever they arrived: not reused.
          stats.reuseBarred++;
          outcomes.push({
            problems, suggestion: s.suggestion, suggestionCategory, reason: s.reason, decision: VettingDecision.FAILED, reasonCategory: VettingReasonCategory.OWN_RECORD,
            note: `本人记录属条例第十七条规定的情形：不沿用${passedOn}的审核通过结论，系统判定不通过，不得上岗`,
            decidedBy: null, decidedAt: this.now(), reusedFrom: null, checked: true, relativesChecked: checkRelatives, identityHash: identity?.hash ?? null, reuse: 'BARRED',
          });
        } else {
          stats.reused++;
          if (arrivedSince) stats.reusedToReview++;
          outcomes.push({
            problems, suggestion: s.suggestion, suggestionCategory, reason: s.reason, decision: VettingDecision.PASSED, reasonCategory: VettingReasonCategory.CLEAR,
            // The note is the detachment's alone (the company reads the decision and its category only).
            note: `沿用${passedOn}的审核通过结论（复用期${windowDays}天内，身份信息未变）${arrivedSince ? '；此后有新导入的本人或直系亲属记录（未达条例第十七条情形），已通知复核' : ''}`,
            decidedBy: prev.decided_by, decidedAt: new Date(prev.decided_at), reusedFrom: prev.origin, checked: true, relativesChecked: checkRelatives, identityHash: identity?.hash ?? null,
            reuse: arrivedSince ? 'TO_REVIEW' : 'KEPT',
          });
        }
      } else {
        // Undecided: the suggestion's category stays with the detachment (no oracle for anyone else).
        outcomes.push({
          problems, suggestion: s.suggestion, suggestionCategory, reason: s.reason, decision: VettingDecision.PENDING,
          reasonCategory: null, note: null, decidedBy: null, decidedAt: null, reusedFrom: null, checked: true, relativesChecked: checkRelatives, identityHash: identity?.hash ?? null, reuse: null,
        });
      }
    }
    return { outcomes, hits: allHits, stats };
  }

  /** Inserts new, already evaluated entries in one statement (no second write), then their hits. */
  private async insertChecked(
    m: EntityManager,
    activity: ActivityEntity,
    companyId: string,
    subjects: (GuardFacts & { post: string | null; replacesEntryId?: string | null })[],
    options: { tolerateSourceFailure: boolean },
  ): Promise<{ entryIds: string[]; stats: CheckStats }> {
    // checked_at is the app's clock, as the decisions are (code review 11 C9; a reused pass is shown at it,
    // decision-time.ts), taken before the facts are read: it is compared with criminal_records.created_at
    // (the app's clock too, records.service) to tell records that arrived since the check (recordsSinceCheckSql,
    // reuse), and with the decided_at of a 不通过 made since (failureSinceCheckSql).
    const checkedAt = this.now();
    const { outcomes, hits, stats } = await this.evaluate(m, activity, subjects, options);
    const o = outcomes;
    const rows: { id: string; guard_id: string }[] = await m.query(
      `INSERT INTO roster_entries (activity_id, company_id, guard_id, post, replaces_entry_id, precheck_problems, suggestion, suggestion_reason,
                                   decision, reason_category, decision_note, decided_by, decided_at, reused_from_entry_id, checked_at,
                                   suggestion_category, identity_hash, checked_id_hash, relatives_checked)
       SELECT $1, $2, v.guard_id, v.post, v.replaces, v.problems, v.suggestion, v.reason, v.decision, v.reason_category, v.note,
              v.decided_by, v.decided_at, v.reused_from, CASE WHEN v.checked THEN $18::timestamptz END, v.suggestion_category, v.identity_hash,
              v.checked_id_hash, CASE WHEN v.checked THEN v.relatives_checked END
         FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::jsonb[], $7::vetting_decision[], $8::text[], $9::vetting_decision[],
                     $10::vetting_reason_category[], $11::text[], $12::uuid[], $13::timestamptz[], $14::uuid[], $15::boolean[],
                     $16::vetting_reason_category[], $17::text[], $19::bytea[], $20::boolean[])
           AS v(guard_id, post, replaces, problems, suggestion, reason, decision, reason_category, note, decided_by, decided_at, reused_from, checked,
                suggestion_category, identity_hash, checked_id_hash, relatives_checked)
       RETURNING id, guard_id`,
      [
        activity.id, companyId, subjects.map((s) => s.guardId), subjects.map((s) => s.post), subjects.map((s) => s.replacesEntryId ?? null),
        o.map((u) => JSON.stringify(u.problems)), o.map((u) => u.suggestion), o.map((u) => u.reason), o.map((u) => u.decision),
        o.map((u) => u.reasonCategory), o.map((u) => u.note), o.map((u) => u.decidedBy), o.map((u) => u.decidedAt), o.map((u) => u.reusedFrom),
        o.map((u) => u.checked), o.map((u) => u.suggestionCategory), o.map((u) => u.identityHash), checkedAt, subjects.map(checkedIdHashOf),
        o.map((u) => u.relativesChecked),
      ],
    );
    const idByGuard = new Map(rows.map((r) => [r.guard_id, r.id]));
    const entryIds = subjects.map((s) => idByGuard.get(s.guardId)!);
    await this.insertHits(m, entryIds, hits);
    await this.applyReuseEffects(m, activity, subjects.map((s, i) => ({ entryId: entryIds[i], companyId, guardId: s.guardId, guardName: s.name, reuse: o[i].reuse })));
    return { entryIds, stats };
  }

  /** Re-evaluates existing entries (recheck, settings changed) and rewrites their results and hits. */
  async checkEntries(m: EntityManager, activity: ActivityEntity, entryIds: string[], options: { tolerateSourceFailure: boolean }): Promise<CheckStats> {
    if (entryIds.length === 0) return { precheckFailed: 0, withHits: 0, reused: 0, reusedToReview: 0, reuseBarred: 0, sourceError: null };
    const rows: (GuardFacts & { entryId: string; companyId: string })[] = (
      await m.query(
        `SELECT re.id AS "entryId", re.company_id AS "companyId", ${guardFactsColumns('g')}
           FROM roster_entries re JOIN guards g ON g.id = re.guard_id
          WHERE re.id = ANY($1::uuid[])`,
        [entryIds],
      )
    ).map(toGuardFacts);
    const checkedAt = this.now(); // as insertChecked stamps it
    const { outcomes: o, hits, stats } = await this.evaluate(m, activity, rows, { ...options, entryIds: rows.map((r) => r.entryId) });
    await m.query(`DELETE FROM vetting_hits WHERE roster_entry_id = ANY($1::uuid[])`, [rows.map((r) => r.entryId)]);
    await this.insertHits(m, rows.map((r) => r.entryId), hits);
    await m.query(
      `UPDATE roster_entries r SET precheck_problems = v.problems, suggestion = v.suggestion, suggestion_reason = v.reason,
              decision = v.decision, reason_category = v.reason_category, decision_note = v.note, decided_by = v.decided_by,
              decided_at = v.decided_at, reused_from_entry_id = v.reused_from, checked_at = CASE WHEN v.checked THEN $14::timestamptz END,
              suggestion_category = v.suggestion_category, identity_hash = v.identity_hash, checked_id_hash = v.checked_id_hash,
              relatives_checked = CASE WHEN v.checked THEN v.relatives_checked END
         FROM unnest($1::uuid[], $2::jsonb[], $3::vetting_decision[], $4::text[], $5::vetting_decision[], $6::vetting_reason_category[],
                     $7::text[], $8::uuid[], $9::timestamptz[], $10::uuid[], $11::boolean[], $12::vetting_reason_category[], $13::text[], $15::bytea[],
                     $16::boolean[])
           AS v(id, problems, suggestion, reason, decision, reason_category, note, decided_by, decided_at, reused_from, checked, suggestion_category, identity_hash,
                checked_id_hash, relatives_checked)
        WHERE r.id = v.id`,
      [
        rows.map((r) => r.entryId), o.map((u) => JSON.stringify(u.problems)), o.map((u) => u.suggestion), o.map((u) => u.reason),
        o.map((u) => u.decision), o.map((u) => u.reasonCategory), o.map((u) => u.note), o.map((u) => u.decidedBy), o.map((u) => u.decidedAt),
        o.map((u) => u.reusedFrom), o.map((u) => u.checked), o.map((u) => u.suggestionCategory), o.map((u) => u.identityHash), checkedAt,
        rows.map(checkedIdHashOf), o.map((u) => u.relativesChecked),
      ],
    );
    await this.applyReuseEffects(m, activity, rows.map((r, i) => ({ entryId: r.entryId, companyId: r.companyId, guardId: r.guardId, guardName: r.name, reuse: o[i].reuse })));
    return stats;
  }

  /**
   * What stored outcomes of reuse (`ReuseResult`) do beyond the entry, as a record reaching a cleared
   * guard on a roster does (open-roster-effects.ts): a BARRED one is the system's 不通过, audited as the
   * system's (the company that submitted did not decide it), told to the company with its category
   * only, and to the person's other open rosters as any 不通过 (`applyFailureToOpenRosters`); TO_REVIEW
   * ones are counted to 保安管理支队 in the same notice as there. KEPT needs nothing.
   */
  private async applyReuseEffects(
    m: EntityManager,
    activity: ActivityEntity,
    entries: { entryId: string; companyId: string; guardId: string; guardName: string; reuse: ReuseResult | null }[],
  ): Promise<void> {
    for (const e of entries.filter((x) => x.reuse === 'BARRED')) {
      await this.audit.record(m, SYSTEM, {
        action: AuditAction.UPDATE,
        entityType: 'RosterEntry',
        entityId: e.entryId,
        // The person by reference (entry, guard id): the name stays out of the append-only log.
        summary: `“${activity.name}”名单中1人本人记录属条例第十七条情形，不沿用此前的审核通过结论，系统判定不通过`,
        after: { id: e.entryId, guardId: e.guardId, decision: VettingDecision.FAILED, reasonCategory: VettingReasonCategory.OWN_RECORD },
      });
      // What any 不通过 tells the company (decide): the decision and its category, no record, no relative.
      await this.notifications.notify(m, [e.companyId], {
        title: '有保安员审核未通过',
        body: `“${activity.name}”名单中的${e.guardName}审核未通过（${vettingReasonCategoryLabels[VettingReasonCategory.OWN_RECORD]}），不得上岗，请替换或移出名单。`,
        link: `/roster?activity=${activity.id}`,
        activityId: activity.id,
      });
    }
    await askDetachmentToReview(m, this.notifications, activity, entries.filter((x) => x.reuse === 'TO_REVIEW').length);
    // The system's 不通过 reaches the person's other open rosters as an officer's does (code review 11 C1).
    await applyFailureToOpenRosters(m, this.failureDeps(), entries.filter((x) => x.reuse === 'BARRED').map((x) => x.entryId));
  }

  private async insertHits(m: EntityManager, entryIds: string[], hits: Hit[][]): Promise<void> {
    const flat = hits.flatMap((hs, i) => hs.map((h) => ({ entryId: entryIds[i], h })));
    if (!flat.length) return;
    // Who and the record's name stay encrypted (copied as stored); the jsonb keeps what the record says, no identity.
    await m.query(
      `INSERT INTO vetting_hits (roster_entry_id, relation, subject_name_cipher, subject_id_cipher, record_name_cipher, record_id, record)
       SELECT * FROM unnest($1::uuid[], $2::relative_relation[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::jsonb[])`,
      [
        flat.map((x) => x.entryId), flat.map((x) => x.h.relation), flat.map((x) => x.h.subjectNameCipher), flat.map((x) => x.h.subjectIdCipher),
        flat.map((x) => x.h.record.nameCipher), flat.map((x) => x.h.record.recordId ?? null),
        flat.map(({ h: { record: r } }) =>
          JSON.stringify({ category: r.category, occurredOn: r.occurredOn, source: r.source, severity: r.severity ?? null, recordId: r.recordId ?? null, createdAt: r.createdAt ?? null }),
        ),
      ],
    );
  }

  /**
   * 保安管理支队 re-runs the records check of entries not yet decided (e.g. after the source was down): in
   * vetting, and after vetting closed until the event's start (`decidableAgain`) for entries put back to
   * undecided there (a revocation entered in error). Entries FAILED on a pre-check first get their pre-check
   * from the facts in force (red-team 6 M2: 重新比对 skipped them, and the stored pre-check named a cancelled
   * revocation); those a revocation turned FAILED, with no decision since, that no revocation in force bars
   * any more go back to PENDING (`restoreRevocationWithdrawals`) and are checked with the others. An
   * officer's 不通过 stays.
   */
  async recheck(actor: Actor, activityId: string) {
    return this.tx(async (m) => {
      const activity = await lockActivity(m, activityId);
      if (!decidableAgain(activity, this.now())) throw conflict('活动不在背景审核阶段');
      const failed: (GuardFacts & { entryId: string; companyId: string; byRevocation: boolean; stored: PrecheckProblem[] })[] = (
        await m.query(
          `SELECT re.id AS "entryId", re.company_id AS "companyId", ${withdrawnByRevocationSql('re')} AS "byRevocation", re.precheck_problems AS stored,
                  ${guardFactsColumns('g')}
             FROM roster_entries re JOIN guards g ON g.id = re.guard_id
            WHERE re.activity_id = $1 AND re.state = 'ACTIVE' AND re.decision = 'FAILED' AND re.reason_category = 'PRE_CHECK'
            ORDER BY re.id FOR UPDATE OF re`,
          [activity.id],
        )
      ).map(toGuardFacts);
      const restored: string[] = [];
      if (failed.length) {
        const ctx = await this.precheckContext(m, activity, failed.map((f) => f.idKey));
        const restore: Parameters<typeof restoreRevocationWithdrawals>[4] = [];
        for (const f of failed) {
          const problems = precheckGuard(f, ctx);
          if (f.byRevocation && !problems.some((p) => p.code === 'REVOKED')) {
            restore.push({ id: f.entryId, company_id: f.companyId, guard_id: f.guardId, guard_name: f.name, problems });
          } else if (JSON.stringify(problems) !== JSON.stringify(f.stored ?? [])) {
            await m.query(`UPDATE roster_entries SET precheck_problems = $2::jsonb WHERE id = $1`, [f.entryId, JSON.stringify(problems)]);
          }
        }
        await restoreRevocationWithdrawals(m, actor, this.failureDeps(), activity, restore, '的保安员证吊销已不构成条例第十七条情形（吊销记录已撤销或更正）');
        restored.push(...restore.map((r) => r.id));
      }
      const pending: { id: string }[] = await m.query(
        `SELECT id FROM roster_entries WHERE activity_id = $1 AND state = 'ACTIVE' AND decision = 'PENDING'`,
        [activity.id],
      );
      const result = await this.checkEntries(m, activity, pending.map((p) => p.id), { tolerateSourceFailure: false });
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'RosterEntry',
        entityId: activity.id,
        summary: `“${activity.name}”重新比对${pending.length}人${restored.length ? `（其中${restored.length}人吊销时改为不通过的结论已恢复为待审核）` : ''}`,
        after: {
          entryIds: pending.map((p) => p.id), restoredEntryIds: restored, withHits: result.withHits, reused: result.reused,
          reusedToReview: result.reusedToReview, reuseBarred: result.reuseBarred,
        },
      });
      await this.tryClose(m, activity, actor);
      // After vetting closed, a pass reused by the check puts a trained guard back on duty.
      if (activity.status !== ActivityStatus.VETTING && this.openRosterEffects) await this.openRosterEffects.syncReadiness(m, activity, actor);
      return pending.length;
    });
  }

  /**
   * Per entry, the pre-check as the facts in force say it (red-team 6 M2): the stored problems, with the
   * revocation problem from the person's revocations in force on the activity's first day instead of the
   * stored text (a revocation cancelled or corrected since no longer bars).
   */
  private async precheckInForce(m: EntityManager, activity: ActivityEntity, entries: RosterEntryEntity[]): Promise<Map<string, PrecheckProblem[]>> {
    const rows: { id: string; d: string; c: string | null }[] = await m.query(
      `SELECT re.id, to_char(cr.revoked_on, 'YYYY-MM-DD') AS d, cr.certificate_no AS c
         FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN certificate_revocations cr ON cr.id_hash = g.id_hash
        WHERE re.id = ANY($1::uuid[]) AND ${revocationInForceSql('cr')}`,
      [entries.map((e) => e.id)],
    );
    const byEntry = groupBy(rows, (r) => r.id);
    const day = localDate(activity.startsAt);
    return new Map(
      entries.map((e) => {
        const revoked: RevocationFact[] = (byEntry.get(e.id) ?? []).map((r) => ({ revokedOn: r.d, certificateNo: r.c }));
        const bar = revocationPrecheck(revoked, day);
        return [e.id, [...(e.precheckProblems ?? []).filter((p) => p.code !== 'REVOKED'), ...(bar ? [bar] : [])]];
      }),
    );
  }

  // ───────────────────────────── decisions ─────────────────────────────

  /**
   * 保安管理支队 decides one or many entries of one activity (PASSED / FAILED, reason category, note).
   * With `expectedVersions` (one per entry, as read), a decision made on a stale copy is a CONFLICT.
   * Without them, repeating a decision already made is a no-op (a double click writes nothing twice),
   * and changing one already made is a CONFLICT.
   * After the close (`WITHDRAWAL_STATUSES`) only PASSED → FAILED, with the effects of `withdrawPass`.
   */
  async decide(
    actor: Actor,
    input: { entryIds: string[]; decision: VettingDecision; reasonCategory?: VettingReasonCategory | null; note?: string | null; expectedVersions?: number[] | null },
  ) {
    const note = input.note?.trim() || null;
    const problems: FieldProblem[] = [];
    if (input.entryIds.length === 0) problems.push({ field: 'entryIds', message: '请选择要审核的人员' });
    if (new Set(input.entryIds).size !== input.entryIds.length) problems.push({ field: 'entryIds', message: '所选人员有重复' });
    if (input.expectedVersions && input.expectedVersions.length !== input.entryIds.length) {
      problems.push({ field: 'expectedVersions', message: '版本号数量应与所选人员一致' });
    }
    if (input.decision === VettingDecision.PENDING) problems.push({ field: 'decision', message: '审核结论应为通过或不通过' });
    if (input.decision === VettingDecision.FAILED) {
      if (!input.reasonCategory || input.reasonCategory === VettingReasonCategory.CLEAR) {
        problems.push({ field: 'reasonCategory', message: '不通过时请选择原因类别' });
      }
      if (!note) problems.push({ field: 'note', message: '不通过时请填写审核意见' });
    }
    if (input.decision === VettingDecision.PASSED && input.reasonCategory && input.reasonCategory !== VettingReasonCategory.CLEAR) {
      problems.push({ field: 'reasonCategory', message: '审核通过时原因类别应为“无异常”' });
    }
    assertNoProblems(problems, '审核结论有误');
    const reasonCategory = input.decision === VettingDecision.PASSED ? VettingReasonCategory.CLEAR : input.reasonCategory!;

    return this.tx(async (m) => {
      const entries = await m.getRepository(RosterEntryEntity).find({ where: { id: In(input.entryIds) }, lock: { mode: 'pessimistic_write' } });
      if (entries.length !== input.entryIds.length) throw notFound('名单人员');
      const activityIds = [...new Set(entries.map((e) => e.activityId))];
      if (activityIds.length !== 1) throw badInput('一次只能审核同一活动的人员', [{ field: 'entryIds', message: '人员不属于同一活动' }]);
      const activity = await lockActivity(m, activityIds[0]);
      const afterClose = WITHDRAWAL_STATUSES.includes(activity.status);
      // Entries put back to undecided after vetting closed (a revocation entered in error, red-team 6 M2) are
      // decided as in vetting until the event's start: the guard was cleared before training, and the 不通过
      // was the erroneous revocation's.
      const undecidedAfterClose = afterClose && decidableAgain(activity, this.now()) && entries.every((e) => e.decision === VettingDecision.PENDING);
      const withdrawing = afterClose && !undecidedAfterClose;
      if (activity.status !== ActivityStatus.VETTING && !afterClose) throw conflict('活动不在背景审核阶段，不能作出审核结论');
      // No pass once vetting has closed: a guard is cleared before training, never after it.
      if (withdrawing && input.decision !== VettingDecision.FAILED) {
        throw conflict('背景审核已结束，不能再作出审核通过结论；复核后不宜上岗的，可将审核通过改为不通过（撤销通过）');
      }
      // One guard at a time: each withdrawal answers its own review (a leftover selection must not take many off duty at once).
      if (withdrawing && input.entryIds.length > 1) {
        const message = '背景审核结束后，每次只能撤销一名人员的审核通过结论';
        throw badInput(message, [{ field: 'entryIds', message }]);
      }
      const names = await this.guardNames(m, entries.map((e) => e.guardId));
      const position = new Map(input.entryIds.map((id, i) => [id, i]));
      const fieldOf = (e: RosterEntryEntity) => `entryIds.${position.get(e.id)}`;

      // Stale copies and repeats: nothing is written twice.
      if (input.expectedVersions) {
        const stale = entries.filter((e) => e.version !== input.expectedVersions![position.get(e.id)!]);
        if (stale.length) {
          throw new DomainError(
            'CONFLICT',
            `${stale.map((e) => names.get(e.guardId)).join('、')}的审核情况已有更新（他人已作出结论或已重新比对），请刷新后再审核`,
            stale.map((e) => ({ field: fieldOf(e), message: `${names.get(e.guardId) ?? ''}的审核情况已有更新，请刷新` })),
          );
        }
      } else {
        const decided = entries.filter((e) => e.decision !== VettingDecision.PENDING);
        const same = (e: RosterEntryEntity) => e.decision === input.decision && e.reasonCategory === reasonCategory && (e.decisionNote ?? null) === note;
        if (decided.length === entries.length && decided.every(same)) {
          return { activity, closed: false, changed: 0 };
        }
        const changing = decided.filter((e) => !same(e));
        if (changing.length) {
          throw new DomainError(
            'CONFLICT',
            `${changing.map((e) => names.get(e.guardId)).join('、')}已有审核结论；修改结论请刷新后在最新情况上操作`,
            changing.map((e) => ({ field: fieldOf(e), message: `${names.get(e.guardId) ?? ''}已有审核结论` })),
          );
        }
      }

      const hits: { roster_entry_id: string; relation: string | null; category: string }[] = await m.query(
        `SELECT roster_entry_id, relation, record->>'category' AS category FROM vetting_hits WHERE roster_entry_id = ANY($1::uuid[])`,
        [input.entryIds],
      );
      const settings = await this.settings.all(m);
      const failureDays = priorFailureDays(settings);
      const current: { id: string; hash: string; newer: boolean; failed_since: boolean; failed_before: boolean; relatives_changed: boolean }[] = await m.query(
        `SELECT re.id, guard_identity_hash(re.guard_id) AS hash, ${recordsSinceCheckSql('re')} AS newer, ${failureSinceCheckSql('re')} AS failed_since,
                ${priorFailureSql('re', '$2', '$3')} AS failed_before, ${relativesChangedSql('re', '$2', '$3')} AS relatives_changed
           FROM roster_entries re WHERE re.id = ANY($1::uuid[])`,
        [input.entryIds, this.now(), failureDays],
      );
      const currentHash = new Map(current.map((c) => [c.id, c.hash]));
      const recordsSinceCheck = new Set(current.filter((c) => c.newer).map((c) => c.id));
      const failedSinceCheck = new Set(current.filter((c) => c.failed_since).map((c) => c.id));
      // What the suggestion asked the officer to review (a 不通过 of the person on record; the same guard row
      // checked before under another ID number, and that check found something): a pass over it says why.
      const failedBefore = new Set(current.filter((c) => c.failed_before).map((c) => c.id));
      const relativesChanged = new Set(current.filter((c) => c.relatives_changed).map((c) => c.id));
      const changedIdNumber = input.decision === VettingDecision.PASSED && !withdrawing
        ? await loadChangedIdNumbers(m, entries.filter((e) => e.checkedIdHash).map((e) => ({ key: e.id, idHash: e.checkedIdHash!, guardId: e.guardId })), failureDays, this.now(), input.entryIds)
        : new Map<string, ChangedIdNumber>();
      // A withdrawal answers a review that is often of a record imported after the pass: not among the
      // hits, and no longer to be checked again (recheck re-runs undecided entries, in vetting only). Its
      // category follows what the register holds now as well as what the check found.
      const registerFacts = withdrawing ? await this.registerFacts(m, input.entryIds) : new Map<string, { own: boolean; relative: boolean }>();
      const declarations = settings['vetting.checkRelatives'] ? await this.declarations(m, entries.map((e) => e.guardId)) : null;
      // The pre-check as the facts in force say it, not the stored text (a revocation cancelled since no longer bars).
      const precheckNow = await this.precheckInForce(m, activity, entries);
      const refused: FieldProblem[] = [];
      const hitsByEntry = groupBy(hits, (h) => h.roster_entry_id);
      entries.forEach((e) => {
        const field = fieldOf(e);
        const who = names.get(e.guardId) ?? '';
        if (e.state !== RosterEntryState.ACTIVE) return refused.push({ field, message: `${who}已移出名单` });
        if (withdrawing) {
          // Only a pass is withdrawn; a 不通过 stands. The checks below of what was checked do not apply: the
          // identity of a guard on an open roster is locked, and taking a guard off duty is the safe way.
          if (e.decision !== VettingDecision.PASSED) {
            return refused.push({ field, message: `${who}${e.decision === VettingDecision.FAILED ? '已审核不通过' : '尚无审核结论'}，背景审核结束后只能撤销审核通过（改为不通过）` });
          }
        } else {
          if (!e.checkedAt) return refused.push({ field, message: `${who}尚未完成记录比对，请先重新比对` });
          if (e.identityHash !== currentHash.get(e.id)) return refused.push({ field, message: `${who}的身份信息（姓名、身份证号或直系亲属）在比对后有变化，请先重新比对` });
          if (recordsSinceCheck.has(e.id)) return refused.push({ field, message: `${who}或其直系亲属在比对后有新导入的记录，请先重新比对` });
          // Checked while 审查直系亲属 was off, passed now that it is on: the relatives were never looked at (red-team K1).
          if (input.decision === VettingDecision.PASSED && settings['vetting.checkRelatives'] && e.relativesChecked === false) {
            return refused.push({ field, message: `${who}比对时未审查直系亲属（当时“审查直系亲属”设置关闭），请先重新比对后再审核` });
          }
          // A 不通过 of the same person made since this entry's check (another roster, often): the stored suggestion
          // was restated when it was made (applyFailureToOpenRosters), but a pass waits for a check that saw it, so that
          // no stale copy of the row, nor a 批量通过 of rows ticked before, passes the person (code review 11 C1; 一键通过
          // skips it as well).
          if (input.decision === VettingDecision.PASSED && failedSinceCheck.has(e.id)) {
            return refused.push({ field, message: `${who}在比对后另有审核不通过结论（其他名单），请先重新比对后再审核` });
          }
        }
        const mine = hitsByEntry.get(e.id) ?? [];
        const own = mine.filter((h) => h.relation === null);
        const inRegister = registerFacts.get(e.id);
        if (input.decision === VettingDecision.FAILED) {
          // The category says why, from the facts found: charts and the company's notice depend on it.
          if (reasonCategory === VettingReasonCategory.OWN_RECORD && !own.length && !inRegister?.own) refused.push({ field, message: `${who}本人未比中记录，原因类别不能为“本人有记录”` });
          // (relatives in the register count only while vetting looks at relatives: setting vetting.checkRelatives)
          if (reasonCategory === VettingReasonCategory.RELATIVE_RECORD && !mine.some((h) => h.relation !== null) && !(inRegister?.relative && settings['vetting.checkRelatives'])) {
            refused.push({ field, message: `${who}的直系亲属未比中记录，原因类别不能为“直系亲属有记录”` });
          }
          if (reasonCategory === VettingReasonCategory.PRE_CHECK && !precheckNow.get(e.id)!.length) refused.push({ field, message: `${who}资格预审无问题，原因类别不能为“资格预审不符”` });
          return;
        }
        const problemsNow = precheckNow.get(e.id)!;
        if (problemsNow.length) refused.push({ field, message: `${who}资格预审不符（${problemsNow.map((p) => p.message).join('；')}），不能通过` });
        if (own.length && barredByArticle17(own as never)) refused.push({ field, message: `${who}本人有条例第十七条规定的情形，不能通过` });
        else if (!note && mine.length) refused.push({ field, message: `${who}比中记录，通过时请填写审核意见` });
        else if (!note && declarations && !declarations.get(e.guardId)?.declared) refused.push({ field, message: `${who}的直系亲属未申报完整，通过时请填写审核意见` });
        else if (!note && declarations?.get(e.guardId)?.statement) {
          // A statement stands in for a parent nobody checked (red-team F1): the officer says why it is enough.
          refused.push({ field: 'note', message: `${who}${statementClause(declarations.get(e.guardId)!)}，通过时请填写审核意见` });
        } else if (!note && !withdrawing && failedBefore.has(e.id)) {
          refused.push({ field: 'note', message: `${who}此前审核不通过（仍在保存期内），通过时请填写审核意见` });
        } else if (!note && changedIdNumber.has(e.id)) {
          refused.push({ field: 'note', message: `${who}的${changedIdNumberClause(changedIdNumber.get(e.id)!)}，通过时请填写审核意见` });
        } else if (!note && !withdrawing && relativesChanged.has(e.id)) {
          refused.push({ field: 'note', message: `${who}此前比对发现直系亲属有记录，此后申报的直系亲属或姓名已更改，通过时请填写审核意见` });
        }
      });
      assertNoProblems(refused, '不能作出该审核结论');

      if (withdrawing) {
        // Exactly what a pass withdrawn for a hard rule does (one path): FAILED, audited, the company told
        // (the category, as for any 不通过), vetting reopened when too few are cleared, readiness re-synced.
        const deps = this.withdrawalDeps();
        for (const e of entries) {
          await withdrawPass(m, actor, deps, activity, { id: e.id, company_id: e.companyId, guard_id: e.guardId, guard_name: names.get(e.guardId) ?? '' }, {
            reasonCategory,
            note: note!,
            why: `经保安管理支队复核（${vettingReasonCategoryLabels[reasonCategory]}）`,
            title: '审核结论已改为不通过',
          });
        }
        return { activity, closed: false, changed: entries.length };
      }

      // The app's clock, as every domain date (review 9-C F6).
      const now = this.now();
      await m.update(
        RosterEntryEntity,
        { id: In(input.entryIds) },
        { decision: input.decision, reasonCategory, decisionNote: note, decidedBy: actor.id, decidedAt: now, reusedFromEntryId: null },
      );
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'RosterEntry',
        entityId: entries.length === 1 ? entries[0].id : activity.id,
        // A count and the category, no names: who is in the payload by id (entries and their guards).
        summary: `“${activity.name}”审核${vettingDecisionLabels[input.decision]}${entries.length}人（${vettingReasonCategoryLabels[reasonCategory]}）`,
        before: entries.map((e) => ({ id: e.id, guardId: e.guardId, decision: e.decision, reasonCategory: e.reasonCategory, version: e.version })),
        after: { entryIds: input.entryIds, guardIds: entries.map((e) => e.guardId), decision: input.decision, reasonCategory, note: noteWritten(note) },
      });
      if (input.decision === VettingDecision.FAILED) {
        const byCompany = new Map<string, number>();
        for (const e of entries) byCompany.set(e.companyId, (byCompany.get(e.companyId) ?? 0) + 1);
        for (const [companyId, n] of byCompany) {
          await this.notifications.notify(m, [companyId], {
            title: '有保安员审核未通过',
            body: `“${activity.name}”有${n}名保安员审核未通过（${vettingReasonCategoryLabels[reasonCategory]}），请替换或移出名单。`,
            link: `/roster?activity=${activity.id}`,
            activityId: activity.id,
          });
        }
        // The person's other open rosters learn of it now, not at their next check (code review 11 C1).
        await applyFailureToOpenRosters(m, this.failureDeps(), input.entryIds);
      }
      const closed = await this.tryClose(m, activity, actor);
      // A pass after vetting closed (an entry put back to undecided) puts a trained guard back on duty.
      if (undecidedAfterClose && this.openRosterEffects) await this.openRosterEffects.syncReadiness(m, activity, actor);
      return { activity, closed, changed: entries.length };
    });
  }

  /** Per entry: whether the built-in register now holds a record of the guard, or of a declared relative. */
  private async registerFacts(m: EntityManager, entryIds: string[]): Promise<Map<string, { own: boolean; relative: boolean }>> {
    const rows: { id: string; own: boolean; relative: boolean }[] = await m.query(
      `SELECT re.id,
              EXISTS (SELECT 1 FROM criminal_records cr JOIN guards g ON g.id = re.guard_id WHERE cr.id_hash = g.id_hash) AS own,
              EXISTS (SELECT 1 FROM criminal_records cr JOIN guard_relatives gr ON gr.id_hash = cr.id_hash WHERE gr.guard_id = re.guard_id) AS relative
         FROM roster_entries re WHERE re.id = ANY($1::uuid[])`,
      [entryIds],
    );
    return new Map(rows.map((r) => [r.id, { own: r.own, relative: r.relative }]));
  }

  /** What a 不通过 does to the person's other open rosters needs (open-roster-effects `applyFailureToOpenRosters`). */
  private failureDeps(): FailureEffectsDeps {
    return { audit: this.audit, notifications: this.notifications, clock: this.clock };
  }

  private withdrawalDeps(): OpenRosterEffectsDeps {
    if (!this.openRosterEffects) throw new Error('VettingService built without openRosterEffects: a pass cannot be withdrawn after vetting closed');
    return this.openRosterEffects;
  }

  /** Whether each guard's relatives are declared (both parents, or a statement why not). */
  private async declarations(m: EntityManager, guardIds: string[]) {
    const rows: { id: string; statement: string | null; relations: RelativeRelation[] | null }[] = await m.query(
      `SELECT g.id, g.relatives_statement AS statement, array_agg(r.relation::text) FILTER (WHERE r.id IS NOT NULL) AS relations
         FROM guards g LEFT JOIN guard_relatives r ON r.guard_id = g.id WHERE g.id = ANY($1::uuid[]) GROUP BY g.id`,
      [guardIds],
    );
    return new Map(rows.map((r) => [r.id, relativesDeclaration(r.relations ?? [], r.statement)]));
  }

  /** Who 一键通过 would pass now (`passableSql`), for the officer's confirmation: the ids and versions it sends back. */
  async passableEntries(actor: Actor, activityId: string): Promise<{ id: string; version: number; guardName: string }[]> {
    // (Inside the caller's transaction when bound, `within`: the demo seed lists what it has just submitted.)
    const m = this.boundManager ?? this.ds.manager;
    const activity = await m.getRepository(ActivityEntity).findOneBy({ id: activityId });
    if (!activity) throw notFound('活动');
    if (activity.status !== ActivityStatus.VETTING) return [];
    const failureDays = priorFailureDays(await this.settings.all(m));
    return m.query(
      `SELECT re.id, re.version, g.name AS "guardName" FROM roster_entries re JOIN guards g ON g.id = re.guard_id
        WHERE ${passableSql('re', '$1', '$2', '$3')}
        ORDER BY g.name COLLATE "zh-x-icu", re.id`,
      [activity.id, this.now(), failureDays],
    );
  }

  /**
   * 一键通过无异常: every checked, undecided entry the system suggests PASSED (pre-checks passed, no
   * hit on the guard or a relative, both parents registered and checked) whose identity is still the one
   * checked, and whose person has no 不通过 kept on record (`priorFailureDays`; review 11-A F1: also one made
   * after the check, e.g. on another roster of the same person; its suggestion is restated then, code
   * review 11 C1, but this does not depend on that). A statement standing in for a parent is the officer's to
   * weigh, one by one with a note (red-team F1): skipped whatever the stored suggestion (one checked before
   * that rule says PASSED).
   *
   * Always bound to what the officer confirmed (`expected`: the ids and versions `passableEntries` listed,
   * red team F3/G2): those entries alone, each as it was then. There is no "whoever is passable now": a
   * guard submitted after the officer looked is never passed in his name. An empty confirmation is refused
   * (the page offers no pass when nobody is passable); one that no longer holds (someone decided,
   * re-checked, removed, a record or a 不通过 since) is a CONFLICT naming them, nothing passed.
   */
  async passAllClean(actor: Actor, activityId: string, expected: readonly { entryId: string; version: number }[]) {
    if (!expected?.length) throw badInput('请先确认要一键通过的人员', [{ field: 'expected', message: '请先确认要一键通过的人员' }]);
    if (expected.length > 10_000) throw badInput('一次最多一键通过10000人', [{ field: 'expected', message: '一次最多一键通过10000人' }]);
    if (new Set(expected.map((e) => e.entryId)).size !== expected.length) {
      throw badInput('确认的人员有重复', [{ field: 'expected', message: '确认的人员有重复' }]);
    }
    return this.tx(async (m) => {
      const activity = await lockActivity(m, activityId);
      if (activity.status !== ActivityStatus.VETTING) throw conflict('活动不在背景审核阶段，不能作出审核结论');
      const failureDays = priorFailureDays(await this.settings.all(m));
      // Bound to what the officer confirmed (`expected`, from passableEntries): those entries alone, each
      // as it was then (its version); anyone else who became passable since is not passed unseen (red team F3).
      const seen = `AND (re.id, re.version) IN (SELECT * FROM unnest($5::uuid[], $6::int[]))`;
      // (A CTE, because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.)
      const rows: { id: string }[] = await m.query(
        `WITH passed AS (UPDATE roster_entries re SET decision = 'PASSED', reason_category = 'CLEAR', decision_note = $7,
                decided_by = $2, decided_at = $3
          WHERE ${passableSql('re', '$1', '$3', '$4')} ${seen}
          RETURNING re.id) SELECT id FROM passed`,
        [activity.id, actor.id, this.now(), failureDays, expected.map((e) => e.entryId), expected.map((e) => e.version), PASS_ALL_CLEAN_NOTE],
      );
      if (rows.length < expected.length) {
        // Someone confirmed is no longer as seen (decided, re-checked, removed, a record or a 不通过 since):
        // nothing is passed (the transaction rolls back), and the officer is told whom to look at again.
        const passed = new Set(rows.map((r) => r.id));
        const changed = expected.filter((e) => !passed.has(e.entryId));
        const names: { id: string; name: string }[] = await m.query(
          `SELECT re.id, g.name FROM roster_entries re JOIN guards g ON g.id = re.guard_id WHERE re.id = ANY($1::uuid[]) AND re.activity_id = $2`,
          [changed.map((e) => e.entryId), activity.id],
        );
        const named = names.map((n) => n.name);
        const message = `确认一键通过后名单已有变化，${named.length ? `${named.slice(0, 10).join('、')}${named.length > 10 ? `等${named.length}人` : ''}` : `${changed.length}人`}的审核情况已不同于确认时（已作出结论、重新比对、移出或有新记录），本次未作任何通过，请刷新后重新确认`;
        throw new DomainError('CONFLICT', message, [{ field: 'expected', message }]);
      }
      if (!rows.length) return { activity, closed: false, count: 0 };
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'RosterEntry',
        entityId: activity.id,
        summary: `“${activity.name}”一键通过无异常人员${rows.length}人`,
        after: { entryIds: rows.map((r) => r.id) },
      });
      const closed = await this.tryClose(m, activity, actor);
      return { activity, closed, count: rows.length };
    });
  }

  // ───────────────────────────── closing ─────────────────────────────

  async counts(m: EntityManager, activityId: string): Promise<VettingCounts> {
    const [c] = await m.query(
      `SELECT count(*) FILTER (WHERE state = 'ACTIVE')::int AS total,
              count(*) FILTER (WHERE state = 'ACTIVE' AND decision = 'PASSED')::int AS passed,
              count(*) FILTER (WHERE state = 'ACTIVE' AND decision = 'FAILED')::int AS failed,
              count(*) FILTER (WHERE state = 'ACTIVE' AND decision = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE state = 'ACTIVE' AND checked_at IS NULL)::int AS unchecked,
              count(*) FILTER (WHERE state = 'REMOVED')::int AS removed
         FROM roster_entries WHERE activity_id = $1`,
      [activityId],
    );
    return c;
  }

  /** Why vetting cannot close yet (empty when it can). */
  closeBlockers(activity: ActivityEntity, c: VettingCounts): string[] {
    const out: string[] = [];
    // Training cannot be scheduled once the event is under way (review 9 C2): closed then, vetting would
    // strand the activity in 岗前培训 and tell everyone it had begun. It stays in vetting, whose page says
    // the event has passed and the way out is the cancellation (activity.derive.ts EVENT_OVERTAKEN).
    if (hasStarted(activity, this.now())) out.push(`活动已于${formatCN(activity.startsAt)}开始，不能再结束背景审核、进入岗前培训`);
    if (c.pending > 0) out.push(`尚有${c.pending}人未作审核结论`);
    if (c.failed > 0) out.push(`尚有${c.failed}名未通过人员在名单中，须替换或移出`);
    if (c.passed < activity.guardsRequired) out.push(`审核通过${c.passed}人，少于所需${activity.guardsRequired}人`);
    return out;
  }

  /**
   * Closes vetting (VETTING → TRAINING) when the rule holds (`closeBlockers`, which includes the event not
   * having started); notifies company, organizer and office.
   */
  private async tryClose(m: EntityManager, activity: ActivityEntity, actor: Actor, comment?: string): Promise<boolean> {
    if (activity.status !== ActivityStatus.VETTING) return false;
    const c = await this.counts(m, activity.id);
    if (this.closeBlockers(activity, c).length) return false;
    const office = await this.unitIds(m, UnitKind.LEADING_GROUP_OFFICE);
    const submitterUnit = activity.securityMode === SecurityMode.SELF_RECRUITED ? activity.organizerUnitId : activity.selectedCompanyId;
    // Vetting is the detachment's: when another party's action completes it, the system closes it.
    const bySystem = !runsVetting(actor);
    await this.lifecycle.transition(m, {
      activity,
      to: ActivityStatus.TRAINING,
      actor,
      bySystem,
      comment: comment ?? `背景审核结束：通过${c.passed}人，移出${c.removed}人${bySystem ? '（全部人员已有结论且通过人数达到所需，系统自动结束）' : ''}`,
      notify: {
        unitIds: [submitterUnit, activity.organizerUnitId, ...office].filter((x): x is string => !!x),
        message: {
          title: '背景审核通报',
          body: `“${activity.name}”背景审核已结束：审核通过${c.passed}人（所需${activity.guardsRequired}人），进入岗前培训阶段。详见审核通报。`,
          link: `/vetting/notice/${activity.id}`,
        },
      },
    });
    return true;
  }

  /** 保安管理支队 closes vetting explicitly; refused with every unmet condition. */
  async close(actor: Actor, activityId: string, comment: string | null | undefined) {
    return this.tx(async (m) => {
      const activity = await lockActivity(m, activityId);
      if (activity.status !== ActivityStatus.VETTING) throw conflict('活动不在背景审核阶段');
      // Named as every pre-event step refused after the start, with the way out (review 9 C2).
      assertBeforeEventStart(activity, this.now(), '结束背景审核', actor);
      const blockers = this.closeBlockers(activity, await this.counts(m, activity.id));
      if (blockers.length) throw conflict(`背景审核尚不能结束：${blockers.join('；')}`);
      await this.tryClose(m, activity, actor, comment?.trim() || undefined);
      return activity;
    });
  }

  // ───────────────────────────── reading ─────────────────────────────

  /** The activity, if the actor may see its vetting at all, with their tier. */
  async activityFor(actor: Actor, activityId: string): Promise<{ activity: ActivityEntity; tier: VettingTier }> {
    const activity = await this.ds.getRepository(ActivityEntity).findOneBy({ id: activityId });
    assertCanViewActivity(actor, activity);
    const tier = vettingTier(actor, activity);
    if (!tier) throw notFound('活动', { denied: true });
    return { activity, tier };
  }

  /** Roster entries: the detachment and other police see all; the submitter its own; the organizer none. */
  async listEntries(
    actor: Actor,
    activityId: string,
    filter: { decision?: VettingDecision | null; includeRemoved?: boolean | null; withHitsOnly?: boolean | null; search?: string | null },
    page?: PageInput,
  ): Promise<Page<RosterEntryView>> {
    const { activity, tier } = await this.activityFor(actor, activityId);
    if (tier === VettingTier.ORGANIZER) throw forbidden('主办单位只能查看审核统计和通过人员名单（见审核通报）');
    const w = pageWindow(page);
    const params: unknown[] = [activity.id];
    const where = ['re.activity_id = $1'];
    if (tier === VettingTier.SUBMITTER) {
      params.push(registerIdOf(actor));
      where.push(`re.company_id = $${params.length}`);
    }
    if (!filter.includeRemoved) where.push(`re.state = 'ACTIVE'`);
    if (filter.decision) {
      params.push(filter.decision);
      where.push(`re.decision = $${params.length}`);
    }
    if (filter.withHitsOnly && tier === VettingTier.DETAIL) where.push('EXISTS (SELECT 1 FROM vetting_hits h WHERE h.roster_entry_id = re.id)');
    if (filter.search?.trim()) {
      const search = filter.search.trim();
      params.push(containsPattern(search));
      if (seesFullIdNumbers(actor)) {
        // A whole ID number, by its keyed hash (the number itself is stored encrypted).
        params.push(idHash(search));
        where.push(`(g.name ILIKE $${params.length - 1} OR g.id_hash = $${params.length})`);
      } else where.push(`g.name ILIKE $${params.length}`);
    }
    const sql = `FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN units u ON u.id = re.company_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT re.*, g.name AS guard_name, g.id_cipher AS guard_id_cipher, u.name AS company_name,
              (SELECT count(*)::int FROM vetting_hits h WHERE h.roster_entry_id = re.id) AS hit_count
         ${sql}
        ORDER BY re.state, CASE re.decision WHEN 'PENDING' THEN 0 WHEN 'FAILED' THEN 1 ELSE 2 END,
                 ${tier === VettingTier.DETAIL ? '(SELECT count(*) FROM vetting_hits h WHERE h.roster_entry_id = re.id) DESC,' : ''} re.created_at, g.name, re.id
        LIMIT ${w.take} OFFSET ${w.skip}`,
      params,
    );
    return { items: rows.map(toView), total, page: w.page, pageSize: w.pageSize };
  }

  async entriesByIds(ids: string[], m: EntityManager = this.ds.manager): Promise<RosterEntryView[]> {
    if (!ids.length) return [];
    const rows = await m.query(
      `SELECT re.*, g.name AS guard_name, g.id_cipher AS guard_id_cipher, u.name AS company_name,
              (SELECT count(*)::int FROM vetting_hits h WHERE h.roster_entry_id = re.id) AS hit_count
         FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN units u ON u.id = re.company_id
        WHERE re.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map<string, RosterEntryView>(rows.map((r: Record<string, unknown>) => [r.id as string, toView(r)]));
    return ids.map((id) => byId.get(id)!).filter(Boolean);
  }

  /**
   * The submitter's register as a picker for this activity: every active guard with its pre-check
   * result and whether it is already on the roster (one page, a fixed number of queries).
   */
  async candidates(actor: Actor, activityId: string, search: string | null | undefined, onlyEligible: boolean, page?: PageInput) {
    const activity = await this.ds.getRepository(ActivityEntity).findOneBy({ id: activityId });
    assertCanViewActivity(actor, activity);
    if (!isSubmitter(actor, activity)) throw forbidden('只有上报名单的单位可以选择人员');
    const w = pageWindow(page);
    const params: unknown[] = [registerIdOf(actor), activity.id];
    let where = `g.company_id = $1 AND g.status = 'ACTIVE'`;
    if (search?.trim()) {
      params.push(containsPattern(search.trim()));
      where += ` AND g.name ILIKE $${params.length}`;
    }
    const rows: (GuardFacts & { onRoster: boolean; total: number })[] = (
      await this.ds.query(
        `SELECT ${guardFactsColumns('g')},
                EXISTS (SELECT 1 FROM roster_entries re WHERE re.activity_id = $2 AND re.guard_id = g.id AND re.state = 'ACTIVE') AS "onRoster",
                count(*) OVER ()::int AS total
           FROM guards g WHERE ${where}
          ORDER BY "onRoster", g.name, g.birth_date, g.id`,
        params,
      )
    ).map(toGuardFacts);
    const ctx = await this.precheckContext(this.ds.manager, activity, rows.map((r) => r.idKey));
    const all = rows.map((g) => ({ guardId: g.guardId, name: g.name, idNumber: maskIdNumber(g.idNumber), problems: precheckGuard(g, ctx), onRoster: g.onRoster }));
    const list = onlyEligible ? all.filter((g) => !g.onRoster && g.problems.length === 0) : all;
    return { items: list.slice(w.skip, w.skip + w.take), total: list.length, page: w.page, pageSize: w.pageSize };
  }

  /** One entry, for the detachment's detail panel or the submitter's own entry. */
  async entry(actor: Actor, entryId: string): Promise<RosterEntryView> {
    const [e] = await this.entriesByIds([entryId]);
    const activity = e && (await this.ds.getRepository(ActivityEntity).findOneBy({ id: e.activityId }));
    const tier = activity && vettingTier(actor, activity);
    // One answer for an entry that does not exist and one the actor may not see, whatever hides it (no existence oracle).
    if (!e) throw notFound('名单人员');
    if (!tier || tier === VettingTier.ORGANIZER || (tier === VettingTier.SUBMITTER && e.companyId !== registerIdOf(actor))) throw notFound('名单人员', { denied: true });
    return e;
  }

  /** Full detail (hits) for many entries: one query, one READ_DETAIL audit entry. 保安管理支队 only. */
  async hitsFor(actor: Actor, entryIds: string[]): Promise<Map<string, VettingHitEntity[]>> {
    assertSeesVettingDetail(actor, '记录详情仅保安管理支队可查看');
    const hits = await this.ds.getRepository(VettingHitEntity).find({ where: { rosterEntryId: In(entryIds) }, order: { relation: 'ASC', createdAt: 'ASC' } });
    const map = new Map<string, VettingHitEntity[]>();
    for (const h of hits) map.set(h.rosterEntryId, [...(map.get(h.rosterEntryId) ?? []), h]);
    await this.audit.record(this.ds.manager, actor, {
      action: AuditAction.READ_DETAIL,
      entityType: 'VettingHit',
      entityId: entryIds.length === 1 ? entryIds[0] : null,
      // How many hits stays in the payload: the summary is read beyond the detachment.
      summary: `查阅${entryIds.length}名人员的比中记录详情`,
      after: { entryIds, hits: hits.length },
    });
    return map;
  }

  /** Relatives of the guards of many entries: one query, one READ_DETAIL audit entry. 保安管理支队 only. */
  async relativesFor(actor: Actor, entryIds: string[]): Promise<Map<string, RelativeView[]>> {
    assertSeesVettingDetail(actor, '直系亲属信息仅保安管理支队可查看');
    const stored: { entryId: string; guardId: string; nameCipher: string; relation: RelativeRelation; idCipher: string }[] = await this.ds.query(
      `SELECT re.id AS "entryId", r.guard_id AS "guardId", r.name_cipher AS "nameCipher", r.relation, r.id_cipher AS "idCipher"
         FROM roster_entries re JOIN guard_relatives r ON r.guard_id = re.guard_id
        WHERE re.id = ANY($1::uuid[])`,
      [entryIds],
    );
    const rows = stored
      .map((r) => ({ entryId: r.entryId, guardId: r.guardId, relation: r.relation, name: decryptPii(r.nameCipher), idNumber: decryptPii(r.idCipher) }))
      .sort(compareRelatives);
    const map = new Map<string, RelativeView[]>();
    for (const r of rows) map.set(r.entryId, [...(map.get(r.entryId) ?? []), r]);
    await this.audit.record(this.ds.manager, actor, {
      action: AuditAction.READ_DETAIL,
      entityType: 'GuardRelative',
      entityId: entryIds.length === 1 ? entryIds[0] : null,
      summary: `查阅${entryIds.length}名人员的直系亲属信息`,
      after: { entryIds, relatives: rows.length },
    });
    return map;
  }

  /**
   * The earlier vetting decisions of the person of each entry (the ID number it was checked under, or the
   * same guard row whatever number it holds now — `personEntriesSql`, red-team F2 —: any register, any
   * activity, this one too, entries since removed), newest first, at most PRIOR_DECISIONS_SHOWN each: one
   * query. An entry removed undecided whose check found records is listed too (decision PENDING, at the time of
   * its check): a guard taken off before the officer decided, and put forward again as someone the check
   * finds nothing on, is what the officer must see. 保安管理支队 only; the caller audits the read of the notes
   * (`detailRead`).
   */
  async priorDecisionsFor(actor: Actor, entryIds: string[]): Promise<Map<string, PriorDecisionView[]>> {
    assertSeesVettingDetail(actor, '既往审核情况仅保安管理支队可查看');
    const rows: (PriorDecisionView & { forEntry: string })[] = await this.ds.query(
      `WITH people AS (
         SELECT re.id::text AS key, coalesce(re.checked_id_hash, g.id_hash) AS id_hash, re.guard_id
           FROM roster_entries re JOIN guards g ON g.id = re.guard_id WHERE re.id = ANY($1::uuid[]))
       SELECT x."forEntry", x."entryId", x."activityId", x."activityName", x."companyName", x.decision, x."reasonCategory", x."decidedAt", x.note, x.reused, x.removed
         FROM (SELECT pe.key::uuid AS "forEntry", o.id AS "entryId", a.id AS "activityId", a.name AS "activityName", u.name AS "companyName",
                      o.decision, o.reason_category AS "reasonCategory", coalesce(o.decided_at, o.checked_at) AS "decidedAt", o.decision_note AS note,
                      o.reused_from_entry_id IS NOT NULL AS reused, o.state = 'REMOVED' AS removed,
                      row_number() OVER (PARTITION BY pe.key ORDER BY coalesce(o.decided_at, o.checked_at) DESC, o.id) AS n
                 FROM ${personEntriesSql('people')} pe
                 JOIN roster_entries o ON o.id = pe.id AND o.id::text <> pe.key
                  AND ((o.decision <> 'PENDING' AND o.decided_at IS NOT NULL)
                       OR (o.decision = 'PENDING' AND o.state = 'REMOVED' AND o.checked_at IS NOT NULL
                           AND EXISTS (SELECT 1 FROM vetting_hits h WHERE h.roster_entry_id = o.id)))
                 JOIN activities a ON a.id = o.activity_id JOIN units u ON u.id = o.company_id) x
        WHERE x.n <= $2
        ORDER BY x."forEntry", x."decidedAt" DESC, x."entryId"`,
      [entryIds, PRIOR_DECISIONS_SHOWN],
    );
    const map = new Map<string, PriorDecisionView[]>();
    for (const { forEntry, ...r } of rows) map.set(forEntry, [...(map.get(forEntry) ?? []), r]);
    return map;
  }

  /** One READ_DETAIL entry for reads of notes, suggestions and hit counts of many entries (保安管理支队 only). */
  async auditDetailRead(actor: Actor, entryIds: string[]): Promise<void> {
    assertSeesVettingDetail(actor, '审核详情仅保安管理支队可查看');
    await this.audit.record(this.ds.manager, actor, {
      action: AuditAction.READ_DETAIL,
      entityType: 'RosterEntry',
      entityId: entryIds.length === 1 ? entryIds[0] : null,
      summary: `查阅${entryIds.length}名人员的审核意见与系统建议`,
      after: { entryIds },
    });
  }

  /** Names of who decided, for the detachment's view. */
  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; display_name: string }[] = await this.ds.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Activities whose vetting the actor follows, newest first, with counts (one grouped query). */
  async vettingActivities(actor: Actor, statuses: ActivityStatus[] | null | undefined, page?: PageInput) {
    const w = pageWindow(page);
    const wanted = statuses?.length ? statuses : [ActivityStatus.COMPANY_SELECTED, ActivityStatus.VETTING, ActivityStatus.TRAINING, ActivityStatus.READY, ActivityStatus.IN_PROGRESS, ActivityStatus.CLOSED];
    const qb = scopeActivities(this.ds.getRepository(ActivityEntity).createQueryBuilder('a').where('a.status IN (:...wanted)', { wanted }), actor);
    const [items, total] = await qb
      .orderBy(`CASE a.status WHEN 'VETTING' THEN 0 WHEN 'COMPANY_SELECTED' THEN 1 ELSE 2 END`)
      .addOrderBy('a.starts_at', 'ASC')
      .skip(w.skip)
      .take(w.take)
      .getManyAndCount();
    const counts = await this.countsFor(items.map((a) => a.id));
    const names = await this.unitNames(items.map((a) => (a.securityMode === SecurityMode.SELF_RECRUITED ? a.organizerUnitId : a.selectedCompanyId)));
    return {
      items: items.map((a) => {
        const c = counts.get(a.id) ?? { total: 0, passed: 0, failed: 0, pending: 0, unchecked: 0, removed: 0 };
        return {
          activity: a,
          tier: vettingTier(actor, a)!,
          counts: c,
          submitterName: names.get((a.securityMode === SecurityMode.SELF_RECRUITED ? a.organizerUnitId : a.selectedCompanyId) ?? '') ?? null,
          closeBlockers: a.status === ActivityStatus.VETTING ? this.closeBlockers(a, c) : [],
        };
      }),
      total,
      page: w.page,
      pageSize: w.pageSize,
    };
  }

  async countsFor(activityIds: string[]): Promise<Map<string, VettingCounts>> {
    if (!activityIds.length) return new Map();
    const rows = await this.ds.query(
      `SELECT activity_id,
              count(*) FILTER (WHERE state = 'ACTIVE')::int AS total,
              count(*) FILTER (WHERE state = 'ACTIVE' AND decision = 'PASSED')::int AS passed,
              count(*) FILTER (WHERE state = 'ACTIVE' AND decision = 'FAILED')::int AS failed,
              count(*) FILTER (WHERE state = 'ACTIVE' AND decision = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE state = 'ACTIVE' AND checked_at IS NULL)::int AS unchecked,
              count(*) FILTER (WHERE state = 'REMOVED')::int AS removed
         FROM roster_entries WHERE activity_id = ANY($1::uuid[]) GROUP BY activity_id`,
      [activityIds],
    );
    return new Map(rows.map((r: VettingCounts & { activity_id: string }) => [r.activity_id, r]));
  }

  async unitNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows: { id: string; name: string }[] = await this.ds.query(`SELECT id, name FROM units WHERE id = ANY($1::uuid[])`, [wanted]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  // ───────────────────────────── helpers ─────────────────────────────

  private boundManager: EntityManager | null = null;

  /** The same service working inside the caller's transaction (used by the demo seed). */
  within(m: EntityManager): VettingService {
    return Object.assign(Object.create(VettingService.prototype) as VettingService, this, { boundManager: m });
  }

  /** Every mutation is one transaction (or part of the caller's, see `within`). */
  private tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.boundManager ? fn(this.boundManager) : this.ds.transaction(fn);
  }

  private async unitIds(m: EntityManager, kind: UnitKind): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1`, [kind]);
    return rows.map((r) => r.id);
  }

  private async precheckContext(m: EntityManager, activity: ActivityEntity, idKeys: string[]) {
    // the age limits the activity was approved on (fixed at the 批示), not today's settings
    const s = await this.settings.all(m);
    return loadPrecheckContext(m, activity, idKeys, ageLimitsOf(activity, s), localDate(activity.startsAt));
  }

  /**
   * Guards of one register, by id, in input order; refuses unknown, other units' and departed guards.
   * `lock` (a roster being changed): the guards' rows stay locked to the end of the transaction, in one order, so that two
   * rosters taking the same person at once are checked one after the other and the second sees the
   * first (the OVERLAP pre-check, SPEC §5), instead of each missing the other.
   */
  private async loadRegisterGuards(m: EntityManager, registerId: string, guardIds: string[], field: string, lock = false): Promise<GuardFacts[]> {
    const rows: (GuardFacts & { companyId: string; status: string })[] = (
      await m.query(
        `SELECT ${guardFactsColumns('g')}, g.company_id AS "companyId", g.status FROM guards g WHERE g.id = ANY($1::uuid[])
          ${lock ? 'ORDER BY g.id FOR NO KEY UPDATE OF g' : ''}`,
        [guardIds],
      )
    ).map(toGuardFacts);
    const byId = new Map(rows.map((r) => [r.guardId, r]));
    const problems: FieldProblem[] = [];
    guardIds.forEach((id, i) => {
      const g = byId.get(id);
      const f = guardIds.length === 1 && field !== 'guardIds' ? field : `${field}.${i}`;
      if (!g || g.companyId !== registerId) problems.push({ field: f, message: '不是本单位登记的保安员' });
      else if (g.status !== 'ACTIVE') problems.push({ field: f, message: `${g.name}已离职` });
    });
    assertNoProblems(problems, '名单有误');
    return guardIds.map((id) => byId.get(id)!);
  }

  private async lockEntryForSubmitter(m: EntityManager, actor: Actor, entryId: string) {
    const entry = await m.getRepository(RosterEntryEntity).findOne({ where: { id: entryId }, lock: { mode: 'pessimistic_write' } });
    if (!entry) throw notFound('名单人员');
    const activity = await lockActivity(m, entry.activityId);
    // The entry's own answer whether the activity is hidden or the entry is another unit's (no existence oracle).
    if (!canViewActivity(actor, activity) || !isSubmitter(actor, activity) || entry.companyId !== registerIdOf(actor)) throw notFound('名单人员', { denied: true });
    if (activity.status !== ActivityStatus.VETTING) throw conflict('背景审核已结束，名单不能再调整');
    if (entry.state !== RosterEntryState.ACTIVE) throw conflict('该人员已移出名单');
    return { activity, entry };
  }

  private async guardNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await m.query(`SELECT id, name FROM guards WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

function toView(r: Record<string, any>): RosterEntryView { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    id: r.id,
    activityId: r.activity_id,
    guardId: r.guard_id,
    companyId: r.company_id,
    post: r.post,
    area: r.area ?? null,
    state: r.state,
    precheckProblems: r.precheck_problems ?? [],
    suggestion: r.suggestion,
    suggestionReason: r.suggestion_reason,
    suggestionCategory: r.suggestion_category,
    identityHash: r.identity_hash,
    checkedIdHash: r.checked_id_hash ?? null,
    relativesChecked: r.relatives_checked ?? null,
    version: r.version,
    decision: r.decision,
    reasonCategory: r.reason_category,
    decisionNote: r.decision_note,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    passWithdrawnAt: r.pass_withdrawn_at ?? null,
    reusedFromEntryId: r.reused_from_entry_id,
    replacesEntryId: r.replaces_entry_id,
    checkedAt: r.checked_at,
    createdAt: r.created_at,
    guardName: r.guard_name,
    idNumber: decryptNullable(r.guard_id_cipher) ?? ANONYMISED,
    companyName: r.company_name,
    hitCount: r.hit_count ?? 0,
  };
}
