import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, type FormInstance, type InputRef } from 'antd';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NumberInput, numberText, parseNumberText, type NumberInputProps } from './NumberInput';

afterEach(() => cleanup());

const RULE_MESSAGE = '人数应为1到100000之间的整数';

/** One field as the app's forms have it: a Form.Item with an integer rule and its own message. */
function renderField(props: NumberInputProps = {}, initial?: number) {
  let form: FormInstance | undefined;
  function Harness() {
    const [f] = Form.useForm();
    form = f;
    return (
      <Form form={f} initialValues={initial === undefined ? undefined : { n: initial }}>
        <Form.Item name="n" label="人数" rules={[{ type: 'integer', min: 1, max: 100_000, message: RULE_MESSAGE }]}>
          <NumberInput addonAfter="人" {...props} />
        </Form.Item>
      </Form>
    );
  }
  render(<Harness />);
  // the label finds the box through the id Form.Item gave it
  const box = screen.getByLabelText('人数') as HTMLInputElement;
  return { box, value: () => form!.getFieldValue('n') as unknown, form: () => form! };
}

describe('NumberInput', () => {
  it.each(['0x10', '1e2', '5e1', '１２', '12a', '1,000'])('keeps %s on screen and hands it to the form as text, which the rule refuses', async (typed) => {
    const { box, value } = renderField();
    fireEvent.change(box, { target: { value: typed } });
    expect(box.value).toBe(typed);
    expect(value()).toBe(typed);
    expect(await screen.findByText(RULE_MESSAGE)).toBeTruthy();
    // leaving the box changes nothing
    fireEvent.blur(box);
    expect(box.value).toBe(typed);
    expect(value()).toBe(typed);
  });

  it('hands a plain decimal number over as a number, and a blank as null', async () => {
    const { box, value } = renderField();
    fireEvent.change(box, { target: { value: '120' } });
    expect(value()).toBe(120);
    fireEvent.change(box, { target: { value: ' 120 ' } });
    expect(value()).toBe(120);
    expect(box.value).toBe(' 120 ');
    await waitFor(() => expect(screen.queryByText(RULE_MESSAGE)).toBeNull());

    fireEvent.change(box, { target: { value: '12.5' } });
    expect(value()).toBe(12.5);
    // a number, but not a whole one: the integer rule refuses it
    expect(await screen.findByText(RULE_MESSAGE)).toBeTruthy();

    fireEvent.change(box, { target: { value: '12.50' } });
    expect(value()).toBe(12.5);
    expect(box.value).toBe('12.50');

    fireEvent.change(box, { target: { value: '' } });
    expect(value()).toBeNull();
    fireEvent.change(box, { target: { value: '   ' } });
    expect(value()).toBeNull();
    expect(box.value).toBe('   ');
  });

  it('shows a number set from outside, with thousands separators when asked, and takes them back off', async () => {
    const { box, value, form } = renderField({ thousands: true }, 3_000_000);
    expect(box.value).toBe('3,000,000');
    fireEvent.change(box, { target: { value: '2,000,000' } });
    expect(value()).toBe(2_000_000);
    expect(box.value).toBe('2,000,000');
    fireEvent.change(box, { target: { value: '2000000' } });
    expect(value()).toBe(2_000_000);
    // commas not between groups of three are not a number
    fireEvent.change(box, { target: { value: '2,00,000' } });
    expect(value()).toBe('2,00,000');
    expect(await screen.findByText(RULE_MESSAGE)).toBeTruthy();

    form().setFieldsValue({ n: 45_000 });
    await waitFor(() => expect(box.value).toBe('45,000'));
    // (a reset draws the field anew)
    form().resetFields();
    await waitFor(() => expect((screen.getByLabelText('人数') as HTMLInputElement).value).toBe('3,000,000'));
  });

  it('shows the unit, a placeholder, disabled and the field’s id, and forwards its ref', () => {
    const ref = createRef<InputRef>();
    const { box } = renderField({ ref, placeholder: '如 5000', disabled: true, 'aria-describedby': 'hint' });
    expect(screen.getByText('人')).toBeTruthy();
    expect(box.id).toBe('n');
    expect(box.placeholder).toBe('如 5000');
    expect(box.disabled).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBe('hint');
    expect(box.getAttribute('inputmode')).toBe('decimal');
    expect(ref.current?.input).toBe(box);
  });

  it('asks for the digit keypad for a whole number', () => {
    const { box } = renderField({ integer: true });
    expect(box.getAttribute('inputmode')).toBe('numeric');
  });

  it('works held by its caller: shows the value given, text included, and reports each change', () => {
    const onChange = vi.fn();
    const { rerender } = render(<NumberInput aria-label="成绩" value="9O" onChange={onChange} />);
    const box = screen.getByLabelText('成绩') as HTMLInputElement;
    expect(box.value).toBe('9O');
    fireEvent.change(box, { target: { value: '90' } });
    expect(onChange).toHaveBeenLastCalledWith(90);
    rerender(<NumberInput aria-label="成绩" value={85} onChange={onChange} />);
    expect(box.value).toBe('85');
    rerender(<NumberInput aria-label="成绩" value={null} onChange={onChange} />);
    expect(box.value).toBe('');
  });
});

describe('parseNumberText / numberText', () => {
  it('takes only plain decimal numbers, never converting anything else', () => {
    expect(parseNumberText('-3')).toBe(-3);
    expect(parseNumberText('+3.25')).toBe(3.25);
    expect(parseNumberText('.5')).toBe('.5');
    expect(parseNumberText('5.')).toBe('5.');
    expect(parseNumberText('Infinity')).toBe('Infinity');
    expect(parseNumberText('1,234.5')).toBe('1,234.5');
    expect(parseNumberText('1,234.5', true)).toBe(1234.5);
    expect(parseNumberText('１２', true)).toBe('１２');
    expect(parseNumberText('\t')).toBeNull();
  });

  it('writes a number with its fraction as is', () => {
    expect(numberText(1234567.891, true)).toBe('1,234,567.891');
    expect(numberText(-1234, true)).toBe('-1,234');
    expect(numberText(1234)).toBe('1234');
    expect(numberText(null)).toBe('');
  });
});
