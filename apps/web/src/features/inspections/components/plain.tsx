import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage, fieldErrors } from '@/shared/errors';

/**
 * The on-site screen's own controls, in plain markup (onsite.css): the screen opens on a phone's
 * venue mobile data without a component library (app/onsiteRoot.tsx). Its dialogs, opened later,
 * bring antd with them (onsiteDialogs.tsx).
 */

type Tone = 'error' | 'warning' | 'success' | 'info';

/** A message in the flow of the page; errors and warnings are announced (role="alert"). */
export function Notice({ tone, title, children, testId }: { tone: Tone; title: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <div className={`onsite-notice ${tone}`} role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'} data-testid={testId}>
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

/** A failed request's Chinese message (and its rows, for an import), as `shared/ErrorAlert` shows it. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const rows = fieldErrors(error).filter((f) => f.row != null);
  return (
    <Notice tone="error" title={errorMessage(error)}>
      {rows.length > 0 && (
        <ul>
          {rows.map((f, i) => (
            <li key={i}>第 {f.row} 行 {f.field}：{f.message}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}

/** A short label (a status, a head count); `tone` colours it. */
export function Chip({ tone, children, testId }: { tone?: Tone | 'processing'; children: ReactNode; testId?: string }) {
  return (
    <span className={`onsite-chip${tone ? ` ${tone}` : ''}`} data-testid={testId}>
      {children}
    </span>
  );
}

/** Nothing to show, and why. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="onsite-empty">{children}</p>;
}

/** Data on its way. */
export function Loading() {
  return (
    <div className="onsite-loading" role="status" aria-label="正在加载">
      <span className="boot-spinner" />
    </div>
  );
}

/** One row of tabs; each shows a count when there is one. */
export function Tabs<K extends string>({ value, onChange, tabs }: { value: K; onChange: (k: K) => void; tabs: { key: K; label: string; count?: number }[] }) {
  return (
    <div className="onsite-tabs" role="tablist">
      {tabs.map((t) => (
        <button key={t.key} type="button" role="tab" aria-selected={t.key === value} className="onsite-tab" onClick={() => onChange(t.key)}>
          {t.label}
          {!!t.count && <span className="onsite-count">{t.count}</span>}
        </button>
      ))}
    </div>
  );
}

interface Toast {
  id: number;
  tone: 'success' | 'error';
  text: string;
}

const ToastContext = createContext<(tone: Toast['tone'], text: string) => void>(() => undefined);

/** Short confirmations (已登记, 已发送) at the top of the screen, gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const show = useCallback((tone: Toast['tone'], text: string) => {
    const id = ++next.current;
    setToasts((ts) => [...ts, { id, tone, text }]);
    window.setTimeout(() => setToasts((ts) => ts.filter((t) => t.id !== id)), 3000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="onsite-toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`onsite-toast ${t.tone}`}>{t.text}</div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  const show = useContext(ToastContext);
  return useMemo(() => ({ success: (text: string) => show('success', text), error: (text: string) => show('error', text) }), [show]);
}
