import { Education, GuardStatus, RelativeRelation, withIdCheckDigit } from '@evs/schema';
import { eligibilityProblems, revocationProblems, revokedCertificates, twoCertificates } from './eligibility';
import { guardFieldProblems, MAX_PHOTO_BYTES, photoProblem, relativesProblems } from './guard.rules';
import { dataUrl, jpeg, png as realPng } from '../../../test/images';

const TODAY = '2026-03-01';
const id = (birth: string, seq = '123') => withIdCheckDigit(`211102${birth.replace(/-/g, '')}${seq}`);
const limits = { minAge: 18, maxAge: 55 };
const guard = (over: Partial<Parameters<typeof eligibilityProblems>[0]> = {}) => ({
  birthDate: '1990-05-01',
  education: Education.SENIOR_MIDDLE,
  certificateNo: '辽盘保202000001',
  status: GuardStatus.ACTIVE,
  leftOn: null,
  ...over,
});
const png = (bytes: number) => {
  const b = Buffer.alloc(bytes);
  Buffer.from([0x89, 0x50, 0x4e, 0x47]).copy(b);
  return `data:image/png;base64,${b.toString('base64')}`;
};

describe('guard field checks', () => {
  const valid = { name: '张伟', idNumber: id('1990-05-01'), phone: '13904271234', education: Education.SENIOR_MIDDLE };

  it('accepts a valid guard', () => {
    expect(guardFieldProblems(valid, TODAY)).toEqual([]);
  });

  it('names the ID number field and why (GB 11643 check digit, birth date)', () => {
    const bad = valid.idNumber.slice(0, 17) + (valid.idNumber[17] === '0' ? '1' : '0');
    expect(guardFieldProblems({ ...valid, idNumber: bad }, TODAY)).toEqual([{ field: 'idNumber', message: '身份证号校验位不正确' }]);
    expect(guardFieldProblems({ ...valid, idNumber: '21110219901301123X' }, TODAY)[0]).toMatchObject({ field: 'idNumber', message: '身份证号中的出生日期无效' });
  });

  it('checks phone, certificate and its date', () => {
    const problems = guardFieldProblems({ ...valid, phone: '123', certificateIssuedOn: '2027-01-01', certificateNo: '辽' }, TODAY);
    expect(problems.map((p) => p.field)).toEqual(['phone', 'certificateNo', 'certificateIssuedOn']);
  });

  it('accepts JPEG/PNG photos up to 300 KB and checks the bytes', () => {
    expect(photoProblem(dataUrl(realPng(600, 800)))).toBeNull();
    expect(photoProblem(dataUrl(jpeg(3024, 4032)))).toBeNull();
    expect(photoProblem(png(MAX_PHOTO_BYTES + 1))).toMatch(/300KB/);
    expect(photoProblem('data:image/gif;base64,R0lGODlh')).toMatch(/JPEG 或 PNG/);
    expect(photoProblem(png(100).replace('image/png', 'image/jpeg'))).toMatch(/不符/);
    expect(guardFieldProblems({ ...valid, photo: 'http://x/y.png' }, TODAY)).toEqual([{ field: 'photo', message: '照片应为 JPEG 或 PNG 图片' }]);
  });

  it('refuses a photo of more than 4096×4096 pixels (red team 3 H4) and one that cannot be read, on the photo field', () => {
    expect(guardFieldProblems({ ...valid, photo: dataUrl(realPng(30000, 30000)) }, TODAY)).toEqual([
      { field: 'photo', message: '照片尺寸过大（30000×30000像素），请使用不超过4096×4096像素（约1678万像素）的照片' },
    ]);
    expect(photoProblem(dataUrl(realPng(2, 2).subarray(0, 40)))).toMatch(/已损坏或不完整/);
  });
});

