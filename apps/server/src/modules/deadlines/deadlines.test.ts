import 'reflect-metadata';
import { ActivityStatus, SecurityMode } from '@evs/schema';
import { settingDefinitions, SettingValues } from '../settings/settings.defaults';
import { deadlinesOf, DeadlineSubject } from './deadlines';
import { DeadlineStage } from './deadlines.types';
import { currentStage, dueOn, overdueNote, overdueStage, stageDaysOf } from './stages';

const settings = Object.fromEntries(Object.entries(settingDefinitions).map(([k, d]) => [k, d.default])) as SettingValues;
const now = new Date('2026-06-01T02:00:00Z'); // 10:00 in Panjin

const activity = (a: Partial<DeadlineSubject>): DeadlineSubject => ({
  status: ActivityStatus.VETTING,
  securityMode: SecurityMode.SERVICE_COMPANY,
  startsAt: new Date('2026-06-04T11:00:00Z'),
  endsAt: new Date('2026-06-04T14:00:00Z'),
  appliedOn: '2026-05-01',
  organizerName: '盘锦市体育中心',
  reportedAt: new Date('2026-05-02T01:00:00Z'),
  requestedAt: new Date('2026-05-02T05:00:00Z'),
  ...a,
});

describe('deadlinesOf', () => {
  it('lists every stage with its responsible unit and rule, and flags those whose day has passed', () => {
    const d = deadlinesOf(activity({ recommendedAt: new Date('2026-05-10T00:00:00Z') }), settings, now, '盘锦辽河保安服务有限公司');
    expect(d.daysUntilStart).toBe(3);
    expect(d.stages.map((s) => [s.stage, s.dueOn, s.done, s.late])).toEqual([
      [DeadlineStage.REQUEST, '2026-05-03', true, false],
      [DeadlineStage.DECISION, '2026-05-08', true, false],
      [DeadlineStage.CANDIDATES, '2026-05-20', true, false],
      [DeadlineStage.SELECTION, '2026-05-25', true, false],
      [DeadlineStage.ROSTER, '2026-05-27', true, false],
      [DeadlineStage.VETTING, '2026-05-30', false, true],
      [DeadlineStage.TRAINING, '2026-06-02', false, false],
      [DeadlineStage.CLOSING, '2026-06-07', false, false],
    ]);
    expect(d.stages.find((s) => s.stage === DeadlineStage.DECISION)?.rule).toContain('第十四条');
    expect(d.stages.find((s) => s.stage === DeadlineStage.ROSTER)?.responsibleUnitName).toBe('盘锦辽河保安服务有限公司');
    expect(d.stages.find((s) => s.stage === DeadlineStage.SELECTION)?.responsibleUnitName).toBe('盘锦市体育中心');
    expect(d.lateStages).toEqual([DeadlineStage.VETTING]);
    expect(d.next?.stage).toBe(DeadlineStage.VETTING);
  });

  it('counts the 批示 from filing (Art. 14: 7 days), and waits on the 请示 first', () => {
    const d = deadlinesOf(activity({ status: ActivityStatus.REPORTED, requestedAt: null, appliedOn: '2026-05-20' }), settings, now);
    expect(d.next?.stage).toBe(DeadlineStage.REQUEST);
    expect(d.stages.find((s) => s.stage === DeadlineStage.DECISION)?.dueOn).toBe('2026-05-27');
    expect(d.lateStages).toEqual([DeadlineStage.REQUEST, DeadlineStage.DECISION, DeadlineStage.CANDIDATES, DeadlineStage.SELECTION, DeadlineStage.ROSTER, DeadlineStage.VETTING]);
    expect(currentStage(ActivityStatus.REPORTED, SecurityMode.SERVICE_COMPANY, true)).toBe(DeadlineStage.DECISION);
  });

  it('skips recommendation and selection for self-recruited guards, follows the settings, and never flags closed activities', () => {
    const custom = { ...settings, 'deadline.trainingDaysBefore': 10 };
    const d = deadlinesOf(activity({ status: ActivityStatus.TRAINING, securityMode: SecurityMode.SELF_RECRUITED, startsAt: new Date('2026-06-08T02:00:00Z'), endsAt: new Date('2026-06-08T06:00:00Z') }), custom, now);
    expect(d.stages.map((s) => s.stage)).toEqual([DeadlineStage.REQUEST, DeadlineStage.DECISION, DeadlineStage.ROSTER, DeadlineStage.VETTING, DeadlineStage.TRAINING, DeadlineStage.CLOSING]);
    expect(d.lateStages).toEqual([DeadlineStage.TRAINING]);
    expect(d.stages.find((s) => s.stage === DeadlineStage.ROSTER)?.responsibleUnitName).toBe('盘锦市体育中心（自招保安单位）');
    const closed = deadlinesOf(activity({ status: ActivityStatus.CLOSED, startsAt: new Date('2026-05-01T02:00:00Z'), endsAt: new Date('2026-05-01T06:00:00Z') }), settings, now);
    expect(closed.lateStages).toEqual([]);
    expect(closed.next).toBeNull();
  });

  it('is overdue by the one rule (review 9-B F3): a later stage past due while the current one is not, as 2026-0004', () => {
    // Waits on the 请示 (due 06-02, reported 06-01); 推荐候选 was due start − 15 = 05-31.
    const a = activity({ status: ActivityStatus.REPORTED, requestedAt: null, reportedAt: new Date('2026-06-01T01:00:00Z'), appliedOn: '2026-05-30',
      startsAt: new Date('2026-06-15T11:00:00Z'), endsAt: new Date('2026-06-15T14:00:00Z') });
    const d = deadlinesOf(a, settings, now);
    expect(d.next?.stage).toBe(DeadlineStage.REQUEST);
    expect(d.lateStages).toEqual([DeadlineStage.CANDIDATES]);
    const dates = { reportedOn: '2026-06-01', appliedOn: '2026-05-30', startOn: '2026-06-15', endOn: '2026-06-15' };
    const o = overdueStage(a.status, a.securityMode, false, (s) => dueOn(s, dates, stageDaysOf(settings)), '2026-06-01');
    expect(o).toEqual({ stage: DeadlineStage.CANDIDATES, dueOn: '2026-05-31', current: DeadlineStage.REQUEST });
    expect(overdueNote(o!.stage, o!.dueOn, o!.current)).toBe('推荐候选截止日期（5月31日）已过，当前待受理请示');
    expect(overdueNote(DeadlineStage.VETTING, '2026-05-30', DeadlineStage.VETTING)).toBe('背景审核截止日期（5月30日）已过');
    // The due day itself is still in time; closed activities are never overdue.
    expect(overdueStage(a.status, a.securityMode, false, (s) => dueOn(s, dates, stageDaysOf(settings)), '2026-05-31')).toBeNull();
    expect(overdueStage(ActivityStatus.CLOSED, a.securityMode, true, (s) => dueOn(s, dates, stageDaysOf(settings)), '2026-06-30')).toBeNull();
  });
});
