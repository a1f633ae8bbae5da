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
