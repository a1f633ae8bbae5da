/**
 * Password rules (等保 2.0 三级 身份鉴别), shared by the server (authoritative, which also checks the
 * last passwords) and the change-password form, so both give the same Chinese reason per rule.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** A new password may not be one of this many most recent ones (the current one included). */
export const PASSWORD_HISTORY_SIZE = 5;

export type PasswordRule = 'length' | 'classes' | 'username';

/** The four character classes; a password needs characters of at least three of them. */
const CLASSES: { label: string; test: RegExp }[] = [
  { label: '大写字母', test: /[A-Z]/ },
  { label: '小写字母', test: /[a-z]/ },
  { label: '数字', test: /\d/ },
  { label: '符号', test: /[^A-Za-z0-9]/ },
];

/** Every rule with the Chinese text the form lists beside the field. */
export const passwordRuleTexts: Record<PasswordRule, string> = {
  length: `至少${PASSWORD_MIN_LENGTH}位（最多${PASSWORD_MAX_LENGTH}位）`,
  classes: '包含大写字母、小写字母、数字、符号中的至少3类',
  username: '不得包含用户名',
};

export interface PasswordProblem {
  rule: PasswordRule;
  message: string;
}

/** The rules a password breaks, each with its own Chinese reason; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    problems.push({
      rule: 'length',
      message: password.length < PASSWORD_MIN_LENGTH ? `密码至少${PASSWORD_MIN_LENGTH}位` : `密码最多${PASSWORD_MAX_LENGTH}位`,
    });
  }
  const present = CLASSES.filter((c) => c.test.test(password));
  if (present.length < 3) {
    const missing = CLASSES.filter((c) => !present.includes(c)).map((c) => c.label);
    problems.push({
      rule: 'classes',
      message: `密码须包含大写字母、小写字母、数字、符号中的至少3类（缺少${missing.join('、')}中的${3 - present.length}类）`,
    });
  }
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) {
    problems.push({ rule: 'username', message: '密码不得包含用户名' });
  }
  return problems;
}
