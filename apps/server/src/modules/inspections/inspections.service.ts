import { ActivityStatus, activityStatusLabels, AuditAction, InspectionItem, inspectionItemLabels, UnitKind } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { formatCN, formatStampCN } from '../../common/calendar';
import { Clock } from '../../common/clock';
import { Actor } from '../../common/actor';
import { assertNoProblems, badInput, conflict, FieldProblem, forbidden, notFound } from '../../common/errors';
import { idTextView, maskIdNumbersInText } from '../../common/id-text';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { ActivityEntity } from '../activities/activity.entity';
import { toActivityType } from '../activities/activity.derive';
import { ActivityType } from '../activities/activity.types';
import { ACTIVITY_SCOPE_COLUMNS, ActivityScopeColumns, assertCanViewActivity, canViewActivity } from '../activities/activity.policy';
import { ActivityLifecycle, lockActivity } from '../activities/lifecycle';
import { assertBeforeEventEnd, hasEnded } from '../activities/event-window';
import { AuditService, noteWritten } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { seesFullIdNumbers } from '../guards/guard.policy';
import { dutyRowAt, onDutyCount } from '../training/duty-roster';
import { FindingEntity } from './finding.entity';
import { assertSelectedCompanyActive } from '../companies/company-standing';
import { InspectionEntity } from './inspection.entity';
import { CloseActivityInput, FindingType, InspectionType, RecordInspectionInput } from './inspections.types';
import { checkPhoto, FINDING_PHOTO_PATH } from './photo';
import { storedPhoto } from '../../common/image';

/** The checklist an officer fills per guard; UNVETTED_ON_DUTY is decided by the system, not ticked. */
export const CHECKLIST: InspectionItem[] = [
  InspectionItem.UNIFORM,
  InspectionItem.CERTIFICATE,
  InspectionItem.BEARING,
  InspectionItem.DUTY,
  InspectionItem.FORBIDDEN_ACT,
];

/** Serious findings block recommendation until corrected (SPEC §4). */
export const SERIOUS_ITEMS = new Set<InspectionItem>([InspectionItem.FORBIDDEN_ACT, InspectionItem.UNVETTED_ON_DUTY]);

/** How far ahead of the server's clock a device's time may be. */
const CLOCK_SKEW_MS = 10 * 60_000;
/**
 * How long after the close a device that was offline on the day may still send what it recorded
 * before the close (a weekend without signal): later, the 总结 and the company's record stand.
 */
const LATE_SYNC_MS = 72 * 3600_000;
/**
 * How long after the event's planned end (`endsAt`) a check may still be dated: guards stay on post
 * while the crowd leaves (散场) and events overrun a little, and a device's clock may be a few minutes
 * ahead. A later check time is not a check of the event (review 9-C F5: a serious 未经审查人员上岗
 * dated seven weeks after the end counted against the company) and is refused, never clamped. This
 * bounds when a check was MADE (recordedAt); when it is SENT is another matter: a phone offline on the
 * day sends its queue later (while in progress, or within LATE_SYNC_MS of the 总结).
 */
const AFTER_END_MS = 60 * 60_000;

/**
 * A finding as recorded: the person's name, 保安员证 number, post and area are the check's own, kept
 * when it was recorded, never the register's or the 岗位分工's of today (red team F4: a company renamed
 * the guard and moved his area after the event, and the recorded finding followed).
 */
const FINDING_SELECT = `
  SELECT f.id, f.inspection_id AS "inspectionId", f.activity_id AS "activityId", f.company_id AS "companyId",
         c.name AS "companyName", f.guard_id AS "guardId", COALESCE(i.guard_name, i.person_name, '') AS "personName",
         i.certificate_no AS "certificateNo", i.post, i.area, f.item, f.serious, f.note,
         CASE WHEN f.photo IS NOT NULL THEN '${FINDING_PHOTO_PATH}' || f.id END AS "photoUrl", f.recorded_at AS "recordedAt",
         ru.display_name AS "recordedByName", f.corrected_at AS "correctedAt", cu.display_name AS "correctedByName",
         f.correction_note AS "correctionNote"
    FROM findings f
    JOIN inspections i ON i.id = f.inspection_id
    LEFT JOIN companies c ON c.id = f.company_id
    LEFT JOIN users ru ON ru.id = f.recorded_by
    LEFT JOIN users cu ON cu.id = f.corrected_by`;

