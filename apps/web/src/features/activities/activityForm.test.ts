import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { District, SecurityMode } from '@evs/schema';
import type { ActivityDetail } from './activityDetail';
import {
  activityFormValues,
  activityInput,
  attendanceNote,
  contactPhoneProblem,
  endsAtProblem,
  guardsPerThousand,
  leadDays,
  leadTooShort,
  startsAtProblem,
  suggestedGuards,
  wholeNumberRule,
  type ActivityFormValues,
} from './activityForm';

const values = (over: Partial<ActivityFormValues> = {}): ActivityFormValues => ({
  name: '湿地音乐节',
  type: '演唱会',
  organizerUnitId: 'u1',
  organizerName: '文旅公司',
  undertakerName: '',
  venue: '体育中心',
  address: '兴隆台区',
  district: District.XINGLONGTAI,
  startsAt: dayjs('2026-12-20T11:00:00Z'),
  endsAt: dayjs('2026-12-20T14:00:00Z'),
  appliedOn: dayjs('2026-11-20T12:00:00'),
  expectedAttendance: 8000,
  guardsRequired: 90,
  securityMode: SecurityMode.SERVICE_COMPANY,
  contactName: '王',
  contactPhone: '13900000000',
  ageLimit: undefined,
  plan: { posts: '入口12人', parking: '', crowdGuidance: undefined, venueCapacity: null, emergencyPlan: '联动' },
  ...over,
});

describe('the activity form’s values as the API takes them', () => {
  it('sends blanks as null and leaves empty plan items out', () => {
    const input = activityInput(values());
    expect(input).toMatchObject({ undertakerName: null, ageLimit: null, organizerUnitId: 'u1', appliedOn: '2026-11-20' });
    expect(input.plan).toEqual({ posts: '入口12人', emergencyPlan: '联动' });
    expect(input.startsAt).toBe('2026-12-20T11:00:00.000Z');
  });

  it('sends whole minutes: the seconds a picker keeps from the current time are not sent (the API refuses them)', () => {
    const input = activityInput(values({ startsAt: dayjs('2026-12-20T11:00:37.123Z'), endsAt: dayjs('2026-12-20T14:05:59.999Z') }));
    expect(input.startsAt).toBe('2026-12-20T11:00:00.000Z');
    expect(input.endsAt).toBe('2026-12-20T14:05:00.000Z');
  });

  it('puts a district bureau’s activity in its own district', () => {
    expect(activityInput(values(), District.PANSHAN).district).toBe(District.PANSHAN);
    expect(activityInput(values()).district).toBe(District.XINGLONGTAI);
  });

  it('reads a registered activity back into the form', () => {
    const a = { name: 'n', undertakerName: null, district: 'PANSHAN', securityMode: 'SELF_RECRUITED', startsAt: '2026-12-20T11:00:00Z', endsAt: '2026-12-20T14:00:00Z', appliedOn: '2026-11-20', plan: { posts: 'p' } } as unknown as ActivityDetail;
    const v = activityFormValues(a);
    expect(v.undertakerName).toBeUndefined();
    expect(v.startsAt.toISOString()).toBe('2026-12-20T11:00:00.000Z');
    expect(v.appliedOn.format('YYYY-MM-DD')).toBe('2026-11-20');
    expect(v.plan).toEqual({ posts: 'p' });
  });
});

describe('the form’s checks and hints', () => {
  it('refuses a fraction or an out-of-range number with the field’s name, and lets a blank through to the required rule', async () => {
    const rule = wholeNumberRule('预计人数', 1, 1_000_000);
    await expect(rule.validator(null, 2.5)).rejects.toThrow('预计人数应为整数');
    await expect(rule.validator(null, 0)).rejects.toThrow('预计人数应在1到1,000,000之间');
    await expect(rule.validator(null, undefined)).resolves.toBeUndefined();
    await expect(rule.validator(null, 8000)).resolves.toBeUndefined();
    // text the number box hands over as typed (never read as 100 or 16)
    await expect(rule.validator(null, '1e2')).rejects.toThrow('预计人数应为整数');
    await expect(rule.validator(null, '0x10')).rejects.toThrow('预计人数应为整数');
    await expect(wholeNumberRule('年龄上限', 18, 70).validator(null, 'abc')).rejects.toThrow('年龄上限应为整数');
    await expect(wholeNumberRule('年龄上限', 18, 70).validator(null, null)).resolves.toBeUndefined();
  });

  it('refuses a start already past and an end not after the start', () => {
    const now = dayjs('2026-12-02T02:00:00Z');
    expect(startsAtProblem(dayjs('2026-12-01T16:30:00Z'), now)).toBe('开始时间2026-12-02 00:30已过，不能登记已开始的活动');
    expect(startsAtProblem(dayjs('2026-12-03T00:00:00Z'), now)).toBeNull();
    expect(endsAtProblem(dayjs('2026-12-03T00:00:00Z'), dayjs('2026-12-03T00:00:00Z'))).toBe('结束时间应晚于开始时间');
    expect(endsAtProblem(dayjs('2026-12-03T01:00:00Z'), dayjs('2026-12-03T00:00:00Z'))).toBeNull();
    expect(endsAtProblem(undefined, dayjs())).toBeNull();
  });

  it('takes a mobile number or a landline with its area code', () => {
    expect(contactPhoneProblem('13912345678')).toBeNull();
    expect(contactPhoneProblem('0427-2812345')).toBeNull();
    expect(contactPhoneProblem('04272812345')).toBeNull();
    expect(contactPhoneProblem('2812345')).toBe('联系电话应为手机号或带区号的固定电话');
    expect(contactPhoneProblem('1391234567')).toBe('联系电话应为手机号或带区号的固定电话');
  });

  it('suggests guards by the ratio per thousand attendees, rounded up', () => {
    expect(suggestedGuards(8000, 10)).toBe(80);
    expect(suggestedGuards(2501, 10)).toBe(26);
    expect(suggestedGuards(8000, 15)).toBe(120);
    expect(suggestedGuards(2501, 15)).toBe(38);
    expect(suggestedGuards(undefined, 15)).toBeNull();
  });

  it('takes the ratio from the setting, and the default 10 only while the settings load', () => {
    const settings = [
      { key: 'guard.maxAge', value: 55 },
      { key: 'staffing.guardsPerThousand', value: 15 },
    ];
    expect(guardsPerThousand(settings)).toBe(15);
    expect(guardsPerThousand(undefined)).toBe(10);
    expect(guardsPerThousand([{ key: 'guard.maxAge', value: 55 }])).toBe(10);
  });

  it('counts the lead in whole days and warns below the regulation’s 20', () => {
    expect(leadDays(dayjs('2026-12-20T23:00:00'), dayjs('2026-12-01T01:00:00'))).toBe(19);
    expect(leadTooShort(19)).toBe(true);
    expect(leadTooShort(20)).toBe(false);
    expect(leadTooShort(null)).toBe(false);
  });

  it('says who grants the permit, and warns below 1000 attendees', () => {
    expect(attendanceNote(999)).toEqual({ text: '不足1000人，不属条例调整范围', warning: true });
    expect(attendanceNote(5000)).toEqual({ text: '县级公安机关许可', warning: false });
    expect(attendanceNote(5001)).toEqual({ text: '市公安局许可', warning: false });
    expect(attendanceNote(null)).toBeNull();
  });
});
