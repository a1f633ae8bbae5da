import {
  activityStatusLabels,
  AuditAction,
  maskIdNumber,
  recordCategoryLabels,
  RecordCategory,
  RelativeRelation,
  relativeRelationLabels,
  SecurityMode,
  securityModeLabels,
  VettingDecision,
  vettingDecisionLabels,
  VettingReasonCategory,
  vettingReasonCategoryLabels,
} from '@evs/schema';
import { decryptNullable, decryptPii } from '../../common/pii';
import { ANONYMISED } from '../privacy/anonymised';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/actor';
import type { Clock } from '../../common/clock';
import { formatStampCN, localDate } from '../../common/calendar';
import { ActivityEntity } from '../activities/activity.entity';
import { AuditService } from '../audit/audit.service';
import { vettingCountedExpr } from '../dashboard/overview.sql';
import { registerIdOf, seesFullIdNumbers } from '../guards/guard.policy';
import { VettingTier } from './vetting.policy';
import { VettingCounts, VettingService } from './vetting.service';

export interface NoticeEntry {
  entryId: string;
  guardName: string;
  idNumber: string;
  companyName: string;
  post: string | null;
  decision: VettingDecision;
  reasonCategory: VettingReasonCategory | null;
  removed: boolean;
  replaced: boolean;
  /** 保安管理支队 only. */
  decisionNote: string | null;
  hitCount: number | null;
  reused: boolean;
}

export interface ClearedGuard {
  entryId: string;
  guardName: string;
  idNumber: string;
  companyName: string;
  post: string | null;
}

export interface VettingNotice {
  activity: ActivityEntity;
  tier: VettingTier;
  submitterName: string | null;
  counts: VettingCounts;
  reasonCounts: { reasonCategory: VettingReasonCategory; count: number }[];
  /** Per-guard results: police and the submitter; empty for the organizer. */
  entries: NoticeEntry[];
  clearedRoster: ClearedGuard[];
  issuedAt: Date;
}

/**
 * 审核通报: the one source of the in-app notice, the printable page and the Excel file, cut to the
 * viewer's tier (SPEC §1): the organizer gets counts and the cleared roster; the submitter its own
 * guards' PASSED/FAILED with the reason category; police everything their role allows.
 */
export class VettingNoticeService {
  constructor(
    private readonly ds: DataSource,
    private readonly vetting: VettingService,
    private readonly audit: AuditService,
    /** The app's clock: the notice's 通报时间 is a domain date like the decisions it reports (review 9-C F6). */
    private readonly clock: Clock,
  ) {}

