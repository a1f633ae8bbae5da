/**
 * Local policy (SPEC §3–§5): settings, not code constants. Each key's default and its Chinese
 * label; SECURITY_DETACHMENT changes them through `updateSettings` (audited).
 */
export interface SettingDefinition {
  label: string;
  default: number | boolean;
  min?: number;
  max?: number;
  unit?: string;
  /** Fractions allowed (weights, ratios); otherwise whole numbers only. */
  fractional?: boolean;
  /** What a change reaches, when not everything (a decision keeps the value it was made on). */
  note?: string;
}

const AGE_NOTE = '只适用于尚未批示的活动；已批示的活动按领导批示时确定的年龄条件';
const WEIGHT_NOTE = '只影响此后的评分和推荐；已推荐的候选保留推荐时的得分和权重';

export const settingDefinitions = {
  'guard.maxAge': { label: '保安员年龄上限', default: 55, min: 18, max: 70, unit: '岁', note: AGE_NOTE },
  'guard.minAge': { label: '保安员年龄下限', default: 18, min: 18, max: 30, unit: '岁', note: AGE_NOTE },
  'staffing.guardsPerThousand': { label: '建议保安员配比（每千名观众）', default: 10, min: 1, max: 100, unit: '人' },
  'recommendation.capacityMargin': { label: '可用保安员富余比例', default: 0.2, min: 0, max: 2, fractional: true },
  'recommendation.weight.capacity': { label: '权重：人员富余', default: 0.3, min: 0, max: 1, fractional: true, note: WEIGHT_NOTE },
  'recommendation.weight.age': { label: '权重：年龄结构', default: 0.15, min: 0, max: 1, fractional: true, note: WEIGHT_NOTE },
  'recommendation.weight.performance': { label: '权重：以往表现', default: 0.3, min: 0, max: 1, fractional: true, note: WEIGHT_NOTE },
  'recommendation.weight.experience': { label: '权重：同规模经验', default: 0.15, min: 0, max: 1, fractional: true, note: WEIGHT_NOTE },
  'recommendation.weight.locality': { label: '权重：属地', default: 0.1, min: 0, max: 1, fractional: true, note: WEIGHT_NOTE },
  'vetting.checkRelatives': { label: '审查直系亲属', default: true },
  'vetting.reuseWindowDays': { label: '审查结果复用期', default: 180, min: 0, max: 730, unit: '天' },
  'deadline.recommendDaysBefore': { label: '推荐候选截止（开始前）', default: 15, min: 0, max: 90, unit: '天' },
  'deadline.vettingDaysBefore': { label: '背景审核截止（开始前）', default: 5, min: 0, max: 60, unit: '天' },
  'deadline.trainingDaysBefore': { label: '岗前培训截止（开始前）', default: 2, min: 0, max: 30, unit: '天' },
  'deadline.requestDays': { label: '受理请示截止（通报后）', default: 1, min: 0, max: 7, unit: '天' },
  'deadline.selectionDaysBefore': { label: '遴选公司截止（开始前）', default: 10, min: 0, max: 90, unit: '天' },
  'deadline.rosterDaysBefore': { label: '上报名单截止（开始前）', default: 8, min: 0, max: 60, unit: '天' },
  'deadline.closingDaysAfter': { label: '活动总结截止（结束后）', default: 3, min: 0, max: 30, unit: '天' },
  'onsite.startLeadHours': { label: '现场监管最早开始（开始前）', default: 24, min: 0, max: 72, unit: '小时' },
  'training.passScore': { label: '培训考核合格分数（每科）', default: 60, min: 1, max: 100, unit: '分', note: '只适用于尚未登记结果的培训；已登记的按登记时的合格分数' },
  'supervision.escalateDays': { label: '逾期后提醒办公室（逾期后）', default: 1, min: 0, max: 30, unit: '天' },
  // 个人信息保护法 Art. 19/47: kept no longer than needed; the retention job removes or anonymises after this.
  'privacy.retentionDays': { label: '保安员及亲属信息保存期（活动结项或取消后）', default: 365, min: 30, max: 3650, unit: '天' },
} satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingValues = { [K in SettingKey]: (typeof settingDefinitions)[K]['default'] };

/** Rules between settings, checked on the values after a change (each names the settings it concerns). */
export const settingConstraints: { keys: SettingKey[]; holds: (v: SettingValues) => boolean; message: string }[] = [
  {
    // A decision is reused within its window; its records must still be there (and not anonymised) while it may be.
    keys: ['privacy.retentionDays', 'vetting.reuseWindowDays'],
    holds: (v) => v['privacy.retentionDays'] >= v['vetting.reuseWindowDays'],
    message: '个人信息保存期不能短于审查结果复用期',
  },
  {
    // A range nobody fits would bar every guard from every activity.
    keys: ['guard.minAge', 'guard.maxAge'],
    holds: (v) => v['guard.minAge'] <= v['guard.maxAge'],
    message: '保安员年龄下限不能高于年龄上限',
  },
  {
    // The score is a weighted sum: with every weight 0 all companies score 0 and the ranking says nothing.
    keys: [
      'recommendation.weight.capacity',
      'recommendation.weight.age',
      'recommendation.weight.performance',
      'recommendation.weight.experience',
      'recommendation.weight.locality',
    ],
    holds: (v) =>
      v['recommendation.weight.capacity'] + v['recommendation.weight.age'] + v['recommendation.weight.performance'] +
        v['recommendation.weight.experience'] + v['recommendation.weight.locality'] > 0,
    message: '推荐评分的权重不能全部为0',
  },
  {
    // The stages follow each other: candidates, selection, roster, vetting, training (review 5 C-9:
    // training 30 days before the start and candidates 1 day before put training first).
    keys: ['deadline.recommendDaysBefore', 'deadline.selectionDaysBefore', 'deadline.rosterDaysBefore', 'deadline.vettingDaysBefore', 'deadline.trainingDaysBefore'],
    holds: (v) =>
      v['deadline.recommendDaysBefore'] >= v['deadline.selectionDaysBefore'] &&
      v['deadline.selectionDaysBefore'] >= v['deadline.rosterDaysBefore'] &&
      v['deadline.rosterDaysBefore'] >= v['deadline.vettingDaysBefore'] &&
      v['deadline.vettingDaysBefore'] >= v['deadline.trainingDaysBefore'],
    message: '各环节期限应依次排列：推荐候选 ≥ 遴选 ≥ 上报名单 ≥ 背景审核 ≥ 岗前培训（开始前天数）',
  },
];
