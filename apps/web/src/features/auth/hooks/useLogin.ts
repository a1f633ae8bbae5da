import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { keepOutboxKeyAfterLogin } from '@/features/inspections/outboxKey';
import { forgetDeviceCopies } from '@/shared/deviceCopies';
import { needsSecondFactor } from '@/shared/errors';
import { login, pageAfterLogin } from '../login';

export type LoginField = 'username' | 'password' | 'code';
const REQUIRED: Record<LoginField, string> = { username: '请输入用户名', password: '请输入密码', code: '请输入动态验证码或恢复码' };

/**
 * The login form's state and its two steps: username and password, then (when the server asks) the
 * authenticator code. On success the GraphQL cache is emptied and the user goes to the forced steps
 * or back to the page they were sent away from.
 */
export function useLogin() {
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<Record<LoginField, string>>({ username: '', password: '', code: '' });
  const [invalid, setInvalid] = useState<Partial<Record<LoginField, string>>>({});
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  // second step: the server asked for a code; username and password stay in the form
  const [askCode, setAskCode] = useState(false);

  const set = (field: LoginField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setInvalid((i) => ({ ...i, [field]: undefined }));
  };
  const restart = () => {
    setAskCode(false);
    setValues((v) => ({ ...v, password: '', code: '' }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return; // a second click while the first is on its way
    const fields: LoginField[] = askCode ? ['code'] : ['username', 'password'];
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
      // nor on the device: the last account's on-site copies and photos (a shared phone or desk)
      forgetDeviceCopies();
      // an officer's key of the on-site outbox is fetched now (a login needs the network anyway) and kept,
      // so the on-site screen opened later in a dead zone seals what it records (features/inspections/outboxKey.ts)
      await keepOutboxKeyAfterLogin(user);
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

  return { values, invalid, loading, error, askCode, set, restart, submit };
}