/** A check as recorded (as FINDING_SELECT): the person, post and area kept with it. */
const INSPECTION_COLUMNS = `i.id, i.activity_id AS "activityId", i.guard_id AS "guardId", COALESCE(i.guard_name, i.person_name, '') AS "personName",
              i.roster_entry_id IS NOT NULL AS "onDutyRoster", i.post, i.area, i.results, i.note,
              i.recorded_at AS "recordedAt", i.received_at AS "receivedAt", u.display_name AS "recordedByName"`;

/**
 * The texts of a check as one reader sees them: the name of a person not on the roster is asked
 * "及证件号", and notes may carry numbers too; ID numbers in them are masked for every reader but
 * 保安管理支队 (common/id-text.ts), on every path that returns them.
 */
function findingFor(actor: Actor) {
  const shown = idTextView(seesFullIdNumbers(actor));
  return (f: FindingType): FindingType => ({ ...f, personName: shown(f.personName), note: shown(f.note), correctionNote: shown(f.correctionNote) });
}

function inspectionFor(actor: Actor) {
  const shown = idTextView(seesFullIdNumbers(actor));
  const finding = findingFor(actor);
  return (i: InspectionType): InspectionType => ({ ...i, personName: shown(i.personName), note: shown(i.note), findings: i.findings.map(finding) });
}

export interface FindingFilter {
  openOnly?: boolean;
  seriousOnly?: boolean;
}

/**
 * Whether a resent check is the stored one: what `record` stores, normalised as it stores it (the
 * photo is kept with the findings only, and is not compared).
 */
function sameCheck(stored: InspectionEntity, input: RecordInspectionInput): boolean {
  const guardId = input.guardId || null;
  const personName = guardId ? null : input.personName?.trim() || null;
  const results = Object.fromEntries(input.results.map((r) => [r.item, r.compliant]));
  const storedResults = stored.results ?? {};
  return (
    stored.guardId === guardId &&
    stored.personName === personName &&
    stored.note === (input.note?.trim() || null) &&
    (!input.post?.trim() || stored.post === input.post.trim()) && // without one, the post comes from the roster
    input.recordedAt instanceof Date &&
    stored.recordedAt.getTime() === input.recordedAt.getTime() &&
    Object.keys(results).length === Object.keys(storedResults).length &&
    Object.entries(results).every(([item, compliant]) => storedResults[item] === compliant)
  );
}

