import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { Role, roleLabels, rolesOfUnitKind, type UnitKind } from '@evs/schema';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { IssuedAccountModal, type Issued } from '@/features/users/components/IssuedAccountModal';
import { IssueUnitAccountMutation } from '@/features/users/operations';

interface Values {
  username: string;
  displayName: string;
  role?: Role;
}

/** 增开账号: one more account for a unit (an organizer or a company may have several); then its 开户通知. */
export function IssueAccountModal({ unit, onClose, onIssued }: { unit: { id: string; name: string; kind: UnitKind } | null; onClose(): void; onIssued?(): void }) {
  const [form] = Form.useForm<Values>();
  const [issue, { loading, error, reset }] = useMutation(IssueUnitAccountMutation);
  const [issued, setIssued] = useState<Issued | null>(null);
  const roles = unit ? rolesOfUnitKind(unit.kind) : [];
  const submit = async () => {
    if (!unit) return;
    const v = await form.validateFields();
    try {
      const res = await issue({ variables: { unitId: unit.id, input: { username: v.username, displayName: v.displayName, role: v.role ?? null } } });
      form.resetFields();
      onClose();
      onIssued?.();
      setIssued({ issued: res.data!.issueUnitAccount, issuedAt: new Date().toISOString() });
    } catch (e) {
      applyFieldErrors(form, e, 'input.');
    }
  };
  return (
    <>
      <Modal
        title={unit ? `为“${unit.name}”增开账号` : '增开账号'}
        open={!!unit}
        okText="开设"
        confirmLoading={loading}
        onOk={submit}
        onCancel={() => {
          reset();
          onClose();
        }}
        destroyOnHidden
      >
        <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Typography.Paragraph type="secondary">初始密码由系统生成，只显示一次，首次登录须修改。</Typography.Paragraph>
        <Form<Values> form={form} name="issueAccount" layout="vertical" preserve={false}>
          <Form.Item
            name="username"
            label="用户名"
            normalize={(v: string) => v?.trim().toLowerCase()}
            rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[a-z0-9_.-]{3,32}$/, message: '3–32位小写字母、数字或 _ . -' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="使用人姓名" rules={[{ required: true, whitespace: true, message: '请填写使用人姓名' }]}>
            <Input />
          </Form.Item>
          {roles.length > 1 && (
            <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
              <Select options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <IssuedAccountModal value={issued} onClose={() => setIssued(null)} />
    </>
  );
}
