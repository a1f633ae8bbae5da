import { useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Form, Input, List, Select, Space, Table, Tag, Typography, Grid } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ActivityStatus, activityStatusLabels, District, districtLabels, securityModeLabels } from '@evs/schema';
import type { ActivityFilterInput, ActivityListQuery as ActivityListResult } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { labelOf } from '@/shared/labels';
import { ActivityStatusTag, DaysUntil, WarningsIcon } from '@/features/activities/components/ActivityBits';
import { ActivityListQuery } from '@/features/activities/operations';
import { formatCount, formatDateTime } from '@/shared/format';

type Row = ActivityListResult['activities']['items'][number];

interface FilterForm {
  search?: string;
  status?: ActivityStatus[];
  district?: District;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 20;

interface Props {
  /** Fixed statuses (e.g. the leader's 待批示 list); the status filter is then hidden. */
  statuses?: ActivityStatus[];
  showDistrict?: boolean;
  /** Where a row leads (default: the activity's detail page). */
  linkTo?: (row: Row) => string;
  /** Extra column at the end (e.g. a 推荐 button). */
  action?: (row: Row) => ReactNode;
  emptyText?: string;
}

/** The activity list: filters, status tags, days until the start, warnings; a card list on phones. */
export function ActivityListView({ statuses, showDistrict = true, linkTo = (r) => `/activities/${r.id}`, action, emptyText }: Props) {
  const [filter, setFilter] = useState<ActivityFilterInput>({});
  const [page, setPage] = useState(1);
  const screens = Grid.useBreakpoint();
  const variables = { filter: { ...filter, ...(statuses ? { status: statuses } : {}) }, page: { page, pageSize: PAGE_SIZE } };
  const { data, loading, error } = useQuery(ActivityListQuery, { variables, fetchPolicy: 'cache-and-network' });
  const rows = data?.activities.items ?? [];

  const onValuesChange = (_: unknown, v: FilterForm) => {
    setPage(1);
    setFilter({
      search: v.search?.trim() || undefined,
      status: v.status?.length ? v.status : undefined,
      district: v.district,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });
  };
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: data?.activities.total ?? 0,
    onChange: setPage,
    showSizeChanger: false,
    showTotal: (t: number) => `共 ${t} 项`,
  };

  return (
    <Card variant="borderless">
      <Form<FilterForm> layout="inline" onValuesChange={onValuesChange} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="search">
          <Input.Search placeholder="名称、编号、场所、主办单位" allowClear style={{ width: 240 }} />
        </Form.Item>
        {!statuses && (
          <Form.Item name="status">
            <Select
              mode="multiple"
              placeholder="全部状态" aria-label="状态"
              allowClear
              maxTagCount="responsive"
              style={{ width: 220 }}
              options={Object.values(ActivityStatus).map((s) => ({ value: s, label: activityStatusLabels[s] }))}
            />
          </Form.Item>
        )}
        {showDistrict && (
          <Form.Item name="district">
            <Select placeholder="全部辖区" aria-label="辖区" allowClear style={{ width: 130 }} options={Object.values(District).map((d) => ({ value: d, label: districtLabels[d] }))} />
          </Form.Item>
        )}
        {/* either end may stay open; with both required, an empty picker pulled the focus back on every Tab */}
        <Form.Item name="range">
          <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} allowEmpty={[true, true]} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      {screens.md === false ? (
        <List
          loading={loading && !data}
          dataSource={rows}
          locale={{ emptyText: emptyText ?? '暂无活动' }}
          pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item key={r.id} extra={action?.(r)}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={linkTo(r)}>{r.name}</Link>
                    <ActivityStatusTag status={r.status} />
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    <span>
                      {formatDateTime(r.startsAt)} · {r.venue} · {labelOf(districtLabels, r.district)}
                    </span>
                    <Space size={6} wrap>
                      <span>距开始</span>
                      <DaysUntil days={r.daysUntilStart} status={r.status} />
                      <span>· 保安员 {r.guardsRequired} 人</span>
                      <WarningsIcon warnings={r.warnings} />
                    </Space>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<Row>
          rowKey="id"
          size="middle"
          loading={loading && !data}
          dataSource={rows}
          locale={{ emptyText: emptyText ?? '暂无活动' }}
          scroll={{ x: 1000 }}
          pagination={pagination}
          columns={[
            {
              title: '活动',
              key: 'name',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={linkTo(r)}>{r.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.code} · {r.type} · {r.organizerName}
                  </Typography.Text>
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
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.venue}</Typography.Text>
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
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>保安员 {r.guardsRequired} 人</Typography.Text>
                </Space>
              ),
            },
            {
              title: '安保',
              key: 'mode',
              width: 140,
              render: (_, r) =>
                r.selectedCompany ? <Tag color="geekblue">{r.selectedCompany.name}</Tag> : <span>{labelOf(securityModeLabels, r.securityMode)}</span>,
            },
            { title: '提示', key: 'warnings', width: 100, render: (_, r) => <WarningsIcon warnings={r.warnings} /> },
            ...(action ? [{ title: '操作', key: 'action', width: 110, fixed: 'right' as const, render: (_: unknown, r: Row) => action(r) }] : []),
          ]}
        />
      )}
    </Card>
  );
}

export function LinkButton({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to}>
      <Button type="primary" size="small">
        {children}
      </Button>
    </Link>
  );
}
