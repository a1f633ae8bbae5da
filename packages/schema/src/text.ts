/**
 * Text rules shared by the server (authoritative) and the web forms: what counts as "not filled in",
 * and what a single-line text (a name, a place) may not contain. Text is refused, never rewritten.
 */

/**
 * Nothing but whitespace: spaces, tabs, line breaks, the full-width space (U+3000) and the other
 * Unicode spaces `String.prototype.trim` removes, or invisible format characters (zero-width space,
 * joiners, BOM). Such a value is "not filled in", however long it is.
 */
export function isBlank(value: string | null | undefined): boolean {
  return !value || value.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim() === '';
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
 * Invisible format characters: the soft hyphen, zero-width space and joiners, the direction marks,
 * embeddings, overrides and isolates (U+202E shows 司公限有 as 有限公司), the word joiner and the BOM.
 * Inside a name they make one that looks like another's (盘锦辽\u200d河…) or shows other text than is stored.
 */
const FORMAT_CHARACTER = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

export function hasFormatCharacter(value: string): boolean {
  return FORMAT_CHARACTER.test(value);
}

export const formatCharacterMessage = (label: string) => `${label}含有零宽字符、文字方向控制符等不可见的格式字符，请删除后重新输入`;

/**
 * Why a single-line text (a name, a place, a title) is refused for its characters, or null. Surrounding
 * whitespace is trimmed (as everywhere), so only what would be stored is looked at.
 */
export function singleLineProblem(value: string, label: string): string | null {
  const text = value.trim();
  if (hasControlCharacter(text)) return controlCharacterMessage(label);
  if (hasFormatCharacter(text)) return formatCharacterMessage(label);
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
 * transliterated names (·) and spaces between parts; no tab, line break or other character. Chinese
 * characters are every Han ideograph of Unicode (GB 18030-2022), rare ones (生僻字) of the extension
 * blocks outside the basic plane included (刘䶮, 吉𠮷, 李鿏, 王〇), counted as one character each.
 */
const PERSON_NAME = /^[\p{Script=Han}A-Za-z·•. \u3000]{2,30}$/u;

/** Why a person's name is refused, or null; `label` says whose (e.g. `第1位亲属（父亲）姓名`). */
export function personNameProblem(raw: string, label = '姓名'): string | null {
  const name = raw.trim();
  if (!name) return `请填写${label}`;
  const control = singleLineProblem(name, label);
  if (control) return control;
  if (!PERSON_NAME.test(name)) return `${label}应为2–30个汉字或字母`;
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
