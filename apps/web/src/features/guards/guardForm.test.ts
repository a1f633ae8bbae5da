import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { Education, RelativeRelation, withIdCheckDigit } from '@evs/schema';
import {
  birthDateOf,
  compactCode,
  certificateIssuedOnRule,
  guardFields,
  guardFormValues,
  idNumberHint,
  idNumberRule,
  nextRelation,
  personNameRule,
  photoProblem,
  relativesOf,
  type GuardDetail,
  type GuardFormValues,
} from './guardForm';

// A valid number (with its checksum digit) of a man born 1990-03-07.
const VALID_ID = '110105199003070033';
const values = (over: Partial<GuardFormValues> = {}): GuardFormValues => ({ name: '张三', education: Education.SENIOR_MIDDLE, ...over });

describe('the guard form’s values as the API takes them', () => {
  it('sends blanks as null and the issue date as a date', () => {
    expect(guardFields(values({ phone: '', certificateNo: '', certificateIssuedOn: dayjs('2024-05-06T10:00:00') }), undefined)).toEqual({
      name: '张三',
      phone: null,
      certificateNo: null,
      certificateIssuedOn: '2024-05-06',
      education: Education.SENIOR_MIDDLE,
    });
  });

  it('leaves an untouched photo out, sends a removed one as empty and a new one as its data URL', () => {
    expect(guardFields(values(), undefined)).not.toHaveProperty('photo');
    expect(guardFields(values(), null).photo).toBe('');
    expect(guardFields(values(), 'data:image/png;base64,AAAA').photo).toBe('data:image/png;base64,AAAA');
  });

  it('takes the relatives as entered and a blank statement as none', () => {
    const relatives = [{ name: '张父', relation: RelativeRelation.FATHER, idNumber: VALID_ID }];
    expect(relativesOf(values({ relatives, relativesStatement: '  ' }))).toEqual({ relatives, statement: null });
    expect(relativesOf(values({ relativesStatement: ' 母亲已故 ' }))).toEqual({ relatives: [], statement: '母亲已故' });
  });

  it('reads a registered guard back, without the ID number', () => {
    const g = { name: '张三', phone: null, certificateNo: 'C1', certificateIssuedOn: '2024-05-06', education: 'JUNIOR_MIDDLE', relativesStatement: null, idNumber: '110105********001X' } as unknown as GuardDetail;
    const v = guardFormValues(g);
    expect(v).toMatchObject({ name: '张三', phone: undefined, certificateNo: 'C1', relativesStatement: undefined });
    expect(v.certificateIssuedOn?.format('YYYY-MM-DD')).toBe('2024-05-06');
    expect(v).not.toHaveProperty('idNumber');
  });
});

describe('the guard form’s checks and hints', () => {
  it('refuses a photo of another type before its size, and one over 300 KB with its size', () => {
    expect(photoProblem({ type: 'image/gif', size: 10 })).toBe('照片只接受 JPEG 或 PNG');
    expect(photoProblem({ type: 'image/jpeg', size: 300 * 1024 + 1 })).toBe('照片不能超过300KB（当前301KB）');
    expect(photoProblem({ type: 'image/png', size: 300 * 1024 })).toBeNull();
  });

  it('requires an ID number only where asked, and refuses a malformed one with the shared rule’s message', async () => {
    await expect(idNumberRule(true).validator(null, '')).rejects.toThrow('请填写身份证号');
    await expect(idNumberRule(false).validator(null, '')).resolves.toBeUndefined();
    await expect(idNumberRule(false).validator(null, '12345')).rejects.toThrow('身份证号应为18位');
    await expect(idNumberRule(true).validator(null, VALID_ID)).resolves.toBeUndefined();
    // a foreigner's permanent residence card: a relative's number, not a guard's (条例第十六条)
    const foreigner = withIdCheckDigit('92110319900101031');
    await expect(idNumberRule(true).validator(null, foreigner)).resolves.toBeUndefined();
    await expect(idNumberRule(true, true).validator(null, foreigner)).rejects.toThrow('保安员应为中国公民');
  });

  it('tells birth date and sex from a valid number, else what is registered, else how they are found', () => {
    expect(idNumberHint(VALID_ID, undefined)).toBe('出生日期 1990-03-07，男');
    const g = { idNumber: '110105********001X', birthDate: null, age: 36, sex: 'MALE' } as unknown as GuardDetail;
    expect(idNumberHint('1101', g)).toBe('当前：110105********001X（36岁，男）；如需更正请填写完整号码');
    expect(idNumberHint(undefined, undefined)).toBe('出生日期与性别由身份证号得出');
  });

  it('starts new relatives as father, mother, then children', () => {
    expect([0, 1, 2, 3].map(nextRelation)).toEqual([RelativeRelation.FATHER, RelativeRelation.MOTHER, RelativeRelation.CHILD, RelativeRelation.CHILD]);
  });
});

describe('the server’s rulebook in the form (@evs/schema)', () => {
  it('refuses a blank name and a tab or line break in a name', async () => {
    await expect(personNameRule().validator(null, '张三')).resolves.toBeUndefined();
    await expect(personNameRule().validator(null, '\u3000')).rejects.toThrow('请填写姓名');
    await expect(personNameRule().validator(null, '张\t三')).rejects.toThrow('姓名不能包含制表符、换行等控制字符');
  });

  it('refuses a 保安员证 issued before the 条例 or before the holder turned 18, from the typed ID number', async () => {
    const born = birthDateOf(VALID_ID, undefined);
    expect(born).toBe('1990-03-07');
    await expect(certificateIssuedOnRule(born).validator(null, dayjs('2008-03-07'))).rejects.toThrow('不能早于2010-01-01');
    await expect(certificateIssuedOnRule('2000-05-05').validator(null, dayjs('2018-05-04'))).rejects.toThrow('第十六条');
    await expect(certificateIssuedOnRule(born).validator(null, dayjs('2015-01-01'))).resolves.toBeUndefined();
    await expect(certificateIssuedOnRule(born).validator(null, null)).resolves.toBeUndefined();
  });
});

describe('compactCode (red team 8, L5)', () => {
  it('takes the spaces out of a pasted ID or phone number and upper-cases the check letter', () => {
    expect(compactCode(' 21110319900304013x ')).toBe('21110319900304013X');
    expect(compactCode('139 0427 0001')).toBe('13904270001');
    expect(compactCode('139\u30000427\u30000001')).toBe('13904270001');
    expect(compactCode(undefined)).toBeUndefined();
  });
});
