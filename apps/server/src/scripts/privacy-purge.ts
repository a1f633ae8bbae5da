import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../database/bootstrap';
import { AuditService } from '../modules/audit/audit.service';
import { RetentionService } from '../modules/privacy/retention.service';
import { SettingsService } from '../modules/settings/settings.service';

/**
 * `npm run privacy:purge`: one run of the retention job now (the API nodes also run it on their
 * schedule, PRIVACY_PURGE_INTERVAL_MINUTES). Audited like the scheduled run.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const audit = new AuditService(db.ds);
    const counts = await new RetentionService(db.ds, audit, new SettingsService(db.ds, audit), config.clock).purge();
    if (!counts) {
      console.log('另一个节点正在执行保存期到期处理，本次未执行');
      return 0;
    }
    console.log(`保存期 ${counts.retentionDays} 天（${counts.cutoff.toISOString()} 之前结项或取消的活动）：`);
    console.log(`  活动 ${counts.activities} 项；删除比中记录 ${counts.hits} 条；清除审核意见 ${counts.entriesCleared} 条、现场记录 ${counts.onSiteCleared} 条；`);
    console.log(`  删除站内通知 ${counts.notifications} 条；匿名化离职保安员 ${counts.guardsAnonymised} 人；删除直系亲属 ${counts.relatives} 人（已记入审计日志）`);
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
