/**
 * Enumerations and labels of the overview (SPEC §6): what a chart's bar or slice drills down to,
 * which stage of an activity is late, a guard's training outcome and age band.
 */

/** The list behind a figure of the overview. */
export enum DrilldownKind {
  ACTIVITIES = 'ACTIVITIES',
  COMPANIES = 'COMPANIES',
  VETTING_ENTRIES = 'VETTING_ENTRIES',
  TRAINING_RESULTS = 'TRAINING_RESULTS',
  FINDINGS = 'FINDINGS',
  GUARDS_ON_DUTY = 'GUARDS_ON_DUTY',
}

/** The stage whose deadline (settings `deadline.*`; 批示 within 7 days of filing, Art. 14) has passed, in lifecycle order. */
export enum LateStage {
  REQUEST = 'REQUEST',
  DECISION = 'DECISION',
  RECOMMENDATION = 'RECOMMENDATION',
  SELECTION = 'SELECTION',
  ROSTER = 'ROSTER',
  VETTING = 'VETTING',
  TRAINING = 'TRAINING',
  CLOSING = 'CLOSING',
}

/** A guard's result in one training session. */
export enum TrainingOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  ABSENT = 'ABSENT',
  PENDING = 'PENDING',
}

/** Age on the activity's first day. */
export enum AgeBand {
  UNDER_18 = 'UNDER_18',
  AGE_18_25 = 'AGE_18_25',
  AGE_26_35 = 'AGE_26_35',
  AGE_36_45 = 'AGE_36_45',
  AGE_46_55 = 'AGE_46_55',
  OVER_55 = 'OVER_55',
}

export const drilldownKindLabels: Record<DrilldownKind, string> = {
  [DrilldownKind.ACTIVITIES]: '活动',
  [DrilldownKind.COMPANIES]: '保安服务公司',
  [DrilldownKind.VETTING_ENTRIES]: '背景审核记录',
  [DrilldownKind.TRAINING_RESULTS]: '培训考核记录',
  [DrilldownKind.FINDINGS]: '现场检查问题',
  [DrilldownKind.GUARDS_ON_DUTY]: '上岗保安员',
};

export const lateStageLabels: Record<LateStage, string> = {
  [LateStage.REQUEST]: '受理请示逾期',
  [LateStage.DECISION]: '领导批示逾期',
  [LateStage.RECOMMENDATION]: '推荐候选逾期',
  [LateStage.SELECTION]: '遴选公司逾期',
  [LateStage.ROSTER]: '上报名单逾期',
  [LateStage.VETTING]: '背景审核逾期',
  [LateStage.TRAINING]: '岗前培训逾期',
  [LateStage.CLOSING]: '活动总结逾期',
};

export const trainingOutcomeLabels: Record<TrainingOutcome, string> = {
  [TrainingOutcome.PASSED]: '考核合格',
  [TrainingOutcome.FAILED]: '考核不合格',
  [TrainingOutcome.ABSENT]: '缺勤',
  [TrainingOutcome.PENDING]: '待录入',
};

export const ageBandLabels: Record<AgeBand, string> = {
  [AgeBand.UNDER_18]: '未满18岁',
  [AgeBand.AGE_18_25]: '18–25岁',
  [AgeBand.AGE_26_35]: '26–35岁',
  [AgeBand.AGE_36_45]: '36–45岁',
  [AgeBand.AGE_46_55]: '46–55岁',
  [AgeBand.OVER_55]: '55岁以上',
};
