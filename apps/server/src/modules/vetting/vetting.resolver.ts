import { ActivityStatus, maskIdNumber, VettingDecision, VettingReasonCategory } from '@evs/schema';
import { ANONYMISED } from '../privacy/anonymised';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { ActivityEntity } from '../activities/activity.entity';
import { seesFullIdNumbers } from '../guards/guard.policy';
import { isSubmitter, ROSTER_SUBMITTERS, VETTING_DECIDERS, VETTING_DETAIL_READERS } from './vetting.policy';
import { RosterEntryView, VettingCounts } from './vetting.service';
import {
  ClearedGuardType,
  DecideVettingInput,
  EntryVersionInput,
  GuardPrecheckType,
  PassableEntryType,
  PriorVettingDecisionType,
  RosterEntriesFilter,
  RosterEntryPage,
  RosterEntryType,
  RosterRelativeType,
  RosterCandidatePage,
  SubmitRosterInput,
  SubmitRosterResultType,
  VettingActivityPage,
  VettingActivityType,
  VettingDecisionResultType,
  VettingHitType,
  VettingNoticeEntryType,
  VettingSummaryType,
} from './vetting.types';
import { VettingTier } from './vetting.policy';
import { decidedAtShownTo } from './decision-time';

/** Returns `value` once the read of this entry's vetting detail is in the audit log. */
async function audited<T>(ctx: AppContext, entryId: string, value: T): Promise<T> {
  await ctx.loaders.vettingDetail().detailRead.load(entryId);
  return value;
}

/**
 * An entry's ID number as the service or `toEntryType` cut it: whole for the detachment (an anonymised
 * one is no number), a read noted for the request's one READ_DETAIL entry (audit.http.ts).
 */
function wholeIdRead(ctx: AppContext, entryId: string, idNumber: string): string {
  if (seesFullIdNumbers(ctx.actor) && idNumber !== ANONYMISED) ctx.idNumberReads.note('RosterEntry', entryId);
  return idNumber;
}

/**
 * Turns a service row into what the type exposes; the ID number is masked here for every role but the
 * detachment, and a reused pass is dated this roster's own time for all but the police (decision-time.ts).
 */
export function toEntryType(ctx: AppContext, e: RosterEntryView): RosterEntryType {
  return {
    ...e,
    idNumber: seesFullIdNumbers(actorOf(ctx)) || e.idNumber === ANONYMISED ? e.idNumber : maskIdNumber(e.idNumber),
    decidedAt: decidedAtShownTo(actorOf(ctx), e),
    checked: !!e.checkedAt,
    reused: !!e.reusedFromEntryId,
    precheckProblems: e.precheckProblems,
  };
}

function activityType(ctx: AppContext, a: ActivityEntity, extra: { tier: VettingTier; counts: VettingCounts; submitterName: string | null; closeBlockers: string[] }): VettingActivityType {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    status: a.status,
    securityMode: a.securityMode,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    venue: a.venue,
    organizerName: a.organizerName,
    guardsRequired: a.guardsRequired,
    canSubmit: isSubmitter(actorOf(ctx), a),
    ...extra,
  };
}

@Resolver(() => RosterEntryType)
export class VettingResolver {
  // ───────── queries ─────────