  async summary(actor: Actor, activityId: string): Promise<VettingNotice> {
    const { activity, tier } = await this.vetting.activityFor(actor, activityId);
    const submitterId = activity.securityMode === SecurityMode.SELF_RECRUITED ? activity.organizerUnitId : activity.selectedCompanyId;
    const names = await this.vetting.unitNames([submitterId]);
    const full = seesFullIdNumbers(actor);
    const params: unknown[] = [activity.id];
    let own = '';
    if (tier === VettingTier.SUBMITTER) {
      params.push(registerIdOf(actor));
      own = 'AND re.company_id = $2';
    }
    // Listed per guard: entries on the roster, plus those that failed and were replaced or taken off
    // (marked 已替换/已移出: the company's record of why; vettingCountedExpr).
    const rows: {
      id: string; guard_name: string; id_cipher: string | null; company_name: string; post: string | null; decision: VettingDecision;
      reason_category: VettingReasonCategory | null; state: string; decision_note: string | null; hit_count: number;
      reused_from_entry_id: string | null; replaced: boolean;
    }[] = await this.ds.query(
      `SELECT re.id, g.name AS guard_name, g.id_cipher, u.name AS company_name, re.post, re.decision, re.reason_category, re.state,
              re.decision_note, re.reused_from_entry_id,
              (SELECT count(*)::int FROM vetting_hits h WHERE h.roster_entry_id = re.id) AS hit_count,
              EXISTS (SELECT 1 FROM roster_entries n WHERE n.replaces_entry_id = re.id) AS replaced
         FROM roster_entries re JOIN guards g ON g.id = re.guard_id JOIN units u ON u.id = re.company_id
        WHERE re.activity_id = $1 ${own} AND ${vettingCountedExpr('re')}
        ORDER BY re.state, CASE re.decision WHEN 'FAILED' THEN 0 WHEN 'PENDING' THEN 1 ELSE 2 END, g.name`,
      params,
    );
    const showId = (cipher: string | null) => {
      const id = decryptNullable(cipher);
      return id === null ? ANONYMISED : full ? id : maskIdNumber(id);
    };
    // The notice's figures are the roster's as it stands (overview.sql.ts `onRosterExpr`): 名单 = 通过 +
    // 不通过 + 待审核, what the organizer reads on an official notice about the roster it will receive,
    // and what the vetting page and each activity's row on the home page say. The 不通过原因 counts
    // the same 不通过, so the line beside "不通过0人" never names a reason; a failure replaced or taken
    // off keeps its reason in its own row of the list (review 10 R10-4).
    const counts = await this.vetting.counts(this.ds.manager, activity.id);
    const reasonCounts = new Map<VettingReasonCategory, number>();
    for (const r of rows) {
      if (r.state === 'ACTIVE' && r.decision === VettingDecision.FAILED && r.reason_category) {
        reasonCounts.set(r.reason_category, (reasonCounts.get(r.reason_category) ?? 0) + 1);
      }
    }
    const cleared = rows
      .filter((r) => r.state === 'ACTIVE' && r.decision === VettingDecision.PASSED)
      .map((r) => ({ entryId: r.id, guardName: r.guard_name, idNumber: showId(r.id_cipher), companyName: r.company_name, post: r.post }));
    const entries: NoticeEntry[] =
      tier === VettingTier.ORGANIZER
        ? []
        : rows.map((r) => ({
            entryId: r.id,
            guardName: r.guard_name,
            idNumber: showId(r.id_cipher),
            companyName: r.company_name,
            post: r.post,
            decision: r.decision,
            reasonCategory: r.decision === VettingDecision.PENDING ? null : r.reason_category,
            removed: r.state !== 'ACTIVE',
            replaced: r.replaced,
            decisionNote: tier === VettingTier.DETAIL ? r.decision_note : null,
            hitCount: tier === VettingTier.DETAIL ? r.hit_count : null,
            reused: !!r.reused_from_entry_id,
          }));
    return {
      activity,
      tier,
      submitterName: names.get(submitterId ?? '') ?? null,
      counts,
      reasonCounts: tier === VettingTier.ORGANIZER ? [] : [...reasonCounts].map(([reasonCategory, count]) => ({ reasonCategory, count })),
      entries,
      clearedRoster: cleared,
      issuedAt: this.clock.now(),
    };
  }

  /** The same notice as an .xlsx file; 保安管理支队's copy adds a sheet of record hits (audited). */
  async workbook(actor: Actor, activityId: string): Promise<{ buffer: Buffer; filename: string }> {
    const n = await this.summary(actor, activityId);
    const a = n.activity;
    const wb = new ExcelJS.Workbook();
    wb.creator = '大型活动安保前置审核系统';
    const ws = wb.addWorksheet('审核通报');
    const title = ws.addRow([`关于“${a.name}”保安员背景审核情况的通报`]);
    title.font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, 7);
    ws.addRow([`活动时间：${localDate(a.startsAt)} 至 ${localDate(a.endsAt)}`, '', '', `地点：${a.venue}`]);
    ws.addRow([`主办单位：${a.organizerName}`, '', '', `${a.securityMode === SecurityMode.SELF_RECRUITED ? '自招保安单位' : '保安服务公司'}：${n.submitterName ?? '—'}`]);
    ws.addRow([`安保方式：${securityModeLabels[a.securityMode]}`, '', '', `活动状态：${activityStatusLabels[a.status]}`]);
    ws.addRow([
      `所需保安员${a.guardsRequired}人；名单${n.counts.total}人，审核通过${n.counts.passed}人，不通过${n.counts.failed}人，待审核${n.counts.pending}人`,
    ]);
    if (n.reasonCounts.length) {
      ws.addRow([`不通过原因：${n.reasonCounts.map((r) => `${vettingReasonCategoryLabels[r.reasonCategory]}${r.count}人`).join('，')}`]);
    }
    ws.addRow([`通报时间：${formatStampCN(n.issuedAt)}`]);
    ws.addRow([]);

