import { Button, Checkbox, Empty, Flex, Grid, Pagination, Popconfirm, Radio, Skeleton, Space, Spin, Table, theme } from 'antd';
import type { TableColumnType, TableProps } from 'antd';
import type { ExpandableConfig, TableRowSelection } from 'antd/es/table/interface';
import { useState, type HTMLAttributes, type Key, type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from './ErrorAlert';
import './list.css';

/** Where a column goes on a phone card; a column without `card` is a key field. */
export type CardPart = 'title' | 'field' | 'action' | 'hidden';

/** One action of a row: a small button in the table, a full-width button on the phone card. */
export interface RowAction {
  key: string;
  label: string;
  onClick?: () => void;
  /** A route: rendered as a link that looks like a button. */
  to?: string;
  type?: 'primary' | 'default' | 'link';
  danger?: boolean;
  disabled?: boolean;
  icon?: ReactNode;
  /** Asks this question first (Popconfirm). */
  confirm?: string;
}

export interface ListColumn<T> extends TableColumnType<T> {
  card?: CardPart;
  /**
   * The row's actions; the column's cells are built from them (named 「标签 行名」 for screen readers).
   * A row without actions shows the column's `render` instead (e.g. a state such as 待领导批示).
   */
  actions?: (row: T) => (RowAction | false | null | undefined)[];
}

/** Server paging when `total` is given (the page fetches `current`); otherwise the scaffold pages the rows itself. */
export interface ListPaging {
  current?: number;
  pageSize: number;
  total?: number;
  onChange?: (page: number, pageSize: number) => void;
  /** e.g. 共 N 家 */
  unit?: string;
  /** Lets the user choose the page size (server paging). */
  sizeChanger?: boolean;
}

export interface ListScaffoldProps<T> {
  rowKey: (keyof T & string) | ((row: T) => string);
  /** How the row is called in action names and the selection checkbox: 「检查 张三」. */
  rowName: (row: T) => string;
  columns: ListColumn<T>[];
  dataSource: readonly T[];
  loading?: boolean;
  error?: unknown;
  /** The filter bar (form, selects, search). */
  filters?: ReactNode;
  /** Actions of the whole list on the right of the filter bar (Excel export, batch actions). */
  toolbar?: ReactNode;
  /** Shown when there are no rows (Chinese). */
  empty?: ReactNode;
  pagination?: ListPaging | false;
  rowSelection?: TableRowSelection<T>;
  expandable?: ExpandableConfig<T>;
  /** Width from which the desktop table scrolls sideways. */
  scrollX?: number;
  size?: TableProps<T>['size'];
  /** Names the card list for screen readers (e.g. 当前名单). */
  label: string;
  /** A class for the row's table row and its card (e.g. row-late). */
  rowClassName?: (row: T) => string;
  /** Attributes of the row's table row and its card (e.g. data-testid, onClick). */
  rowProps?: (row: T) => RowProps;
}

export type RowProps = HTMLAttributes<HTMLElement> & { 'data-testid'?: string };

const keyOf = <T,>(rowKey: ListScaffoldProps<T>['rowKey'], row: T): string =>
  typeof rowKey === 'function' ? rowKey(row) : String(row[rowKey]);

function cellValue<T>(col: ListColumn<T>, row: T): unknown {
  const path = col.dataIndex;
  if (path == null) return undefined;
  const steps = Array.isArray(path) ? path : [path];
  return steps.reduce<unknown>((v, step) => (v == null ? v : (v as Record<string, unknown>)[step as string]), row);
}

function renderCell<T>(col: ListColumn<T>, row: T, index: number): ReactNode {
  const value = cellValue(col, row);
  if (col.render) return col.render(value, row, index) as ReactNode;
  return value as ReactNode;
}

/** The md breakpoint as antd's Grid sees it; known on the first render (no table flash on a phone). */
function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const [initial] = useState(() => typeof window !== 'undefined' && !window.matchMedia(`(min-width: ${token.screenMD}px)`).matches);
  return screens.md === undefined ? initial : !screens.md;
}

function ActionButton({ action, name, block }: { action: RowAction; name: string; block?: boolean }) {
  const navigate = useNavigate();
  const common = {
    'aria-label': `${action.label} ${name}`,
    type: action.type,
    danger: action.danger,
    disabled: action.disabled,
    icon: action.icon,
    size: block ? ('large' as const) : ('small' as const),
    block,
    // the visible label stays inside the accessible name (「检查」 in 「检查 张三」, not 「检 查」): WCAG 2.5.3
    autoInsertSpace: false,
  };
  if (action.to) {
    const to = action.to;
    return (
      <Button {...common} href={to} onClick={(e: MouseEvent) => { if (!e.ctrlKey && !e.metaKey && !e.shiftKey) { e.preventDefault(); navigate(to); } }}>
        {action.label}
      </Button>
    );
  }
  if (action.confirm) {
    return (
      <Popconfirm title={action.confirm} onConfirm={action.onClick} okText="确定" cancelText="取消">
        <Button {...common}>{action.label}</Button>
      </Popconfirm>
    );
  }
  return <Button {...common} onClick={action.onClick}>{action.label}</Button>;
}

