import {
  ageOn,
  birthdayOfAge,
  certificateIssuedOnProblem,
  creditCodeProblem,
  idNumberFacts,
  idNumberProblem,
  isBlank,
  isToTheFen,
  maskIdNumber,
  personNameProblem,
  postProblem,
  quoteProblem,
  withCreditCheckChar,
  withIdCheckDigit,
} from '@evs/schema';

describe('idNumberProblem (GB 11643-1999)', () => {
  it('accepts the standard example with an X check character, in either case', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(idNumberProblem(' 11010519491231002X ')).toBeNull();
  });

  it('accepts a generated number with its computed check digit', () => {
    expect(idNumberProblem(withIdCheckDigit('21110219850615123'))).toBeNull();
  });

  it('says so when the number is typed in full-width characters, instead of calling it the wrong length', () => {
    expect(idNumberProblem('２１１１０２１９８５０６１５１２３４')).toBe('身份证号含全角字符，请切换到半角输入数字和X');
    expect(idNumberProblem('11010519491231002Ｘ')).toBe('身份证号含全角字符，请切换到半角输入数字和X');
  });

  it('rejects a wrong length or letters in the body', () => {
    expect(idNumberProblem('2111021985061512')).toContain('18位');
    expect(idNumberProblem('21110219850615A234')).toContain('18位');
  });

  it('rejects an impossible birth date', () => {
    expect(idNumberProblem(withIdCheckDigit('21110219850230123'))).toContain('出生日期');
    expect(idNumberProblem(withIdCheckDigit('21110218990101123'))).toContain('出生日期');
  });

  it('rejects an address code of no province (GB/T 2260): 000000, 24…, 99…; takes 台湾, 香港, 澳门 and a foreigner’s permanent residence card (9 + province)', () => {
    expect(idNumberProblem(withIdCheckDigit('00000019850615123'))).toBe('身份证号前两位“00”不是有效的省级行政区划代码');
    expect(idNumberProblem(withIdCheckDigit('24110219850615123'))).toBe('身份证号前两位“24”不是有效的省级行政区划代码');
    expect(idNumberProblem(withIdCheckDigit('99110219850615123'))).toBe('身份证号前两位“99”不是有效的省级行政区划代码');
    for (const area of ['710000', '810000', '820000', '830000', '654321', '921100']) expect(idNumberProblem(withIdCheckDigit(`${area}19850615123`))).toBeNull();
  });

  it('rejects a wrong check digit', () => {
    const valid = withIdCheckDigit('21110219850615123');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(idNumberProblem(wrong)).toContain('校验位');
  });

  it('derives birth date and sex', () => {
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'FEMALE', areaCode: '110105' });
  });
});

describe('birthdayOfAge: one 年满18周岁 for every check (review 5 C-8)', () => {
  it('is the birthday in that year; a 29 February birth turns 18 on 1 March of a common year, as ageOn counts', () => {
    expect(birthdayOfAge('1990-05-01', 18)).toBe('2008-05-01');
    expect(birthdayOfAge('2008-02-29', 18)).toBe('2026-03-01');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', birthdayOfAge('2008-02-29', 18))).toBe(18);
    expect(birthdayOfAge('2006-02-28', 18)).toBe('2024-02-28');
    expect(birthdayOfAge('2004-02-29', 20)).toBe('2024-02-29');
  });
});

describe('creditCodeProblem (GB 32100-2015)', () => {
  it('accepts a valid code and a generated one', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem(withCreditCheckChar('91211100MA0QC1234'))).toBeNull();
  });

  it('rejects a wrong length', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toContain('18位');
  });

  it('rejects characters the standard does not use (I, O, Z, S, V)', () => {
    expect(creditCodeProblem('91350100M000100O43')).toContain('无效字符');
  });

  it('rejects a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toContain('校验位');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters of an 18-character number', () => {
    expect(maskIdNumber('211102198506151234')).toBe('211102********1234');
  });

  it('masks a short value completely', () => {
    expect(maskIdNumber('123456789')).toBe('*********');
  });
});

