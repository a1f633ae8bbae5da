import { ActivityStatus, activityStatusLabels, AuditAction, formulaLikeProblem, isBlank, requiredTextProblem, SecurityMode, TrainingTopic, trainingTopicLabels, UnitKind } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { formatCN } from '../../common/calendar';
import { Clock } from '../../common/clock';
import { Actor } from '../../common/actor';
import { assertNoProblems, badInput, conflict, FieldProblem, notFound } from '../../common/errors';
import { ActivityEntity } from '../activities/activity.entity';
import { ACTIVITY_SCOPE_COLUMNS, ActivityScopeColumns, assertCanViewActivity, canViewActivity } from '../activities/activity.policy';
import { ActivityLifecycle, lockActivity } from '../activities/lifecycle';
import { hasEnded, hasStarted } from '../activities/event-window';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { seesGuardParticulars } from '../guards/guard.policy';
import { RosterEntryEntity } from '../vetting/roster-entry.entity';
import { decisionView, vettingTier } from '../vetting/vetting.policy';
import { clearedSql, ON_DUTY_CONDITION, onDutyCount, onDutyRows, ROSTER_PHOTO_PATH } from './duty-roster';
import { TrainingAttendanceEntity } from './training-attendance.entity';
import { TrainingSessionEntity } from './training-session.entity';
import { assertAssignsPosts } from './training.policy';
import {
  OnDutyGuardType,
  PostAssignmentInput,
  ScheduleTrainingInput,
  TrainingAttendanceType,
  TrainingOverviewType,
  TrainingResultInput,
  TrainingSessionType,
  TrainingStanding,
  TrainingTraineeType,
  UpdateTrainingSessionInput,
} from './training.types';

/** Training is scheduled and recorded while the activity is in training, or ready (make-ups, corrections). */
const TRAINING_STATES = [ActivityStatus.TRAINING, ActivityStatus.READY];
/**
 * A session not yet begun may be changed or cancelled in these states: also back in vetting, where a
 * withdrawn pass leaves the cleared roster short (the activity keeps its sessions across the reopen,
 * and the officer can take one back before it begins; review 11-C F5).
 */
const SESSION_CHANGE_STATES = [ActivityStatus.VETTING, ...TRAINING_STATES];
/** The three subjects of 岗前培训 (seed step 四); all passed = trained. */
export const ALL_TOPICS = Object.values(TrainingTopic);
const topicNames = (topics: readonly TrainingTopic[]) => topics.map((t) => trainingTopicLabels[t]).join('、');
/** A timetable runs to the minute. */
const toMinute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

/** Whether a session already has this time, place, instructor, subjects (in any order) and length. */
function sameArrangement(
  s: Pick<TrainingSessionEntity, 'startsAt' | 'place' | 'instructor' | 'topics' | 'periods'>,
  next: Pick<TrainingSessionEntity, 'startsAt' | 'place' | 'instructor' | 'topics' | 'periods'>,
): boolean {
  const sorted = (t: TrainingTopic[]) => [...t].sort().join(',');
  return (
    s.startsAt.getTime() === next.startsAt.getTime() &&
    s.place === next.place &&
    s.instructor === next.instructor &&
    sorted(s.topics) === sorted(next.topics) &&
    s.periods === next.periods
  );
}
/** A session that is just beginning may still be entered (the officer types it as it starts). */
const JUST_BEGUN_MS = 10 * 60_000;
/** One 学时 (class period): 45 minutes. */
const PERIOD_MS = 45 * 60_000;
/** When a session of `periods` 学时 beginning at `startsAt` ends. */
const endOf = (startsAt: Date, periods: number) => new Date(startsAt.getTime() + periods * PERIOD_MS);

interface AttendanceRow {
  sessionId: string;
  rosterEntryId: string;
  guardId: string;
  guardName: string;
  certificateNo: string | null;
  companyName: string;
  /** The register (company, or a self-recruiting organizer's unit) the entry was submitted from. */
  registerId: string;
  /** On the cleared roster now (`clearedSql`): a withdrawn pass is not. */
  cleared: boolean;
  attended: boolean | null;
  scores: Record<string, number>;
  passed: boolean | null;
  passedTopics: TrainingTopic[];
  recordedAt: Date | null;
}

interface TraineeRow {
  rosterEntryId: string;
  guardId: string;
  guardName: string;
  certificateNo: string | null;
  companyName: string;
  /** Subjects passed over all sessions of the activity. */
  passedTopics: TrainingTopic[] | null;
  /** Results of this entry's sessions, oldest first. */
  results: { attended: boolean | null; passed: boolean | null }[] | null;
}

/** Postgres returns an enum array as `{A,B}` text when it cannot parse it; accept both. */
/** A cleared guard as scheduling sees them: subjects passed, subjects booked in a session whose results are not in, and the first such session. */
interface TraineeNeeds {
  id: string;
  name: string;
  passed: string[] | null;
  booked: string[] | null;
  bookedIn: { startsAt: string; place: string } | null;
}

function topicsOf(value: unknown): TrainingTopic[] {
  if (Array.isArray(value)) return value as TrainingTopic[];
  if (typeof value === 'string') return value.replace(/[{}]/g, '').split(',').filter(Boolean) as TrainingTopic[];
  return [];
}

