import { MAX_SEARCH_LENGTH } from '@evs/schema';
import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';

/** One control of a list's filter bar. */
export type FilterField =
  | { kind: 'search'; name: string; placeholder: string; width?: number }
  | { kind: 'select'; name: string; label: string; placeholder?: string; options: { value: string; label: string }[]; width?: number; multiple?: boolean; allowClear?: boolean }
  | { kind: 'range'; name: string; placeholder?: [string, string] }
  | { kind: 'check'; name: string; label: string };

/** What the bar hands over: trimmed search (empty → undefined), empty multi-selects → undefined, a range as ISO from / to (whole days). */
export type FilterValues = Record<string, unknown>;

type RawRange = [Dayjs | null, Dayjs | null] | null | undefined;

/** A date range as the API's from / to: the start of the first day and the end of the last, either end open. */
export function rangeToApi(range: RawRange): { from?: string; to?: string } {
  return { from: range?.[0]?.startOf('day').toISOString(), to: range?.[1]?.endOf('day').toISOString() };
}

function normalize(fields: FilterField[], raw: Record<string, unknown>): FilterValues {
  const out: FilterValues = {};
  for (const f of fields) {
    const v = raw[f.name];
    if (f.kind === 'search') out[f.name] = (typeof v === 'string' && v.trim()) || undefined;
    else if (f.kind === 'select' && f.multiple) out[f.name] = Array.isArray(v) && v.length ? v : undefined;
    else if (f.kind === 'range') Object.assign(out, rangeToApi(v as RawRange));
    else if (f.kind === 'check') out[f.name] = v === true || undefined;
    else out[f.name] = v ?? undefined;
  }
  return out;
}

/**
 * The search-and-filter bar of the list screens (activities, companies, guard register, audit log):
 * inline from md up, stacked full width on a phone (list.css). Any change reports every value, normalized.
 */
export function ListFilters({ fields, initialValues, onChange }: { fields: FilterField[]; initialValues?: Record<string, unknown>; onChange: (values: FilterValues) => void }) {
  return (
    <Form layout="inline" initialValues={initialValues} onValuesChange={(_, all: Record<string, unknown>) => onChange(normalize(fields, all))}>
      {fields.map((f) => (
        <Form.Item key={f.name} name={f.name} valuePropName={f.kind === 'check' ? 'checked' : 'value'}>
          {f.kind === 'search' ? (
            <Input.Search maxLength={MAX_SEARCH_LENGTH} placeholder={f.placeholder} allowClear style={{ width: f.width ?? 240, maxWidth: '100%' }} />
          ) : f.kind === 'select' ? (
            <Select
              mode={f.multiple ? 'multiple' : undefined}
              maxTagCount={f.multiple ? 'responsive' : undefined}
              placeholder={f.placeholder}
              aria-label={f.label}
              allowClear={f.allowClear ?? true}
              style={{ width: f.width ?? 130 }}
              options={f.options}
            />
          ) : f.kind === 'range' ? (
            // either end may stay open; with both required, an empty picker pulled the focus back on every Tab
            <DatePicker.RangePicker placeholder={f.placeholder} allowEmpty={[true, true]} />
          ) : (
            <Checkbox>{f.label}</Checkbox>
          )}
        </Form.Item>
      ))}
    </Form>
  );
}
