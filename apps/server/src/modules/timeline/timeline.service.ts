import {
  activityStatusLabels,
  AuditAction,
  InspectionItem,
  inspectionItemLabels,
  TrainingTopic,
  trainingTopicLabels,
  VettingDecision,
  vettingDecisionLabels,
  VettingReasonCategory,
  vettingReasonCategoryLabels,
} from '@evs/schema';
import { DataSource } from 'typeorm';
import { formatDateTimeCN } from '../../common/calendar';
import { idTextView } from '../../common/id-text';
import { Actor, actorLabelFor } from '../../common/actor';
import { ActivityEntity } from '../activities/activity.entity';
import { assertCanViewActivity, seesInstructionRequests } from '../activities/activity.policy';
import { SYSTEM_ACTOR_NAME } from '../activities/lifecycle';
import { AuditService } from '../audit/audit.service';
import { CANDIDATES_WITHHELD, seesCandidates, transitionCommentFor } from '../recommendation/recommendation.policy';
import { DeadlineStage, deadlineStageLabels } from '../deadlines/deadlines.types';
import { seesSupervisionOf } from '../supervision/supervision.policy';
import { registerIdOf, seesFullIdNumbers } from '../guards/guard.policy';
import { clearedSql } from '../training/duty-roster';
import { decisionView, VettingTier, vettingTier } from '../vetting/vetting.policy';
import { decidedAtShownTo } from '../vetting/decision-time';
import { ActivityTimelineType, TimelineEntryType, TimelineKind, timelineKindLabels } from './timeline.types';

const fmt = formatDateTimeCN;

