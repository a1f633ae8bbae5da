import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { Role, UnitKind } from '@evs/schema';
import { isLocked, mergeSummary, mergeTargets, unitContact, unitKindsForRole, USERNAME_PATTERN, type AdminUnit } from './accounts';

const unit = (id: string, over: Partial<AdminUnit> = {}) => ({ id, name: `单位${id}`, kind: UnitKind.ORGANIZER, active: true, creditCode: null, ...over }) as AdminUnit;

describe('new accounts', () => {
  it('asks the server for the one kind of unit of a role, and for all units of a leader who may sit in several', () => {
    expect(unitKindsForRole(Role.COMPANY)).toEqual({ kinds: [UnitKind.COMPANY], queryKind: UnitKind.COMPANY, placeholder: '选择保安服务公司' });
    const leader = unitKindsForRole(Role.LEADER);
    expect(leader.queryKind).toBeUndefined();
    expect(leader.kinds).toContain(UnitKind.DISTRICT_BUREAU);
    expect(leader.placeholder).toMatch(/^选择.+或.+/);
    expect(unitKindsForRole(undefined)).toEqual({ kinds: [], queryKind: undefined, placeholder: '先选择角色' });
  });

  it('takes usernames of 3 to 32 lower-case letters, digits, _ . and -', () => {
    expect(USERNAME_PATTERN.test('zhang.san_1')).toBe(true);
    expect(USERNAME_PATTERN.test('ab')).toBe(false);
    expect(USERNAME_PATTERN.test('ZhangSan')).toBe(false);
    expect(USERNAME_PATTERN.test('a'.repeat(33))).toBe(false);
  });
});

describe('what the tables show', () => {
  it('shows an account as locked only until its lock ends', () => {
    const now = dayjs('2026-12-02T10:00:00Z');
    expect(isLocked({ lockedUntil: '2026-12-02T10:05:00Z' }, now)).toBe(true);
    expect(isLocked({ lockedUntil: '2026-12-02T09:55:00Z' }, now)).toBe(false);
    expect(isLocked({ lockedUntil: null }, now)).toBe(false);
  });

  it('joins a unit’s contact and phone, or shows a dash', () => {
    expect(unitContact({ contactName: '王', contactPhone: '13900000000' })).toBe('王 13900000000');
    expect(unitContact({ contactName: null, contactPhone: '13900000000' })).toBe('13900000000');
    expect(unitContact({ contactName: null, contactPhone: null })).toBe('—');
  });

  it('merges a duplicate only into another active organizer, named with its credit code', () => {
    const units = [unit('1'), unit('2', { creditCode: '91211100MA0XXXXX1' }), unit('3', { active: false }), unit('4', { kind: UnitKind.COMPANY })];
    expect(mergeTargets(units, '1')).toEqual([{ value: '2', label: '单位2（91211100MA0XXXXX1）' }]);
  });

  it('says what a merge moved', () => {
    expect(mergeSummary({ accounts: 2, activities: 1, guards: 0, notifications: 5 })).toBe('已合并：迁移账号2个、活动1项、自招保安员0人、通知5条');
  });
});
