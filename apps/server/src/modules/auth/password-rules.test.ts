import { isCommonPassword, passwordProblems } from '@evs/schema';

const rulesOf = (password: string, username = '') => passwordProblems(password, username).map((p) => p.rule);

describe('password rules: common passwords (@evs/schema password.ts)', () => {
  it.each([
    'Passw0rd!', 'P@ssw0rd', 'P@ssw0rd1', 'P@55w0rd', 'Password1!', 'Password@123', 'Admin@123', 'Admin@2026', 'Adm1n#2026',
    'Qwer1234!', 'Qwerty123!', '1q2w3e4r!', 'Abc@1234', 'Abcd1234!', 'Aa123456!', 'A123456!', '1qaz@WSX', '!QAZ2wsx', '1qaz2wsx#EDC',
    'Welcome1!', 'Woaini@520', 'Root@1234', 'Demo@2026', 'Panjin@110', 'Police#2026', '2026@Admin',
  ])('refuses %s, which meets the composition rules, as common only', (password) => {
    expect(rulesOf(password)).toEqual(['common']);
    expect(passwordProblems(password, '')).toEqual([{ rule: 'common', message: '密码过于常见，容易被猜中，请换一个' }]);
  });

  it('compares without regard to case', () => {
    for (const p of ['PASSW0RD!', 'pAsSw0Rd!', 'aDMIN@123', '1QAZ@wsx']) expect(isCommonPassword(p)).toBe(true);
  });

  it.each([
    // the passwords of the tests and the e2e: a word of one's own, or the common word with more letters
    'Chief-2026a', 'Second#2026', 'third3THIRD', 'Fourth#4444', 'Renewed#2026', 'Temp#2026x', 'Start#2026a', 'Police#2026b',
    'Deploy@2026start', 'Mine@2026secret', 'Reset@2026abc', 'Passage#2026', 'Administer!9x', 'Xy#73910482', 'Hm7#kQ2pLz9v',
  ])('accepts %s', (password) => {
    expect(passwordProblems(password, 'office')).toEqual([]);
  });

  it('still reports the composition rules of a short or simple common password, with the common rule', () => {
    expect(rulesOf('admin')).toEqual(['length', 'classes', 'common']);
    expect(rulesOf('password1')).toEqual(['classes', 'common']);
  });

  it('refuses the username inside the password, in any case and with look-alikes', () => {
    expect(rulesOf('Baoan@2026x', 'baoan')).toEqual(['username']);
    expect(rulesOf('B@0an#2026x', 'baoan')).toEqual(['username']);
    expect(rulesOf('Xx#0ff1ce9', 'office')).toEqual(['username']);
    // the word alone is common too (a word of this system)
    expect(rulesOf('Baoan@2026', 'baoan')).toEqual(['username', 'common']);
    // a short username is looked for as written only: look-alikes would find it by accident
    expect(rulesOf('Xk#2a0Lm9q', 'ao')).toEqual([]);
    expect(rulesOf('Xk#2aoLm9q', 'ao')).toEqual(['username']);
  });
});
