import { ActivityStatus, SecurityMode } from '@evs/schema';
import { settingDefinitions, SettingValues } from '../settings/settings.defaults';
import * as derive from './activity.derive';
import { ActivityEntity } from './activity.entity';
import { ActivityType } from './activity.types';

const settings = Object.fromEntries(Object.entries(settingDefinitions).map(([k, d]) => [k, d.default])) as unknown as SettingValues;
const now = new Date('2026-12-01T02:00:00Z');
const row = (over: Partial<ActivityEntity> = {}) =>
  Object.assign(new ActivityEntity(), {
    id: 'a1',
    code: '2026-0001',
    name: '测试活动',
    status: ActivityStatus.APPROVED,
    securityMode: SecurityMode.SERVICE_COMPANY,
    startsAt: new Date('2026-12-11T11:00:00Z'),
    endsAt: new Date('2026-12-11T14:00:00Z'),
    appliedOn: '2026-11-30',
    organizerName: '主办单位',
    expectedAttendance: 3000,
    guardsRequired: 10,
    ageLimit: null,
    recommendationJustification: null,
    closeStatement: null,
    ...over,
  });

describe('toActivityType: the view of one activity', () => {
  it('computes warnings and daysUntilStart only when read, keeps them, and lets a caller set them', () => {
    const view = derive.toActivityType(row(), settings, now);
    expect(view).toBeInstanceOf(ActivityType);
    // not on the row until read: nothing computed for a list that does not ask
    expect(Object.getOwnPropertyDescriptor(view, 'warnings')).toBeUndefined();
    expect(JSON.parse(JSON.stringify(view)).warnings).toBeUndefined();
    const codes = view.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['LATE_APPLICATION', 'FEW_GUARDS']));
    expect(view.daysUntilStart).toBe(10);
    // kept as a plain value once read (and JSON carries it)
    expect(Object.getOwnPropertyDescriptor(view, 'warnings')).toMatchObject({ value: view.warnings, writable: true, enumerable: true });
    expect(JSON.parse(JSON.stringify(view)).daysUntilStart).toBe(10);
    view.daysUntilStart = 3;
    expect(view.daysUntilStart).toBe(3);
  });

  it('gives every row the same shape: no accessor of its own on any row (graphql-js reads each field by name)', () => {
    const views = [row(), row({ id: 'a2', guardsRequired: 50 }), row({ id: 'a3', closeStatement: '说明' })].map((r) => derive.toActivityType(r, settings, now));
    for (const v of views) {
      for (const key of Reflect.ownKeys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, key)!;
        expect({ key: String(key), accessor: !!(d.get || d.set) }).toEqual({ key: String(key), accessor: false });
      }
    }
    expect(views.map((v) => Object.keys(v))).toEqual([Object.keys(views[0]), Object.keys(views[0]), Object.keys(views[0])]);
    expect(views[2].warnings.map((w) => w.code)).toContain('CLOSED_WITH_SERIOUS');
  });
});

describe('ageLimitsOf: the limits an activity holds its guards to', () => {
  const changed = { ...settings, 'guard.minAge': 20, 'guard.maxAge': 48 } as SettingValues;

  it('before the 批示: its own upper limit, else the settings, whatever they are now', () => {
    expect(derive.ageLimitsOf(row({ approvedMinAge: null, approvedMaxAge: null }), changed)).toEqual({ minAge: 20, maxAge: 48 });
    expect(derive.ageLimitsOf(row({ ageLimit: 60, approvedMinAge: null, approvedMaxAge: null }), changed)).toEqual({ minAge: 20, maxAge: 60 });
  });

  it('from the 批示 on: the limits fixed then, not the settings of today', () => {
    const approved = row(derive.approvedAgeLimits(row({ approvedMinAge: null, approvedMaxAge: null }), settings));
    expect(approved).toMatchObject({ approvedMinAge: 18, approvedMaxAge: 55 });
    expect(derive.ageLimitsOf(approved, changed)).toEqual({ minAge: 18, maxAge: 55 });
    expect(derive.toActivityType(approved, changed, now)).toMatchObject({ effectiveMinAge: 18, effectiveAgeLimit: 55, ageLimitsFixed: true });
    expect(derive.toActivityType(row({ approvedMinAge: null, approvedMaxAge: null }), changed, now)).toMatchObject({ effectiveAgeLimit: 48, ageLimitsFixed: false });
  });
});
