import { ActivityStatus, SecurityMode } from '@evs/schema';
import { DataSource } from 'typeorm';
import { formatCN } from '../../common/calendar';
import { Clock } from '../../common/clock';
import { daysBetween, todayCN } from '../../common/calendar';
import { Page, PageInput } from '../../common/pagination';
import { hasEnded } from '../activities/event-window';
import { SettingsService } from '../settings/settings.service';
import { onDutySql, trainedSql } from '../training/duty-roster';
import { dateCN } from './deadlines';
import { DeadlineStage, WorkItemType } from './deadlines.types';
import { dueOn, isPastDue, overdueNote, overdueStage, stageDaysOf, StageDays } from './stages';

interface QueueRow {
  id: string;
  code: string;
  name: string;
  status: ActivityStatus;
  district: WorkItemType['district'];
  securityMode: SecurityMode;
  /** Fixed at the first 通报 (null: the current settings). */
  deadlineDays: StageDays | null;
  startsAt: Date;
  endsAt: Date;
  appliedOn: string;
  reportedAt: Date | null;
  requestedAt: Date | null;
  guardsRequired: number;
  pending: number;
  passed: number;
  onDuty: number;
  unassigned: number;
  unrecorded: number;
  openFindings: number;
  openSerious: number;
}

/**
 * 保安管理支队's work queue (SPEC §6): what waits on it, ordered by the deadline of the step it owes.
 * Counts come from one query, whatever the length of the queue.
 */
