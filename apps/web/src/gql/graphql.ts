/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 活动筛选 */
export type ActivityFilterInput = {
  district?: District | null | undefined;
  /** 开始时间不早于 */
  from?: string | null | undefined;
  /** 按名称、编号、场所、主办单位搜索 */
  search?: string | null | undefined;
  securityMode?: SecurityMode | null | undefined;
  status?: Array<ActivityStatus> | null | undefined;
  /** 开始时间早于 */
  to?: string | null | undefined;
};

/** 登记或修改大型活动 */
export type ActivityInput = {
  address: string;
  /** 本活动保安员年龄上限；不填按设置（默认55岁） */
  ageLimit?: number | null | undefined;
  /** 受理申请日期 YYYY-MM-DD */
  appliedOn: string;
  contactName: string;
  contactPhone: string;
  district: District;
  endsAt: string;
  expectedAttendance: number;
  guardsRequired: number;
  name: string;
  /** 主办单位名称 */
  organizerName: string;
  /** 主办单位（系统中的主办/承办单位账号所属单位） */
  organizerUnitId?: string | number | null | undefined;
  plan?: SecurityPlanInput | null | undefined;
  securityMode: SecurityMode;
  startsAt: string;
  /** 活动类型：演唱会、体育赛事、展会、庆典、灯会… */
  type: string;
  /** 承办单位 */
  undertakerName?: string | null | undefined;
  venue: string;
};

/** 活动状态 */
export type ActivityStatus =
  | 'APPROVED'
  | 'CANCELLED'
  | 'CANDIDATES_RECOMMENDED'
  | 'CLOSED'
  | 'COMPANY_SELECTED'
  | 'DRAFT'
  | 'IN_PROGRESS'
  | 'READY'
  | 'REPORTED'
  | 'TRAINING'
  | 'VETTING';

/** 年龄段 */
export type AgeBand =
  | 'AGE_18_25'
  | 'AGE_26_35'
  | 'AGE_36_45'
  | 'AGE_46_55'
  | 'OVER_55'
  | 'UNDER_18';

/** 审计动作 */
export type AuditAction =
  | 'ACCESS_DENIED'
  | 'CREATE'
  | 'DELETE'
  | 'EXPORT'
  | 'IMPORT'
  | 'LOCKOUT'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOGOUT'
  | 'READ_DETAIL'
  | 'TRANSITION'
  | 'UPDATE';

export type AuditFilterInput = {
  action?: AuditAction | null | undefined;
  /** 其中任一动作（如安全事件：登录失败、锁定、越权、导出） */
  actions?: Array<AuditAction> | null | undefined;
  entityId?: string | null | undefined;
  entityType?: string | null | undefined;
  from?: string | null | undefined;
  result?: AuditResult | null | undefined;
  /** 按摘要或操作人搜索 */
  search?: string | null | undefined;
  to?: string | null | undefined;
};

/** 审计结果 */
export type AuditResult =
  | 'FAILURE'
  | 'SUCCESS';

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

/** 活动总结 */
export type CloseActivityInput = {
  /** 评价等级 1–5 */
  rating: number;
  /** 总结评价 */
  text: string;
  /** 仍有严重问题未纠正时必填：未纠正的原因及后续处理（记入台账，在总览中标出） */
  uncorrectedStatement?: string | null | undefined;
};

/** 为公司负责人开设的登录账号：初始密码由系统生成、只显示一次，首次登录须修改 */
export type CompanyAccountInput = {
  /** 账号使用人（公司负责人）姓名 */
  displayName: string;
  /** 用户名：3–32位小写字母、数字或 _ . - */
  username: string;
};

/** 保安服务公司筛选条件 */
export type CompanyFilterInput = {
  district?: District | null | undefined;
  /** 只看具备资质的公司：状态正常、许可证有效、注册资本达标 */
  qualifiedOnly?: boolean | null | undefined;
  /** 按名称或统一社会信用代码搜索 */
  search?: string | null | undefined;
  status?: CompanyStatus | null | undefined;
};

/** 保安服务公司登记信息 */
export type CompanyInput = {
  /** 住所 */
  address: string;
  /** 联系人 */
  contactName: string;
  /** 联系电话（手机或固定电话） */
  contactPhone: string;
  /** 统一社会信用代码（18位，含校验码） */
  creditCode: string;
  district: District;
  /** 保安服务许可证有效期至（YYYY-MM-DD） */
  licenseExpiry: string;
  /** 保安服务许可证号 */
  licenseNo: string;
  /** 公司名称 */
  name: string;
  /** 注册资本（元），条例第八条：不少于100万元 */
  registeredCapital: number;
};

/** 保安服务公司的许可与注册信息（新建保安服务公司单位时必填） */
export type CompanyLicenceInput = {
  /** 住所 */
  address: string;
  /** 保安服务许可证有效期至（YYYY-MM-DD） */
  licenseExpiry: string;
  /** 保安服务许可证号 */
  licenseNo: string;
  /** 注册资本（元），条例第八条：不少于100万元 */
  registeredCapital: number;
};

/** 公司自行维护的资料：住所与联系人 */
export type CompanyProfileInput = {
  address: string;
  contactName: string;
  contactPhone: string;
};

/** 保安服务公司排序字段 */
export type CompanySortField =
  | 'CREATED_AT'
  | 'GUARD_COUNT'
  | 'LICENSE_EXPIRY'
  | 'NAME';

/** 保安服务公司排序 */
export type CompanySortInput = {
  descending?: boolean;
  field?: CompanySortField;
};

/** 保安服务公司状态 */
export type CompanyStatus =
  | 'ACTIVE'
  | 'REVOKED'
  | 'SUSPENDED';

export type CreateCompanyInput = {
  /** 同时开设公司账号（可选） */
  account?: CompanyAccountInput | null | undefined;
  /** 住所 */
  address: string;
  /** 联系人 */
  contactName: string;
  /** 联系电话（手机或固定电话） */
  contactPhone: string;
  /** 统一社会信用代码（18位，含校验码） */
  creditCode: string;
  district: District;
  /** 保安服务许可证有效期至（YYYY-MM-DD） */
  licenseExpiry: string;
  /** 保安服务许可证号 */
  licenseNo: string;
  /** 公司名称 */
  name: string;
  /** 注册资本（元），条例第八条：不少于100万元 */
  registeredCapital: number;
};

/** 登记保安员 */
export type CreateGuardInput = {
  /** 保安员证发证日期（YYYY-MM-DD）；修改时不传为不变，传 null 或空串为清除（在未结束活动的名单中时不能修改） */
  certificateIssuedOn?: string | null | undefined;
  /** 保安员证号；修改时不传为不变，传 null 或空串为清除（在未结束活动的名单中时不能修改） */
  certificateNo?: string | null | undefined;
  /** 所属公司：保安管理支队必填；保安服务公司账号为本公司，自招保安单位（主办单位）为本单位名册 */
  companyId?: string | number | null | undefined;
  education: Education;
  /** 居民身份证号（18位，出生日期与性别由此得出） */
  idNumber: string;
  name: string;
  /** 手机号；修改时不传为不变，传 null 或空串为清除 */
  phone?: string | null | undefined;
  /** 照片：data URL（image/jpeg 或 image/png，不超过300KB）；修改时不传为不变，传 null 或空串为删除（在未结束活动的名单中时不能修改） */
  photo?: string | null | undefined;
  /** 直系亲属（可稍后补录） */
  relatives?: Array<RelativeInput> | null | undefined;
  /** 未登记父亲或母亲的原因（如已故、不详）；父母均已登记时可不填 */
  relativesStatement?: string | null | undefined;
};

/** 新建单位：按类型校验（公安（分）局须选辖区；主办单位须填统一社会信用代码、联系人、电话；保安服务公司另须许可信息） */
export type CreateUnitInput = {
  /** 同时为联系人开设账号（县区公安局、大型活动安全保卫支队新建主办单位时必填） */
  account?: NewAccountInput | null | undefined;
  /** 保安服务公司的许可与注册信息 */
  company?: CompanyLicenceInput | null | undefined;
  /** 联系人 */
  contactName?: string | null | undefined;
  /** 联系电话（手机或带区号的固定电话） */
  contactPhone?: string | null | undefined;
  /** 统一社会信用代码（GB 32100，18位含校验码） */
  creditCode?: string | null | undefined;
  /** 辖区（市级单位不填） */
  district?: District | null | undefined;
  kind: UnitKind;
  /** 单位名称 */
  name: string;
};

export type CreateUserInput = {
  displayName: string;
  /** 初始密码；首次登录须修改 */
  initialPassword: string;
  role: Role;
  unitId: string | number;
  username: string;
};

/** 统计期间（按活动开始日期，含首尾两天，北京时间） */
export type DateRangeInput = {
  /** 起始日期 YYYY-MM-DD */
  from: string;
  /** 截止日期 YYYY-MM-DD（含当天） */
  to: string;
};

/** 有截止时间的阶段 */
export type DeadlineStage =
  | 'CANDIDATES'
  | 'CLOSING'
  | 'DECISION'
  | 'REQUEST'
  | 'ROSTER'
  | 'SELECTION'
  | 'TRAINING'
  | 'VETTING';

export type DecideVettingInput = {
  /** PASSED 或 FAILED */
  decision: VettingDecision;
  entryIds: Array<string | number>;
  /** 与 entryIds 一一对应的版本号（读取名单时的 version）：有人已作出结论或已重新比对时拒绝（CONFLICT）。不传时，重复同一结论不重复记录，修改已有结论则拒绝 */
  expectedVersions?: Array<number> | null | undefined;
  /** 审核意见（不通过时必填；比中记录、直系亲属未申报完整或比中后更改、此前审核不通过、身份证号更改后仍通过时必填） */
  note?: string | null | undefined;
  /** 不通过时必填；通过时为“无异常” */
  reasonCategory?: VettingReasonCategory | null | undefined;
};

/** 辖区 */
export type District =
  | 'CHENGJIAO'
  | 'DAWA'
  | 'LIAODONGWAN'
  | 'PANSHAN'
  | 'SHUANGTAIZI'
  | 'XINGLONGTAI';

/** 下钻列表的筛选条件 */
export type DrilldownFilterInput = {
  ageBand?: AgeBand | null | undefined;
  /** 严重问题未纠正即总结（附书面说明）的活动 */
  closedWithSerious?: boolean | null | undefined;
  /** 保安服务公司 */
  companyId?: string | number | null | undefined;
  decision?: VettingDecision | null | undefined;
  district?: District | null | undefined;
  /** 候选不足3家（有书面说明）的活动 */
  fewCandidates?: boolean | null | undefined;
  /** 活动开始日期起 YYYY-MM-DD */
  from?: string | null | undefined;
  /** 检查项目 */
  item?: InspectionItem | null | undefined;
  /** 仅逾期活动 */
  late?: boolean | null | undefined;
  /** 逾期阶段 */
  lateStage?: LateStage | null | undefined;
  /** 问题是否未纠正 */
  open?: boolean | null | undefined;
  /** 公司是否合格 */
  qualified?: boolean | null | undefined;
  reasonCategory?: VettingReasonCategory | null | undefined;
  /** 活动状态 */
  status?: ActivityStatus | null | undefined;
  /** 活动开始日期止 YYYY-MM-DD（含） */
  to?: string | null | undefined;
  trainingOutcome?: TrainingOutcome | null | undefined;
};

/** 总览下钻列表类型 */
export type DrilldownKind =
  | 'ACTIVITIES'
  | 'COMPANIES'
  | 'FINDINGS'
  | 'GUARDS_ON_DUTY'
  | 'TRAINING_RESULTS'
  | 'VETTING_ENTRIES';

/** 学历 */
export type Education =
  | 'BACHELOR'
  | 'COLLEGE'
  | 'JUNIOR_MIDDLE'
  | 'POSTGRADUATE'
  | 'PRIMARY'
  | 'SENIOR_MIDDLE'
  | 'VOCATIONAL';

export type EntryVersionInput = {
  entryId: string | number;
  version: number;
};

/** 上传的文件（.xlsx 或 .csv），内容为 base64 */
export type FileInput = {
  /** 文件内容的 base64 编码（可带 data: 前缀） */
  base64: string;
  /** 文件名，按扩展名识别格式 */
  name: string;
};