describe('relatives checks', () => {
  const own = id('1990-05-01');
  it('accepts father, mother, spouse and children', () => {
    expect(
      relativesProblems(
        [
          { name: '张建国', relation: RelativeRelation.FATHER, idNumber: id('1960-01-01', '011') },
          { name: '李秀英', relation: RelativeRelation.MOTHER, idNumber: id('1962-01-01', '022') },
          { name: '王芳', relation: RelativeRelation.SPOUSE, idNumber: id('1991-01-01', '024') },
          { name: '张小明', relation: RelativeRelation.CHILD, idNumber: id('2016-01-01', '013') },
          { name: '张小红', relation: RelativeRelation.CHILD, idNumber: id('2018-01-01', '026') },
        ],
        own,
      ),
    ).toEqual([]);
  });

  it('names the row and field of each problem', () => {
    const problems = relativesProblems(
      [
        { name: '张建国', relation: RelativeRelation.FATHER, idNumber: id('1960-01-01', '012') },
        { name: '李秀英', relation: RelativeRelation.MOTHER, idNumber: '211102196201010221' },
        { name: '张二', relation: RelativeRelation.FATHER, idNumber: own },
      ],
      own,
    );
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'relatives.0.idNumber'],
      [2, 'relatives.1.idNumber'],
      [3, 'relatives.2.idNumber'],
      [3, 'relatives.2.relation'],
    ]);
    expect(problems[0].message).toContain('女性');
    // The relative is named: the import shows the message without its 第N位亲属（…） prefix (red team 3).
    expect(problems[2].message).toBe('第3位亲属（父亲）张二的身份证号与保安员本人相同');
    expect(problems[2].message.replace(/^第\d+位亲属（[^）]+）/, '')).toBe('张二的身份证号与保安员本人相同');
  });

  it('refuses a parent not 14 years older, a child not 14 years younger and a spouse under the age of marriage, naming the row', () => {
    const at = (relation: RelativeRelation, birth: string, seq: string) => relativesProblems([{ name: '张某', relation, idNumber: id(birth, seq) }], own, 'relatives', TODAY);
    // the guard was born 1990-05-01
    expect(at(RelativeRelation.FATHER, '1976-05-01', '011')).toEqual([]);
    expect(at(RelativeRelation.FATHER, '1976-05-02', '011')[0]).toMatchObject({ row: 1, field: 'relatives.0.idNumber', message: expect.stringContaining('父母应比保安员（1990年生）至少早14年出生') });
    expect(at(RelativeRelation.MOTHER, '2010-01-01', '022')[0].message).toContain('第1位亲属（母亲）的身份证号显示出生于2010-01-01');
    expect(at(RelativeRelation.CHILD, '2004-05-01', '013')).toEqual([]);
    expect(at(RelativeRelation.CHILD, '2004-04-30', '013')[0].message).toContain('子女应比保安员');
    expect(at(RelativeRelation.CHILD, '1950-01-01', '013')[0].message).toContain('子女应比保安员');
    // 民法典第一千零四十七条: a woman of 20, a man of 22 (on TODAY, 2026-03-01)
    expect(at(RelativeRelation.SPOUSE, '2006-03-01', '024')).toEqual([]);
    expect(at(RelativeRelation.SPOUSE, '2006-03-02', '024')[0].message).toContain('未满20周岁');
    expect(at(RelativeRelation.SPOUSE, '2004-03-02', '013')[0].message).toContain('未满22周岁');
    // both parties (review 6 C-F5): a spouse of the guard's own sex, and a guard under the age of marriage
    expect(at(RelativeRelation.SPOUSE, '1989-01-01', '013')[0]).toMatchObject({
      row: 1, field: 'relatives.0.idNumber', message: '第1位亲属（配偶）的身份证号显示与保安员同为男性（民法典第一千零四十六条），请核对关系或身份证号',
    });
    const young = id('2006-01-01');
    expect(relativesProblems([{ name: '王芳', relation: RelativeRelation.SPOUSE, idNumber: id('2004-01-01', '024') }], young, 'relatives', TODAY)[0].message)
      .toBe('第1位亲属（配偶）：保安员本人今日未满22周岁（民法典第一千零四十七条法定婚龄），不能登记配偶，请核对关系或身份证号');
    expect(relativesProblems([{ name: '王芳', relation: RelativeRelation.SPOUSE, idNumber: id('2004-01-01', '024') }], id('2004-03-01'), 'relatives', TODAY)).toEqual([]);
  });
});

