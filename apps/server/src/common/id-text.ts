import { maskIdNumber } from '@evs/schema';

/*
 * ID numbers inside free text (review A-F7). The on-site form asks for "姓名（及证件号）" of a person
 * found on duty who is not on the roster, and officers write numbers into notes; such text is shown
 * to companies, organizers and district bureaus. Whatever in it looks like a 居民身份证号 (18
 * characters: 17 digits and a digit or X; or the old 15 digits), typed with spaces or hyphens between
 * digits or with full-width digits, is masked as ID numbers are (`maskIdNumber`) for every reader
 * but 保安管理支队 (SPEC §1). Longer or shorter digit runs (phone, bank card) are left alone.
 */

const DIGIT = '[0-9\\uFF10-\\uFF19]';
const CHECK = '[0-9\\uFF10-\\uFF19Xx\\uFF38\\uFF58]';
/** At most one separator between two characters: a space (ASCII, full-width, no-break), a tab or a hyphen. */
const SEP = '[ \\t\\u00A0\\u3000\\-\\u2010\\u2011\\uFF0D]?';
const ID_LIKE = new RegExp(
  `(?<!${DIGIT})(?:${DIGIT}(?:${SEP}${DIGIT}){16}${SEP}${CHECK}|${DIGIT}(?:${SEP}${DIGIT}){14})(?!${CHECK})`,
  'g',
);

/** The ID number as written: separators dropped, full-width characters made ASCII, x made X. */
function normalised(text: string): string {
  return text
    .replace(/[^0-9\uFF10-\uFF19Xx\uFF38\uFF58]/g, '')
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** `text` with every ID-number-like sequence masked (`211102********1234`). */
export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_LIKE, (found) => maskIdNumber(normalised(found)));
}

/**
 * How free text reads to one reader: whole for a reader who sees full ID numbers (pass
 * `seesFullIdNumbers(actor)`), with ID numbers masked for everybody else. Null stays null.
 */
export function idTextView(fullIds: boolean): <T extends string | null | undefined>(text: T) => T {
  return <T extends string | null | undefined>(text: T): T => (fullIds || !text ? text : (maskIdNumbersInText(text) as T));
}
