import { useQuery } from '@apollo/client/react';
import { Card, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ActivityStatus, activityStatusLabels, District, districtLabels, securityModeLabels } from '@evs/schema';
import type { ActivityFilterInput, ActivityListQuery as ActivityListResult } from '@/gql/graphql';
import { labelOf } from '@/shared/labels';
import { ListFilters, type FilterField } from '@/shared/ListFilters';
import { ListScaffold, type ListColumn, type RowAction } from '@/shared/ListScaffold';
import { ActivityStatusTag, DaysUntil, WarningsIcon } from '@/features/activities/components/ActivityBits';
import { ActivityListQuery } from '@/features/activities/operations';
import { formatCount, formatDateTime } from '@/shared/format';

export type ActivityRow = ActivityListResult['activities']['items'][number];
type Row = ActivityRow;

const PAGE_SIZE = 20;

interface Props {
  /** Fixed statuses (e.g. the leader's 待批示 list); the status filter is then hidden. */
  statuses?: ActivityStatus[];
  showDistrict?: boolean;
  /** Where a row leads (default: the activity's detail page). */
  linkTo?: (row: Row) => string;
  /** The row's action (e.g. 推荐候选): a button in the 操作 column, a full-width button on the phone card. */
  action?: (row: Row) => Omit<RowAction, 'key'> | null;
  /** What the 操作 column says for a row without an action (e.g. 待支队请示). */
  actionText?: (row: Row) => ReactNode;
  emptyText?: string;
}

function activityFilterFields(statuses: ActivityStatus[] | undefined, showDistrict: boolean): FilterField[] {
  return [
    { kind: 'search', name: 'search', placeholder: '名称、编号、场所、主办单位' },
    ...(statuses
      ? []
      : [{ kind: 'select', name: 'status', label: '状态', placeholder: '全部状态', multiple: true, width: 220, options: Object.values(ActivityStatus).map((s) => ({ value: s, label: activityStatusLabels[s] })) } as const]),
    ...(showDistrict ? [{ kind: 'select', name: 'district', label: '辖区', placeholder: '全部辖区', options: Object.values(District).map((d) => ({ value: d, label: districtLabels[d] })) } as const] : []),
    { kind: 'range', name: 'range', placeholder: ['开始日期', '结束日期'] },
  ];
}

function activityColumns({ showDistrict, linkTo, action, actionText }: Required<Pick<Props, 'showDistrict' | 'linkTo'>> & Pick<Props, 'action' | 'actionText'>): ListColumn<Row>[] {
  const secondary = (text: ReactNode) => <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{text}</Typography.Text>;
  return [
    {
      title: '活动',
      key: 'name',
      card: 'title',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={linkTo(r)}>{r.name}</Link>
          {secondary(`${r.code} · ${r.type} · ${r.organizerName}`)}
        </Space>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 110, render: (s: Row['status']) => <ActivityStatusTag status={s} /> },
    ...(showDistrict ? [{ title: '辖区', dataIndex: 'district', width: 80, render: (d: Row['district']) => labelOf(districtLabels, d) }] : []),
    {
      title: '时间 / 场所',
      key: 'when',
      width: 230,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDateTime(r.startsAt)}</span>
          {secondary(r.venue)}
        </Space>
      ),
    },
    { title: '距开始', dataIndex: 'daysUntilStart', width: 80, render: (d: number, r) => <DaysUntil days={d} status={r.status} /> },
    {
      title: '规模',
      key: 'scale',
      width: 130,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{formatCount(r.expectedAttendance)} 人</span>
          {secondary(`保安员 ${r.guardsRequired} 人`)}
        </Space>
      ),
    },
    {
      title: '安保',
      key: 'mode',
      width: 140,
      render: (_, r) => (r.selectedCompany ? <Tag color="geekblue">{r.selectedCompany.name}</Tag> : <span>{labelOf(securityModeLabels, r.securityMode)}</span>),
    },
    // an empty 提示 cell stays off the card
    { title: '提示', key: 'warnings', width: 100, render: (_, r) => (r.warnings.length ? <WarningsIcon warnings={r.warnings} /> : null) },
    ...(action || actionText
      ? [
          {
            title: '操作',
            key: 'action',
            width: 110,
            fixed: 'right' as const,
            card: 'action' as const,
            actions: (r: Row) => {
              const a = action?.(r);
              return a ? [{ key: 'action', type: 'primary' as const, ...a }] : [];
            },
            render: (_: unknown, r: Row) => actionText?.(r),
          },
        ]
      : []),
  ];
}

/** The activity list: filters, status tags, days until the start, warnings; each row a card on a phone. */
export function ActivityListView({ statuses, showDistrict = true, linkTo = (r) => `/activities/${r.id}`, action, actionText, emptyText }: Props) {
  const [filter, setFilter] = useState<ActivityFilterInput>({});
  const [page, setPage] = useState(1);
  const variables = { filter: { ...filter, ...(statuses ? { status: statuses } : {}) }, page: { page, pageSize: PAGE_SIZE } };
  const { data, loading, error } = useQuery(ActivityListQuery, { variables, fetchPolicy: 'cache-and-network' });

  return (
    <Card variant="borderless">
      <ListScaffold<Row>
        label="活动列表"
        rowKey="id"
        rowName={(r) => r.name}
        loading={loading && !data}
        error={error}
        dataSource={data?.activities.items ?? []}
        empty={emptyText ?? '暂无活动'}
        scrollX={1000}
        filters={<ListFilters fields={activityFilterFields(statuses, showDistrict)} onChange={(v) => { setPage(1); setFilter(v as ActivityFilterInput); }} />}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.activities.total ?? 0, onChange: setPage, unit: '项' }}
        columns={activityColumns({ showDistrict, linkTo, action, actionText })}
      />
    </Card>
  );
}
