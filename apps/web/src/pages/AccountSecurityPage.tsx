import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  AccountSecurityQuery,
  DisableTotpMutation,
  EndSessionMutation,
  MySessionsQuery,
  MyUnitAccountsQuery,
  RegenerateRecoveryCodesMutation,
} from '@/features/auth/operations';
import { RecoveryCodes } from '@/features/auth/components/RecoveryCodes';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { PageContainer } from '@/shared/PageContainer';
import { MeQuery, useSession } from '@/shared/session';
import { formatDateTime } from '@/shared/format';
import { Role, roleLabels } from '@evs/schema';


/** Where a user looks after their own account: password age, two-factor login, signed-in devices. */
export default function AccountSecurityPage() {
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const security = useQuery(AccountSecurityQuery, { fetchPolicy: 'network-only' });
  const sessions = useQuery(MySessionsQuery, { fetchPolicy: 'network-only' });
  const colleagues = useQuery(MyUnitAccountsQuery, { fetchPolicy: 'network-only' });
  const [endSession, ending] = useMutation(EndSessionMutation);
  const [regenerate] = useMutation(RegenerateRecoveryCodesMutation);
  const [disable] = useMutation(DisableTotpMutation, { refetchQueries: [MeQuery, AccountSecurityQuery] });
  const [asking, setAsking] = useState<'regenerate' | 'disable' | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [form] = Form.useForm<{ value: string }>();
  const s = security.data?.accountSecurity;

  const submit = async ({ value }: { value: string }) => {
    try {
      if (asking === 'regenerate') {
        const { data } = await regenerate({ variables: { code: value.trim() } });
        setCodes(data?.regenerateRecoveryCodes.codes ?? []);
        void security.refetch();
      } else {
        await disable({ variables: { password: value } });
        message.success('已停用两步验证');
      }
      setAsking(null);
      form.resetFields();
    } catch (e) {
      applyFieldErrors(form, e);
      form.setFields([{ name: 'value', errors: [e instanceof Error ? e.message : '操作失败'] }]);
    }
  };

  return (
    <PageContainer title="账号安全" subTitle={`${me.displayName}（${me.username}）`}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={security.error ?? sessions.error ?? colleagues.error} />
        <Card title="密码" variant="borderless" extra={<Button onClick={() => navigate('/change-password')}>修改密码</Button>}>
          <Descriptions column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label="上次修改">{s ? formatDateTime(s.passwordChangedAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label="到期时间">{s ? formatDateTime(s.passwordExpiresAt) : '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          title="两步验证（动态验证码）"
          variant="borderless"
          extra={
            s && (s.totpEnabled ? (
              <Space wrap>
                <Button onClick={() => setAsking('regenerate')}>重新生成恢复码</Button>
                {!s.totpRequired && <Button danger onClick={() => setAsking('disable')}>停用</Button>}
              </Space>
            ) : (
              <Button type="primary" onClick={() => navigate('/account/two-factor')}>启用</Button>
            ))
          }
        >
          {s && (
            <Descriptions column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label="状态">
                {s.totpEnabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}
                {s.totpRequired && <Tag color="blue">本角色必须启用</Tag>}
              </Descriptions.Item>
              {s.totpEnabled && <Descriptions.Item label="剩余恢复码">{s.recoveryCodesLeft} 个</Descriptions.Item>}
            </Descriptions>
          )}
          {codes && <RecoveryCodes codes={codes} username={me.username} />}
        </Card>
        <Card title="登录设备" variant="borderless">
          <Table
            rowKey="id"
            size="middle"
            loading={sessions.loading}
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={sessions.data?.mySessions ?? []}
            columns={[
              { title: '设备', dataIndex: 'userAgent', ellipsis: true, render: (v: string | null, r) => <>{r.current && <Tag color="blue">本设备</Tag>}{v ?? '未知'}</> },
              { title: 'IP', dataIndex: 'ip', width: 140 },
              { title: '登录时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
              { title: '最近操作', dataIndex: 'lastSeenAt', width: 150, render: formatDateTime },
              {
                title: '',
                key: 'end',
                width: 100,
                render: (_, r) =>
                  !r.current && (
                    <Button
                      size="small"
                      danger
                      loading={ending.loading}
                      onClick={async () => {
                        await endSession({ variables: { id: r.id } });
                        message.success('该设备已退出登录');
                        void sessions.refetch();
                      }}
                    >
                      结束
                    </Button>
                  ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            无操作超过规定时间的会话会自动结束；发现不认识的设备，请结束它并立即修改密码。
          </Typography.Paragraph>
        </Card>
        <Card title={`本单位账号（${me.unit.name}）`} variant="borderless">
          <Table
            rowKey="id"
            size="middle"
            loading={colleagues.loading}
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={colleagues.data?.myUnitAccounts ?? []}
            columns={[
              { title: '用户名', dataIndex: 'username', width: 160 },
              { title: '使用人', dataIndex: 'displayName', width: 140 },
              { title: '角色', dataIndex: 'role', width: 160, render: (r: Role) => roleLabels[r] },
              { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
              { title: '开设时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
              { title: '开设人', dataIndex: 'openedBy', render: (v: string | null) => v ?? '系统初始化' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            以上账号都能以本单位名义办理业务。发现不是本单位申请开设的账号，请立即联系开设单位停用，并报告系统管理员。
          </Typography.Paragraph>
        </Card>
      </Space>
      <Modal
        open={asking !== null}
        title={asking === 'regenerate' ? '重新生成恢复码' : '停用两步验证'}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        okText="确定"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} preserve={false}>
          <Form.Item
            name="value"
            label={asking === 'regenerate' ? '身份验证器显示的6位验证码（原恢复码将作废）' : '当前密码'}
            rules={[{ required: true, message: '请填写' }]}
          >
            {asking === 'regenerate' ? <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" /> : <Input.Password autoComplete="current-password" />}
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
