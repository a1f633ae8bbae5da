import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  configurePii,
  decryptPii,
  encryptPii,
  idHash,
  loadOrCreateDemoKeyring,
  nameHash,
  parsePiiKeyring,
  PiiKeyError,
  piiCipherKeyId,
  reencryptPii,
} from './pii';

const b64 = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const ring = (keys: string, hash = b64(9)) => parsePiiKeyring({ PII_KEYS: keys, PII_HASH_KEY: hash })!;

describe('personal-information crypto', () => {
  afterEach(() => configurePii(null));

  it('parses PII_KEYS and PII_HASH_KEY, and names the variable that is wrong', () => {
    expect(parsePiiKeyring({})).toBeNull();
    const r = ring(`k2:${b64(2)}, k1:${b64(1)}`);
    expect(r.keys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(() => parsePiiKeyring({ PII_KEYS: `k1:${b64(1)}` })).toThrow(/未设置 PII_HASH_KEY/);
    expect(() => parsePiiKeyring({ PII_HASH_KEY: b64(1) })).toThrow(/未设置 PII_KEYS/);
    expect(() => ring(`k1:${b64(1)},k1:${b64(2)}`)).toThrow(/编号“k1”重复/);
    expect(() => ring(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/k1.*16字节，应为32字节/);
    expect(() => ring(`k1:not base64!`)).toThrow(/base64/);
    expect(() => ring(b64(1))).toThrow(/第1项/);
    expect(() => ring(`k1:${b64(1)}`, b64(1))).toThrow(/不能与 PII_KEYS 中的加密密钥相同/);
    expect(() => ring(`k1:${b64(1)}`, 'short')).toThrow(/PII_HASH_KEY/);
  });

  it('refuses to work without keys, in Chinese', () => {
    const saved = { k: process.env.PII_KEYS, h: process.env.PII_HASH_KEY };
    delete process.env.PII_KEYS;
    delete process.env.PII_HASH_KEY;
    try {
      expect(() => encryptPii('x')).toThrow(/未配置个人信息加密密钥/);
    } finally {
      if (saved.k !== undefined) process.env.PII_KEYS = saved.k;
      if (saved.h !== undefined) process.env.PII_HASH_KEY = saved.h;
    }
  });

  it('encrypts with a fresh IV each time under the active key, decrypts under any key of the ring, detects tampering', () => {
    configurePii(ring(`k1:${b64(1)}`));
    const a = encryptPii('211102199001011234');
    const b = encryptPii('211102199001011234');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('1234');
    expect(decryptPii(a)).toBe('211102199001011234');
    expect(decryptPii(encryptPii('欧阳秘父'))).toBe('欧阳秘父');

    // A new active key: old ciphertexts still open; re-encryption moves them.
    configurePii(ring(`k2:${b64(2)},k1:${b64(1)}`));
    expect(decryptPii(a)).toBe('211102199001011234');
    const moved = reencryptPii(a);
    expect(piiCipherKeyId(moved)).toBe('k2');
    expect(reencryptPii(moved)).toBe(moved);

    // Missing key, wrong key under a known id, changed ciphertext: a clear error, never a wrong value.
    configurePii(ring(`k2:${b64(2)}`));
    expect(() => decryptPii(a)).toThrow(new PiiKeyError('个人信息密文由密钥“k1”加密，但 PII_KEYS 中没有该密钥（轮换完成前不能移除旧密钥，见 README“密钥轮换”）'));
    configurePii(ring(`k1:${b64(3)}`));
    expect(() => decryptPii(a)).toThrow(/解密失败：密钥“k1”与加密时使用的不同/);
    configurePii(ring(`k1:${b64(1)}`));
    const parts = a.split(':');
    parts[4] = Buffer.from(Buffer.from(parts[4], 'base64').map((x, i) => (i === 0 ? x ^ 1 : x))).toString('base64');
    expect(() => decryptPii(parts.join(':'))).toThrow(/解密失败/);
    expect(() => decryptPii('211102199001011234')).toThrow(/格式不正确/);
  });

  it('hashes deterministically under the hash key only: case-insensitive ID numbers, names apart from IDs', () => {
    configurePii(ring(`k1:${b64(1)}`));
    expect(idHash('21110219900101123x').equals(idHash('21110219900101123X'))).toBe(true);
    expect(idHash('211102199001011234').equals(idHash(' 211102199001011234 '))).toBe(true);
    expect(nameHash('张三').equals(idHash('张三'))).toBe(false);
    const before = idHash('211102199001011234');
    configurePii(ring(`k9:${b64(7)}`));
    expect(idHash('211102199001011234').equals(before)).toBe(true);
    configurePii(ring(`k1:${b64(1)}`, b64(8)));
    expect(idHash('211102199001011234').equals(before)).toBe(false);
  });

  it('demo mode: generates keys once in DATA_DIR (owner-only file) and keeps them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evs-pii-demo-'));
    try {
      const first = loadOrCreateDemoKeyring(dir);
      expect(first.created).toBe(true);
      expect(fs.statSync(first.file).mode & 0o777).toBe(0o600);
      const second = loadOrCreateDemoKeyring(dir);
      expect(second.created).toBe(false);
      expect(second.ring.hashKey.equals(first.ring.hashKey)).toBe(true);
      expect(second.ring.keys[0].key.equals(first.ring.keys[0].key)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