/** 保安员筛选条件 */
export type GuardFilterInput = {
  /** 所属公司（保安服务公司账号只能是本公司，自招保安单位只能是本单位名册） */
  companyId?: string | number | null | undefined;
  /** 只看该日（YYYY-MM-DD）符合上岗条件的保安员；保安管理支队以外只能是今日（其他日期可推算出生日期） */
  eligibleOn?: string | null | undefined;
  /** 姓名（模糊）、保安员证号或完整的身份证号（精确，按密钥哈希比对；身份证号仅保安管理支队和名册维护者可查） */
  search?: string | null | undefined;
  status?: GuardStatus | null | undefined;
};

/** 修改保安员登记信息：姓名、学历必填；其余字段不传为不变 */
export type GuardInput = {
  /** 保安员证发证日期（YYYY-MM-DD）；修改时不传为不变，传 null 或空串为清除（在未结束活动的名单中时不能修改） */
  certificateIssuedOn?: string | null | undefined;
  /** 保安员证号；修改时不传为不变，传 null 或空串为清除（在未结束活动的名单中时不能修改） */
  certificateNo?: string | null | undefined;
  education: Education;
  /** 更正居民身份证号（18位）；不传或传 null 为不变，不能清除（保安管理支队以外的角色只看到脱敏号码，无须回传） */
  idNumber?: string | null | undefined;
  name: string;
  /** 手机号；修改时不传为不变，传 null 或空串为清除 */
  phone?: string | null | undefined;
  /** 照片：data URL（image/jpeg 或 image/png，不超过300KB）；修改时不传为不变，传 null 或空串为删除（在未结束活动的名单中时不能修改） */
  photo?: string | null | undefined;
};

/** 保安员状态 */
export type GuardStatus =
  | 'ACTIVE'
  | 'LEFT';

export type ImportGuardsInput = {
  /** 保安服务公司：本公司可省略；保安管理支队代为导入时必填 */
  companyId?: string | number | null | undefined;
  file: FileInput;
  mode: ImportMode;
};

/** 导入方式：PREVIEW 仅校验并列出全部问题行、不保存；COMMIT 在一个事务内保存全部行，文件中有任何问题行时一行也不保存（列出全部问题行） */
export type ImportMode =
  | 'COMMIT'
  | 'PREVIEW';

/** 现场检查项目 */
export type InspectionItem =
  | 'BEARING'
  | 'CERTIFICATE'
  | 'DUTY'
  | 'FORBIDDEN_ACT'
  | 'UNIFORM'
  | 'UNVETTED_ON_DUTY';

export type InspectionResultInput = {
  /** 是否符合要求 */
  compliant: boolean;
  item: InspectionItem;
  /** 该项问题说明（不填用检查备注） */
  note?: string | null | undefined;
};

/** 请示：保安管理支队对通报活动的研判 */
export type InstructionRequestInput = {
  /** 其他意见 */
  opinion?: string | null | undefined;
  /** 拟推荐候选公司家数（不少于3家） */
  proposedCandidates: number;
  /** 规模研判（规格、规模、人员密度等） */
  scale: string;
  /** 人员配备意见 */
  staffing: string;
};

/** 逾期阶段 */
export type LateStage =
  | 'CLOSING'
  | 'DECISION'
  | 'RECOMMENDATION'
  | 'REQUEST'
  | 'ROSTER'
  | 'SELECTION'
  | 'TRAINING'
  | 'VETTING';

export type LoginInput = {
  /** 第二步：身份验证器的6位动态验证码，或一个恢复码 */
  code?: string | null | undefined;
  password: string;
  username: string;
};

/** 新开账号：用户名与使用人；初始密码由系统生成，只显示一次，首次登录须修改 */
export type NewAccountInput = {
  /** 账号使用人姓名 */
  displayName: string;
  /** 角色；不填时取单位类型对应的唯一角色 */
  role?: Role | null | undefined;
  /** 用户名：3–32位小写字母、数字或 _ . - */
  username: string;
};

/** 分页参数 */
export type PageInput = {
  page?: number;
  pageSize?: number;
};

/** 许可层级 */
export type PermitTier =
  | 'CITY'
  | 'COUNTY'
  | 'NOT_COVERED';

/** 岗位分工：一名在岗人员的岗位与责任区域 */
export type PostAssignmentInput = {
  /** 责任区域，如“东门外广场” */
  area?: string | null | undefined;
  /** 岗位；空为取消岗位（区域一并取消） */
  post?: string | null | undefined;
  rosterEntryId: string | number;
};

/** 违法犯罪记录类别 */
export type RecordCategory =
  | 'ADMIN_DETENTION'
  | 'COMPULSORY_DETOX'
  | 'CUSTODY_EDUCATION'
  | 'INTENTIONAL_CRIME'
  | 'REEDUCATION_LABOR';

/** 登记一次现场检查 */
export type RecordInspectionInput = {
  activityId: string | number;
  /** 被检查的保安员（在册人员） */
  guardId?: string | number | null | undefined;
  /** 设备生成的 UUID；网络恢复后重发同一条记录不会重复登记，同一编号用于内容不同的记录（或由另一账号发送）则拒绝 */
  id: string | number;
  note?: string | null | undefined;
  /** 不在在岗名单中的在岗人员姓名（及证件号） */
  personName?: string | null | undefined;
  /** 照片 data URL（JPEG/PNG，不超过1 MB） */
  photo?: string | null | undefined;
  post?: string | null | undefined;
  /** 设备上的检查时间 */
  recordedAt: string;
  /** 登记人：设备离线保存记录时的账号。与当前会话的账号不同则拒绝（共用的手机上，换人登录后不以新账号的名义发送前一人的记录） */
  recordedBy?: string | number | null | undefined;
  results?: Array<InspectionResultInput>;
};

/** 直系亲属：父亲、母亲、配偶、子女 */
export type RelativeInput = {
  /** 居民身份证号（18位） */
  idNumber: string;
  name: string;
  relation: RelativeRelation;
};

/** 亲属关系 */
export type RelativeRelation =
  | 'CHILD'
  | 'FATHER'
  | 'MOTHER'
  | 'SPOUSE';

/** 角色 */
export type Role =
  | 'ADMIN'
  | 'AUDITOR'
  | 'COMPANY'
  | 'DISTRICT_BUREAU'
  | 'EVENT_DETACHMENT'
  | 'LEADER'
  | 'OFFICE'
  | 'ORGANIZER'
  | 'SECURITY_DETACHMENT';

export type RosterEntriesFilter = {
  decision?: VettingDecision | null | undefined;
  /** 包含已移出的人员 */
  includeRemoved?: boolean | null | undefined;
  /** 按姓名搜索；保安管理支队还可按完整的身份证号（按其密钥哈希比对，不支持部分号码） */
  search?: string | null | undefined;
  /** 只看比中记录的人员（仅保安管理支队） */
  withHitsOnly?: boolean | null | undefined;
};

/** 安排岗前培训 */
export type ScheduleTrainingInput = {
  /** 授课人 */
  instructor: string;
  /** 补训（为缺训或考核不合格的人员） */
  isMakeup?: boolean;
  /** 学时（每学时45分钟） */
  periods: number;
  place: string;
  /** 参训人员；不填则为全部已通过审核、尚未培训合格的人员 */
  rosterEntryIds?: Array<string | number> | null | undefined;
  startsAt: string;
  topics: Array<TrainingTopic>;
};

/** 安保方式 */
export type SecurityMode =
  | 'SELF_RECRUITED'
  | 'SERVICE_COMPANY';

export type SecurityPlanInput = {
  bufferZones?: string | null | undefined;
  crowdGuidance?: string | null | undefined;
  emergencyPlan?: string | null | undefined;
  identificationMarks?: string | null | undefined;
  parking?: string | null | undefined;
  posts?: string | null | undefined;
  ticketAndSecurityChecks?: string | null | undefined;
  venueCapacity?: number | null | undefined;
};

export type SettingChangeInput = {
  key: string;
  value: unknown;
};

/** 性别 */
export type Sex =
  | 'FEMALE'
  | 'MALE';

export type SubmitRosterInput = {
  activityId: string | number;
  /** 本单位名册中的保安员 id */
  guardIds: Array<string | number>;
  /** 与 guardIds 一一对应的岗位（可省略） */
  posts?: Array<string> | null | undefined;
};

/** 督办通知筛选 */
export type SupervisionNoticeFilter = {
  activityId?: string | number | null | undefined;
  /** 仅本单位须答复的 */
  mine?: boolean | null | undefined;
  /** true 未办结，false 已办结 */
  open?: boolean | null | undefined;
};

/** 督办通知 */
export type SupervisionNoticeInput = {
  activityId: string | number;
  /** 答复期限 YYYY-MM-DD */
  dueOn: string;
  /** 督办的阶段：活动当前等待的阶段，或已过截止日期的阶段 */
  stage: DeadlineStage;
  /** 督办内容 */
  text: string;
};

/** 台账事项类别 */
export type TimelineKind =
  | 'CANDIDATES'
  | 'CORRECTION'
  | 'FINDING'
  | 'INSTRUCTION'
  | 'SUPERVISION'
  | 'TRAINING_RESULT'
  | 'TRAINING_SESSION'
  | 'TRANSITION'
  | 'VETTING_DECISION';

export type TopicScoreInput = {
  score: number;
  topic: TrainingTopic;
};

/** 培训考核结果 */
export type TrainingOutcome =
  | 'ABSENT'
  | 'FAILED'
  | 'PASSED'
  | 'PENDING';

/** 一名保安员的签到与考核结果；各科目是否合格由成绩与合格分数（设置）决定 */
export type TrainingResultInput = {
  attended: boolean;
  rosterEntryId: string | number;
  /** 到课时每个科目一项成绩（0–100） */
  scores?: Array<TopicScoreInput>;
};

/** 培训情况 */
export type TrainingStanding =
  | 'ABSENT'
  | 'FAILED'
  | 'NOT_ASSIGNED'
  | 'PARTIAL'
  | 'PASSED'
  | 'SCHEDULED';

/** 培训科目 */
export type TrainingTopic =
  | 'DUTY_SKILLS'
  | 'EMERGENCY'
  | 'LAWS';

/** 单位类型 */
export type UnitKind =
  | 'COMPANY'
  | 'DISTRICT_BUREAU'
  | 'EVENT_DETACHMENT'
  | 'INSPECTORATE'
  | 'IT_DEPARTMENT'
  | 'LEADING_GROUP'
  | 'LEADING_GROUP_OFFICE'
  | 'ORGANIZER'
  | 'SECURITY_DETACHMENT';

/** 修改培训安排（开始前） */
export type UpdateTrainingSessionInput = {
  /** 授课人 */
  instructor: string;
  /** 学时（每学时45分钟） */
  periods: number;
  place: string;
  startsAt: string;
  topics: Array<TrainingTopic>;
};

/** 审核结论 */
export type VettingDecision =
  | 'FAILED'
  | 'PASSED'
  | 'PENDING';

/** 审核原因类别 */
export type VettingReasonCategory =
  | 'CLEAR'
  | 'OTHER'
  | 'OWN_RECORD'
  | 'PRE_CHECK'
  | 'RELATIVE_RECORD';

/** 查看审核结果的权限层级：DETAIL 保安管理支队（全部详情，查阅留痕）；POLICE 其他公安用户（结果，身份证号脱敏）；SUBMITTER 上报名单的保安服务公司或自招保安单位（本单位人员通过/不通过及原因类别）；ORGANIZER 主办单位（人数统计与通过名单） */
export type VettingTier =
  | 'DETAIL'
  | 'ORGANIZER'
  | 'POLICE'
  | 'SUBMITTER';

