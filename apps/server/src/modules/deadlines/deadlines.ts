import { ActivityStatus, SecurityMode } from '@evs/schema';
import { addDays, daysBetween, todayCN } from '../../common/dates';
import { SettingValues } from '../settings/settings.defaults';
import { ActivityDeadlinesType, DeadlineStage, deadlineStageLabels, StageDeadlineType } from './deadlines.types';

/** What deadlines need of an activity (the entity or the API type, which carries the same columns). */
export interface DeadlineSubject {
  status: ActivityStatus;
  securityMode: SecurityMode;
  startsAt: Date;
  recommendedAt?: Date | null;
  vettingClosedAt?: Date | null;
  readyAt?: Date | null;
}

const ORDER = Object.values(ActivityStatus);
const reached = (status: ActivityStatus, stage: ActivityStatus) =>
  status !== ActivityStatus.CANCELLED && ORDER.indexOf(status) >= ORDER.indexOf(stage);

/** The calendar date of an instant in Beijing time. */
export const dateCN = (d: Date) => todayCN(d);

/**
 * Days until start and each stage's deadline (SPEC §2): candidates by start − 15 days, vetting closed
 * by start − 5, training done by start − 2 (settings). A stage is late when its day has passed
 * and it is not done; cancelled and closed activities are never late.
 */
export function deadlinesOf(a: DeadlineSubject, s: SettingValues, now = new Date()): ActivityDeadlinesType {
  const today = todayCN(now);
  const start = dateCN(new Date(a.startsAt));
  const open = a.status !== ActivityStatus.CANCELLED && a.status !== ActivityStatus.CLOSED;
  const defs: [DeadlineStage, number, ActivityStatus, Date | null | undefined][] = [
    [DeadlineStage.VETTING, s['deadline.vettingDaysBefore'], ActivityStatus.TRAINING, a.vettingClosedAt],
    [DeadlineStage.TRAINING, s['deadline.trainingDaysBefore'], ActivityStatus.READY, a.readyAt],
  ];
  if (a.securityMode === SecurityMode.SERVICE_COMPANY) {
    defs.unshift([DeadlineStage.CANDIDATES, s['deadline.recommendDaysBefore'], ActivityStatus.CANDIDATES_RECOMMENDED, a.recommendedAt]);
  }
  const stages: StageDeadlineType[] = defs.map(([stage, daysBefore, doneStatus, stamp]) => {
    const dueOn = addDays(start, -daysBefore);
    const done = reached(a.status, doneStatus);
    const doneAt = done ? (stamp ? new Date(stamp) : null) : null;
    return {
      stage,
      label: deadlineStageLabels[stage],
      daysBefore,
      dueOn,
      daysLeft: daysBetween(today, dueOn),
      done,
      doneAt,
      late: open && !done && today > dueOn,
      completedLate: done && !!doneAt && dateCN(doneAt) > dueOn,
    };
  });
  return {
    daysUntilStart: daysBetween(today, start),
    stages,
    lateStages: stages.filter((x) => x.late).map((x) => x.stage),
    next: open ? (stages.find((x) => !x.done) ?? null) : null,
  };
}
