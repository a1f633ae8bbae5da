import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ValueTransformer } from 'typeorm';

/**
 * Personal information at rest (个人信息保护法 Arts. 28–29; criminal records are sensitive): ID
 * numbers and relatives' data are stored as AES-256-GCM ciphertexts and matched by a keyed hash
 * (HMAC-SHA256 with a key of its own), so equality lookups, joins and unique constraints work on
 * the hash while the database never holds the plaintext.
 *
 * Ciphertext envelope (text): `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64 parts, 12-byte IV,
 * 16-byte tag). The key id names the key of `PII_KEYS` that wrote it, so old ciphertexts keep
 * decrypting while `npm run pii:rotate` moves them to the active key.
 */

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface PiiKeyring {
  /** Encryption keys; the first is active (every new write), the others only decrypt. */
  keys: { id: string; key: Buffer }[];
  /** The key of the keyed hash (stable: changing it needs `npm run pii:rehash`). */
  hashKey: Buffer;
}

/** A missing, malformed or wrong key, or a ciphertext that does not open: never a silent miss. */
export class PiiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PiiKeyError';
  }
}

/** A base64 32-byte key; `what` names it in the Chinese error. */
export function decodeKey(raw: string, what: string): Buffer {
  const text = raw.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new PiiKeyError(`${what}应为 base64 编码的32字节密钥（可用 openssl rand -base64 32 生成）`);
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new PiiKeyError(`${what}解码后为${key.length}字节，应为32字节（可用 openssl rand -base64 32 生成）`);
  return key;
}

/**
 * The keyring from `PII_KEYS` ("k2:<base64>,k1:<base64>", first = active) and `PII_HASH_KEY`
 * (base64). Null when neither is set; a Chinese error naming the variable when one is wrong.
 */
export function parsePiiKeyring(env: { PII_KEYS?: string; PII_HASH_KEY?: string }): PiiKeyring | null {
  const keysRaw = env.PII_KEYS?.trim();
  const hashRaw = env.PII_HASH_KEY?.trim();
  if (!keysRaw && !hashRaw) return null;
  if (!keysRaw) throw new PiiKeyError('已设置 PII_HASH_KEY 但未设置 PII_KEYS（个人信息加密密钥，格式“密钥编号:base64密钥”，多个以逗号分隔，第一个用于新数据）');
  if (!hashRaw) throw new PiiKeyError('已设置 PII_KEYS 但未设置 PII_HASH_KEY（身份证号比对用的哈希密钥，base64 编码的32字节）');
  const keys: { id: string; key: Buffer }[] = [];
  for (const [i, part] of keysRaw.split(',').entries()) {
    const sep = part.indexOf(':');
    const id = sep > 0 ? part.slice(0, sep).trim() : '';
    if (!KEY_ID.test(id)) {
      throw new PiiKeyError(`PII_KEYS 第${i + 1}项应为“密钥编号:base64密钥”，编号由字母、数字、-、_ 组成（如 k2:…）`);
    }
    if (keys.some((k) => k.id === id)) throw new PiiKeyError(`PII_KEYS 中密钥编号“${id}”重复`);
    keys.push({ id, key: decodeKey(part.slice(sep + 1), `PII_KEYS 中的密钥“${id}”`) });
  }
  const hashKey = decodeKey(hashRaw, 'PII_HASH_KEY');
  if (keys.some((k) => k.key.equals(hashKey))) throw new PiiKeyError('PII_HASH_KEY 不能与 PII_KEYS 中的加密密钥相同');
  return { keys, hashKey };
}

let configured: PiiKeyring | null = null;

/** Sets the keyring of this process (startup, scripts, tests). */
export function configurePii(ring: PiiKeyring | null): void {
  configured = ring;
}

/** The keyring in use: as configured, else from the environment; refuses clearly when there is none. */
export function piiKeyring(): PiiKeyring {
  if (configured) return configured;
  const fromEnv = parsePiiKeyring(process.env);
  if (!fromEnv) {
    throw new PiiKeyError('未配置个人信息加密密钥：请设置环境变量 PII_KEYS 和 PII_HASH_KEY（见 README“个人信息保护”）');
  }
  configured = fromEnv;
  return fromEnv;
}

/** Id of the key new ciphertexts are written with. */
export function activePiiKeyId(): string {
  return piiKeyring().keys[0].id;
}

