import { District, withCreditCheckChar } from '@evs/schema';
import { CompanyInput } from './company.inputs';
import { CAPITAL_RULE_MESSAGE, companyInputProblems, normaliseCompanyInput, phoneProblem } from './company.service';
import { NEUTRAL_PERFORMANCE_SCORE, scorePerformance } from './performance';

const valid = (): CompanyInput => ({
  name: '盘锦测试保安服务有限公司',
  creditCode: withCreditCheckChar('91211100MA0T12345'),
  licenseNo: '辽公保服2020001号',
  licenseExpiry: '2030-12-31',
  registeredCapital: 2_000_000,
  address: '盘锦市兴隆台区惠宾大街1号',
  district: District.XINGLONGTAI,
  contactName: '张伟',
  contactPhone: '13904270000',
});
const fields = (input: CompanyInput, creating = true) =>
  companyInputProblems(normaliseCompanyInput(input), { creating, today: '2026-03-01' }).map((p) => p.field);

describe('company register rules', () => {
  it('accepts a complete, valid entry', () => {
    expect(fields(valid())).toEqual([]);
  });

  it('checks the credit code check character and its length', () => {
    const code = valid().creditCode;
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const problems = companyInputProblems({ ...valid(), creditCode: wrongCheck }, { creating: true, today: '2026-03-01' });
    expect(problems).toEqual([{ field: 'creditCode', message: '统一社会信用代码校验位不正确' }]);
    expect(fields({ ...valid(), creditCode: '9121110' })).toEqual(['creditCode']);
  });

  it('refuses line breaks, tabs and formula-like text in the register’s text, a code not of an enterprise (91…) and a licence date 30+ years ahead (review 5 C-7)', () => {
    const problems = (over: Partial<CompanyInput>) => companyInputProblems(normaliseCompanyInput({ ...valid(), ...over }), { creating: true, today: '2026-03-01' });
    expect(problems({ name: '盘锦\n换行保安服务有限公司' })).toEqual([{ field: 'name', message: expect.stringContaining('公司名称') }]);
    expect(problems({ licenseNo: '辽公保\t服A' })).toEqual([{ field: 'licenseNo', message: expect.stringContaining('保安服务许可证号') }]);
    expect(problems({ address: '盘锦市\n兴隆台区' })).toEqual([{ field: 'address', message: expect.stringContaining('住所') }]);
    expect(problems({ contactName: '=HYPERLINK("http://x","张")' })).toEqual([{ field: 'contactName', message: '联系人应为2–30个汉字或字母' }]);
    // a contact is a person (review 6 C-F7); a leading minus and the full-width forms start a formula too (C-F6)
    expect(problems({ contactName: '13800138000' })).toEqual([{ field: 'contactName', message: '联系人应为2–30个汉字或字母' }]);
    expect(problems({ name: "-2+3+cmd|' /C calc'!A0" })).toEqual([{ field: 'name', message: '公司名称不能以“-”开头（表格软件会当作公式）' }]);
    expect(problems({ name: '＝1+1保安服务有限公司' })).toEqual([{ field: 'name', message: '公司名称不能以“＝”开头（表格软件会当作公式）' }]);
    expect(problems({ name: '盘锦辽\u200d河保安服务有限公司' })).toEqual([{ field: 'name', message: '公司名称含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入' }]);
    expect(problems({ name: '+cmd|calc保安服务有限公司' })).toEqual([{ field: 'name', message: '公司名称不能以“+”开头（表格软件会当作公式）' }]);
    expect(problems({ creditCode: withCreditCheckChar('12211100MB1K3R8NX') })).toEqual([{ field: 'creditCode', message: expect.stringContaining('应以“91”开头') }]);
    expect(problems({ licenseExpiry: '9999-12-31' })).toEqual([{ field: 'licenseExpiry', message: expect.stringContaining('晚于30年后') }]);
    expect(problems({ licenseExpiry: '2056-03-01' })).toEqual([]);
  });

  it('normalises a lower-case credit code before checking it', () => {
    expect(fields({ ...valid(), creditCode: ` ${valid().creditCode.toLowerCase()} ` })).toEqual([]);
  });

  it('refuses a registered capital under ¥1,000,000, naming 条例第八条', () => {
    const problems = companyInputProblems({ ...valid(), registeredCapital: 999_999.99 }, { creating: true, today: '2026-03-01' });
    expect(problems).toEqual([{ field: 'registeredCapital', message: CAPITAL_RULE_MESSAGE }]);
    expect(CAPITAL_RULE_MESSAGE).toContain('第八条');
    expect(fields({ ...valid(), registeredCapital: 1_000_000 })).toEqual([]);
  });

  it('refuses an expired licence on registration, but not on a later edit', () => {
    expect(fields({ ...valid(), licenseExpiry: '2026-02-28' })).toEqual(['licenseExpiry']);
    expect(fields({ ...valid(), licenseExpiry: '2026-02-28' }, false)).toEqual([]);
    expect(fields({ ...valid(), licenseExpiry: '2026-02-30' }, false)).toEqual(['licenseExpiry']);
  });

  it('accepts mobile and landline phone numbers only', () => {
    expect(phoneProblem('13904270000')).toBeNull();
    expect(phoneProblem('0427-2812345')).toBeNull();
    expect(phoneProblem('04272812345')).toBeNull();
    expect(phoneProblem('12345')).toMatch(/联系电话/);
    expect(fields({ ...valid(), contactPhone: '2812345' })).toEqual(['contactPhone']);
  });

  it('names every bad field at once', () => {
    expect(fields({ ...valid(), name: '盘锦', licenseNo: '', address: ' ', contactName: '' })).toEqual([
      'name',
      'licenseNo',
      'address',
      'contactName',
    ]);
  });
});

describe('performance score', () => {
  const none = { dutyGuards: 0, findings: 0, findingsCorrected: 0, openSeriousFindings: 0, vettingDecided: 0, vettingFailed: 0, closedActivities: 0, averageRating: null };

  it('gives a company without history the neutral score', () => {
    expect(scorePerformance(none)).toMatchObject({ score: NEUTRAL_PERFORMANCE_SCORE, hasHistory: false, findingsPer100: null });
  });

  it('gives a spotless record 100', () => {
    const p = scorePerformance({ ...none, dutyGuards: 200, vettingDecided: 200, closedActivities: 2, averageRating: 5 });
    expect(p).toMatchObject({ score: 100, findingsPer100: 0, vettingFailureRate: 0, hasHistory: true });
  });

  it('computes the rates and weights only the parts with data', () => {
    const p = scorePerformance({ ...none, dutyGuards: 100, findings: 10, findingsCorrected: 5, vettingDecided: 50, vettingFailed: 5 });
    expect(p.findingsPer100).toBe(10);
    expect(p.correctionRate).toBe(0.5);
    expect(p.vettingFailureRate).toBe(0.1);
    // (0.35·0.5 + 0.15·0.5 + 0.25·0.9) / 0.75
    expect(p.score).toBeCloseTo((100 * (0.35 * 0.5 + 0.15 * 0.5 + 0.25 * 0.9)) / 0.75, 1);
  });

  it('bottoms the findings part out at 20 per 100 guards', () => {
    const p = scorePerformance({ ...none, dutyGuards: 10, findings: 50, findingsCorrected: 0 });
    expect(p.score).toBe(0);
  });
});