/** "刘宝军（保安管理支队）", as transitions store it. */
const ACTOR_NAME = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE ${alias}.display_name || '（' || ${alias}u.name || '）' END`;
const ACTOR_JOIN = (alias: string, column: string) =>
  `LEFT JOIN users ${alias} ON ${alias}.id = ${column} LEFT JOIN units ${alias}u ON ${alias}u.id = ${alias}.unit_id`;

export class TimelineService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * 台账: every transition, recommendation, vetting decision, training session and result, finding
   * and correction, oldest first. What each role sees of vetting follows SPEC §1: decision notes only
   * for 保安管理支队; the organizer sees who was cleared, and failures only as a count.
   */
  async timeline(actor: Actor, activityId: string): Promise<ActivityTimelineType> {
    const m = this.ds.manager;
    const activity = await m.findOneBy(ActivityEntity, { id: activityId });
    assertCanViewActivity(actor, activity);
    const entries: Omit<TimelineEntryType, 'kindLabel'>[] = [];

    const transitions = await m.query(
      `SELECT from_status AS "from", to_status AS "to", actor_name AS "actorName", comment, at
         FROM activity_transitions WHERE activity_id = $1`,
      [activityId],
    );
    for (const t of transitions) {
      entries.push({
        at: t.at,
        kind: TimelineKind.TRANSITION,
        title: t.from ? `${activityStatusLabels[t.from as keyof typeof activityStatusLabels]} → ${activityStatusLabels[t.to as keyof typeof activityStatusLabels]}` : activityStatusLabels[t.to as keyof typeof activityStatusLabels],
        detail: transitionCommentFor(actor, { toStatus: t.to, comment: t.comment }),
        actorName: t.actorName,
        // Closed with a serious finding left uncorrected: the statement is in the comment.
        important: t.to === 'CANCELLED' || (t.to === 'CLOSED' && !!activity.closeStatement),
      });
    }

    const candidates = await m.query(
      `SELECT min(c.created_at) AS at, string_agg(co.name || '（' || c.score || '分）', '、' ORDER BY c.rank) AS names,
              count(*)::int AS n, ${ACTOR_NAME('ru')} AS "actorName"
         FROM activity_candidates c JOIN companies co ON co.id = c.company_id ${ACTOR_JOIN('ru', 'c.recommended_by')}
        WHERE c.activity_id = $1 GROUP BY ru.id, ru.display_name, ruu.name`,
      [activityId],
    );
    // A company sees that and when candidates were recommended, never who, how many or their scores.
    const candidatesSeen = seesCandidates(actor);
    for (const c of candidates) {
      entries.push({
        at: c.at,
        kind: TimelineKind.CANDIDATES,
        title: candidatesSeen ? `推荐候选公司${c.n}家` : '推荐候选公司',
        detail: candidatesSeen ? c.names : CANDIDATES_WITHHELD,
        actorName: c.actorName,
        important: false,
      });
    }

    const decisions: {
      decidedAt: Date; reusedFromEntryId: string | null; checkedAt: Date | null; createdAt: Date;
      guardName: string; decision: VettingDecision; reason: VettingReasonCategory | null; note: string | null; actorName: string | null; companyId: string;
    }[] = await m.query(
      `SELECT r.decided_at AS "decidedAt", r.reused_from_entry_id AS "reusedFromEntryId", r.checked_at AS "checkedAt", r.created_at AS "createdAt",
              g.name AS "guardName", r.decision, r.reason_category AS reason, r.decision_note AS note,
              r.company_id AS "companyId",
              -- no officer: the system decided (a reused pass the guard's own records now bar, 条例第十七条)
              coalesce(${ACTOR_NAME('du')}, $2) AS "actorName"
         FROM roster_entries r JOIN guards g ON g.id = r.guard_id ${ACTOR_JOIN('du', 'r.decided_by')}
        WHERE r.activity_id = $1 AND r.decided_at IS NOT NULL AND r.decision <> 'PENDING'`,
      [activityId, SYSTEM_ACTOR_NAME],
    );
    const tier = vettingTier(actor, activity);
    const failedForOrganizer = new Map<string, { at: Date; n: number; actorName: string | null }>();
    for (const row of decisions) {
      // A reused pass at this roster's own time for all but the police (review 11-A F2, decision-time.ts).
      const d = { ...row, at: decidedAtShownTo(actor, row)! };
      const failed = d.decision === VettingDecision.FAILED;
      const view = decisionView(tier, actor, d.companyId);
      if (view === 'HIDDEN') continue;
      if (view === 'COUNT_FAILURES' && failed) {
        // The organizer sees counts, never who failed or why; one line per minute and decider (the
        // system's failures are not credited to an officer who decided in the same minute).
        const key = `${new Date(d.at).toISOString().slice(0, 16)} ${d.actorName}`;
        const agg = failedForOrganizer.get(key) ?? { at: d.at, n: 0, actorName: d.actorName };
        agg.n += 1;
        failedForOrganizer.set(key, agg);
        continue;
      }
      const reason = d.reason ? vettingReasonCategoryLabels[d.reason] : null;
      const note = view === 'WITH_NOTE' && d.note ? d.note : null;
      entries.push({
        at: d.at,
        kind: TimelineKind.VETTING_DECISION,
        title: `${d.guardName}：审核${vettingDecisionLabels[d.decision]}`,
        detail: view === 'COUNT_FAILURES' ? null : [reason, note].filter(Boolean).join('；') || null,
        actorName: d.actorName,
        important: failed,
      });
    }
    for (const agg of failedForOrganizer.values()) {
      entries.push({ at: agg.at, kind: TimelineKind.VETTING_DECISION, title: `${agg.n}名保安员审核不通过`, detail: null, actorName: agg.actorName, important: true });
    }

    // 请示 and 批示: internal to the police (the organizer and the company see the 批示 as a transition only).
    if (seesInstructionRequests(actor)) {
      const requests: { at: Date; assessment: { scale: string; staffing: string; proposedCandidates: number; opinion: string | null };
        actorName: string | null; answeredAt: Date | null; approved: boolean | null; answer: string | null; answeredBy: string | null }[] = await m.query(
        `SELECT q.requested_at AS at, q.assessment, ${ACTOR_NAME('qu')} AS "actorName", q.answered_at AS "answeredAt",
                q.approved, q.answer, ${ACTOR_NAME('au')} AS "answeredBy"
           FROM instruction_requests q ${ACTOR_JOIN('qu', 'q.requested_by')} ${ACTOR_JOIN('au', 'q.answered_by')}
          WHERE q.activity_id = $1`,
        [activityId],
      );
      for (const q of requests) {
        const x = q.assessment;
        entries.push({
          at: q.at,
          kind: TimelineKind.INSTRUCTION,
          title: '保安管理支队请示',
          detail: `规模研判：${x.scale}；人员配备：${x.staffing}；拟推荐候选公司${x.proposedCandidates}家${x.opinion ? `；${x.opinion}` : ''}`,
          actorName: q.actorName,
          important: false,
        });
        if (q.answeredAt) {
          entries.push({
            at: q.answeredAt,
            kind: TimelineKind.INSTRUCTION,
            title: q.approved ? '领导批示：同意' : '领导批示：退回修改',
            detail: q.answer,
            actorName: q.answeredBy,
            important: !q.approved,
          });
        }
      }
    }

    // 督办: reminders of passed deadlines, 督办通知 with the unit's answer and the outcome.
    const seesNotice = (x: { unitId: string }) => seesSupervisionOf(actor, x.unitId);
    const reminders: { at: Date; stage: string; level: number; dueOn: string; unit: string; unitId: string }[] = await m.query(
      `SELECT r.sent_at AS at, r.stage, r.level, r.due_on::text AS "dueOn", u.name AS unit, r.unit_id AS "unitId"
         FROM supervision_reminders r JOIN units u ON u.id = r.unit_id WHERE r.activity_id = $1`,
      [activityId],
    );
    for (const r of reminders.filter(seesNotice)) {
      const label = deadlineStageLabels[r.stage as DeadlineStage];
      entries.push({
        at: r.at,
        kind: TimelineKind.SUPERVISION,
        title: r.level === 1 ? `逾期提醒：${label}` : `逾期提醒办公室：${label}`,
        detail: `截止${r.dueOn}，已提醒${r.unit}`,
        actorName: null,
        important: true,
      });
    }
    const notices: { issuedAt: Date; stage: string; unitId: string; unit: string; text: string; dueOn: string; issuedBy: string | null;
      answer: string | null; answeredAt: Date | null; answeredBy: string | null; outcome: string | null; closedAt: Date | null; closedBy: string | null }[] = await m.query(
      `SELECT n.issued_at AS "issuedAt", n.stage, n.unit_id AS "unitId", u.name AS unit, n.text, n.due_on::text AS "dueOn",
              ${ACTOR_NAME('iu')} AS "issuedBy", n.answer, n.answered_at AS "answeredAt", ${ACTOR_NAME('au')} AS "answeredBy",
              n.outcome, n.closed_at AS "closedAt", ${ACTOR_NAME('cu')} AS "closedBy"
         FROM supervision_notices n JOIN units u ON u.id = n.unit_id
         ${ACTOR_JOIN('iu', 'n.issued_by')} ${ACTOR_JOIN('au', 'n.answered_by')} ${ACTOR_JOIN('cu', 'n.closed_by')}
        WHERE n.activity_id = $1`,
      [activityId],
    );
    for (const n of notices.filter(seesNotice)) {
      const label = deadlineStageLabels[n.stage as DeadlineStage];
      entries.push({ at: n.issuedAt, kind: TimelineKind.SUPERVISION, title: `督办通知：${label}（${n.unit}）`, detail: `${n.text}（限${n.dueOn}前答复）`, actorName: n.issuedBy, important: true });
      if (n.answeredAt) entries.push({ at: n.answeredAt, kind: TimelineKind.SUPERVISION, title: `督办答复：${label}`, detail: n.answer, actorName: n.answeredBy, important: false });
      if (n.closedAt) entries.push({ at: n.closedAt, kind: TimelineKind.SUPERVISION, title: `督办办结：${label}`, detail: n.outcome, actorName: n.closedBy, important: false });
    }

    const sessions: {
      id: string; at: Date; startsAt: Date; place: string; instructor: string; topics: string; periods: number; isMakeup: boolean; n: number; actorName: string | null;
      cancelledAt: Date | null; cancelReason: string | null; cancelledBy: string | null;
    }[] = await m.query(
      `SELECT s.id, s.created_at AS at, s.starts_at AS "startsAt", s.place, s.instructor, s.topics::text AS topics, s.periods,
              s.is_makeup AS "isMakeup", (SELECT count(*)::int FROM training_attendance ta WHERE ta.session_id = s.id) AS n,
              ${ACTOR_NAME('cu')} AS "actorName", s.cancelled_at AS "cancelledAt", s.cancel_reason AS "cancelReason",
              ${ACTOR_NAME('xu')} AS "cancelledBy"
         FROM training_sessions s ${ACTOR_JOIN('cu', 's.created_by')} ${ACTOR_JOIN('xu', 's.cancelled_by')}
        WHERE s.activity_id = $1`,
      [activityId],
    );
    for (const s of sessions) {
      const topics = s.topics.replace(/[{}]/g, '').split(',').filter(Boolean).map((t) => trainingTopicLabels[t as TrainingTopic]).join('、');
      entries.push({
        at: s.at,
        kind: TimelineKind.TRAINING_SESSION,
        title: `安排${s.isMakeup ? '补训' : '岗前培训'}${s.cancelledAt ? '' : `（${s.n}人）`}`,
        detail: `${fmt(s.startsAt)}，${s.place}，授课人${s.instructor}，${topics}，${s.periods}学时`,
        actorName: s.actorName,
        important: false,
      });
      if (s.cancelledAt) {
        entries.push({
          at: s.cancelledAt,
          kind: TimelineKind.TRAINING_SESSION,
          title: `取消${s.isMakeup ? '补训' : '岗前培训'}（原定${fmt(s.startsAt)}）`,
          detail: s.cancelReason,
          actorName: s.cancelledBy,
          important: true,
        });
      }
    }

    const results: { at: Date; isMakeup: boolean; total: number; attended: number; passed: number; absent: string | null; failed: string | null; actorName: string | null }[] =
      await m.query(
        `SELECT ta.recorded_at AS at, s.is_makeup AS "isMakeup", count(*)::int AS total,
                count(*) FILTER (WHERE ta.attended)::int AS attended, count(*) FILTER (WHERE ta.passed)::int AS passed,
                string_agg(g.name, '、' ORDER BY g.name) FILTER (WHERE NOT ta.attended) AS absent,
                string_agg(g.name, '、' ORDER BY g.name) FILTER (WHERE ta.attended AND NOT ta.passed) AS failed,
                ${ACTOR_NAME('ru')} AS "actorName"
           FROM training_attendance ta JOIN training_sessions s ON s.id = ta.session_id
           JOIN roster_entries r ON r.id = ta.roster_entry_id JOIN guards g ON g.id = r.guard_id
           ${ACTOR_JOIN('ru', 'ta.recorded_by')}
          WHERE s.activity_id = $1 AND ta.recorded_at IS NOT NULL
            -- as the sign-in sheet shows them (training.service visibleRows): the police and the roster's
            -- own register every trainee; the organizer only guards cleared now (code review 11 C7)
            AND ($2::boolean OR r.company_id = $3::uuid OR ${clearedSql('r')})
          GROUP BY ta.recorded_at, s.id, s.is_makeup, ru.id, ru.display_name, ruu.name`,
        [activityId, tier === VettingTier.DETAIL || tier === VettingTier.POLICE, registerIdOf(actor)],
      );
    for (const r of results) {
      entries.push({
        at: r.at,
        kind: TimelineKind.TRAINING_RESULT,
        title: `${r.isMakeup ? '补训' : '培训'}结果：${r.total}人，到课${r.attended}人，本次科目全部合格${r.passed}人`,
        detail: [r.absent ? `缺训：${r.absent}` : null, r.failed ? `考核不合格：${r.failed}` : null].filter(Boolean).join('；') || null,
        actorName: r.actorName,
        important: r.passed < r.total,
      });
    }

    const findings: {
      recordedAt: Date; item: InspectionItem; serious: boolean; note: string | null; person: string; post: string | null; company: string | null;
      correctedAt: Date | null; correctionNote: string | null; recordedBy: string | null; correctedBy: string | null;
    }[] = await m.query(
      `SELECT f.recorded_at AS "recordedAt", f.item, f.serious, f.note, COALESCE(i.guard_name, i.person_name, '') AS person, i.post,
              c.name AS company, f.corrected_at AS "correctedAt", f.correction_note AS "correctionNote",
              ${ACTOR_NAME('ru')} AS "recordedBy", ${ACTOR_NAME('cu')} AS "correctedBy"
         FROM findings f JOIN inspections i ON i.id = f.inspection_id LEFT JOIN companies c ON c.id = f.company_id
         ${ACTOR_JOIN('ru', 'f.recorded_by')} ${ACTOR_JOIN('cu', 'f.corrected_by')}
        WHERE f.activity_id = $1`,
      [activityId],
    );
    for (const f of findings) {
      const who = `${f.person}${f.post ? `（${f.post}）` : ''}`;
      entries.push({
        at: f.recordedAt,
        kind: TimelineKind.FINDING,
        title: `${f.serious ? '严重问题' : '问题'}：${inspectionItemLabels[f.item]} — ${who}`,
        detail: [f.company, f.note].filter(Boolean).join('；') || null,
        actorName: f.recordedBy,
        important: f.serious,
      });
      if (f.correctedAt) {
        entries.push({
          at: f.correctedAt,
          kind: TimelineKind.CORRECTION,
          title: `已纠正：${inspectionItemLabels[f.item]} — ${who}`,
          detail: f.correctionNote,
          actorName: f.correctedBy,
          important: false,
        });
      }
    }

    // At the same instant, what was done comes before the status change it caused.
    const last = (k: TimelineKind) => (k === TimelineKind.TRANSITION ? 1 : 0);
    entries.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || last(a.kind) - last(b.kind));
    if (tier === VettingTier.DETAIL && decisions.some((d) => d.note)) {
      // Decision notes may carry record details: reading them is audited.
      await this.audit.record(this.ds.manager, actor, {
        action: AuditAction.READ_DETAIL,
        entityType: 'Activity',
        entityId: activityId,
        summary: `查阅活动“${activity.name}”台账（含审核决定说明）`,
      });
    }
    // Free text (a finding's person "姓名（及证件号）", notes, comments) with ID numbers masked for every
    // reader but 保安管理支队 (common/id-text.ts); the export is built from this answer.
    const shown = idTextView(seesFullIdNumbers(actor));
    return {
      activityId,
      activityCode: activity.code,
      activityName: activity.name,
      entries: entries.map((e) => ({
        ...e,
        title: shown(e.title),
        detail: shown(e.detail),
        // an officer's name for the police only (common/actor.ts)
        actorName: actorLabelFor(actor, e.actorName),
        at: new Date(e.at),
        kindLabel: timelineKindLabels[e.kind],
      })),
    };
  }
}
