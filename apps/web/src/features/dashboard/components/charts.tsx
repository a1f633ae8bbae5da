/**
 * The overview's chart pieces on recharts. This module (and recharts with it) is only ever loaded
 * lazily, so the first load of the app stays small. Colours: Okabe–Ito, which people with the
 * common colour-vision deficiencies can tell apart; every chart also carries numbers (labels and
 * tooltips), so colour is never the only cue. Animations are off: the figures are read, not watched.
 * Text alternative (WCAG 1.1.1): each chart is an image named by a summary of its figures, and its
 * data are also a table: read by screen readers while the chart is shown, and shown instead of the
 * chart with 「以表格查看」, where every figure is a button that opens its list (keyboard drill-down).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { formatCount } from '@/shared/format';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { OKABE } from '../palette';

export const OKABE_ITO = OKABE;

export interface Count {
  key: string;
  label: string;
  value: number;
  kind: string;
  filter: Record<string, unknown>;
}
export interface Group {
  key: string;
  label: string;
  parts: Count[];
}

type Select = (c: Count) => void;

const numberFormat = (v: unknown) => formatCount(Number(v ?? 0));
const axisTick = { fontSize: 12, fill: '#595959' };
/** Long category names (company names) cut to what fits; the tooltip shows them whole. */
const shorten = (width: number) => (v: unknown) => {
  const s = String(v ?? '');
  const max = Math.max(4, Math.floor((width - 8) / 12));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** What a chart needs from its card: the title (the table's caption) and whether the table is shown. */
const ChartView = createContext<{ title: string; asTable: boolean }>({ title: '', asTable: false });

/** How many charts of a {@link DrawInTurn} may draw so far (outside one: all). */
const DrawnSoFar = createContext(Number.POSITIVE_INFINITY);

/**
 * Draws its charts one per frame, in page order (each `ChartCard`'s `turn`), instead of all nine in
 * one render: on a slowed phone that render took about 2.5 s before the first chart showed; now the
 * first shows after its own share and the others follow while the page can already be read.
 */
export function DrawInTurn({ count, children }: { count: number; children: ReactNode }) {
  const [drawn, setDrawn] = useState(1);
  useEffect(() => {
    if (drawn >= count) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // after the browser has painted the charts drawn so far
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setDrawn((n) => n + 1), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, count]);
  return <DrawnSoFar.Provider value={drawn}>{children}</DrawnSoFar.Provider>;
}

export function ChartCard({
  title,
  subtitle,
  empty,
  emptyText,
  children,
  testId,
  turn = 0,
}: {
  title: string;
  subtitle?: ReactNode;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
  testId: string;
  /** its place in a {@link DrawInTurn}: until its turn the card keeps the chart's place, empty */
  turn?: number;
}) {
  const [asTable, setAsTable] = useState(false);
  const waiting = turn >= useContext(DrawnSoFar);
  return (
    <Card
      className="chart-card"
      title={title}
      extra={
        <Flex gap={4} align="center">
          {subtitle ? <Typography.Text type="secondary" className="chart-subtitle" style={{ fontSize: 12 }}>{subtitle}</Typography.Text> : undefined}
          {!empty && (
            <Button
              type="link"
              size="small"
              className="no-print"
              icon={asTable ? <BarChartOutlined /> : <TableOutlined />}
              aria-pressed={asTable}
              onClick={() => setAsTable(!asTable)}
              data-testid={`${testId}-toggle`}
            >
              {asTable ? '以图表查看' : '以表格查看'}
            </Button>
          )}
        </Flex>
      }
      variant="borderless"
      data-testid={testId}
      styles={{ body: { padding: '12px 12px 8px' } }}
    >
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} style={{ padding: '32px 0' }} />
      ) : waiting ? (
        <div className="chart-waiting" aria-busy="true" />
      ) : (
        <ChartView.Provider value={{ title, asTable }}>{children}</ChartView.Provider>
      )}
    </Card>
  );
}

interface TableRow {
  label: string;
  cells: Count[];
}

/**
 * A chart with its text alternative: the chart as an image named by `summary`, and the same figures
 * as a table (columns: the category, then one per part). Shown, the table replaces the chart and each
 * figure above zero opens its list; hidden, it stays for screen readers without controls.
 */
