/**
 * Text rules shared by the server (authoritative) and the web forms: what counts as "not filled in",
 * and what a single-line text (a name, a place) may not contain. Text is refused, never rewritten.
 */

/**
 * Characters that show as a blank although Unicode counts them as letters or symbols, so that neither
 * `trim` nor the format class removes them: the Hangul fillers (U+115F, U+1160, U+3164 — “ㅤ”, U+FFA0)
 * and the braille blank (U+2800). They have no use in Chinese text; a name of them looks empty.
 */
const BLANK_LOOKING = '\\u115f\\u1160\\u3164\\uffa0\\u2800';
const BLANK_LOOKING_CHARACTER = new RegExp(`[${BLANK_LOOKING}]`, 'u');

/**
 * What shows nothing: whitespace (spaces, tabs, line breaks, the full-width space U+3000 and the other
 * Unicode spaces), every format character (Cf: zero-width space and joiners, direction marks, soft hyphen,
 * BOM, the Arabic letter mark, tag characters, interlinear annotation…), combining marks (with no
 * letter left they sit on nothing; variation selectors U+FE00–FE0F and U+E0100–E01EF and the combining
 * grapheme joiner U+034F among them), and the blank-looking characters above.
 */
const SHOWS_NOTHING = new RegExp(`[\\s\\p{Cf}\\p{M}${BLANK_LOOKING}]`, 'gu');

/**
 * Nothing but characters that show nothing (SHOWS_NOTHING): such a value is "not filled in", however
 * long it is — "   ", "\u200b", "ㅤㅤ" (U+3164) and "⠀" (U+2800) alike.
 */
export function isBlank(value: string | null | undefined): boolean {
  return !value || value.replace(SHOWS_NOTHING, '') === '';
}

/** What any text of nothing but invisible or blank-looking characters (not only spaces) is refused with, after its label. */
export const INVISIBLE_ONLY = '只有零宽字符等不可见字符，请填写内容';

/** A letter of any script (汉字 included) or a digit; the blank-looking Hangul fillers are letters to Unicode, not here. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const BLANK_LOOKING_ALL = new RegExp(`[${BLANK_LOOKING}]`, 'gu');

/** Whether a text holds at least one Chinese character, letter or digit (not only punctuation, symbols or emoji). */
export function hasWords(value: string): boolean {
  return WORD_CHARACTER.test(value.replace(BLANK_LOOKING_ALL, ''));
}

/**
 * Why a text that says nothing is refused (“。”, “……”, “😀”): a title, or free text a person writes
 * for the record (a reason, an evaluation, a 批示), must hold a Chinese character, a letter or a digit.
 * Null for a text with words, and for a blank one (that is the field's “请填写…”).
 */
export function wordlessProblem(value: string, label: string): string | null {
  return isBlank(value) || hasWords(value) ? null : `${label}应含有汉字、字母或数字，不能只有符号或表情`;
}

/**
 * Required free text (a reason, an evaluation, a 批示, several lines allowed): “请填写…” when it shows
 * nothing, and refused when it says nothing (wordlessProblem); null when it may be stored.
 */
export function requiredTextProblem(value: string | null | undefined, label: string): string | null {
  if (isBlank(value)) return `请填写${label}`;
  return wordlessProblem(value!, label);
}

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** What a single-line text with a control character is refused with. */
export const controlCharacterMessage = (label: string) => `${label}不能包含制表符、换行等控制字符`;

/**
 * Invisible format characters: every Unicode format character (Cf) — the soft hyphen, zero-width space
 * and joiners, direction marks (U+200E, U+061C), embeddings, overrides and isolates (U+202E shows
 * 司公限有 as 有限公司), the word joiner, the BOM, tag characters (U+E0000–E007F), the interlinear
 * annotation, shorthand and musical format controls — and the invisible marks: variation selectors
 * (U+FE00–FE0F, U+E0100–E01EF), the combining grapheme joiner (U+034F) and the Khmer inherent vowels
 * (U+17B4, U+17B5). Inside a name they make one that looks like another's (盘锦辽\u200d河…) or shows
 * other text than is stored.
 */
