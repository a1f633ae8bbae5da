import {
  ageOn,
  creditCodeProblem,
  idNumberFacts,
  idNumberProblem,
  maskIdNumber,
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

  it('rejects a wrong length or letters in the body', () => {
    expect(idNumberProblem('2111021985061512')).toContain('18位');
    expect(idNumberProblem('21110219850615A234')).toContain('18位');
  });

  it('rejects an impossible birth date', () => {
    expect(idNumberProblem(withIdCheckDigit('21110219850230123'))).toContain('出生日期');
    expect(idNumberProblem(withIdCheckDigit('21110218990101123'))).toContain('出生日期');
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
