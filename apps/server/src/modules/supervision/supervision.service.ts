import { AuditAction, District, formulaLikeProblem, UnitKind } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { todayBy } from '../../common/calendar';
import { Clock } from '../../common/clock';
import { Actor } from '../../common/actor';
import { addDays, daysBetween, isIsoDate, ZONE } from '../../common/calendar';
import { badInput, conflict, notFound } from '../../common/errors';
import { logger } from '../../common/logger';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { ActivityEntity } from '../activities/activity.entity';
import { canViewActivity } from '../activities/activity.policy';
import { AuditService } from '../audit/audit.service';
import { Params, Period, periodActivities, todaySql } from '../dashboard/overview.sql';
import { DeadlineStage, deadlineStageLabels } from '../deadlines/deadlines.types';
import {
  currentStageSql,
  dueOnSql,
  overdueNote,
  overdueStageSql,
  responsibleUnitSql,
  stageDaysOf,
  StageDays,
  stageDef,
  stageIndexSql,
  stageRowsLateral,
} from '../deadlines/stages';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { SupervisionNoticeEntity } from './supervision.entity';
import {
  OverdueItemType,
  OverdueUnitType,
  SupervisionNoticeFilter,
  SupervisionNoticeInput,
  SupervisionNoticeType,
  UnitPunctualityType,
} from './supervision.types';
import { assertAnswersNotice, noticeUnitScope, seesEveryUnitsNotices } from './supervision.policy';

/** The latest answer deadline a 督办 may set, in days from today. */
const MAX_DUE_DAYS = 30;

/**
 * Why a 督办 text (督办内容, 答复, 办结情况) is refused for beginning as a spreadsheet formula does, or
 * null: the texts go verbatim into the notifications, the audit log and the 台账 export (red team K2).
 * The rule of the names (text.ts formulaLikeProblem): = + - @ and full-width ＝＋－＠, after the
 * surrounding whitespace (a leading tab or line break) that is trimmed off anyway. A leading minus is
 * refused here too, unlike for places ("-1层", training.service.ts): it starts formulas as "=" does
 * (-2+3+cmd|…), and prose here has no need of it ("地下1层…", "一、…" begin as well).
 */
function supervisionTextProblem(text: string, label: string): string | null {
  return formulaLikeProblem(text, label);
}

interface OverdueRow {
  activity_id: string;
  code: string;
  name: string;
  district: District;
  /** The overdue stage: the first stage not done whose due date has passed (stages.ts). */
  stage: DeadlineStage;
  /** The stage the activity waits on: its unit is the one to act. */
  current_stage: DeadlineStage;
  /** The overdue stage's due date. */
  due_on: string;
  unit_id: string;
  unit_name: string;
  level: number;
  notice_id: string | null;
}

const NOTICE_SELECT = `
  SELECT n.*, n.due_on::text AS due_on_iso, a.name AS activity_name, u.name AS unit_name,
         iu.display_name || '（' || iun.name || '）' AS issued_by_name,
         au.display_name || '（' || aun.name || '）' AS answered_by_name,
         cu.display_name || '（' || cun.name || '）' AS closed_by_name
    FROM supervision_notices n
    JOIN activities a ON a.id = n.activity_id
    JOIN units u ON u.id = n.unit_id
    JOIN users iu ON iu.id = n.issued_by JOIN units iun ON iun.id = iu.unit_id
    LEFT JOIN users au ON au.id = n.answered_by LEFT JOIN units aun ON aun.id = au.unit_id
    LEFT JOIN users cu ON cu.id = n.closed_by LEFT JOIN units cun ON cun.id = cu.unit_id`;

/**
 * 督办 (seed 六 明确责任): every stage has a responsible unit and a deadline (stages.ts). A passed
 * deadline reminds the responsible unit, and after `supervision.escalateDays` the office; the office
 * issues 督办通知 that the unit answers; answers and outcomes go into the 台账.
 */
