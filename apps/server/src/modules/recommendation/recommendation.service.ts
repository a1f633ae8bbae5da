import { ActivityStatus, AuditAction, CompanyStatus, companyStatusLabels, missingQuotesMessage, quoteProblem, SecurityMode, UnitKind } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Actor } from '../../common/actor';
import { badInput, conflict, notFound } from '../../common/errors';
import { PageInput, pageWindow } from '../../common/pagination';
import { formatCN, localDate } from '../../common/calendar';
import { toActivityType } from '../activities/activity.derive';
import { ActivityEntity } from '../activities/activity.entity';
import { assertCanViewActivity } from '../activities/activity.policy';
import { ActivityService } from '../activities/activity.service';
import { ActivityLifecycle, lockActivity } from '../activities/lifecycle';
import { assertBeforeEventStart } from '../activities/event-window';
import { CompanyLapse, companyLapse, CompanyStanding, readCompanyStanding } from '../companies/company-standing';
import { AuditService } from '../audit/audit.service';
import { SettingValues } from '../settings/settings.defaults';
import { SettingsService } from '../settings/settings.service';
import { UnitsService } from '../units/units.service';
import { CandidateEntity } from './candidate.entity';
import { assertIsChoosingOrganizer, isChoosingOrganizer, seesCandidates } from './recommendation.policy';
import {
  CandidateComparisonType,
  CandidateSuggestionsType,
  CandidateSuggestionType,
  CandidateType,
  ComparisonCellType,
  ComparisonRowType,
  ExclusionReasonType,
  ScoreWeightType,
} from './recommendation.types';
import { round1, SCORE_PART_KEYS, scorePartLabels, scorePartRules, scoreParts, Weights, YOUNG_AGE } from './scoring';
import { loadSuggestionMeasures, measureParams, SuggestionMeasures, SuggestionMeasuresCache } from './suggestion-measures';

const MIN_CANDIDATES = 3;
const MIN_CAPITAL = 1_000_000;

export function weightsOf(s: SettingValues): Weights {
  return {
    capacity: s['recommendation.weight.capacity'],
    age: s['recommendation.weight.age'],
    performance: s['recommendation.weight.performance'],
    experience: s['recommendation.weight.experience'],
    locality: s['recommendation.weight.locality'],
  };
}

export function weightTypes(w: Weights): ScoreWeightType[] {
  const total = SCORE_PART_KEYS.reduce((s, k) => s + Math.max(0, w[k]), 0) || 1;
  return SCORE_PART_KEYS.map((key) => ({
    key,
    label: scorePartLabels[key],
    weight: w[key],
    share: Math.round((Math.max(0, w[key]) / total) * 1000) / 1000,
    rule: scorePartRules[key],
  }));
}

/**
 * Ranks every company for an activity (SPEC §4), straight from the database: what a decision
 * (recommend, select) is bound to, and the reference the kept figures are tested against.
 */
export async function computeSuggestions(
  m: EntityManager,
  a: ActivityEntity,
  s: SettingValues,
  now: Date = new Date(),
): Promise<CandidateSuggestionsType> {
  // One after the other: `m` may be a transaction's single connection.
  const measures = await loadSuggestionMeasures(m, a, s, now);
  return rankSuggestions(a, s, measures, await recommendedCompanyIds(m, a.id));
}

/** The companies already recommended for the activity. */
export async function recommendedCompanyIds(m: EntityManager, activityId: string): Promise<Set<string>> {
  return new Set((await m.find(CandidateEntity, { select: { companyId: true }, where: { activityId } })).map((c) => c.companyId));
}