describe('ageOn', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1970-06-15', '2025-06-14')).toBe(54);
    expect(ageOn('1970-06-15', '2025-06-15')).toBe(55);
  });

  it('handles a 29 February birthday in a common year', () => {
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
  });

  it('ignores a time part of the dates', () => {
    expect(ageOn('1990-01-01T00:00:00Z', '2026-01-01T23:59:59Z')).toBe(36);
  });
});

describe('isBlank', () => {
  it('counts spaces, tabs, line breaks, full-width and zero-width spaces as not filled in', () => {
    for (const blank of ['', '   ', '\t', '\n\r', '\u3000\u3000', '\u200b', ' \ufeff ']) expect(isBlank(blank)).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(' 东门 ')).toBe(false);
  });
});

describe('personNameProblem', () => {
  it('accepts names with the middle dot and spaces, refuses control characters, blanks and other characters', () => {
    expect(personNameProblem('张三')).toBeNull();
    expect(personNameProblem('阿依古丽·买买提')).toBeNull();
    // 生僻字 (GB 18030-2022): CJK Extension A, B (outside the basic plane), the latest basic-block additions, 〇
    for (const rare of ['刘䶮', '吉𠮷', '李鿏', '王〇', '𪚥𪚥']) expect(personNameProblem(rare)).toBeNull();
    expect(personNameProblem('张😀')).toBe('姓名应为2–30个汉字或字母');
    expect(personNameProblem('𠮷'.repeat(31))).toBe('姓名应为2–30个汉字或字母');
    expect(personNameProblem(' John Smith ')).toBeNull();
    expect(personNameProblem('\u3000 ')).toBe('请填写姓名');
    expect(personNameProblem('张\t三')).toBe('姓名不能包含制表符、换行等控制字符');
    expect(personNameProblem('张\n三', '第1位亲属（父亲）姓名')).toBe('第1位亲属（父亲）姓名不能包含制表符、换行等控制字符');
    expect(personNameProblem('张3')).toBe('姓名应为2–30个汉字或字母');
    expect(personNameProblem('张')).toBe('姓名应为2–30个汉字或字母');
  });
});

describe('certificateIssuedOnProblem', () => {
  it('refuses a date before the 条例 took effect, or before the holder turned 18 (第十六条)', () => {
    expect(certificateIssuedOnProblem('1800-01-01', null)).toContain('不能早于2010-01-01');
    expect(certificateIssuedOnProblem('2009-12-31', '1980-01-01')).toContain('不能早于2010-01-01');
    expect(certificateIssuedOnProblem('2018-05-04', '2000-05-05')).toContain('第十六条');
    expect(certificateIssuedOnProblem('2018-05-05', '2000-05-05')).toBeNull();
    expect(certificateIssuedOnProblem('2010-01-01', null)).toBeNull();
  });
});

describe('amounts to the fen', () => {
  it('is exact: 1e-9 is not 0.00 and 1200.125 is not 1200.13', () => {
    for (const ok of [0.01, 0.07, 12.3, 1200.13, 86000.5, 100_000_000]) expect(isToTheFen(ok)).toBe(true);
    for (const bad of [1e-9, 0.001, 1.005, 1200.125, 0.1 + 0.2, 100000.0000001, NaN, Infinity]) expect(isToTheFen(bad)).toBe(false);
    expect(quoteProblem(1e-9)).toBe('报价最多精确到分（两位小数）');
    expect(quoteProblem(0)).toBe('报价应为大于0的金额（元）');
    expect(quoteProblem(0.01)).toBeNull();
  });
});

describe('postProblem', () => {
  it('takes a blank post as none, refuses over 50 characters or a line break', () => {
    expect(postProblem(null)).toBeNull();
    expect(postProblem('\u3000 ')).toBeNull();
    expect(postProblem('岗'.repeat(50))).toBeNull();
    expect(postProblem('岗'.repeat(51), '第2行')).toBe('第2行岗位名称不超过50字（现51字）');
    expect(postProblem('东门\n安检')).toBe('岗位名称不能包含制表符、换行等控制字符');
  });
});
