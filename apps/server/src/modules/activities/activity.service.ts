import { ActivityStatus, activityStatusLabels, AuditAction, formulaLikeProblem, SecurityMode, UnitKind } from '@evs/schema';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { formatCN } from '../../common/calendar';
import { Clock } from '../../common/clock';
import { Actor } from '../../common/actor';
import { assertNoProblems, badInput, conflict, FieldProblem, forbidden, violatedUnique } from '../../common/errors';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { UnitEntity } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { ActivityEntity, SecurityPlan } from './activity.entity';
import { localDate } from '../../common/calendar';
import { approvedAgeLimits, permitTierOf, suggestedGuardsFor, toActivityType } from './activity.derive';
import { activityColumnsFor } from './activity.columns';
import { InstructionAssessment, InstructionRequestEntity } from './instruction-request.entity';
import { activityScope, assertCanCancel, assertCanRegisterIn, assertCanViewActivity, assertMayCancelActivities, isReporterSide } from './activity.policy';
import { ActivityFilterInput, ActivityInput, ActivityType, InstructionRequestInput } from './activity.types';
import { ActivityLifecycle, lockActivity, lockVisibleActivity } from './lifecycle';
import { ActivityTransitionEntity } from './transition.entity';
import { assertBeforeEventStart, hasEnded, hasStarted } from './event-window';
import { bindPredicate, containsPattern, EVERY_ROW } from '../../common/sql-predicate';
import { EntityRows, pageWithTotalRow, SqlParams } from '../../database/prepared';
import { stageDaysOf } from '../deadlines/stages';

const trimOrNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/**
 * One activity registered once (red team F5, G3; migration RegisteredOnceNormalized): among activities
 * not cancelled, whoever registered them, one per district, name, venue and start, the name and venue
 * compared as the database's `activity_registration_text` gives them (NFKC, no whitespace, ASCII
 * letters in lower case) and the start to the minute (`activity_registration_minute`). The check below
 * and the unique index use those same functions: one definition of "the same activity".
 */
const REGISTRATION_INDEX = 'uq_activities_registration';
type RegistrationKey = Pick<ActivityEntity, 'district' | 'name' | 'venue' | 'startsAt'>;
type Registered = { code: string; reporterUnitId: string; reporterUnitName: string };

/** The activity not cancelled that is already registered under `key` (other than `exceptId`), or null. */
async function registeredAs(m: EntityManager, key: RegistrationKey, exceptId: string | null = null): Promise<Registered | null> {
  const [row]: { code: string; reporter_unit_id: string; unit_name: string | null }[] = await m.query(
    `SELECT a.code, a.reporter_unit_id, u.name AS unit_name FROM activities a LEFT JOIN units u ON u.id = a.reporter_unit_id
      WHERE a.district = $1 AND activity_registration_text(a.name) = activity_registration_text($2)
        AND activity_registration_text(a.venue) = activity_registration_text($3)
        AND activity_registration_minute(a.starts_at) = activity_registration_minute($4)
        AND a.status <> 'CANCELLED' AND ($5::uuid IS NULL OR a.id <> $5)
      ORDER BY a.code LIMIT 1`,
    [key.district, key.name, key.venue, key.startsAt, exceptId],
  );
  return row ? { code: row.code, reporterUnitId: row.reporter_unit_id, reporterUnitName: row.unit_name ?? '登记单位不明' } : null;
}

/**
 * A second registration of one activity (red team F5: ten identical createActivity at once made ten
 * activities; G3: the same one typed with other spaces, letters or seconds, or by another police unit):
 * CONFLICT naming the one registered and its reporting unit, whether found first or decided by the unique index.
 * `unitId`: the unit registering or correcting it (told to open the activity if its own, else to ask the unit that registered it).
 */
