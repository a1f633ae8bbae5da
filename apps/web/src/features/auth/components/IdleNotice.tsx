import { useIdleLogout } from '../hooks/useIdleLogout';

/** The idle timeout's last minute (`useIdleLogout`) in plain markup, for the on-site screen's light root. */
export function IdleNotice() {
  const { left, end, stay } = useIdleLogout();
  if (left === null) return null;
  return (
    <div className="onsite-idle">
      <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title">即将自动退出登录</h2>
        <p id="idle-text" data-testid="idle-warning">
          您已较长时间未操作，为保护账号安全，系统将在 <strong>{Math.ceil(left / 1000)}</strong> 秒后自动退出登录。
        </p>
        <div className="onsite-row">
          <button type="button" className="onsite-btn" style={{ flex: 1 }} onClick={end}>立即退出</button>
          <button type="button" className="onsite-btn primary" style={{ flex: 1 }} onClick={stay} autoFocus>继续使用</button>
        </div>
      </div>
    </div>
  );
}
