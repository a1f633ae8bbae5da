import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { districtLabels, Role, roleLabels, UnitKind, unitKindLabels, unitKindsOfRole } from '@evs/schema';
import { IssueAccountModal } from '@/features/users/components/IssueAccountModal';
import { UnitFormModal } from '@/features/users/components/UnitFormModal';
import { AdminUnitsQuery, CreateUserMutation, MergeOrganizerUnitsMutation, ResetUserPasswordMutation, ResetUserTotpMutation, SetUnitActiveMutation, SetUserActiveMutation, UnitsQuery, UsersQuery } from '@/features/users/operations';
import type { AdminUnitsQuery as AdminUnitsQueryResult } from '@/gql/graphql';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors, errorMessage } from '@/shared/errors';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { formatDateTime } from '@/shared/format';

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
        <Select placeholder="全部角色" aria-label="角色" allowClear style={{ width: 200 }} value={role} onChange={(v) => { setRole(v); setPage(1); }}
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
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v?: string | null) => (v ? formatDateTime(v) : '—') },
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

type AdminUnit = NonNullable<AdminUnitsQueryResult['units']>[number];

function MergeModal({ source, units, onClose, onMerged }: { source: AdminUnit | null; units: AdminUnit[]; onClose(): void; onMerged(): void }) {
  const { message } = App.useApp();
  const [targetId, setTargetId] = useState<string>();
  const [merge, { loading, error, reset }] = useMutation(MergeOrganizerUnitsMutation);
  const targets = units.filter((u) => u.kind === UnitKind.ORGANIZER && u.active && u.id !== source?.id);
  const submit = async () => {
    if (!source || !targetId) return;
    try {
      const r = (await merge({ variables: { sourceId: source.id, targetId } })).data!.mergeOrganizerUnits;
      message.success(`已合并：迁移账号${r.accounts}个、活动${r.activities}项、自招保安员${r.guards}人、通知${r.notifications}条`);
      setTargetId(undefined);
      onMerged();
    } catch {
      /* shown in the alert */
    }
  };
  return (
    <Modal
      title={source ? `合并重复的主办单位：${source.name}` : ''}
      open={!!source}
      okText="合并"
      okButtonProps={{ danger: true, disabled: !targetId }}
      confirmLoading={loading}
      onOk={submit}
      onCancel={() => { reset(); setTargetId(undefined); onClose(); }}
      destroyOnHidden
    >
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        “{source?.name}”的账号、活动、站内通知和自招保安员名册将并入所选单位，原单位停用并标记为已并入。此操作不可撤销，记入审计日志。
      </Typography.Paragraph>
      <Select
        aria-label="并入的单位"
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        placeholder="选择保留的主办单位"
        value={targetId}
        onChange={setTargetId}
        options={targets.map((u) => ({ value: u.id, label: u.creditCode ? `${u.name}（${u.creditCode}）` : u.name }))}
      />
    </Modal>
  );
}

function UnitsTable() {
  const { message, modal } = App.useApp();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [search, setSearch] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [issuing, setIssuing] = useState<AdminUnit | null>(null);
  const [merging, setMerging] = useState<AdminUnit | null>(null);
  const { data, loading, error, refetch } = useQuery(AdminUnitsQuery, { variables: { kind, search } });
  const [setActive] = useMutation(SetUnitActiveMutation);
  const units = data?.units ?? [];
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const toggle = (u: AdminUnit) => {
    let reason = '';
    modal.confirm({
      title: u.active ? `停用“${u.name}”` : `启用“${u.name}”`,
      content: (
        <>
          <Typography.Paragraph>{u.active ? '停用后，该单位的全部账号立即退出且不能登录；有未结束的活动需要该单位时不能停用。' : '启用后，该单位的账号恢复停用前的状态。'}</Typography.Paragraph>
          <Input.TextArea aria-label={u.active ? '停用原因' : '启用原因'} placeholder={u.active ? '停用原因（必填）' : '原因（可不填）'} rows={2} onChange={(e) => (reason = e.target.value)} />
        </>
      ),
      okText: u.active ? '停用' : '启用',
      okButtonProps: { danger: u.active },
      onOk: async () => {
        try {
          await setActive({ variables: { id: u.id, active: !u.active, reason: reason || null } });
          message.success(u.active ? '已停用，其账号已退出登录' : '已启用');
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
        <Select
          placeholder="全部单位类型" aria-label="单位类型"
          allowClear
          style={{ width: 200 }}
          value={kind}
          onChange={setKind}
          options={Object.values(UnitKind).map((k) => ({ value: k, label: unitKindLabels[k] }))}
        />
        <Input.Search placeholder="名称或统一社会信用代码" allowClear style={{ width: 240 }} onSearch={(v) => setSearch(v || undefined)} />
        <Button type="primary" onClick={() => setCreating(true)}>新建单位</Button>
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        scroll={{ x: 1100 }}
        dataSource={units}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个单位` }}
        columns={[
          {
            title: '单位名称',
            render: (_, u) => (
              <>
                <div>{u.name}</div>
                {u.creditCode && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{u.creditCode}</Typography.Text>}
              </>
            ),
          },
          { title: '类型', dataIndex: 'kind', width: 150, render: (k: UnitKind) => <Tag>{labelOf(unitKindLabels, k)}</Tag> },
          { title: '辖区', dataIndex: 'district', width: 90, render: (d) => labelOf(districtLabels, d) || '全市' },
          { title: '联系人', width: 150, render: (_, u) => [u.contactName, u.contactPhone].filter(Boolean).join(' ') || '—' },
          { title: '账号', dataIndex: 'accountCount', width: 70 },
          {
            title: '状态', width: 160,
            render: (_, u) =>
              u.mergedIntoId ? <Tag>已并入“{nameOf.get(u.mergedIntoId) ?? '其他单位'}”</Tag>
                : u.active ? <Tag color="green">启用</Tag>
                : <Tag color="red" title={u.deactivatedReason ?? undefined}>停用</Tag>,
          },
          {
            title: '操作', width: 210, fixed: 'right',
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" disabled={!u.active} onClick={() => setIssuing(u)}>增开账号</Button>
                {!u.mergedIntoId && <Button type="link" size="small" danger={u.active} onClick={() => toggle(u)}>{u.active ? '停用' : '启用'}</Button>}
                {u.kind === UnitKind.ORGANIZER && u.active && <Button type="link" size="small" onClick={() => setMerging(u)}>合并</Button>}
              </Space>
            ),
          },
        ]}
      />
      <UnitFormModal open={creating} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); message.success('单位已新建'); void refetch(); }} />
      <IssueAccountModal unit={issuing ? { id: issuing.id, name: issuing.name, kind: issuing.kind as UnitKind } : null} onClose={() => setIssuing(null)} onIssued={() => void refetch()} />
      <MergeModal source={merging} units={units} onClose={() => setMerging(null)} onMerged={() => { setMerging(null); void refetch(); }} />
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
