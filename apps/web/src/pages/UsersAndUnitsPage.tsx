import { useQuery } from '@apollo/client/react';
import { Card, Result, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { districtLabels, UnitKind, unitKindLabels } from '@evs/schema';
import { graphql } from '@/gql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';

const UnitsQuery = graphql(`
  query Units($kind: UnitKind) {
    units(kind: $kind) {
      id
      name
      kind
      district
      contactName
      contactPhone
    }
  }
`);

function UnitsTable() {
  const [kind, setKind] = useState<UnitKind | undefined>();
  const { data, loading, error } = useQuery(UnitsQuery, { variables: { kind } });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Select
          placeholder="全部单位类型"
          allowClear
          style={{ width: 200 }}
          value={kind}
          onChange={setKind}
          options={Object.values(UnitKind).map((k) => ({ value: k, label: unitKindLabels[k] }))}
        />
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        scroll={{ x: 720 }}
        dataSource={data?.units ?? []}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个单位` }}
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', width: 170, render: (k: UnitKind) => <Tag>{labelOf(unitKindLabels, k)}</Tag> },
          { title: '辖区', dataIndex: 'district', width: 100, render: (d) => labelOf(districtLabels, d) || '全市' },
          { title: '联系人', dataIndex: 'contactName', width: 110 },
          { title: '联系电话', dataIndex: 'contactPhone', width: 140 },
        ]}
      />
    </>
  );
}

export default function UsersAndUnitsPage() {
  return (
    <PageContainer>
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'units', label: '单位', children: <UnitsTable /> },
            { key: 'users', label: '用户', children: <Result status="info" title="用户管理正在建设中" subTitle="账号的新建、停用与重置密码即将上线。" /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
