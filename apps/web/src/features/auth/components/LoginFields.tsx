import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  extra?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  suffix?: ReactNode;
}

/**
 * A labelled field of the login form with its message under it (which field, why), announced to
 * screen readers. The login page's own control: the first screen loads no component library.
 */
export function TextField({ label, value, onChange, error, extra, inputRef, suffix, ...input }: TextFieldProps) {
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

/** The password, with a 显示/隐藏 toggle. */
export function PasswordField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
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
