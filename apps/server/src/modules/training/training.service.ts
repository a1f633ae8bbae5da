import { ActivityStatus, activityStatusLabels, AuditAction, TrainingTopic, trainingTopicLabels, UnitKind } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/context';
import { assertNoProblems, badInput, conflict, FieldProblem, notFound } from '../../common/errors';
import { ActivityEntity } from '../activities/activity.entity';
import { assertCanViewActivity } from '../activities/activity.policy';
import { ActivityLifecycle, lockActivity } from '../activities/lifecycle';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RosterEntryEntity } from '../vetting/roster-entry.entity';
import { ON_DUTY_CONDITION, onDutyCount, onDutyRows } from './duty-roster';
import { TrainingAttendanceEntity } from './training-attendance.entity';
import { TrainingSessionEntity } from './training-session.entity';
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
} from './training.types';

/** Training is scheduled and recorded while the activity is in training, or ready (make-ups, corrections). */
const TRAINING_STATES = [ActivityStatus.TRAINING, ActivityStatus.READY];

interface AttendanceRow {
  sessionId: string;
  rosterEntryId: string;
  guardId: string;
  guardName: string;
  certificateNo: string | null;
  companyName: string;
  attended: boolean | null;
  scores: Record<string, number>;
  passed: boolean | null;
  recordedAt: Date | null;
}

interface TraineeRow {
  rosterEntryId: string;
  guardId: string;
  guardName: string;
  certificateNo: string | null;
  companyName: string;
  /** Results of this entry's sessions, oldest first. */
  results: { attended: boolean | null; passed: boolean | null }[] | null;
}

function standingOf(results: TraineeRow['results']): TrainingStanding {
  const list = results ?? [];
  if (list.some((r) => r.attended && r.passed)) return TrainingStanding.PASSED;
  if (list.length === 0) return TrainingStanding.NOT_ASSIGNED;
  const last = list[list.length - 1];
  if (last.attended === null) return TrainingStanding.SCHEDULED;
  return last.attended ? TrainingStanding.FAILED : TrainingStanding.ABSENT;
}

