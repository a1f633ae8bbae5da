import {
  ageOn,
  certificateIssuedOnProblem,
  citizenIdProblem,
  Education,
  idNumberFacts,
  idNumberProblem,
  MOBILE_PATTERN,
  personNameProblem,
  RelativeRelation,
  relativesStatementProblem,
  relativeRelationLabels,
} from '@evs/schema';
import { addYears, isIsoDate, todayCN } from '../../common/calendar';
import { FieldProblem } from '../../common/errors';
import { isJpeg, isPng, readPhoto } from '../../common/image';

/** Field checks of the guard register (pure; unit-tested). Business rules with articles live in eligibility.ts. */

/** The register a guard goes on, when 保安管理支队 names none or an unknown one (the form and the import alike). */
export const COMPANY_REQUIRED = '请选择所属保安服务公司';
export const COMPANY_UNKNOWN = '所属保安服务公司不存在';

export const MAX_PHOTO_BYTES = 300 * 1024;

/** 一证一人: why a 保安员证 number held by another person is refused (a typo, or a borrowed certificate). */
export const certificateHeldMessage = (certificateNo: string) => `保安员证号“${certificateNo}”已登记在另一人名下（一证一人），请核对`;

export function normaliseIdNumber(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * JPEG or PNG as a base64 data URL, ≤ 300 KB, with the bytes matching the declared type, well formed
 * and at most 4096×4096 pixels (common/image.ts). Stored through `storedPhoto` (without its metadata).
 */
export function photoProblem(photo: string): string | null {
  const m = /^data:image\/(jpeg|jpg|png);base64,([A-Za-z0-9+/]+={0,2})$/.exec(photo.trim());
  if (!m) return '照片应为 JPEG 或 PNG 图片';
  const bytes = Buffer.from(m[2], 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) return `照片不能超过300KB（当前${Math.ceil(bytes.length / 1024)}KB）`;
  if (m[1] === 'png' ? !isPng(bytes) : !isJpeg(bytes)) return '照片内容与声明的图片格式不符（只接受 JPEG 或 PNG）';
  const read = readPhoto(bytes);
  return 'problem' in read ? read.problem : null;
}

export interface GuardFieldsInput {
  name: string;
  idNumber: string;
  phone?: string | null;
  certificateNo?: string | null;
  certificateIssuedOn?: string | null;
  education: Education;
  photo?: string | null;
}

export function guardFieldProblems(input: GuardFieldsInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const nameProblem = personNameProblem(input.name);
  if (nameProblem) problems.push({ field: 'name', message: nameProblem });
  const idProblem = idNumberProblem(input.idNumber);
  const birthDate = idProblem ? null : idNumberFacts(input.idNumber).birthDate;
  if (idProblem) problems.push({ field: 'idNumber', message: idProblem });
  else if (birthDate && birthDate > today) problems.push({ field: 'idNumber', message: '身份证号中的出生日期晚于今天' });
  else if (citizenIdProblem(input.idNumber)) problems.push({ field: 'idNumber', message: citizenIdProblem(input.idNumber)! });
  else if (birthDate && birthDate <= addYears(today, -100)) problems.push({ field: 'idNumber', message: `身份证号中的出生日期${birthDate}距今已超过100年，请核对` });
  if (input.phone && !MOBILE_PATTERN.test(input.phone.trim())) problems.push({ field: 'phone', message: '手机号应为11位，以1开头' });
  const cert = input.certificateNo?.trim();
  if (cert && !/^[\u4e00-\u9fa5A-Za-z0-9-]{4,40}$/.test(cert)) {
    problems.push({ field: 'certificateNo', message: '保安员证号应为4–40位字母、数字或汉字' });
  }
  if (input.certificateIssuedOn) {
    if (!isIsoDate(input.certificateIssuedOn)) {
      problems.push({ field: 'certificateIssuedOn', message: '保安员证发证日期应为有效日期（YYYY-MM-DD）' });
    } else if (input.certificateIssuedOn > today) {
      problems.push({ field: 'certificateIssuedOn', message: '保安员证发证日期不能晚于今天' });
    } else if (!cert) {
      problems.push({ field: 'certificateNo', message: '填写了发证日期，请同时填写保安员证号' });
    } else {
      const early = certificateIssuedOnProblem(input.certificateIssuedOn, birthDate);
      if (early) problems.push({ field: 'certificateIssuedOn', message: early });
    }
  }
  if (input.photo) {
    const p = photoProblem(input.photo);
    if (p) problems.push({ field: 'photo', message: p });
  }
  return problems;
}

export interface RelativeFields {
  name: string;
  relation: RelativeRelation;
  idNumber: string;
}

/** Years a parent is at least older, and a child younger, than the guard: an ID number that says otherwise is a typo. */
export const MIN_GENERATION_GAP_YEARS = 14;
/** 民法典第一千零四十七条: the legal age of marriage, by the spouse's sex. */
const MARRIAGE_AGE = { MALE: 22, FEMALE: 20 } as const;

/** Why a relative's birth date (from the ID number) cannot be that of this relation to the guard, or null. */
function generationProblem(
  relation: RelativeRelation,
  birthDate: string,
  sex: 'MALE' | 'FEMALE',
  guard: { birthDate: string; sex: 'MALE' | 'FEMALE' } | null,
  today: string,
): string | null {
  const guardBirthDate = guard?.birthDate ?? null;
  if (relation === RelativeRelation.SPOUSE) {
    const min = MARRIAGE_AGE[sex];
    if (ageOn(birthDate, today) < min) return `的身份证号显示今日未满${min}周岁（民法典第一千零四十七条法定婚龄），请核对`;
    // Both parties (review 6 C-F5): the marriage age is the guard's too, and a marriage is of a man and a woman
    // (民法典第一千零四十六条). Either way the relation or an ID number is mistyped.
    if (guard && guard.sex === sex) return `的身份证号显示与保安员同为${sex === 'MALE' ? '男性' : '女性'}（民法典第一千零四十六条），请核对关系或身份证号`;
    if (guard && ageOn(guard.birthDate, today) < MARRIAGE_AGE[guard.sex]) {
      return `：保安员本人今日未满${MARRIAGE_AGE[guard.sex]}周岁（民法典第一千零四十七条法定婚龄），不能登记配偶，请核对关系或身份证号`;
    }
    return null;
  }
  if (!guardBirthDate) return null;
  if (relation === RelativeRelation.CHILD) {
    return birthDate < guardBirthDate || ageOn(guardBirthDate, birthDate) < MIN_GENERATION_GAP_YEARS
      ? `的身份证号显示出生于${birthDate}，子女应比保安员（${guardBirthDate.slice(0, 4)}年生）至少晚${MIN_GENERATION_GAP_YEARS}年出生，请核对`
      : null;
  }
  return birthDate > guardBirthDate || ageOn(birthDate, guardBirthDate) < MIN_GENERATION_GAP_YEARS
    ? `的身份证号显示出生于${birthDate}，父母应比保安员（${guardBirthDate.slice(0, 4)}年生）至少早${MIN_GENERATION_GAP_YEARS}年出生，请核对`
    : null;
}

/**
 * Relatives: valid names and ID numbers, nobody born after `today`; one father, one mother, one
 * spouse; a father's ID says male and a mother's female; a parent at least 14 years older and a
 * child 14 years younger than the guard, a spouse of marriageable age; nobody twice, and not the
 * guard themself. Rows are 1-based. `today` is the server clock's (`todayBy(clock)`); without it, the calendar's.
 */
export function relativesProblems(relatives: RelativeFields[], guardIdNumber: string, prefix = 'relatives', today = todayCN()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  const counts = new Map<RelativeRelation, number>();
  const guardId = normaliseIdNumber(guardIdNumber);
  const guard = idNumberProblem(guardId) ? null : idNumberFacts(guardId);
  relatives.forEach((r, i) => {
    const row = i + 1;
    const label = `第${row}位亲属（${relativeRelationLabels[r.relation]}）`;
    const nameProblem = personNameProblem(r.name, `${label}姓名`);
    if (nameProblem) problems.push({ field: `${prefix}.${i}.name`, row, message: nameProblem });
    const id = normaliseIdNumber(r.idNumber);
    const idProblem = idNumberProblem(id);
    if (idProblem) {
      problems.push({ field: `${prefix}.${i}.idNumber`, row, message: `${label}${idProblem}` });
    } else {
      const { sex, birthDate } = idNumberFacts(id);
      if (birthDate > today) problems.push({ field: `${prefix}.${i}.idNumber`, row, message: `${label}的身份证号中的出生日期（${birthDate}）晚于今天` });
      else if (id !== guardId) {
        const generation = generationProblem(r.relation, birthDate, sex, guard, today);
        if (generation) problems.push({ field: `${prefix}.${i}.idNumber`, row, message: `${label}${generation}` });
      }
      if (r.relation === RelativeRelation.FATHER && sex !== 'MALE') {
        problems.push({ field: `${prefix}.${i}.idNumber`, row, message: `${label}的身份证号显示为女性` });
      }
      if (r.relation === RelativeRelation.MOTHER && sex !== 'FEMALE') {
        problems.push({ field: `${prefix}.${i}.idNumber`, row, message: `${label}的身份证号显示为男性` });
      }
      if (id === normaliseIdNumber(guardIdNumber)) {
        // Named (第1位亲属（父亲）张三的…): the import shows this in the 父亲身份证号 column without the
        // 第N位亲属（…） prefix, and the message still says whose number it is (red team 3).
        problems.push({ field: `${prefix}.${i}.idNumber`, row, message: `${label}${r.name.trim()}的身份证号与保安员本人相同` });
      } else if (seen.has(id)) {
        problems.push({ field: `${prefix}.${i}.idNumber`, row, message: `${label}的身份证号与第${seen.get(id)}位亲属重复` });
      } else {
        seen.set(id, row);
      }
    }
    counts.set(r.relation, (counts.get(r.relation) ?? 0) + 1);
    if (r.relation !== RelativeRelation.CHILD && counts.get(r.relation) === 2) {
      problems.push({ field: `${prefix}.${i}.relation`, row, message: `${relativeRelationLabels[r.relation]}只能登记一位` });
    }
  });
  if (relatives.length > 20) problems.push({ field: prefix, message: '直系亲属不能超过20位' });
  return problems;
}

/**
 * The statement why a father or mother is not declared (已故、不详…), by the shared rule
 * (text.ts relativesStatementProblem): nothing but spaces is no statement; one that looks empty (“ㅤ”,
 * U+3164) or says no reason in words (“。”, “1”) is refused, naming 未登记亲属说明; at most 200 characters.
 */
export function statementProblems(statement: string | null | undefined, field: string): FieldProblem[] {
  const message = relativesStatementProblem(statement);
  return message ? [{ field, message }] : [];
}
