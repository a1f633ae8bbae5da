import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Tag } from 'antd';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListScaffold, type ListColumn } from './ListScaffold';

interface Entry {
  id: string;
  name: string;
  idNumber: string;
  company: string;
  decision: string;
}

const rows: Entry[] = [
  { id: 'a', name: '张三', idNumber: '211102********1234', company: '盘锦辽河保安', decision: '通过' },
  { id: 'b', name: '李四', idNumber: '211102********5678', company: '盘锦红海滩保安', decision: '不通过' },
];

function List({ onCheck, onSelect }: { onCheck: (e: Entry) => void; onSelect?: (keys: React.Key[]) => void }) {
  const [selected, setSelected] = useState<React.Key[]>([]);
  const columns: ListColumn<Entry>[] = [
    { title: '姓名', dataIndex: 'name', card: 'title' },
    { title: '身份证号', dataIndex: 'idNumber', card: 'hidden' },
    { title: '单位', dataIndex: 'company' },
    { title: '审核结论', dataIndex: 'decision', render: (d: string) => <Tag>{d}</Tag> },
    { title: '操作', key: 'actions', card: 'action', actions: (e) => [{ key: 'check', label: '检查', type: 'primary', onClick: () => onCheck(e) }] },
  ];
  return (
    <MemoryRouter>
      <ListScaffold<Entry>
        label="名单"
        rowKey="id"
        rowName={(e) => e.name}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => { setSelected(k); onSelect?.(k); } }}
        filters={<input aria-label="按姓名查找" />}
        toolbar={<button type="button">导出 Excel</button>}
      />
    </MemoryRouter>
  );
}

/** Sets the window width that antd's Grid (matchMedia) sees. */
function viewport(width: number) {
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 844 });
}

afterEach(() => cleanup());

describe('ListScaffold', () => {
  it('on a phone (390 px) shows each row as a card with its title, key fields and named actions, not a table', () => {
    viewport(390);
    const onCheck = vi.fn();
    const onSelect = vi.fn();
    render(<List onCheck={onCheck} onSelect={onSelect} />);

    expect(document.querySelector('table')).toBeNull();
    const list = screen.getByRole('list', { name: '名单' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);

    const first = within(cards[0]);
    expect(first.getByText('张三')).toBeTruthy();
    expect(first.getByText('审核结论')).toBeTruthy();
    expect(first.getByText('通过')).toBeTruthy();
    expect(first.getByText('盘锦辽河保安')).toBeTruthy();
    // a column declared hidden on the phone stays off the card
    expect(first.queryByText('211102********1234')).toBeNull();

    // the action is a button named after the row; it does what the table's button does
    first.getByRole('button', { name: '检查 张三' }).click();
    expect(onCheck).toHaveBeenCalledWith(rows[0]);

    // selection: a checkbox on the card, named after the row
    fireEvent.click(first.getByRole('checkbox', { name: '选择 张三' }));
    expect(onSelect).toHaveBeenLastCalledWith(['a']);
    expect(screen.getByRole('checkbox', { name: '选择 张三' })).toHaveProperty('checked', true);

    // the filter bar and the toolbar are there on the phone too
    expect(screen.getByRole('textbox', { name: '按姓名查找' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出 Excel' })).toBeTruthy();
  });

  it('from md up (1280 px) renders the antd table with every column and the same named actions', () => {
    viewport(1280);
    const onCheck = vi.fn();
    render(<List onCheck={onCheck} />);

    expect(screen.queryByRole('list', { name: '名单' })).toBeNull();
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['姓名', '身份证号', '单位', '审核结论', '操作']));
    // the column hidden on a phone is in the table
    expect(within(table).getByText('211102********1234')).toBeTruthy();
    within(table).getByRole('button', { name: '检查 李四' }).click();
    expect(onCheck).toHaveBeenCalledWith(rows[1]);
  });

  it('shows the Chinese empty state in both layouts', () => {
    for (const width of [390, 1280]) {
      viewport(width);
      render(
        <MemoryRouter>
          <ListScaffold<Entry> label="名单" rowKey="id" rowName={(e) => e.name} columns={[{ title: '姓名', dataIndex: 'name' }]} dataSource={[]} empty="尚未上报名单" />
        </MemoryRouter>,
      );
      expect(screen.getByText('尚未上报名单')).toBeTruthy();
      cleanup();
    }
  });

  it('a row without actions shows the column\'s render (a state), in both layouts; rowClassName and rowProps mark the row and the card', () => {
    const columns: ListColumn<Entry>[] = [
      { title: '姓名', dataIndex: 'name', card: 'title' },
      {
        title: '操作',
        key: 'actions',
        card: 'action',
        actions: (e) => (e.decision === '通过' ? [{ key: 'open', label: '批示', to: `/x/${e.id}` }] : []),
        render: () => <span>待支队请示</span>,
      },
    ];
    for (const width of [390, 1280]) {
      viewport(width);
      const { container } = render(
        <MemoryRouter>
          <ListScaffold<Entry> label="名单" rowKey="id" rowName={(e) => e.name} columns={columns} dataSource={rows} rowClassName={(e) => (e.decision === '通过' ? '' : 'row-late')} rowProps={() => ({ 'data-testid': 'entry-row' })} />
        </MemoryRouter>,
      );
      const link = screen.getByRole('link', { name: '批示 张三' });
      expect(link.getAttribute('href')).toBe('/x/a');
      expect(screen.getAllByText('待支队请示')).toHaveLength(1);
      expect(container.querySelectorAll('.row-late')).toHaveLength(1);
      expect(screen.getAllByTestId('entry-row')).toHaveLength(2);
      cleanup();
    }
  });
});
