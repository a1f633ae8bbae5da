/**
 * The recommendation score (SPEC §4): a transparent weighted sum. Every part is normalized to 0–100,
 * multiplied by its weight share (weight / sum of weights), and the points added up, so the score is
 * 0–100 whatever the weights sum to. Pure functions: the SQL gathers the measures, this scores them.
 */

export const SCORE_PART_KEYS = ['capacity', 'age', 'performance', 'experience', 'locality'] as const;
export type ScorePartKey = (typeof SCORE_PART_KEYS)[number];

export const scorePartLabels: Record<ScorePartKey, string> = {
  capacity: '人员富余',
  age: '年龄结构',
  performance: '以往表现',
  experience: '同规模经验',
  locality: '属地',
};

/** How each part is normalized, in words (shown with the weights). */
export const scorePartRules: Record<ScorePartKey, string> = {
  capacity: '可用保安员超出所需人数（含富余）的比例，超出一倍及以上得100分',
  age: '可用保安员中45岁以下的占比',
  performance: '每百名上岗保安员问题数、问题纠正率、审核不通过率、活动总结评分的综合分；无历史记70分',
  experience: `近年已总结、规模相当（所需保安员±50%）的活动数，5次及以上得100分`,
  locality: '公司与活动同一辖区得100分，否则0分',
};

/** Guards aged below this count as 中青年 for the age-profile part. */
export const YOUNG_AGE = 45;
/** Similar-scale closed activities at which the experience part is full. */
export const EXPERIENCE_FULL = 5;

export type Weights = Record<ScorePartKey, number>;

/** What the SQL measured about one company for one activity. */
export interface CompanyMeasures {
  eligibleGuards: number;
  guardsNeeded: number;
  youngEligible: number;
  averageEligibleAge: number | null;
  performanceScore: number;
  performanceHasHistory: boolean;
  findingsPer100: number | null;
  vettingFailureRate: number | null;
  averageRating: number | null;
  similarActivities: number;
  sameDistrict: boolean;
}

export interface ScorePart {
  key: ScorePartKey;
  label: string;
  weight: number;
  /** The raw measure in words, e.g. "可用60人，需24人". */
  raw: string;
  /** The raw measure as a number (ratio, share, score, count), for sorting and charts. */
  measure: number | null;
  normalized: number;
  points: number;
}

const clamp = (n: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, n));
export const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (n: number) => `${round1(n * 100)}%`;

export function scoreParts(m: CompanyMeasures, weights: Weights): { parts: ScorePart[]; score: number } {
  const total = SCORE_PART_KEYS.reduce((s, k) => s + Math.max(0, weights[k]), 0) || 1;
  const headroom = m.guardsNeeded > 0 ? (m.eligibleGuards - m.guardsNeeded) / m.guardsNeeded : 0;
  const youngShare = m.eligibleGuards > 0 ? m.youngEligible / m.eligibleGuards : 0;
  const perfRaw = m.performanceHasHistory
    ? [
        m.findingsPer100 !== null ? `每百人问题${round1(m.findingsPer100)}起` : null,
        m.vettingFailureRate !== null ? `审核不通过率${pct(m.vettingFailureRate)}` : null,
        m.averageRating !== null ? `总结评分${round1(m.averageRating)}` : null,
      ]
        .filter(Boolean)
        .join('，') || '有记录'
    : '无历史记录，记中性分';
  const values: Record<ScorePartKey, { raw: string; measure: number | null; normalized: number }> = {
    capacity: {
      raw: `可用${m.eligibleGuards}人，需${m.guardsNeeded}人（富余${m.guardsNeeded > 0 ? pct(headroom) : '—'}）`,
      measure: m.guardsNeeded > 0 ? m.eligibleGuards / m.guardsNeeded : null,
      normalized: clamp(headroom) * 100,
    },
    age: {
      raw: m.eligibleGuards > 0
        ? `${YOUNG_AGE}岁以下占${pct(youngShare)}，平均${m.averageEligibleAge === null ? '—' : round1(m.averageEligibleAge)}岁`
        : '无可用保安员',
      measure: youngShare,
      normalized: youngShare * 100,
    },
    performance: { raw: perfRaw, measure: m.performanceScore, normalized: clamp(m.performanceScore / 100) * 100 },
    experience: {
      raw: `同规模活动${m.similarActivities}次`,
      measure: m.similarActivities,
      normalized: clamp(m.similarActivities / EXPERIENCE_FULL) * 100,
    },
    locality: { raw: m.sameDistrict ? '同一辖区' : '非本辖区', measure: m.sameDistrict ? 1 : 0, normalized: m.sameDistrict ? 100 : 0 },
  };
  const parts = SCORE_PART_KEYS.map((key) => {
    const w = Math.max(0, weights[key]);
    const v = values[key];
    return {
      key,
      label: scorePartLabels[key],
      weight: w,
      raw: v.raw,
      measure: v.measure === null ? null : Math.round(v.measure * 1000) / 1000,
      normalized: round1(v.normalized),
      points: round1((w / total) * v.normalized),
    };
  });
  const score = round1(SCORE_PART_KEYS.reduce((s, k) => s + (Math.max(0, weights[k]) / total) * values[k].normalized, 0));
  return { parts, score };
}

/** Guards needed with the margin: guardsRequired × (1 + margin), rounded up. */
export function guardsNeeded(guardsRequired: number, margin: number): number {
  return Math.ceil(guardsRequired * (1 + margin) - 1e-9);
}