    const header = (cells: string[]) => {
      const r = ws.addRow(cells);
      r.font = { bold: true };
      r.eachCell((c) => {
        c.border = { bottom: { style: 'thin' } };
      });
    };
    if (n.tier === VettingTier.ORGANIZER) {
      ws.addRow(['审核通过人员名单']).font = { bold: true };
      header(['序号', '姓名', '身份证号', '保安服务公司', '岗位']);
      n.clearedRoster.forEach((g, i) => ws.addRow([i + 1, g.guardName, g.idNumber, g.companyName, g.post ?? '']));
    } else {
      ws.addRow(['逐人审核结果']).font = { bold: true };
      const detail = n.tier === VettingTier.DETAIL;
      header(['序号', '姓名', '身份证号', '单位', '岗位', '审核结论', '原因类别', ...(detail ? ['审核意见', '比中记录数'] : [])]);
      n.entries.forEach((e, i) =>
        ws.addRow([
          i + 1, e.guardName, e.idNumber, e.companyName, e.post ?? '',
          `${vettingDecisionLabels[e.decision]}${e.removed ? (e.replaced ? '（已替换）' : '（已移出）') : ''}`,
          e.reasonCategory ? vettingReasonCategoryLabels[e.reasonCategory] : '',
          ...(detail ? [e.decisionNote ?? '', e.hitCount ?? 0] : []),
        ]),
      );
    }
    ws.columns.forEach((c, i) => {
      c.width = [6, 12, 22, 26, 14, 14, 18, 36, 10][i] ?? 14;
    });

    let hitCount: number | null = null;
    if (n.tier === VettingTier.DETAIL) {
      const hits: { guard_name: string; relation: RelativeRelation | null; subject_name_cipher: string; subject_id_cipher: string; record: { category: RecordCategory; occurredOn: string; source: string } }[] =
        await this.ds.query(
          `SELECT g.name AS guard_name, h.relation, h.subject_name_cipher, h.subject_id_cipher, h.record
             FROM vetting_hits h JOIN roster_entries re ON re.id = h.roster_entry_id JOIN guards g ON g.id = re.guard_id
            WHERE re.activity_id = $1 ORDER BY g.name, h.relation NULLS FIRST`,
          [a.id],
        );
      const hs = wb.addWorksheet('比中记录（内部）');
      hs.addRow(['保安员', '比中对象', '关系', '身份证号', '类别', '发生日期', '来源']).font = { bold: true };
      for (const h of hits) {
        hs.addRow([h.guard_name, decryptPii(h.subject_name_cipher), h.relation ? relativeRelationLabels[h.relation] : '本人', decryptPii(h.subject_id_cipher), recordCategoryLabels[h.record.category] ?? h.record.category, h.record.occurredOn, h.record.source]);
      }
      hs.columns.forEach((c) => {
        c.width = 18;
      });
      hitCount = hits.length;
    }
    // Whole ID numbers (the detachment's copy) and record hits in the file: one READ_DETAIL entry
    // naming the roster entries, never the numbers (the download itself is an EXPORT, auditDownloads).
    const listed = n.tier === VettingTier.ORGANIZER ? n.clearedRoster : n.entries;
    const wholeIds = seesFullIdNumbers(actor) ? listed.filter((e) => e.idNumber !== ANONYMISED).map((e) => e.entryId) : [];
    if (hitCount !== null || wholeIds.length) {
      const contents = [...(wholeIds.length ? [`完整身份证号${wholeIds.length}人`] : []), ...(hitCount !== null ? ['比中记录'] : [])];
      await this.audit.record(this.ds.manager, actor, {
        action: AuditAction.READ_DETAIL,
        entityType: hitCount !== null ? 'VettingHit' : 'Activity',
        entityId: a.id,
        summary: `导出“${a.name}”审核通报（含${contents.join('、')}）`,
        after: { hits: hitCount ?? 0, count: wholeIds.length, rosterEntryIds: wholeIds },
      });
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return { buffer, filename: `审核通报-${a.name}.xlsx` };
  }
}