export class InspectionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly lifecycle: ActivityLifecycle,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  private async visibleActivity(actor: Actor, activityId: string, m: EntityManager = this.ds.manager) {
    const activity = await m.findOneBy(ActivityEntity, { id: activityId });
    assertCanViewActivity(actor, activity);
    return activity;
  }

  private async officeUnits(m: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1`, [UnitKind.LEADING_GROUP_OFFICE]);
    return rows.map((r) => r.id);
  }

  /**
   * 现场监管开始: READY → IN_PROGRESS, on the event day only (from `onsite.startLeadHours`, 24 h by
   * default, before the start) until its end, with the on-duty roster still covering the guards required.
   */
  async start(actor: Actor, activityId: string, comment: string | null | undefined): Promise<ActivityType> {
    const leadHours = await this.settings.get('onsite.startLeadHours');
    const activity = await this.ds.transaction(async (m) => {
      const a = await lockActivity(m, activityId);
      assertCanViewActivity(actor, a);
      const now = this.clock.now();
      if (a.status === ActivityStatus.READY) {
        // Supervision of an event that is over would be a 台账 entry for something that never happened on site
        // (review 9-C F1: "started" two weeks after the end): refused, the activity is cancelled with its reason.
        assertBeforeEventEnd(a, now, '开始现场监管');
        await assertSelectedCompanyActive(m, a, '开始现场监管');
        const from = new Date(a.startsAt.getTime() - leadHours * 3600_000);
        if (now < from) {
          throw conflict(`活动${formatCN(a.startsAt)}开始，现场监管最早于开始前${leadHours}小时开始：可于${formatCN(from)}起开始`);
        }
        const count = await onDutyCount(m, a.id);
        if (count < a.guardsRequired) {
          throw conflict(`在岗名单${count}人，不足所需${a.guardsRequired}人，不能开始`);
        }
      }
      return this.lifecycle.transition(m, {
        activity: a,
        to: ActivityStatus.IN_PROGRESS,
        actor,
        // The lead in force is written down when it was used (red team 7 observation: a raised setting let READY
        // activities start days early and nothing on them said so).
        comment: `${comment?.trim() || '活动开始，现场监管'}${startedEarly(a.startsAt, now, leadHours)}`,
        notify: {
          unitIds: [a.selectedCompanyId, a.organizerUnitId].filter((x): x is string => !!x),
          // sent at the server's time, as the transition is dated (review 9-C F6)
          message: { title: `活动开始：${a.name}`, body: '保安管理支队开始现场监管。', link: `/inspections/${a.id}`, at: now },
        },
      });
    });
    return toActivityType(activity, await this.settings.all(), this.clock.now());
  }

  /**
   * 总结: IN_PROGRESS → CLOSED with an evaluation, only after the event has ended. A serious finding
   * left uncorrected needs a written statement of why; it stays in the 台账 and on the overview.
   * The company's performance record follows from the data.
   */
  async close(actor: Actor, activityId: string, input: CloseActivityInput): Promise<ActivityType> {
    const text = input.text?.trim() ?? '';
    const statement = input.uncorrectedStatement?.trim() || null;
    if (!text) throw badInput('请填写总结评价', [{ field: 'text', message: '请填写总结评价' }]);
    const activity = await this.ds.transaction(async (m) => {
      const a = await lockActivity(m, activityId);
      assertCanViewActivity(actor, a);
      const now = this.clock.now();
      if (a.status === ActivityStatus.IN_PROGRESS && !hasEnded(a, now)) {
        throw conflict(`活动${formatCN(a.endsAt)}结束，结束后方可总结：可于${formatCN(a.endsAt)}起总结`);
      }
      const [{ total, open, openSerious }] = await m.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE corrected_at IS NULL)::int AS open,
                count(*) FILTER (WHERE corrected_at IS NULL AND serious)::int AS "openSerious"
           FROM findings WHERE activity_id = $1`,
        [a.id],
      );
      if (a.status === ActivityStatus.IN_PROGRESS && openSerious > 0 && !statement) {
        throw badInput(`有${openSerious}项严重问题尚未纠正，总结须书面说明原因`, [
          { field: 'uncorrectedStatement', message: `有${openSerious}项严重问题尚未纠正，请说明未纠正的原因及后续处理` },
        ]);
      }
      const note = openSerious > 0 ? statement : null;
      return this.lifecycle.transition(m, {
        activity: a,
        to: ActivityStatus.CLOSED,
        actor,
        comment: `总结评价${input.rating}分：${text}${note ? `（严重问题未纠正${openSerious}项，说明：${note}）` : ''}`,
        patch: { evaluationRating: input.rating, evaluationText: text, closeStatement: note },
        notify: {
          unitIds: [a.selectedCompanyId, a.organizerUnitId, ...(await this.officeUnits(m))].filter((x): x is string => !!x),
          message: {
            title: `活动总结：${a.name}`,
            // To the company, the organizer and the office: ID numbers in the officer's words are masked.
            body: maskIdNumbersInText(`评价${input.rating}分。现场检查发现问题${total}起，未纠正${open}起${note ? `（其中严重问题${openSerious}起，说明：${note}）` : ''}。${text}`),
            link: `/timeline/${a.id}`,
            at: now,
          },
        },
      });
    });
    return toActivityType(activity, await this.settings.all(), this.clock.now());
  }

  private async loadInspection(m: EntityManager, actor: Actor, id: string): Promise<InspectionType | null> {
    const [row] = await m.query(
      `SELECT ${INSPECTION_COLUMNS}
         FROM inspections i LEFT JOIN users u ON u.id = i.recorded_by
        WHERE i.id = $1`,
      [id],
    );
    if (!row) return null;
    const findings: FindingType[] = await m.query(`${FINDING_SELECT} WHERE f.inspection_id = $1 ORDER BY f.item`, [id]);
    return inspectionFor(actor)({ ...row, results: toResults(row.results), findings });
  }

  /**
   * Records one check. Idempotent on the client's id: a resend returns what is stored and creates
   * nothing. A person who is not on the on-duty roster is a serious 未经审查人员上岗 finding.
   */
  async record(actor: Actor, input: RecordInspectionInput): Promise<InspectionType> {
    // A check is recorded in the name of who made it: a device's outbox says whose it is.
    if (input.recordedBy && input.recordedBy !== actor.id) {
      throw forbidden('该记录由本机上的另一账号离线登记，须由登记人本人登录后发送');
    }
    const existing = await this.ds.manager.findOneBy(InspectionEntity, { id: input.id });
    if (existing) return this.storedResend(actor, existing, input);

    const problems: FieldProblem[] = [];
    const guardId = input.guardId || null;
    const personName = input.personName?.trim() || null;
    if (!guardId && !personName) problems.push({ field: 'guardId', message: '请选择被检查的保安员，或填写未在名单中人员的姓名' });
    if (guardId && personName) problems.push({ field: 'personName', message: '已选择保安员时不填写人员姓名' });
    const recordedAt = input.recordedAt;
    if (!(recordedAt instanceof Date) || Number.isNaN(recordedAt.getTime())) {
      problems.push({ field: 'recordedAt', message: '检查时间无效' });
    } else if (recordedAt.getTime() > this.clock.now().getTime() + CLOCK_SKEW_MS) {
      problems.push({ field: 'recordedAt', message: '检查时间晚于当前时间，请校准设备时间' });
    }
    const seen = new Set<InspectionItem>();
    input.results.forEach((r, i) => {
      if (!CHECKLIST.includes(r.item)) {
        problems.push({ field: `results.${i}.item`, message: `“${inspectionItemLabels[r.item]}”由系统判定，不在检查表中` });
      }
      if (seen.has(r.item)) problems.push({ field: `results.${i}.item`, message: `“${inspectionItemLabels[r.item]}”重复` });
      seen.add(r.item);
      // A non-compliance is described (its own note, or the inspection's note).
      if (!r.compliant && !r.note?.trim() && !input.note?.trim()) {
        problems.push({ field: `results.${i}.note`, message: `“${inspectionItemLabels[r.item]}”不合格，请填写问题说明` });
      }
    });
    if (input.photo) {
      const p = checkPhoto(input.photo);
      if (p) problems.push(p);
    }
    assertNoProblems(problems, '检查记录有误');

    const storedId = await this.ds.transaction(async (m) => {
      // Shared with other checks, exclusive with the 总结 (which locks the row): a check and the close
      // of its activity are decided one after the other, never both on what the other has not seen.
      const activity = await m.findOne(ActivityEntity, { where: { id: input.activityId }, lock: { mode: 'pessimistic_read' } });
      assertCanViewActivity(actor, activity);
      // An activity cancelled while in progress (SPEC §2: any state before CLOSED) takes the checks a phone made
      // before the cancel as a closed one does (review 7-B F4: they were refused for good, "nothing lost").
      let cancelledAt: Date | null = null;
      if (activity.status === ActivityStatus.CANCELLED && activity.startedAt) {
        const [row]: { at: Date }[] = await m.query(
          `SELECT at FROM activity_transitions WHERE activity_id = $1 AND to_status = 'CANCELLED' ORDER BY at DESC LIMIT 1`,
          [activity.id],
        );
        cancelledAt = row?.at ?? null;
      }
      const endedAt = activity.status === ActivityStatus.CLOSED ? activity.closedAt : cancelledAt;
      const lateSync = !!endedAt && recordedAt <= endedAt && this.clock.now().getTime() <= endedAt.getTime() + LATE_SYNC_MS;
      if (activity.status === ActivityStatus.CLOSED && activity.closedAt && !lateSync) {
        throw conflict(`活动已于${formatCN(activity.closedAt)}总结：只有总结前登记、总结后${LATE_SYNC_MS / 3600_000}小时内送达的现场检查记录可以补录`);
      }
      if (activity.status !== ActivityStatus.IN_PROGRESS && !lateSync) {
        throw conflict(`活动当前状态为“${activityStatusLabels[activity.status]}”，只有进行中的活动可以登记现场检查`);
      }
      // A check is made on site, after the start: an earlier time is a device clock that is wrong.
      if (activity.startedAt && recordedAt.getTime() < activity.startedAt.getTime() - CLOCK_SKEW_MS) {
        const message = `检查时间${formatCN(recordedAt)}早于现场监管开始时间${formatCN(activity.startedAt)}，请校准设备时间`;
        throw badInput(message, [{ field: 'recordedAt', message }]);
      }
      // ...and during the event: a check time past its end (and 散场) is not one of this event's checks,
      // whenever it is sent; before the 总结 nothing else would stop it (review 9-C F5).
      if (recordedAt.getTime() > activity.endsAt.getTime() + AFTER_END_MS) {
        const message = `检查时间${formatCN(recordedAt)}晚于活动结束时间${formatCN(activity.endsAt)}，不能登记`;
        throw badInput(message, [{ field: 'recordedAt', message }]);
      }
      // Stamped on the server's clock, as every date rule is (review 9-C F6): the column default (the
      // database's now()) is another clock under a moved test clock or a skewed database host, and the
      // 台账 and lists would show a receipt from it.
      const receivedAt = this.clock.now();
      let guardName = personName ?? '';
      // A finding is the activity's company's (who it put on duty), whoever's register the person is on.
      let companyId: string | null = activity.selectedCompanyId;
      let rosterEntryId: string | null = null;
      let post = input.post?.trim() || null;
      let area: string | null = null;
      let certificateNo: string | null = null;
      if (guardId) {
        const [guard] = await m.query(`SELECT id, name, certificate_no FROM guards WHERE id = $1`, [guardId]);
        if (!guard) throw badInput('被检查的保安员不存在', [{ field: 'guardId', message: '保安员不存在' }]);
        guardName = guard.name;
        certificateNo = guard.certificate_no;
        // judged against the roster as it stood when the check was made, not when it arrived
        const duty = await dutyRowAt(m, activity.id, guardId, recordedAt);
        if (duty) {
          rosterEntryId = duty.rosterEntryId;
          companyId = duty.companyId;
          post = post ?? duty.post;
          area = duty.area;
        }
      }
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(InspectionEntity)
        .values({
          id: input.id,
          activityId: activity.id,
          guardId,
          rosterEntryId,
          personName: guardId ? null : personName,
          // as found: the register and the 岗位分工 may change later, what was recorded does not (red team F4)
          guardName: guardId ? guardName : null,
          certificateNo,
          area,
          post,
          results: Object.fromEntries(input.results.map((r) => [r.item, r.compliant])),
          note: input.note?.trim() || null,
          recordedBy: actor.id,
          recordedAt,
          receivedAt,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      // A concurrent resend of the same id got there first: nothing more to do.
      if ((inserted.raw as unknown[]).length === 0) return null;

      const findings: Partial<FindingEntity>[] = [];
      const base = {
        inspectionId: input.id,
        activityId: activity.id,
        companyId,
        guardId,
        photo: input.photo ? storedPhoto(input.photo) : null,
        recordedBy: actor.id,
        recordedAt,
        createdAt: receivedAt,
      };
      if (!rosterEntryId) {
        findings.push({
          ...base,
          item: InspectionItem.UNVETTED_ON_DUTY,
          serious: true,
          note: `${guardName}不在在岗名单中（未经审查或未经培训合格）${input.note?.trim() ? `；${input.note.trim()}` : ''}`,
        });
      }
      for (const r of input.results.filter((x) => !x.compliant)) {
        findings.push({ ...base, item: r.item, serious: SERIOUS_ITEMS.has(r.item), note: r.note?.trim() || input.note?.trim() || null });
      }
      // The photo is evidence of a problem and is kept with the findings: a check with none has nowhere to keep it,
      // and is refused rather than stored without it while the answer and the audit said "(照片)" (review 7-B F7).
      if (input.photo && !findings.length) {
        const message = '照片随问题登记：本次检查各项合格、没有问题，请删除照片后提交';
        throw badInput(message, [{ field: 'photo', message }]);
      }
      if (findings.length) await m.insert(FindingEntity, findings);
      // A serious problem arriving after the 总结 (a device that was offline) changes what it was made on
      // (review 5 B-F1): the office, the detachment and the company are told, so that the evaluation can
      // be reconsidered and the problem corrected; the check's receivedAt shows it came after.
      const serious = findings.filter((f) => f.serious);
      if (lateSync && serious.length) {
        const watchers: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind IN ('LEADING_GROUP_OFFICE', 'SECURITY_DETACHMENT')`);
        // the organizer too: it was told the close's figures ("未纠正0起"), which this changes (review 7-B F1)
        const ended = activity.status === ActivityStatus.CLOSED ? '总结' : '取消';
        await this.lifecycle.notifications.notify(m, [...watchers.map((u) => u.id), ...(companyId ? [companyId] : []), ...(activity.organizerUnitId ? [activity.organizerUnitId] : [])], {
          title: `${ended}后补录严重问题：${activity.name}`,
          body: `活动已于${formatCN(endedAt!)}${ended}；${formatCN(recordedAt)}的现场检查（离线登记，${ended}后送达）发现严重问题${serious.length}起：${
            serious.map((f) => inspectionItemLabels[f.item!]).join('、')}。${ended === '总结' ? '请核对总结评价，并督促纠正。' : '请督促纠正。'}`,
          link: `/inspections/${activity.id}`,
          activityId: activity.id,
          at: receivedAt,
        });
      }
      // The audit log is read by others than 保安管理支队 (the office, the auditor) and is kept for ever
      // (append-only): the person checked is there by reference (the check's id, the guard's id), never by
      // name; the name of a person found off the register stays in the check, where retention removes it.
      // The notes, which may name people, by their length only (`noteWritten`); the check itself keeps them.
      const { personName: _personName, ...checked } = input;
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'Inspection',
        entityId: input.id,
        summary: `现场检查：活动“${activity.name}”，${guardId ? '在册保安员' : '未在册人员'}1人${findings.length ? `，发现问题：${findings.map((f) => inspectionItemLabels[f.item!]).join('、')}` : '，符合要求'}`,
        after: {
          ...checked, guardId: guardId ?? null, rosterEntryId, offRegister: !guardId, note: noteWritten(input.note), results: input.results.map((r) => ({ ...r, note: noteWritten(r.note) })),
          photo: input.photo ? '(照片)' : null, findings: findings.map((f) => f.item),
        },
      });
      return input.id;
    });
    const stored = storedId ? null : await this.ds.manager.findOneBy(InspectionEntity, { id: input.id });
    if (stored) return this.storedResend(actor, stored, input);
    return (await this.loadInspection(this.ds.manager, actor, input.id))!;
  }

  /**
   * A check id sent again: the answer of a resend (a dead zone lost the first answer) is the stored
   * check, but only for the same check: the same officer, activity, person, results, note and time.
   * Anything else reusing the id is refused and changes nothing: the sender must not believe that
   * what it sent was recorded when something else was.
   */
  private async storedResend(actor: Actor, stored: InspectionEntity, input: RecordInspectionInput): Promise<InspectionType> {
    await this.visibleActivity(actor, stored.activityId);
    if (stored.activityId !== input.activityId) {
      throw conflict('该检查编号已用于其他活动的检查记录');
    }
    if (stored.recordedBy !== actor.id) {
      throw conflict('该检查编号已用于另一账号登记的检查记录，未重复登记');
    }
    if (!sameCheck(stored, input)) {
      throw conflict(`该检查编号已用于${formatCN(stored.recordedAt)}登记的另一条检查记录（内容不同），未重复登记`);
    }
    // The photo goes with the findings: a resend that brings one the stored findings lack (or lacks
    // theirs), or another picture, is another record, not the same one; saying "recorded" would lose the
    // picture. Each finding's note too (red team 6, N1: a changed note or photo was answered "recorded"
    // and dropped). The photo as it would be stored (its metadata stripped) is the stored one, byte for byte.
    const findings: { item: string | null; note: string | null; photo: string | null }[] = await this.ds.query(
      `SELECT item, note, photo FROM findings WHERE inspection_id = $1`,
      [stored.id],
    );
    const photos = findings.filter((f) => f.photo).length;
    const resentPhoto = input.photo ? storedPhoto(input.photo) : null;
    if (findings.length > 0 && (findings.some((f) => f.photo !== resentPhoto))) {
      throw conflict(
        photos > 0 && resentPhoto
          ? `该检查编号已用于${formatCN(stored.recordedAt)}登记的检查记录，重发的照片不同，未重复登记；另一张照片请另行登记一条检查记录`
          : `该检查编号已用于${formatCN(stored.recordedAt)}登记的检查记录（${photos > 0 ? '带照片' : '不带照片'}），重发的内容不同，未重复登记；补充照片请另行登记一条检查记录`,
      );
    }
    const noteOf = new Map(findings.filter((f) => f.item).map((f) => [f.item!, f.note]));
    const notesDiffer = input.results
      .filter((r) => !r.compliant)
      .some((r) => noteOf.get(r.item) !== (r.note?.trim() || input.note?.trim() || null));
    if (notesDiffer) throw conflict(`该检查编号已用于${formatCN(stored.recordedAt)}登记的另一条检查记录（问题说明不同），未重复登记`);
    return (await this.loadInspection(this.ds.manager, actor, stored.id))!;
  }

  /** 纠正: a finding is marked corrected once, with who and when; nothing is overwritten. */
  async correct(actor: Actor, findingId: string, note: string, correctedAt: Date | null | undefined): Promise<FindingType> {
    const text = note?.trim() ?? '';
    const when = correctedAt ?? this.clock.now();
    const problems: FieldProblem[] = [];
    if (!text) problems.push({ field: 'note', message: '请填写纠正情况' });
    if (text.length > 1000) problems.push({ field: 'note', message: '纠正情况不超过1000字' });
    if (Number.isNaN(when.getTime())) problems.push({ field: 'correctedAt', message: '纠正时间无效' });
    else if (when.getTime() > this.clock.now().getTime() + CLOCK_SKEW_MS) problems.push({ field: 'correctedAt', message: '纠正时间晚于当前时间' });
    assertNoProblems(problems, '纠正登记有误');
    await this.ds.transaction(async (m) => {
      const finding = await m
        .getRepository(FindingEntity)
        .createQueryBuilder('f')
        .setLock('pessimistic_write')
        .where('f.id = :id', { id: findingId })
        .getOne();
      if (!finding) throw notFound('问题');
      const activity = await m.findOneBy(ActivityEntity, { id: finding.activityId });
      assertCanViewActivity(actor, activity);
      // Cancelled on the day, the findings keep their correction loop: an uncorrected serious finding
      // bars the company from every recommendation (SPEC §4), and nothing else would ever clear it.
      // After the 总结, a correction is dated after it (the company put it right since), unless a device
      // offline on the day sends one made before it within the late-sync window.
      if (activity.status === ActivityStatus.CLOSED && activity.closedAt && when < activity.closedAt &&
          this.clock.now().getTime() > activity.closedAt.getTime() + LATE_SYNC_MS) {
        const message = `活动已于${formatCN(activity.closedAt)}总结，总结后登记的纠正时间不能早于总结时间`;
        throw badInput(message, [{ field: 'correctedAt', message }]);
      }
      if (finding.correctedAt) {
        throw conflict(`该问题已于${formatStampCN(finding.correctedAt)}登记纠正`);
      }
      if (when < finding.recordedAt) {
        throw badInput('纠正时间不能早于发现时间', [{ field: 'correctedAt', message: '纠正时间不能早于发现时间' }]);
      }
      await m.update(FindingEntity, { id: findingId }, { correctedAt: when, correctedBy: actor.id, correctionNote: text });
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'Finding',
        entityId: findingId,
        summary: `纠正问题：活动“${activity.name}”，${inspectionItemLabels[finding.item]}`,
        // Not the finding's note: one of 未经审查人员上岗 names the person found (the finding keeps it, by its id here).
        before: { ...finding, note: undefined, photo: finding.photo ? '(照片)' : null },
        after: { correctedAt: when, correctionNote: noteWritten(text) },
      });
    });
    const [row] = await this.ds.query(`${FINDING_SELECT} WHERE f.id = $1`, [findingId]);
    return findingFor(actor)(row);
  }

  /** The photo of a finding, to whoever may read the findings of its activity. */
  async findingPhoto(actor: Actor, findingId: string): Promise<string> {
    const [row]: (ActivityScopeColumns & { photo: string | null })[] = await this.ds.query(
      `SELECT ${ACTIVITY_SCOPE_COLUMNS}, f.photo FROM findings f JOIN activities a ON a.id = f.activity_id WHERE f.id = $1`,
      [findingId],
    );
    // One answer for a photo that does not exist and one the actor may not see (no existence oracle);
    // the latter audited as a permission denial (auditDownloads).
    if (!row?.photo) throw notFound('照片');
    if (!canViewActivity(actor, row)) throw notFound('照片', { denied: true });
    return row.photo;
  }

  async findings(actor: Actor, activityId: string, filter: FindingFilter = {}, page?: PageInput): Promise<Page<FindingType>> {
    await this.visibleActivity(actor, activityId);
    const w = pageWindow(page);
    const where = [
      'f.activity_id = $1',
      filter.openOnly ? 'f.corrected_at IS NULL' : null,
      filter.seriousOnly ? 'f.serious' : null,
    ].filter(Boolean).join(' AND ');
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM findings f WHERE ${where}`, [activityId]);
    const items: FindingType[] = await this.ds.query(
      `${FINDING_SELECT} WHERE ${where} ORDER BY f.recorded_at DESC, f.id LIMIT $2 OFFSET $3`,
      [activityId, w.take, w.skip],
    );
    return { items: items.map(findingFor(actor)), total, page: w.page, pageSize: w.pageSize };
  }

  async inspections(actor: Actor, activityId: string, page?: PageInput): Promise<Page<InspectionType>> {
    await this.visibleActivity(actor, activityId);
    const w = pageWindow(page);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM inspections WHERE activity_id = $1`, [activityId]);
    const rows = await this.ds.query(
      `SELECT ${INSPECTION_COLUMNS}
         FROM inspections i LEFT JOIN users u ON u.id = i.recorded_by
        WHERE i.activity_id = $1 ORDER BY i.recorded_at DESC, i.id LIMIT $2 OFFSET $3`,
      [activityId, w.take, w.skip],
    );
    const ids = rows.map((r: { id: string }) => r.id);
    const findings: FindingType[] = ids.length
      ? await this.ds.query(`${FINDING_SELECT} WHERE f.inspection_id = ANY($1::uuid[]) ORDER BY f.item`, [ids])
      : [];
    const view = inspectionFor(actor);
    const items = rows.map((r: InspectionType & { results: Record<string, boolean> }) => view({
      ...r,
      results: toResults(r.results as unknown as Record<string, boolean>),
      findings: findings.filter((f) => f.inspectionId === r.id),
    }));
    return { items, total, page: w.page, pageSize: w.pageSize };
  }
}

function toResults(results: Record<string, boolean>) {
  return Object.entries(results ?? {}).map(([item, compliant]) => ({ item: item as InspectionItem, compliant }));
}

/**
 * Said on the start's transition when supervision began before the event did: how long before, and the
 * setting that allowed it (onsite.startLeadHours), so the timeline shows a start under a raised lead.
 */
export function startedEarly(startsAt: Date, now: Date, leadHours: number): string {
  const before = startsAt.getTime() - now.getTime();
  if (before <= 0) return '';
  const hours = Math.round((before / 3600_000) * 10) / 10;
  return `（活动开始前${hours}小时开始；“现场监管最早开始（开始前）”设置为${leadHours}小时）`;
}
