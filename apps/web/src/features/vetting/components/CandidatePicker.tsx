import { useQuery } from '@apollo/client/react';
import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { RosterCandidatesQuery } from '@/features/vetting/operations';
import { PrecheckTags } from './VettingBits';
import { ErrorAlert } from '@/shared/ErrorAlert';

const PAGE = 50;

/** Candidates of the register with their pre-check; checkbox selection that survives paging. */
export function CandidatePicker({
  activityId,
  selected,
  onChange,
  single,
}: {
  activityId: string;
  selected: string[];
  onChange: (ids: string[]) => void;
  single?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [onlyEligible, setOnlyEligible] = useState(!!single);
  const { data, loading, error } = useQuery(RosterCandidatesQuery, {
    variables: { activityId, search: search || null, onlyEligible, page: { page, pageSize: PAGE } },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="按姓名查找" allowClear onSearch={(v) => { setSearch(v.trim()); setPage(1); }} style={{ width: 200 }} />
        <Select
          aria-label="人员范围"
          value={onlyEligible ? 'eligible' : 'all'}
          onChange={(v) => { setOnlyEligible(v === 'eligible'); setPage(1); }}
          style={{ width: 160 }}
          options={[{ value: 'all', label: '全部在职人员' }, { value: 'eligible', label: '仅预审无问题' }]}
        />
        {!single && <Typography.Text type="secondary">已选 {selected.length} 人</Typography.Text>}
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        rowKey="guardId"
        loading={loading}
        dataSource={data?.rosterCandidates.items ?? []}
        scroll={{ x: 560 }}
        pagination={{ current: page, pageSize: PAGE, total: data?.rosterCandidates.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
        rowSelection={{
          type: single ? 'radio' : 'checkbox',
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          getCheckboxProps: (g) => ({ disabled: g.onRoster, name: g.name }),
          onChange: (keys) => onChange(keys as string[]),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          {
            title: '资格预审',
            render: (_, g) => (g.onRoster ? <Tag>已在名单中</Tag> : <PrecheckTags problems={g.problems} />),
          },
        ]}
      />
    </>
  );
}
