import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, ConfigProvider, Form, Input, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { appTheme } from '@/app/theme';
import { LOGGED_OUT_IDLE, login, pageAfterLogin } from '@/features/auth/login';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { needsSecondFactor } from '@/shared/errors';
import { useServiceWorkerAfterFirstScreen } from '@/shared/serviceWorker';
import './LoginPage.css';

interface LoginForm {
  username: string;
  password: string;
  code?: string;
}

/**
 * The first screen, and the lightest: outside the signed-in providers (it brings its own theme) and
 * without Apollo (the mutation goes by `fetch`), so a phone on venue mobile data downloads React, the
 * router and a few form components before it can sign in; the rest loads after.
 */
export default function LoginPage() {
  return (
    <ConfigProvider locale={zhCN} theme={appTheme}>
      <LoginScreen />
    </ConfigProvider>
  );
}

function LoginScreen() {
  const navigate = useNavigate();
  const location = useLocation();
  const [loading, setLoading] = useState(false);
  useServiceWorkerAfterFirstScreen();
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<LoginForm>();
  // second step: the server asked for a code; username and password stay in the form
  const [askCode, setAskCode] = useState(false);
  const [idleNotice] = useState(() => sessionStorage.getItem(LOGGED_OUT_IDLE) !== null);
  useEffect(() => sessionStorage.removeItem(LOGGED_OUT_IDLE), []);

  useEffect(() => {
    document.title = '登录 - 大型活动安保前置审核系统';
  }, []);

  const onFinish = async (values: LoginForm) => {
    setError(undefined);
    const code = askCode ? values.code?.trim() : undefined;
    setLoading(true);
    try {
      const user = await login({ username: values.username.trim(), password: values.password, code });
      // a new user: nothing of the previous session's data may stay in the GraphQL cache (loaded
      // here if this tab had a session before; the signed-in pages need it next anyway)
      const { apolloClient } = await import('@/app/apollo');
      await apolloClient.clearStore();
      navigate(pageAfterLogin(user, (location.state as { from?: string } | null)?.from), { replace: true });
    } catch (e) {
      if (!askCode && needsSecondFactor(e)) {
        setAskCode(true);
        return;
      }
      if (askCode) {
        // the second step failed: start again (the answer never says which part was wrong)
        setAskCode(false);
        form.setFieldsValue({ password: '', code: '' });
      }
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-hero">
        <div className="login-hero-inner">
          <img src="/favicon.svg" alt="" className="login-emblem" />
          <div className="login-org">盘锦市公安局</div>
          <h1 className="login-title">大型活动安保前置审核系统</h1>
          <ul className="login-points">
            <li>合理推荐 · 公司遴选</li>
            <li>背景审核 · 岗前培训</li>
            <li>现场监管 · 全程留痕</li>
          </ul>
        </div>
      </div>
      <div className="login-panel">
        <div className="login-card">
          <div className="login-card-head">
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                用户登录
              </Typography.Title>
              <Typography.Text type="secondary" className="login-card-sub">
                大型活动安保前置审核系统 · 盘锦市公安局
              </Typography.Text>
            </div>
          </div>
          {idleNotice && error === undefined && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title="长时间未操作，已自动退出登录，请重新登录。" />
          )}
          {error !== undefined && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
          <Form<LoginForm> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
            <Form.Item name="username" label="用户名" hidden={askCode} rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" hidden={askCode} rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
            </Form.Item>
            {askCode && (
              <Form.Item
                name="code"
                label="动态验证码"
                extra="打开手机上的身份验证器，输入显示的6位数字；手机不在身边时可输入一个恢复码"
                rules={[{ required: true, whitespace: true, message: '请输入动态验证码或恢复码' }]}
              >
                <Input prefix={<SafetyOutlined />} placeholder="6位数字或恢复码" autoComplete="one-time-code" inputMode="numeric" autoFocus maxLength={32} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={loading} style={{ marginTop: 8 }}>
              {askCode ? '验 证' : '登 录'}
            </Button>
            {askCode && (
              <Button type="link" block onClick={() => { setAskCode(false); form.setFieldsValue({ password: '', code: '' }); }}>
                返回，重新输入用户名和密码
              </Button>
            )}
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
            连续5次登录失败将锁定账号15分钟。本系统仅限授权人员使用，所有操作均记入审计日志。
          </Typography.Paragraph>
        </div>
        <div className="login-footer">盘锦市公安局 © 2026</div>
      </div>
    </div>
  );
}