function RowActions<T>({ col, row, index, name, block }: { col: ListColumn<T>; row: T; index: number; name: string; block?: boolean }) {
  const list = (col.actions?.(row) ?? []).filter((a): a is RowAction => !!a);
  if (!list.length) return col.render ? <>{col.render(undefined, row, index) as ReactNode}</> : null;
  if (block) return <>{list.map((a) => <ActionButton key={a.key} action={a} name={name} block />)}</>;
  return <Space size={4} wrap>{list.map((a) => <ActionButton key={a.key} action={a} name={name} />)}</Space>;
}

/**
 * The one list of the app: filter bar, toolbar (Excel), loading, Chinese empty state, paging, row
 * selection and expandable rows. From md up the antd Table with every column; on a phone each row
 * is a card (title, the key fields, the actions as full-width buttons) declared by the columns' `card`.
 */
export function ListScaffold<T extends object>(props: ListScaffoldProps<T>) {
  const { rowKey, rowName, columns, dataSource, loading, error, filters, toolbar, empty, pagination, rowSelection, expandable, scrollX, size = 'middle', label, rowClassName, rowProps } = props;
  const phone = usePhone();
  const [localPage, setLocalPage] = useState(1);
  const serverPaged = !!pagination && pagination.total != null;
  const current = pagination ? (serverPaged ? (pagination.current ?? 1) : localPage) : 1;
  const onPage = (p: number, s: number) => (serverPaged && pagination ? pagination.onChange?.(p, s) : setLocalPage(p));
  const emptyNode = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? '暂无数据'} />;

  const head = (filters || toolbar) && (
    <Flex className="list-filters" justify="space-between" align="start" wrap gap={8}>
      <div className="list-filters-main">{filters}</div>
      {toolbar && <Flex gap={8} wrap className="list-toolbar">{toolbar}</Flex>}
    </Flex>
  );

  if (!phone) {
    const tableColumns: TableColumnType<T>[] = columns.map(({ card: _card, actions, ...col }) =>
      actions ? { ...col, render: (_: unknown, row: T, index: number) => <RowActions col={{ actions, render: col.render }} row={row} index={index} name={rowName(row)} /> } : col,
    );
    const total = pagination ? (pagination.total ?? dataSource.length) : 0;
    return (
      <div className="list-scaffold">
        {head}
        <ErrorAlert error={error} style={{ marginBottom: 12 }} />
        <Table<T>
          rowKey={rowKey as TableProps<T>['rowKey']}
          size={size}
          loading={loading}
          dataSource={dataSource as T[]}
          columns={tableColumns}
          scroll={scrollX ? { x: scrollX } : undefined}
          rowSelection={rowSelection}
          expandable={expandable}
          rowClassName={rowClassName ? (row) => rowClassName(row) : undefined}
          onRow={rowProps ? (row) => rowProps(row) : undefined}
          locale={{ emptyText: emptyNode }}
          pagination={
            pagination
              ? {
                  current,
                  pageSize: pagination.pageSize,
                  total,
                  onChange: onPage,
                  showSizeChanger: !!pagination.sizeChanger,
                  hideOnSinglePage: !serverPaged,
                  showTotal: pagination.unit ? (t) => `共 ${t} ${pagination.unit}` : undefined,
                }
              : false
          }
        />
      </div>
    );
  }

  const rows = pagination && !serverPaged ? dataSource.slice((current - 1) * pagination.pageSize, current * pagination.pageSize) : dataSource;
  const total = pagination ? (pagination.total ?? dataSource.length) : 0;
  const titleCol = columns.find((c) => c.card === 'title') ?? columns[0];
  const fieldCols = columns.filter((c) => c !== titleCol && (c.card ?? 'field') === 'field');
  const actionCols = columns.filter((c) => c.card === 'action');

  return (
    <div className="list-scaffold is-phone">
      {head}
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      {rowSelection && <SelectAll rowSelection={rowSelection} rows={rows} rowKey={rowKey} />}
      {loading && !dataSource.length ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        emptyNode
      ) : (
        <Spin spinning={!!loading}>
          <ul className="list-cards" aria-label={label}>
            {rows.map((row, index) => (
              <ListCard
                key={keyOf(rowKey, row)}
                row={row}
                index={index}
                rowKey={rowKey}
                name={rowName(row)}
                titleCol={titleCol}
                fieldCols={fieldCols}
                actionCols={actionCols}
                rowSelection={rowSelection}
                rows={rows}
                expandable={expandable}
                className={rowClassName?.(row)}
                extra={rowProps?.(row)}
              />
            ))}
          </ul>
        </Spin>
      )}
      {/* the total is said even on a single page (共 N 人); the page buttons when there is more than one */}
      {pagination && (total > pagination.pageSize || (serverPaged && pagination.unit)) && (
        <Pagination
          className="list-pagination"
          size="small"
          showLessItems
          showSizeChanger={!!pagination.sizeChanger}
          current={current}
          pageSize={pagination.pageSize}
          total={total}
          onChange={onPage}
          showTotal={pagination.unit ? (t) => `共 ${t} ${pagination.unit}` : undefined}
        />
      )}
    </div>
  );
}

