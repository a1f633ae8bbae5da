import dayjs, { type Dayjs } from 'dayjs';
import { TrainingTopic, trainingTopicLabels } from '@evs/schema';
import type { TrainingOverviewQuery, TrainingSessionFieldsFragment } from '@/gql/graphql';

export type TrainingSession = TrainingSessionFieldsFragment;
export type Trainee = TrainingOverviewQuery['training']['trainees'][number];

export const TOPICS = Object.values(TrainingTopic);

/** A trainee's standing as a tag. */
export const standingLabels: Record<string, { text: string; color: string }> = {
  NOT_ASSIGNED: { text: '未安排', color: 'default' },
  SCHEDULED: { text: '待登记', color: 'processing' },
  ABSENT: { text: '缺训', color: 'warning' },
  FAILED: { text: '考核不合格', color: 'error' },
  PARTIAL: { text: '部分科目合格', color: 'gold' },
  PASSED: { text: '三科合格', color: 'success' },
};

export const topicNames = (topics: readonly string[]) => topics.map((x) => trainingTopicLabels[x as TrainingTopic]).join('、');

/** Sessions are scheduled, changed and recorded while the activity is in training or ready. */
export const inTrainingStage = (status: string) => status === 'TRAINING' || status === 'READY';

/** A session not yet begun may also be changed or cancelled back in vetting (a withdrawn pass reopened it; its sessions stay). */
export const sessionsChangeable = (status: string) => status === 'VETTING' || inTrainingStage(status);

/** The share of the required guards on duty, for the dial (a full dial at or above the requirement). */
export function onDutyPercent(t: { onDutyCount: number; guardsRequired: number }): number {
  return t.guardsRequired > 0 ? Math.round((Math.min(t.onDutyCount, t.guardsRequired) / t.guardsRequired) * 100) : 0;
}

/** The 人数 column: headcount, and once recorded who came and who passed the session's subjects; or why it was cancelled. */
export function sessionHeadcount(s: Pick<TrainingSession, 'cancelledAt' | 'cancelReason' | 'resultsRecorded' | 'attendance'>): string {
  if (s.cancelledAt) return `取消原因：${s.cancelReason}`;
  const recorded = s.resultsRecorded ? `，到${s.attendance.filter((x) => x.attended).length}，本次科目全部合格${s.attendance.filter((x) => x.passed).length}` : '';
  return `${s.attendance.length}人${recorded}`;
}

// ---------------------------------------------------------------- scheduling

export type ScheduleKind = 'main' | 'makeup' | TrainingSession;

export interface ScheduleValues {
  startsAt: Dayjs;
  place: string;
  instructor?: string;
  topics: TrainingTopic[];
  periods: number;
  rosterEntryIds?: string[];
}

/** A default time inside the window (after now, before the event): tomorrow 09:00, or the next whole hour. */
export function defaultSessionStart(now: Dayjs, activityStartsAt: string): Dayjs {
  const tomorrow = now.add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
  return tomorrow.isBefore(dayjs(activityStartsAt).subtract(2, 'hour')) ? tomorrow : now.add(1, 'hour').startOf('hour');
}

/** The schedule form's first values: a session's own when changing it, else a full session (or a shorter 补训) for everyone still waiting. */
export function scheduleFormValues(kind: ScheduleKind, now: Dayjs, activityStartsAt: string, waiting: Pick<Trainee, 'rosterEntryId'>[]): Partial<ScheduleValues> {
  if (typeof kind === 'object') {
    return { startsAt: dayjs(kind.startsAt), place: kind.place, instructor: kind.instructor, topics: kind.topics as TrainingTopic[], periods: kind.periods };
  }
  return {
    startsAt: defaultSessionStart(now, activityStartsAt),
    place: '盘锦市公安局警务训练基地',
    topics: TOPICS,
    periods: kind === 'makeup' ? 4 : 6,
    rosterEntryIds: waiting.map((x) => x.rosterEntryId),
  };
}

/** The session's fields as the API takes them (the form's rules have required each). */
export function sessionInput(v: ScheduleValues) {
  // The picker shows hours and minutes; seconds it keeps from "此刻" are not the user's (the API refuses a time with seconds).
  return { startsAt: v.startsAt.second(0).millisecond(0).toISOString(), place: v.place, instructor: v.instructor!, topics: v.topics, periods: v.periods };
}

// ---------------------------------------------------------------- results

export interface ResultRow {
  rosterEntryId: string;
  attended: boolean;
  /** as typed: a number, blank, or text that is not a number (refused by `scoreProblem`) */
  scores: Partial<Record<TrainingTopic, number | string | null>>;
}

/** Why a score cannot be sent (never clamped or rounded here: the officer corrects it). */
export function scoreProblem(v: number | string | null | undefined): string | null {
  if (v == null) return '请填写成绩';
  if (typeof v !== 'number') return '成绩应为0到100之间的数字';
  if (!Number.isFinite(v) || v < 0 || v > 100) return '成绩应在0到100之间';
  return null;
}

/** The results sheet as last recorded: everyone present unless recorded absent, each subject's score or blank. */
export function resultRowsFor(s: Pick<TrainingSession, 'attendance' | 'topics'>): ResultRow[] {
  return s.attendance.map((x) => ({
    rosterEntryId: x.rosterEntryId,
    attended: x.attended ?? true,
    scores: Object.fromEntries(s.topics.map((topic) => [topic, x.scores.find((y) => y.topic === topic)?.score ?? null])),
  }));
}

/** Every score that cannot be sent, naming the row, the guard and the subject; absent guards need none. */
export function resultProblems(rows: ResultRow[], s: Pick<TrainingSession, 'attendance' | 'topics'>): string[] {
  return rows.flatMap((row, i) =>
    row.attended
      ? s.topics.flatMap((topic) => {
          const p = scoreProblem(row.scores[topic as TrainingTopic]);
          return p ? [`第${i + 1}行（${s.attendance[i].guardName}）“${trainingTopicLabels[topic as TrainingTopic]}”${p}`] : [];
        })
      : [],
  );
}

/** The results as the API takes them (call after `resultProblems` found none); absent guards send no scores. */
export function resultsInput(rows: ResultRow[], topics: readonly string[]) {
  return rows.map((row) => ({
    rosterEntryId: row.rosterEntryId,
    attended: row.attended,
    scores: row.attended ? topics.map((topic) => ({ topic: topic as TrainingTopic, score: row.scores[topic as TrainingTopic] as number })) : [],
  }));
}

/** Fills every blank score with `score`, keeping those entered. */
export function fillBlankScores(rows: ResultRow[], topics: readonly string[], score: number): ResultRow[] {
  return rows.map((r) => ({ ...r, scores: Object.fromEntries(topics.map((topic) => [topic, r.scores[topic as TrainingTopic] ?? score])) }));
}