  @Query(() => VettingActivityPage, { description: '背景审核相关的活动及人数统计（按角色范围：公司为中选活动，主办单位为本单位活动）' })
  async vettingActivities(
    @Ctx() ctx: AppContext,
    @Arg('statuses', () => [ActivityStatus], { nullable: true }) statuses?: ActivityStatus[],
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<VettingActivityPage> {
    const r = await ctx.services.vetting.vettingActivities(actorOf(ctx), statuses, page);
    return { ...r, items: r.items.map((i) => activityType(ctx, i.activity, i)) };
  }

  @Query(() => RosterEntryPage, { description: '活动名单及审核情况（保安管理支队、其他公安用户：全部；上报单位：本单位人员；主办单位：不可查询）' })
  async rosterEntries(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('filter', () => RosterEntriesFilter, { nullable: true }) filter?: RosterEntriesFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<RosterEntryPage> {
    const r = await ctx.services.vetting.listEntries(actorOf(ctx), activityId, filter ?? {}, page);
    return { ...r, items: r.items.map((e) => toEntryType(ctx, e)) };
  }

  @Authorized(...ROSTER_SUBMITTERS)
  @Query(() => [GuardPrecheckType], { description: '上报前的资格预审（不保存）：上报单位选择本单位保安员时逐人显示' })
  rosterPrecheck(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('guardIds', () => [ID]) guardIds: string[],
  ) {
    return ctx.services.vetting.precheck(actorOf(ctx), activityId, guardIds);
  }

  @Authorized(...ROSTER_SUBMITTERS)
  @Query(() => RosterCandidatePage, { description: '选择上报人员：本单位名册中的在职保安员及逐人资格预审结果' })
  rosterCandidates(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('onlyEligible', () => Boolean, { nullable: true, description: '只列出未在名单中且预审无问题的人员' }) onlyEligible?: boolean,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.vetting.candidates(actorOf(ctx), activityId, search, !!onlyEligible, page);
  }

  @Query(() => RosterEntryType, { description: '名单中的一名人员（保安管理支队；上报单位仅本单位人员）' })
  async rosterEntry(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<RosterEntryType> {
    return toEntryType(ctx, await ctx.services.vetting.entry(actorOf(ctx), id));
  }

  @Query(() => VettingSummaryType, { description: '背景审核通报（站内、打印、Excel 同源），按查看者的权限层级裁剪' })
  async vettingSummary(@Ctx() ctx: AppContext, @Arg('activityId', () => ID) activityId: string): Promise<VettingSummaryType> {
    const n = await ctx.services.vettingNotices.summary(actorOf(ctx), activityId);
    const a = n.activity;
    const closed = a.vettingClosedAt !== null && a.status !== ActivityStatus.VETTING;
    return {
      activity: activityType(ctx, a, {
        tier: n.tier,
        counts: n.counts,
        submitterName: n.submitterName,
        closeBlockers: a.status === ActivityStatus.VETTING ? ctx.services.vetting.closeBlockers(a, n.counts) : [],
      }),
      tier: n.tier,
      counts: n.counts,
      reasonCounts: n.reasonCounts,
      entries: n.entries,
      clearedRoster: n.clearedRoster,
      closed,
      closedAt: a.vettingClosedAt,
      issuedAt: n.issuedAt,
      exportUrl: `/exports/vetting/${a.id}.xlsx`,
    };
  }

  // ───────── mutations ─────────

  @Authorized(...ROSTER_SUBMITTERS)
  @Mutation(() => SubmitRosterResultType, {
    description:
      '上报（或在审核中追加）名单：中选的保安服务公司；自招保安单位的活动由主办单位上报，其保安员登记在以主办单位为名的名册中（importGuards 时自动建立）。' +
      '首次上报使活动进入背景审核并通知保安管理支队；资格预审与记录比对立即进行。',
  })
  async submitRoster(@Ctx() ctx: AppContext, @Arg('input', () => SubmitRosterInput) input: SubmitRosterInput): Promise<SubmitRosterResultType> {
    const r = await ctx.services.vetting.submitRoster(actorOf(ctx), input);
    const entries = await ctx.services.vetting.entriesByIds(r.entryIds);
    return { activityStatus: r.activity.status, entries: entries.map((e) => toEntryType(ctx, e)), warning: r.sourceError };
  }

  @Authorized(...ROSTER_SUBMITTERS)
  @Mutation(() => RosterEntryType, { description: '替换审核未通过的保安员：原人员移出名单，新人员立即预审和比对' })
  async replaceRosterEntry(
    @Ctx() ctx: AppContext,
    @Arg('entryId', () => ID) entryId: string,
    @Arg('guardId', () => ID) guardId: string,
    @Arg('post', () => String, { nullable: true }) post?: string,
  ): Promise<RosterEntryType> {
    const id = await ctx.services.vetting.replaceEntry(actorOf(ctx), entryId, guardId, post);
    const [e] = await ctx.services.vetting.entriesByIds([id]);
    return toEntryType(ctx, e);
  }

  @Authorized(...ROSTER_SUBMITTERS)
  @Mutation(() => RosterEntryType, { description: '将人员移出名单（背景审核期间）' })
  async removeRosterEntry(@Ctx() ctx: AppContext, @Arg('entryId', () => ID) entryId: string): Promise<RosterEntryType> {
    const id = await ctx.services.vetting.removeEntry(actorOf(ctx), entryId);
    const [e] = await ctx.services.vetting.entriesByIds([id]);
    return toEntryType(ctx, e);
  }

  @Authorized(...VETTING_DECIDERS)
  @Mutation(() => VettingDecisionResultType, {
    description:
      '审核结论（一人或多人）：通过或不通过，原因类别与审核意见；条件满足且活动尚未开始时自动结束背景审核。' +
      '背景审核结束后（岗前培训、待上岗、进行中）只能将审核通过改为不通过（撤销通过）：该人员不得上岗，通过人数不足所需时背景审核重新开放',
  })
  async decideVetting(@Ctx() ctx: AppContext, @Arg('input', () => DecideVettingInput) input: DecideVettingInput): Promise<VettingDecisionResultType> {
    const r = await ctx.services.vetting.decide(actorOf(ctx), input);
    return this.decisionResult(ctx, r.activity, r.closed, r.changed);
  }

  @Authorized(...VETTING_DECIDERS)
  @Query(() => [PassableEntryType], { description: '一键通过无异常此刻将通过的人员（确认时列出；passAllClean 回传其 id 与版本号）' })
  async passableEntries(@Ctx() ctx: AppContext, @Arg('activityId', () => ID) activityId: string): Promise<PassableEntryType[]> {
    return ctx.services.vetting.passableEntries(actorOf(ctx), activityId);
  }

  @Authorized(...VETTING_DECIDERS)
  @Mutation(() => VettingDecisionResultType, {
    description:
      '一键通过无异常：资格预审通过、本人及直系亲属均未比中记录，且此人（按身份证号）在信息保存期内无审核不通过结论的待审核人员。' +
      '必须传 expected（确认时看到的人员及版本号，passableEntries），只通过这些人员：其后才列入的人员不会被通过；' +
      '不能为空（无人可通过时无须一键通过），其中有人已有变化则全部不通过并拒绝（CONFLICT）',
  })
  async passAllClean(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('expected', () => [EntryVersionInput]) expected: EntryVersionInput[],
  ): Promise<VettingDecisionResultType> {
    const r = await ctx.services.vetting.passAllClean(actorOf(ctx), activityId, expected);
    return this.decisionResult(ctx, r.activity, r.closed, r.count);
  }

  @Authorized(...VETTING_DECIDERS)
  @Mutation(() => VettingDecisionResultType, { description: '结束背景审核（进入岗前培训）：全部有结论、无未通过人员在册、通过人数不少于所需，且活动尚未开始' })
  async closeVetting(
    @Ctx() ctx: AppContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ): Promise<VettingDecisionResultType> {
    const a = await ctx.services.vetting.close(actorOf(ctx), activityId, comment);
    return this.decisionResult(ctx, a, true, 0);
  }

  @Authorized(...VETTING_DECIDERS)
  @Mutation(() => Int, { description: '重新比对待审核人员（如记录比对服务曾不可用）；返回比对人数' })
  recheckVetting(@Ctx() ctx: AppContext, @Arg('activityId', () => ID) activityId: string) {
    return ctx.services.vetting.recheck(actorOf(ctx), activityId);
  }

  @FieldResolver(() => String)
  idNumber(@Root() e: RosterEntryType, @Ctx() ctx: AppContext) {
    return wholeIdRead(ctx, e.id, e.idNumber);
  }

  // ───────── detachment-only fields ─────────

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => VettingDecision, { nullable: true, description: '系统建议（仅保安管理支队，查阅写入审计日志）' })
  suggestion(@Root() e: RosterEntryType, @Ctx() ctx: AppContext) {
    return audited(ctx, e.id, e.suggestion ?? null);
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => VettingReasonCategory, { nullable: true, description: '系统建议的原因类别（仅保安管理支队，查阅写入审计日志）' })
  suggestionCategory(@Root() e: RosterEntryType, @Ctx() ctx: AppContext) {
    return audited(ctx, e.id, e.suggestionCategory ?? null);
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => String, { nullable: true, description: '建议理由（仅保安管理支队，查阅写入审计日志）' })
  suggestionReason(@Root() e: RosterEntryType, @Ctx() ctx: AppContext) {
    return audited(ctx, e.id, e.suggestionReason ?? null);
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => String, { nullable: true, description: '审核意见（仅保安管理支队，查阅写入审计日志）' })
  decisionNote(@Root() e: RosterEntryType, @Ctx() ctx: AppContext) {
    return audited(ctx, e.id, e.decisionNote ?? null);
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => String, { nullable: true, description: '审核人（仅保安管理支队）' })
  decidedByName(@Root() e: RosterEntryType, @Ctx() ctx: AppContext) {
    return e.decidedBy ? ctx.loaders.vettingDetail().users.load(e.decidedBy) : null;
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => Int, { description: '比中记录数（仅保安管理支队，查阅写入审计日志）' })
  hitCount(@Root() e: RosterEntryType, @Ctx() ctx: AppContext) {
    return audited(ctx, e.id, e.hitCount ?? 0);
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '比对时是否审查了直系亲属（“审查直系亲属”设置关闭时比对的为否；尚未比对为空）（仅保安管理支队）',
  })
  relativesChecked(@Root() e: RosterEntryType) {
    return e.relativesChecked ?? null;
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => ID, { nullable: true, description: '沿用结论的原名单条目（仅保安管理支队）' })
  reusedFromEntryId(@Root() e: RosterEntryType) {
    return e.reusedFromEntryId ?? null;
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => [VettingHitType], { description: '比中记录详情，含直系亲属（仅保安管理支队，查阅写入审计日志）' })
  async hits(@Root() e: RosterEntryType, @Ctx() ctx: AppContext): Promise<VettingHitType[]> {
    const hits = await ctx.loaders.vettingDetail().hits.load(e.id);
    return hits.map((h) => {
      const r = h.record as { category: never; occurredOn: string; source: string; severity?: string | null; createdAt?: string | null };
      return {
        id: h.id,
        relation: h.relation,
        subjectName: h.subjectName,
        subjectIdNumber: h.subjectIdNumber,
        record: { category: r.category, occurredOn: r.occurredOn, source: r.source, severity: r.severity ?? null, name: h.recordName, registeredAt: r.createdAt ? new Date(r.createdAt) : null },
      };
    });
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => [PriorVettingDecisionType], {
    description: '此人的既往审核结论（按身份证号：含其他名册、其他活动和已移出的名单条目），新的在前，最多20条（仅保安管理支队，查阅写入审计日志）',
  })
  async priorDecisions(@Root() e: RosterEntryType, @Ctx() ctx: AppContext): Promise<PriorVettingDecisionType[]> {
    return audited(ctx, e.id, await ctx.loaders.vettingDetail().priorDecisions.load(e.id));
  }

  @Authorized(...VETTING_DETAIL_READERS)
  @FieldResolver(() => [RosterRelativeType], { description: '直系亲属（仅保安管理支队，查阅写入审计日志）' })
  relatives(@Root() e: RosterEntryType, @Ctx() ctx: AppContext) {
    return ctx.loaders.vettingDetail().relatives.load(e.id);
  }

  private async decisionResult(ctx: AppContext, activity: ActivityEntity, closed: boolean, decided: number): Promise<VettingDecisionResultType> {
    const counts = await ctx.services.vetting.counts(ctx.dataSource.manager, activity.id);
    return {
      activityStatus: activity.status,
      closed,
      decided,
      closeBlockers: activity.status === ActivityStatus.VETTING ? ctx.services.vetting.closeBlockers(activity, counts) : [],
    };
  }
}

/** The per-guard lines of the 审核通报: notes and hit counts for 保安管理支队 only, each read audited. */
@Resolver(() => VettingNoticeEntryType)
export class VettingNoticeEntryResolver {
  @FieldResolver(() => String)
  idNumber(@Root() e: VettingNoticeEntryType, @Ctx() ctx: AppContext) {
    return wholeIdRead(ctx, e.entryId, e.idNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '审核意见（仅保安管理支队，查阅写入审计日志）' })
  decisionNote(@Root() e: VettingNoticeEntryType, @Ctx() ctx: AppContext) {
    return e.decisionNote === null ? null : audited(ctx, e.entryId, e.decisionNote);
  }

  @FieldResolver(() => Int, { nullable: true, description: '比中记录数（仅保安管理支队，查阅写入审计日志）' })
  hitCount(@Root() e: VettingNoticeEntryType, @Ctx() ctx: AppContext) {
    return e.hitCount === null ? null : audited(ctx, e.entryId, e.hitCount);
  }
}

/** The cleared roster of the 审核通报: a whole ID number (the detachment's copy) is an audited read. */
@Resolver(() => ClearedGuardType)
export class ClearedGuardResolver {
  @FieldResolver(() => String)
  idNumber(@Root() g: ClearedGuardType, @Ctx() ctx: AppContext) {
    return wholeIdRead(ctx, g.entryId, g.idNumber);
  }
}