function changeSelection<T>(rowSelection: TableRowSelection<T>, keys: Key[], rows: readonly T[], rowKey: ListScaffoldProps<T>['rowKey']) {
  const chosen = rows.filter((r) => keys.includes(keyOf(rowKey, r)));
  rowSelection.onChange?.(keys, chosen, { type: rowSelection.type === 'radio' ? 'single' : 'multiple' });
}

/** 全选本页 above the cards, for checkbox selection. */
function SelectAll<T>({ rowSelection, rows, rowKey }: { rowSelection: TableRowSelection<T>; rows: readonly T[]; rowKey: ListScaffoldProps<T>['rowKey'] }) {
  if (rowSelection.type === 'radio' || rowSelection.hideSelectAll || !rows.length) return null;
  const selected = rowSelection.selectedRowKeys ?? [];
  const selectable = rows.filter((r) => !rowSelection.getCheckboxProps?.(r)?.disabled).map((r) => keyOf(rowKey, r));
  const on = selectable.filter((k) => selected.includes(k));
  return (
    <Checkbox
      className="list-select-all"
      checked={selectable.length > 0 && on.length === selectable.length}
      indeterminate={on.length > 0 && on.length < selectable.length}
      disabled={!selectable.length}
      onChange={(e) =>
        changeSelection(rowSelection, e.target.checked ? [...new Set([...selected, ...selectable])] : selected.filter((k) => !selectable.includes(String(k))), rows, rowKey)
      }
    >
      全选本页
    </Checkbox>
  );
}

interface CardProps<T> {
  row: T;
  index: number;
  rowKey: ListScaffoldProps<T>['rowKey'];
  name: string;
  titleCol: ListColumn<T>;
  fieldCols: ListColumn<T>[];
  actionCols: ListColumn<T>[];
  rowSelection?: TableRowSelection<T>;
  rows: readonly T[];
  expandable?: ExpandableConfig<T>;
  className?: string;
  extra?: RowProps;
}

function ListCard<T>({ row, index, rowKey, name, titleCol, fieldCols, actionCols, rowSelection, rows, expandable, className, extra }: CardProps<T>) {
  const [open, setOpen] = useState(false);
  const key = keyOf(rowKey, row);
  const canExpand = !!expandable?.expandedRowRender && (expandable.rowExpandable?.(row) ?? true);
  const selected = rowSelection?.selectedRowKeys ?? [];
  const isSelected = selected.includes(key);
  const boxProps = rowSelection?.getCheckboxProps?.(row);
  const toggle = () => {
    if (!rowSelection) return;
    const next = rowSelection.type === 'radio' ? [key] : isSelected ? selected.filter((k) => k !== key) : [...selected, key];
    changeSelection(rowSelection, next, rows, rowKey);
  };
  const actions = actionCols.map((c, i) =>
    c.actions ? <RowActions key={i} col={c} row={row} index={index} name={name} block /> : <div key={i}>{renderCell(c, row, index)}</div>,
  );
  return (
    <li {...extra} className={['list-card', isSelected && 'is-selected', className, extra?.className].filter(Boolean).join(' ')}>
      <div className="list-card-head">
        {rowSelection &&
          (rowSelection.type === 'radio' ? (
            <Radio checked={isSelected} disabled={boxProps?.disabled} onChange={toggle} aria-label={`选择 ${name}`} className="list-card-check" />
          ) : (
            <Checkbox checked={isSelected} disabled={boxProps?.disabled} onChange={toggle} aria-label={`选择 ${name}`} className="list-card-check" />
          ))}
        <div className="list-card-title">{renderCell(titleCol, row, index)}</div>
      </div>
      {fieldCols.length > 0 && (
        <dl className="list-card-fields">
          {fieldCols.map((c, i) => {
            const cell = renderCell(c, row, index);
            if (cell == null || cell === false || cell === '') return null;
            return (
              <div key={String(c.key ?? c.dataIndex ?? i)} className="list-card-field">
                <dt>{typeof c.title === 'function' ? null : (c.title as ReactNode)}</dt>
                <dd>{cell}</dd>
              </div>
            );
          })}
        </dl>
      )}
      {canExpand && (
        <>
          <Button type="link" className="list-card-more" aria-expanded={open} aria-label={`${open ? '收起' : '展开'}详情 ${name}`} onClick={() => setOpen(!open)}>
            {open ? '收起详情' : '展开详情'}
          </Button>
          {open && <div className="list-card-detail">{expandable!.expandedRowRender!(row, index, 0, true)}</div>}
        </>
      )}
      {actions.some(Boolean) && <div className="list-card-actions">{actions}</div>}
    </li>
  );
}
