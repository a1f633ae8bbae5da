import { Role, roleLabels } from '@evs/schema';
import type { SettingDefinition } from '../settings/settings.defaults';
import { TOTP_REQUIRED_BY_DEFAULT } from './auth.policy';

export const totpSettingKey = (role: Role) => `security.totpRequired.${role}`;

/**
 * The security policy: system settings kept apart from the business settings of the 保安管理支队.
 * ADMIN changes them (`updateSecuritySettings`, audited); the auditor can read them.
 */
export const securitySettingDefinitions: Record<string, SettingDefinition> = {
  'security.passwordMaxAgeDays': { label: '密码有效期（到期须修改）', default: 90, min: 30, max: 365, unit: '天' },
  ...Object.fromEntries(
    Object.values(Role).map((role) => [
      totpSettingKey(role),
      { label: `两步验证（动态验证码）必须启用：${roleLabels[role]}`, default: TOTP_REQUIRED_BY_DEFAULT.includes(role) },
    ]),
  ),
};

export interface SecurityPolicy {
  passwordMaxAgeDays: number;
  totpRequired: (role: Role) => boolean;
}

/** The policy from stored values (keys absent from `stored` take their defaults). */
export function securityPolicy(stored: Record<string, unknown>): SecurityPolicy {
  const value = (key: string) => (key in stored ? stored[key] : securitySettingDefinitions[key].default);
  return {
    passwordMaxAgeDays: Number(value('security.passwordMaxAgeDays')),
    totpRequired: (role) => value(totpSettingKey(role)) === true,
  };
}