const registeredTwice = (existing: Registered | null, unitId: string) =>
  conflict(
    `已登记同一活动（${existing ? `编号${existing.code}，${existing.reporterUnitName}登记` : '编号见活动列表'}）：` +
      '同一辖区内名称、场所和开始时间相同的活动只登记一次（名称和场所不计空格、大小写和全角半角，开始时间精确到分钟），请勿重复登记；' +
      (existing && existing.reporterUnitId !== unitId ? `如有出入，请与${existing.reporterUnitName}核实` : '如需修改，请打开该活动'),
  );

/** 大型活动: registration, reporting (通报), the leader's 批示, cancellation, lists. */
const DAY_MS = 86_400_000;
/** How far ahead an activity may be registered, and an application lie before it: two years. */
const MAX_LEAD_DAYS = 730;
/** The longest activity one registration covers (a longer one is applied for in stages). */
const MAX_DURATION_DAYS = 90;
const MIN_DURATION_MS = 30 * 60_000;
/**
 * Times are whole minutes, as the form shows them: one with seconds is refused, not cut (red team G3:
 * 01:00:30.123 was another start than 01:00, so the same activity registered twice).
 */
const MINUTE_MS = 60_000;

export class ActivityService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly units: UnitsService,
    private readonly lifecycle: ActivityLifecycle,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** How a list page's rows become entities (hand-written SQL, prepared.ts). */
  private get activityRows(): EntityRows<ActivityEntity> {
    return (this.rowsOfActivities ??= new EntityRows(this.ds, ActivityEntity, 'a'));
  }
  private get unitRows(): EntityRows<UnitEntity> {
    return (this.rowsOfUnits ??= new EntityRows(this.ds, UnitEntity, 'ru'));
  }
  private rowsOfActivities?: EntityRows<ActivityEntity>;
  private rowsOfUnits?: EntityRows<UnitEntity>;

  async view(a: ActivityEntity): Promise<ActivityType> {
    return toActivityType(a, await this.settings.all(), this.clock.now());
  }

  async get(actor: Actor, id: string): Promise<ActivityType> {
    const a = await this.ds.getRepository(ActivityEntity).findOneBy({ id });
    assertCanViewActivity(actor, a);
    return this.view(a);
  }

  /** The entity itself, after the row rule (for other modules' services). */
  async getEntity(actor: Actor, id: string, m: EntityManager = this.ds.manager): Promise<ActivityEntity> {
    const a = await m.getRepository(ActivityEntity).findOneBy({ id });
    assertCanViewActivity(actor, a);
    return a;
  }

  /**
   * `fields`: what the query selects under `items` (common/selection.ts); the page then reads only
   * the columns those need (activity.columns.ts). Without it, whole rows.
   */
  async list(actor: Actor, filter: ActivityFilterInput = {}, page?: PageInput, fields?: ReadonlySet<string>): Promise<Page<ActivityType>> {
    const w = pageWindow(page);
    // Hand-written SQL on the hot path (issue 15); the row rule is the policy's own predicate.
    const params = new SqlParams();
    const bind = params.bind;
    const where: string[] = [];
    const scope = activityScope(actor, 'a');
    if (scope !== EVERY_ROW) where.push(bindPredicate(scope, bind));
    if (filter.status?.length) where.push(`a.status = ANY(${bind(filter.status)}::activity_status[])`);
    if (filter.district) where.push(`a.district = ${bind(filter.district)}`);
    if (filter.securityMode) where.push(`a.security_mode = ${bind(filter.securityMode)}`);
    if (filter.from) where.push(`a.starts_at >= ${bind(filter.from)}`);
    if (filter.to) where.push(`a.starts_at < ${bind(filter.to)}`);
    if (filter.search?.trim()) {
      const s = bind(containsPattern(filter.search.trim()));
      where.push(`(a.name ILIKE ${s} OR a.code ILIKE ${s} OR a.venue ILIKE ${s} OR a.organizer_name ILIKE ${s})`);
    }
    // The reporting unit and the selected company's name come with the page (what every list shows),
    // not from two loader statements after it; the total in the same statement.
    const activityColumns = this.activityRows.columns(fields ? activityColumnsFor(fields, (name) => this.activityRows.has(name)) : null);
    const unitColumns = this.unitRows.columns(null);
    const [{ rows, total }, settings] = await Promise.all([
      pageWithTotalRow<Record<string, unknown>>(this.ds, {
        select: `${this.activityRows.selectList(activityColumns)}, ${this.unitRows.selectList(unitColumns)}, sc.name AS selected_company_name`,
        from: 'activities a',
        joins: 'LEFT JOIN units ru ON ru.id = a.reporter_unit_id LEFT JOIN companies sc ON sc.id = a.selected_company_id',
        where,
        params,
        orderBy: 'a.starts_at ASC, a.code ASC',
        take: w.take,
        skip: w.skip,
      }),
      this.settings.all(),
    ]);
    const now = this.clock.now();
    const items = rows.map((row) => {
      const view = toActivityType(this.activityRows.hydrate(row, activityColumns)!, settings, now);
      view.reporterUnitRow = this.unitRows.hydrate(row, unitColumns) ?? undefined;
      view.selectedCompanyName = row.selected_company_name as string | null;
      return view;
    });
    return { items, total, page: w.page, pageSize: w.pageSize };
  }

  transitionsOf(activityIds: readonly string[]): Promise<ActivityTransitionEntity[]> {
    return this.ds.getRepository(ActivityTransitionEntity).find({
      where: { activityId: In([...activityIds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  /** Field-level checks a decorator cannot express; returns the normalized row values. */
  private async validate(m: EntityManager, input: ActivityInput): Promise<Partial<ActivityEntity>> {
    const problems: FieldProblem[] = [];
    const start = new Date(input.startsAt);
    const end = new Date(input.endsAt);
    const now = this.clock.now();
    if (Number.isNaN(start.getTime())) problems.push({ field: 'startsAt', message: '开始时间无效' });
    else if (start.getTime() % MINUTE_MS !== 0) problems.push({ field: 'startsAt', message: '开始时间精确到分钟，不含秒' });
    else if (hasStarted({ startsAt: start }, now)) problems.push({ field: 'startsAt', message: `开始时间${formatCN(start)}已过，不能登记已开始的活动` });
    if (Number.isNaN(end.getTime())) problems.push({ field: 'endsAt', message: '结束时间无效' });
    else if (end.getTime() % MINUTE_MS !== 0) problems.push({ field: 'endsAt', message: '结束时间精确到分钟，不含秒' });
    if (!problems.length && end <= start) problems.push({ field: 'endsAt', message: '结束时间应晚于开始时间' });
    // Plausible dates (a typed 9999, a ten-year event, an application of 1950): refused, naming the bound.
    if (!problems.length && start.getTime() > now.getTime() + MAX_LEAD_DAYS * DAY_MS) {
      problems.push({ field: 'startsAt', message: `开始时间不能晚于${localDate(new Date(now.getTime() + MAX_LEAD_DAYS * DAY_MS))}（两年内），请核对` });
    }
    // A large event lasts at least half an hour: an end a millisecond after the start is a typo (review 5 C-12).
    if (!problems.length && end.getTime() - start.getTime() < MIN_DURATION_MS) {
      problems.push({ field: 'endsAt', message: '活动持续时间不足30分钟，请核对结束时间' });
    }
    if (!problems.length && end.getTime() - start.getTime() > MAX_DURATION_DAYS * DAY_MS) {
      problems.push({ field: 'endsAt', message: `活动持续时间不能超过${MAX_DURATION_DAYS}天，请核对结束时间或分期申请` });
    }
    const applied = new Date(`${input.appliedOn}T00:00:00+08:00`);
    if (Number.isNaN(applied.getTime()) || localDate(applied) !== input.appliedOn) {
      problems.push({ field: 'appliedOn', message: '受理日期无效' });
    } else if (!Number.isNaN(start.getTime()) && input.appliedOn > localDate(start)) {
      problems.push({ field: 'appliedOn', message: '受理日期不能晚于活动开始日期' });
    } else if (input.appliedOn > localDate(now)) {
      problems.push({ field: 'appliedOn', message: '受理日期不能晚于今天' });
    } else if (!Number.isNaN(start.getTime()) && applied.getTime() < start.getTime() - MAX_LEAD_DAYS * DAY_MS) {
      problems.push({ field: 'appliedOn', message: '受理日期早于活动开始两年以上，请核对' });
    }
    if (input.guardsRequired > input.expectedAttendance) {
      problems.push({ field: 'guardsRequired', message: `所需保安员${input.guardsRequired}人多于预计每场人数${input.expectedAttendance}人，请核对` });
    }
    if (input.plan?.venueCapacity && input.expectedAttendance > input.plan.venueCapacity) {
      problems.push({ field: 'expectedAttendance', message: `预计人数超过场所核定容量${input.plan.venueCapacity}人` });
    }
    const minAge = await this.settings.get('guard.minAge', m);
    if (input.ageLimit != null && input.ageLimit < minAge) {
      problems.push({ field: 'ageLimit', message: `年龄上限不能低于年龄下限${minAge}岁` });
    }
    let organizerName = input.organizerName.trim();
    if (input.organizerUnitId) {
      // FOR SHARE until the activity is stored (red team 7, M1): a merge or a deactivation of the organizer (which take
      // its row FOR UPDATE) comes wholly before, and this is refused, or wholly after, and moves or counts the activity.
      const unit = await organizerForShare(m, input.organizerUnitId);
      if (!unit || unit.kind !== UnitKind.ORGANIZER) {
        problems.push({ field: 'organizerUnitId', message: '所选主办单位不存在' });
      } else if (!unit.active) {
        problems.push({ field: 'organizerUnitId', message: `主办单位“${unit.name}”已停用${unit.mergedIntoId ? '（已并入其他单位）' : ''}，请重新选择` });
      } else if (!organizerName) {
        organizerName = unit.name;
      }
    }
    assertNoProblems(problems, '活动信息有误');
    const plan: SecurityPlan = {};
    for (const [k, v] of Object.entries(input.plan ?? {})) {
      if (v === null || v === undefined || v === '') continue;
      (plan as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
    }
    return {
      name: input.name.trim(),
      type: input.type.trim(),
      organizerUnitId: input.organizerUnitId ?? null,
      organizerName,
      undertakerName: trimOrNull(input.undertakerName),
      venue: input.venue.trim(),
      address: input.address.trim(),
      district: input.district,
      startsAt: start,
      endsAt: end,
      appliedOn: input.appliedOn,
      expectedAttendance: input.expectedAttendance,
      guardsRequired: input.guardsRequired,
      securityMode: input.securityMode,
      contactName: input.contactName.trim(),
      contactPhone: input.contactPhone.trim(),
      ageLimit: input.ageLimit ?? null,
      plan,
    };
  }

  private async nextCode(m: EntityManager, at: Date): Promise<string> {
    await m.query('SELECT pg_advisory_xact_lock(7700100)');
    const year = localDate(at).slice(0, 4);
    const [row] = await m.query(
      `SELECT coalesce(max(substring(code from 6)::int), 0) + 1 AS next FROM activities WHERE code LIKE $1`,
      [`${year}-%`],
    );
    return `${year}-${String(row.next).padStart(4, '0')}`;
  }

  async create(actor: Actor, input: ActivityInput): Promise<ActivityType> {
    assertCanRegisterIn(actor, input.district);
    let key: RegistrationKey | null = null;
    const saved = await this.ds.transaction(async (m) => {
      const values = await this.validate(m, input);
      const code = await this.nextCode(m, this.clock.now());
      // after nextCode's lock, which orders registrations: an identical one committed before is seen here
      const registration = { district: values.district!, name: values.name!, venue: values.venue!, startsAt: values.startsAt! };
      key = registration;
      const existing = await registeredAs(m, registration);
      if (existing) throw registeredTwice(existing, actor.unitId);
      const row = await m.save(
        ActivityEntity,
        m.create(ActivityEntity, {
          ...values,
          code,
          status: ActivityStatus.DRAFT,
          reporterUnitId: actor.unitId,
          createdBy: actor.id,
        }),
      );
      await m.insert(ActivityTransitionEntity, {
        activityId: row.id,
        fromStatus: null,
        toStatus: ActivityStatus.DRAFT,
        actorId: actor.id,
        actorName: `${actor.displayName}（${actor.unitName}）`,
        comment: '登记活动',
      });
      await this.audit.record(
        m,
        actor,
        { action: AuditAction.CREATE, entityType: 'Activity', entityId: row.id, summary: `登记活动“${row.name}”（${code}）`, after: row },
      );
      return row;
    }).catch((err) => this.rethrowRegisteredTwice(err, key, null, actor.unitId));
    return this.view(saved);
  }

  /** The unique index decided (a registration or an edit racing another): CONFLICT naming the activity kept. */
  private async rethrowRegisteredTwice(err: unknown, key: RegistrationKey | null, exceptId: string | null, unitId: string): Promise<never> {
    if (key && violatedUnique(err) === REGISTRATION_INDEX) throw registeredTwice(await registeredAs(this.ds.manager, key, exceptId), unitId);
    throw err;
  }

  async update(actor: Actor, id: string, input: ActivityInput, expectedVersion?: number | null) {
    let key: RegistrationKey | null = null;
    const saved = await this.ds.transaction(async (m) => {
      const a = await lockVisibleActivity(m, actor, id, expectedVersion);
      if (!isReporterSide(actor, a)) throw forbidden('只有登记单位可以修改活动');
      assertCanRegisterIn(actor, input.district);
      if (a.status !== ActivityStatus.DRAFT) {
        throw conflict(`活动当前状态为“${activityStatusLabels[a.status]}”，只有草稿（含被退回的）可以修改`);
      }
      const values = await this.validate(m, input);
      // corrected into another registered activity: the same one registered twice
      const registration = { district: values.district!, name: values.name!, venue: values.venue!, startsAt: values.startsAt! };
      key = registration;
      const existing = await registeredAs(m, registration, id);
      if (existing) throw registeredTwice(existing, actor.unitId);
      const before = { ...a };
      Object.assign(a, values, { version: a.version + 1 });
      await m.update(ActivityEntity, { id }, { ...values, version: a.version });
      await this.audit.record(
        m,
        actor,
        { action: AuditAction.UPDATE, entityType: 'Activity', entityId: id, summary: `修改活动“${a.name}”`, before, after: a },
      );
      return a;
    }).catch((err) => this.rethrowRegisteredTwice(err, key, id, actor.unitId));
    return this.view(saved);
  }

  /**
   * 请示通报 (seed step 一): the 通报 reaches 保安管理支队 (which 受理 and 请示 the leader) and the
   * office. An activity whose start has passed cannot be reported.
   */
  async report(actor: Actor, id: string, expectedVersion?: number | null) {
    const recipients = [
      ...(await this.units.idsOfKind(UnitKind.SECURITY_DETACHMENT)),
      ...(await this.units.idsOfKind(UnitKind.LEADING_GROUP_OFFICE)),
    ];
    const saved = await this.ds.transaction(async (m) => {
      const a = await lockVisibleActivity(m, actor, id, expectedVersion);
      if (!isReporterSide(actor, a)) throw forbidden('只有登记单位可以通报活动');
      if (a.status === ActivityStatus.DRAFT && hasStarted(a, this.clock.now())) {
        throw conflict(`活动已于${formatCN(a.startsAt)}开始，不能再通报；请核实活动时间`);
      }
      // Without an organizer account nobody could select the company or submit the roster later.
      if (!a.organizerUnitId) {
        throw badInput('请先在活动中选择或新建主办单位（含账号）再通报：主办单位要在系统中遴选公司或报送名单', [
          { field: 'organizerUnitId', message: '请选择或新建主办单位' },
        ]);
      }
      // …nor could a unit since deactivated or merged into another (its accounts cannot log in).
      const organizer = await organizerForShare(m, a.organizerUnitId);
      if (!organizer?.active) {
        const message = `主办单位“${organizer?.name ?? a.organizerName}”已停用${organizer?.mergedIntoId ? '（已并入其他单位）' : ''}，其账号不能登录；请修改活动、重新选择主办单位后再通报`;
        throw badInput(message, [{ field: 'organizerUnitId', message }]);
      }
      return this.lifecycle.transition(m, {
        activity: a,
        to: ActivityStatus.REPORTED,
        actor,
        comment: '请示通报',
        // the deadlines are judged by the settings in force at the first 通报 (stages.ts)
        patch: { returnReason: null, deadlineDays: a.deadlineDays ?? stageDaysOf(await this.settings.all(m)) },
        notify: {
          unitIds: recipients,
          message: {
            title: `活动通报：${a.name}`,
            body: `${actor.unitName}通报大型活动“${a.name}”（${localDate(a.startsAt)}，${a.venue}，预计${a.expectedAttendance}人，需保安员${a.guardsRequired}人），请保安管理支队受理并向领导请示。`,
            link: `/activities/${a.id}`,
          },
        },
      });
    });
    return this.view(saved);
  }

  /**
   * 请示 (seed step 一): 保安管理支队 受理 the 通报 and puts it before the leader with its assessment
   * (scale, permit tier, staffing, proposed candidate count), informing the office at the same time.
   * One open 请示 per activity (a unique index): a repeat gets CONFLICT.
   */
  async requestInstruction(actor: Actor, id: string, input: InstructionRequestInput) {
    const leaders = await this.units.idsOfKind(UnitKind.LEADING_GROUP);
    const office = await this.units.idsOfKind(UnitKind.LEADING_GROUP_OFFICE);
    const settings = await this.settings.all();
    const saved = await this.ds.transaction(async (m) => {
      const a = await lockActivity(m, id);
      assertCanViewActivity(actor, a);
      if (a.status !== ActivityStatus.REPORTED) {
        throw conflict(`活动当前状态为“${activityStatusLabels[a.status]}”，只有已通报、待批示的活动可以请示`);
      }
      if (a.requestedAt) throw conflict(`已于${formatCN(a.requestedAt)}请示，等待领导批示`);
      const now = this.clock.now();
      // A 请示 about an event already under way would prepare nothing (review 9-C F1).
      assertBeforeEventStart(a, now, '请示', actor);
      const assessment: InstructionAssessment = {
        scale: input.scale.trim(),
        staffing: input.staffing.trim(),
        proposedCandidates: input.proposedCandidates,
        opinion: trimOrNull(input.opinion),
        permitTier: permitTierOf(a.expectedAttendance),
        expectedAttendance: a.expectedAttendance,
        guardsRequired: a.guardsRequired,
        suggestedGuards: suggestedGuardsFor(a.expectedAttendance, settings['staffing.guardsPerThousand']),
      };
      if (!assessment.scale || !assessment.staffing) {
        throw badInput('请填写规模研判和人员配备意见', [
          ...(!assessment.scale ? [{ field: 'scale', message: '请填写规模研判' }] : []),
          ...(!assessment.staffing ? [{ field: 'staffing', message: '请填写人员配备意见' }] : []),
        ]);
      }
      const request = await m.save(
        InstructionRequestEntity,
        m.create(InstructionRequestEntity, { activityId: a.id, requestedBy: actor.id, requestedAt: now, assessment }),
      );
      const before = { ...a };
      a.requestedAt = now;
      a.version += 1;
      await m.update(ActivityEntity, { id: a.id }, { requestedAt: now, version: a.version });
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'InstructionRequest',
        entityId: request.id,
        summary: `请示：活动“${a.name}”，拟推荐候选公司${assessment.proposedCandidates}家`,
        before,
        after: { ...a, assessment },
      });
      await this.notifications.notify(m, [...leaders, ...office], {
        title: `请示：${a.name}`,
        body: `保安管理支队受理活动“${a.name}”（${localDate(a.startsAt)}，${a.venue}）的通报，请示领导批示。规模研判：${assessment.scale}；人员配备：${assessment.staffing}；拟推荐候选公司${assessment.proposedCandidates}家。`,
        link: `/activities/${a.id}`,
        activityId: a.id,
      });
      return a;
    });
    return this.view(saved);
  }

  /** 批示: the leader answers the detachment's open 请示 — approves it, or sends the activity back with a reason. */
  async approve(actor: Actor, id: string, approved: boolean, note: string | null | undefined, expectedVersion?: number | null) {
    const text = trimOrNull(note);
    if (!approved && !text) throw badInput('退回须写明原因', [{ field: 'note', message: '请填写退回原因' }]);
    if (text && text.length > 1000) throw badInput('批示不超过1000字', [{ field: 'note', message: '批示不超过1000字' }]);
    const detachment = await this.units.idsOfKind(UnitKind.SECURITY_DETACHMENT);
    const office = await this.units.idsOfKind(UnitKind.LEADING_GROUP_OFFICE);
    const saved = await this.ds.transaction(async (m) => {
      const a = await lockVisibleActivity(m, actor, id, expectedVersion);
      if (a.status !== ActivityStatus.REPORTED) {
        throw conflict(`活动当前状态为“${activityStatusLabels[a.status]}”，只有待批示的活动可以批示`);
      }
      const request = await m.findOneBy(InstructionRequestEntity, { activityId: a.id, answeredAt: IsNull() });
      if (!request) throw conflict('保安管理支队尚未受理请示：领导批示答复保安管理支队的请示');
      const now = this.clock.now();
      // Approving sends the detachment to recommend companies for an event already under way (review 9-C F1);
      // sending back stays open: the reporter corrects the dates of a postponed event and reports it again
      // (report() checks the start then).
      if (approved) assertBeforeEventStart(a, now, '批示同意', actor);
      await m.update(InstructionRequestEntity, { id: request.id }, { answeredAt: now, answeredBy: actor.id, approved, answer: text ?? '同意' });
      const by = `${actor.displayName}（${actor.unitName}）`;
      if (approved) {
        const selfRecruited = a.securityMode === SecurityMode.SELF_RECRUITED;
        // The age limits are approved with the activity: later settings apply to activities not yet approved.
        const limits = approvedAgeLimits(a, await this.settings.all(m));
        return this.lifecycle.transition(m, {
          activity: a,
          to: ActivityStatus.APPROVED,
          actor,
          comment: text ? `批示：${text}` : '批示：同意',
          patch: { approvalNote: text ?? '同意', returnReason: null, approvedBy: actor.id, ...limits },
          notify: {
            unitIds: [a.reporterUnitId, ...detachment, ...office, ...(selfRecruited && a.organizerUnitId ? [a.organizerUnitId] : [])],
            message: {
              title: `领导已批示：${a.name}`,
              body: `${by}批示活动“${a.name}”${text ? `：“${text}”` : '：同意'}。${selfRecruited ? '本活动为自招保安单位，请主办单位报送保安员名单进行背景审核。' : '请保安管理支队推荐不少于3家候选保安服务公司。'}`,
              link: `/activities/${a.id}`,
            },
          },
        });
      }
      return this.lifecycle.transition(m, {
        activity: a,
        to: ActivityStatus.DRAFT,
        actor,
        comment: `退回：${text}`,
        patch: { returnReason: text },
        notify: {
          unitIds: [a.reporterUnitId, ...detachment, ...office],
          message: {
            title: `活动被退回：${a.name}`,
            body: `${by}将活动“${a.name}”退回修改，原因：${text}`,
            link: `/activities/${a.id}`,
          },
        },
      });
    });
    return this.view(saved);
  }

  async cancel(actor: Actor, id: string, reason: string, expectedVersion?: number | null) {
    const text = trimOrNull(reason);
    if (!text) throw badInput('取消须写明原因', [{ field: 'reason', message: '请填写取消原因' }]);
    // the reason goes into the 台账 and every notice of the cancellation (red-team L5: 300,000 characters were stored and sent)
    if (text.length > 500) throw badInput('取消原因不超过500字', [{ field: 'reason', message: `取消原因不超过500字（现${text.length}字）` }]);
    const formula = formulaLikeProblem(text, '取消原因');
    if (formula) throw badInput(formula, [{ field: 'reason', message: formula }]);
    assertMayCancelActivities(actor);
    const detachment = await this.units.idsOfKind(UnitKind.SECURITY_DETACHMENT);
    const office = await this.units.idsOfKind(UnitKind.LEADING_GROUP_OFFICE);
    const saved = await this.ds.transaction(async (m) => {
      const a = await lockVisibleActivity(m, actor, id, expectedVersion);
      assertCanCancel(actor, a);
      const now = this.clock.now();
      // An event that has taken place is closed by the 总结 (its evaluation, and the statement on any
      // serious problem left uncorrected), not cancelled round it (review 5 B-F2).
      if (a.status === ActivityStatus.IN_PROGRESS && hasEnded(a, now)) {
        throw conflict(`活动已于${formatCN(a.endsAt)}结束，须由保安管理支队总结（评价及未纠正严重问题的说明），不能取消`);
      }
      // What was open for the activity ends with it (review 5 B-F3): the training not begun is cancelled,
      // the 督办通知 still open are closed, both with the reason, in this transaction.
      // (TypeORM answers an UPDATE … RETURNING with [rows, count])
      const [sessions]: [{ id: string }[], number] = await m.query(
        `UPDATE training_sessions SET cancelled_at = $2, cancelled_by = $3, cancel_reason = $4
          WHERE activity_id = $1 AND cancelled_at IS NULL AND starts_at > $2 RETURNING id`,
        [a.id, now, actor.id, `活动已取消：${text}`],
      );
      // Their participants are released, as a session cancelled on its own releases them (review 7-B F6: kept,
      // they were counted "待录入" on the overview for good, results never to come).
      if (sessions.length) await m.query(`DELETE FROM training_attendance WHERE session_id = ANY($1::uuid[])`, [sessions.map((x) => x.id)]);
      const [notices]: [{ id: string }[], number] = await m.query(
        `UPDATE supervision_notices SET outcome = $4, closed_by = $3, closed_at = $2
          WHERE activity_id = $1 AND closed_at IS NULL RETURNING id`,
        [a.id, now, actor.id, `活动已取消，督办随之办结：${text}`],
      );
      if (sessions.length || notices.length) {
        await this.audit.record(m, actor, {
          action: AuditAction.UPDATE,
          entityType: 'Activity',
          entityId: a.id,
          summary: `活动“${a.name}”取消：${[sessions.length ? `未开始的培训${sessions.length}场随之取消` : '', notices.length ? `未办结的督办通知${notices.length}件随之办结` : ''].filter(Boolean).join('，')}`,
          after: { trainingSessionsCancelled: sessions.map((x) => x.id), supervisionNoticesClosed: notices.map((x) => x.id) },
        });
      }
      // A draft was never reported: the detachment and the office never received it, and are not told (red team 5).
      const reported = a.status !== ActivityStatus.DRAFT;
      return this.lifecycle.transition(m, {
        activity: a,
        to: ActivityStatus.CANCELLED,
        actor,
        comment: `取消：${text}`,
        patch: { cancelReason: text },
        notify: {
          unitIds: [
            a.reporterUnitId,
            ...(reported ? [...detachment, ...office] : []),
            ...(a.organizerUnitId ? [a.organizerUnitId] : []),
            ...(a.selectedCompanyId ? [a.selectedCompanyId] : []),
          ].filter((u) => u !== actor.unitId),
          message: { title: `活动已取消：${a.name}`, body: `活动“${a.name}”已取消，原因：${text}`, link: `/activities/${a.id}` },
        },
      });
    });
    return this.view(saved);
  }
}

/** The organizer's unit row, FOR SHARE until the transaction ends (a merge or deactivation of it waits, or went first). */
function organizerForShare(m: EntityManager, unitId: string): Promise<UnitEntity | null> {
  return m.findOne(UnitEntity, { where: { id: unitId }, lock: { mode: 'pessimistic_read' } });
}