export class TrainingService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: ActivityLifecycle,
  ) {}

  private async visibleActivity(actor: Actor, activityId: string, m: EntityManager = this.ds.manager) {
    const activity = await m.findOneBy(ActivityEntity, { id: activityId });
    assertCanViewActivity(actor, activity);
    return activity;
  }

  private async attendanceRows(m: EntityManager, where: string, params: unknown[]): Promise<AttendanceRow[]> {
    return m.query(
      `SELECT ta.session_id AS "sessionId", ta.roster_entry_id AS "rosterEntryId", g.id AS "guardId",
              g.name AS "guardName", g.certificate_no AS "certificateNo", c.name AS "companyName",
              ta.attended, ta.scores, ta.passed, ta.recorded_at AS "recordedAt"
         FROM training_attendance ta
         JOIN training_sessions ts ON ts.id = ta.session_id
         JOIN roster_entries r ON r.id = ta.roster_entry_id
         JOIN guards g ON g.id = r.guard_id
         JOIN companies c ON c.id = r.company_id
        WHERE ${where}
        ORDER BY c.name, g.name, g.id`,
      params,
    );
  }

  private toSessionType(s: TrainingSessionEntity, activity: ActivityEntity, rows: AttendanceRow[]): TrainingSessionType {
    const attendance: TrainingAttendanceType[] = rows
      .filter((r) => r.sessionId === s.id)
      .map((r) => ({
        ...r,
        scores: s.topics.filter((t) => r.scores?.[t] !== undefined).map((topic) => ({ topic, score: r.scores[topic] })),
      }));
    return {
      ...s,
      activityName: activity.name,
      attendance,
      resultsRecorded: attendance.length > 0 && attendance.every((a) => a.attended !== null),
    };
  }

  /** The activity's sessions, the cleared guards' standing, and the on-duty count. */
  async overview(actor: Actor, activityId: string): Promise<TrainingOverviewType> {
    const activity = await this.visibleActivity(actor, activityId);
    const m = this.ds.manager;
    const sessions = await m.find(TrainingSessionEntity, { where: { activityId }, order: { startsAt: 'ASC', isMakeup: 'ASC', createdAt: 'ASC' } });
    const rows = await this.attendanceRows(m, 'ts.activity_id = $1', [activityId]);
    const trainees: TraineeRow[] = await m.query(
      `SELECT r.id AS "rosterEntryId", g.id AS "guardId", g.name AS "guardName", g.certificate_no AS "certificateNo",
              c.name AS "companyName",
              (SELECT json_agg(json_build_object('attended', ta.attended, 'passed', ta.passed) ORDER BY ts.starts_at, ts.created_at)
                 FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id) AS results
         FROM roster_entries r JOIN guards g ON g.id = r.guard_id JOIN companies c ON c.id = r.company_id
        WHERE r.activity_id = $1 AND r.state = 'ACTIVE' AND r.decision = 'PASSED'
        ORDER BY c.name, g.name, g.id`,
      [activityId],
    );
    const traineeTypes: TrainingTraineeType[] = trainees.map((t) => ({ ...t, standing: standingOf(t.results) }));
    return {
      activityId,
      guardsRequired: activity.guardsRequired,
      clearedCount: trainees.length,
      onDutyCount: traineeTypes.filter((t) => t.standing === TrainingStanding.PASSED).length,
      sessions: sessions.map((s) => this.toSessionType(s, activity, rows)),
      trainees: traineeTypes,
    };
  }

  /** One session with its sign-in list (签到表). */
  async session(actor: Actor, sessionId: string, m: EntityManager = this.ds.manager): Promise<TrainingSessionType> {
    const s = await m.findOneBy(TrainingSessionEntity, { id: sessionId });
    if (!s) throw notFound('培训');
    const activity = await this.visibleActivity(actor, s.activityId, m);
    const rows = await this.attendanceRows(m, 'ta.session_id = $1', [sessionId]);
    return this.toSessionType(s, activity, rows);
  }

  /** 在岗名单: cleared ∧ trained ∧ passed, with photo and post, for the inspection screen. */
  async onDutyRoster(actor: Actor, activityId: string): Promise<OnDutyGuardType[]> {
    await this.visibleActivity(actor, activityId);
    return this.ds.query(
      `SELECT r.id AS "rosterEntryId", g.id AS "guardId", g.name, g.certificate_no AS "certificateNo", g.photo,
              r.post, c.id AS "companyId", c.name AS "companyName"
         FROM roster_entries r JOIN guards g ON g.id = r.guard_id JOIN companies c ON c.id = r.company_id
        WHERE r.activity_id = $1 AND ${ON_DUTY_CONDITION}
        ORDER BY r.post NULLS LAST, g.name, g.id`,
      [activityId],
    );
  }

  async schedule(actor: Actor, activityId: string, input: ScheduleTrainingInput, requestId?: string): Promise<TrainingSessionType> {
    const problems: FieldProblem[] = [];
    if (Number.isNaN(input.startsAt?.getTime?.())) problems.push({ field: 'startsAt', message: '培训时间无效' });
    const topics = [...new Set(input.topics)];
    if (topics.length !== input.topics.length) problems.push({ field: 'topics', message: '培训科目不能重复' });
    if (!input.place?.trim()) problems.push({ field: 'place', message: '请填写培训地点' });
    if (!input.instructor?.trim()) problems.push({ field: 'instructor', message: '请填写授课人' });
    assertNoProblems(problems, '培训安排有误');

    const id = await this.ds.transaction(async (m) => {
      const activity = await lockActivity(m, activityId);
      assertCanViewActivity(actor, activity);
      if (!TRAINING_STATES.includes(activity.status)) {
        throw conflict(`活动当前状态为“${activityStatusLabels[activity.status]}”，只有岗前培训阶段可以安排培训`);
      }
      if (input.startsAt >= activity.startsAt) {
        throw badInput('培训时间应早于活动开始时间', [{ field: 'startsAt', message: '培训时间应早于活动开始时间' }]);
      }
      const trainees: { id: string; name: string; passed: boolean; assigned: boolean }[] = await m.query(
        `SELECT r.id, g.name,
                EXISTS (SELECT 1 FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                         WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id AND ta.attended AND ta.passed) AS passed,
                EXISTS (SELECT 1 FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                         WHERE ta.roster_entry_id = r.id AND ts.activity_id = r.activity_id) AS assigned
           FROM roster_entries r JOIN guards g ON g.id = r.guard_id
          WHERE r.activity_id = $1 AND r.state = 'ACTIVE' AND r.decision = 'PASSED'`,
        [activityId],
      );
      const byId = new Map(trainees.map((t) => [t.id, t]));
      let assigned: string[];
      if (input.rosterEntryIds && input.rosterEntryIds.length > 0) {
        const picks = [...new Set(input.rosterEntryIds)];
        const bad: FieldProblem[] = [];
        picks.forEach((entryId, i) => {
          const t = byId.get(entryId);
          if (!t) bad.push({ field: `rosterEntryIds.${i}`, message: `第${i + 1}名参训人员不在本活动已通过审核的名单中` });
          else if (t.passed) bad.push({ field: `rosterEntryIds.${i}`, message: `${t.name}已培训合格，无需再训` });
        });
        assertNoProblems(bad, '参训人员有误');
        assigned = picks;
      } else {
        assigned = trainees.filter((t) => !t.passed).map((t) => t.id);
      }
      if (assigned.length === 0) {
        throw badInput('没有需要培训的人员：已通过审核的保安员均已培训合格', [{ field: 'rosterEntryIds', message: '没有需要培训的人员' }]);
      }
      if (input.isMakeup) {
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM training_sessions WHERE activity_id = $1`, [activityId]);
        if (n === 0) throw badInput('尚未安排集中培训，不能安排补训', [{ field: 'isMakeup', message: '请先安排集中培训' }]);
      }
      const session = await m.save(
        TrainingSessionEntity,
        m.create(TrainingSessionEntity, {
          activityId,
          // A timetable runs to the minute: seconds from a client's clock would reorder sessions of one hour.
          startsAt: new Date(Math.floor(input.startsAt.getTime() / 60_000) * 60_000),
          place: input.place.trim(),
          instructor: input.instructor.trim(),
          topics: topics as TrainingTopic[],
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
        summary: `安排${input.isMakeup ? '补训' : '岗前培训'}：活动“${activity.name}”，${assigned.length}人，${topics.map((t) => trainingTopicLabels[t]).join('、')}，${input.periods}学时`,
        after: { ...session, assigned },
      }, requestId);
      const companyUnit = activity.selectedCompanyId ? [activity.selectedCompanyId] : [];
      const organizer = activity.organizerUnitId ? [activity.organizerUnitId] : [];
      const when = input.startsAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      await this.notifications.notify(m, [...companyUnit, ...organizer], {
        title: `${input.isMakeup ? '补训' : '岗前培训'}安排：${activity.name}`,
        body: `${when} 在${session.place}进行${input.isMakeup ? '补训' : '岗前培训'}，授课人${session.instructor}，共${assigned.length}人参训，请按时组织人员参加。`,
        link: `/training/${activityId}`,
        activityId,
      });
      return session.id;
    });
    return this.session(actor, id);
  }

  async recordResults(actor: Actor, sessionId: string, results: TrainingResultInput[], requestId?: string): Promise<TrainingSessionType> {
    await this.ds.transaction(async (m) => {
      const session = await m.findOneBy(TrainingSessionEntity, { id: sessionId });
      if (!session) throw notFound('培训');
      const activity = await lockActivity(m, session.activityId);
      assertCanViewActivity(actor, activity);
      if (!TRAINING_STATES.includes(activity.status)) {
        throw conflict(`活动当前状态为“${activityStatusLabels[activity.status]}”，不能再登记培训结果`);
      }
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
          }
        });
        if (r.attended) {
          for (const t of session.topics) {
            if (!topicsGiven.has(t)) problems.push({ row, field: `${at}.scores`, message: `${name}：请填写“${trainingTopicLabels[t]}”成绩` });
          }
        } else {
          if (r.passed) problems.push({ row, field: `${at}.passed`, message: `${name}：未到课不能判定为合格` });
          if (r.scores.length > 0) problems.push({ row, field: `${at}.scores`, message: `${name}：未到课不应填写成绩` });
        }
      });
      assertNoProblems(problems, '培训结果有误');

      // The transaction's own time, so a READY transition it causes is stamped the same instant.
      const [{ now }] = await m.query('SELECT now() AS now');
      for (const r of results) {
        await m.update(
          TrainingAttendanceEntity,
          { sessionId, rosterEntryId: r.rosterEntryId },
          {
            attended: r.attended,
            passed: r.attended && r.passed,
            scores: Object.fromEntries(r.scores.map((s) => [s.topic, s.score])),
            recordedBy: actor.id,
            recordedAt: now,
          },
        );
      }
      const attended = results.filter((r) => r.attended).length;
      const passed = results.filter((r) => r.attended && r.passed).length;
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'TrainingSession',
        entityId: sessionId,
        summary: `登记培训结果：活动“${activity.name}”，${results.length}人，到课${attended}人，合格${passed}人`,
        before: rows.filter((r) => seen.has(r.rosterEntryId)),
        after: results,
      }, requestId);
      await this.syncReadiness(m, activity, actor, requestId);
    });
    return this.session(actor, sessionId);
  }

  /**
   * READY exactly when the on-duty roster covers the guards required: TRAINING → READY when it
   * does, READY → TRAINING when a corrected result leaves it short.
   */
  async syncReadiness(m: EntityManager, activity: ActivityEntity, actor: Actor, requestId?: string): Promise<void> {
    const count = await onDutyCount(m, activity.id);
    const covered = count >= activity.guardsRequired;
    if (activity.status === ActivityStatus.TRAINING && covered) {
      const units: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1`, [UnitKind.LEADING_GROUP_OFFICE]);
      await this.lifecycle.transition(m, {
        activity,
        to: ActivityStatus.READY,
        actor,
        comment: `在岗名单${count}人，已达到所需${activity.guardsRequired}人`,
        requestId,
        notify: {
          unitIds: [activity.selectedCompanyId, activity.organizerUnitId, ...units.map((u) => u.id)].filter((x): x is string => !!x),
          message: { title: `待上岗：${activity.name}`, body: `岗前培训完成，在岗名单${count}人（所需${activity.guardsRequired}人）。`, link: `/training/${activity.id}` },
        },
      });
    } else if (activity.status === ActivityStatus.READY && !covered) {
      await this.lifecycle.transition(m, {
        activity,
        to: ActivityStatus.TRAINING,
        actor,
        comment: `在岗名单${count}人，不足所需${activity.guardsRequired}人，退回岗前培训`,
        requestId,
      });
    }
  }

  /** Rows of the on-duty roster inside a transaction (for the gate in other modules). */
  onDutyRows(m: EntityManager, activityId: string) {
    return onDutyRows(m, activityId);
  }

  /**
   * 岗位分工. Only people on the on-duty roster can be given a post: the duty gate holds here too.
   */
  async assignPosts(actor: Actor, activityId: string, assignments: PostAssignmentInput[], requestId?: string): Promise<OnDutyGuardType[]> {
    await this.ds.transaction(async (m) => {
      const activity = await lockActivity(m, activityId);
      assertCanViewActivity(actor, activity);
      if (![ActivityStatus.TRAINING, ActivityStatus.READY, ActivityStatus.IN_PROGRESS].includes(activity.status)) {
        throw conflict(`活动当前状态为“${activityStatusLabels[activity.status]}”，不能分配岗位`);
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
      assignments.forEach((a, i) => {
        if (!onDuty.has(a.rosterEntryId)) {
          const name = names.get(a.rosterEntryId);
          problems.push({
            row: i + 1,
            field: `assignments.${i}.rosterEntryId`,
            message: `第${i + 1}行${name ? `（${name}）` : ''}：不在在岗名单中（须审核通过且培训合格），不能安排上岗`,
          });
        }
      });
      assertNoProblems(problems, '岗位分工有误');
      const before = assignments.map((a) => ({ rosterEntryId: a.rosterEntryId, post: onDuty.get(a.rosterEntryId)?.post ?? null }));
      for (const a of assignments) {
        await m.update(RosterEntryEntity, { id: a.rosterEntryId }, { post: a.post?.trim() || null });
      }
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Activity',
        entityId: activityId,
        summary: `岗位分工：活动“${activity.name}”，${assignments.length}人`,
        before,
        after: assignments,
      }, requestId);
    });
    return this.onDutyRoster(actor, activityId);
  }
}
