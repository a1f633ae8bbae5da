import { Card, Progress, Space, Switch, Table, Tag, Typography } from 'antd';
import { companyStatusLabels, districtLabels } from '@evs/schema';
import { labelOf } from '@/shared/labels';
import type { CandidateSuggestionsState, Suggestion, Suggestions } from '../hooks/useCandidateSuggestions';

/** How a company's score is made: each part, its weight, raw figure and points. */
function PartsTable({ item }: { item: Suggestion }) {
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={item.parts}
      scroll={{ x: 560 }}
      columns={[
        { title: '评分项', dataIndex: 'label', width: 100 },
        { title: '权重', dataIndex: 'weight', width: 70 },
        { title: '原始指标', dataIndex: 'raw' },
        { title: '归一化分', dataIndex: 'normalized', width: 90 },
        { title: '加权得分', dataIndex: 'points', width: 90, render: (p: number) => <strong>{p}</strong> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>合计</Table.Summary.Cell>
          <Table.Summary.Cell index={1}>
            <strong>{item.score}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** Every company ranked for the activity, the score explained per row, the reasons of the excluded; selectable while editable. */
export function SuggestionsTable({ state, suggestions: s, editable }: { state: CandidateSuggestionsState; suggestions: Suggestions; editable: boolean }) {
  return (
    <Card
      variant="borderless"
      title={`全部公司 ${s.companyCount} 家，具备资格 ${s.qualifiedCount} 家`}
      extra={
        <Space size={6}>
          <span>显示不具备资格的公司</span>
          <Switch size="small" aria-label="显示不具备资格的公司" checked={state.showExcluded} onChange={state.setShowExcluded} />
        </Space>
      }
    >
      <Table<Suggestion>
        rowKey="companyId"
        size="middle"
        dataSource={s.items}
        loading={state.loading}
        pagination={{
          current: state.page.page,
          pageSize: state.page.pageSize,
          total: s.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 家`,
          onChange: state.changePage,
        }}
        scroll={{ x: 900 }}
        rowSelection={
          editable
            ? {
                selectedRowKeys: state.chosen,
                preserveSelectedRowKeys: true,
                onChange: (keys) => state.setChosen(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: !r.qualified, 'aria-label': r.companyName }),
              }
            : undefined
        }
        expandable={{ expandedRowRender: (r) => <PartsTable item={r} />, expandRowByClick: false }}
        rowClassName={(r) => (r.qualified ? '' : 'row-excluded')}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
          {
            title: '公司',
            key: 'company',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Space size={4} wrap>
                  <Typography.Text strong={r.qualified} type={r.qualified ? undefined : 'secondary'}>{r.companyName}</Typography.Text>
                  {r.recommended && <Tag color="blue">已推荐</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {labelOf(districtLabels, r.district)} · {labelOf(companyStatusLabels, r.status)} · 许可证至 {r.licenseExpiry}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '得分',
            dataIndex: 'score',
            width: 150,
            sorter: (x, y) => x.score - y.score,
            render: (v: number, r) => <Progress aria-label="得分" percent={v} size="small" status={r.qualified ? 'normal' : 'exception'} format={() => v.toFixed(1)} />,
          },
          {
            title: '可用 / 需要',
            key: 'guards',
            width: 110,
            render: (_, r) => (
              <Typography.Text type={r.eligibleGuards < r.guardsNeeded ? 'danger' : undefined}>
                {r.eligibleGuards} / {r.guardsNeeded}
              </Typography.Text>
            ),
          },
          { title: '平均年龄', dataIndex: 'averageAge', width: 90, render: (v: number | null) => (v == null ? '—' : `${v} 岁`) },
          { title: '服务活动', key: 'served', width: 100, render: (_, r) => `${r.activitiesServed}（同规模${r.similarActivities}）` },
          {
            title: '资格',
            key: 'exclusions',
            width: 300,
            render: (_, r) =>
              r.qualified ? (
                <Tag color="success">具备资格</Tag>
              ) : (
                <Space orientation="vertical" size={2}>
                  {r.exclusions.map((e) => (
                    <Typography.Text key={e.code} type="danger" style={{ fontSize: 12 }}>
                      ✕ {e.message}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
