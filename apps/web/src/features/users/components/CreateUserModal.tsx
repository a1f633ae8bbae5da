import { useMutation, useQuery } from '@apollo/client/react';
import { Form, Input, Modal, Select } from 'antd';
import { Role, roleLabels, UnitKind } from '@evs/schema';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { unitKindsForRole, USERNAME_PATTERN } from '../accounts';
import { CreateUserMutation, UnitsQuery } from '../operations';

/** 新建账号: username, name, role, a unit of a kind the role belongs to, and an initial password to change at first login. */
export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm();
  const role: Role | undefined = Form.useWatch('role', form);
  const { kinds, queryKind, placeholder } = unitKindsForRole(role);
  const { data: units } = useQuery(UnitsQuery, { variables: { kind: queryKind }, skip: !role });
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
        <Form.Item name="username" label="用户名" rules={[{ required: true, pattern: USERNAME_PATTERN, message: '3–32位小写字母、数字或 _ . -' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={Object.values(Role).map((r) => ({ value: r, label: roleLabels[r] }))} onChange={() => form.setFieldValue('unitId', undefined)} />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select
            disabled={!role}
            showSearch
            optionFilterProp="label"
            placeholder={placeholder}
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
