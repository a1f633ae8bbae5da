import { controlCharacterMessage, isBlank, singleLineProblem } from '@evs/schema';
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

/** Single-line text (a name, a place, a title): no tab, line break or other control character inside. */
export function IsSingleLine(label: string): PropertyDecorator {
  return ValidateBy({
    name: 'isSingleLine',
    validator: { validate: (value: unknown) => typeof value !== 'string' || singleLineProblem(value, label) === null },
  }, { message: controlCharacterMessage(label) });
}
