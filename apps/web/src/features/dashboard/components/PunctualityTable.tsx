import { Table } from 'antd';
import type { OverviewQuery } from '@/gql/graphql';
import { formatPercent } from '@/shared/format';
import { WARN_TEXT } from '../palette';

/** 各责任单位按期情况: each unit's stages done on time, late, overdue and open in the period. */
export function PunctualityTable({ rows }: { rows: OverviewQuery['overview']['punctuality'] }) {
  return (
    <Table
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 520 }}
      locale={{ emptyText: '期间内没有到期的阶段' }}
      columns={[
        { title: '责任单位', dataIndex: 'unitName' },
        { title: '按期完成', dataIndex: 'onTime', width: 90, align: 'right' },
        { title: '逾期完成', dataIndex: 'late', width: 90, align: 'right', render: (v: number) => <span style={{ color: v ? WARN_TEXT : undefined }}>{v}</span> },
        { title: '逾期未完成', dataIndex: 'overdue', width: 100, align: 'right', render: (v: number) => <b style={{ color: v ? WARN_TEXT : undefined }}>{v}</b> },
        { title: '进行中', dataIndex: 'open', width: 80, align: 'right' },
        {
          title: '按期率',
          width: 90,
          align: 'right',
          render: (_: unknown, p: { onTime: number; late: number; overdue: number }) =>
            p.onTime + p.late + p.overdue ? formatPercent(p.onTime / (p.onTime + p.late + p.overdue), 0) : '—',
        },
      ]}
    />
  );
}
