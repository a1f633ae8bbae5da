import dayjs, { type Dayjs } from 'dayjs';
import { certificateIssuedOnProblem, citizenIdProblem, Education, idNumberFacts, idNumberProblem, personNameProblem, RelativeRelation, sexLabels } from '@evs/schema';
import type { GuardDetailQuery, RelativeInput } from '@/gql/graphql';
import { toApiDate } from '@/shared/format';

export type GuardDetail = GuardDetailQuery['guard'];

/** The largest photo the register keeps. */
export const MAX_PHOTO_BYTES = 300 * 1024;

export interface GuardFormValues {
  name: string;
  idNumber?: string;
  phone?: string;
  certificateNo?: string;
  certificateIssuedOn?: Dayjs | null;
  education: Education;
  relatives?: RelativeInput[];
  relativesStatement?: string;
}

/** A registered guard as the form's values (the ID number is never filled in: it is shown masked and corrected whole). */
export function guardFormValues(g: GuardDetail): GuardFormValues {
  return {
    name: g.name,
    phone: g.phone ?? undefined,
    certificateNo: g.certificateNo ?? undefined,
    certificateIssuedOn: g.certificateIssuedOn ? dayjs(g.certificateIssuedOn) : null,
    education: g.education as Education,
    relativesStatement: g.relativesStatement ?? undefined,
  };
}

/**
 * The guard's own fields as the API takes them: blanks become null. `photo` is undefined when
 * untouched (left out), null when removed (sent as ''), or the new image as a data URL.
 */
export function guardFields(v: GuardFormValues, photo: string | null | undefined) {
  return {
    name: v.name,
    phone: v.phone || null,
    certificateNo: v.certificateNo || null,
    certificateIssuedOn: v.certificateIssuedOn ? toApiDate(v.certificateIssuedOn) : null,
    education: v.education,
    ...(photo === undefined ? {} : { photo: photo ?? '' }),
  };
}

/** The relatives as entered, and the statement (blank as null). */
export function relativesOf(v: GuardFormValues): { relatives: RelativeInput[]; statement: string | null } {
  return {
    relatives: (v.relatives ?? []).map((r) => ({ name: r.name, relation: r.relation, idNumber: r.idNumber })),
    statement: v.relativesStatement?.trim() || null,
  };
}

/** The relation a newly added relative starts with: father, then mother, then child. */
export function nextRelation(count: number): RelativeRelation {
  return count === 0 ? RelativeRelation.FATHER : count === 1 ? RelativeRelation.MOTHER : RelativeRelation.CHILD;
}

/** Why a photo is refused (type, then size), or null. */
export function photoProblem(file: { type: string; size: number }): string | null {
  if (!['image/jpeg', 'image/png'].includes(file.type)) return '照片只接受 JPEG 或 PNG';
  if (file.size > MAX_PHOTO_BYTES) return `照片不能超过300KB（当前${Math.ceil(file.size / 1024)}KB）`;
  return null;
}

/** An ID number field's rule: the shared rulebook's message; a blank is refused only when required. */
export function idNumberRule(required: boolean, guard = false) {
  return {
    validator: async (_: unknown, v?: string) => {
      if (!v) {
        if (required) throw new Error('请填写身份证号');
        return;
      }
      const p = idNumberProblem(v) ?? (guard ? citizenIdProblem(v) : null);
      if (p) throw new Error(p);
    },
  };
}

/** A person's name field's rule (the guard's, a relative's): the shared rulebook's message. */
export function personNameRule(label = '姓名') {
  return {
    validator: async (_: unknown, v?: string) => {
      const p = personNameProblem(v ?? '', label);
      if (p) throw new Error(p);
    },
  };
}

/** The holder's birth date: from the ID number being typed when valid, else the registered one. */
export function birthDateOf(typed: string | undefined, g: Pick<GuardDetail, 'birthDate'> | undefined): string | null {
  if (typed && !idNumberProblem(typed)) return idNumberFacts(typed).birthDate;
  return g?.birthDate ?? null;
}

/** The 保安员证 issue date's rule: not before the 条例 took effect, nor before the holder turned 18 (第十六条). */
export function certificateIssuedOnRule(birthDate: string | null) {
  return {
    validator: async (_: unknown, v?: Dayjs | null) => {
      const p = v ? certificateIssuedOnProblem(toApiDate(v), birthDate) : null;
      if (p) throw new Error(p);
    },
  };
}

/** The hint under the ID number: what a valid number says, or what is registered now, or how birth date and sex are found. */
export function idNumberHint(typed: string | undefined, g: Pick<GuardDetail, 'idNumber' | 'birthDate' | 'age' | 'sex'> | undefined): string {
  if (typed && !idNumberProblem(typed)) {
    const facts = idNumberFacts(typed);
    return `出生日期 ${facts.birthDate}，${sexLabels[facts.sex]}`;
  }
  if (g) return `当前：${g.idNumber}（${g.birthDate ?? `${g.age}岁`}，${sexLabels[g.sex as keyof typeof sexLabels]}）；如需更正请填写完整号码`;
  return '出生日期与性别由身份证号得出';
}

export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * An ID or phone number as typed or pasted: without spaces (a pasted “ 211103… ” or “139 0427 0001” was refused as
 * not 18 or 11 digits, red team 8 L5), the ID's check letter in upper case.
 */
export const compactCode = (v: string | undefined): string | undefined => v?.replace(/[\s\u3000]+/g, '').toUpperCase();
