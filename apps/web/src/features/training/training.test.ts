import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { TrainingTopic } from '@evs/schema';
import {
  defaultSessionStart,
  fillBlankScores,
  onDutyPercent,
  resultProblems,
  resultRowsFor,
  resultsInput,
  scheduleFormValues,
  scoreProblem,
  sessionHeadcount,
  sessionsChangeable,
  TOPICS,
  type TrainingSession,
} from './training';

const { LAWS, DUTY_SKILLS } = TrainingTopic;
const attendee = (rosterEntryId: string, guardName: string, over: Partial<TrainingSession['attendance'][number]> = {}) =>
  ({ rosterEntryId, guardName, attended: null, passed: null, scores: [], ...over }) as unknown as TrainingSession['attendance'][number];
const session = (over: Partial<TrainingSession> = {}) =>
  ({ id: 's1', topics: [LAWS, DUTY_SKILLS], attendance: [attendee('r1', '张三'), attendee('r2', '李四')], cancelledAt: null, cancelReason: null, resultsRecorded: false, ...over }) as unknown as TrainingSession;

describe('scores', () => {
  it('refuses a blank or out-of-range score and never rounds it', () => {
    expect(scoreProblem(null)).toBe('请填写成绩');
    expect(scoreProblem(undefined)).toBe('请填写成绩');
    expect(scoreProblem(-1)).toBe('成绩应在0到100之间');
    expect(scoreProblem(100.5)).toBe('成绩应在0到100之间');
    expect(scoreProblem(Number.NaN)).toBe('成绩应在0到100之间');
    // text the number box hands over as typed: refused, never read as 100 or 16
    expect(scoreProblem('1e2')).toBe('成绩应为0到100之间的数字');
    expect(scoreProblem('0x10')).toBe('成绩应为0到100之间的数字');
    expect(scoreProblem('９０')).toBe('成绩应为0到100之间的数字');
    expect(scoreProblem(0)).toBeNull();
    expect(scoreProblem(59.5)).toBeNull();
  });

  it('opens the sheet as last recorded: present unless recorded absent, each subject’s score or blank', () => {
    const s = session({ attendance: [attendee('r1', '张三', { attended: false }), attendee('r2', '李四', { scores: [{ topic: LAWS, score: 90, passed: true }] } as never)] });
    expect(resultRowsFor(s)).toEqual([
      { rosterEntryId: 'r1', attended: false, scores: { LAWS: null, DUTY_SKILLS: null } },
      { rosterEntryId: 'r2', attended: true, scores: { LAWS: 90, DUTY_SKILLS: null } },
    ]);
  });

  it('names the row, the guard and the subject of each problem, and asks nothing of an absent guard', () => {
    const s = session();
    const rows = [
      { rosterEntryId: 'r1', attended: true, scores: { LAWS: 101, DUTY_SKILLS: 80 } },
      { rosterEntryId: 'r2', attended: false, scores: { LAWS: null, DUTY_SKILLS: null } },
    ];
    expect(resultProblems(rows, s)).toEqual(['第1行（张三）“法律法规”成绩应在0到100之间']);
    const typed = [{ rosterEntryId: 'r1', attended: true, scores: { LAWS: 90, DUTY_SKILLS: '5e1' } }, rows[1]];
    expect(resultProblems(typed, s)).toEqual(['第1行（张三）“基本勤务技能”成绩应为0到100之间的数字']);
  });

  it('sends the scores of those present and none for the absent', () => {
    const rows = [
      { rosterEntryId: 'r1', attended: true, scores: { LAWS: 70, DUTY_SKILLS: 80 } },
      { rosterEntryId: 'r2', attended: false, scores: { LAWS: 50, DUTY_SKILLS: null } },
    ];
    expect(resultsInput(rows, [LAWS, DUTY_SKILLS])).toEqual([
      { rosterEntryId: 'r1', attended: true, scores: [{ topic: LAWS, score: 70 }, { topic: DUTY_SKILLS, score: 80 }] },
      { rosterEntryId: 'r2', attended: false, scores: [] },
    ]);
  });

  it('fills only the blank scores', () => {
    const rows = [{ rosterEntryId: 'r1', attended: true, scores: { LAWS: 0, DUTY_SKILLS: null } }];
    expect(fillBlankScores(rows, [LAWS, DUTY_SKILLS], 85)[0].scores).toEqual({ LAWS: 0, DUTY_SKILLS: 85 });
  });
});

describe('scheduling', () => {
  const now = dayjs('2026-12-02T10:20:00+08:00');

  // The date picker shows the browser's own zone (Beijing at the bureau), so the default is 09:00 there.
  it('proposes tomorrow 09:00 when that is two hours before the event, else the next whole hour', () => {
    const tomorrowNine = now.add(1, 'day').format('YYYY-MM-DD 09:00');
    expect(defaultSessionStart(now, now.add(8, 'day').toISOString()).format('YYYY-MM-DD HH:mm')).toBe(tomorrowNine);
    const eventTomorrowMorning = now.add(1, 'day').hour(10).minute(0).toISOString();
    expect(defaultSessionStart(now, eventTomorrowMorning).toISOString()).toBe(now.add(1, 'hour').startOf('hour').toISOString());
    expect(defaultSessionStart(now, eventTomorrowMorning).minute()).toBe(0);
  });

  it('drafts a full session of six periods for everyone waiting, a 补训 of four, and a session’s own values when changing it', () => {
    const waiting = [{ rosterEntryId: 'r1' }, { rosterEntryId: 'r2' }];
    expect(scheduleFormValues('main', now, '2026-12-10T19:00:00+08:00', waiting)).toMatchObject({ place: '盘锦市公安局警务训练基地', topics: TOPICS, periods: 6, rosterEntryIds: ['r1', 'r2'] });
    expect(scheduleFormValues('makeup', now, '2026-12-10T19:00:00+08:00', waiting).periods).toBe(4);
    const own = scheduleFormValues(session({ startsAt: '2026-12-05T01:00:00Z', place: '训练基地', instructor: '王', periods: 2 }), now, '', waiting);
    expect(own).toEqual({ startsAt: dayjs('2026-12-05T01:00:00Z'), place: '训练基地', instructor: '王', topics: [LAWS, DUTY_SKILLS], periods: 2 });
  });
});

describe('figures shown', () => {
  it('fills the dial to the requirement and no further', () => {
    expect(onDutyPercent({ onDutyCount: 5, guardsRequired: 20 })).toBe(25);
    expect(onDutyPercent({ onDutyCount: 30, guardsRequired: 20 })).toBe(100);
    expect(onDutyPercent({ onDutyCount: 0, guardsRequired: 0 })).toBe(0);
  });

  it('counts attendance and passes once recorded, and shows why a session was cancelled', () => {
    expect(sessionHeadcount(session())).toBe('2人');
    const recorded = session({ resultsRecorded: true, attendance: [attendee('r1', 'a', { attended: true, passed: true }), attendee('r2', 'b', { attended: false, passed: false })] });
    expect(sessionHeadcount(recorded)).toBe('2人，到1，本次科目全部合格1');
    expect(sessionHeadcount(session({ cancelledAt: '2026-12-01', cancelReason: '场地检修' }))).toBe('取消原因：场地检修');
  });
});

describe('when results and changes are open', () => {
  it('changes before the start, also back in vetting (a withdrawn pass reopened it)', () => {
    expect(['VETTING', 'TRAINING', 'READY'].every(sessionsChangeable)).toBe(true);
    expect(['APPROVED', 'IN_PROGRESS', 'CLOSED', 'CANCELLED'].some(sessionsChangeable)).toBe(false);
  });
});