function standingOf(passedTopics: TrainingTopic[], results: TraineeRow['results']): TrainingStanding {
  if (ALL_TOPICS.every((t) => passedTopics.includes(t))) return TrainingStanding.PASSED;
  const list = results ?? [];
  if (list.length === 0) return TrainingStanding.NOT_ASSIGNED;
  if (list.some((r) => r.attended === null)) return TrainingStanding.SCHEDULED;
  const last = list[list.length - 1];
  if (!last.attended) return TrainingStanding.ABSENT;
  return last.passed ? TrainingStanding.PARTIAL : TrainingStanding.FAILED;
}

export class TrainingService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: ActivityLifecycle,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  private async visibleActivity(actor: Actor, activityId: string, m: EntityManager = this.ds.manager) {
    const activity = await m.findOneBy(ActivityEntity, { id: activityId });
    assertCanViewActivity(actor, activity);
    return activity;
  }

  private async attendanceRows(m: EntityManager, where: string, params: unknown[]): Promise<AttendanceRow[]> {
    const rows: AttendanceRow[] = await m.query(
      `SELECT ta.session_id AS "sessionId", ta.roster_entry_id AS "rosterEntryId", g.id AS "guardId",
              g.name AS "guardName", g.certificate_no AS "certificateNo", c.name AS "companyName",
              r.company_id AS "registerId", ${clearedSql('r')} AS cleared,
              ta.attended, ta.scores, ta.passed, ta.passed_topics::text[] AS "passedTopics", ta.recorded_at AS "recordedAt"
         FROM training_attendance ta
         JOIN training_sessions ts ON ts.id = ta.session_id
         JOIN roster_entries r ON r.id = ta.roster_entry_id
         JOIN guards g ON g.id = r.guard_id
         JOIN companies c ON c.id = r.company_id
        WHERE ${where}
        ORDER BY c.name, g.name, g.id`,
      params,
    );
    return rows.map((r) => ({ ...r, passedTopics: topicsOf(r.passedTopics) }));
  }

  /**
   * The rows of a sign-in sheet (签到表: the API and its Excel) this reader may see (SPEC §1). The
   * police see every trainee; the unit that submitted the roster sees its own guards (it is their
   * employer and is told each outcome); anyone else — the organizer of a service-company activity,
   * who sees vetting only as counts and the cleared roster — sees only the guards cleared now, the
   * same list as `training.trainees`: a trainee whose pass was withdrawn since is not named to them,
   * with his scores or his 合格 (review 11-C F2). The reader's tier and each row's view are
   * vetting's (`vettingTier`, `decisionView`), as the timeline shows the decisions.
   */
  private visibleRows(actor: Actor, activity: ActivityEntity, rows: AttendanceRow[]): AttendanceRow[] {
    const tier = vettingTier(actor, activity);
    return rows.filter((r) => {
      const view = decisionView(tier, actor, r.registerId);
      return view === 'WITH_NOTE' || view === 'WITH_REASON' || r.cleared;
    });
  }

  /** `currentPassScore`: the setting, for a session whose results are not recorded yet (it keeps its own once they are). */
  private toSessionType(s: TrainingSessionEntity, activity: ActivityEntity, rows: AttendanceRow[], currentPassScore: number): TrainingSessionType {
    const attendance: TrainingAttendanceType[] = rows
      .filter((r) => r.sessionId === s.id)
      .map(({ registerId: _registerId, cleared: _cleared, ...r }) => ({
        ...r,
        scores: s.topics
          .filter((t) => r.scores?.[t] !== undefined)
          .map((topic) => ({ topic, score: r.scores[topic], passed: r.passedTopics.includes(topic) })),
      }));
    return {
      ...s,
      activityName: activity.name,
      started: s.startsAt <= this.clock.now(),
      endsAt: endOf(s.startsAt, s.periods),
      passScore: s.passScore ?? currentPassScore,
      attendance,
      resultsRecorded: attendance.length > 0 && attendance.every((a) => a.attended !== null),
    };
  }

  /** The activity's sessions, the cleared guards' standing by subject, and the on-duty count. */
  async overview(actor: Actor, activityId: string): Promise<TrainingOverviewType> {
    const activity = await this.visibleActivity(actor, activityId);
    const m = this.ds.manager;
    const passScore = await this.settings.get('training.passScore');
    const sessions = await m.find(TrainingSessionEntity, { where: { activityId }, order: { startsAt: 'ASC', isMakeup: 'ASC', createdAt: 'ASC' } });
    const rows = this.visibleRows(actor, activity, await this.attendanceRows(m, 'ts.activity_id = $1', [activityId]));
    const trainees: TraineeRow[] = await m.query(
      `SELECT r.id AS "rosterEntryId", g.id AS "guardId", g.name AS "guardName", g.certificate_no AS "certificateNo",
              c.name AS "companyName",
              (SELECT array_agg(DISTINCT pt)::text[] FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                 CROSS JOIN unnest(ta.passed_topics) AS pt
                WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id AND ta.attended) AS "passedTopics",
              (SELECT json_agg(json_build_object('attended', ta.attended, 'passed', ta.passed) ORDER BY ts.starts_at, ts.created_at)
                 FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id) AS results
         FROM roster_entries r JOIN guards g ON g.id = r.guard_id JOIN companies c ON c.id = r.company_id
        WHERE r.activity_id = $1 AND ${clearedSql('r')}
        ORDER BY c.name, g.name, g.id`,
      [activityId],
    );
    const traineeTypes: TrainingTraineeType[] = trainees.map((t) => {
      const passed = topicsOf(t.passedTopics);
      return {
        ...t,
        passedTopics: ALL_TOPICS.filter((x) => passed.includes(x)),
        missingTopics: ALL_TOPICS.filter((x) => !passed.includes(x)),
        standing: standingOf(passed, t.results),
      };
    });
    return {
      activityId,
      guardsRequired: activity.guardsRequired,
      clearedCount: trainees.length,
      onDutyCount: traineeTypes.filter((t) => t.standing === TrainingStanding.PASSED).length,
      sessions: sessions.map((s) => this.toSessionType(s, activity, rows, passScore)),
      trainees: traineeTypes,
    };
  }

  /** One session with its sign-in list (签到表), each subject's score and result. */
  async session(actor: Actor, sessionId: string, m: EntityManager = this.ds.manager): Promise<TrainingSessionType> {
    const s = await m.findOneBy(TrainingSessionEntity, { id: sessionId });
    const activity = s && (await m.findOneBy(ActivityEntity, { id: s.activityId }));
    // One answer for a session that does not exist and one of an activity the actor may not see (no existence oracle).
    if (!s || !activity) throw notFound('培训');
    if (!canViewActivity(actor, activity)) throw notFound('培训', { denied: true });
    const rows = this.visibleRows(actor, activity, await this.attendanceRows(m, 'ta.session_id = $1', [sessionId]));
    return this.toSessionType(s, activity, rows, await this.settings.get('training.passScore', m));
  }

  /**
   * 在岗名单: cleared ∧ passed all three subjects, with post and area, ordered by post. Each photo is
   * the address of its picture (`onDutyPhoto`), not the picture: a roster of hundreds reaches a phone
   * in kilobytes and the page loads the photos it shows. No photo for whoever may not see a guard's
   * photo anywhere else (`seesGuardParticulars`: the organizer).
   */
  async onDutyRoster(actor: Actor, activityId: string): Promise<OnDutyGuardType[]> {
    await this.visibleActivity(actor, activityId);
    const photoUrl = seesGuardParticulars(actor) ? `CASE WHEN g.photo IS NOT NULL THEN '${ROSTER_PHOTO_PATH}' || r.id END` : 'NULL::text';
    return this.ds.query(
      `SELECT r.id AS "rosterEntryId", g.id AS "guardId", g.name, g.certificate_no AS "certificateNo",
              ${photoUrl} AS "photoUrl",
              r.post, r.area, c.id AS "companyId", c.name AS "companyName"
         FROM roster_entries r JOIN guards g ON g.id = r.guard_id JOIN companies c ON c.id = r.company_id
        WHERE r.activity_id = $1 AND ${ON_DUTY_CONDITION}
        ORDER BY r.post NULLS LAST, r.area NULLS LAST, g.name, g.id`,
      [activityId],
    );
  }

  /** The photo of a guard on an activity's on-duty roster, to whoever may read that roster and a guard's photo. */
  async onDutyPhoto(actor: Actor, rosterEntryId: string): Promise<string> {
    const [row]: (ActivityScopeColumns & { photo: string | null })[] = await this.ds.query(
      `SELECT ${ACTIVITY_SCOPE_COLUMNS}, g.photo
         FROM roster_entries r JOIN guards g ON g.id = r.guard_id JOIN activities a ON a.id = r.activity_id
        WHERE r.id = $1 AND ${ON_DUTY_CONDITION}`,
      [rosterEntryId],
    );
    // One answer for a photo that does not exist and one the actor may not see (no existence oracle);
    // the latter audited as a permission denial (auditDownloads).
    if (!row?.photo) throw notFound('照片');
    if (!seesGuardParticulars(actor) || !canViewActivity(actor, row)) throw notFound('照片', { denied: true });
    return row.photo;
  }

  /**
   * When a session may be held (SPEC §2 step 6): after the 批示 and before the event, and not in the
   * past (a session beginning now, within a few minutes, may still be entered). The refusal names the window.
   */
  private assertWithinWindow(activity: ActivityEntity, startsAt: Date, periods: number): void {
    const now = this.clock.now();
    const notBefore = toMinute(new Date(now.getTime() - JUST_BEGUN_MS));
    const earliest = activity.approvedAt && activity.approvedAt > notBefore ? toMinute(activity.approvedAt) : notBefore;
    if (hasStarted(activity, now)) {
      throw conflict(`活动已于${formatCN(activity.startsAt)}开始，不能再安排培训`);
    }
    if (startsAt < earliest || startsAt >= activity.startsAt) {
      const message = `培训时间应在${formatCN(earliest)}至活动开始（${formatCN(activity.startsAt)}）之间`;
      throw badInput(message, [{ field: 'startsAt', message }]);
    }
    // The whole session lies before the event (SPEC §2 step 6): the guards cannot be in class and on duty.
    const endsAt = endOf(startsAt, periods);
    if (Number.isInteger(periods) && endsAt > activity.startsAt) {
      const message = `本次培训${periods}学时，至${formatCN(endsAt)}结束，晚于活动开始（${formatCN(activity.startsAt)}）：请提前开始或减少学时`;
      throw badInput(message, [{ field: 'periods', message }]);
    }
  }

  /** A timetable runs to the minute: a time with seconds is refused, not cut (review 5 C-12). */
  private startsAtProblems(startsAt: Date | undefined): FieldProblem[] {
    if (!(startsAt instanceof Date) || Number.isNaN(startsAt.getTime())) return [{ field: 'startsAt', message: '培训时间无效' }];
    if (startsAt.getTime() % 60_000 !== 0) return [{ field: 'startsAt', message: '培训时间精确到分钟，不含秒' }];
    return [];
  }

  private topicProblems(topics: TrainingTopic[]): FieldProblem[] {
    return new Set(topics).size !== topics.length ? [{ field: 'topics', message: '培训科目不能重复' }] : [];
  }

  async schedule(actor: Actor, activityId: string, input: ScheduleTrainingInput): Promise<TrainingSessionType> {
    const problems: FieldProblem[] = [...this.startsAtProblems(input.startsAt)];
    problems.push(...this.topicProblems(input.topics));
    if (isBlank(input.place)) problems.push({ field: 'place', message: '请填写培训地点' });
    if (isBlank(input.instructor)) problems.push({ field: 'instructor', message: '请填写授课人' });
    assertNoProblems(problems, '培训安排有误');
    const topics = input.topics;
    const startsAt = input.startsAt;

    const id = await this.ds.transaction(async (m) => {
      const activity = await lockActivity(m, activityId);
      assertCanViewActivity(actor, activity);
      if (!TRAINING_STATES.includes(activity.status)) {
        throw conflict(`活动当前状态为“${activityStatusLabels[activity.status]}”，只有岗前培训阶段可以安排培训`);
      }
      this.assertWithinWindow(activity, startsAt, input.periods);
      // Who still needs a subject of this session: subjects passed in any earlier session count, and so do
      // subjects of a session they are already booked into whose results are not in yet (a second 安排 in a
      // hurry, at another hour, must not book everyone twice).
      const trainees: TraineeNeeds[] = await m.query(
        `SELECT r.id, g.name,
                (SELECT array_agg(DISTINCT pt)::text[] FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                   CROSS JOIN unnest(ta.passed_topics) AS pt
                  WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id AND ta.attended) AS passed,
                (SELECT array_agg(DISTINCT pt)::text[] FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                   CROSS JOIN unnest(ts.topics) AS pt
                  WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id AND ts.cancelled_at IS NULL AND ta.recorded_at IS NULL) AS booked,
                (SELECT json_build_object('startsAt', ts.starts_at, 'place', ts.place) FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                  WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id AND ts.cancelled_at IS NULL AND ta.recorded_at IS NULL
                  ORDER BY ts.starts_at LIMIT 1) AS "bookedIn"
           FROM roster_entries r JOIN guards g ON g.id = r.guard_id
          WHERE r.activity_id = $1 AND ${clearedSql('r')}`,
        [activityId],
      );
      const unpassed = (t: TraineeNeeds) => topics.some((x) => !topicsOf(t.passed).includes(x));
      const needs = (t: TraineeNeeds) => topics.some((x) => !topicsOf(t.passed).includes(x) && !topicsOf(t.booked).includes(x));
      const bookedNote = (t: TraineeNeeds) =>
        t.bookedIn ? `${t.name}已安排在${formatCN(new Date(t.bookedIn.startsAt))}“${t.bookedIn.place}”的培训（结果未登记），无需重复安排；如需改期请修改该培训` : '';
      const byId = new Map(trainees.map((t) => [t.id, t]));
      let assigned: string[];
      if (input.rosterEntryIds && input.rosterEntryIds.length > 0) {
        const picks = [...new Set(input.rosterEntryIds)];
        const bad: FieldProblem[] = [];
        picks.forEach((entryId, i) => {
          const t = byId.get(entryId);
          if (!t) bad.push({ field: `rosterEntryIds.${i}`, message: `第${i + 1}名参训人员不在本活动已通过审核的名单中` });
          else if (!unpassed(t)) bad.push({ field: `rosterEntryIds.${i}`, message: `${t.name}已通过${topicNames(topics)}，无需再训` });
          else if (!needs(t)) bad.push({ field: `rosterEntryIds.${i}`, message: bookedNote(t) });
        });
        assertNoProblems(bad, '参训人员有误');
        assigned = picks;
      } else {
        assigned = trainees.filter(needs).map((t) => t.id);
      }
      // Nobody is in two places at once: a trainee of another session of this activity at an overlapping
      // time is refused when named, and left out when the trainees are picked by the system.
      await this.lockTrainees(m, assigned);
      const busy = await this.busyAt(m, startsAt, input.periods, assigned);
      if (busy.size && input.rosterEntryIds && input.rosterEntryIds.length > 0) {
        assertNoProblems(
          [...new Set(input.rosterEntryIds)].flatMap((entryId, i) => {
            const other = busy.get(entryId);
            return other ? [{ field: `rosterEntryIds.${i}`, message: `${byId.get(entryId)!.name}已安排在${formatCN(other.startsAt)}“${other.place}”的培训，时间重叠` }] : [];
          }),
          '参训人员有误',
        );
      }
      const free = assigned.filter((id) => !busy.has(id));
      if (free.length === 0 && assigned.length > 0) {
        throw conflict(`需要培训的${assigned.length}人都已安排在与该时间重叠的其他培训中，请另选时间`);
      }
      assigned = free;
      if (assigned.length === 0 && trainees.some((t) => unpassed(t))) {
        const waiting = trainees.filter((t) => unpassed(t)).length;
        throw conflict(`需要培训${topicNames(topics)}的${waiting}人都已安排在结果未登记的培训中，无需重复安排；如需改期请修改该培训`);
      }
      if (assigned.length === 0) {
        throw badInput(`没有需要培训的人员：已通过审核的保安员均已通过${topicNames(topics)}`, [{ field: 'rosterEntryIds', message: '没有需要培训的人员' }]);
      }
      if (input.isMakeup) {
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1 AND cancelled_at IS NULL`, [activityId]);
        if (n === 0) throw badInput('尚未安排集中培训，不能安排补训', [{ field: 'isMakeup', message: '请先安排集中培训' }]);
      }
      const session = await m.save(
        TrainingSessionEntity,
        m.create(TrainingSessionEntity, {
          activityId,
          startsAt,
          place: input.place.trim(),
          instructor: input.instructor.trim(),
          topics,
          periods: input.periods,
          isMakeup: input.isMakeup,
          createdBy: actor.id,
        }),
      );
      await m.insert(
        TrainingAttendanceEntity,
        assigned.map((rosterEntryId) => ({ sessionId: session.id, rosterEntryId })),
      );
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'TrainingSession',
        entityId: session.id,
        summary: `安排${input.isMakeup ? '补训' : '岗前培训'}：活动“${activity.name}”，${assigned.length}人，${topicNames(topics)}，${input.periods}学时`,
        after: { ...session, assigned },
      });
      await this.notifyCompany(m, activity, {
        title: `${input.isMakeup ? '补训' : '岗前培训'}安排：${activity.name}`,
        body: `${formatCN(startsAt)} 在${session.place}进行${input.isMakeup ? '补训' : '岗前培训'}（${topicNames(topics)}），授课人${session.instructor}，共${assigned.length}人参训，请按时组织人员参加。`,
      });
      return session.id;
    });
    return this.session(actor, id);
  }

  private async notifyCompany(m: EntityManager, activity: ActivityEntity, message: { title: string; body: string }) {
    const units = [activity.selectedCompanyId, activity.organizerUnitId].filter((x): x is string => !!x);
    await this.notifications.notify(m, units, { ...message, link: `/training/${activity.id}`, activityId: activity.id });
  }

  /** A session not yet begun, locked with its activity, for a change or a cancellation. */
  private async sessionBeforeStart(m: EntityManager, actor: Actor, sessionId: string, doing: string) {
    const found = await m.findOneBy(TrainingSessionEntity, { id: sessionId });
    if (!found) throw notFound('培训');
    const activity = await lockActivity(m, found.activityId);
    if (!canViewActivity(actor, activity)) throw notFound('培训', { denied: true });
    const session = (await m
      .getRepository(TrainingSessionEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id: sessionId })
      .getOne())!;
    if (session.cancelledAt) throw conflict(`该培训已于${formatCN(session.cancelledAt)}取消`);
    if (!SESSION_CHANGE_STATES.includes(activity.status)) {
      throw conflict(`活动当前状态为“${activityStatusLabels[activity.status]}”，不能${doing}培训`);
    }
    if (session.startsAt <= this.clock.now()) {
      throw conflict(`培训已于${formatCN(session.startsAt)}开始，开始后不能${doing}`);
    }
    return { session, activity };
  }

  /**
   * Locks the register rows of these roster entries' guards, in one order, before their other sessions are
   * read: two activities sharing guards, scheduled at the same moment by two officers, are booked one after
   * the other, and the second sees the first (review 6 B-F3; the activity lock alone covers one activity).
   */
  private async lockTrainees(m: EntityManager, entryIds: string[]): Promise<void> {
    if (!entryIds.length) return;
    await m.query(
      `SELECT g.id FROM guards g WHERE g.id IN (SELECT r.guard_id FROM roster_entries r WHERE r.id = ANY($1::uuid[])) ORDER BY g.id FOR NO KEY UPDATE OF g`,
      [entryIds],
    );
  }

  /**
   * Which of these roster entries' people are expected at another session, of this activity or any
   * other (the same guard on two rosters; review 5 B-F8), not cancelled, `except` aside, their result
   * not recorded yet, that overlaps [startsAt, startsAt + periods × 45 min): entry → that session's
   * time and place. Once a session's results are in, its trainees are free (a 补训 right after it:
   * results are taken once a session has begun, SPEC §2 step 6, so a session may end early).
   */
  private async busyAt(m: EntityManager, startsAt: Date, periods: number, entryIds: string[], except?: string) {
    if (!entryIds.length) return new Map<string, { startsAt: Date; place: string }>();
    const rows: { id: string; starts_at: Date; place: string }[] = await m.query(
      `SELECT DISTINCT ON (mine.id) mine.id, ts.starts_at, ts.place
         FROM roster_entries mine
         JOIN roster_entries other ON other.guard_id = mine.guard_id
         JOIN training_attendance ta ON ta.roster_entry_id = other.id
         JOIN training_sessions ts ON ts.id = ta.session_id
        WHERE mine.id = ANY($1::uuid[]) AND ts.cancelled_at IS NULL AND ts.id IS DISTINCT FROM $4::uuid
          AND ta.recorded_at IS NULL
          AND ts.starts_at < $2::timestamptz + make_interval(mins => 45 * $3::int)
          AND ts.starts_at + make_interval(mins => 45 * ts.periods) > $2::timestamptz
        ORDER BY mine.id, ts.starts_at`,
      [entryIds, startsAt, periods, except ?? null],
    );
    return new Map(rows.map((r) => [r.id, { startsAt: r.starts_at, place: r.place }]));
  }

  /** Changes a session's time, place, instructor, subjects or length before it begins; the company is told. */
  async updateSession(actor: Actor, sessionId: string, input: UpdateTrainingSessionInput, expectedVersion?: number | null): Promise<TrainingSessionType> {
    const problems: FieldProblem[] = [...this.startsAtProblems(input.startsAt)];
    problems.push(...this.topicProblems(input.topics));
    if (isBlank(input.place)) problems.push({ field: 'place', message: '请填写培训地点' });
    if (isBlank(input.instructor)) problems.push({ field: 'instructor', message: '请填写授课人' });
    assertNoProblems(problems, '培训安排有误');
    await this.ds.transaction(async (m) => {
      const { session, activity } = await this.sessionBeforeStart(m, actor, sessionId, '修改');
      const startsAt = input.startsAt;
      const patch = {
        startsAt,
        place: input.place.trim(),
        instructor: input.instructor.trim(),
        topics: input.topics,
        periods: input.periods,
      };
      // The same change sent again (a double click, a retry) is no change: nothing written, nobody told again.
      if (sameArrangement(session, patch)) return;
      if (expectedVersion != null && expectedVersion !== session.version) {
        throw conflict(`培训安排已被他人修改（现为第${session.version}版，您看到的是第${expectedVersion}版），请刷新后核对再修改`);
      }
      this.assertWithinWindow(activity, startsAt, input.periods);
      const attendees: { id: string; name: string }[] = await m.query(
        `SELECT ta.roster_entry_id AS id, g.name FROM training_attendance ta JOIN roster_entries r ON r.id = ta.roster_entry_id
           JOIN guards g ON g.id = r.guard_id WHERE ta.session_id = $1`,
        [sessionId],
      );
      await this.lockTrainees(m, attendees.map((a) => a.id));
      const busy = await this.busyAt(m, startsAt, input.periods, attendees.map((a) => a.id), sessionId);
      if (busy.size) {
        const names = attendees.filter((a) => busy.has(a.id)).map((a) => a.name);
        throw conflict(`${names.slice(0, 5).join('、')}${names.length > 5 ? `等${names.length}人` : ''}在该时间已安排其他培训，时间重叠，请另选时间`);
      }
      const before = { ...session };
      const changes = { ...patch, updatedAt: this.clock.now(), version: session.version + 1 };
      await m.update(TrainingSessionEntity, { id: sessionId }, changes);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'TrainingSession',
        entityId: sessionId,
        summary: `修改培训安排：活动“${activity.name}”，${formatCN(before.startsAt)} → ${formatCN(startsAt)}，${topicNames(patch.topics)}`,
        before,
        after: { ...session, ...changes },
      });
      await this.notifyCompany(m, activity, {
        title: `培训安排变更：${activity.name}`,
        body: `原定${formatCN(before.startsAt)}的${session.isMakeup ? '补训' : '岗前培训'}改为${formatCN(startsAt)}在${patch.place}进行（${topicNames(patch.topics)}），授课人${patch.instructor}。`,
      });
    });
    return this.session(actor, sessionId);
  }

  /** Cancels a session before it begins, with the reason; its participants are released for another session. */
  async cancelSession(actor: Actor, sessionId: string, reason: string): Promise<TrainingSessionType> {
    const text = reason?.trim() ?? '';
    const unsaid = requiredTextProblem(text, '取消原因');
    if (unsaid) throw badInput(isBlank(text) ? '取消培训须写明原因' : unsaid, [{ field: 'reason', message: unsaid }]);
    if (text.length > 500) throw badInput('取消原因不超过500字', [{ field: 'reason', message: '取消原因不超过500字' }]);
    await this.ds.transaction(async (m) => {
      const { session, activity } = await this.sessionBeforeStart(m, actor, sessionId, '取消');
      const now = this.clock.now();
      const released = await m.delete(TrainingAttendanceEntity, { sessionId });
      await m.update(TrainingSessionEntity, { id: sessionId }, { cancelledAt: now, cancelledBy: actor.id, cancelReason: text });
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'TrainingSession',
        entityId: sessionId,
        summary: `取消培训：活动“${activity.name}”，原定${formatCN(session.startsAt)}，${released.affected ?? 0}人；原因：${text}`,
        before: session,
        after: { ...session, cancelledAt: now, cancelReason: text },
      });
      await this.notifyCompany(m, activity, {
        title: `培训取消：${activity.name}`,
        body: `原定${formatCN(session.startsAt)}在${session.place}的${session.isMakeup ? '补训' : '岗前培训'}取消，原因：${text}。另行安排时将再通知。`,
      });
    });
    return this.session(actor, sessionId);
  }

  /**
   * 签到与考核 of a session that has begun (SPEC §2 step 6): attendance and a score for each of its subjects; a subject
   * is passed at the pass mark (setting `training.passScore`), kept on the session with its first
   * results so that every result of one session is judged by one mark, whatever the setting says later.
   * The on-duty roster follows (READY). A guard's hours in the session stay taken whatever is recorded
   * (`busyAt`).
   */
  async recordResults(actor: Actor, sessionId: string, results: TrainingResultInput[], expectedResultsVersion?: number | null): Promise<TrainingSessionType> {
    await this.ds.transaction(async (m) => {
      const found = await m.findOneBy(TrainingSessionEntity, { id: sessionId });
      if (!found) throw notFound('培训');
      const activity = await lockActivity(m, found.activityId);
      assertCanViewActivity(actor, activity);
      const session = (await m.findOneBy(TrainingSessionEntity, { id: sessionId }))!;
      if (!TRAINING_STATES.includes(activity.status)) {
        throw conflict(`活动当前状态为“${activityStatusLabels[activity.status]}”，不能再登记培训结果`);
      }
      if (session.cancelledAt) throw conflict(`该培训已于${formatCN(session.cancelledAt)}取消，不能登记结果`);
      const now = this.clock.now();
      if (session.startsAt > now) {
        throw conflict(`培训尚未开始，可于${formatCN(session.startsAt)}起登记签到与考核结果`);
      }
      const passScore = session.passScore ?? (await this.settings.get('training.passScore', m));
      const rows = await this.attendanceRows(m, 'ta.session_id = $1', [sessionId]);
      const byEntry = new Map(rows.map((r) => [r.rosterEntryId, r]));
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      if (results.length === 0) problems.push({ field: 'results', message: '请至少登记一名人员的结果' });
      results.forEach((r, i) => {
        const row = i + 1;
        const at = `results.${i}`;
        const who = byEntry.get(r.rosterEntryId);
        const name = who ? `第${row}行（${who.guardName}）` : `第${row}行`;
        if (!who) return problems.push({ row, field: `${at}.rosterEntryId`, message: `${name}：该人员未安排参加本次培训` });
        if (seen.has(r.rosterEntryId)) problems.push({ row, field: `${at}.rosterEntryId`, message: `${name}：重复登记` });
        seen.add(r.rosterEntryId);
        const topicsGiven = new Set<string>();
        r.scores.forEach((s, j) => {
          if (!session.topics.includes(s.topic)) {
            problems.push({ row, field: `${at}.scores.${j}.topic`, message: `${name}：本次培训没有“${trainingTopicLabels[s.topic]}”科目` });
          }
          if (topicsGiven.has(s.topic)) problems.push({ row, field: `${at}.scores.${j}.topic`, message: `${name}：“${trainingTopicLabels[s.topic]}”成绩重复` });
          topicsGiven.add(s.topic);
          if (!Number.isFinite(s.score) || s.score < 0 || s.score > 100) {
            problems.push({ row, field: `${at}.scores.${j}.score`, message: `${name}：“${trainingTopicLabels[s.topic]}”成绩应在0到100之间` });
          } else if (Number(s.score.toFixed(1)) !== s.score) {
            // a score is marked to a tenth at most: 59.99999999 is a typo, not rounded to 60 (review 5 C-12)
            problems.push({ row, field: `${at}.scores.${j}.score`, message: `${name}：“${trainingTopicLabels[s.topic]}”成绩最多保留一位小数` });
          }
        });
        if (r.attended) {
          for (const t of session.topics) {
            if (!topicsGiven.has(t)) problems.push({ row, field: `${at}.scores`, message: `${name}：请填写“${trainingTopicLabels[t]}”成绩` });
          }
        } else if (r.scores.length > 0) {
          problems.push({ row, field: `${at}.scores`, message: `${name}：未到课不应填写成绩` });
        }
      });
      assertNoProblems(problems, '培训结果有误');

      const outcome = (r: TrainingResultInput) => {
        const passedTopics = r.attended ? session.topics.filter((t) => (r.scores.find((s) => s.topic === t)?.score ?? -1) >= passScore) : [];
        return { passedTopics, passed: r.attended && passedTopics.length === session.topics.length };
      };
      // Only what differs from the stored result is written: the same results sent again (a double
      // click, a retry) write nothing and leave no audit entry.
      const unchanged = (r: TrainingResultInput) => {
        const stored = byEntry.get(r.rosterEntryId)!;
        const o = outcome(r);
        const scores = stored.scores ?? {};
        return stored.attended === r.attended && stored.passed === o.passed &&
          stored.passedTopics.length === o.passedTopics.length && o.passedTopics.every((t) => stored.passedTopics.includes(t)) &&
          Object.keys(scores).length === r.scores.length && r.scores.every((x) => scores[x.topic] === x.score);
      };
      const changed = results.filter((r) => !unchanged(r));
      if (changed.length === 0) return;
      // A change made on a stale copy (another officer changed the results since it was read): CONFLICT.
      if (expectedResultsVersion != null && expectedResultsVersion !== session.resultsVersion) {
        throw conflict(`培训结果已被他人修改（现为第${session.resultsVersion}版，您看到的是第${expectedResultsVersion}版），请刷新后核对再登记`);
      }
      await m.update(TrainingSessionEntity, { id: sessionId }, { resultsVersion: session.resultsVersion + 1, ...(session.passScore === null ? { passScore } : {}) });
      for (const r of changed) {
        const o = outcome(r);
        await m.update(
          TrainingAttendanceEntity,
          { sessionId, rosterEntryId: r.rosterEntryId },
          {
            attended: r.attended,
            passed: o.passed,
            passedTopics: o.passedTopics,
            scores: Object.fromEntries(r.scores.map((s) => [s.topic, s.score])),
            recordedBy: actor.id,
            recordedAt: now,
          },
        );
      }
      const attended = changed.filter((r) => r.attended).length;
      const passed = changed.filter((r) => outcome(r).passed).length;
      const written = new Set(changed.map((r) => r.rosterEntryId));
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'TrainingSession',
        entityId: sessionId,
        summary: `登记培训结果：活动“${activity.name}”，${changed.length}人，到课${attended}人，${topicNames(session.topics)}全部合格${passed}人（合格分数${passScore}分）`,
        before: rows.filter((r) => written.has(r.rosterEntryId)),
        after: changed.map((r) => ({ ...r, ...outcome(r) })),
      });
      await this.syncReadiness(m, activity, actor);
    });
    return this.session(actor, sessionId);
  }

  /**
   * READY exactly when the on-duty roster covers the guards required: TRAINING → READY when it
   * does, READY → TRAINING when a corrected result leaves it short.
   */
  async syncReadiness(m: EntityManager, activity: ActivityEntity, actor: Actor): Promise<void> {
    const count = await onDutyCount(m, activity.id);
    const covered = count >= activity.guardsRequired;
    if (activity.status === ActivityStatus.TRAINING && covered) {
      const units: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1`, [UnitKind.LEADING_GROUP_OFFICE]);
      await this.lifecycle.transition(m, {
        activity,
        to: ActivityStatus.READY,
        actor,
        comment: `在岗名单${count}人（三个科目均合格），已达到所需${activity.guardsRequired}人`,
        notify: {
          unitIds: [activity.selectedCompanyId, activity.organizerUnitId, ...units.map((u) => u.id)].filter((x): x is string => !!x),
          message: {
            title: `待上岗：${activity.name}`,
            body: `岗前培训完成，在岗名单${count}人（所需${activity.guardsRequired}人）。请${activity.securityMode === SecurityMode.SELF_RECRUITED ? '大型活动安全保卫支队' : '保安服务公司'}为在岗人员分配岗位和责任区域。`,
            link: `/training/${activity.id}`,
          },
        },
      });
    } else if (activity.status === ActivityStatus.READY && !covered) {
      await this.lifecycle.transition(m, {
        activity,
        to: ActivityStatus.TRAINING,
        actor,
        comment: `在岗名单${count}人，不足所需${activity.guardsRequired}人，退回岗前培训`,
      });
    }
  }

  /** Rows of the on-duty roster inside a transaction (for the gate in other modules). */
  onDutyRows(m: EntityManager, activityId: string) {
    return onDutyRows(m, activityId);
  }

  /**
   * 岗位分工 (SPEC §2 step 1, Art. 6 task assignment): the selected company assigns its on-duty
   * guards a post and an area; for a self-recruited activity the event detachment does. Only people
   * on the on-duty roster can be given a post: the duty gate holds here too. Once the event has ended
   * the posts are what the day's checks were made against, and stay as they were (red team F4: moved
   * after the end, a recorded finding showed the new area). Posts and areas reach the 签到表 and the
   * exports: one beginning as a spreadsheet formula (=, +, @) is refused, as names are; a minus is a floor ("-1层").
   */
  async assignPosts(actor: Actor, activityId: string, assignments: PostAssignmentInput[]): Promise<OnDutyGuardType[]> {
    await this.ds.transaction(async (m) => {
      const activity = await lockActivity(m, activityId);
      assertCanViewActivity(actor, activity);
      assertAssignsPosts(actor, activity);
      if (![ActivityStatus.TRAINING, ActivityStatus.READY, ActivityStatus.IN_PROGRESS].includes(activity.status)) {
        throw conflict(`活动当前状态为“${activityStatusLabels[activity.status]}”，不能分配岗位`);
      }
      if (hasEnded(activity, this.clock.now())) {
        throw conflict(`活动已于${formatCN(activity.endsAt)}结束，不能再分配或修改岗位：岗位分工保持活动当天的安排`);
      }
      const onDuty = new Map((await onDutyRows(m, activityId)).map((r) => [r.rosterEntryId, r]));
      const names = new Map<string, string>(
        (
          await m.query(
            `SELECT r.id, g.name FROM roster_entries r JOIN guards g ON g.id = r.guard_id WHERE r.activity_id = $1`,
            [activityId],
          )
        ).map((r: { id: string; name: string }) => [r.id, r.name]),
      );
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      assignments.forEach((a, i) => {
        const name = names.get(a.rosterEntryId);
        const who = `第${i + 1}行${name ? `（${name}）` : ''}`;
        if (!onDuty.has(a.rosterEntryId)) {
          problems.push({ row: i + 1, field: `assignments.${i}.rosterEntryId`, message: `${who}：不在在岗名单中（须审核通过且三个科目培训合格），不能安排上岗` });
        }
        if (seen.has(a.rosterEntryId)) problems.push({ row: i + 1, field: `assignments.${i}.rosterEntryId`, message: `${who}：重复` });
        seen.add(a.rosterEntryId);
        if (!a.post?.trim() && a.area?.trim()) {
          problems.push({ row: i + 1, field: `assignments.${i}.post`, message: `${who}：填写责任区域时须同时填写岗位` });
        }
        for (const [key, label] of [['post', '岗位名称'], ['area', '责任区域']] as const) {
          // A place may begin with a minus ("-1层", a floor below ground: text.ts), never with = + @.
          const formula = a[key] && !/^\s*[-－]/.test(a[key]) ? formulaLikeProblem(a[key], label) : null;
          if (formula) problems.push({ row: i + 1, field: `assignments.${i}.${key}`, message: `${who}：${formula}` });
        }
      });
      assertNoProblems(problems, '岗位分工有误');
      const before = assignments.map((a) => ({ rosterEntryId: a.rosterEntryId, post: onDuty.get(a.rosterEntryId)?.post ?? null, area: onDuty.get(a.rosterEntryId)?.area ?? null }));
      for (const a of assignments) {
        const post = a.post?.trim() || null;
        await m.update(RosterEntryEntity, { id: a.rosterEntryId }, { post, area: post ? a.area?.trim() || null : null });
      }
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Activity',
        entityId: activityId,
        summary: `岗位分工：活动“${activity.name}”，${assignments.length}人`,
        before,
        after: assignments,
      });
    });
    return this.onDutyRoster(actor, activityId);
  }
}