export class DeadlinesService {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async workQueue(page?: PageInput): Promise<Page<WorkItemType>> {
    const now = this.clock.now();
    const s = await this.settings.all();
    const days = stageDaysOf(s);
    const rows: QueueRow[] = await this.ds.query(
      `SELECT a.id, a.code, a.name, a.status, a.district, a.security_mode AS "securityMode", a.starts_at AS "startsAt",
              a.ends_at AS "endsAt", a.applied_on::text AS "appliedOn", a.reported_at AS "reportedAt", a.requested_at AS "requestedAt", a.guards_required AS "guardsRequired",
              a.deadline_days AS "deadlineDays",
              COALESCE(r.pending, 0) AS pending, COALESCE(r.passed, 0) AS passed, COALESCE(r.on_duty, 0) AS "onDuty",
              COALESCE(r.unassigned, 0) AS unassigned, COALESCE(t.unrecorded, 0) AS unrecorded,
              COALESCE(f.open, 0) AS "openFindings", COALESCE(f.open_serious, 0) AS "openSerious"
         FROM activities a
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE re.decision = 'PENDING')::int AS pending,
                  count(*) FILTER (WHERE re.decision = 'PASSED')::int AS passed,
                  count(*) FILTER (WHERE ${onDutySql('re')})::int AS on_duty,
                  count(*) FILTER (WHERE re.decision = 'PASSED' AND NOT ${trainedSql('re')} AND NOT EXISTS (
                    SELECT 1 FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                     WHERE ta.roster_entry_id = re.id AND ts.activity_id = re.activity_id AND ta.attended IS NULL))::int AS unassigned
             FROM roster_entries re WHERE re.activity_id = a.id AND re.state = 'ACTIVE') r ON true
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS unrecorded FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
            WHERE ts.activity_id = a.id AND ta.attended IS NULL) t ON true
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE fi.corrected_at IS NULL)::int AS open,
                  count(*) FILTER (WHERE fi.corrected_at IS NULL AND fi.serious)::int AS open_serious
             FROM findings fi WHERE fi.activity_id = a.id) f ON true
        WHERE (a.status = 'REPORTED' AND a.requested_at IS NULL)
           OR (a.status = 'APPROVED' AND a.security_mode = 'SERVICE_COMPANY')
           OR a.status IN ('VETTING', 'TRAINING', 'READY', 'IN_PROGRESS')`,
    );
    const today = todayCN(now);
    const items: WorkItemType[] = rows.map((a) => {
      const start = dateCN(new Date(a.startsAt));
      const dates = { reportedOn: a.reportedAt ? dateCN(new Date(a.reportedAt)) : null, appliedOn: a.appliedOn, startOn: start, endOn: dateCN(new Date(a.endsAt)) };
      const due = (stage: DeadlineStage) => dueOn(stage, dates, a.deadlineDays ?? days)!;
      let task: string;
      let detail: string;
      let dueOnDate: string;
      let link: string;
      /** The stage the step completes (none for 开始 and 现场监管: no stage deadline of their own). */
      let stepStage: DeadlineStage | null = null;
      switch (a.status) {
        case ActivityStatus.REPORTED:
          task = '受理通报，向领导请示';
          detail = `所需保安员${a.guardsRequired}人；领导须于${due(DeadlineStage.DECISION)}前批示（条例第十四条）`;
          dueOnDate = due(DeadlineStage.REQUEST);
          stepStage = DeadlineStage.REQUEST;
          link = `/activities/${a.id}`;
          break;
        case ActivityStatus.APPROVED:
          task = '推荐候选公司';
          detail = `所需保安员${a.guardsRequired}人，推荐不少于3家`;
          dueOnDate = due(DeadlineStage.CANDIDATES);
          stepStage = DeadlineStage.CANDIDATES;
          link = `/candidates?activity=${a.id}`;
          break;
        case ActivityStatus.VETTING:
          task = a.pending > 0 ? '背景审核决定' : '结束背景审核';
          detail = `待审核${a.pending}人，已通过${a.passed}人 / 所需${a.guardsRequired}人`;
          dueOnDate = due(DeadlineStage.VETTING);
          stepStage = DeadlineStage.VETTING;
          link = `/vetting?activity=${a.id}`;
          break;
        case ActivityStatus.TRAINING:
          task = a.unrecorded > 0 ? '登记培训结果' : '安排岗前培训';
          detail = `在岗名单${a.onDuty}人 / 所需${a.guardsRequired}人；待安排${a.unassigned}人，待登记${a.unrecorded}人`;
          dueOnDate = due(DeadlineStage.TRAINING);
          stepStage = DeadlineStage.TRAINING;
          link = `/training/${a.id}`;
          break;
        case ActivityStatus.READY: {
          const from = new Date(new Date(a.startsAt).getTime() - s['onsite.startLeadHours'] * 3600_000);
          task = '活动开始，现场监管';
          detail = `在岗名单${a.onDuty}人 / 所需${a.guardsRequired}人；${from > now ? `可于${formatCN(from)}起开始` : '可以开始'}`;
          dueOnDate = start;
          link = `/inspections/${a.id}`;
          break;
        }
        default: {
          const ended = hasEnded(a, now);
          task = ended ? '活动总结' : '现场监管';
          detail = `未纠正问题${a.openFindings}起${a.openSerious ? `（严重${a.openSerious}起）` : ''}${ended ? '' : `；${formatCN(new Date(a.endsAt))}结束后可总结`}`;
          dueOnDate = ended ? due(DeadlineStage.CLOSING) : dateCN(new Date(a.endsAt));
          stepStage = ended ? DeadlineStage.CLOSING : null;
          link = `/inspections/${a.id}`;
        }
      }
      // 逾期 as everywhere else (stages.ts): a later stage's passed deadline makes the step late too —
      // the activity can no longer meet it (review 9-B F3). The item then shows that date and says which
      // deadline passed, so the step sorts with the late ones and its 已逾期 N 天 counts from it.
      const overdue = overdueStage(a.status, a.securityMode, !!a.requestedAt, (stage) => dueOn(stage, dates, a.deadlineDays ?? days), today);
      let dueOnValue = dueOnDate;
      if (overdue && overdue.stage !== stepStage) {
        dueOnValue = overdue.dueOn;
        detail = `${overdueNote(overdue.stage, overdue.dueOn, overdue.current)}；${detail}`;
      }
      return {
        activityId: a.id,
        activityCode: a.code,
        activityName: a.name,
        status: a.status,
        district: a.district,
        startsAt: a.startsAt,
        task,
        detail,
        dueOn: dueOnValue,
        daysLeft: daysBetween(today, dueOnValue),
        daysUntilStart: daysBetween(today, start),
        // A READY activity is also late once its start day has passed without it being started (the
        // queue's own step, not a stage deadline).
        late: !!overdue || isPastDue(dueOnValue, today),
        link,
      };
    });
    items.sort((x, y) => x.dueOn.localeCompare(y.dueOn) || new Date(x.startsAt).getTime() - new Date(y.startsAt).getTime());
    const pageNo = page?.page ?? 1;
    const pageSize = page?.pageSize ?? 50;
    return { items: items.slice((pageNo - 1) * pageSize, pageNo * pageSize), total: items.length, page: pageNo, pageSize };
  }
}
