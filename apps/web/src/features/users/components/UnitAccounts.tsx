import { useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { UnitKind } from '@evs/schema';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { IssueAccountModal } from '@/features/users/components/IssueAccountModal';
import { UnitAccountsQuery } from '@/features/users/operations';
import { formatDateTime } from '@/shared/format';

/** A unit's accounts, for the officer who may open more (保安管理支队 for a company, the police for an organizer). */
export function UnitAccounts({ unit }: { unit: { id: string; name: string; kind: UnitKind } }) {
  const { data, loading, error, refetch } = useQuery(UnitAccountsQuery, { variables: { unitId: unit.id } });
  const [issuing, setIssuing] = useState(false);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setIssuing(true)}>增开账号</Button>
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.unitAccounts ?? []}
        locale={{ emptyText: '尚未开设账号' }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '使用人', dataIndex: 'displayName' },
          {
            title: '状态',
            render: (_, u) => (
              <Space size={4}>
                {u.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
                {u.mustChangePassword && <Tag color="orange">待首次登录改密码</Tag>}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: (v?: string | null) => (v ? formatDateTime(v) : '—') },
        ]}
      />
      <IssueAccountModal unit={issuing ? unit : null} onClose={() => setIssuing(false)} onIssued={() => void refetch()} />
    </>
  );
}