// IVs come from the CSPRNG in blocks (one call per 4,096 values): an import encrypts tens of thousands.
const IV_POOL = Buffer.alloc(12 * 4096);
let ivPos = IV_POOL.length;
function nextIv(): Buffer {
  if (ivPos >= IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivPos = 0;
  }
  ivPos += 12;
  return IV_POOL.subarray(ivPos - 12, ivPos);
}

/** Encrypts one value under the active key (a fresh random 96-bit IV each time). */
export function encryptPii(plain: string): string {
  const { id, key } = piiKeyring().keys[0];
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}:${id}:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ct.toString('base64')}`;
}

/** The key id a ciphertext was written with (without decrypting it). */
export function piiCipherKeyId(envelope: string): string | null {
  const parts = envelope.split(':');
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : null;
}

/** Decrypts a ciphertext written by any key of the keyring; a Chinese error when it cannot. */
export function decryptPii(envelope: string): string {
  const parts = envelope.split(':');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new PiiKeyError('个人信息密文格式不正确（不是本系统写入的密文）');
  const [, keyId, iv, tag, ct] = parts;
  const entry = piiKeyring().keys.find((k) => k.id === keyId);
  if (!entry) {
    throw new PiiKeyError(`个人信息密文由密钥“${keyId}”加密，但 PII_KEYS 中没有该密钥（轮换完成前不能移除旧密钥，见 README“密钥轮换”）`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiKeyError(`个人信息解密失败：密钥“${keyId}”与加密时使用的不同，或密文已被改动`);
  }
}

/** Re-encrypts under the active key; an envelope already under it is returned as is. */
export function reencryptPii(envelope: string): string {
  return piiCipherKeyId(envelope) === activePiiKeyId() ? envelope : encryptPii(decryptPii(envelope));
}

/** The keyed hash of an ID number (upper-case, as validated): the only way ID numbers are matched. */
export function idHash(idNumber: string): Buffer {
  return idHashWith(piiKeyring().hashKey, idNumber);
}

/** The keyed hash of a relative's name: binds the vetted identity (guard_identity_hash) without the name. */
export function nameHash(name: string): Buffer {
  return nameHashWith(piiKeyring().hashKey, name);
}

/** `idHash` under a given hash key (`pii:rehash`). */
export function idHashWith(hashKey: Buffer, idNumber: string): Buffer {
  return createHmac('sha256', hashKey).update(`id:${idNumber.trim().toUpperCase()}`, 'utf8').digest();
}

/** `nameHash` under a given hash key (`pii:rehash`). */
export function nameHashWith(hashKey: Buffer, name: string): Buffer {
  return createHmac('sha256', hashKey).update(`name:${name.trim()}`, 'utf8').digest();
}

/** A key's fingerprint (reveals nothing of the key): recorded in the database to refuse a wrong key at startup. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('evs:pii:key-fingerprint', 'utf8').digest('hex');
}

/** The TypeORM column transformer of an encrypted text column: plaintext in the entity, ciphertext in the row. */
export const encrypted: ValueTransformer = {
  to: (value: string | null | undefined) => (value == null ? value : encryptPii(value)),
  from: (value: string | null) => (value == null ? value : decryptPii(value)),
};

/** Decrypts a nullable column value read by raw SQL. */
export function decryptNullable(envelope: string | null | undefined): string | null {
  return envelope == null ? null : decryptPii(envelope);
}

const DEMO_KEYS_FILE = 'pii-keys.json';

/**
 * Demo only (embedded database without PII_KEYS): keys generated once and kept beside the data in
 * DATA_DIR, so the demo starts with nothing to configure. A real deployment passes its keys from
 * the environment (config.ts refuses DATABASE_URL without them).
 */
export function loadOrCreateDemoKeyring(dataDir: string): { ring: PiiKeyring; file: string; created: boolean } {
  const file = path.join(dataDir, DEMO_KEYS_FILE);
  let created = false;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const body = { PII_KEYS: `demo1:${randomBytes(32).toString('base64')}`, PII_HASH_KEY: randomBytes(32).toString('base64') };
    fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  }
  let parsed: { PII_KEYS?: string; PII_HASH_KEY?: string };
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new PiiKeyError(`演示密钥文件 ${file} 无法读取（不是有效的 JSON）`);
  }
  const ring = parsePiiKeyring(parsed);
  if (!ring) throw new PiiKeyError(`演示密钥文件 ${file} 中没有 PII_KEYS 和 PII_HASH_KEY`);
  return { ring, file, created };
}
