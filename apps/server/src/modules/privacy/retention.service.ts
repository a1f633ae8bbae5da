import { AuditAction } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/clock';
import { AuditService, SYSTEM } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { ANONYMISED } from './anonymised';

/** What one run removed or anonymised. */
export interface PurgeCounts {
  retentionDays: number;
  /** Activities closed or cancelled before this (now − retentionDays). */
  cutoff: Date;
  /** Activities whose data this run touched. */
  activities: number;
  /** Record copies (vetting_hits) deleted. */
  hits: number;
  /** Roster entries whose officer note and system reason were cleared. */
  entriesCleared: number;
  /** On-site records whose person's name or photo was removed (checks, and the findings that name the person). */
  onSiteCleared: number;
  /** LEFT guard records anonymised. */
  guardsAnonymised: number;
  /** Relatives deleted (of anonymised guards). */
  relatives: number;
  /** 站内通知 about expired activities deleted (they name guards beside vetting outcomes). */
  notifications: number;
}

/** Serializes runs across API nodes: the one that gets it runs, the others skip. */
const PURGE_LOCK = 7700300;

/**
 * Retention of guards' and relatives' data (个人信息保护法 Art. 19, 47; setting
 * `privacy.retentionDays`). An activity expires `retentionDays` after it was closed (or cancelled).
 * For expired activities:
 * - the record copies of the vetting (vetting_hits: who, which record) are deleted, and the officer's
 *   note and the system's reason text of each roster entry are cleared (decision, reason category,
 *   dates and the statistics stay: the overview's figures do not change);
 * - on-site records lose the name of a person found on duty off the roster (the check's, and the
 *   one its 未经审查人员上岗 finding was written with), and photos;
 * - the 站内通知 about them are deleted (a notice names a guard beside a vetting outcome: 新增…请审核,
 *   …审核结论改为不通过).
 * A guard record that is LEFT for longer than the retention period and on no roster of an activity
 * that has not expired is anonymised (name 已匿名; ID number, phone, photo, 保安员证号 and the
 * statement about relatives removed; birth date and sex stay for the age statistics), and its
 * relatives are deleted. Idempotent; one audit entry per run (actor 系统) with the counts.
 */
