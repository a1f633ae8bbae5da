import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { openDatabase } from '../database/bootstrap';
import { AuditAnchor, AuditService, parseAuditAnchor } from '../modules/audit/audit.service';

/**
 * `npm run audit:verify [-- --anchor <seq>:<hash>]`: recomputes the audit log's hash chain on
 * DATABASE_URL (or the embedded database) and says it is intact, or names the first broken entry.
 * Exit code 0 intact, 2 broken. An anchor is a head printed by an earlier run and kept elsewhere:
 * it shows a chain rewritten from some entry on as well.
 */
export async function runAuditVerify(ds: DataSource, argv: string[], out: (line: string) => void): Promise<number> {
  const arg = argv.indexOf('--anchor');
  let anchor: AuditAnchor | undefined;
  if (arg >= 0) {
    try {
      // the same reading as the auditor's page (verifyAuditChain's anchor)
      anchor = parseAuditAnchor(argv[arg + 1] ?? '');
    } catch {
      out('用法：npm run audit:verify -- --anchor <序号>:<64位十六进制哈希>');
      return 1;
    }
  }
  const report = await new AuditService(ds).verifyChain(anchor);
  if (report.intact) {
    out(`审计日志哈希链完整：共 ${report.checked} 条，链头第 ${report.headSeq} 条 ${report.headHash}`);
    out(`（可记下“${report.headSeq}:${report.headHash}”，日后用 --anchor 校验）`);
    return 0;
  }
  const b = report.firstBroken!;
  out(`审计日志哈希链已被破坏：${b.reason}`);
  if (b.id) out(`  第一条不符：序号 ${b.seq}，id ${b.id}，时间 ${b.at?.toISOString()}，摘要“${b.summary}”`);
  return 2;
}

async function main(): Promise<number> {
  const db = await openDatabase(loadConfig());
  try {
    return await runAuditVerify(db.ds, process.argv.slice(2), (line) => console.log(line));
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main()
    .then((code) => process.exit(code))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
