import { describe, expect, it } from 'vitest';
import { numberSetting, securityNumberProblem, securityNumberRule, settingNumberProblem, settingNumberRule } from './settingsForm';

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

  it('refuses text the number box hands over as typed (1e2, 0x10), with or without a known range', () => {
    expect(securityNumberProblem(maxAge, '1e2')).toBe('密码有效期（到期须修改）应为整数');
    expect(securityNumberProblem({ key: 'security.other', label: '其他' }, '0x10')).toBe('其他应为数字');
    expect(securityNumberProblem({ key: 'security.other', label: '其他' }, 12)).toBeNull();
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

describe('a local-policy setting’s number', () => {
  const ratio = { label: '建议保安员配比（每千名观众）' };
  it('refuses a blank and text that is not a number; the range is the server’s', async () => {
    expect(settingNumberProblem(ratio, null)).toBe('请填写建议保安员配比（每千名观众）');
    expect(settingNumberProblem(ratio, '5e1')).toBe('建议保安员配比（每千名观众）应为数字');
    expect(settingNumberProblem(ratio, 12)).toBeNull();
    expect(settingNumberProblem(ratio, 0.25)).toBeNull();
    await expect(settingNumberRule(ratio).validator(null, '0x10')).rejects.toThrow('建议保安员配比（每千名观众）应为数字');
    await expect(settingNumberRule(ratio).validator(null, 10)).resolves.toBeUndefined();
  });
});
