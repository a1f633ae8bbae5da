/**
 * Identity-number and credit-code rules shared by the server (authoritative) and the web forms.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export interface IdNumberFacts {
  birthDate: string; // YYYY-MM-DD
  sex: 'MALE' | 'FEMALE';
  areaCode: string;
}

/**
 * The first two digits of the address code (GB/T 2260): the provinces, autonomous regions and
 * municipalities, 71 台湾, 81 香港, 82 澳门, 83 for the residence permits of 台湾 residents; and 9 for
 * the 2023 外国人永久居留身份证 (9 + the issuing province's code).
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/** GB 11643-1999 citizen ID: returns a Chinese reason when invalid, otherwise null. */
export function idNumberProblem(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (/[０-９Ｘｘ]/.test(id)) return '身份证号含全角字符，请切换到半角输入数字和X';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位，前17位为数字，末位为数字或X';
  if (!(id[0] === '9' ? PROVINCE_CODES.has(id.slice(1, 3)) : PROVINCE_CODES.has(id.slice(0, 2)))) {
    return `身份证号前两位“${id.slice(0, 2)}”不是有效的省级行政区划代码`;
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return '身份证号中的出生日期无效';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  if (ID_CHECK[sum % 11] !== id[17]) return '身份证号校验位不正确';
  return null;
}

/**
 * A guard must be a Chinese citizen (《保安服务管理条例》第十六条: 年满18周岁的中国公民): a
 * foreigner's permanent residence card (9…) is a valid ID number, but not a guard's. Residents of
 * 香港, 澳门 and 台湾 are Chinese citizens. Null for a valid citizen's number (check idNumberProblem first).
 */
export function citizenIdProblem(raw: string): string | null {
  return raw.trim().startsWith('9') ? '外国人永久居留身份证号：保安员应为中国公民（《保安服务管理条例》第十六条）' : null;
}

/** Birth date and sex derived from a valid ID number. */
export function idNumberFacts(raw: string): IdNumberFacts {
  const id = raw.trim().toUpperCase();
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    areaCode: id.slice(0, 6),
  };
}

/** Completes a 17-digit ID body with its check character (used by generators and tests). */
export function withIdCheckDigit(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * ID_WEIGHTS[i];
  return body17 + ID_CHECK[sum % 11];
}

/** `211102********1234`: what every role but 保安管理支队 sees of an ID number. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function creditCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(body17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** GB 32100-2015 统一社会信用代码: returns a Chinese reason when invalid, otherwise null. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为18位';
  if (![...code].every((c) => CREDIT_CHARS.includes(c))) return '统一社会信用代码含有无效字符（不使用I、O、Z、S、V）';
  if (creditCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位不正确';
  return null;
}

/** Completes a 17-character credit-code body with its check character. */
export function withCreditCheckChar(body17: string): string {
  return body17 + creditCheckChar(body17);
}

/** Age in whole years on a given date (YYYY-MM-DD strings). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number);
  const [y, m, d] = onDate.slice(0, 10).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The day one turns `years` (the first day `ageOn` gives that age): the birthday in that year, and for
 * a 29 February birth in a common year, 1 March. One rule for every "年满18周岁" check.
 */
export function birthdayOfAge(birthDate: string, years: number): string {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number);
  const y = by + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (bm === 2 && bd === 29 && !leap) return `${String(y).padStart(4, '0')}-03-01`;
  return `${String(y).padStart(4, '0')}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`;
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** A landline with its area code (0 + 2–3 digits, not 00) and a local number (7–8 digits, not starting with 0): 0427-2821234. */
export const LANDLINE_PATTERN = /^0[1-9]\d{1,2}-?[1-9]\d{6,7}$/;

/**
 * An amount of money (元) given to the fen: exactly the number its two-decimal form reads back as.
 * Exact, no tolerance: 1e-9 is not 0.00 and 1200.125 is not 1200.13 (a finite amount below 1e21).
 */
export function isToTheFen(amount: number): boolean {
  return Number.isFinite(amount) && Number(amount.toFixed(2)) === amount;
}

/** A quote above this (1亿元) is a typing error, not a price for event security. */
export const MAX_QUOTE = 100_000_000;

/** Why a quote (元) is refused, or null: more than 0, at most 1亿元, to the fen. Never rounded or clamped. */
export function quoteProblem(amount: number): string | null {
  if (!Number.isFinite(amount) || amount <= 0) return '报价应为大于0的金额（元）';
  if (amount > MAX_QUOTE) return `报价不超过1亿元（${MAX_QUOTE.toLocaleString('zh-CN')}元），请核对金额`;
  if (!isToTheFen(amount)) return '报价最多精确到分（两位小数）';
  return null;
}

/**
 * Why the organizer cannot select yet (SPEC §2 step 4: it enters each candidate's quote and compares them on
 * price too): the candidates, by name, still without a quote. The server's refusal and the comparison page's
 * explanation of its disabled 遴选 say the same.
 */
export function missingQuotesMessage(companyNames: readonly string[]): string {
  return `请先录入全部候选公司的报价：${companyNames.join('、')}未录入报价`;
}

/** 保安员证 are issued under the 保安服务管理条例, in force from this day. */
export const CERTIFICATE_SCHEME_START = '2010-01-01';

/**
 * Why a 保安员证 issue date (YYYY-MM-DD, already a valid date not after today) is refused for its
 * holder, or null: not before the 条例 took effect, and not before the holder turned 18 (条例第十六条:
 * the 保安员证 goes to a person of at least 18 years). Without a valid birth date only the first holds.
 */
export function certificateIssuedOnProblem(issuedOn: string, birthDate: string | null): string | null {
  if (issuedOn < CERTIFICATE_SCHEME_START) {
    return `保安员证发证日期不能早于${CERTIFICATE_SCHEME_START}（《保安服务管理条例》自该日起施行，此前未颁发保安员证）`;
  }
  if (birthDate && ageOn(birthDate, issuedOn) < 18) {
    return `保安员证发证日期${issuedOn}早于持证人年满18周岁之日（出生日期${birthDate}；《保安服务管理条例》第十六条：年满18周岁方可申领保安员证）`;
  }
  return null;
}

/** Why a whole number is refused, or null (counts, periods, ages: never rounded). */
export function wholeNumberProblem(value: number, label: string, min: number, max: number): string | null {
  if (!Number.isFinite(value) || !Number.isInteger(value)) return `${label}应为整数`;
  if (value < min || value > max) return `${label}应在${min.toLocaleString('zh-CN')}到${max.toLocaleString('zh-CN')}之间`;
  return null;
}
