import { useMutation } from '@apollo/client/react';
import { LockOutlined } from '@ant-design/icons';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { PASSWORD_HISTORY_SIZE, passwordProblems, passwordRuleTexts, type PasswordRule } from '@evs/schema';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ChangePasswordMutation } from '@/features/auth/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { useSession } from '@/shared/session';
import './LoginPage.css';

/** The rules beside the field, each ticked as the new password meets it (the server checks them too). */
function PasswordRules({ password, username }: { password: string; username: string }) {
  const broken = new Set(passwordProblems(password ?? '', username).map((p) => p.rule));
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }} data-testid="password-rules">
      {(Object.keys(passwordRuleTexts) as PasswordRule[]).map((rule) => (
        <li key={rule} style={{ color: password && !broken.has(rule) ? '#389e0d' : undefined }}>
          {password && !broken.has(rule) ? <CheckCircleFilled /> : <CloseCircleOutlined />} {passwordRuleTexts[rule]}
        </li>
      ))}
      <li>
        <CloseCircleOutlined style={{ visibility: 'hidden' }} /> 不得与最近{PASSWORD_HISTORY_SIZE}次使用过的密码相同
      </li>
    </ul>
  );
}

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Forced on first login (`me.mustChangePassword`); also reachable from the user menu. */
export default function ChangePasswordPage() {
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<unknown>();
  const [change, { loading }] = useMutation(ChangePasswordMutation);
  const newPassword = Form.useWatch('newPassword', form) as string | undefined;

  const onFinish = async ({ currentPassword, newPassword }: PasswordForm) => {
    setError(undefined);
    try {
      await change({ variables: { input: { currentPassword, newPassword } } });
      message.success('密码已修改');
      navigate('/', { replace: true });
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };

  return (
    <div className="login-page">
      <div className="login-panel">
        <div className="login-card" style={{ maxWidth: 440 }}>
          <div className="login-card-head">
            <img src="/favicon.svg" alt="" style={{ width: 44, height: 44 }} />
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                修改密码
              </Typography.Title>
              <Typography.Text type="secondary">
                {me.displayName}（{me.username}）· {me.unit.name}
              </Typography.Text>
            </div>
          </div>
          {me.mustChangePassword && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={me.passwordExpired ? '密码已到期，请修改密码后继续使用系统。' : '首次登录，请先修改初始密码后再使用系统。'}
            />
          )}
          {error !== undefined && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
          <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label="新密码"
              extra={<PasswordRules password={newPassword ?? ''} username={me.username} />}
              rules={[
                { required: true, message: '请输入新密码' },
                {
                  validator: (_, v: string) => {
                    const problems = v ? passwordProblems(v, me.username) : [];
                    return problems.length ? Promise.reject(new Error(problems.map((p) => p.message).join('；'))) : Promise.resolve();
                  },
                },
              ]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认新密码"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
                }),
              ]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
              {!me.mustChangePassword && <Button onClick={() => navigate(-1)}>取消</Button>}
              <Button type="primary" htmlType="submit" loading={loading}>
                确认修改
              </Button>
            </Space>
          </Form>
        </div>
      </div>
    </div>
  );
}
