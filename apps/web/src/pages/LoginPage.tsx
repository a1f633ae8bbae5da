import { useEffect, useId, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { LOGGED_OUT_IDLE, login, pageAfterLogin } from '@/features/auth/login';
import { errorMessage, needsSecondFactor } from '@/shared/errors';
import { useServiceWorkerAfterFirstScreen } from '@/shared/serviceWorker';
import './LoginPage.css';

type Field = 'username' | 'password' | 'code';
const REQUIRED: Record<Field, string> = { username: '请输入用户名', password: '请输入密码', code: '请输入动态验证码或恢复码' };

/**
 * The first screen, built from React, the router and CSS only: no component library and no GraphQL
 * client (the mutation goes by `fetch`, `features/auth/login.ts`). Measured on the phone profile
 * (CPU ÷4, 1.6 Mbps, e2e/bench/phone.bench.ts), the same page with antd's Form, Input, Button,
 * Typography and Alert showed after about 6 s, most of it antd's start-up work on the main thread
 * after the last byte had arrived; without it, in about 2.3 s. The look follows the app's antd theme
 * (`app/theme.ts`: colours, radius, the large control size); the signed-in pages load antd after it.
 */
export default function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '', code: '' });
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  // second step: the server asked for a code; username and password stay in the form
  const [askCode, setAskCode] = useState(false);
  const [idleNotice] = useState(() => sessionStorage.getItem(LOGGED_OUT_IDLE) !== null);
  const codeRef = useRef<HTMLInputElement>(null);
  useServiceWorkerAfterFirstScreen();
  useEffect(() => sessionStorage.removeItem(LOGGED_OUT_IDLE), []);
  useEffect(() => {
    document.title = '登录 - 大型活动安保前置审核系统';
  }, []);
  useEffect(() => {
    if (askCode) codeRef.current?.focus();
  }, [askCode]);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setInvalid((i) => ({ ...i, [field]: undefined }));
  };
  const restart = () => {
    setAskCode(false);
    setValues((v) => ({ ...v, password: '', code: '' }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return; // a second click while the first is on its way
    const fields: Field[] = askCode ? ['code'] : ['username', 'password'];
    const missing = Object.fromEntries(fields.filter((f) => (f === 'password' ? values[f] : values[f].trim()) === '').map((f) => [f, REQUIRED[f]]));
    setInvalid(missing);
    if (Object.keys(missing).length > 0) return;
    setError(undefined);
    setLoading(true);
    try {
      const user = await login({ username: values.username.trim(), password: values.password, code: askCode ? values.code.trim() : undefined });
      // a new user: nothing of the previous session's data may stay in the GraphQL cache (loaded
      // here if this tab had a session before; the signed-in pages need it next anyway)
      const { apolloClient } = await import('@/app/apollo');
      await apolloClient.clearStore();
      navigate(pageAfterLogin(user, (location.state as { from?: string } | null)?.from), { replace: true });
    } catch (e) {
      setLoading(false);
      if (!askCode && needsSecondFactor(e)) {
        setAskCode(true);
        return;
      }
      // the second step failed: start again (the answer never says which part was wrong)
      if (askCode) restart();
      setError(e);
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
      <main className="login-panel">
        <div className="login-card">
          <div className="login-card-head">
            <h2 className="login-card-title">用户登录</h2>
            <div className="login-card-sub">大型活动安保前置审核系统 · 盘锦市公安局</div>
          </div>
          {idleNotice && error === undefined && <div className="login-alert login-alert-info">长时间未操作，已自动退出登录，请重新登录。</div>}
          {error !== undefined && (
            <div className="login-alert login-alert-error" role="alert">
              {errorMessage(error)}
            </div>
          )}
          <form className="login-form" onSubmit={(e) => void onSubmit(e)} noValidate>
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
        <div className="login-footer">盘锦市公安局 © 2026</div>
      </main>
    </div>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  extra?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  suffix?: ReactNode;
}

/** A labelled field with its message under it (which field, why), announced to screen readers. */
function TextField({ label, value, onChange, error, extra, inputRef, suffix, ...input }: TextFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', extra ? `${id}-extra` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`login-field${error ? ' login-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="login-input">
        <input {...input} id={id} ref={inputRef} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
        {suffix}
      </div>
      {error && (
        <div id={`${id}-error`} className="login-field-error">
          {error}
        </div>
      )}
      {extra && (
        <div id={`${id}-extra`} className="login-field-extra">
          {extra}
        </div>
      )}
    </div>
  );
}

function PasswordField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      label="密码"
      type={visible ? 'text' : 'password'}
      value={value}
      onChange={onChange}
      error={error}
      placeholder="请输入密码"
      autoComplete="current-password"
      suffix={
        <button type="button" className="login-reveal" aria-pressed={visible} onClick={() => setVisible((v) => !v)}>
          {visible ? '隐藏' : '显示'}
        </button>
      }
    />
  );
}
