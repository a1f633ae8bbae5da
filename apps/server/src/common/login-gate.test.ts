import { addressKey, LoginGate } from './login-gate';

describe('the login gate', () => {
  const fail = async (): Promise<string> => {
    throw new Error('用户名或密码错误');
  };

  it('refuses the attempt past the per-address limit within a minute, with 429 and a Chinese message; other addresses go on; the minute slides', async () => {
    let now = 0;
    const gate = new LoginGate({ perAddressPerMinute: 3, concurrent: 4, queue: 10 }, () => now);
    for (let i = 0; i < 3; i += 1) await expect(gate.run('10.0.0.1', fail)).rejects.toThrow('用户名或密码错误');
    await expect(gate.run('10.0.0.1', async () => 'ok')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      httpStatus: 429,
      message: '登录尝试过于频繁（同一地址每分钟不超过3次），请稍后再试',
    });
    await expect(gate.run('10.0.0.2', async () => 'ok')).resolves.toBe('ok');
    now = 59_999;
    await expect(gate.run('10.0.0.1', async () => 'ok')).rejects.toMatchObject({ httpStatus: 429 });
    now = 60_000;
    await expect(gate.run('10.0.0.1', async () => 'ok')).resolves.toBe('ok');
  });

  it('does not count a login that succeeds (many officers behind one address)', async () => {
    const gate = new LoginGate({ perAddressPerMinute: 2, concurrent: 4, queue: 10 }, () => 0);
    for (let i = 0; i < 10; i += 1) await expect(gate.run('10.0.0.9', async () => 'ok')).resolves.toBe('ok');
    await expect(gate.run('10.0.0.9', fail)).rejects.toThrow('用户名或密码错误');
    await expect(gate.run('10.0.0.9', fail)).rejects.toThrow('用户名或密码错误');
    await expect(gate.run('10.0.0.9', async () => 'ok')).rejects.toMatchObject({ httpStatus: 429 });
  });

  it('lets a known device past an address whose minute is full, uncounted, asking in its turn; a browser it does not know is refused as before (red team 7, M2)', async () => {
    const gate = new LoginGate({ perAddressPerMinute: 2, concurrent: 4, queue: 10 }, () => 0);
    const asked: string[] = [];
    const device = (known: boolean, name: string) => async () => {
      asked.push(name);
      return known;
    };
    // within the minute the device is not asked
    await expect(gate.run('10.0.0.7', fail, device(true, 'within-1'))).rejects.toThrow('用户名或密码错误');
    await expect(gate.run('10.0.0.7', fail, device(true, 'within-2'))).rejects.toThrow('用户名或密码错误');
    expect(asked).toEqual([]);
    // the minute is full: a known device goes through (its failures as well: the account's own count holds them), a made-up one is refused
    await expect(gate.run('10.0.0.7', async () => 'ok', device(true, 'known'))).resolves.toBe('ok');
    await expect(gate.run('10.0.0.7', fail, device(true, 'known-wrong'))).rejects.toThrow('用户名或密码错误');
    let loggedIn = false;
    const login = async () => {
      loggedIn = true;
      return 'ok';
    };
    await expect(gate.run('10.0.0.7', login, device(false, 'made-up'))).rejects.toMatchObject({
      httpStatus: 429,
      message: '登录尝试过于频繁（同一地址每分钟不超过2次），请稍后再试',
    });
    expect(loggedIn).toBe(false);
    await expect(gate.run('10.0.0.7', login)).rejects.toMatchObject({ httpStatus: 429 });
    expect(asked).toEqual(['known', 'known-wrong', 'made-up']);
    // the known device's attempts were not counted: the minute holds the two failures only
    expect((gate as unknown as { attempts: Map<string, number[]> }).attempts.get('10.0.0.7')).toHaveLength(2);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4', async () => {
    expect(addressKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    const gate = new LoginGate({ perAddressPerMinute: 1, concurrent: 4, queue: 10 }, () => 0);
    await expect(gate.run('2001:db8:0:1::5', fail)).rejects.toThrow('用户名或密码错误');
    await expect(gate.run('2001:db8:0:1::6', fail)).rejects.toMatchObject({ httpStatus: 429 });
  });

  it('remembers at most 10,000 addresses, forgetting the least recently used', async () => {
    const gate = new LoginGate({ perAddressPerMinute: 1, concurrent: 4, queue: 10 }, () => 0);
    await expect(gate.run('10.9.9.9', fail)).rejects.toThrow();
    for (let i = 0; i < 10_050; i += 1) await gate.run(`10.0.${i >> 8}.${i & 255}`, fail).catch(() => undefined);
    expect((gate as unknown as { attempts: Map<string, number[]> }).attempts.size).toBeLessThanOrEqual(10_000);
    // the first address was forgotten: its attempt goes through again
    await expect(gate.run('10.9.9.9', fail)).rejects.toThrow('用户名或密码错误');
  });

  it('verifies at most `concurrent` at once, queues up to `queue`, refuses the rest at once, and lets every queued one through', async () => {
    const gate = new LoginGate({ perAddressPerMinute: 0, concurrent: 2, queue: 3 });
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const login = () =>
      new Promise<string>((resolve) => {
        running += 1;
        most = Math.max(most, running);
        release.push(() => {
          running -= 1;
          resolve('ok');
        });
      });
    const outcomes = Array.from({ length: 8 }, () => gate.run('10.0.0.1', login).then(() => 'ok', (e: { httpStatus?: number }) => e.httpStatus));
    // the three past the queue are refused before any finishes
    await new Promise((r) => setImmediate(r));
    expect(release).toHaveLength(2);
    while (release.length) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(outcomes)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 429, 429, 429]);
    expect(most).toBe(2);
  });

  it('gives the turn back when a login fails', async () => {
    const gate = new LoginGate({ perAddressPerMinute: 0, concurrent: 1, queue: 0 });
    await expect(gate.run('a', async () => { throw new Error('wrong password'); })).rejects.toThrow('wrong password');
    await expect(gate.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});