/** Exclusions, score parts and rank of every company from its figures (pure; no database). */
export function rankSuggestions(
  a: ActivityEntity,
  s: SettingValues,
  { rows, performance, serious }: SuggestionMeasures,
  existing: ReadonlySet<string>,
): CandidateSuggestionsType {
  const { endDate, minAge, maxAge, margin, needed, reuseDays } = measureParams(a, s);
  const weights = weightsOf(s);

  const items: CandidateSuggestionType[] = rows.map((r) => {
    const perf = performance.get(r.id);
    const eligible = Number(r.eligible);
    const exclusions: ExclusionReasonType[] = [];
    if (r.status !== CompanyStatus.ACTIVE) {
      exclusions.push({
        code: 'NOT_ACTIVE',
        message: `公司状态为“${companyStatusLabels[r.status]}”${r.status_reason ? `（${r.status_reason}）` : ''}`,
      });
    }
    // A unit 停用 could not submit a roster if chosen (review 5 B-F4).
    if (!r.unit_active) exclusions.push({ code: 'UNIT_INACTIVE', message: '单位已停用，账号不能登录，中选后无法上报名单' });
    if (r.license_expiry < endDate) {
      exclusions.push({
        code: 'LICENSE_EXPIRES',
        message: `许可证 ${r.license_expiry} 到期，早于活动结束日 ${endDate}`,
      });
    }
    if (Number(r.registered_capital) < MIN_CAPITAL) {
      exclusions.push({ code: 'CAPITAL', message: `注册资本${Number(r.registered_capital) / 10_000}万元，低于条例第八条要求的100万元` });
    }
    if (eligible < needed) {
      const why = [
        Number(r.no_cert) ? `无保安员证${r.no_cert}人` : null,
        Number(r.age_out) ? `年龄不在${minAge}–${maxAge}岁${r.age_out}人` : null,
        Number(r.low_edu) ? `学历低于初中${r.low_edu}人（条例第十六条）` : null,
        Number(r.revoked) ? `保安员证被吊销${r.revoked}人` : null,
        Number(r.failed) ? `${reuseDays}天内审核不通过${r.failed}人` : null,
      ].filter(Boolean);
      exclusions.push({
        code: 'TOO_FEW_GUARDS',
        message: `活动当日符合条件的保安员${eligible}人，少于所需${needed}人（${a.guardsRequired}人×${round1((1 + margin) * 100) / 100}）；在职${r.on_register}人${why.length ? `，其中${why.join('、')}` : ''}`,
      });
    }
    const openSerious = serious.get(r.id) ?? 0;
    if (openSerious > 0) {
      exclusions.push({ code: 'SERIOUS_FINDING', message: `有${openSerious}项严重问题尚未纠正` });
    }
    const { parts, score } = scoreParts(
      {
        eligibleGuards: eligible,
        guardsNeeded: needed,
        youngEligible: Number(r.young),
        averageEligibleAge: r.avg_age === null ? null : Number(r.avg_age),
        performanceScore: perf?.score ?? 70,
        performanceHasHistory: perf?.hasHistory ?? false,
        findingsPer100: perf?.findingsPer100 ?? null,
        vettingFailureRate: perf?.vettingFailureRate ?? null,
        averageRating: perf?.averageRating ?? null,
        similarActivities: Number(r.similar),
        sameDistrict: r.district === a.district,
      },
      weights,
    );
    return {
      companyId: r.id,
      companyName: r.name,
      district: r.district,
      status: r.status,
      licenseExpiry: r.license_expiry,
      qualified: exclusions.length === 0,
      rank: null,
      score,
      parts,
      exclusions,
      guardsOnRegister: Number(r.on_register),
      eligibleGuards: eligible,
      guardsNeeded: needed,
      averageAge: r.avg_age === null ? null : round1(Number(r.avg_age)),
      youngShare: eligible > 0 ? Math.round((Number(r.young) / eligible) * 1000) / 1000 : 0,
      activitiesServed: perf?.closedActivities ?? 0,
      similarActivities: Number(r.similar),
      findingsPer100: perf?.findingsPer100 ?? null,
      vettingFailureRate: perf?.vettingFailureRate ?? null,
      averageRating: perf?.averageRating ?? null,
      recommended: existing.has(r.id),
    };
  });
  items.sort(
    (x, y) =>
      Number(y.qualified) - Number(x.qualified) ||
      y.score - x.score ||
      y.eligibleGuards - x.eligibleGuards ||
      byChineseName(x.companyName, y.companyName),
  );
  let rank = 0;
  for (const it of items) if (it.qualified) it.rank = ++rank;
  return {
    activityId: a.id,
    guardsRequired: a.guardsRequired,
    capacityMargin: margin,
    guardsNeeded: needed,
    minAge,
    maxAge,
    reuseWindowDays: reuseDays,
    weights: weightTypes(weights),
    qualifiedCount: rank,
    companyCount: items.length,
    total: items.length,
    recommendedCompanyIds: [...existing],
    items,
  };
}

const byChineseName = new Intl.Collator('zh-CN').compare;

const selfRecruitedRefusal = () =>
  conflict('本活动为自招保安单位，不推荐、不遴选保安服务公司；批示后由主办单位直接报送保安员名单进行背景审核');

function snapshotOf(c: CandidateEntity): CandidateSuggestionType {
  return c.scoreParts as CandidateSuggestionType;
}

