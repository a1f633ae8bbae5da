import { Education, withIdCheckDigit } from '@evs/schema';
import { precheckGuard, PrecheckContext, GuardFacts } from './precheck';

const guard = (birthDate: string): GuardFacts =>
  ({
    guardId: 'g1',
    name: '审查老甲',
    idNumber: withIdCheckDigit(`211103${birthDate.replace(/-/g, '')}011`),
    idKey: 'k1',
    birthDate,
    certificateNo: '辽盘保2020001',
    education: Education.SENIOR_MIDDLE,
  }) as unknown as GuardFacts;
const ctx = (over: Partial<PrecheckContext> = {}): PrecheckContext => ({
  activityDate: '2027-01-10',
  lastDate: '2027-01-11',
  minAge: 18,
  maxAge: 55,
  revocations: new Map(),
  overlaps: new Map(),
  ...over,
});

describe('the age pre-check of an event over several days', () => {
  it('holds the upper limit through the last day: a guard turning 56 on the second day is over it', () => {
    expect(precheckGuard(guard('1971-01-11'), ctx())).toEqual([{ code: 'AGE', message: '活动结束日（2027-01-11）56岁，超过年龄上限55岁' }]);
    expect(precheckGuard(guard('1971-01-12'), ctx())).toEqual([]);
    expect(precheckGuard(guard('1971-01-10'), ctx())[0].message).toBe('活动当日56岁，超过年龄上限55岁');
  });

  it('holds the lower limit on the first day: 18 by the day the guard first serves', () => {
    expect(precheckGuard(guard('2009-01-10'), ctx())).toEqual([]);
    expect(precheckGuard(guard('2009-01-11'), ctx())[0]).toMatchObject({ code: 'AGE', message: '活动当日17岁，未满18岁' });
  });
});
