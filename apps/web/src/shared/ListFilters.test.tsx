import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListFilters, rangeToApi, type FilterField } from './ListFilters';

afterEach(() => cleanup());

const fields: FilterField[] = [
  { kind: 'search', name: 'search', placeholder: '名称' },
  { kind: 'select', name: 'status', label: '状态', placeholder: '全部状态', multiple: true, options: [{ value: 'A', label: '甲' }] },
  { kind: 'range', name: 'range' },
  { kind: 'check', name: 'qualifiedOnly', label: '只看具备资质' },
];

describe('ListFilters', () => {
  it('reports every value normalized: trimmed search, empty selections and unchecked boxes as undefined, a range as from / to', () => {
    const onChange = vi.fn();
    render(<ListFilters fields={fields} onChange={onChange} />);
    expect(screen.getByRole('combobox', { name: '状态' })).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('名称'), { target: { value: '  盘锦 ' } });
    expect(onChange).toHaveBeenLastCalledWith({ search: '盘锦', status: undefined, from: undefined, to: undefined, qualifiedOnly: undefined });

    fireEvent.click(screen.getByRole('checkbox', { name: '只看具备资质' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ search: '盘锦', qualifiedOnly: true }));

    fireEvent.change(screen.getByPlaceholderText('名称'), { target: { value: '   ' } });
    expect(onChange.mock.lastCall![0].search).toBeUndefined();
  });

  it('turns a range into whole days, either end open', () => {
    const start = dayjs('2026-05-01T10:00:00');
    const end = dayjs('2026-05-03T09:00:00');
    expect(rangeToApi([start, end])).toEqual({ from: start.startOf('day').toISOString(), to: end.endOf('day').toISOString() });
    expect(rangeToApi([null, end])).toEqual({ from: undefined, to: end.endOf('day').toISOString() });
    expect(rangeToApi(null)).toEqual({ from: undefined, to: undefined });
  });
});
