import { Input, Space, type InputProps, type InputRef } from 'antd';
import { useState, type ChangeEvent, type ReactNode, type Ref } from 'react';

/**
 * What a number box gives its form: null when blank, a number when the text is a plain decimal
 * number, otherwise the text itself, for the field's rules to refuse with their own message.
 */
export type NumberInputValue = number | string | null;

/** A plain decimal number: no exponent (1e2), no hex (0x10), no full-width digits (１２; `\d` is ASCII only). */
const PLAIN = /^[+-]?\d+(\.\d+)?$/;
/** The same with commas between groups of three digits (1,000,000.5). */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * The form's value for a typed text: null for blank, a number for a plain decimal number (with
 * `thousands`, also one written with commas between groups of three digits), otherwise the text as
 * typed. Nothing is rounded, clamped or converted: what is not plainly a number stays text.
 */
export function parseNumberText(text: string, thousands = false): NumberInputValue {
  const t = text.trim();
  if (t === '') return null;
  if (PLAIN.test(t)) return Number(t);
  if (thousands && GROUPED.test(t)) return Number(t.replace(/,/g, ''));
  return text;
}

/** A value set from outside (initial values, setFieldsValue) as text; with `thousands`, 3000000 as 3,000,000. */
export function numberText(value: NumberInputValue | undefined, thousands = false): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  const s = String(value);
  if (!thousands || !/^-?\d+(\.\d+)?$/.test(s)) return s;
  const [whole, fraction] = s.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
}

/** Whether the text on screen stands for the value (so typing 12.50 is not redrawn as 12.5). */
const agrees = (text: string, value: NumberInputValue | undefined, thousands: boolean) => Object.is(parseNumberText(text, thousands), value ?? null);

export interface NumberInputProps
  extends Omit<InputProps, 'value' | 'defaultValue' | 'onChange' | 'type' | 'inputMode' | 'addonBefore' | 'addonAfter'> {
  /** Set by antd's Form.Item (or by the caller when used alone). */
  value?: NumberInputValue;
  onChange?: (value: NumberInputValue) => void;
  /** A whole number is expected: the phone shows its digit keypad (the rules still decide). */
  integer?: boolean;
  /** Commas between groups of three digits are accepted (and removed), and a number from outside is shown with them. */
  thousands?: boolean;
  /** A unit after the box (岁, 人, 天), joined to it as antd's addon was. */
  addonAfter?: ReactNode;
  ref?: Ref<InputRef>;
}

/**
 * The number box for antd forms, instead of `<InputNumber>`, which silently empties `0x10` and
 * redisplays `1e2` as 100. This keeps exactly what was typed on screen and hands the form a number
 * only for a plain decimal number; anything else reaches the form as text, so the Form.Item's rules
 * (`{ type: 'integer', … }`, `{ type: 'number', … }` or a validator) refuse it with the field's own
 * message. Every Form.Item holding one must therefore have such a rule.
 */
export function NumberInput(props: NumberInputProps) {
  const { value, onChange, integer, thousands = false, addonAfter, style, disabled, ref, ...rest } = props;
  const controlled = 'value' in props;
  const [text, setText] = useState(() => numberText(value, thousands));
  // the value the text was last drawn for: a different one from outside redraws the text
  const [drawnFor, setDrawnFor] = useState<NumberInputValue | undefined>(value);
  if (controlled && !Object.is(drawnFor, value)) {
    setDrawnFor(value);
    if (!agrees(text, value, thousands)) setText(numberText(value, thousands));
  }

  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const typed = e.target.value;
    const next = parseNumberText(typed, thousands);
    setText(typed);
    setDrawnFor(next);
    onChange?.(next);
  };

  const input = (
    <Input
      autoComplete="off"
      {...rest}
      ref={ref}
      disabled={disabled}
      style={addonAfter == null ? style : undefined}
      inputMode={integer ? 'numeric' : 'decimal'}
      value={text}
      onChange={change}
    />
  );
  if (addonAfter == null) return input;
  return (
    <Space.Compact style={style}>
      {input}
      <Space.Addon disabled={disabled}>{addonAfter}</Space.Addon>
    </Space.Compact>
  );
}
