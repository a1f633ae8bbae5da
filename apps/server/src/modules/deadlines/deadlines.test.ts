import 'reflect-metadata';
import { ActivityStatus, SecurityMode } from '@evs/schema';
import { settingDefinitions, SettingValues } from '../settings/settings.defaults';
import { deadlinesOf, DeadlineSubject } from './deadlines';
import { DeadlineStage } from './deadlines.types';
import { currentStage } from './stages';

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
});