const FORMAT_CHARACTER = /[\p{Cf}\u034f\u17b4\u17b5\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

export function hasFormatCharacter(value: string): boolean {
  return FORMAT_CHARACTER.test(value);
}

export const formatCharacterMessage = (label: string) => `${label}含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入`;

/** What a single-line text with a blank-looking character (U+3164, U+2800…) inside is refused with. */
export const blankLookingCharacterMessage = (label: string) =>
  `${label}含有看起来像空格的填充字符（如韩文填充符U+3164、盲文空白U+2800），请删除后重新输入`;

/**
 * Characters no font shows the same everywhere: private use (Co, U+E000–F8FF and planes 15–16), code
 * points Unicode has not assigned (Cn; the ideographic planes 2 and 3 excepted, where a Han character
 * newer than this runtime's Unicode may sit) and half a surrogate pair (Cs).
 */
const UNDEFINED_CHARACTER = /[\p{Co}\p{Cs}]|(?![\u{20000}-\u{3ffff}])\p{Cn}/u;

export const undefinedCharacterMessage = (label: string) =>
  `${label}含有私用区或未定义的字符（各电脑显示不同或无法显示），请删除后重新输入`;

/**
 * A combining mark (an accent, a vowel sign) with nothing to combine with: at the start, after a space
 * or a symbol, or after a Chinese character (which takes none) — “张\u0301三” looks like 张三 with a
 * speck. Marks on a letter of a script that uses them (é as e + U+0301) are text.
 */
const LONE_MARK = new RegExp(`(?:^|[^\\p{L}\\p{M}]|[\\p{Script=Han}${BLANK_LOOKING}])\\p{M}`, 'u');

export const loneMarkMessage = (label: string) => `${label}含有单独的组合附加符号（如U+0301），请删除后重新输入`;

/**
 * Why a single-line text (a name, a place, a title) is refused for its characters, or null. Surrounding
 * whitespace is trimmed (as everywhere), so only what would be stored is looked at.
 */
export function singleLineProblem(value: string, label: string): string | null {
  const text = value.trim();
  if (hasControlCharacter(text)) return controlCharacterMessage(label);
  if (hasFormatCharacter(text)) return formatCharacterMessage(label);
  if (BLANK_LOOKING_CHARACTER.test(text)) return blankLookingCharacterMessage(label);
  if (UNDEFINED_CHARACTER.test(text)) return undefinedCharacterMessage(label);
  if (LONE_MARK.test(text)) return loneMarkMessage(label);
  return null;
}

/**
 * A name that begins as a spreadsheet formula does (=, +, -, @, full-width ＝＋－＠ too): refused for the
 * texts that reach the exports as names (a company, an activity, an organizer, a contact), which never
 * begin so. Not for places and posts, where "-1层" is a floor.
 */
export function formulaLikeProblem(value: string, label: string): string | null {
  const text = value.trim();
  return /^[=+\-@＝＋－＠]/.test(text) ? `${label}不能以“${text[0]}”开头（表格软件会当作公式）` : null;
}

/**
 * A person's name as on the 居民身份证: 2–30 Chinese characters or letters, with the middle dot of
 * transliterated names (阿依古丽·买买提, 买买提•艾力) and spaces between parts (Li Lei); no tab, line
 * break or other character. Chinese characters are every Han ideograph of Unicode (GB 18030-2022), rare
 * ones (生僻字) of the extension blocks outside the basic plane included (刘䶮, 吉𠮷, 李鿏, 王〇), counted
 * as one character each.
 */
const PERSON_NAME = /^[\p{Script=Han}A-Za-z·•. \u3000]{2,30}$/u;
const NAME_LETTER = /[\p{Script=Han}A-Za-z]/gu;
/** A separator between the parts of a name: it stands between two of them, never at an end or twice in a row. */
const NAME_SEPARATOR = /[·•. \u3000]/u;
/** The one pair of separators a name may hold: an initial's full stop and a space (J. Smith). */
const INITIAL = /(?<=[A-Za-z])\. (?=[A-Za-z])/g;

/** Why a person's name is refused, or null; `label` says whose (e.g. `第1位亲属（父亲）姓名`). */
export function personNameProblem(raw: string, label = '姓名'): string | null {
  const name = raw.trim();
  if (isBlank(name)) return `请填写${label}`;
  const control = singleLineProblem(name, label);
  if (control) return control;
  if (!PERSON_NAME.test(name) || (name.match(NAME_LETTER)?.length ?? 0) < 2) return `${label}应为2–30个汉字或字母`;
  if (NAME_SEPARATOR.test(name[0])) return `${label}不能以“${name[0]}”开头`;
  if (NAME_SEPARATOR.test(name[name.length - 1])) return `${label}不能以“${name[name.length - 1]}”结尾`;
  if (/[·•. \u3000]{2}/u.test(name.replace(INITIAL, '.'))) return `${label}中的间隔号“·”、点或空格不能连用`;
  return null;
}

/** The statement why a father or mother is not declared (已故、不详…): its label in every message. */
export const RELATIVES_STATEMENT_LABEL = '未登记亲属说明';
export const MAX_RELATIVES_STATEMENT_LENGTH = 200;

/**
 * Why the statement why a father or mother is not declared is refused, or null. Nothing but spaces is
 * no statement (null: the service stores none); a statement shows something, says why in words — a
 * Chinese character or a letter, not “。” or “1” — and is at most 200 characters, without angle
 * brackets or a leading = + - @ (it reaches the officer's screen and the exports).
 */
export function relativesStatementProblem(statement: string | null | undefined): string | null {
  const text = statement?.trim();
  const label = RELATIVES_STATEMENT_LABEL;
  if (!text) return null;
  if (isBlank(text)) return `${label}${INVISIBLE_ONLY}`;
  if (text.length > MAX_RELATIVES_STATEMENT_LENGTH) return `${label}不能超过${MAX_RELATIVES_STATEMENT_LENGTH}字（现${text.length}字）`;
  if (/^[=+\-@＝＋－＠]/.test(text) || /[<>]/.test(text)) return `${label}不能包含尖括号，也不能以 = + - @ 开头`;
  if (!/\p{L}/u.test(text.replace(BLANK_LOOKING_ALL, ''))) return `${label}应写明未登记父亲或母亲的原因（如已故、不详），不能只有数字或符号`;
  return null;
}

/** A post (岗位) on a roster or in the 岗位分工, e.g. “东门安检”: one line. */
export const MAX_POST_LENGTH = 50;

/** Why a post is refused, or null; a blank post is no post (null). `label` says where, e.g. `第3行`. */
export function postProblem(post: string | null | undefined, label = ''): string | null {
  const text = post?.trim();
  if (!text) return null;
  if (text.length > MAX_POST_LENGTH) return `${label}岗位名称不超过${MAX_POST_LENGTH}字（现${text.length}字）`;
  return singleLineProblem(text, `${label}岗位名称`);
}

/** The longest text a list's search takes (a name, a code, an 18-character ID number, a place); the server refuses more. */
export const MAX_SEARCH_LENGTH = 50;