describe('eligibility (条例第十六条、第十七条, local age limit)', () => {
  it('is eligible with nothing wrong', () => {
    expect(eligibilityProblems(guard(), [], TODAY, limits)).toEqual([]);
  });

  it('names 第十六条 for age under 18, education and a missing certificate', () => {
    const problems = eligibilityProblems(guard({ birthDate: '2008-03-02', education: Education.PRIMARY, certificateNo: null }), [], TODAY, limits);
    expect(problems.map((p) => p.code)).toEqual(['UNDER_AGE', 'EDUCATION', 'NO_CERTIFICATE']);
    expect(problems.every((p) => p.article?.includes('第十六条'))).toBe(true);
    expect(eligibilityProblems(guard({ birthDate: '2008-03-01' }), [], TODAY, limits)).toEqual([]);
  });

  it('applies the upper age limit as local policy, not an article', () => {
    const [p] = eligibilityProblems(guard({ birthDate: '1970-02-28' }), [], TODAY, limits);
    expect(p).toMatchObject({ code: 'OVER_AGE', article: null });
    expect(p.message).toContain('56岁');
    expect(eligibilityProblems(guard({ birthDate: '1970-03-02' }), [], TODAY, limits)).toEqual([]);
    expect(eligibilityProblems(guard({ birthDate: '1970-02-28' }), [], TODAY, { minAge: 18, maxAge: 60 })).toEqual([]);
  });

  it('names 第十七条 for a revocation under 3 years ago and for two revocations', () => {
    const on = (...dates: string[]) => dates.map((revokedOn) => ({ revokedOn }));
    expect(revocationProblems(on('2023-03-02'), TODAY).map((p) => p.code)).toEqual(['REVOKED_RECENTLY']);
    expect(revocationProblems(on('2023-03-01'), TODAY)).toEqual([]);
    expect(revocationProblems(on('2015-01-01', '2018-01-01'), TODAY).map((p) => p.code)).toEqual(['REVOKED_TWICE']);
    expect(revocationProblems(on('2027-01-01'), TODAY)).toEqual([]);
    // 29 February: barred through 28 February three years on, as the SQL filter and the pre-check say
    expect(revocationProblems(on('2024-02-29'), '2027-02-28').map((p) => p.code)).toEqual(['REVOKED_RECENTLY']);
    expect(revocationProblems(on('2024-02-29'), '2027-03-01')).toEqual([]);
    expect(revocationProblems(on('2025-01-01'), TODAY)[0].article).toContain('第十七条');
  });

  it('counts certificates, not rows: one number revoked on two days is revoked once (red-team L4)', () => {
    const one = [{ revokedOn: '2018-01-01', certificateNo: '辽A001' }, { revokedOn: '2018-01-02', certificateNo: '辽A001' }];
    expect(revokedCertificates(one)).toBe(1);
    expect(revocationProblems(one, TODAY)).toEqual([]);
    const two = [{ revokedOn: '2015-01-01', certificateNo: '辽A001' }, { revokedOn: '2019-01-02', certificateNo: '辽B002' }];
    expect(revocationProblems(two, TODAY).map((p) => p.message)).toEqual([expect.stringContaining('吊销2次')]);
    // a number not known counts on its own
    expect(revokedCertificates([{ revokedOn: '2015-01-01', certificateNo: null }, { revokedOn: '2019-01-02', certificateNo: '辽B002' }])).toBe(2);
  });

  it('tells two certificates apart by number, or by a new one issued after the earlier revocation', () => {
    const r = (revokedOn: string, certificateNo: string | null, issuedOn: string | null = null) => ({ revokedOn, certificateNo, issuedOn });
    expect(twoCertificates(r('2026-12-01', '辽A'), r('2026-12-02', '辽A', '2019-05-01'))).toBe(false);
    expect(twoCertificates(r('2020-06-01', '辽A'), r('2024-01-01', '辽B', '2023-07-01'))).toBe(true);
    // a different number issued on or before the earlier revocation: no new certificate since
    expect(twoCertificates(r('2020-06-01', '辽A'), r('2024-01-01', '辽B', '2020-06-01'))).toBe(false);
    expect(twoCertificates(r('2020-06-01', '辽A'), r('2024-01-01', '辽B'))).toBe(true);
    expect(twoCertificates(r('2020-06-01', null), r('2024-01-01', '辽B'))).toBe(false);
    expect(twoCertificates(r('2020-06-01', null), r('2024-01-01', '辽B', '2023-07-01'))).toBe(true);
    // either order
    expect(twoCertificates(r('2024-01-01', '辽B', '2023-07-01'), r('2020-06-01', '辽A'))).toBe(true);
  });

  it('reports a guard who left', () => {
    expect(eligibilityProblems(guard({ status: GuardStatus.LEFT, leftOn: '2025-01-01' }), [], TODAY, limits)[0].code).toBe('LEFT');
  });
});
