import { describe, expect, it } from 'vitest';
import { numberSetting, securityNumberProblem, securityNumberRule } from './settingsForm';

const maxAge = { key: 'security.passwordMaxAgeDays', label: '密码有效期（到期须修改）' };

describe('the security policy’s numbers, checked rather than clamped', () => {
  it('refuses a value outside the server’s range, a fraction and a blank with the setting’s name', () => {
    expect(securityNumberProblem(maxAge, 400)).toBe('密码有效期（到期须修改）应在30到365之间');
    expect(securityNumberProblem(maxAge, 29)).toBe('密码有效期（到期须修改）应在30到365之间');
    expect(securityNumberProblem(maxAge, 90.5)).toBe('密码有效期（到期须修改）应为整数');
    expect(securityNumberProblem(maxAge, null)).toBe('请填写密码有效期（到期须修改）');
    expect(securityNumberProblem(maxAge, 30)).toBeNull();
    expect(securityNumberProblem(maxAge, 365)).toBeNull();
  });

  it('answers as an antd rule', async () => {
    await expect(securityNumberRule(maxAge).validator(null, 400)).rejects.toThrow('密码有效期（到期须修改）应在30到365之间');
    await expect(securityNumberRule(maxAge).validator(null, 180)).resolves.toBeUndefined();
  });
});

describe('a number setting’s current value', () => {
  it('is the setting’s value, or the fallback while the settings load', () => {
    const settings = [{ key: 'staffing.guardsPerThousand', value: 12 }, { key: 'vetting.checkRelatives', value: true }];
    expect(numberSetting(settings, 'staffing.guardsPerThousand', 10)).toBe(12);
    expect(numberSetting(settings, 'vetting.checkRelatives', 10)).toBe(10);
    expect(numberSetting(undefined, 'staffing.guardsPerThousand', 10)).toBe(10);
  });
});