export class RetentionService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** When the last run ended (its audit entry), if any: the scheduled job runs at most once per interval across nodes. */
  async lastRunAt(): Promise<Date | null> {
    const [row] = await this.ds.query(`SELECT max(at) AS at FROM audit_log WHERE entity_type = 'PersonalDataRetention'`);
    return row?.at ?? null;
  }

  /** One run as of `now` (the system's clock, as every other date rule); null when another node is running it at the same time. */
  async purge(now: Date = this.clock.now()): Promise<PurgeCounts | null> {
    return this.ds.transaction(async (m) => {
      const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [PURGE_LOCK]);
      if (!locked) return null;
      const retentionDays = await this.settings.get('privacy.retentionDays', m);
      const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
      const counts = await this.run(m, cutoff, now);
      const result: PurgeCounts = { retentionDays, cutoff, ...counts.totals };
      await this.audit.record(
        m,
        SYSTEM,
        {
          action: AuditAction.DELETE,
          entityType: 'PersonalDataRetention',
          summary:
            `个人信息保存期（${retentionDays}天）到期处理：活动${result.activities}项，删除比中记录${result.hits}条，` +
            `清除审核意见${result.entriesCleared}条、现场记录${result.onSiteCleared}条，删除站内通知${result.notifications}条，` +
            `匿名化离职保安员${result.guardsAnonymised}人，删除直系亲属${result.relatives}人`,
          // Ids only: nothing personal goes into the (append-only) audit log.
          after: { ...result, activityIds: counts.activityIds, guardIds: counts.guardIds },
        },
      );
      return result;
    });
  }

  private async run(m: EntityManager, cutoff: Date, now: Date) {
    // Activities past retention: closed (closed_at) or cancelled (time of the cancellation) before the cutoff.
    await m.query(`
      CREATE TEMP TABLE expired_activities ON COMMIT DROP AS
        SELECT a.id FROM activities a
         WHERE (a.status = 'CLOSED' AND a.closed_at < $1)
            OR (a.status = 'CANCELLED' AND coalesce(
                 (SELECT max(t.at) FROM activity_transitions t WHERE t.activity_id = a.id AND t.to_status = 'CANCELLED'), a.updated_at) < $1)`,
      [cutoff],
    );
    const hits: { activity_id: string }[] = await m.query(
      `WITH gone AS (DELETE FROM vetting_hits h USING roster_entries re
                      WHERE re.id = h.roster_entry_id AND re.activity_id IN (SELECT id FROM expired_activities)
                     RETURNING re.activity_id)
       SELECT activity_id FROM gone`,
    );
    const cleared: { activity_id: string }[] = await m.query(
      `WITH done AS (UPDATE roster_entries SET decision_note = NULL, suggestion_reason = NULL
                      WHERE activity_id IN (SELECT id FROM expired_activities) AND (decision_note IS NOT NULL OR suggestion_reason IS NOT NULL)
                     RETURNING activity_id)
       SELECT activity_id FROM done`,
    );
    // The keyed hash of the ID number each entry was checked under (vetting `checked_id_hash`) goes with them.
    await m.query(`UPDATE roster_entries SET checked_id_hash = NULL WHERE activity_id IN (SELECT id FROM expired_activities) AND checked_id_hash IS NOT NULL`);
    // The finding of 未经审查人员上岗 is written naming the person found ("<name>不在在岗名单中…", inspections.service
    // `record`): the name goes with the check's. Before the check's own name is replaced, which the match needs.
    const findingNotes: { activity_id: string }[] = await m.query(
      `WITH done AS (UPDATE findings f SET note = $1 || substr(f.note, length(i.person_name) + 1)
                       FROM inspections i
                      WHERE i.id = f.inspection_id AND f.activity_id IN (SELECT id FROM expired_activities)
                        AND f.item = 'UNVETTED_ON_DUTY' AND i.person_name IS NOT NULL AND i.person_name <> $1
                        AND starts_with(f.note, i.person_name)
                     RETURNING f.activity_id)
       SELECT activity_id FROM done`,
      [ANONYMISED],
    );
    const inspections: { activity_id: string }[] = await m.query(
      `WITH done AS (UPDATE inspections SET person_name = $1
                      WHERE activity_id IN (SELECT id FROM expired_activities) AND person_name IS NOT NULL AND person_name <> $1
                     RETURNING activity_id)
       SELECT activity_id FROM done`,
      [ANONYMISED],
    );
    const notices: { activity_id: string }[] = await m.query(
      `WITH gone AS (DELETE FROM notifications WHERE activity_id IN (SELECT id FROM expired_activities) RETURNING activity_id)
       SELECT activity_id FROM gone`,
    );
    const photos: { activity_id: string }[] = await m.query(
      `WITH done AS (UPDATE findings SET photo = NULL WHERE activity_id IN (SELECT id FROM expired_activities) AND photo IS NOT NULL
                     RETURNING activity_id)
       SELECT activity_id FROM done`,
    );
    // LEFT records past the period, on no roster of an activity still kept (open, or closed within it). A
    // registered guard found on duty off the roster is named in that finding's note as well: it goes with the name.
    const guards: { id: string }[] = await m.query(
      `WITH due AS (
         SELECT g.id FROM guards g
          WHERE g.status = 'LEFT' AND g.anonymised_at IS NULL AND coalesce(g.left_on, g.updated_at::date) < $1::date
            AND NOT EXISTS (SELECT 1 FROM roster_entries re WHERE re.guard_id = g.id
                             AND re.activity_id NOT IN (SELECT id FROM expired_activities))),
       notes AS (UPDATE findings f SET note = $2 || substr(f.note, length(g.name) + 1)
                   FROM guards g JOIN due ON due.id = g.id
                  WHERE f.guard_id = g.id AND f.item = 'UNVETTED_ON_DUTY' AND starts_with(f.note, g.name)
                 RETURNING f.id),
       done AS (UPDATE guards g SET name = $2, id_cipher = NULL, id_hash = NULL, phone = NULL, photo = NULL, certificate_no = NULL,
                       relatives_statement = NULL, anonymised_at = $3
                  FROM due WHERE g.id = due.id RETURNING g.id)
       SELECT id FROM done`,
      [cutoff, ANONYMISED, now],
    );
    // A check keeps the guard's name and 保安员证 number as found (red team F4): they go when the record's go.
    await m.query(
      `UPDATE inspections i SET guard_name = $1, certificate_no = NULL FROM guards g
        WHERE g.id = i.guard_id AND g.anonymised_at IS NOT NULL AND (i.guard_name IS DISTINCT FROM $1 OR i.certificate_no IS NOT NULL)`,
      [ANONYMISED],
    );
    const relatives: { id: string }[] = await m.query(
      `WITH gone AS (DELETE FROM guard_relatives r USING guards g WHERE g.id = r.guard_id AND g.anonymised_at IS NOT NULL RETURNING r.id)
       SELECT id FROM gone`,
    );
    // The lock rows of 一证一人 (CertificateNumberLock) for numbers no record holds any more.
    await m.query(`DELETE FROM certificate_numbers c WHERE NOT EXISTS (SELECT 1 FROM guards g WHERE g.certificate_no = c.certificate_no)`);
    const activityIds = [...new Set([...hits, ...cleared, ...findingNotes, ...inspections, ...photos, ...notices].map((r) => r.activity_id))].sort();
    return {
      activityIds,
      guardIds: guards.map((g) => g.id),
      totals: {
        activities: activityIds.length,
        hits: hits.length,
        entriesCleared: cleared.length,
        onSiteCleared: findingNotes.length + inspections.length + photos.length,
        guardsAnonymised: guards.length,
        relatives: relatives.length,
        notifications: notices.length,
      },
    };
  }
}
