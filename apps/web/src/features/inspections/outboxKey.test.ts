import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expireDeviceCopies, forgetDeviceCopies, forgetOutboxKeys, keepConfirmedUser, LOGOUT_PENDING, openOutboxKeys, OUTBOX_DEVICE, outboxKeysForgotten } from '@/shared/deviceCopies';
import { deriveOutboxKey, deviceSalt, fetchOutboxKey, keepOutboxKey, keepOutboxKeyAfterLogin, keptOutboxKeys, outboxKeyring } from './outboxKey';
import { outboxKeyAnswer, serverKeyOf, workingKey } from './outboxTesting';

let online = true;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
});
afterEach(() => vi.unstubAllGlobals());

/** Whether `b` opens what `a` sealed. */
async function opens(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  const iv = new Uint8Array(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, a, new TextEncoder().encode('王某某'));
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, b, sealed).then(
    () => true,
    () => false,
  );
}

async function clearSalt() {
  const db = await openOutboxKeys();
  await new Promise((resolve) => {
    const t = db.transaction(OUTBOX_DEVICE, 'readwrite');
    t.objectStore(OUTBOX_DEVICE).clear();
    t.oncomplete = resolve;
  });
  db.close();
}

describe('the working key of the on-site outbox (code review C5)', () => {
  it('is an AES-GCM key that cannot be exported, derived on the device from the server’s key', async () => {
    const key = await deriveOutboxKey('U1', 1, serverKeyOf('U1'));
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('is the same again on this device (a new login opens the checks), and another for another account, version or device', async () => {
    const first = await deriveOutboxKey('U1', 1, serverKeyOf('U1'));
    expect(await opens(first, await deriveOutboxKey('U1', 1, serverKeyOf('U1')))).toBe(true);
    expect(await opens(first, await deriveOutboxKey('U2', 1, serverKeyOf('U2')))).toBe(false);
    expect(await opens(first, await deriveOutboxKey('U1', 2, serverKeyOf('U1', 2)))).toBe(false);
    // the same server key given to another account's id (the info binds the account) does not open either
    expect(await opens(first, await deriveOutboxKey('U2', 1, serverKeyOf('U1')))).toBe(false);
    await clearSalt(); // another device: another salt
    expect(await opens(first, await deriveOutboxKey('U1', 1, serverKeyOf('U1')))).toBe(false);
  });

  it('refuses a server key that is not 32 bytes', async () => {
    await expect(deriveOutboxKey('U1', 1, btoa('short'))).rejects.toThrow();
  });

  it('the device salt is made once and kept through a logout; the kept keys are not', async () => {
    const salt = await deviceSalt();
    expect(salt).toHaveLength(32);
    expect(await deviceSalt()).toEqual(salt);
    await keepOutboxKey(await workingKey('U1'));
    expect((await keptOutboxKeys('U1')).map((k) => [k.userId, k.version, k.key.extractable])).toEqual([['U1', 1, false]]);
    forgetDeviceCopies(); // logout, a login, a session the server no longer knows
    await outboxKeysForgotten();
    expect(await keptOutboxKeys('U1')).toEqual([]);
    expect(await deviceSalt()).toEqual(salt);
  });

  it('goes once the session’s end has passed, as the other device copies', async () => {
    const t0 = Date.parse('2026-12-02T08:00:00Z');
    keepConfirmedUser({ id: 'U1' }, t0);
    await keepOutboxKey(await workingKey('U1'));
    expect(expireDeviceCopies(t0 + 3600_000)).toBe(false);
    await outboxKeysForgotten();
    expect(await keptOutboxKeys('U1')).toHaveLength(1);
    expect(expireDeviceCopies(t0 + 13 * 3600_000)).toBe(true);
    await outboxKeysForgotten();
    expect(await keptOutboxKeys('U1')).toEqual([]);
  });

  it('a key kept right after a forgetting is not forgotten by it; nothing is kept while a logout waits for the server', async () => {
    void forgetOutboxKeys();
    await keepOutboxKey(await workingKey('U1'));
    expect(await keptOutboxKeys('U1')).toHaveLength(1);
    await forgetOutboxKeys();
    localStorage.setItem(LOGOUT_PENDING, JSON.stringify({ since: new Date().toISOString() }));
    await keepOutboxKey(await workingKey('U1'));
    expect(await keptOutboxKeys('U1')).toEqual([]);
  });

  it('keeps each account’s keys apart, newest version first', async () => {
    await keepOutboxKey(await workingKey('U1', 1));
    await keepOutboxKey(await workingKey('U1', 2));
    await keepOutboxKey(await workingKey('U2', 1));
    expect((await keptOutboxKeys('U1')).map((k) => k.version)).toEqual([2, 1]);
    expect((await keptOutboxKeys('U2')).map((k) => k.userId)).toEqual(['U2']);
  });
});

describe('fetching the key', () => {
  it('asks, derives and keeps it; not offline; not an answer for another account or another version', async () => {
    const ask = vi.fn(async (version?: number) => outboxKeyAnswer('U1', version ?? 1));
    const key = await fetchOutboxKey('U1', ask);
    expect(key).toMatchObject({ userId: 'U1', version: 1 });
    expect(await keptOutboxKeys('U1')).toHaveLength(1);

    expect(await fetchOutboxKey('U2', ask)).toBeNull(); // the cookie is U1's
    expect(await fetchOutboxKey('U1', async () => outboxKeyAnswer('U1', 1), 2)).toBeNull();
    expect(await fetchOutboxKey('U1', async () => Promise.reject(new Error('FORBIDDEN')))).toBeNull();
    online = false;
    ask.mockClear();
    expect(await fetchOutboxKey('U1', ask)).toBeNull();
    expect(ask).not.toHaveBeenCalled();
  });

  it('the keyring uses the kept key without asking, and asks for an older version only when a check needs it', async () => {
    await keepOutboxKey(await workingKey('U1', 2));
    const ask = vi.fn(async (version?: number) => outboxKeyAnswer('U1', version ?? 2));
    const keyring = await outboxKeyring('U1', ask);
    expect(keyring.current?.version).toBe(2);
    expect(ask).not.toHaveBeenCalled();
    expect(await keyring.open(2)).toBe(keyring.current?.key);
    const v1 = await keyring.open(1);
    expect(ask).toHaveBeenCalledExactlyOnceWith(1);
    expect(await opens((await workingKey('U1', 1)).key, v1!)).toBe(true);
    await keyring.open(1);
    expect(ask).toHaveBeenCalledTimes(1);
    // without a way to ask (the logout, in a dead zone): only what is kept
    const offline = await outboxKeyring('U1');
    expect(await offline.open(3)).toBeNull();
  });

  it('at login: fetched for an officer with no step left, not for another role nor before a forced password change', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ data: { outboxKey: outboxKeyAnswer('U1') } }), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const officer = { id: 'U1', role: 'SECURITY_DETACHMENT', mustChangePassword: false, mustEnrolTotp: false };
    expect(await keepOutboxKeyAfterLogin({ ...officer, role: 'COMPANY' })).toBe(false);
    expect(await keepOutboxKeyAfterLogin({ ...officer, mustChangePassword: true })).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await keepOutboxKeyAfterLogin(officer)).toBe(true);
    expect(JSON.parse(String((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toMatchObject({ operationName: 'OutboxKey' });
    expect(await keptOutboxKeys('U1')).toHaveLength(1);
  });
});
