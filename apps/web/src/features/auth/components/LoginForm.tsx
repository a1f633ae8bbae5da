import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/shared/errors';
import { LOGOUT_PENDING_NOTICE, LogoutPendingError } from '@/shared/pendingLogout';
import { useLogoutPending } from '@/shared/useLogoutPending';
import { useLogin } from '../hooks/useLogin';
import { LOGGED_OUT_IDLE } from '../login';
import { PasswordField, TextField } from './LoginFields';
import './LoginForm.css';

/**
 * The login card: React and CSS only, no component library and no GraphQL client (the mutation goes
 * by `fetch`, `features/auth/login.ts`). Measured on the phone profile (CPU ÷4, 1.6 Mbps,
 * e2e/bench/phone.bench.ts), the same page with antd's Form, Input, Button, Typography and Alert
 * showed after about 6 s, most of it antd's start-up work on the main thread after the last byte had
 * arrived; without it, in about 2.3 s. The look follows the app's antd theme (`app/theme.ts`).
 */
export function LoginForm() {
  const { values, invalid, loading, error, askCode, set, restart, submit } = useLogin();
  const [idleNotice] = useState(() => sessionStorage.getItem(LOGGED_OUT_IDLE) !== null);
  const codeRef = useRef<HTMLInputElement>(null);
  // A logout that has not reached the server: said for as long as it waits (`shared/pendingLogout.ts`),
  // then that it is done. The login itself sends it first, and fails while it cannot.
  const logoutPending = useLogoutPending();
  const [sawLogoutPending, setSawLogoutPending] = useState(logoutPending);
  if (logoutPending && !sawLogoutPending) setSawLogoutPending(true);
  useEffect(() => sessionStorage.removeItem(LOGGED_OUT_IDLE), []);
  useEffect(() => {
    if (askCode) codeRef.current?.focus();
  }, [askCode]);

  return (
    <div className="login-card">
      <div className="login-card-head">
        <h2 className="login-card-title">用户登录</h2>
        <div className="login-card-sub">大型活动安保前置审核系统 · 盘锦市公安局</div>
      </div>
      {logoutPending && (
        <div className="login-alert login-alert-warning" role="alert" data-testid="logout-pending">
          {LOGOUT_PENDING_NOTICE}
        </div>
      )}
      {sawLogoutPending && !logoutPending && (
        <div className="login-alert login-alert-success" role="status" data-testid="logout-done">
          已恢复连接，退出已在服务器上完成。
        </div>
      )}
      {idleNotice && error === undefined && <div className="login-alert login-alert-info">长时间未操作，已自动退出登录，请重新登录。</div>}
      {error !== undefined && (
        <div className="login-alert login-alert-error" role="alert">
          {error instanceof LogoutPendingError ? '无法登录：上一次的退出须先在服务器上完成，请恢复网络后重试' : errorMessage(error)}
        </div>
      )}
      <form className="login-form" onSubmit={(e) => void submit(e)} noValidate>
        {!askCode && (
          <>
            <TextField label="用户名" value={values.username} onChange={set('username')} error={invalid.username} placeholder="请输入用户名" autoComplete="username" autoFocus />
            <PasswordField value={values.password} onChange={set('password')} error={invalid.password} />
          </>
        )}
        {askCode && (
          <TextField
            label="动态验证码"
            inputRef={codeRef}
            value={values.code}
            onChange={set('code')}
            error={invalid.code}
            extra="打开手机上的身份验证器，输入显示的6位数字；手机不在身边时可输入一个恢复码"
            placeholder="6位数字或恢复码"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={32}
          />
        )}
        <button type="submit" className="login-submit" disabled={loading} aria-busy={loading}>
          {loading && <span className="login-submit-spinner" aria-hidden />}
          {askCode ? '验 证' : '登 录'}
        </button>
        {askCode && (
          <button type="button" className="login-link" onClick={restart}>
            返回，重新输入用户名和密码
          </button>
        )}
      </form>
      <p className="login-notice">连续5次登录失败将锁定账号15分钟。本系统仅限授权人员使用，所有操作均记入审计日志。</p>
    </div>
  );
}
