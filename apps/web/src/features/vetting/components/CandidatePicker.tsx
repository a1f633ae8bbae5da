import { MAX_SEARCH_LENGTH } from '@evs/schema';
import { useQuery } from '@apollo/client/react';
import { Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { RosterCandidatesQuery } from '@/features/vetting/operations';
import { PrecheckTags } from './VettingBits';
import type { RosterCandidatesQuery as RosterCandidatesResult } from '@/gql/graphql';
import { ListScaffold } from '@/shared/ListScaffold';

const PAGE = 50;

type Candidate = RosterCandidatesResult['rosterCandidates']['items'][number];

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
    <ListScaffold<Candidate>
      label={single ? '可替换人员' : '名册人员'}
      size="small"
      rowKey="guardId"
      rowName={(g) => g.name}
      loading={loading}
      error={error}
      dataSource={data?.rosterCandidates.items ?? []}
      scrollX={560}
      empty={search ? '没有找到该人员' : '名册中没有可选的人员'}
      filters={
        <Space wrap>
          <Input.Search maxLength={MAX_SEARCH_LENGTH} placeholder="按姓名查找" aria-label="按姓名查找" allowClear onSearch={(v) => { setSearch(v.trim()); setPage(1); }} style={{ width: 200 }} />
          <Select
            aria-label="人员范围"
            value={onlyEligible ? 'eligible' : 'all'}
            onChange={(v) => { setOnlyEligible(v === 'eligible'); setPage(1); }}
            style={{ width: 160 }}
            options={[{ value: 'all', label: '全部在职人员' }, { value: 'eligible', label: '仅预审无问题' }]}
          />
          {!single && <Typography.Text type="secondary">已选 {selected.length} 人</Typography.Text>}
        </Space>
      }
      pagination={{ current: page, pageSize: PAGE, total: data?.rosterCandidates.total ?? 0, onChange: setPage }}
      rowSelection={{
        type: single ? 'radio' : 'checkbox',
        selectedRowKeys: selected,
        preserveSelectedRowKeys: true,
        getCheckboxProps: (g) => ({ disabled: g.onRoster, name: g.name }),
        onChange: (keys) => onChange(keys as string[]),
      }}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 90, card: 'title' },
        { title: '身份证号', dataIndex: 'idNumber', width: 180 },
        {
          title: '资格预审',
          key: 'precheck',
          render: (_, g) => (g.onRoster ? <Tag>已在名单中</Tag> : <PrecheckTags problems={g.problems} />),
        },
      ]}
    />
  );
}
