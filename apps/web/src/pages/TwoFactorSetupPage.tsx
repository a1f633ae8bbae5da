import { useApolloClient, useMutation } from '@apollo/client/react';
import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { roleLabels } from '@evs/schema';
import { BeginTotpEnrolmentMutation, ConfirmTotpEnrolmentMutation } from '@/features/auth/operations';
import { RecoveryCodes } from '@/features/auth/components/RecoveryCodes';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { MeQuery, useSession } from '@/shared/session';
import './LoginPage.css';

/**
 * Binds an authenticator app (TOTP): scan the QR code, confirm with a code, save the recovery codes.
 * Forced before anything else when the role requires two-factor login; also reached from 账号安全.
 */
export default function TwoFactorSetupPage() {
  const me = useSession();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [form] = Form.useForm<{ code: string }>();
  const [begin, begun] = useMutation(BeginTotpEnrolmentMutation);
  const [confirm, confirmed] = useMutation(ConfirmTotpEnrolmentMutation);
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrolment = begun.data?.beginTotpEnrolment;

  const onConfirm = async ({ code }: { code: string }) => {
    try {
      const { data } = await confirm({ variables: { code: code.trim() } });
      setCodes(data?.confirmTotpEnrolment.codes ?? []);
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };
  const done = async () => {
    await client.refetchQueries({ include: [MeQuery] });
    navigate(me.mustEnrolTotp ? '/' : '/account', { replace: true });
  };

  return (
    <div className="login-page">
      <div className="login-panel">
        <div className="login-card" style={{ maxWidth: 520 }}>
          <div className="login-card-head">
            <SafetyOutlined style={{ fontSize: 40, color: '#1d4f9c' }} />
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                绑定身份验证器
              </Typography.Title>
              <Typography.Text type="secondary">
                {me.displayName}（{me.username}）· {roleLabels[me.role]}
              </Typography.Text>
            </div>
          </div>
          {me.mustEnrolTotp && !codes && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="本角色须启用两步验证：绑定身份验证器后才能使用系统。" />
          )}
          <Steps size="small" current={codes ? 2 : enrolment ? 1 : 0} style={{ marginBottom: 20 }} items={[{ title: '扫描二维码' }, { title: '输入验证码' }, { title: '保存恢复码' }]} />
          <ErrorAlert error={begun.error} style={{ marginBottom: 16 }} />
          {!enrolment && (
            <>
              <Typography.Paragraph>
                请在手机上安装任一支持 TOTP 的身份验证器（如 Google Authenticator、Microsoft Authenticator、FreeOTP 或国内常见的令牌类应用），然后开始绑定。
              </Typography.Paragraph>
              <Button type="primary" block size="large" loading={begun.loading} onClick={() => void begin()}>
                开始绑定
              </Button>
            </>
          )}
          {enrolment && !codes && (
            <>
              <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 16 }}>
                <img src={enrolment.qrCodeDataUrl} alt="身份验证器二维码" width={180} height={180} style={{ border: '1px solid #eee' }} />
                <div style={{ flex: 1, minWidth: 200 }}>
                  <Typography.Paragraph>用身份验证器扫描二维码。无法扫码时，手工添加账号并输入密钥：</Typography.Paragraph>
                  <Typography.Text code copyable data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
                    {enrolment.secret}
                  </Typography.Text>
                </div>
              </div>
              <Form form={form} layout="vertical" onFinish={onConfirm} requiredMark={false}>
                <Form.Item name="code" label="验证器显示的6位验证码" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位数字验证码' }]}>
                  <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
                </Form.Item>
                <Button type="primary" htmlType="submit" block size="large" loading={confirmed.loading}>
                  完成绑定
                </Button>
              </Form>
            </>
          )}
          {codes && (
            <>
              <RecoveryCodes codes={codes} username={me.username} />
              <Button type="primary" block size="large" style={{ marginTop: 20 }} onClick={() => void done()}>
                我已妥善保存恢复码，继续
              </Button>
            </>
          )}
          {!me.mustEnrolTotp && !codes && (
            <Button type="link" block style={{ marginTop: 8 }} onClick={() => navigate('/account')}>
              返回账号安全
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