/**
 * The weights a recommendation's scores were computed with, read from its snapshots (each part keeps
 * its weight; one recommendation scores every candidate with the same weights). Null when there is no
 * snapshot or it lacks a part: then only the current settings are left to show.
 */
export function snapshotWeights(snaps: readonly Pick<CandidateSuggestionType, 'parts'>[]): Weights | null {
  const parts = snaps[0]?.parts;
  if (!parts) return null;
  const weights: Partial<Weights> = {};
  for (const key of SCORE_PART_KEYS) {
    const part = parts.find((p) => p.key === key);
    if (!part || typeof part.weight !== 'number') return null;
    weights[key] = part.weight;
  }
  return weights as Weights;
}

function toCandidateType(c: CandidateEntity, a: ActivityEntity): CandidateType {
  return {
    activityId: c.activityId,
    companyId: c.companyId,
    companyName: snapshotOf(c).companyName,
    rank: c.rank,
    score: Number(c.score),
    quote: c.quote === null ? null : Number(c.quote),
    quoteNote: c.quoteNote,
    quotedAt: c.quotedAt,
    selected: a.selectedCompanyId === c.companyId,
  };
}

/**
 * Marks the best cell(s) of a row: the best value in the row's direction, only when every candidate
 * has a value and the values differ. "No record" (null) is neither good nor bad: it is never marked,
 * and a row with one is not marked at all, so a record — however bad — never outranks having none.
 */
export function markBest(cells: ComparisonCellType[], higherIsBetter: boolean): ComparisonCellType[] {
  const values = cells.map((c) => c.value).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < 2 || values.length < cells.length || new Set(values).size === 1) return cells.map((c) => ({ ...c, best: false }));
  const best = higherIsBetter ? Math.max(...values) : Math.min(...values);
  return cells.map((c) => ({ ...c, best: c.value !== null && c.value === best }));
}

/** Each candidate's company as it stands now (what `companyLapse` reads), by company id. */
export async function candidateStandings(m: EntityManager, companyIds: readonly string[]): Promise<Map<string, CompanyStanding>> {
  if (!companyIds.length) return new Map();
  const rows: (CompanyStanding & { id: string })[] = await m.query(
    `SELECT c.id, c.name, c.status, c.status_reason AS "statusReason", to_char(c.license_expiry, 'YYYY-MM-DD') AS "licenseExpiry",
            u.active AS "unitActive"
       FROM companies c LEFT JOIN units u ON u.id = c.id WHERE c.id = ANY($1::uuid[])`,
    [companyIds],
  );
  return new Map(rows.map(({ id, ...standing }) => [id, { ...standing, unitActive: standing.unitActive ?? undefined }]));
}

/** Why a candidate can no longer serve the activity (`companyLapse`: 停业整顿 or 吊销, its unit 停用, its licence ending first), or null. */
export function candidateLapse(standing: CompanyStanding | undefined, a: Pick<ActivityEntity, 'endsAt'>): CompanyLapse | null {
  if (!standing) return { code: 'SELECTED_COMPANY_NOT_ACTIVE', why: '已不在保安服务公司名录中' };
  return companyLapse(standing, a);
}

/**
 * The candidates the selection waits for (SPEC §2 step 4: the organizer enters each candidate's quote and
 * compares them on price as on the rest): every candidate without a quote that can still serve the activity.
 * A candidate that can no longer (`candidateLapse`) cannot be chosen, so is compared on nothing and needs no
 * quote — the organizer is not made to ask a suspended company for a price, nor to make one up. Candidates are
 * never withdrawn (a recommendation stands as made); a lapse is read when it matters, and a company back to
 * 正常 is awaited again. A candidate short of guards today (TOO_FEW_GUARDS, which `select` lets pass) is awaited, and so
 * is one with a serious finding still open or capital now short (it may not be chosen until that is put right, but
 * it is still in the running): only a change of standing — status, unit, licence — takes a candidate out.
 */
export function candidatesAwaitingQuote<C extends Pick<CandidateEntity, 'companyId' | 'quote'>>(
  candidates: readonly C[],
  standings: ReadonlyMap<string, CompanyStanding>,
  a: Pick<ActivityEntity, 'endsAt'>,
): C[] {
  return candidates.filter((c) => c.quote === null && !candidateLapse(standings.get(c.companyId), a));
}

/** The comparison row saying whether each candidate can still serve (and so is awaited for its quote): `candidateLapse`. */
export const STANDING_ROW = 'standing';

