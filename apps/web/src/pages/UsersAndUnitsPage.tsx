import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { districtLabels, Role, roleLabels, UnitKind, unitKindLabels, unitKindsOfRole } from '@evs/schema';
import { graphql } from '@/gql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors, errorMessage } from '@/shared/errors';
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

const UsersQuery = graphql(`
  query UserAccounts($search: String, $role: Role, $page: PageInput) {
    users(search: $search, role: $role, page: $page) {
      total
      items {
        id
        username
        displayName
        role
        active
        mustChangePassword
        totpEnabled
        lockedUntil
        lastLoginAt
        unit {
          id
          name
        }
      }
    }
  }
`);

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

const SetUserActiveMutation = graphql(`
  mutation SetUserActive($id: ID!, $active: Boolean!) {
    setUserActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

const ResetUserTotpMutation = graphql(`
  mutation ResetUserTotp($id: ID!) {
    resetUserTotp(id: $id)
  }
`);

const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($id: ID!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) {
      id
      mustChangePassword
      lockedUntil
    }
  }
`);

function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm();
  const role: Role | undefined = Form.useWatch('role', form);
  // A role of one unit kind asks for that kind; a leader-group member may sit in several kinds of unit.
  const kinds = role ? unitKindsOfRole[role] : [];
  const { data: units } = useQuery(UnitsQuery, { variables: { kind: kinds.length === 1 ? kinds[0] : undefined }, skip: !role });
  const [create, { loading, error, reset }] = useMutation(CreateUserMutation);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await create({ variables: { input: values } });
      form.resetFields();
      onCreated();
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };
  return (
    <Modal title="新建账号" open={open} onOk={submit} confirmLoading={loading} onCancel={() => { reset(); onClose(); }} okText="新建" destroyOnHidden>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="username" label="用户名" rules={[{ required: true, pattern: /^[a-z0-9_.-]{3,32}$/, message: '3–32位小写字母、数字或 _ . -' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={Object.values(Role).map((r) => ({ value: r, label: roleLabels[r] }))}
            onChange={() => form.setFieldValue('unitId', undefined)}
          />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select
            disabled={!role}
            showSearch
            optionFilterProp="label"
            placeholder={role ? `选择${kinds.map((k) => unitKindLabels[k]).join('或')}` : '先选择角色'}
            options={(units?.units ?? []).filter((u) => kinds.includes(u.kind as UnitKind)).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="initialPassword" label="初始密码" extra="至少8位，含字母和数字；首次登录须修改" rules={[{ required: true, message: '请输入初始密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UsersTable() {
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
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="用户名、姓名或单位" allowClear style={{ width: 240 }} onSearch={(v) => { setSearch(v || undefined); setPage(1); }} />
        <Select placeholder="全部角色" allowClear style={{ width: 200 }} value={role} onChange={(v) => { setRole(v); setPage(1); }}
          options={Object.values(Role).map((r) => ({ value: r, label: roleLabels[r] }))} />
        <Button type="primary" onClick={() => setCreating(true)}>新建账号</Button>
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        scroll={{ x: 900 }}
        dataSource={data?.users.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.users.total, onChange: setPage, showTotal: (t) => `共 ${t} 个账号` }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 130 },
          { title: '姓名', dataIndex: 'displayName', width: 100 },
          { title: '角色', dataIndex: 'role', width: 170, render: (r: Role) => <Tag>{labelOf(roleLabels, r)}</Tag> },
          { title: '所属单位', render: (_, u) => u.unit.name },
          {
            title: '状态', width: 150,
            render: (_, u) => (
              <Space size={4} wrap>
                {u.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改密码</Tag>}
                {u.totpEnabled && <Tag color="blue">两步验证</Tag>}
                {u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs()) && <Tag color="red">已锁定</Tag>}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v?: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
          {
            title: '操作', width: 250, fixed: 'right',
            render: (_, u) => (
              <Space size={0}>
                <Popconfirm
                  title={u.active ? '停用后该账号立即退出登录，确定停用？' : '确定启用该账号？'}
                  onConfirm={() => setActive({ variables: { id: u.id, active: !u.active } }).catch((e) => message.error(errorMessage(e)))}
                >
                  <Button type="link" size="small">{u.active ? '停用' : '启用'}</Button>
                </Popconfirm>
                <Button type="link" size="small" onClick={() => askNewPassword(u.id, u.username)}>重置密码</Button>
                {u.totpEnabled && (
                  <Popconfirm
                    title="手机丢失时重置：对方须重新绑定身份验证器，其会话全部结束。确定重置？"
                    onConfirm={() =>
                      resetTotp({ variables: { id: u.id } })
                        .then(() => { message.success('两步验证已重置'); void refetch(); })
                        .catch((e) => message.error(errorMessage(e)))
                    }
                  >
                    <Button type="link" size="small">重置两步验证</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); message.success('账号已新建'); void refetch(); }} />
    </>
  );
}

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
            { key: 'users', label: '用户', children: <UsersTable /> },
            { key: 'units', label: '单位', children: <UnitsTable /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
