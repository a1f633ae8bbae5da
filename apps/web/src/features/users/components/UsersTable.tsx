import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Role, roleLabels, MAX_SEARCH_LENGTH } from '@evs/schema';
import { errorMessage } from '@/shared/errors';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';
import { ListScaffold } from '@/shared/ListScaffold';
import { isLocked } from '../accounts';
import { ResetUserPasswordMutation, ResetUserTotpMutation, SetUserActiveMutation, UsersQuery } from '../operations';
import { CreateUserModal } from './CreateUserModal';

/** 用户: every account, searched and filtered by role; enable or disable, reset the password or the second factor. */
export function UsersTable() {
  const { message, modal } = App.useApp();
  const [search, setSearch] = useState<string>();
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(UsersQuery, { variables: { search, role, page: { page, pageSize: 20 } } });
  const [setActive] = useMutation(SetUserActiveMutation);
  const [resetPassword] = useMutation(ResetUserPasswordMutation);
  const [resetTotp] = useMutation(ResetUserTotpMutation);
  const askNewPassword = (id: string, username: string) => {
    let value = '';
    modal.confirm({
      title: `重置 ${username} 的密码`,
      content: <Input.Password placeholder="新密码：至少8位，大小写字母、数字、符号中至少3类" onChange={(e) => (value = e.target.value)} autoComplete="new-password" />,
      okText: '重置',
      onOk: async () => {
        try {
          await resetPassword({ variables: { id, newPassword: value } });
          message.success('密码已重置，对方下次登录须修改');
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });
  };
  return (
    <>
      <ListScaffold
        label="账号"
        rowKey="id"
        rowName={(u) => u.username}
        loading={loading}
        error={error}
        scrollX={900}
        empty="没有符合条件的账号"
        dataSource={data?.users.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.users.total ?? 0, onChange: setPage, unit: '个账号' }}
        filters={
          <Space wrap>
            <Input.Search maxLength={MAX_SEARCH_LENGTH} placeholder="用户名、姓名或单位" allowClear style={{ width: 240 }} onSearch={(v) => { setSearch(v || undefined); setPage(1); }} />
            <Select placeholder="全部角色" aria-label="角色" allowClear style={{ width: 200 }} value={role} onChange={(v) => { setRole(v); setPage(1); }}
              options={Object.values(Role).map((r) => ({ value: r, label: roleLabels[r] }))} />
            <Button type="primary" onClick={() => setCreating(true)}>新建账号</Button>
          </Space>
        }
        columns={[
          { title: '用户名', dataIndex: 'username', width: 130, card: 'title' },
          { title: '姓名', dataIndex: 'displayName', width: 100 },
          { title: '角色', dataIndex: 'role', width: 170, render: (r: Role) => <Tag>{labelOf(roleLabels, r)}</Tag> },
          { title: '所属单位', key: 'unit', render: (_, u) => u.unit.name },
          {
            title: '状态', key: 'state', width: 150,
            render: (_, u) => (
              <Space size={4} wrap>
                {u.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改密码</Tag>}
                {u.totpEnabled && <Tag color="blue">两步验证</Tag>}
                {isLocked(u) && <Tag color="red">已锁定</Tag>}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v?: string | null) => (v ? formatDateTime(v) : '—') },
          {
            title: '操作', key: 'actions', width: 250, fixed: 'right', card: 'action',
            actions: (u) => [
              {
                key: 'active',
                label: u.active ? '停用' : '启用',
                type: 'link',
                confirm: u.active ? '停用后该账号立即退出登录，确定停用？' : '确定启用该账号？',
                onClick: () => void setActive({ variables: { id: u.id, active: !u.active } }).catch((e) => message.error(errorMessage(e))),
              },
              { key: 'password', label: '重置密码', type: 'link', onClick: () => askNewPassword(u.id, u.username) },
              u.totpEnabled && {
                key: 'totp',
                label: '重置两步验证',
                type: 'link',
                confirm: '手机丢失时重置：对方须重新绑定身份验证器，其会话全部结束。确定重置？',
                onClick: () =>
                  void resetTotp({ variables: { id: u.id } })
                    .then(() => { message.success('两步验证已重置'); void refetch(); })
                    .catch((e) => message.error(errorMessage(e))),
              },
            ],
          },
        ]}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); message.success('账号已新建'); void refetch(); }} />
    </>
  );
}
