import { ActivityStatus, SecurityMode, unitKindLabels } from '@evs/schema';
import { daysBetween, todayCN } from '../../common/calendar';
import { SettingValues } from '../settings/settings.defaults';
import { ActivityDeadlinesType, DeadlineStage, deadlineStageLabels, StageDeadlineType } from './deadlines.types';
import { ART14_DECISION_DAYS, currentStage, dueOn, isPastDue, reached, StageDef, stageDaysOf, StageDays, stagesFor } from './stages';

/** What deadlines need of an activity (the entity or the API type, which carries the same columns). */
export interface DeadlineSubject {
  status: ActivityStatus;
  securityMode: SecurityMode;
  startsAt: Date;
  endsAt: Date;
  appliedOn: string;
  organizerName: string;
  reportedAt?: Date | null;
  requestedAt?: Date | null;
  approvedAt?: Date | null;
  recommendedAt?: Date | null;
  selectedAt?: Date | null;
  rosterSubmittedAt?: Date | null;
  vettingClosedAt?: Date | null;
  readyAt?: Date | null;
  closedAt?: Date | null;
  /** The deadline days fixed at the first 通报 (null: the current settings). */
  deadlineDays?: StageDays | null;
}

/** The calendar date of an instant in Beijing time. */
export const dateCN = (d: Date) => todayCN(d);

const STAMP: Record<DeadlineStage, keyof DeadlineSubject> = {
  [DeadlineStage.REQUEST]: 'requestedAt',
  [DeadlineStage.DECISION]: 'approvedAt',
  [DeadlineStage.CANDIDATES]: 'recommendedAt',
  [DeadlineStage.SELECTION]: 'selectedAt',
  [DeadlineStage.ROSTER]: 'rosterSubmittedAt',
  [DeadlineStage.VETTING]: 'vettingClosedAt',
  [DeadlineStage.TRAINING]: 'readyAt',
  [DeadlineStage.CLOSING]: 'closedAt',
};

function ruleOf(stage: DeadlineStage, days: StageDays): string {
  switch (stage) {
    case DeadlineStage.REQUEST:
      return days.request === 0 ? '通报当日' : `通报后${days.request}天内`;
    case DeadlineStage.DECISION:
      return `受理之日起${ART14_DECISION_DAYS}日内（条例第十四条）`;
    case DeadlineStage.CANDIDATES:
      return `开始前${days.recommend}天`;
    case DeadlineStage.SELECTION:
      return `开始前${days.selection}天`;
    case DeadlineStage.ROSTER:
      return `开始前${days.roster}天`;
    case DeadlineStage.VETTING:
      return `开始前${days.vetting}天`;
    case DeadlineStage.TRAINING:
      return `开始前${days.training}天`;
    case DeadlineStage.CLOSING:
      return `结束后${days.closing}天内`;
  }
}

/** Who owes the stage, in words (the activity's own organizer; the company when known). */
export function responsibleLabel(def: StageDef, a: Pick<DeadlineSubject, 'securityMode' | 'organizerName'>, companyName?: string | null): string {
  switch (def.responsible.kind) {
    case 'UNIT_KIND':
      return unitKindLabels[def.responsible.unitKind];
    case 'ORGANIZER':
      return a.organizerName;
    case 'ROSTER_SUBMITTER':
      return a.securityMode === SecurityMode.SELF_RECRUITED ? `${a.organizerName}（自招保安单位）` : (companyName ?? '中选的保安服务公司');
  }
}

/**
 * Each stage's deadline (SPEC §2, stages.ts): 请示 the day after the 通报, 批示 within 7 days of
 * filing (Art. 14), candidates by start − 15, selection − 10, roster − 8, vetting − 5, training − 2,
 * 总结 within 3 days of the end (settings). A stage is late when its day has passed and it is not
 * done — the stage the activity waits on or a later one, the rule of 逾期 (stages.ts) that the
 * overview, the 督办 list, the reminders and the queue follow; cancelled and closed activities are
 * never late.
 */
export function deadlinesOf(a: DeadlineSubject, s: SettingValues, now: Date, companyName?: string | null): ActivityDeadlinesType {
  const today = todayCN(now);
  const days = a.deadlineDays ?? stageDaysOf(s);
  const dates = {
    reportedOn: a.reportedAt ? dateCN(new Date(a.reportedAt)) : null,
    appliedOn: a.appliedOn,
    startOn: dateCN(new Date(a.startsAt)),
    endOn: dateCN(new Date(a.endsAt)),
  };
  const open = a.status !== ActivityStatus.CANCELLED && a.status !== ActivityStatus.CLOSED && a.status !== ActivityStatus.DRAFT;
  const current = currentStage(a.status, a.securityMode, !!a.requestedAt);
  const stages: StageDeadlineType[] = [];
  for (const def of stagesFor(a.securityMode)) {
    const due = dueOn(def.stage, dates, days);
    if (!due) continue;
    const done = def.stage === DeadlineStage.REQUEST ? !!a.requestedAt || reached(a.status, ActivityStatus.APPROVED) : reached(a.status, def.doneStatus);
    const stamp = a[STAMP[def.stage]] as Date | null | undefined;
    const doneAt = done && stamp ? new Date(stamp) : null;
    stages.push({
      stage: def.stage,
      label: deadlineStageLabels[def.stage],
      rule: ruleOf(def.stage, days),
      responsibleUnitName: responsibleLabel(def, a, companyName),
      dueOn: due,
      daysLeft: daysBetween(today, due),
      done,
      doneAt,
      late: open && !done && isPastDue(due, today),
      completedLate: done && !!doneAt && dateCN(doneAt) > due,
    });
  }
  return {
    daysUntilStart: daysBetween(today, dates.startOn),
    stages,
    lateStages: stages.filter((x) => x.late).map((x) => x.stage),
    next: open && current ? (stages.find((x) => x.stage === current) ?? null) : null,
  };
}
