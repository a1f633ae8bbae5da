import { wholeNumberProblem } from '@evs/schema';

/** A setting as both settings pages read it (local policy, security policy). */
export interface EditableSetting {
  key: string;
  value: unknown;
}

export type SettingValues = Record<string, number | boolean>;

/** Form field names may not contain dots (they would nest), so fields are named by position. */
export const settingField = (i: number) => `s${i}`;

/** The form's values for the settings as the server holds them. */
export function settingFormValues(settings: readonly EditableSetting[]): SettingValues {
  return Object.fromEntries(settings.map((s, i) => [settingField(i), s.value as number | boolean]));
}

/** The changes to send: only the settings whose value the form changed. */
export function changedSettings(settings: readonly EditableSetting[], values: SettingValues): { key: string; value: number | boolean }[] {
  return settings.map((s, i) => ({ key: s.key, value: values[settingField(i)] })).filter((c, i) => c.value !== settings[i].value);
}

/** A number setting's current value, or `fallback` while the settings load (or when the key is missing). */
export function numberSetting(settings: readonly EditableSetting[] | undefined, key: string, fallback: number): number {
  const value = settings?.find((s) => s.key === key)?.value;
  return typeof value === 'number' ? value : fallback;
}

/**
 * The allowed range of the security policy's number settings, as the server defines them
 * (apps/server/src/modules/auth/security-settings.ts; the API does not send ranges). Checked by the form so that a
 * value out of range is refused with its range, never clamped by the input; the server checks them again.
 */
const SECURITY_NUMBER_RANGES: Record<string, { min: number; max: number }> = {
  'security.passwordMaxAgeDays': { min: 30, max: 365 },
};

/**
 * Why a security setting's number is refused, or null: a blank, text that is not a number, a fraction
 * or a value outside its range.
 */
export function securityNumberProblem(setting: { key: string; label: string }, value: number | string | null | undefined): string | null {
  if (value == null) return `请填写${setting.label}`;
  const range = SECURITY_NUMBER_RANGES[setting.key];
  if (typeof value !== 'number') return range ? wholeNumberProblem(Number.NaN, setting.label, range.min, range.max) : `${setting.label}应为数字`;
  return range ? wholeNumberProblem(value, setting.label, range.min, range.max) : null;
}

/** The form rule for a security setting's number (never clamped or rounded by the input). */
export function securityNumberRule(setting: { key: string; label: string }) {
  return {
    validator: (_: unknown, v: number | string | null | undefined) => {
      const problem = securityNumberProblem(setting, v);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

/**
 * Why a local-policy setting's number is refused, or null: a blank or text that is not a number
 * (`1e2`, `0x10`). Its range and whether it may be a fraction the server checks (the API sends no ranges).
 */
export function settingNumberProblem(setting: { label: string }, value: number | string | null | undefined): string | null {
  if (value == null) return `请填写${setting.label}`;
  return typeof value === 'number' && Number.isFinite(value) ? null : `${setting.label}应为数字`;
}

/** The form rule for a local-policy setting's number. */
export function settingNumberRule(setting: { label: string }) {
  return {
    validator: (_: unknown, v: number | string | null | undefined) => {
      const problem = settingNumberProblem(setting, v);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}
