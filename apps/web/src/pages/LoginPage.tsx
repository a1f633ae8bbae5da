import { useEffect } from 'react';
import { LoginForm } from '@/features/auth/components/LoginForm';
import { useServiceWorkerAfterFirstScreen } from '@/shared/serviceWorker';
import './LoginPage.css';

/**
 * The first screen, and the lightest: outside the signed-in providers, with no component library and
 * no GraphQL client (see `LoginForm`), so a phone on venue mobile data can sign in before the rest of
 * the app has loaded.
 */
export default function LoginPage() {
  useServiceWorkerAfterFirstScreen();
  useEffect(() => {
    document.title = '登录 - 大型活动安保前置审核系统';
  }, []);

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
        <LoginForm />
        <div className="login-footer">盘锦市公安局 © 2026</div>
      </main>
    </div>
  );
}
