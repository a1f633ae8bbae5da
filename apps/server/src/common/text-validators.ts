import { controlCharacterMessage, formulaLikeProblem, isBlank, personNameProblem, singleLineProblem, wordlessProblem } from '@evs/schema';
import { ValidateBy } from 'class-validator';

/**
 * Text checks of `@InputType`s (class-validator), from the shared text rules in @evs/schema. They
 * look at the value as sent, before any trimming, so that a value of spaces is refused rather than
 * stored as an empty string.
 */

/**
 * Required text: refused when it holds nothing but whitespace (spaces, tabs, line breaks, the
 * full-width space) — `@IsNotEmpty` lets "   " through. With `allowEmpty`, for optional text where
 * an empty string means "not given": only a value of nothing but whitespace is refused.
 */
export function IsNotBlank(message: string, options: { allowEmpty?: boolean } = {}): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBlank',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && (!isBlank(value) || (options.allowEmpty === true && value === '')),
    },
  }, { message });
}

/**
 * Single-line text (a name, a place, a title): no tab, line break, other control or invisible format
 * character, blank-looking filler, private-use or unassigned character, or lone combining mark inside (singleLineProblem).
 */
export function IsSingleLine(label: string): PropertyDecorator {
  return ValidateBy({
    name: 'isSingleLine',
    validator: { validate: (value: unknown) => typeof value !== 'string' || singleLineProblem(value, label) === null },
  }, { message: (args) => (typeof args.value === 'string' && singleLineProblem(args.value, label)) || controlCharacterMessage(label) });
}

/** A name that reaches the exports (an activity, an organizer): not beginning as a spreadsheet formula (=, +, -, @). */
export function IsNotFormulaLike(label: string): PropertyDecorator {
  return ValidateBy({
    name: 'isNotFormulaLike',
    validator: { validate: (value: unknown) => typeof value !== 'string' || formulaLikeProblem(value, label) === null },
  }, { message: (args) => (typeof args.value === 'string' && formulaLikeProblem(args.value, label)) || `${label}不能以公式符号开头` });
}

/** A person's name (a contact): as on the 居民身份证, 2–30 Chinese characters or letters (personNameProblem). */
export function IsPersonName(label: string): PropertyDecorator {
  return ValidateBy({
    name: 'isPersonName',
    validator: { validate: (value: unknown) => typeof value !== 'string' || isBlank(value) || personNameProblem(value, label) === null },
  }, { message: (args) => (typeof args.value === 'string' && personNameProblem(args.value, label)) || `${label}应为2–30个汉字或字母` });
}

/**
 * A title (an activity's name, type, venue): at least one Chinese character, letter or digit, not only
 * emoji, punctuation or blank-looking fillers (wordlessProblem).
 */
export function HasWords(label: string): PropertyDecorator {
  return ValidateBy({
    name: 'hasWords',
    validator: { validate: (value: unknown) => typeof value !== 'string' || wordlessProblem(value, label) === null },
  }, { message: (args) => (typeof args.value === 'string' && wordlessProblem(args.value, label)) || `${label}应含有汉字、字母或数字，不能只有符号或表情` });
}