export type ActivityListQueryVariables = Exact<{
  filter?: ActivityFilterInput | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type ActivityListQuery = { activities: { total: number, items: Array<{ id: string, code: string, name: string, type: string, status: ActivityStatus, district: District, venue: string, organizerName: string, startsAt: string, endsAt: string, expectedAttendance: number, guardsRequired: number, securityMode: SecurityMode, daysUntilStart: number, permitTier: PermitTier, recommendationShortfall: boolean, requestedAt: string | null, warnings: Array<{ code: string, message: string }>, selectedCompany: { id: string, name: string } | null }> } };

export type ActivityDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ActivityDetailQuery = { activity: { id: string, code: string, name: string, type: string, status: ActivityStatus, district: District, organizerUnitId: string | null, organizerName: string, undertakerName: string | null, venue: string, address: string, startsAt: string, endsAt: string, appliedOn: string, expectedAttendance: number, guardsRequired: number, securityMode: SecurityMode, contactName: string, contactPhone: string, ageLimit: number | null, effectiveAgeLimit: number, effectiveMinAge: number, ageLimitsFixed: boolean, version: number, permitTier: PermitTier, suggestedGuards: number, daysUntilStart: number, recommendationShortfall: boolean, recommendationJustification: string | null, approvalNote: string | null, approvedByName: string | null, approvedAt: string | null, requestedAt: string | null, returnReason: string | null, cancelReason: string | null, selectionReason: string | null, closeStatement: string | null, evaluationRating: number | null, evaluationText: string | null, startableFrom: string, instructionRequests: Array<{ id: string, requestedAt: string, requestedByName: string, answeredAt: string | null, answeredByName: string | null, approved: boolean | null, answer: string | null, assessment: { scale: string, staffing: string, proposedCandidates: number, opinion: string | null, permitTier: PermitTier, expectedAttendance: number, guardsRequired: number, suggestedGuards: number } }>, deadlines: { daysUntilStart: number, lateStages: Array<DeadlineStage>, next: { stage: DeadlineStage, label: string, dueOn: string, responsibleUnitName: string } | null, stages: Array<{ stage: DeadlineStage, label: string, rule: string, responsibleUnitName: string, dueOn: string, daysLeft: number, done: boolean, late: boolean }> }, reporterUnit: { id: string, name: string } | null, organizerUnit: { id: string, name: string, district: District | null } | null, selectedCompany: { id: string, name: string } | null, warnings: Array<{ code: string, message: string }>, plan: { posts: string | null, identificationMarks: string | null, venueCapacity: number | null, bufferZones: string | null, ticketAndSecurityChecks: string | null, parking: string | null, crowdGuidance: string | null, emergencyPlan: string | null }, transitions: Array<{ id: string, fromStatus: ActivityStatus | null, toStatus: ActivityStatus, actorName: string, comment: string | null, at: string }>, candidates: Array<{ companyId: string, companyName: string, rank: number, score: number, quote: number | null, selected: boolean }> } };

export type OrganizerUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizerUnitsQuery = { units: Array<{ id: string, name: string, district: District | null }> };

export type CreateActivityMutationVariables = Exact<{
  input: ActivityInput;
}>;


export type CreateActivityMutation = { createActivity: { id: string, status: ActivityStatus } };

export type UpdateActivityMutationVariables = Exact<{
  id: string | number;
  input: ActivityInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateActivityMutation = { updateActivity: { id: string, status: ActivityStatus, version: number } };

export type ReportActivityMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type ReportActivityMutation = { reportActivity: { id: string, status: ActivityStatus, version: number } };

export type ApproveActivityMutationVariables = Exact<{
  id: string | number;
  approved: boolean;
  note?: string | null | undefined;
  expectedVersion?: number | null | undefined;
}>;


export type ApproveActivityMutation = { approveActivity: { id: string, status: ActivityStatus, version: number } };

export type CancelActivityMutationVariables = Exact<{
  id: string | number;
  reason: string;
  expectedVersion?: number | null | undefined;
}>;


export type CancelActivityMutation = { cancelActivity: { id: string, status: ActivityStatus, version: number } };

export type RequestInstructionMutationVariables = Exact<{
  id: string | number;
  input: InstructionRequestInput;
}>;


export type RequestInstructionMutation = { requestInstruction: { id: string, status: ActivityStatus, version: number, requestedAt: string | null } };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilterInput | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { total: number, items: Array<{ id: string, at: string, action: AuditAction, actorName: string | null, actorRole: Role | null, entityType: string, entityId: string | null, summary: string, before: unknown, after: unknown, payloadHidden: boolean, result: AuditResult, ip: string | null }> } };

export type VerifyAuditChainQueryVariables = Exact<{
  anchor?: string | null | undefined;
}>;


export type VerifyAuditChainQuery = { verifyAuditChain: { intact: boolean, checked: number, headSeq: string, headHash: string, anchorHolds: boolean | null, verifiedAt: string, firstBroken: { seq: string, id: string | null, at: string | null, summary: string | null, reason: string } | null } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { id: string, displayName: string, role: Role, mustChangePassword: boolean, mustEnrolTotp: boolean } };

export type CurrentSessionQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentSessionQuery = { currentSession: { id: string, expiresAt: string, idleTimeoutMinutes: number } };

export type AccountSecurityQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountSecurityQuery = { accountSecurity: { passwordChangedAt: string, passwordExpiresAt: string, totpEnabled: boolean, totpRequired: boolean, recoveryCodesLeft: number } };

export type MyUnitAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyUnitAccountsQuery = { myUnitAccounts: Array<{ id: string, username: string, displayName: string, role: Role, active: boolean, createdAt: string, openedBy: string | null }> };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, createdAt: string, lastSeenAt: string, expiresAt: string, userAgent: string | null, ip: string | null, current: boolean }> };

export type EndSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type EndSessionMutation = { endSession: boolean };

export type BeginTotpEnrolmentMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginTotpEnrolmentMutation = { beginTotpEnrolment: { secret: string, otpauthUrl: string, qrCodeDataUrl: string } };

export type ConfirmTotpEnrolmentMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpEnrolmentMutation = { confirmTotpEnrolment: { codes: Array<string> } };

export type RegenerateRecoveryCodesMutationVariables = Exact<{
  code: string;
}>;


export type RegenerateRecoveryCodesMutation = { regenerateRecoveryCodes: { codes: Array<string> } };

export type DisableTotpMutationVariables = Exact<{
  password: string;
}>;


export type DisableTotpMutation = { disableTotp: { id: string, totpEnabled: boolean, mustEnrolTotp: boolean } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { id: string, mustChangePassword: boolean, passwordExpired: boolean } };

export type CompanyListQueryVariables = Exact<{
  filter?: CompanyFilterInput | null | undefined;
  sort?: CompanySortInput | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type CompanyListQuery = { companies: { total: number, items: Array<{ id: string, name: string, creditCode: string | null, district: District, status: CompanyStatus, statusReason: string | null, licenseExpiry: string | null, licenseValid: boolean | null, licenseDaysLeft: number | null, registeredCapital: number | null, guardsOnRegister: number, guardsWithValidCertificate: number, performanceScore: number | null }> } };

export type CompanyDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CompanyDetailQuery = { company: { id: string, name: string, selfRecruitedRegister: boolean, creditCode: string | null, licenseNo: string | null, licenseExpiry: string | null, licenseValid: boolean | null, licenseDaysLeft: number | null, registeredCapital: number | null, address: string, district: District, contactName: string, contactPhone: string, status: CompanyStatus, statusReason: string | null, version: number, createdAt: string, guardsOnRegister: number, guardsWithValidCertificate: number, guardsWithValidVetting: number, activitiesServed: number | null, findingsRate: number | null, performanceScore: number | null, ageProfile: { under30: number, from30to39: number, from40to49: number, from50to55: number, over55: number, averageAge: number | null }, performance: { dutyGuards: number, findings: number, findingsCorrected: number, openSeriousFindings: number, findingsPer100: number | null, correctionRate: number | null, vettingDecided: number, vettingFailed: number, vettingFailureRate: number | null, closedActivities: number, averageRating: number | null, score: number, hasHistory: boolean } | null } };

export type CreateCompanyMutationVariables = Exact<{
  input: CreateCompanyInput;
}>;


export type CreateCompanyMutation = { createCompany: { id: string, name: string, issuedAccount: { initialPassword: string, account: { id: string, username: string, displayName: string, role: Role, mustChangePassword: boolean, unit: { id: string, name: string, kind: UnitKind } } } | null } };

export type UpdateCompanyMutationVariables = Exact<{
  id: string | number;
  input: CompanyInput;
  version?: number | null | undefined;
}>;


export type UpdateCompanyMutation = { updateCompany: { id: string, name: string, version: number } };

export type SetCompanyStatusMutationVariables = Exact<{
  id: string | number;
  status: CompanyStatus;
  reason: string;
}>;


export type SetCompanyStatusMutation = { setCompanyStatus: { id: string, status: CompanyStatus, statusReason: string | null, version: number } };

export type UpdateCompanyProfileMutationVariables = Exact<{
  input: CompanyProfileInput;
}>;


export type UpdateCompanyProfileMutation = { updateCompanyProfile: { id: string, address: string, contactName: string, contactPhone: string, version: number } };

export type ImportCompaniesMutationVariables = Exact<{
  file: FileInput;
  mode: ImportMode;
}>;


export type ImportCompaniesMutation = { importCompanies: { mode: ImportMode, totalRows: number, validRows: number, invalidRows: number, created: number, updated: number, unchanged: number, ids: Array<string>, elapsedMs: number, problems: Array<{ row: number, column: string, message: string }> } };

export type OverviewCountFieldsFragment = { key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } };

export type OverviewQueryVariables = Exact<{
  range: DateRangeInput;
  district?: District | null | undefined;
}>;


export type OverviewQuery = { overview: { from: string, to: string, district: District | null, generatedAt: string, headline: { activities: number, activitiesOpen: number, activitiesLate: number, activitiesFewCandidates: number, activitiesClosedWithSerious: number, companiesQualified: number, companiesTotal: number, guardsVetted: number, guardsPassed: number, guardsPending: number, vettingPassRate: number | null, trainingPassRate: number | null, guardsOnDuty: number, findingsOpen: number, findingsTotal: number }, companiesByDistrict: Array<{ key: string, label: string, parts: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }> }>, vettingOutcomes: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }>, failureReasons: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }>, activitiesByStage: Array<{ key: string, label: string, parts: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }> }>, lateByStage: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }>, fewCandidates: { key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }, closedWithSerious: { key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }, punctuality: Array<{ unitId: string, unitName: string, onTime: number, late: number, overdue: number, open: number }>, trainingOutcomes: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }>, findingsByItem: Array<{ key: string, label: string, parts: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }> }>, findingsByCompany: Array<{ key: string, label: string, parts: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }> }>, ageProfile: Array<{ key: string, label: string, value: number, kind: DrilldownKind, filter: { from: string | null, to: string | null, district: District | null, status: ActivityStatus | null, lateStage: LateStage | null, late: boolean | null, fewCandidates: boolean | null, closedWithSerious: boolean | null, qualified: boolean | null, decision: VettingDecision | null, reasonCategory: VettingReasonCategory | null, trainingOutcome: TrainingOutcome | null, item: InspectionItem | null, open: boolean | null, companyId: string | null, ageBand: AgeBand | null } }> } };

export type OverviewDrilldownQueryVariables = Exact<{
  kind: DrilldownKind;
  filter: DrilldownFilterInput;
  page?: PageInput | null | undefined;
}>;


export type OverviewDrilldownQuery = { overviewDrilldown: { kind: DrilldownKind, title: string, columns: Array<string>, total: number, page: number, pageSize: number, items: Array<{ id: string, cells: Array<string>, link: string | null }> } };

export type MyHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type MyHomeQuery = { myHome: { noticesToAnswer: number, counts: Array<{ key: string, label: string, value: number, link: string | null, warn: boolean }>, activities: Array<{ id: string, code: string, name: string, status: ActivityStatus, district: District, venue: string, startsAt: string, guardsRequired: number, daysLeft: number, lateStage: LateStage | null, waitingOn: string, myTurn: boolean, vettingPassed: number, vettingFailed: number, vettingPending: number, nextTrainingAt: string | null, findingsOpen: number, link: string }>, company: { id: string, name: string, creditCode: string, licenseNo: string, licenseExpiry: string, licenseDaysLeft: number, status: string, district: District, qualified: boolean, problems: Array<string> } | null, trainings: Array<{ id: string, activityName: string, startsAt: string, place: string, guards: number, makeup: boolean }>, outcomes: Array<{ key: string, label: string, value: number }>, ageProfile: Array<{ key: string, label: string, value: number }>, overdue: Array<{ unitId: string, unitName: string, items: Array<{ activityId: string, activityCode: string, activityName: string, district: District, stage: DeadlineStage, stageLabel: string, task: string, dueOn: string, daysOverdue: number, unitId: string, unitName: string, reminderLevel: number, openNoticeId: string | null }> }> } };

export type WorkQueueQueryVariables = Exact<{
  page?: PageInput | null | undefined;
}>;


export type WorkQueueQuery = { workQueue: { total: number, items: Array<{ activityId: string, activityCode: string, activityName: string, status: ActivityStatus, district: District, startsAt: string, task: string, detail: string, dueOn: string, daysLeft: number, daysUntilStart: number, late: boolean, link: string }> } };