export class RecommendationService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly units: UnitsService,
    private readonly lifecycle: ActivityLifecycle,
    private readonly activities: ActivityService,
    private readonly clock: Clock,
  ) {
    this.measures = new SuggestionMeasuresCache(ds, () => clock.now().getTime());
  }

  private readonly measures: SuggestionMeasuresCache;

  /**
   * The ranking for the recommendation screen, from the kept figures (suggestion-measures.ts); a page
   * of it when `page` is given, only the qualified companies when `qualifiedOnly`. Recommending and
   * selecting recompute inside their transaction instead (computeSuggestions).
   */
  async suggestions(
    actor: Actor,
    activityId: string,
    { page, qualifiedOnly = false }: { page?: PageInput | null; qualifiedOnly?: boolean | null } = {},
  ): Promise<CandidateSuggestionsType> {
    const a = await this.activities.getEntity(actor, activityId);
    if (a.securityMode === SecurityMode.SELF_RECRUITED) throw selfRecruitedRefusal();
    const settings = await this.settings.all();
    const [measures, existing] = await Promise.all([this.measures.get(a, settings), recommendedCompanyIds(this.ds.manager, a.id)]);
    const ranked = rankSuggestions(a, settings, measures, existing);
    const matching = qualifiedOnly ? ranked.items.filter((i) => i.qualified) : ranked.items;
    const { skip, take } = page ? pageWindow(page) : { skip: 0, take: matching.length };
    return { ...ranked, total: matching.length, items: matching.slice(skip, skip + take) };
  }

  async candidates(actor: Actor, a: ActivityEntity): Promise<CandidateType[]> {
    if (!seesCandidates(actor)) return [];
    const rows = await this.ds.getRepository(CandidateEntity).find({ where: { activityId: a.id }, order: { rank: 'ASC' } });
    return rows.map((c) => toCandidateType(c, a));
  }

  async recommend(actor: Actor, activityId: string, companyIds: string[], justification: string | null | undefined) {
    const ids = [...new Set(companyIds)];
    if (ids.length === 0) throw badInput('请至少选择一家候选公司', [{ field: 'companyIds', message: '请至少选择一家候选公司' }]);
    const note = justification?.trim() || null;
    const settings = await this.settings.all();
    const recipients = [
      ...(await this.units.idsOfKind(UnitKind.LEADING_GROUP_OFFICE)),
    ];
    const saved = await this.ds.transaction(async (m) => {
      const a = await lockActivity(m, activityId);
      assertCanViewActivity(actor, a);
      if (a.securityMode === SecurityMode.SELF_RECRUITED) throw selfRecruitedRefusal();
      if (a.status !== ActivityStatus.APPROVED) {
        // Let the lifecycle word the refusal (CONFLICT) before any other check.
        await this.lifecycle.transition(m, { activity: a, to: ActivityStatus.CANDIDATES_RECOMMENDED, actor });
      }
      // Candidates for an event already under way could serve nothing (review 9-C F1).
      assertBeforeEventStart(a, this.clock.now(), '推荐候选公司', actor);
      const all = await computeSuggestions(m, a, settings, this.clock.now());
      const byId = new Map(all.items.map((i) => [i.companyId, i]));
      const problems = ids.map((id, i) => {
        const s = byId.get(id);
        if (!s) return { field: `companyIds.${i}`, message: `第${i + 1}家公司不存在` };
        if (!s.qualified) return { field: `companyIds.${i}`, message: `${s.companyName}不具备推荐资格：${s.exclusions.map((e) => e.message).join('；')}` };
        return null;
      }).filter((p): p is { field: string; message: string } => p !== null);
      if (problems.length) throw badInput(problems.map((p) => p.message).join('；'), problems);
      // Not fewer than 3 (seed step 二): fewer only when fewer are qualified for this activity, and
      // then every qualified company, with a written note naming them — never a designation.
      const qualified = all.items.filter((i) => i.qualified);
      const required = Math.min(MIN_CANDIDATES, qualified.length);
      if (qualified.length === 0) {
        throw badInput('本活动没有符合条件的保安服务公司，不能推荐', [{ field: 'companyIds', message: '没有符合条件的公司' }]);
      }
      if (ids.length < required) {
        const message = `本活动符合条件的公司有${qualified.length}家，应推荐不少于${required}家（已选${ids.length}家）；公安机关不得指定保安服务公司`;
        throw badInput(message, [{ field: 'companyIds', message }]);
      }
      let shortfall: string | null = null;
      if (ids.length < MIN_CANDIDATES) {
        if (!note) {
          throw badInput(`推荐不足${MIN_CANDIDATES}家时须书面说明理由`, [
            { field: 'justification', message: `推荐不足${MIN_CANDIDATES}家（${ids.length}家），请填写书面说明` },
          ]);
        }
        shortfall = `本活动符合条件的公司仅${qualified.length}家（${qualified.map((q) => q.companyName).join('、')}），已全部推荐。${note}`;
      }
      const chosen = ids.map((id) => byId.get(id)!).sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0));
      await m.insert(
        CandidateEntity,
        chosen.map((c, i) => ({
          activityId: a.id,
          companyId: c.companyId,
          rank: i + 1,
          score: c.score.toFixed(2),
          scoreParts: { ...c, rank: i + 1, recommended: true },
          recommendedBy: actor.id,
        })),
      );
      const names = chosen.map((c) => c.companyName).join('、');
      return this.lifecycle.transition(m, {
        activity: a,
        to: ActivityStatus.CANDIDATES_RECOMMENDED,
        actor,
        comment: `推荐候选${chosen.length}家：${names}${shortfall ? `（不足${MIN_CANDIDATES}家说明：${shortfall}）` : ''}`,
        patch: { recommendationJustification: shortfall },
        notify: {
          unitIds: [...recipients, a.reporterUnitId, ...(a.organizerUnitId ? [a.organizerUnitId] : [])],
          message: {
            title: `候选公司已推荐：${a.name}`,
            body: `保安管理支队为活动“${a.name}”推荐候选保安服务公司${chosen.length}家：${names}。${shortfall ? `推荐不足${MIN_CANDIDATES}家的说明：${shortfall} ` : ''}请主办单位填报报价、比选并遴选一家。`,
            link: `/comparison/${a.id}`,
          },
        },
      });
    });
    return this.activities.view(saved);
  }

  async comparison(actor: Actor, activityId: string): Promise<CandidateComparisonType> {
    const a = await this.activities.getEntity(actor, activityId);
    if (a.securityMode === SecurityMode.SELF_RECRUITED) throw selfRecruitedRefusal();
    const settings = await this.settings.all();
    const rows = await this.ds.getRepository(CandidateEntity).find({ where: { activityId: a.id }, order: { rank: 'ASC' } });
    const recommendedWeights = snapshotWeights(rows.map(snapshotOf));
    const standings = await candidateStandings(this.ds.manager, rows.map((r) => r.companyId));
    const endDate = localDate(a.endsAt);
    const snaps = rows.map(snapshotOf);
    const cell = (i: number, display: string, value: number | null): ComparisonCellType => ({
      companyId: rows[i].companyId,
      display,
      value,
      best: false,
    });
    const row = (
      key: string,
      label: string,
      group: string,
      higherIsBetter: boolean,
      f: (s: CandidateSuggestionType, i: number) => [string, number | null],
      hint: string | null = null,
    ): ComparisonRowType => ({
      key,
      label,
      group,
      higherIsBetter,
      hint,
      cells: markBest(snaps.map((s, i) => cell(i, ...f(s, i))), higherIsBetter),
    });
    const pct = (v: number | null) => (v === null ? '无记录' : `${round1(v * 100)}%`);
    const table: ComparisonRowType[] = [
      row('license', '许可证有效期', '资质', true, (s) => {
        const expiry = standings.get(s.companyId)?.licenseExpiry ?? s.licenseExpiry;
        const days = Math.round((Date.parse(expiry) - Date.parse(endDate)) / 86_400_000);
        return [`${expiry}（活动结束后${days >= 0 ? `${days}天` : '已过期'}）`, days];
      }),
      // Not a measure to rank on (never marked best): whether the company still stands (`candidateLapse`); one that does
      // not cannot be chosen and is not awaited for its quote (the page reads the row so).
      {
        key: STANDING_ROW,
        label: '公司现状',
        group: '资质',
        higherIsBetter: true,
        hint: '推荐后公司被停业整顿或吊销、单位停用，或许可证不再覆盖活动的，不能遴选，也无需录入报价',
        cells: rows.map((r) => {
          const lapse = candidateLapse(standings.get(r.companyId), a);
          return { companyId: r.companyId, display: lapse ? `不能承担（无需报价）：公司${lapse.why}` : '正常', value: lapse ? 0 : 1, best: false };
        }),
      },
      row('eligibleGuards', '活动当日可用保安员', '人员', true, (s) => [`${s.eligibleGuards}人（需${s.guardsNeeded}人）`, s.eligibleGuards]),
      row('guardsOnRegister', '在职保安员', '人员', true, (s) => [`${s.guardsOnRegister}人`, s.guardsOnRegister]),
      row('youngShare', `年龄结构（${YOUNG_AGE}岁以下占比）`, '人员', true, (s) => [
        `${round1(s.youngShare * 100)}%，平均${s.averageAge ?? '—'}岁`,
        s.youngShare,
      ]),
      row('activitiesServed', '已服务活动', '业绩', true, (s) => [`${s.activitiesServed}次（同规模${s.similarActivities}次）`, s.activitiesServed]),
      row('findingsPer100', '每百名上岗保安员问题数', '业绩', false, (s) => [
        s.findingsPer100 === null ? '无记录' : `${round1(s.findingsPer100)}起`,
        s.findingsPer100,
      ]),
      row('vettingFailureRate', '审核不通过率', '业绩', false, (s) => [pct(s.vettingFailureRate), s.vettingFailureRate]),
      row('averageRating', '活动总结评分（1–5）', '业绩', true, (s) => [
        s.averageRating === null ? '无记录' : `${round1(s.averageRating)}分`,
        s.averageRating,
      ]),
      row('score', '推荐得分（0–100）', '评分', true, (s) => [`${s.score}`, s.score]),
      ...SCORE_PART_KEYS.map((key) =>
        row(
          `part.${key}`,
          `　${scorePartLabels[key]}`,
          '评分',
          true,
          (s) => {
            const p = s.parts.find((x) => x.key === key);
            return p ? [`${p.points}分（${p.raw}）`, p.points] : ['—', null];
          },
          scorePartRules[key],
        ),
      ),
      row('quote', '报价（元）', '报价', false, (_s, i) => {
        const q = rows[i].quote;
        return q === null ? ['未报价', null] : [Number(q).toLocaleString('zh-CN', { minimumFractionDigits: 2 }), Number(q)];
      }),
    ];
    return {
      activity: toActivityType(a, settings, this.clock.now()),
      // The weights the scores shown were computed with, not today's: those could not produce them.
      weights: weightTypes(recommendedWeights ?? weightsOf(settings)),
      weightsAsOf: recommendedWeights ? rows[0].createdAt : null,
      candidates: rows.map((c) => toCandidateType(c, a)),
      rows: table,
      // also to choose again once the selected company lapsed, before any roster (select, review 7-B F2)
      canSelect:
        isChoosingOrganizer(actor, a) &&
        (a.status === ActivityStatus.CANDIDATES_RECOMMENDED ||
          (a.status === ActivityStatus.COMPANY_SELECTED && !!a.selectedCompanyId && !!(await this.selectedCompanyLapse(this.ds.manager, a, false)))),
    };
  }

  private async organizerCandidate(m: EntityManager, actor: Actor, activityId: string, companyId: string) {
    const a = await lockActivity(m, activityId);
    assertCanViewActivity(actor, a);
    assertIsChoosingOrganizer(actor, a);
    if (a.securityMode === SecurityMode.SELF_RECRUITED) throw selfRecruitedRefusal();
    const candidate = await m.findOneBy(CandidateEntity, { activityId, companyId });
    if (!candidate) throw notFound('候选公司');
    return { a, candidate };
  }

  async submitQuote(actor: Actor, activityId: string, companyId: string, amount: number, note: string | null | undefined) {
    const problem = quoteProblem(amount);
    if (problem) throw badInput(problem, [{ field: 'amount', message: problem }]);
    if (note && note.length > 500) throw badInput('报价说明不超过500字', [{ field: 'note', message: '报价说明不超过500字' }]);
    return this.ds.transaction(async (m) => {
      const { a, candidate } = await this.organizerCandidate(m, actor, activityId, companyId);
      if (a.status !== ActivityStatus.CANDIDATES_RECOMMENDED) {
        // Closed once a company is chosen, but for the candidates to choose among again when the chosen one lapsed
        // before any roster (select): the selection waits for their quotes as the first one did. The lapsed company's
        // own quote, one ground of the first choice, stays as entered.
        const choosingAgain = a.status === ActivityStatus.COMPANY_SELECTED && !!a.selectedCompanyId && !!(await this.selectedCompanyLapse(m, a, false));
        if (!choosingAgain) throw conflict('只能在遴选前填报报价');
        if (a.selectedCompanyId === companyId) throw conflict('原中选公司的报价是遴选时的依据，不能更改；请为其他候选公司填报报价后改选');
      }
      // A quote serves the selection, which closes when the event starts (event-window.ts).
      assertBeforeEventStart(a, this.clock.now(), '填报报价', actor);
      const quote = amount.toFixed(2);
      const quoteNote = note?.trim() || null;
      // The same quote again (a double click, a retry): nothing to write, and nothing to audit.
      if (candidate.quote === quote && candidate.quoteNote === quoteNote) return toCandidateType(candidate, a);
      const before = { ...candidate };
      candidate.quote = quote;
      candidate.quoteNote = quoteNote;
      candidate.quotedAt = this.clock.now();
      await m.update(
        CandidateEntity,
        { activityId, companyId },
        { quote: candidate.quote, quoteNote: candidate.quoteNote, quotedAt: candidate.quotedAt },
      );
      await this.audit.record(
        m,
        actor,
        {
          action: AuditAction.UPDATE,
          entityType: 'Candidate',
          entityId: activityId,
          summary: `活动“${a.name}”：填报${snapshotOf(candidate).companyName}报价 ${candidate.quote} 元`,
          before,
          after: candidate,
        },
      );
      return toCandidateType(candidate, a);
    });
  }

  /** Why the selected company can no longer serve the activity (`companyLapse`), or null; with `hold`, its rows held (shared). */
  private async selectedCompanyLapse(m: EntityManager, a: ActivityEntity, hold = true): Promise<{ name: string; why: string } | null> {
    const company = a.selectedCompanyId ? await readCompanyStanding(m, a.selectedCompanyId, hold) : null;
    const lapse = company && companyLapse(company, a);
    return lapse ? { name: company.name, why: lapse.why } : null;
  }

  /**
   * Another candidate in place of a selected company that lapsed: the 台账, the audit and everyone concerned are
   * told. What the companies read names no other company (a company sees none of its rivals, SPEC §1).
   */
  private reselect(
    m: EntityManager,
    actor: Actor,
    a: ActivityEntity,
    choice: { companyId: string; name: string; reason: string; lapse: { name: string; why: string }; police: (string | null)[] },
  ): Promise<ActivityEntity> {
    const previousId = a.selectedCompanyId!;
    return this.lifecycle.amend(m, {
      activity: a,
      actor,
      // The 台账 is read by the chosen company too: the company that lapsed is not named there.
      comment: `改选${choice.name}：原中选公司${choice.lapse.why}，不能继续承担；${choice.reason}`,
      summary: `活动“${a.name}”：改选${choice.name}（原中选公司“${choice.lapse.name}”${choice.lapse.why}）`,
      patch: { selectedCompanyId: choice.companyId, selectionReason: choice.reason, selectedAt: this.clock.now() },
      notify: [
        {
          unitIds: choice.police.filter((x): x is string => !!x),
          message: {
            title: `改选中选公司：${a.name}`,
            body: `原中选公司“${choice.lapse.name}”${choice.lapse.why}，主办单位${a.organizerName}改选${choice.name}承担活动“${a.name}”（${choice.reason}）。`,
            link: `/activities/${a.id}`,
          },
        },
        {
          unitIds: [choice.companyId],
          message: {
            title: `遴选结果：${a.name}`,
            body: `原中选公司不能继续承担，主办单位${a.organizerName}改选本公司承担活动“${a.name}”（${localDate(a.startsAt)}，${a.venue}）安保服务，需保安员${a.guardsRequired}人。请报送保安员名单进行背景审核。`,
            link: `/activities/${a.id}`,
          },
        },
        {
          unitIds: [previousId],
          message: {
            title: `不再承担：${a.name}`,
            body: `本公司${choice.lapse.why}，不能继续承担活动“${a.name}”，主办单位已改选其他候选公司。`,
            link: '/company/profile',
          },
        },
      ],
    });
  }

  /** Refuses (BAD_USER_INPUT, naming them) while a candidate that can still serve the activity has no quote (`candidatesAwaitingQuote`). */
  private async assertQuotesEntered(m: EntityManager, a: ActivityEntity): Promise<void> {
    const candidates = await m.find(CandidateEntity, { where: { activityId: a.id }, order: { rank: 'ASC' } });
    const awaiting = candidatesAwaitingQuote(candidates, await candidateStandings(m, candidates.map((c) => c.companyId)), a);
    if (!awaiting.length) return;
    const names = awaiting.map((c) => snapshotOf(c).companyName);
    throw badInput(missingQuotesMessage(names), names.map((n) => ({ field: 'quote', message: `${n}未录入报价` })));
  }

  async select(actor: Actor, activityId: string, companyId: string, reason: string) {
    const text = reason?.trim();
    if (!text) throw badInput('遴选须写明理由', [{ field: 'reason', message: '请填写遴选理由' }]);
    const settings = await this.settings.all();
    const detachment = await this.units.idsOfKind(UnitKind.SECURITY_DETACHMENT);
    const office = await this.units.idsOfKind(UnitKind.LEADING_GROUP_OFFICE);
    const saved = await this.ds.transaction(async (m) => {
      const { a, candidate } = await this.organizerCandidate(m, actor, activityId, companyId);
      // The selected company suspended, revoked, its unit 停用 or its licence no longer covering the event, before
      // any roster: the organizer chooses another candidate (review 7-B F2: the activity was stranded, only a
      // cancellation got out). Once a roster is in (VETTING on), this is not offered.
      const lapse = a.status === ActivityStatus.COMPANY_SELECTED && a.selectedCompanyId && a.selectedCompanyId !== companyId
        ? await this.selectedCompanyLapse(m, a)
        : null;
      // Another company chosen already (a stale page in another tab, or a colleague): say which and when, not
      // "no need to repeat", which reads as if this choice had gone through (review 8-C F2).
      if (a.status === ActivityStatus.COMPANY_SELECTED && a.selectedCompanyId && a.selectedCompanyId !== companyId && !lapse) {
        const chosen = await m.findOneBy(CandidateEntity, { activityId, companyId: a.selectedCompanyId });
        const when = a.selectedAt ? ` ${formatCN(a.selectedAt)} ` : '';
        throw conflict(`本活动已于${when}遴选${chosen ? snapshotOf(chosen).companyName : '其他公司'}，不能再选其他公司；请刷新页面查看`);
      }
      if (a.status !== ActivityStatus.CANDIDATES_RECOMMENDED && !lapse) {
        await this.lifecycle.transition(m, { activity: a, to: ActivityStatus.COMPANY_SELECTED, actor });
      }
      // A first choice and a re-selection alike: a company chosen once the event is under way could not
      // submit a roster, be vetted or trained for it (review 9-C F1).
      assertBeforeEventStart(a, this.clock.now(), '遴选公司', actor);
      // Qualifications may have lapsed since the recommendation (licence, suspension, findings). The company's
      // and its unit's rows are held (shared) until the selection commits: a suspension or a deactivation at the
      // same moment (which takes them exclusively) comes before, and is seen here, or after, and then finds the
      // activity selected and tells its organizer (company.service notifyOpenActivities).
      await readCompanyStanding(m, companyId, true);
      const now = (await computeSuggestions(m, a, settings, this.clock.now())).items.find((i) => i.companyId === companyId);
      const lapsed = now?.exclusions.filter((e) => e.code !== 'TOO_FEW_GUARDS') ?? [];
      if (lapsed.length) {
        throw badInput(`${snapshotOf(candidate).companyName}目前不具备资格：${lapsed.map((e) => e.message).join('；')}`, [
          { field: 'companyId', message: lapsed.map((e) => e.message).join('；') },
        ]);
      }
      // The comparison on price (SPEC §2 step 4), first choice and re-selection alike: every candidate that could be
      // chosen has a quote. After the refusals above: a stale page is told what happened, not to quote.
      await this.assertQuotesEntered(m, a);
      const name = snapshotOf(candidate).companyName;
      if (lapse) return this.reselect(m, actor, a, { companyId, name, reason: text, lapse, police: [...detachment, ...office, a.reporterUnitId] });
      return this.lifecycle.transition(m, {
        activity: a,
        to: ActivityStatus.COMPANY_SELECTED,
        actor,
        comment: `遴选${name}：${text}`,
        patch: { selectedCompanyId: companyId, selectionReason: text },
        notify: {
          unitIds: [companyId, ...detachment, ...office, a.reporterUnitId],
          message: {
            title: `遴选结果：${a.name}`,
            body: `主办单位${a.organizerName}遴选${name}承担活动“${a.name}”（${localDate(a.startsAt)}，${a.venue}）安保服务，需保安员${a.guardsRequired}人。请中选公司报送保安员名单进行背景审核。`,
            link: `/activities/${a.id}`,
          },
        },
      });
    });
    return this.activities.view(saved);
  }
}