export class SupervisionService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** SQL uuids of the units a stage is owed by, by kind (the detachment, the leader group). */
  /**
   * The unit of a kind that is responsible for a stage (the first created), as a scalar subquery the
   * planner runs once per statement: no round trip of its own.
   */
  private kindUnits(): (kind: UnitKind) => string {
    return (kind: UnitKind) => `(SELECT ku.id FROM units ku WHERE ku.kind = '${kind}' ORDER BY ku.created_at, ku.id LIMIT 1)`;
  }

  private async days(m?: EntityManager): Promise<StageDays> {
    return stageDaysOf(await this.settings.all(m));
  }

  /**
   * Open 督办 matters of an activity (SQL condition on notices `n` for activity row `x`): an open notice
   * on the stage it waits on or a later one — on the overdue stage (the 督办 list's) or the current one
   * (the activity page's). A notice on a stage since done no longer stands in the way of a new one.
   */
  private openNoticeSql(n: string, x: string): string {
    return `${n}.activity_id = ${x}.activity_id AND ${n}.closed_at IS NULL AND ${stageIndexSql(`${n}.stage`)} >= ${stageIndexSql(`${x}.current_stage`)}`;
  }

  /**
   * Overdue activities (stages.ts, the one rule the overview and the homes count by): their overdue
   * stage and its due date, and the unit that must act — the one of the stage the activity waits on.
   */
  private async overdueRows(m: EntityManager, unitId?: string | null): Promise<OverdueRow[]> {
    const q = new Params();
    const today = todaySql(todayBy(this.clock));
    const unitOf = this.kindUnits();
    const days = await this.days(m);
    const sql = `
      SELECT x.*, u.name AS unit_name,
             COALESCE((SELECT max(r.level) FROM supervision_reminders r WHERE r.activity_id = x.activity_id AND r.stage = x.stage), 0) AS level,
             (SELECT n.id FROM supervision_notices n WHERE ${this.openNoticeSql('n', 'x')} ORDER BY n.issued_at DESC LIMIT 1) AS notice_id
        FROM (SELECT a.id AS activity_id, a.code, a.name, a.district, st.stage, st.current_stage,
                     ${dueOnSql('st.stage', days)}::text AS due_on, ${responsibleUnitSql('st.current_stage', unitOf)} AS unit_id
                FROM activities a
               CROSS JOIN LATERAL (SELECT ${overdueStageSql(days, today)} AS stage, ${currentStageSql('a')} AS current_stage) st
               WHERE a.status NOT IN ('DRAFT', 'CLOSED', 'CANCELLED')) x
        JOIN units u ON u.id = x.unit_id
       WHERE x.stage IS NOT NULL ${unitId ? `AND x.unit_id = ${q.p(unitId)}::uuid` : ''}
       ORDER BY u.name, x.due_on, x.code`;
    return m.query(sql, q.values);
  }

  private toItem(r: OverdueRow): OverdueItemType {
    return {
      activityId: r.activity_id,
      activityCode: r.code,
      activityName: r.name,
      district: r.district,
      stage: r.stage,
      stageLabel: deadlineStageLabels[r.stage],
      // The overdue stage's task; when the activity still waits on an earlier stage, that one too
      // (the unit listed is that stage's): “推荐不少于3家候选公司；当前待受理请示”.
      task: r.stage === r.current_stage ? stageDef(r.stage).task : `${stageDef(r.stage).task}；当前待${deadlineStageLabels[r.current_stage]}`,
      dueOn: r.due_on,
      daysOverdue: daysBetween(r.due_on, todayBy(this.clock)),
      unitId: r.unit_id,
      unitName: r.unit_name,
      reminderLevel: Number(r.level),
      openNoticeId: r.notice_id,
    };
  }

  /**
   * Overdue items grouped by responsible unit: the leader group and the office see every unit; any
   * other user sees their own unit's.
   */
  async overdueByUnit(actor: Actor): Promise<OverdueUnitType[]> {
    const rows = await this.overdueRows(this.ds.manager, noticeUnitScope(actor));
    const groups = new Map<string, OverdueUnitType>();
    for (const r of rows) {
      const g = groups.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, items: [] };
      g.items.push(this.toItem(r));
      groups.set(r.unit_id, g);
    }
    return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  }

  /**
   * The reminder job: level 1 to the responsible unit when an activity is overdue (stages.ts: a stage
   * not done has a passed due date), level 2 to the office `supervision.escalateDays` after that date.
   * One row per (activity, overdue stage, level) — the passed deadline, sent to the unit the activity
   * waits on — inserted with ON CONFLICT DO NOTHING in the same transaction as its notifications:
   * several API nodes running the job at once send each reminder exactly once, and a deadline already
   * reminded is not reminded again when the activity moves on to another unit while still behind it.
   * Returns how many reminders were sent.
   */
  async runReminders(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const escalate = await this.settings.get('supervision.escalateDays', m);
      const office = (await m.query(`SELECT id FROM units WHERE kind = 'LEADING_GROUP_OFFICE'`)).map((r: { id: string }) => r.id);
      const today = todayBy(this.clock);
      const now = this.clock.now();
      let sent = 0;
      const rows = await this.overdueRows(m);
      // When each overdue stage's unit was reminded (Beijing date): the office is told `escalate` days
      // after that reminder, not after the due date — after a pause of the job (or of the server) both
      // would otherwise go out at once, telling the office a unit ignored a reminder it had just
      // received (review 9-C F3).
      // The office is told which unit was reminded and did not act: the one the reminder went to, which
      // is not the current stage's when the activity has moved on behind the same passed deadline.
      const remindedOn = new Map<string, { on: string; unitName: string }>(
        (rows.length
          ? await m.query(
              `SELECT s.activity_id || ':' || s.stage AS key, to_char(s.sent_at AT TIME ZONE '${ZONE}', 'YYYY-MM-DD') AS on, u.name AS "unitName"
                 FROM supervision_reminders s JOIN units u ON u.id = s.unit_id WHERE s.level = 1 AND s.activity_id = ANY($1::uuid[])`,
              [[...new Set(rows.map((r) => r.activity_id))]],
            )
          : []
        ).map((x: { key: string; on: string; unitName: string }) => [x.key, { on: x.on, unitName: x.unitName }]),
      );
      for (const r of rows) {
        const reminded = remindedOn.get(`${r.activity_id}:${r.stage}`);
        const levels = reminded ? (today >= addDays(reminded.on, escalate) ? [2] : []) : [1];
        const remindedUnit = reminded?.unitName ?? r.unit_name;
        for (const level of levels) {
          const inserted: unknown[] = await m.query(
            `INSERT INTO supervision_reminders (activity_id, stage, level, unit_id, due_on, sent_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT uq_supervision_reminders DO NOTHING RETURNING id`,
            [r.activity_id, r.stage, level, level === 1 ? r.unit_id : (office[0] ?? r.unit_id), r.due_on, now],
          );
          if (inserted.length === 0) continue;
          sent += 1;
          const what = `${deadlineStageLabels[r.stage]}（${stageDef(r.stage).task}）`;
          // A later stage's deadline passed while the activity still waits on an earlier one: say both.
          const ahead = `活动“${r.name}”的${overdueNote(r.stage, r.due_on, r.current_stage)}`;
          await this.notifications.notify(m, level === 1 ? [r.unit_id] : office, {
            title: level === 1 ? `逾期提醒：${r.name}` : `逾期未办：${r.name}（${r.unit_name}）`,
            body:
              r.stage === r.current_stage
                ? level === 1
                  ? `活动“${r.name}”的${what}应于${r.due_on}前完成，已逾期。请尽快办理。`
                  : `活动“${r.name}”的${what}应于${r.due_on}前由${r.unit_name}完成，提醒后仍未办理，请领导小组办公室督办。`
                : level === 1
                  ? `${ahead}。请尽快${stageDef(r.current_stage).task}。`
                  : remindedUnit === r.unit_name
                    ? `${ahead}（${r.unit_name}办理），提醒后仍未办理，请领导小组办公室督办。`
                    : `${ahead}：已提醒${remindedUnit}，至今未办结，现由${r.unit_name}办理，请领导小组办公室督办。`,
            link: `/activities/${r.activity_id}`,
            activityId: r.activity_id,
          });
        }
      }
      return sent;
    });
  }

  /** Runs the job now and then every `seconds` (0: never); returns the function that stops it. */
  startSchedule(seconds: number): () => void {
    if (!seconds) return () => undefined;
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try {
        const sent = await this.runReminders();
        if (sent) logger.info({ sent }, '督办提醒已发送');
      } catch (err) {
        logger.error({ err }, '督办提醒失败');
      } finally {
        running = false;
      }
    };
    const first = setTimeout(run, 1_000);
    const timer = setInterval(run, seconds * 1000);
    first.unref();
    timer.unref();
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }

  // ---- 督办通知 --------------------------------------------------------------------------------

  private toNotice(r: Record<string, unknown>, actor: Actor): SupervisionNoticeType {
    // The date as written (a `date` column would arrive as a Date at the server's midnight).
    const dueOn = r.due_on_iso as string;
    return {
      id: r.id as string,
      activityId: r.activity_id as string,
      activityName: r.activity_name as string,
      stage: r.stage as DeadlineStage,
      stageLabel: deadlineStageLabels[r.stage as DeadlineStage],
      unitId: r.unit_id as string,
      unitName: r.unit_name as string,
      text: r.text as string,
      dueOn,
      issuedAt: r.issued_at as Date,
      issuedByName: r.issued_by_name as string,
      answer: (r.answer as string) ?? null,
      answeredAt: (r.answered_at as Date) ?? null,
      answeredByName: (r.answered_by_name as string) ?? null,
      outcome: (r.outcome as string) ?? null,
      closedAt: (r.closed_at as Date) ?? null,
      closedByName: (r.closed_by_name as string) ?? null,
      answerLate: !r.answered_at && !r.closed_at && todayBy(this.clock) > dueOn,
      mine: r.unit_id === actor.unitId,
    };
  }

  private async loadNotice(m: EntityManager, id: string, actor: Actor): Promise<SupervisionNoticeType> {
    const [row] = await m.query(`${NOTICE_SELECT} WHERE n.id = $1`, [id]);
    return this.toNotice(row, actor);
  }

  /** The leader group and the office see every notice; a unit sees those addressed to it. */
  async notices(actor: Actor, filter: SupervisionNoticeFilter = {}, page?: PageInput): Promise<Page<SupervisionNoticeType>> {
    const w = pageWindow(page);
    const q = new Params();
    const where: string[] = [];
    if (!seesEveryUnitsNotices(actor) || filter.mine) where.push(`n.unit_id = ${q.p(actor.unitId)}::uuid`);
    if (filter.activityId) where.push(`n.activity_id = ${q.p(filter.activityId)}::uuid`);
    if (filter.open === true) where.push('n.closed_at IS NULL');
    if (filter.open === false) where.push('n.closed_at IS NOT NULL');
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM supervision_notices n ${clause}`, q.values);
    const rows = await this.ds.query(
      `${NOTICE_SELECT} ${clause} ORDER BY (n.closed_at IS NULL) DESC, n.due_on, n.issued_at DESC LIMIT ${w.take} OFFSET ${w.skip}`,
      q.values,
    );
    return { items: rows.map((r: Record<string, unknown>) => this.toNotice(r, actor)), total, page: w.page, pageSize: w.pageSize };
  }

  /**
   * 督办通知: the office asks the unit responsible for the stage an activity waits on to act and
   * answer by a date (not earlier than today), about that stage or — the 督办 list's item — the stage
   * whose deadline passed (stages.ts: a later one when the activity is behind a later deadline). One
   * open notice per activity on the stages not done yet.
   */
  async issue(actor: Actor, input: SupervisionNoticeInput): Promise<SupervisionNoticeType> {
    const text = input.text?.trim() ?? '';
    const today = todayBy(this.clock);
    const problems = [];
    if (!text) problems.push({ field: 'text', message: '请填写督办内容' });
    const formula = supervisionTextProblem(text, '督办内容');
    if (formula) problems.push({ field: 'text', message: formula });
    if (!isIsoDate(input.dueOn)) problems.push({ field: 'dueOn', message: '答复期限不是有效日期' });
    else if (input.dueOn < today) problems.push({ field: 'dueOn', message: `答复期限不能早于今天（${today}）` });
    // A 督办 asks for an answer about a stage that is late now: a deadline months away is a typing error.
    else if (input.dueOn > addDays(today, MAX_DUE_DAYS)) {
      problems.push({ field: 'dueOn', message: `答复期限不能晚于${addDays(today, MAX_DUE_DAYS)}（${MAX_DUE_DAYS}天内）` });
    }
    if (problems.length) throw badInput(`督办通知有误：${problems.map((p) => p.message).join('；')}`, problems);
    const id = await this.ds.transaction(async (m) => {
      const a = await m.getRepository(ActivityEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id: input.activityId }).getOne();
      if (!a) throw notFound('活动');
      if (!canViewActivity(actor, a)) throw notFound('活动', { denied: true });
      const q = new Params();
      const unitOf = this.kindUnits();
      const days = await this.days(m);
      const [row]: { stage: DeadlineStage | null; overdue_stage: DeadlineStage | null; unit_id: string; due_on: string; overdue_on: string | null }[] = await m.query(
        `SELECT st.stage, st.overdue_stage, ${responsibleUnitSql('st.stage', unitOf)} AS unit_id,
                ${dueOnSql('st.stage', days)}::text AS due_on, ${dueOnSql('st.overdue_stage', days)}::text AS overdue_on
           FROM activities a
          CROSS JOIN LATERAL (SELECT ${currentStageSql('a')} AS stage, ${overdueStageSql(days, todaySql(today))} AS overdue_stage) st
          WHERE a.id = ${q.p(a.id)}::uuid`,
        q.values,
      );
      if (!row?.stage) throw conflict('活动不在需要督办的阶段（草稿、已总结或已取消）');
      const overdue = row.overdue_stage && row.overdue_stage !== row.stage ? row.overdue_stage : null;
      if (input.stage !== row.stage && input.stage !== overdue) {
        throw conflict(
          overdue
            ? `活动当前等待“${deadlineStageLabels[row.stage]}”，“${deadlineStageLabels[overdue]}”已逾期，只能督办这两个阶段`
            : `活动当前等待“${deadlineStageLabels[row.stage]}”，只能督办当前阶段`,
        );
      }
      // One open notice per activity on its stages not done yet: the list's item (the overdue stage)
      // and the activity page's (the current one) are the same matter, addressed to the same unit.
      const [open]: { stage: DeadlineStage }[] = await m.query(
        `SELECT n.stage FROM supervision_notices n CROSS JOIN (SELECT $1::uuid AS activity_id, $2::text AS current_stage) x
          WHERE ${this.openNoticeSql('n', 'x')} LIMIT 1`,
        [a.id, row.stage],
      );
      if (open) {
        throw conflict(`${open.stage === input.stage ? '该阶段' : '该活动'}已有未办结的督办通知（活动“${a.name}”，${deadlineStageLabels[open.stage]}）`);
      }
      const stageDueOn = input.stage === row.stage ? row.due_on : row.overdue_on;
      const [unit] = await m.query(`SELECT id, name FROM units WHERE id = $1`, [row.unit_id]);
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO supervision_notices (activity_id, stage, unit_id, text, due_on, issued_by, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
        [a.id, input.stage, unit.id, text, input.dueOn, actor.id, this.clock.now()],
      );
      if (inserted.length === 0) throw conflict(`该阶段已有未办结的督办通知（活动“${a.name}”，${deadlineStageLabels[input.stage]}）`);
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'SupervisionNotice',
        entityId: inserted[0].id,
        summary: `督办通知：活动“${a.name}”，${deadlineStageLabels[input.stage]}，${unit.name}，限${input.dueOn}前答复`,
        after: { ...input, text, unitId: unit.id },
      });
      await this.notifications.notify(m, [unit.id], {
        title: `督办通知：${a.name}`,
        body: `领导小组办公室督办活动“${a.name}”的${deadlineStageLabels[input.stage]}（截止${stageDueOn}）：${text} 请于${input.dueOn}前答复。`,
        link: `/supervision`,
        activityId: a.id,
      });
      return inserted[0].id;
    });
    return this.loadNotice(this.ds.manager, id, actor);
  }

  private async lockNotice(m: EntityManager, id: string): Promise<SupervisionNoticeEntity> {
    const n = await m.getRepository(SupervisionNoticeEntity).createQueryBuilder('n').setLock('pessimistic_write').where('n.id = :id', { id }).getOne();
    if (!n) throw notFound('督办通知');
    return n;
  }

  /** The responsible unit answers (once); the office is told. */
  async answer(actor: Actor, id: string, answer: string): Promise<SupervisionNoticeType> {
    const text = answer?.trim() ?? '';
    if (!text) throw badInput('请填写答复', [{ field: 'answer', message: '请填写答复' }]);
    if (text.length > 1000) throw badInput('答复不超过1000字', [{ field: 'answer', message: '答复不超过1000字' }]);
    const formula = supervisionTextProblem(text, '答复');
    if (formula) throw badInput(formula, [{ field: 'answer', message: formula }]);
    await this.ds.transaction(async (m) => {
      const n = await this.lockNotice(m, id);
      assertAnswersNotice(actor, n);
      if (n.closedAt) throw conflict('该督办通知已办结');
      if (n.answeredAt) throw conflict('该督办通知已答复');
      const now = this.clock.now();
      await m.update(SupervisionNoticeEntity, { id }, { answer: text, answeredBy: actor.id, answeredAt: now });
      const [a] = await m.query(`SELECT name FROM activities WHERE id = $1`, [n.activityId]);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'SupervisionNotice',
        entityId: id,
        summary: `答复督办通知：活动“${a.name}”，${deadlineStageLabels[n.stage as DeadlineStage]}：${text}`,
        before: n,
        after: { ...n, answer: text, answeredAt: now },
      });
      const office = (await m.query(`SELECT id FROM units WHERE kind = 'LEADING_GROUP_OFFICE'`)).map((r: { id: string }) => r.id);
      await this.notifications.notify(m, office, {
        title: `督办答复：${a.name}`,
        body: `${actor.unitName}答复督办通知（${deadlineStageLabels[n.stage as DeadlineStage]}）：${text}`,
        link: `/supervision`,
        activityId: n.activityId,
      });
    });
    return this.loadNotice(this.ds.manager, id, actor);
  }

  /** The office records the outcome and closes the notice. */
  async close(actor: Actor, id: string, outcome: string): Promise<SupervisionNoticeType> {
    const text = outcome?.trim() ?? '';
    if (!text) throw badInput('请填写办结情况', [{ field: 'outcome', message: '请填写办结情况' }]);
    if (text.length > 1000) throw badInput('办结情况不超过1000字', [{ field: 'outcome', message: '办结情况不超过1000字' }]);
    const formula = supervisionTextProblem(text, '办结情况');
    if (formula) throw badInput(formula, [{ field: 'outcome', message: formula }]);
    await this.ds.transaction(async (m) => {
      const n = await this.lockNotice(m, id);
      if (n.closedAt) throw conflict('该督办通知已办结');
      const now = this.clock.now();
      await m.update(SupervisionNoticeEntity, { id }, { outcome: text, closedBy: actor.id, closedAt: now });
      const [a] = await m.query(`SELECT name FROM activities WHERE id = $1`, [n.activityId]);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'SupervisionNotice',
        entityId: id,
        summary: `督办办结：活动“${a.name}”，${deadlineStageLabels[n.stage as DeadlineStage]}：${text}`,
        before: n,
        after: { ...n, outcome: text, closedAt: now },
      });
      await this.notifications.notify(m, [n.unitId], {
        title: `督办办结：${a.name}`,
        body: `领导小组办公室已办结督办通知（${deadlineStageLabels[n.stage as DeadlineStage]}）：${text}`,
        link: `/supervision`,
        activityId: n.activityId,
      });
    });
    return this.loadNotice(this.ds.manager, id, actor);
  }

  // ---- punctuality (overview) ------------------------------------------------------------------

  /**
   * Per responsible unit, for the activities of the period: stages done on time, done late, open and
   * overdue, open and not overdue — the same stage table as the deadlines and the reminders. Overdue
   * is the one rule (stages.ts): an activity behind a passed deadline, also a later stage's, counts
   * once, against the unit it waits on, as in the 督办 list.
   */
  /** `stageDays`: the stage deadlines when the caller has read them already (the overview does). */
  async punctuality(period: Period, m: EntityManager = this.ds.manager, stageDays?: Promise<StageDays>): Promise<UnitPunctualityType[]> {
    const q = new Params();
    const where = periodActivities(q, period);
    const today = todaySql(todayBy(this.clock));
    const unitOf = this.kindUnits();
    const days = await (stageDays ?? this.days(m));
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT sr.unit_id, u.name AS unit_name,
              count(*) FILTER (WHERE sr.done AND (sr.done_on IS NULL OR sr.done_on <= sr.due_on))::int AS on_time,
              count(*) FILTER (WHERE sr.done AND sr.done_on > sr.due_on)::int AS late,
              count(*) FILTER (WHERE sr.overdue)::int AS overdue,
              count(*) FILTER (WHERE NOT sr.done AND NOT sr.overdue)::int AS open
         FROM activities a ${stageRowsLateral(days, unitOf, today, 'a', 'sr')}
         JOIN units u ON u.id = sr.unit_id
        WHERE ${where}
        GROUP BY sr.unit_id, u.name
        ORDER BY (count(*) FILTER (WHERE sr.done AND sr.done_on > sr.due_on) + count(*) FILTER (WHERE sr.overdue)) DESC, u.name`,
      q.values,
    );
    return rows.map((r) => ({
      unitId: r.unit_id as string,
      unitName: r.unit_name as string,
      onTime: Number(r.on_time),
      late: Number(r.late),
      overdue: Number(r.overdue),
      open: Number(r.open),
    }));
  }
}