function ChartFrame({
  summary,
  columns,
  rows,
  category,
  onSelect,
  children,
}: {
  summary: string;
  columns: string[];
  rows: TableRow[];
  category: string;
  onSelect: Select;
  children: ReactNode;
}) {
  const { title, asTable } = useContext(ChartView);
  const table = (
    <table className={asTable ? 'chart-table' : 'sr-only'} data-testid="chart-table">
      <caption className={asTable ? 'sr-only' : undefined}>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{category}</th>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            {r.cells.map((c) => (
              <td key={c.key}>
                {asTable && c.value > 0 ? (
                  <Button type="link" size="small" onClick={() => onSelect(c)}>
                    {numberFormat(c.value)}
                  </Button>
                ) : (
                  numberFormat(c.value)
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      {!asTable && (
        <div role="img" aria-label={`${title}：${summary}`} data-testid="chart-image">
          {children}
        </div>
      )}
      {table}
    </>
  );
}

const countsText = (items: Count[]) => items.map((c) => `${c.label} ${numberFormat(c.value)}`).join('，');

/** Count axis and category axis of a bar chart, lying or standing (a call, not a component: recharts reads its direct children). */
function barAxes(horizontal: boolean, categoryWidth: number) {
  return horizontal ? (
    <>
      <XAxis type="number" allowDecimals={false} tick={axisTick} />
      <YAxis type="category" dataKey="label" width={categoryWidth} tick={axisTick} interval={0} tickFormatter={shorten(categoryWidth)} />
    </>
  ) : (
    <>
      <XAxis dataKey="label" tick={axisTick} interval={0} />
      <YAxis allowDecimals={false} tick={axisTick} width={40} />
    </>
  );
}

/** The data row behind a clicked bar or slice (recharts passes either the row or an item holding it). */
function clickedRow<T>(d: unknown): T | undefined {
  return ((d as { payload?: unknown })?.payload ?? d) as T | undefined;
}

/** Bars split into parts (e.g. 合格 / 不合格), one bar per group; a click on a part opens its list. */
export function StackedBars({
  groups,
  colors,
  horizontal = false,
  height = 280,
  onSelect,
  categoryWidth = 96,
}: {
  groups: Group[];
  colors: string[];
  horizontal?: boolean;
  height?: number;
  onSelect: Select;
  categoryWidth?: number;
}) {
  const partKeys = groups[0]?.parts.map((p) => ({ key: p.key, label: p.label })) ?? [];
  const rows = groups.map((g) => ({
    label: g.label,
    ...Object.fromEntries(g.parts.map((p) => [p.key, p.value])),
    __parts: Object.fromEntries(g.parts.map((p) => [p.key, p])),
  }));
  const pick = (partKey: string) => (d: unknown) => {
    const row = clickedRow<{ __parts?: Record<string, Count> }>(d);
    const part = row?.__parts?.[partKey];
    if (part && part.value > 0) onSelect(part);
  };
  return (
    <ChartFrame
      summary={groups.map((g) => `${g.label}：${countsText(g.parts)}`).join('；')}
      category="类别"
      columns={partKeys.map((p) => p.label)}
      rows={groups.map((g) => ({ label: g.label, cells: g.parts }))}
      onSelect={onSelect}
    >
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
        {barAxes(horizontal, categoryWidth)}
        <Tooltip formatter={(v, name) => [numberFormat(v), name]} cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {partKeys.map((p, i) => (
          <Bar
            key={p.key}
            dataKey={p.key}
            name={p.label}
            stackId="s"
            fill={colors[i % colors.length]}
            isAnimationActive={false}
            cursor="pointer"
            onClick={pick(p.key)}
            maxBarSize={40}
          >
            <LabelList
              dataKey={p.key}
              position="center"
              fill="#fff"
              fontSize={11}
              formatter={(v: unknown) => (Number(v) > 0 ? numberFormat(v) : '')}
            />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
    </ChartFrame>
  );
}

/** One bar per item, each item its own list. */
export function Columns({
  items,
  color,
  height = 260,
  onSelect,
  horizontal = false,
  name = '数量',
  categoryWidth = 112,
}: {
  items: Count[];
  color: string | string[];
  height?: number;
  onSelect: Select;
  horizontal?: boolean;
  name?: string;
  categoryWidth?: number;
}) {
  const rows = items.map((c) => ({ label: c.label, value: c.value, __count: c }));
  const pick = (d: unknown) => {
    const row = clickedRow<{ __count?: Count }>(d);
    if (row?.__count && row.__count.value > 0) onSelect(row.__count);
  };
  return (
    <ChartFrame summary={countsText(items)} category="类别" columns={[name]} rows={items.map((c) => ({ label: c.label, cells: [c] }))} onSelect={onSelect}>
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 20, right: 28, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
        {barAxes(horizontal, categoryWidth)}
        <Tooltip formatter={(v) => [numberFormat(v), name]} cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
        <Bar dataKey="value" name={name} isAnimationActive={false} cursor="pointer" onClick={pick} maxBarSize={44}>
          {rows.map((r, i) => (
            <Cell key={r.label} fill={Array.isArray(color) ? color[i % color.length] : color} />
          ))}
          <LabelList dataKey="value" position={horizontal ? 'right' : 'top'} fontSize={12} fill="#262626" formatter={(v: unknown) => numberFormat(v)} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
    </ChartFrame>
  );
}

/** A ring of parts with a figure in the middle; each slice opens its list. */
export function Donut({
  items,
  colors,
  center,
  centerLabel,
  height = 260,
  onSelect,
}: {
  items: Count[];
  colors: string[];
  center?: string;
  centerLabel?: string;
  height?: number;
  onSelect: Select;
}) {
  const rows = items.map((c) => ({ name: c.label, value: c.value, __count: c }));
  const pick = (d: unknown) => {
    const row = clickedRow<{ __count?: Count }>(d);
    if (row?.__count && row.__count.value > 0) onSelect(row.__count);
  };
  return (
    <ChartFrame
      summary={`${centerLabel && center ? `${centerLabel} ${center}，` : ''}${countsText(items)}`}
      category="类别"
      columns={['人数']}
      rows={items.map((c) => ({ label: c.label, cells: [c] }))}
      onSelect={onSelect}
    >
    <div style={{ position: 'relative' }}>
      <ResponsiveContainer width="100%" height={height}>
        <PieChart>
          <Pie
            data={rows}
            dataKey="value"
            nameKey="name"
            innerRadius="52%"
            outerRadius="78%"
            paddingAngle={1}
            isAnimationActive={false}
            cursor="pointer"
            onClick={pick}
            label={({ value }: { value?: number }) => (value ? numberFormat(value) : '')}
            labelLine={false}
          >
            {rows.map((r, i) => (
              <Cell key={r.name} fill={colors[i % colors.length]} stroke="#fff" />
            ))}
          </Pie>
          <Tooltip formatter={(v, n) => [numberFormat(v), n]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
        </PieChart>
      </ResponsiveContainer>
      {center && (
        <div className="donut-center" style={{ top: height / 2 - 30 }}>
          <div className="donut-center-value">{center}</div>
          {centerLabel && <div className="donut-center-label">{centerLabel}</div>}
        </div>
      )}
    </div>
    </ChartFrame>
  );
}
