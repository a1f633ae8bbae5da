import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../database/bootstrap';
import { rotatePii } from '../modules/privacy/rotation';

/**
 * `npm run pii:rotate [-- --batch 2000]`: re-encrypts every ciphertext under the active key (the
 * first of PII_KEYS) on DATABASE_URL or the embedded database, in batches, while the system runs.
 * Idempotent and resumable: run it again after an interruption. Exit code 0 when complete.
 */
async function main(): Promise<number> {
  const arg = process.argv.indexOf('--batch');
  const batchSize = arg >= 0 ? Number(process.argv[arg + 1]) : 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
    console.error('用法：npm run pii:rotate [-- --batch <1–50000>]');
    return 1;
  }
  const db = await openDatabase(loadConfig());
  try {
    const result = await rotatePii(db.ds, {
      batchSize,
      onBatch: (p) => process.stdout.write(`\r  ${p.table}：已重新加密 ${p.rotated} 行`),
    });
    process.stdout.write('\n');
    for (const t of result.tables) console.log(`${t.table}：本次重新加密 ${t.rotated} 行`);
    console.log(`各密钥下的密文数：${JSON.stringify(result.remaining)}`);
    const old = Object.keys(result.remaining).filter((k) => k !== result.activeKeyId);
    console.log(
      old.length
        ? `仍有密文使用旧密钥 ${old.join('、')}（轮换期间新写入的数据除外，请再次运行）`
        : `全部密文已使用当前密钥“${result.activeKeyId}”；可从 PII_KEYS 中移除其他密钥（先确认备份也已不再需要它们）`,
    );
    return old.length ? 2 : 0;
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