export type GuardListQueryVariables = Exact<{
  filter?: GuardFilterInput | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type GuardListQuery = { guards: { total: number, items: Array<{ id: string, name: string, idNumber: string, sex: Sex, age: number, phone: string | null, certificateNo: string | null, education: Education, status: GuardStatus, leftOn: string | null, relativeCount: number | null, relativesDeclared: boolean | null, rosterLock: string | null, eligibilityProblems: Array<{ code: string, article: string | null, message: string }> }> } };

export type GuardDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type GuardDetailQuery = { guard: { id: string, companyId: string, name: string, idNumber: string, birthDate: string | null, sex: Sex, age: number, phone: string | null, certificateNo: string | null, certificateIssuedOn: string | null, education: Education, photo: string | null, status: GuardStatus, leftOn: string | null, relativeCount: number | null, relativesDeclared: boolean | null, relativesStatement: string | null, relativesVersion: string | null, updatedAt: string, rosterLock: string | null, company: { id: string, name: string }, revocations: Array<{ id: string, revokedOn: string, reason: string | null, certificateNo: string | null, correctedAt: string | null, correctionNote: string | null, cancelledAt: string | null, cancelReason: string | null }>, eligibilityProblems: Array<{ code: string, article: string | null, message: string }> } };

export type GuardRelativesQueryVariables = Exact<{
  id: string | number;
}>;


export type GuardRelativesQuery = { guard: { id: string, relativesVersion: string | null, relatives: Array<{ id: string, name: string, relation: RelativeRelation, idNumber: string }> | null } };

export type CreateGuardMutationVariables = Exact<{
  input: CreateGuardInput;
}>;


export type CreateGuardMutation = { createGuard: { id: string, name: string } };

export type UpdateGuardMutationVariables = Exact<{
  id: string | number;
  input: GuardInput;
  expectedUpdatedAt?: string | null | undefined;
}>;


export type UpdateGuardMutation = { updateGuard: { id: string, name: string, updatedAt: string } };

export type SetGuardRelativesMutationVariables = Exact<{
  guardId: string | number;
  relatives: Array<RelativeInput> | RelativeInput;
  statement?: string | null | undefined;
  expectedVersion?: string | null | undefined;
}>;


export type SetGuardRelativesMutation = { setGuardRelatives: { id: string, relativeCount: number | null, relativesDeclared: boolean | null, relativesStatement: string | null, relativesVersion: string | null } };

export type GuardLeavesMutationVariables = Exact<{
  id: string | number;
  date: string;
}>;


export type GuardLeavesMutation = { guardLeaves: { id: string, status: GuardStatus, leftOn: string | null } };

export type CorrectCertificateRevocationMutationVariables = Exact<{
  id: string | number;
  date: string;
  reason: string;
  note: string;
  certificateNo?: string | null | undefined;
}>;


export type CorrectCertificateRevocationMutation = { correctCertificateRevocation: { id: string, revokedOn: string, reason: string | null, certificateNo: string | null, correctedAt: string | null, correctionNote: string | null, cancelledAt: string | null, cancelReason: string | null } };

export type CancelCertificateRevocationMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type CancelCertificateRevocationMutation = { cancelCertificateRevocation: { id: string, revokedOn: string, reason: string | null, certificateNo: string | null, correctedAt: string | null, correctionNote: string | null, cancelledAt: string | null, cancelReason: string | null } };

export type OnsiteActivityQueryVariables = Exact<{
  id: string | number;
}>;


export type OnsiteActivityQuery = { activity: { __typename: 'Activity', id: string, code: string, name: string, status: ActivityStatus, venue: string, startsAt: string, endsAt: string, startableFrom: string, securityMode: SecurityMode, closeStatement: string | null, guardsRequired: number, version: number, selectedCompany: { __typename: 'ActivityCompanyRef', id: string, name: string } | null, deadlines: { __typename: 'ActivityDeadlines', daysUntilStart: number, lateStages: Array<DeadlineStage>, stages: Array<{ __typename: 'StageDeadline', stage: DeadlineStage, label: string, rule: string, responsibleUnitName: string, dueOn: string, daysLeft: number, done: boolean, late: boolean }> } } };

export type OnDutyRosterQueryVariables = Exact<{
  activityId: string | number;
}>;


export type OnDutyRosterQuery = { onDutyRoster: Array<{ __typename: 'OnDutyGuard', rosterEntryId: string, guardId: string, name: string, certificateNo: string | null, photoUrl: string | null, post: string | null, area: string | null, companyId: string, companyName: string }> };

export type ActivityFindingsQueryVariables = Exact<{
  activityId: string | number;
  openOnly?: boolean | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type ActivityFindingsQuery = { findings: { __typename: 'FindingPage', total: number, items: Array<{ __typename: 'InspectionFinding', id: string, inspectionId: string, personName: string, certificateNo: string | null, post: string | null, area: string | null, companyName: string | null, item: InspectionItem, serious: boolean, note: string | null, photoUrl: string | null, recordedAt: string, recordedByName: string, correctedAt: string | null, correctedByName: string | null, correctionNote: string | null }> } };

export type OnsiteActivitiesQueryVariables = Exact<{
  filter?: ActivityFilterInput | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type OnsiteActivitiesQuery = { activities: { total: number, items: Array<{ id: string, code: string, name: string, status: ActivityStatus, venue: string, startsAt: string, endsAt: string, guardsRequired: number, selectedCompany: { id: string, name: string } | null, deadlines: { daysUntilStart: number, lateStages: Array<DeadlineStage>, next: { stage: DeadlineStage, label: string, dueOn: string, daysLeft: number, late: boolean } | null } }> } };

export type RecordInspectionMutationVariables = Exact<{
  input: RecordInspectionInput;
}>;


export type RecordInspectionMutation = { recordInspection: { id: string, findings: Array<{ id: string, item: InspectionItem, serious: boolean }> } };

export type CorrectFindingMutationVariables = Exact<{
  findingId: string | number;
  note: string;
  correctedAt?: string | null | undefined;
}>;


export type CorrectFindingMutation = { correctFinding: { id: string, correctedAt: string | null, correctedByName: string | null, correctionNote: string | null } };

export type StartActivityMutationVariables = Exact<{
  id: string | number;
}>;


export type StartActivityMutation = { startActivity: { id: string, status: ActivityStatus, version: number } };

export type CloseActivityMutationVariables = Exact<{
  id: string | number;
  input: CloseActivityInput;
}>;


export type CloseActivityMutation = { closeActivity: { id: string, status: ActivityStatus, version: number, closeStatement: string | null } };

export type OutboxKeyQueryVariables = Exact<{
  version?: number | null | undefined;
}>;


export type OutboxKeyQuery = { outboxKey: { userId: string, version: number, key: string } };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type NotificationsQueryVariables = Exact<{
  unreadOnly: boolean;
  page?: PageInput | null | undefined;
}>;


export type NotificationsQuery = { notifications: { total: number, page: number, pageSize: number, items: Array<{ id: string, title: string, body: string, link: string | null, createdAt: string, readAt: string | null }> } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type ScoreWeightsFragment = { key: string, label: string, weight: number, share: number, rule: string };

export type CandidateSuggestionsQueryVariables = Exact<{
  activityId: string | number;
  page?: PageInput | null | undefined;
  qualifiedOnly?: boolean | null | undefined;
}>;


export type CandidateSuggestionsQuery = { activity: { id: string, code: string, name: string, status: ActivityStatus, district: District, venue: string, startsAt: string, endsAt: string, guardsRequired: number, expectedAttendance: number, securityMode: SecurityMode, recommendationJustification: string | null }, candidateSuggestions: { activityId: string, companyCount: number, total: number, recommendedCompanyIds: Array<string>, guardsRequired: number, guardsNeeded: number, capacityMargin: number, minAge: number, maxAge: number, reuseWindowDays: number, qualifiedCount: number, weights: Array<{ key: string, label: string, weight: number, share: number, rule: string }>, items: Array<{ companyId: string, companyName: string, district: District, status: CompanyStatus, licenseExpiry: string, qualified: boolean, rank: number | null, score: number, guardsOnRegister: number, eligibleGuards: number, guardsNeeded: number, averageAge: number | null, youngShare: number, activitiesServed: number, similarActivities: number, recommended: boolean, parts: Array<{ key: string, label: string, weight: number, raw: string, normalized: number, points: number }>, exclusions: Array<{ code: string, message: string }> }> } };

export type RecommendCandidatesMutationVariables = Exact<{
  activityId: string | number;
  companyIds: Array<string | number> | string | number;
  justification?: string | null | undefined;
}>;


export type RecommendCandidatesMutation = { recommendCandidates: { id: string, status: ActivityStatus, recommendationShortfall: boolean } };

export type CandidateComparisonQueryVariables = Exact<{
  activityId: string | number;
}>;


export type CandidateComparisonQuery = { candidateComparison: { canSelect: boolean, weightsAsOf: string | null, activity: { id: string, code: string, name: string, status: ActivityStatus, venue: string, startsAt: string, endsAt: string, guardsRequired: number, expectedAttendance: number, selectionReason: string | null, recommendationJustification: string | null, selectedCompany: { id: string, name: string } | null }, weights: Array<{ key: string, label: string, weight: number, share: number, rule: string }>, candidates: Array<{ companyId: string, companyName: string, rank: number, score: number, quote: number | null, quoteNote: string | null, selected: boolean }>, rows: Array<{ key: string, label: string, group: string, higherIsBetter: boolean, hint: string | null, cells: Array<{ companyId: string, display: string, value: number | null, best: boolean }> }> } };

export type SubmitQuoteMutationVariables = Exact<{
  activityId: string | number;
  companyId: string | number;
  amount: number;
  note?: string | null | undefined;
}>;


export type SubmitQuoteMutation = { submitQuote: { companyId: string, quote: number | null, quoteNote: string | null } };

export type SelectCompanyMutationVariables = Exact<{
  activityId: string | number;
  companyId: string | number;
  reason: string;
}>;


export type SelectCompanyMutation = { selectCompany: { id: string, status: ActivityStatus, selectedCompanyId: string | null } };

export type SecuritySettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SecuritySettingsQuery = { securitySettings: Array<{ key: string, label: string, value: unknown, defaultValue: unknown, unit: string | null }> };

export type UpdateSecuritySettingsMutationVariables = Exact<{
  changes: Array<SettingChangeInput> | SettingChangeInput;
}>;


export type UpdateSecuritySettingsMutation = { updateSecuritySettings: Array<{ key: string, value: unknown }> };

export type SettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsQuery = { settings: Array<{ key: string, label: string, value: unknown, defaultValue: unknown, unit: string | null, note: string | null }> };

export type UpdateSettingsMutationVariables = Exact<{
  changes: Array<SettingChangeInput> | SettingChangeInput;
}>;


export type UpdateSettingsMutation = { updateSettings: Array<{ key: string, value: unknown }> };

export type OverdueUnitFieldsFragment = { unitId: string, unitName: string, items: Array<{ activityId: string, activityCode: string, activityName: string, district: District, stage: DeadlineStage, stageLabel: string, task: string, dueOn: string, daysOverdue: number, unitId: string, unitName: string, reminderLevel: number, openNoticeId: string | null }> };

export type OverdueByUnitQueryVariables = Exact<{ [key: string]: never; }>;


export type OverdueByUnitQuery = { overdueByUnit: Array<{ unitId: string, unitName: string, items: Array<{ activityId: string, activityCode: string, activityName: string, district: District, stage: DeadlineStage, stageLabel: string, task: string, dueOn: string, daysOverdue: number, unitId: string, unitName: string, reminderLevel: number, openNoticeId: string | null }> }> };

export type SupervisionNoticeFieldsFragment = { id: string, activityId: string, activityName: string, stage: DeadlineStage, stageLabel: string, unitId: string, unitName: string, text: string, dueOn: string, issuedAt: string, issuedByName: string, answer: string | null, answeredAt: string | null, answeredByName: string | null, outcome: string | null, closedAt: string | null, closedByName: string | null, answerLate: boolean, mine: boolean };

export type SupervisionNoticesQueryVariables = Exact<{
  filter?: SupervisionNoticeFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type SupervisionNoticesQuery = { supervisionNotices: { total: number, items: Array<{ id: string, activityId: string, activityName: string, stage: DeadlineStage, stageLabel: string, unitId: string, unitName: string, text: string, dueOn: string, issuedAt: string, issuedByName: string, answer: string | null, answeredAt: string | null, answeredByName: string | null, outcome: string | null, closedAt: string | null, closedByName: string | null, answerLate: boolean, mine: boolean }> } };

export type IssueSupervisionNoticeMutationVariables = Exact<{
  input: SupervisionNoticeInput;
}>;


export type IssueSupervisionNoticeMutation = { issueSupervisionNotice: { id: string, activityId: string, activityName: string, stage: DeadlineStage, stageLabel: string, unitId: string, unitName: string, text: string, dueOn: string, issuedAt: string, issuedByName: string, answer: string | null, answeredAt: string | null, answeredByName: string | null, outcome: string | null, closedAt: string | null, closedByName: string | null, answerLate: boolean, mine: boolean } };

export type AnswerSupervisionNoticeMutationVariables = Exact<{
  id: string | number;
  answer: string;
}>;


export type AnswerSupervisionNoticeMutation = { answerSupervisionNotice: { id: string, activityId: string, activityName: string, stage: DeadlineStage, stageLabel: string, unitId: string, unitName: string, text: string, dueOn: string, issuedAt: string, issuedByName: string, answer: string | null, answeredAt: string | null, answeredByName: string | null, outcome: string | null, closedAt: string | null, closedByName: string | null, answerLate: boolean, mine: boolean } };

export type CloseSupervisionNoticeMutationVariables = Exact<{
  id: string | number;
  outcome: string;
}>;


export type CloseSupervisionNoticeMutation = { closeSupervisionNotice: { id: string, activityId: string, activityName: string, stage: DeadlineStage, stageLabel: string, unitId: string, unitName: string, text: string, dueOn: string, issuedAt: string, issuedByName: string, answer: string | null, answeredAt: string | null, answeredByName: string | null, outcome: string | null, closedAt: string | null, closedByName: string | null, answerLate: boolean, mine: boolean } };

export type ActivityTimelineQueryVariables = Exact<{
  activityId: string | number;
}>;


export type ActivityTimelineQuery = { activityTimeline: { activityId: string, activityCode: string, activityName: string, entries: Array<{ at: string, kind: TimelineKind, kindLabel: string, title: string, detail: string | null, actorName: string | null, important: boolean }> } };

export type TrainingOverviewQueryVariables = Exact<{
  activityId: string | number;
}>;


export type TrainingOverviewQuery = { training: { activityId: string, guardsRequired: number, clearedCount: number, onDutyCount: number, trainees: Array<{ rosterEntryId: string, guardId: string, guardName: string, certificateNo: string | null, companyName: string, standing: TrainingStanding, passedTopics: Array<TrainingTopic>, missingTopics: Array<TrainingTopic> }>, sessions: Array<{ id: string, activityId: string, activityName: string, startsAt: string, place: string, instructor: string, topics: Array<TrainingTopic>, periods: number, isMakeup: boolean, resultsRecorded: boolean, started: boolean, passScore: number, version: number, resultsVersion: number, cancelledAt: string | null, cancelReason: string | null, updatedAt: string | null, attendance: Array<{ sessionId: string, rosterEntryId: string, guardId: string, guardName: string, certificateNo: string | null, companyName: string, attended: boolean | null, passed: boolean | null, passedTopics: Array<TrainingTopic>, recordedAt: string | null, scores: Array<{ topic: TrainingTopic, score: number, passed: boolean }> }> }> } };

export type TrainingSessionFieldsFragment = { id: string, activityId: string, activityName: string, startsAt: string, place: string, instructor: string, topics: Array<TrainingTopic>, periods: number, isMakeup: boolean, resultsRecorded: boolean, started: boolean, passScore: number, version: number, resultsVersion: number, cancelledAt: string | null, cancelReason: string | null, updatedAt: string | null, attendance: Array<{ sessionId: string, rosterEntryId: string, guardId: string, guardName: string, certificateNo: string | null, companyName: string, attended: boolean | null, passed: boolean | null, passedTopics: Array<TrainingTopic>, recordedAt: string | null, scores: Array<{ topic: TrainingTopic, score: number, passed: boolean }> }> };

export type TrainingSessionSheetQueryVariables = Exact<{
  id: string | number;
}>;


export type TrainingSessionSheetQuery = { trainingSession: { id: string, activityId: string, activityName: string, startsAt: string, place: string, instructor: string, topics: Array<TrainingTopic>, periods: number, isMakeup: boolean, resultsRecorded: boolean, started: boolean, passScore: number, version: number, resultsVersion: number, cancelledAt: string | null, cancelReason: string | null, updatedAt: string | null, attendance: Array<{ sessionId: string, rosterEntryId: string, guardId: string, guardName: string, certificateNo: string | null, companyName: string, attended: boolean | null, passed: boolean | null, passedTopics: Array<TrainingTopic>, recordedAt: string | null, scores: Array<{ topic: TrainingTopic, score: number, passed: boolean }> }> } };

export type ScheduleTrainingMutationVariables = Exact<{
  activityId: string | number;
  input: ScheduleTrainingInput;
}>;


export type ScheduleTrainingMutation = { scheduleTraining: { id: string } };

export type UpdateTrainingSessionMutationVariables = Exact<{
  id: string | number;
  input: UpdateTrainingSessionInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateTrainingSessionMutation = { updateTrainingSession: { id: string } };

export type CancelTrainingSessionMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type CancelTrainingSessionMutation = { cancelTrainingSession: { id: string } };

export type AssignPostsMutationVariables = Exact<{
  activityId: string | number;
  assignments: Array<PostAssignmentInput> | PostAssignmentInput;
}>;


export type AssignPostsMutation = { assignPosts: Array<{ rosterEntryId: string, post: string | null, area: string | null }> };

export type RecordTrainingResultsMutationVariables = Exact<{
  sessionId: string | number;
  results: Array<TrainingResultInput> | TrainingResultInput;
  expectedResultsVersion?: number | null | undefined;
}>;


export type RecordTrainingResultsMutation = { recordTrainingResults: { id: string, resultsRecorded: boolean, resultsVersion: number } };

export type IssuedAccountFieldsFragment = { initialPassword: string, account: { id: string, username: string, displayName: string, role: Role, mustChangePassword: boolean, unit: { id: string, name: string, kind: UnitKind } } };

export type CreateUnitMutationVariables = Exact<{
  input: CreateUnitInput;
}>;


export type CreateUnitMutation = { createUnit: { unit: { id: string, name: string, kind: UnitKind, district: District | null, creditCode: string | null, contactName: string | null, contactPhone: string | null, active: boolean }, account: { initialPassword: string, account: { id: string, username: string, displayName: string, role: Role, mustChangePassword: boolean, unit: { id: string, name: string, kind: UnitKind } } } | null } };

export type IssueUnitAccountMutationVariables = Exact<{
  unitId: string | number;
  input: NewAccountInput;
}>;


export type IssueUnitAccountMutation = { issueUnitAccount: { initialPassword: string, account: { id: string, username: string, displayName: string, role: Role, mustChangePassword: boolean, unit: { id: string, name: string, kind: UnitKind } } } };

export type UnitAccountsQueryVariables = Exact<{
  unitId: string | number;
}>;


export type UnitAccountsQuery = { unitAccounts: Array<{ id: string, username: string, displayName: string, active: boolean, mustChangePassword: boolean, lastLoginAt: string | null }> };

export type UnitsQueryVariables = Exact<{
  kind?: UnitKind | null | undefined;
}>;


export type UnitsQuery = { units: Array<{ id: string, name: string, kind: UnitKind, district: District | null, contactName: string | null, contactPhone: string | null }> };

export type AdminUnitsQueryVariables = Exact<{
  kind?: UnitKind | null | undefined;
  search?: string | null | undefined;
}>;


export type AdminUnitsQuery = { units: Array<{ id: string, name: string, kind: UnitKind, district: District | null, creditCode: string | null, contactName: string | null, contactPhone: string | null, active: boolean, deactivatedReason: string | null, mergedIntoId: string | null, accountCount: number }> };

export type SetUnitActiveMutationVariables = Exact<{
  id: string | number;
  active: boolean;
  reason?: string | null | undefined;
}>;


export type SetUnitActiveMutation = { setUnitActive: { id: string, active: boolean, deactivatedReason: string | null } };

export type MergeOrganizerUnitsMutationVariables = Exact<{
  sourceId: string | number;
  targetId: string | number;
}>;


export type MergeOrganizerUnitsMutation = { mergeOrganizerUnits: { accounts: number, activities: number, guards: number, rosterEntries: number, notifications: number, unit: { id: string } } };

export type UserAccountsQueryVariables = Exact<{
  search?: string | null | undefined;
  role?: Role | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type UserAccountsQuery = { users: { total: number, items: Array<{ id: string, username: string, displayName: string, role: Role, active: boolean, mustChangePassword: boolean, totpEnabled: boolean, lockedUntil: string | null, lastLoginAt: string | null, unit: { id: string, name: string } }> } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string } };

export type SetUserActiveMutationVariables = Exact<{
  id: string | number;
  active: boolean;
}>;


export type SetUserActiveMutation = { setUserActive: { id: string, active: boolean } };

export type ResetUserTotpMutationVariables = Exact<{
  id: string | number;
}>;


export type ResetUserTotpMutation = { resetUserTotp: boolean };

export type ResetUserPasswordMutationVariables = Exact<{
  id: string | number;
  newPassword: string;
}>;


export type ResetUserPasswordMutation = { resetUserPassword: { id: string, mustChangePassword: boolean, lockedUntil: string | null } };

export type VettingActivitiesQueryVariables = Exact<{
  statuses?: Array<ActivityStatus> | ActivityStatus | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type VettingActivitiesQuery = { vettingActivities: { total: number, items: Array<{ id: string, code: string, name: string, status: ActivityStatus, securityMode: SecurityMode, startsAt: string, endsAt: string, venue: string, organizerName: string, guardsRequired: number, submitterName: string | null, tier: VettingTier, canSubmit: boolean, closeBlockers: Array<string>, counts: { total: number, passed: number, failed: number, pending: number, unchecked: number, removed: number } }> } };

export type SubmitterEntriesQueryVariables = Exact<{
  activityId: string | number;
  page?: PageInput | null | undefined;
}>;


export type SubmitterEntriesQuery = { rosterEntries: { total: number, items: Array<{ id: string, guardId: string, guardName: string, idNumber: string, post: string | null, state: string, decision: VettingDecision, reasonCategory: VettingReasonCategory | null, checked: boolean, reused: boolean, replacesEntryId: string | null, precheckProblems: Array<{ code: string, message: string }> }> } };

export type OfficerEntriesQueryVariables = Exact<{
  activityId: string | number;
  filter?: RosterEntriesFilter | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type OfficerEntriesQuery = { rosterEntries: { total: number, items: Array<{ id: string, guardId: string, guardName: string, idNumber: string, companyName: string, post: string | null, state: string, decision: VettingDecision, reasonCategory: VettingReasonCategory | null, checked: boolean, reused: boolean, decidedAt: string | null, version: number, suggestion: VettingDecision | null, suggestionCategory: VettingReasonCategory | null, suggestionReason: string | null, hitCount: number, decisionNote: string | null, decidedByName: string | null, relativesChecked: boolean | null, precheckProblems: Array<{ code: string, message: string }> }> } };

export type RosterEntryDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type RosterEntryDetailQuery = { rosterEntry: { id: string, guardName: string, hits: Array<{ id: string, relation: RelativeRelation | null, subjectName: string, subjectIdNumber: string, record: { category: RecordCategory, occurredOn: string, source: string, severity: string | null, name: string, registeredAt: string | null } }>, relatives: Array<{ relation: RelativeRelation, name: string, idNumber: string }>, priorDecisions: Array<{ entryId: string, activityName: string, companyName: string, decision: VettingDecision, reasonCategory: VettingReasonCategory | null, decidedAt: string, note: string | null, reused: boolean, removed: boolean }> } };

export type RosterCandidatesQueryVariables = Exact<{
  activityId: string | number;
  search?: string | null | undefined;
  onlyEligible?: boolean | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type RosterCandidatesQuery = { rosterCandidates: { total: number, items: Array<{ guardId: string, name: string, idNumber: string, onRoster: boolean, problems: Array<{ code: string, message: string }> }> } };

export type SubmitRosterMutationVariables = Exact<{
  input: SubmitRosterInput;
}>;


export type SubmitRosterMutation = { submitRoster: { activityStatus: ActivityStatus, warning: string | null, entries: Array<{ id: string, guardName: string, decision: VettingDecision, precheckProblems: Array<{ code: string, message: string }> }> } };

export type ReplaceRosterEntryMutationVariables = Exact<{
  entryId: string | number;
  guardId: string | number;
}>;


export type ReplaceRosterEntryMutation = { replaceRosterEntry: { id: string, guardName: string, decision: VettingDecision, precheckProblems: Array<{ code: string, message: string }> } };

export type RemoveRosterEntryMutationVariables = Exact<{
  entryId: string | number;
}>;


export type RemoveRosterEntryMutation = { removeRosterEntry: { id: string, state: string } };

export type DecideVettingMutationVariables = Exact<{
  input: DecideVettingInput;
}>;


export type DecideVettingMutation = { decideVetting: { activityStatus: ActivityStatus, closed: boolean, decided: number, closeBlockers: Array<string> } };

export type PassableEntriesQueryVariables = Exact<{
  activityId: string | number;
}>;


export type PassableEntriesQuery = { passableEntries: Array<{ id: string, version: number, guardName: string }> };

export type PassAllCleanMutationVariables = Exact<{
  activityId: string | number;
  expected: Array<EntryVersionInput> | EntryVersionInput;
}>;


export type PassAllCleanMutation = { passAllClean: { activityStatus: ActivityStatus, closed: boolean, decided: number, closeBlockers: Array<string> } };

export type CloseVettingMutationVariables = Exact<{
  activityId: string | number;
  comment?: string | null | undefined;
}>;


export type CloseVettingMutation = { closeVetting: { activityStatus: ActivityStatus, closed: boolean } };

export type RecheckVettingMutationVariables = Exact<{
  activityId: string | number;
}>;


export type RecheckVettingMutation = { recheckVetting: number };

export type VettingSummaryQueryVariables = Exact<{
  activityId: string | number;
}>;


export type VettingSummaryQuery = { vettingSummary: { tier: VettingTier, closed: boolean, closedAt: string | null, issuedAt: string, exportUrl: string, counts: { total: number, passed: number, failed: number, pending: number, removed: number }, reasonCounts: Array<{ reasonCategory: VettingReasonCategory, count: number }>, activity: { id: string, code: string, name: string, status: ActivityStatus, securityMode: SecurityMode, startsAt: string, endsAt: string, venue: string, organizerName: string, guardsRequired: number, submitterName: string | null }, entries: Array<{ entryId: string, guardName: string, idNumber: string, companyName: string, post: string | null, decision: VettingDecision, reasonCategory: VettingReasonCategory | null, removed: boolean, replaced: boolean, reused: boolean, decisionNote: string | null, hitCount: number | null }>, clearedRoster: Array<{ guardName: string, idNumber: string, companyName: string, post: string | null }> } };

export type ImportGuardsMutationVariables = Exact<{
  input: ImportGuardsInput;
}>;


export type ImportGuardsMutation = { importGuards: { mode: ImportMode, totalRows: number, validRows: number, invalidRows: number, created: number, updated: number, unchanged: number, ids: Array<string>, elapsedMs: number, problems: Array<{ row: number, column: string, message: string }> } };

export type ImportRecordsMutationVariables = Exact<{
  file: FileInput;
  mode: ImportMode;
}>;


export type ImportRecordsMutation = { importRecords: { mode: ImportMode, totalRows: number, validRows: number, invalidRows: number, created: number, updated: number, unchanged: number, ids: Array<string>, elapsedMs: number, problems: Array<{ row: number, column: string, message: string }> } };

export type RecordsRegisterStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type RecordsRegisterStatsQuery = { recordsRegisterStats: { total: number, people: number, lastImportedAt: string | null, source: string } };

export type VettingPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type VettingPolicyQuery = { settings: Array<{ key: string, value: unknown }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { __typename: 'Me', id: string, username: string, displayName: string, role: Role, mustChangePassword: boolean, passwordExpired: boolean, totpEnabled: boolean, mustEnrolTotp: boolean, keepsGuardRegister: boolean, unit: { __typename: 'Unit', id: string, name: string, kind: UnitKind, district: District | null } } };

export const OverviewCountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverviewCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OverviewCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"filter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lateStage"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"fewCandidates"}},{"kind":"Field","name":{"kind":"Name","value":"closedWithSerious"}},{"kind":"Field","name":{"kind":"Name","value":"qualified"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCategory"}},{"kind":"Field","name":{"kind":"Name","value":"trainingOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}}]}}]}}]} as unknown as DocumentNode<OverviewCountFieldsFragment, unknown>;
export const ScoreWeightsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoreWeights"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreWeight"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]} as unknown as DocumentNode<ScoreWeightsFragment, unknown>;
export const OverdueUnitFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverdueUnitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OverdueUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"reminderLevel"}},{"kind":"Field","name":{"kind":"Name","value":"openNoticeId"}}]}}]}}]} as unknown as DocumentNode<OverdueUnitFieldsFragment, unknown>;
export const SupervisionNoticeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupervisionNoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupervisionNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answerLate"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}}]}}]} as unknown as DocumentNode<SupervisionNoticeFieldsFragment, unknown>;
export const TrainingSessionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrainingSessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrainingSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"instructor"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"periods"}},{"kind":"Field","name":{"kind":"Name","value":"isMakeup"}},{"kind":"Field","name":{"kind":"Name","value":"resultsRecorded"}},{"kind":"Field","name":{"kind":"Name","value":"started"}},{"kind":"Field","name":{"kind":"Name","value":"passScore"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"resultsVersion"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"rosterEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"guardId"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"attended"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"passedTopics"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}}]}}]}}]}}]} as unknown as DocumentNode<TrainingSessionFieldsFragment, unknown>;
export const IssuedAccountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IssuedAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IssuedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initialPassword"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<IssuedAccountFieldsFragment, unknown>;
export const ActivityListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"organizerName"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"securityMode"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilStart"}},{"kind":"Field","name":{"kind":"Name","value":"permitTier"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationShortfall"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"selectedCompany"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActivityListQuery, ActivityListQueryVariables>;
export const ActivityDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"organizerUnitId"}},{"kind":"Field","name":{"kind":"Name","value":"organizerName"}},{"kind":"Field","name":{"kind":"Name","value":"undertakerName"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"appliedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"securityMode"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"ageLimit"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAgeLimit"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveMinAge"}},{"kind":"Field","name":{"kind":"Name","value":"ageLimitsFixed"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"permitTier"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedGuards"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilStart"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationShortfall"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationJustification"}},{"kind":"Field","name":{"kind":"Name","value":"approvalNote"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnReason"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"selectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"closeStatement"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationRating"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationText"}},{"kind":"Field","name":{"kind":"Name","value":"startableFrom"}},{"kind":"Field","name":{"kind":"Name","value":"instructionRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedByName"}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"staffing"}},{"kind":"Field","name":{"kind":"Name","value":"proposedCandidates"}},{"kind":"Field","name":{"kind":"Name","value":"opinion"}},{"kind":"Field","name":{"kind":"Name","value":"permitTier"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedGuards"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"daysUntilStart"}},{"kind":"Field","name":{"kind":"Name","value":"lateStages"}},{"kind":"Field","name":{"kind":"Name","value":"next"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnitName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnitName"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reporterUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizerUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"district"}}]}},{"kind":"Field","name":{"kind":"Name","value":"selectedCompany"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"posts"}},{"kind":"Field","name":{"kind":"Name","value":"identificationMarks"}},{"kind":"Field","name":{"kind":"Name","value":"venueCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"bufferZones"}},{"kind":"Field","name":{"kind":"Name","value":"ticketAndSecurityChecks"}},{"kind":"Field","name":{"kind":"Name","value":"parking"}},{"kind":"Field","name":{"kind":"Name","value":"crowdGuidance"}},{"kind":"Field","name":{"kind":"Name","value":"emergencyPlan"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"selected"}}]}}]}}]}}]} as unknown as DocumentNode<ActivityDetailQuery, ActivityDetailQueryVariables>;
export const OrganizerUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizerUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"ORGANIZER"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"district"}}]}}]}}]} as unknown as DocumentNode<OrganizerUnitsQuery, OrganizerUnitsQueryVariables>;
export const CreateActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateActivityMutation, CreateActivityMutationVariables>;
export const UpdateActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateActivityMutation, UpdateActivityMutationVariables>;
export const ReportActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ReportActivityMutation, ReportActivityMutationVariables>;
export const ApproveActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approved"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"approved"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approved"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ApproveActivityMutation, ApproveActivityMutationVariables>;
export const CancelActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<CancelActivityMutation, CancelActivityMutationVariables>;
export const RequestInstructionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestInstruction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InstructionRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestInstruction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}}]}}]}}]} as unknown as DocumentNode<RequestInstructionMutation, RequestInstructionMutationVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"payloadHidden"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const VerifyAuditChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyAuditChain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"anchor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditChain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"anchor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"anchor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intact"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"headSeq"}},{"kind":"Field","name":{"kind":"Name","value":"headHash"}},{"kind":"Field","name":{"kind":"Name","value":"anchorHolds"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstBroken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyAuditChainQuery, VerifyAuditChainQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"mustEnrolTotp"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const CurrentSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurrentSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"idleTimeoutMinutes"}}]}}]}}]} as unknown as DocumentNode<CurrentSessionQuery, CurrentSessionQueryVariables>;
export const AccountSecurityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountSecurity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountSecurity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passwordChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"passwordExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"totpEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"totpRequired"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodesLeft"}}]}}]}}]} as unknown as DocumentNode<AccountSecurityQuery, AccountSecurityQueryVariables>;
export const MyUnitAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyUnitAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myUnitAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"openedBy"}}]}}]}}]} as unknown as DocumentNode<MyUnitAccountsQuery, MyUnitAccountsQueryVariables>;
export const MySessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MySessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]}}]} as unknown as DocumentNode<MySessionsQuery, MySessionsQueryVariables>;
export const EndSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<EndSessionMutation, EndSessionMutationVariables>;
export const BeginTotpEnrolmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BeginTotpEnrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"beginTotpEnrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"otpauthUrl"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodeDataUrl"}}]}}]}}]} as unknown as DocumentNode<BeginTotpEnrolmentMutation, BeginTotpEnrolmentMutationVariables>;
export const ConfirmTotpEnrolmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmTotpEnrolment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmTotpEnrolment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codes"}}]}}]}}]} as unknown as DocumentNode<ConfirmTotpEnrolmentMutation, ConfirmTotpEnrolmentMutationVariables>;
export const RegenerateRecoveryCodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegenerateRecoveryCodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regenerateRecoveryCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codes"}}]}}]}}]} as unknown as DocumentNode<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables>;
export const DisableTotpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totpEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"mustEnrolTotp"}}]}}]}}]} as unknown as DocumentNode<DisableTotpMutation, DisableTotpMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"passwordExpired"}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const CompanyListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CompanyFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CompanySortInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"licenseExpiry"}},{"kind":"Field","name":{"kind":"Name","value":"licenseValid"}},{"kind":"Field","name":{"kind":"Name","value":"licenseDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"guardsOnRegister"}},{"kind":"Field","name":{"kind":"Name","value":"guardsWithValidCertificate"}},{"kind":"Field","name":{"kind":"Name","value":"performanceScore"}}]}}]}}]}}]} as unknown as DocumentNode<CompanyListQuery, CompanyListQueryVariables>;
export const CompanyDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"selfRecruitedRegister"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"licenseNo"}},{"kind":"Field","name":{"kind":"Name","value":"licenseExpiry"}},{"kind":"Field","name":{"kind":"Name","value":"licenseValid"}},{"kind":"Field","name":{"kind":"Name","value":"licenseDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"guardsOnRegister"}},{"kind":"Field","name":{"kind":"Name","value":"guardsWithValidCertificate"}},{"kind":"Field","name":{"kind":"Name","value":"guardsWithValidVetting"}},{"kind":"Field","name":{"kind":"Name","value":"activitiesServed"}},{"kind":"Field","name":{"kind":"Name","value":"findingsRate"}},{"kind":"Field","name":{"kind":"Name","value":"performanceScore"}},{"kind":"Field","name":{"kind":"Name","value":"ageProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"under30"}},{"kind":"Field","name":{"kind":"Name","value":"from30to39"}},{"kind":"Field","name":{"kind":"Name","value":"from40to49"}},{"kind":"Field","name":{"kind":"Name","value":"from50to55"}},{"kind":"Field","name":{"kind":"Name","value":"over55"}},{"kind":"Field","name":{"kind":"Name","value":"averageAge"}}]}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dutyGuards"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}},{"kind":"Field","name":{"kind":"Name","value":"findingsCorrected"}},{"kind":"Field","name":{"kind":"Name","value":"openSeriousFindings"}},{"kind":"Field","name":{"kind":"Name","value":"findingsPer100"}},{"kind":"Field","name":{"kind":"Name","value":"correctionRate"}},{"kind":"Field","name":{"kind":"Name","value":"vettingDecided"}},{"kind":"Field","name":{"kind":"Name","value":"vettingFailed"}},{"kind":"Field","name":{"kind":"Name","value":"vettingFailureRate"}},{"kind":"Field","name":{"kind":"Name","value":"closedActivities"}},{"kind":"Field","name":{"kind":"Name","value":"averageRating"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"hasHistory"}}]}}]}}]}}]} as unknown as DocumentNode<CompanyDetailQuery, CompanyDetailQueryVariables>;
export const CreateCompanyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCompany"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCompanyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCompany"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IssuedAccountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IssuedAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IssuedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initialPassword"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCompanyMutation, CreateCompanyMutationVariables>;
export const UpdateCompanyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCompany"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompanyInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCompany"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateCompanyMutation, UpdateCompanyMutationVariables>;
export const SetCompanyStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCompanyStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompanyStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCompanyStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<SetCompanyStatusMutation, SetCompanyStatusMutationVariables>;
export const UpdateCompanyProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCompanyProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompanyProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCompanyProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateCompanyProfileMutation, UpdateCompanyProfileMutationVariables>;
export const ImportCompaniesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportCompanies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FileInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportMode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importCompanies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"validRows"}},{"kind":"Field","name":{"kind":"Name","value":"invalidRows"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"ids"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedMs"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportCompaniesMutation, ImportCompaniesMutationVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"district"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"District"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"district"},"value":{"kind":"Variable","name":{"kind":"Name","value":"district"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"headline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"}},{"kind":"Field","name":{"kind":"Name","value":"activitiesOpen"}},{"kind":"Field","name":{"kind":"Name","value":"activitiesLate"}},{"kind":"Field","name":{"kind":"Name","value":"activitiesFewCandidates"}},{"kind":"Field","name":{"kind":"Name","value":"activitiesClosedWithSerious"}},{"kind":"Field","name":{"kind":"Name","value":"companiesQualified"}},{"kind":"Field","name":{"kind":"Name","value":"companiesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"guardsVetted"}},{"kind":"Field","name":{"kind":"Name","value":"guardsPassed"}},{"kind":"Field","name":{"kind":"Name","value":"guardsPending"}},{"kind":"Field","name":{"kind":"Name","value":"vettingPassRate"}},{"kind":"Field","name":{"kind":"Name","value":"trainingPassRate"}},{"kind":"Field","name":{"kind":"Name","value":"guardsOnDuty"}},{"kind":"Field","name":{"kind":"Name","value":"findingsOpen"}},{"kind":"Field","name":{"kind":"Name","value":"findingsTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"companiesByDistrict"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vettingOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failureReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activitiesByStage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateByStage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fewCandidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedWithSerious"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"punctuality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trainingOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findingsByItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"findingsByCompany"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ageProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverviewCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverviewCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OverviewCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"filter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lateStage"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"fewCandidates"}},{"kind":"Field","name":{"kind":"Name","value":"closedWithSerious"}},{"kind":"Field","name":{"kind":"Name","value":"qualified"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCategory"}},{"kind":"Field","name":{"kind":"Name","value":"trainingOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const OverviewDrilldownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewDrilldown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DrilldownKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DrilldownFilterInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overviewDrilldown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cells"}},{"kind":"Field","name":{"kind":"Name","value":"link"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewDrilldownQuery, OverviewDrilldownQueryVariables>;
export const MyHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"warn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"lateStage"}},{"kind":"Field","name":{"kind":"Name","value":"waitingOn"}},{"kind":"Field","name":{"kind":"Name","value":"myTurn"}},{"kind":"Field","name":{"kind":"Name","value":"vettingPassed"}},{"kind":"Field","name":{"kind":"Name","value":"vettingFailed"}},{"kind":"Field","name":{"kind":"Name","value":"vettingPending"}},{"kind":"Field","name":{"kind":"Name","value":"nextTrainingAt"}},{"kind":"Field","name":{"kind":"Name","value":"findingsOpen"}},{"kind":"Field","name":{"kind":"Name","value":"link"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"licenseNo"}},{"kind":"Field","name":{"kind":"Name","value":"licenseExpiry"}},{"kind":"Field","name":{"kind":"Name","value":"licenseDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"qualified"}},{"kind":"Field","name":{"kind":"Name","value":"problems"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trainings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"guards"}},{"kind":"Field","name":{"kind":"Name","value":"makeup"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ageProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"noticesToAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverdueUnitFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverdueUnitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OverdueUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"reminderLevel"}},{"kind":"Field","name":{"kind":"Name","value":"openNoticeId"}}]}}]}}]} as unknown as DocumentNode<MyHomeQuery, MyHomeQueryVariables>;
export const WorkQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilStart"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"link"}}]}}]}}]}}]} as unknown as DocumentNode<WorkQueueQuery, WorkQueueQueryVariables>;
export const GuardListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuardList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GuardFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"education"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}},{"kind":"Field","name":{"kind":"Name","value":"relativeCount"}},{"kind":"Field","name":{"kind":"Name","value":"relativesDeclared"}},{"kind":"Field","name":{"kind":"Name","value":"rosterLock"}},{"kind":"Field","name":{"kind":"Name","value":"eligibilityProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"article"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GuardListQuery, GuardListQueryVariables>;
export const GuardDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuardDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"certificateIssuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"education"}},{"kind":"Field","name":{"kind":"Name","value":"photo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}},{"kind":"Field","name":{"kind":"Name","value":"relativeCount"}},{"kind":"Field","name":{"kind":"Name","value":"relativesDeclared"}},{"kind":"Field","name":{"kind":"Name","value":"relativesStatement"}},{"kind":"Field","name":{"kind":"Name","value":"relativesVersion"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rosterLock"}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}},{"kind":"Field","name":{"kind":"Name","value":"correctionNote"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibilityProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"article"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GuardDetailQuery, GuardDetailQueryVariables>;
export const GuardRelativesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuardRelatives"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relativesVersion"}},{"kind":"Field","name":{"kind":"Name","value":"relatives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}}]}}]}}]}}]} as unknown as DocumentNode<GuardRelativesQuery, GuardRelativesQueryVariables>;
export const CreateGuardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGuard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGuardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGuard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateGuardMutation, CreateGuardMutationVariables>;
export const UpdateGuardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGuard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GuardInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedUpdatedAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGuard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedUpdatedAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedUpdatedAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateGuardMutation, UpdateGuardMutationVariables>;
export const SetGuardRelativesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetGuardRelatives"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"guardId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"relatives"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RelativeInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statement"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGuardRelatives"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"guardId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"guardId"}}},{"kind":"Argument","name":{"kind":"Name","value":"relatives"},"value":{"kind":"Variable","name":{"kind":"Name","value":"relatives"}}},{"kind":"Argument","name":{"kind":"Name","value":"statement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statement"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relativeCount"}},{"kind":"Field","name":{"kind":"Name","value":"relativesDeclared"}},{"kind":"Field","name":{"kind":"Name","value":"relativesStatement"}},{"kind":"Field","name":{"kind":"Name","value":"relativesVersion"}}]}}]}}]} as unknown as DocumentNode<SetGuardRelativesMutation, SetGuardRelativesMutationVariables>;
export const GuardLeavesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GuardLeaves"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guardLeaves"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<GuardLeavesMutation, GuardLeavesMutationVariables>;
export const CorrectCertificateRevocationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectCertificateRevocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"certificateNo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctCertificateRevocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}},{"kind":"Argument","name":{"kind":"Name","value":"certificateNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"certificateNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}},{"kind":"Field","name":{"kind":"Name","value":"correctionNote"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}}]}}]}}]} as unknown as DocumentNode<CorrectCertificateRevocationMutation, CorrectCertificateRevocationMutationVariables>;
export const CancelCertificateRevocationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelCertificateRevocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelCertificateRevocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}},{"kind":"Field","name":{"kind":"Name","value":"correctionNote"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}}]}}]}}]} as unknown as DocumentNode<CancelCertificateRevocationMutation, CancelCertificateRevocationMutationVariables>;
export const OnsiteActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnsiteActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startableFrom"}},{"kind":"Field","name":{"kind":"Name","value":"securityMode"}},{"kind":"Field","name":{"kind":"Name","value":"closeStatement"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"selectedCompany"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilStart"}},{"kind":"Field","name":{"kind":"Name","value":"lateStages"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnitName"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OnsiteActivityQuery, OnsiteActivityQueryVariables>;
export const OnDutyRosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnDutyRoster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onDutyRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rosterEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"guardId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"post"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}}]}}]}}]} as unknown as DocumentNode<OnDutyRosterQuery, OnDutyRosterQueryVariables>;
export const ActivityFindingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityFindings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"openOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"openOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"openOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionId"}},{"kind":"Field","name":{"kind":"Name","value":"personName"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"post"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"serious"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedByName"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}},{"kind":"Field","name":{"kind":"Name","value":"correctedByName"}},{"kind":"Field","name":{"kind":"Name","value":"correctionNote"}}]}}]}}]}}]} as unknown as DocumentNode<ActivityFindingsQuery, ActivityFindingsQueryVariables>;
export const OnsiteActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnsiteActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"selectedCompany"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"daysUntilStart"}},{"kind":"Field","name":{"kind":"Name","value":"lateStages"}},{"kind":"Field","name":{"kind":"Name","value":"next"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OnsiteActivitiesQuery, OnsiteActivitiesQueryVariables>;
export const RecordInspectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordInspection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordInspectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordInspection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"serious"}}]}}]}}]}}]} as unknown as DocumentNode<RecordInspectionMutation, RecordInspectionMutationVariables>;
export const CorrectFindingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectFinding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"findingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"correctedAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctFinding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"findingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"findingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}},{"kind":"Argument","name":{"kind":"Name","value":"correctedAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"correctedAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}},{"kind":"Field","name":{"kind":"Name","value":"correctedByName"}},{"kind":"Field","name":{"kind":"Name","value":"correctionNote"}}]}}]}}]} as unknown as DocumentNode<CorrectFindingMutation, CorrectFindingMutationVariables>;
export const StartActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<StartActivityMutation, StartActivityMutationVariables>;
export const CloseActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"closeStatement"}}]}}]}}]} as unknown as DocumentNode<CloseActivityMutation, CloseActivityMutationVariables>;
export const OutboxKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutboxKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboxKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<OutboxKeyQuery, OutboxKeyQueryVariables>;
export const UnreadNotificationCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadNotificationCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const CandidateSuggestionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidateSuggestions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"qualifiedOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"securityMode"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationJustification"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidateSuggestions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"qualifiedOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"qualifiedOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"companyCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"recommendedCompanyIds"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"guardsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"capacityMargin"}},{"kind":"Field","name":{"kind":"Name","value":"minAge"}},{"kind":"Field","name":{"kind":"Name","value":"maxAge"}},{"kind":"Field","name":{"kind":"Name","value":"reuseWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"qualifiedCount"}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScoreWeights"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"licenseExpiry"}},{"kind":"Field","name":{"kind":"Name","value":"qualified"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"guardsOnRegister"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleGuards"}},{"kind":"Field","name":{"kind":"Name","value":"guardsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"averageAge"}},{"kind":"Field","name":{"kind":"Name","value":"youngShare"}},{"kind":"Field","name":{"kind":"Name","value":"activitiesServed"}},{"kind":"Field","name":{"kind":"Name","value":"similarActivities"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"normalized"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoreWeights"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreWeight"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]} as unknown as DocumentNode<CandidateSuggestionsQuery, CandidateSuggestionsQueryVariables>;
export const RecommendCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecommendCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"justification"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"companyIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"justification"},"value":{"kind":"Variable","name":{"kind":"Name","value":"justification"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationShortfall"}}]}}]}}]} as unknown as DocumentNode<RecommendCandidatesMutation, RecommendCandidatesMutationVariables>;
export const CandidateComparisonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidateComparison"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"candidateComparison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canSelect"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"expectedAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"selectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationJustification"}},{"kind":"Field","name":{"kind":"Name","value":"selectedCompany"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScoreWeights"}}]}},{"kind":"Field","name":{"kind":"Name","value":"weightsAsOf"}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"quoteNote"}},{"kind":"Field","name":{"kind":"Name","value":"selected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"higherIsBetter"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"best"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScoreWeights"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreWeight"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]} as unknown as DocumentNode<CandidateComparisonQuery, CandidateComparisonQueryVariables>;
export const SubmitQuoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitQuote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitQuote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"companyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"quoteNote"}}]}}]}}]} as unknown as DocumentNode<SubmitQuoteMutation, SubmitQuoteMutationVariables>;
export const SelectCompanyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SelectCompany"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"selectCompany"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"companyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"selectedCompanyId"}}]}}]}}]} as unknown as DocumentNode<SelectCompanyMutation, SelectCompanyMutationVariables>;
export const SecuritySettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecuritySettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"securitySettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}}]} as unknown as DocumentNode<SecuritySettingsQuery, SecuritySettingsQueryVariables>;
export const UpdateSecuritySettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSecuritySettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SettingChangeInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSecuritySettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"changes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<UpdateSecuritySettingsMutation, UpdateSecuritySettingsMutationVariables>;
export const SettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<SettingsQuery, SettingsQueryVariables>;
export const UpdateSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SettingChangeInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"changes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<UpdateSettingsMutation, UpdateSettingsMutationVariables>;
export const OverdueByUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverdueByUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overdueByUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OverdueUnitFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverdueUnitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OverdueUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"reminderLevel"}},{"kind":"Field","name":{"kind":"Name","value":"openNoticeId"}}]}}]}}]} as unknown as DocumentNode<OverdueByUnitQuery, OverdueByUnitQueryVariables>;
export const SupervisionNoticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupervisionNotices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SupervisionNoticeFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supervisionNotices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupervisionNoticeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupervisionNoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupervisionNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answerLate"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}}]}}]} as unknown as DocumentNode<SupervisionNoticesQuery, SupervisionNoticesQueryVariables>;
export const IssueSupervisionNoticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueSupervisionNotice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SupervisionNoticeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueSupervisionNotice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupervisionNoticeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupervisionNoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupervisionNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answerLate"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}}]}}]} as unknown as DocumentNode<IssueSupervisionNoticeMutation, IssueSupervisionNoticeMutationVariables>;
export const AnswerSupervisionNoticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnswerSupervisionNotice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"answer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerSupervisionNotice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"answer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"answer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupervisionNoticeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupervisionNoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupervisionNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answerLate"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}}]}}]} as unknown as DocumentNode<AnswerSupervisionNoticeMutation, AnswerSupervisionNoticeMutationVariables>;
export const CloseSupervisionNoticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseSupervisionNotice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeSupervisionNotice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupervisionNoticeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupervisionNoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SupervisionNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedByName"}},{"kind":"Field","name":{"kind":"Name","value":"answerLate"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}}]}}]} as unknown as DocumentNode<CloseSupervisionNoticeMutation, CloseSupervisionNoticeMutationVariables>;
export const ActivityTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityTimeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityCode"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"important"}}]}}]}}]}}]} as unknown as DocumentNode<ActivityTimelineQuery, ActivityTimelineQueryVariables>;
export const TrainingOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrainingOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"training"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"clearedCount"}},{"kind":"Field","name":{"kind":"Name","value":"onDutyCount"}},{"kind":"Field","name":{"kind":"Name","value":"trainees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"guardId"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"standing"}},{"kind":"Field","name":{"kind":"Name","value":"passedTopics"}},{"kind":"Field","name":{"kind":"Name","value":"missingTopics"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TrainingSessionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrainingSessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrainingSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"instructor"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"periods"}},{"kind":"Field","name":{"kind":"Name","value":"isMakeup"}},{"kind":"Field","name":{"kind":"Name","value":"resultsRecorded"}},{"kind":"Field","name":{"kind":"Name","value":"started"}},{"kind":"Field","name":{"kind":"Name","value":"passScore"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"resultsVersion"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"rosterEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"guardId"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"attended"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"passedTopics"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}}]}}]}}]}}]} as unknown as DocumentNode<TrainingOverviewQuery, TrainingOverviewQueryVariables>;
export const TrainingSessionSheetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrainingSessionSheet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TrainingSessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrainingSessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrainingSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"instructor"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"periods"}},{"kind":"Field","name":{"kind":"Name","value":"isMakeup"}},{"kind":"Field","name":{"kind":"Name","value":"resultsRecorded"}},{"kind":"Field","name":{"kind":"Name","value":"started"}},{"kind":"Field","name":{"kind":"Name","value":"passScore"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"resultsVersion"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"rosterEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"guardId"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"attended"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"passedTopics"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}}]}}]}}]}}]} as unknown as DocumentNode<TrainingSessionSheetQuery, TrainingSessionSheetQueryVariables>;
export const ScheduleTrainingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleTraining"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScheduleTrainingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleTraining"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScheduleTrainingMutation, ScheduleTrainingMutationVariables>;
export const UpdateTrainingSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTrainingSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTrainingSessionInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTrainingSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateTrainingSessionMutation, UpdateTrainingSessionMutationVariables>;
export const CancelTrainingSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelTrainingSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelTrainingSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CancelTrainingSessionMutation, CancelTrainingSessionMutationVariables>;
export const AssignPostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignPosts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignments"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostAssignmentInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignPosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"assignments"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignments"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"post"}},{"kind":"Field","name":{"kind":"Name","value":"area"}}]}}]}}]} as unknown as DocumentNode<AssignPostsMutation, AssignPostsMutationVariables>;
export const RecordTrainingResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordTrainingResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"results"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrainingResultInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedResultsVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordTrainingResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"results"},"value":{"kind":"Variable","name":{"kind":"Name","value":"results"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedResultsVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedResultsVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"resultsRecorded"}},{"kind":"Field","name":{"kind":"Name","value":"resultsVersion"}}]}}]}}]} as unknown as DocumentNode<RecordTrainingResultsMutation, RecordTrainingResultsMutationVariables>;
export const CreateUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUnitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IssuedAccountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IssuedAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IssuedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initialPassword"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUnitMutation, CreateUnitMutationVariables>;
export const IssueUnitAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueUnitAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NewAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueUnitAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IssuedAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IssuedAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IssuedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initialPassword"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<IssueUnitAccountMutation, IssueUnitAccountMutationVariables>;
export const UnitAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}}]}}]}}]} as unknown as DocumentNode<UnitAccountsQuery, UnitAccountsQueryVariables>;
export const UnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Units"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UnitKind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}}]}}]}}]} as unknown as DocumentNode<UnitsQuery, UnitsQueryVariables>;
export const AdminUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminUnits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UnitKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedReason"}},{"kind":"Field","name":{"kind":"Name","value":"mergedIntoId"}},{"kind":"Field","name":{"kind":"Name","value":"accountCount"}}]}}]}}]} as unknown as DocumentNode<AdminUnitsQuery, AdminUnitsQueryVariables>;
export const SetUnitActiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUnitActive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"active"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUnitActive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"active"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedReason"}}]}}]}}]} as unknown as DocumentNode<SetUnitActiveMutation, SetUnitActiveMutationVariables>;
export const MergeOrganizerUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MergeOrganizerUnits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sourceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeOrganizerUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sourceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sourceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"targetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targetId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"}},{"kind":"Field","name":{"kind":"Name","value":"activities"}},{"kind":"Field","name":{"kind":"Name","value":"guards"}},{"kind":"Field","name":{"kind":"Name","value":"rosterEntries"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"}}]}}]}}]} as unknown as DocumentNode<MergeOrganizerUnitsMutation, MergeOrganizerUnitsMutationVariables>;
export const UserAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"totpEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UserAccountsQuery, UserAccountsQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const SetUserActiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserActive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"active"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserActive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"active"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<SetUserActiveMutation, SetUserActiveMutationVariables>;
export const ResetUserTotpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetUserTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetUserTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<ResetUserTotpMutation, ResetUserTotpMutationVariables>;
export const ResetUserPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetUserPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetUserPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}}]}}]}}]} as unknown as DocumentNode<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const VettingActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VettingActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vettingActivities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"securityMode"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"organizerName"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"submitterName"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"canSubmit"}},{"kind":"Field","name":{"kind":"Name","value":"closeBlockers"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"unchecked"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VettingActivitiesQuery, VettingActivitiesQueryVariables>;
export const SubmitterEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubmitterEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"includeRemoved"},"value":{"kind":"BooleanValue","value":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"guardId"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"post"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCategory"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"reused"}},{"kind":"Field","name":{"kind":"Name","value":"replacesEntryId"}},{"kind":"Field","name":{"kind":"Name","value":"precheckProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmitterEntriesQuery, SubmitterEntriesQueryVariables>;
export const OfficerEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfficerEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RosterEntriesFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"guardId"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"post"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCategory"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"reused"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"suggestion"}},{"kind":"Field","name":{"kind":"Name","value":"suggestionCategory"}},{"kind":"Field","name":{"kind":"Name","value":"suggestionReason"}},{"kind":"Field","name":{"kind":"Name","value":"hitCount"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"decidedByName"}},{"kind":"Field","name":{"kind":"Name","value":"relativesChecked"}},{"kind":"Field","name":{"kind":"Name","value":"precheckProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OfficerEntriesQuery, OfficerEntriesQueryVariables>;
export const RosterEntryDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RosterEntryDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"hits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"subjectIdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"relatives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorDecisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entryId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCategory"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reused"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}}]}}]}}]}}]} as unknown as DocumentNode<RosterEntryDetailQuery, RosterEntryDetailQueryVariables>;
export const RosterCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RosterCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"onlyEligible"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"onlyEligible"},"value":{"kind":"Variable","name":{"kind":"Name","value":"onlyEligible"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guardId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"onRoster"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RosterCandidatesQuery, RosterCandidatesQueryVariables>;
export const SubmitRosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitRoster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitRosterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"precheckProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmitRosterMutation, SubmitRosterMutationVariables>;
export const ReplaceRosterEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplaceRosterEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"guardId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replaceRosterEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"guardId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"guardId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"precheckProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReplaceRosterEntryMutation, ReplaceRosterEntryMutationVariables>;
export const RemoveRosterEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveRosterEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeRosterEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RemoveRosterEntryMutation, RemoveRosterEntryMutationVariables>;
export const DecideVettingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideVetting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideVettingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideVetting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"closeBlockers"}}]}}]}}]} as unknown as DocumentNode<DecideVettingMutation, DecideVettingMutationVariables>;
export const PassableEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PassableEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passableEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}}]}}]}}]} as unknown as DocumentNode<PassableEntriesQuery, PassableEntriesQueryVariables>;
export const PassAllCleanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PassAllClean"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expected"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EntryVersionInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passAllClean"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"expected"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expected"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"closeBlockers"}}]}}]}}]} as unknown as DocumentNode<PassAllCleanMutation, PassAllCleanMutationVariables>;
export const CloseVettingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseVetting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeVetting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"comment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}}]}}]}}]} as unknown as DocumentNode<CloseVettingMutation, CloseVettingMutationVariables>;
export const RecheckVettingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecheckVetting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recheckVetting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}}]}]}}]} as unknown as DocumentNode<RecheckVettingMutation, RecheckVettingMutationVariables>;
export const VettingSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VettingSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vettingSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"exportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasonCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasonCategory"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"securityMode"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"organizerName"}},{"kind":"Field","name":{"kind":"Name","value":"guardsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"submitterName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entryId"}},{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"post"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCategory"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}},{"kind":"Field","name":{"kind":"Name","value":"reused"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"hitCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clearedRoster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guardName"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"post"}}]}}]}}]}}]} as unknown as DocumentNode<VettingSummaryQuery, VettingSummaryQueryVariables>;
export const ImportGuardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportGuards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportGuardsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importGuards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"validRows"}},{"kind":"Field","name":{"kind":"Name","value":"invalidRows"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"ids"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedMs"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportGuardsMutation, ImportGuardsMutationVariables>;
export const ImportRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FileInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportMode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"validRows"}},{"kind":"Field","name":{"kind":"Name","value":"invalidRows"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"ids"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedMs"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportRecordsMutation, ImportRecordsMutationVariables>;
export const RecordsRegisterStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecordsRegisterStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsRegisterStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"people"}},{"kind":"Field","name":{"kind":"Name","value":"lastImportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]} as unknown as DocumentNode<RecordsRegisterStatsQuery, RecordsRegisterStatsQueryVariables>;
export const VettingPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VettingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<VettingPolicyQuery, VettingPolicyQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"passwordExpired"}},{"kind":"Field","name":{"kind":"Name","value":"totpEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"mustEnrolTotp"}},{"kind":"Field","name":{"kind":"Name","value":"keepsGuardRegister"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"district"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;