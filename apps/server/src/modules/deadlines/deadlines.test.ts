import 'reflect-metadata';
import { ActivityStatus, SecurityMode } from '@evs/schema';
import { settingDefinitions, SettingValues } from '../settings/settings.defaults';
import { deadlinesOf } from './deadlines';
import { DeadlineStage } from './deadlines.types';

const settings = Object.fromEntries(Object.entries(settingDefinitions).map(([k, d]) => [k, d.default])) as SettingValues;
const now = new Date('2026-06-01T02:00:00Z'); // 10:00 in Panjin

describe('deadlinesOf', () => {
  it('counts days to start and flags the stages whose day has passed', () => {
    const d = deadlinesOf(
      { status: ActivityStatus.VETTING, securityMode: SecurityMode.SERVICE_COMPANY, startsAt: new Date('2026-06-04T11:00:00Z'), recommendedAt: new Date('2026-05-10T00:00:00Z') },
      settings,
      now,
    );
    expect(d.daysUntilStart).toBe(3);
    expect(d.stages.map((s) => [s.stage, s.dueOn, s.done, s.late])).toEqual([
      [DeadlineStage.CANDIDATES, '2026-05-20', true, false],
      [DeadlineStage.VETTING, '2026-05-30', false, true],
      [DeadlineStage.TRAINING, '2026-06-02', false, false],
    ]);
    expect(d.lateStages).toEqual([DeadlineStage.VETTING]);
    expect(d.next?.stage).toBe(DeadlineStage.VETTING);
  });

  it('skips recommendation for self-recruited guards, follows the settings, and never flags closed activities', () => {
    const custom = { ...settings, 'deadline.trainingDaysBefore': 10 };
    const d = deadlinesOf({ status: ActivityStatus.TRAINING, securityMode: SecurityMode.SELF_RECRUITED, startsAt: new Date('2026-06-08T02:00:00Z') }, custom, now);
    expect(d.stages.map((s) => s.stage)).toEqual([DeadlineStage.VETTING, DeadlineStage.TRAINING]);
    expect(d.lateStages).toEqual([DeadlineStage.TRAINING]);
    const closed = deadlinesOf({ status: ActivityStatus.CLOSED, securityMode: SecurityMode.SERVICE_COMPANY, startsAt: new Date('2026-05-01T02:00:00Z') }, settings, now);
    expect(closed.lateStages).toEqual([]);
    expect(closed.next).toBeNull();
  });
});
