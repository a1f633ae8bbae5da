import 'reflect-metadata';
import { decodeKey } from '../common/pii';
import { loadConfig } from '../config';
import { openDatabase } from '../database/bootstrap';
import { rehashPii } from '../modules/privacy/rotation';

/**
 * `PII_HASH_KEY_NEW=<base64> npm run pii:rehash`: replaces the hash key. Every keyed hash is
 * recomputed in one transaction (tables locked: stop the API nodes first). Afterwards set
 * PII_HASH_KEY to the new value everywhere and start the system again; the old key is refused from then on.
 */
async function main(): Promise<number> {
  const raw = process.env.PII_HASH_KEY_NEW;
  if (!raw) {
    console.error('请在 PII_HASH_KEY_NEW 中给出新的哈希密钥（base64 编码的32字节，可用 openssl rand -base64 32 生成）');
    return 1;
  }
  const next = decodeKey(raw, 'PII_HASH_KEY_NEW');
  const db = await openDatabase(loadConfig());
  try {
    const counts = await rehashPii(db.ds, next);
    console.log(`已用新的哈希密钥重算：${JSON.stringify(counts)}`);
    console.log('请在所有节点的部署配置中把 PII_HASH_KEY 改为新值后再启动系统（旧值从此被拒绝）');
    return 0;
  } finally {
    await db.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
