/**
 * Password rules (等保 2.0 三级 身份鉴别: length, classes, no username, not a common password), shared
 * by the server (authoritative, which also checks the last passwords) and the change-password form,
 * so both give the same Chinese reason per rule.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** A new password may not be one of this many most recent ones (the current one included). */
export const PASSWORD_HISTORY_SIZE = 5;

export type PasswordRule = 'length' | 'classes' | 'username' | 'common';

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
  common: '不是常见密码（如 Passw0rd!、Admin@123）',
};

/**
 * The words inside the passwords guessed first, once the composition rules are met: a word (in any
 * case, with the usual look-alike substitutions such as @ for a, 0 for o) with nothing but digits and
 * symbols around it — Passw0rd!, P@ssw0rd1, Admin@2026, Welcome1!, Abc@1234, Aa123456! — or a
 * keyboard walk spelled with digits and symbols in between — 1qaz@WSX, Qwer1234!, 1q2w3e4r!. Kept
 * short on purpose: the kinds of password that head the published lists of leaked passwords (English
 * and Chinese: woaini) and that password spraying tries first under composition rules like these,
 * plus the words of this system an attacker of it would add. It is not a dictionary: a word of the
 * user's own (“Chief-2026a”), or a common word with more letters (“Police#2026b”), is accepted.
 * The web form shows the rule too; the server checks it when a password is set (change, reset,
 * creation), never at login: a password set before the rule still logs in.
 */
const COMMON_WORDS = new Set([
  // the leaked-password lists' words that take a digit and a symbol to pass composition rules
  'password', 'passwd', 'pass', 'admin', 'administrator', 'root', 'user', 'test', 'guest', 'welcome',
  'changeme', 'letmein', 'iloveyou', 'woaini', 'love', 'system', 'manager', 'super', 'hello', 'master',
  // "a"/"aa" + digits (Aa123456!, A123456!) and the alphabet (Abc@1234, Abcd1234!)
  'a', 'aa', 'aaa', 'abc', 'abcd', 'abcde', 'abcdef',
  // keyboard walks, their letters only (1qaz@WSX → qazwsx, 1q2w3e4r → qwer)
  'qwe', 'qwer', 'qwert', 'qwerty', 'qwertyuiop', 'asd', 'asdf', 'asdfgh', 'zxc', 'zxcv', 'zxcvbn', 'zxcvbnm',
  'qaz', 'qazwsx', 'qazwsxedc', 'zaqxsw', 'qweasd', 'qweasdzxc', 'qwerasdf', 'qwaszx',
  // this system's: the published demo password's word (Demo@2026; the demo accounts are seeded with it
  // directly, so they still log in, but nobody may set it), the city, the police and the guards
  'demo', 'panjin', 'police', 'gongan', 'jingcha', 'baoan', 'evs',
]);

/** The look-alike characters of passwords (P@ssw0rd, P@55w0rd, Adm1n), inside a word only. */
const LOOK_ALIKES: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };

/**
 * The word a password is made of, in the two readings a guesser tries: its letters only (1qaz@WSX →
 * qazwsx), and its middle with look-alikes read as letters once the digits and symbols around it are
 * taken off (P@ssw0rd1! → password).
 */
function wordsOf(password: string): string[] {
  const lower = password.toLowerCase();
  const letters = lower.replace(/[^a-z]/g, '');
  const middle = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const read = [...middle].map((c) => LOOK_ALIKES[c] ?? c).join('').replace(/[^a-z]/g, '');
  return [letters, read];
}

/** Whether `password` is one of the common ones (COMMON_WORDS), compared without regard to case. */
export function isCommonPassword(password: string): boolean {
  return wordsOf(password).some((w) => COMMON_WORDS.has(w));
}

/** `text` with the look-alikes read as letters (B@oan → baoan), for the username rule. */
function readLookAlikes(text: string): string {
  return [...text.toLowerCase()].map((c) => LOOK_ALIKES[c] ?? c).join('');
}

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
  // In any case, and with look-alikes (B@oan#2026 for baoan) once the name is long enough for that
  // to be no accident.
  if (name && (password.toLowerCase().includes(name) || (name.length >= 4 && readLookAlikes(password).includes(readLookAlikes(name))))) {
    problems.push({ rule: 'username', message: '密码不得包含用户名' });
  }
  if (isCommonPassword(password)) problems.push({ rule: 'common', message: '密码过于常见，容易被猜中，请换一个' });
  return problems;
}
