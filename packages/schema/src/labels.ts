/**
 * The one glossary: every enum value's Simplified Chinese label, used by server messages and the UI.
 */
import {
  ActivityStatus,
  AuditAction,
  AuditResult,
  CompanyStatus,
  District,
  Education,
  GuardStatus,
  InspectionItem,
  PermitTier,
  RecordCategory,
  RelativeRelation,
  Role,
  SecurityMode,
  Sex,
  TrainingTopic,
  UnitKind,
  VettingDecision,
  VettingReasonCategory,
} from './enums';

export const roleLabels: Record<Role, string> = {
  [Role.ADMIN]: '系统管理员',
  [Role.LEADER]: '领导小组',
  [Role.OFFICE]: '领导小组办公室',
  [Role.SECURITY_DETACHMENT]: '保安管理支队',
  [Role.EVENT_DETACHMENT]: '大型活动安全保卫支队',
  [Role.DISTRICT_BUREAU]: '县区公安（分）局',
  [Role.ORGANIZER]: '主办/承办单位',
  [Role.COMPANY]: '保安服务公司',
  [Role.AUDITOR]: '安全审计员',
};

export const districtLabels: Record<District, string> = {
  [District.PANSHAN]: '盘山县',
  [District.SHUANGTAIZI]: '双台子',
  [District.XINGLONGTAI]: '兴隆台',
  [District.DAWA]: '大洼',
  [District.LIAODONGWAN]: '辽东湾',
  [District.CHENGJIAO]: '城郊',
};

/** The 公安（分）局 of each district, as the plan names them. */
export const districtBureauNames: Record<District, string> = {
  [District.PANSHAN]: '盘山县公安局',
  [District.SHUANGTAIZI]: '双台子公安分局',
  [District.XINGLONGTAI]: '兴隆台公安分局',
  [District.DAWA]: '大洼公安分局',
  [District.LIAODONGWAN]: '辽东湾公安分局',
  [District.CHENGJIAO]: '城郊公安分局',
};

export const unitKindLabels: Record<UnitKind, string> = {
  [UnitKind.LEADING_GROUP]: '领导小组',
  [UnitKind.LEADING_GROUP_OFFICE]: '领导小组办公室',
  [UnitKind.SECURITY_DETACHMENT]: '保安管理支队',
  [UnitKind.EVENT_DETACHMENT]: '大型活动安全保卫支队',
  [UnitKind.DISTRICT_BUREAU]: '公安（分）局',
  [UnitKind.COMPANY]: '保安服务公司',
  [UnitKind.ORGANIZER]: '主办/承办单位',
  [UnitKind.IT_DEPARTMENT]: '信息通信部门',
  [UnitKind.INSPECTORATE]: '警务督察部门',
};

export const activityStatusLabels: Record<ActivityStatus, string> = {
  [ActivityStatus.DRAFT]: '草稿',
  [ActivityStatus.REPORTED]: '已通报',
  [ActivityStatus.APPROVED]: '已批示',
  [ActivityStatus.CANDIDATES_RECOMMENDED]: '已推荐候选',
  [ActivityStatus.COMPANY_SELECTED]: '已遴选',
  [ActivityStatus.VETTING]: '背景审核',
  [ActivityStatus.TRAINING]: '岗前培训',
  [ActivityStatus.READY]: '待上岗',
  [ActivityStatus.IN_PROGRESS]: '进行中',
  [ActivityStatus.CLOSED]: '已总结',
  [ActivityStatus.CANCELLED]: '已取消',
};

export const securityModeLabels: Record<SecurityMode, string> = {
  [SecurityMode.SERVICE_COMPANY]: '购买保安服务',
  [SecurityMode.SELF_RECRUITED]: '自招保安单位',
};

export const permitTierLabels: Record<PermitTier, string> = {
  [PermitTier.NOT_COVERED]: '不属条例调整范围（不足1000人）',
  [PermitTier.COUNTY]: '县级公安机关许可',
  [PermitTier.CITY]: '市公安局许可',
};

export const vettingDecisionLabels: Record<VettingDecision, string> = {
  [VettingDecision.PENDING]: '待审核',
  [VettingDecision.PASSED]: '通过',
  [VettingDecision.FAILED]: '不通过',
};

export const companyStatusLabels: Record<CompanyStatus, string> = {
  [CompanyStatus.ACTIVE]: '正常',
  [CompanyStatus.SUSPENDED]: '暂停',
  [CompanyStatus.REVOKED]: '吊销',
};

export const guardStatusLabels: Record<GuardStatus, string> = {
  [GuardStatus.ACTIVE]: '在职',
  [GuardStatus.LEFT]: '离职',
};

export const sexLabels: Record<Sex, string> = {
  [Sex.MALE]: '男',
  [Sex.FEMALE]: '女',
};

export const educationLabels: Record<Education, string> = {
  [Education.PRIMARY]: '小学',
  [Education.JUNIOR_MIDDLE]: '初中',
  [Education.SENIOR_MIDDLE]: '高中',
  [Education.VOCATIONAL]: '中专/技校',
  [Education.COLLEGE]: '大专',
  [Education.BACHELOR]: '本科',
  [Education.POSTGRADUATE]: '研究生',
};

export const relativeRelationLabels: Record<RelativeRelation, string> = {
  [RelativeRelation.FATHER]: '父亲',
  [RelativeRelation.MOTHER]: '母亲',
  [RelativeRelation.SPOUSE]: '配偶',
  [RelativeRelation.CHILD]: '子女',
};

export const recordCategoryLabels: Record<RecordCategory, string> = {
  [RecordCategory.INTENTIONAL_CRIME]: '故意犯罪刑事处罚',
  [RecordCategory.CUSTODY_EDUCATION]: '收容教育',
  [RecordCategory.COMPULSORY_DETOX]: '强制隔离戒毒',
  [RecordCategory.REEDUCATION_LABOR]: '劳动教养',
  [RecordCategory.ADMIN_DETENTION]: '行政拘留',
};

export const vettingReasonCategoryLabels: Record<VettingReasonCategory, string> = {
  [VettingReasonCategory.CLEAR]: '无异常',
  [VettingReasonCategory.OWN_RECORD]: '本人违法犯罪记录',
  [VettingReasonCategory.RELATIVE_RECORD]: '直系亲属违法犯罪记录',
  [VettingReasonCategory.PRE_CHECK]: '资格预审不符',
  [VettingReasonCategory.OTHER]: '其他原因',
};

export const trainingTopicLabels: Record<TrainingTopic, string> = {
  [TrainingTopic.LAWS]: '法律法规',
  [TrainingTopic.DUTY_SKILLS]: '基本勤务技能',
  [TrainingTopic.EMERGENCY]: '突发情况处置',
};

export const inspectionItemLabels: Record<InspectionItem, string> = {
  [InspectionItem.UNIFORM]: '着装规范',
  [InspectionItem.CERTIFICATE]: '证件携带',
  [InspectionItem.BEARING]: '仪容站姿',
  [InspectionItem.DUTY]: '履行职能',
  [InspectionItem.FORBIDDEN_ACT]: '条例第三十条禁止行为',
  [InspectionItem.UNVETTED_ON_DUTY]: '未经审查人员上岗',
};

export const auditActionLabels: Record<AuditAction, string> = {
  [AuditAction.CREATE]: '新建',
  [AuditAction.UPDATE]: '修改',
  [AuditAction.DELETE]: '删除',
  [AuditAction.TRANSITION]: '状态变更',
  [AuditAction.LOGIN]: '登录',
  [AuditAction.LOGOUT]: '退出',
  [AuditAction.READ_DETAIL]: '查阅审核详情',
  [AuditAction.IMPORT]: '导入',
  [AuditAction.LOGIN_FAILED]: '登录失败',
  [AuditAction.LOCKOUT]: '账户锁定',
  [AuditAction.ACCESS_DENIED]: '越权被拒绝',
  [AuditAction.EXPORT]: '导出',
};

export const auditResultLabels: Record<AuditResult, string> = {
  [AuditResult.SUCCESS]: '成功',
  [AuditResult.FAILURE]: '失败',
};

/** What an audit entry's object is (its `entityType`, as the server writes it), in Chinese. */
export const auditEntityTypeLabels: Record<string, string> = {
  Activity: '大型活动',
  Candidate: '候选公司',
  CertificateRevocation: '保安员证吊销',
  Company: '保安服务公司',
  CriminalRecord: '违法犯罪记录',
  Export: '数据导出',
  Finding: '现场问题',
  Guard: '保安员',
  GuardRelative: '保安员亲属',
  Inspection: '现场监管',
  InstructionRequest: '活动请示',
  Notification: '站内通知',
  Operation: '接口操作',
  PersonalDataRetention: '个人信息保存期限',
  RosterEntry: '上报名单人员',
  SecuritySettings: '安全策略',
  Settings: '系统设置',
  SupervisionNotice: '督办通知',
  TrainingSession: '培训场次',
  Unit: '单位',
  User: '用户账号',
  VettingHit: '背景比对命中',
};

/** What each GraphQL enum type is (its schema description; also names it in input errors). */
export const enumTypeLabels: Record<string, string> = {
  Role: '角色',
  District: '辖区',
  UnitKind: '单位类型',
  ActivityStatus: '活动状态',
  SecurityMode: '安保方式',
  VettingDecision: '审核结论',
  CompanyStatus: '保安服务公司状态',
  GuardStatus: '保安员状态',
  Sex: '性别',
  Education: '学历',
  RelativeRelation: '亲属关系',
  RecordCategory: '违法犯罪记录类别',
  VettingReasonCategory: '审核原因类别',
  TrainingTopic: '培训科目',
  InspectionItem: '现场检查项目',
  AuditAction: '审计动作',
  DrilldownKind: '总览下钻列表类型',
  LateStage: '逾期阶段',
  TrainingOutcome: '培训考核结果',
  AgeBand: '年龄段',
  PermitTier: '许可层级',
  AuditResult: '审计结果',
};

/** Labels of the GraphQL error codes, for a generic line in the UI when a message is missing. */
export const errorCodeLabels: Record<string, string> = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权进行此操作',
  BAD_USER_INPUT: '输入有误',
  NOT_FOUND: '记录不存在',
  CONFLICT: '操作冲突，请刷新后重试',
  UNAVAILABLE: '依赖的外部服务暂不可用，请稍后重试',
  INTERNAL_SERVER_ERROR: '系统错误，请稍后重试',
};

/**
 * Input fields by name, as a refusal names them (the GraphQL layer's own checks: a number that is not
 * an integer, a date that is not a date): “预计每场人数应为整数”, not the client's variable path.
 */
export const inputFieldLabels: Record<string, string> = {
  account: '账号',
  action: '操作类型',
  actions: '操作类型',
  active: '启用',
  activityId: '活动',
  address: '地址',
  ageBand: '年龄段',
  ageLimit: '年龄上限',
  amount: '报价金额',
  anchor: '锚点',
  answer: '答复',
  appliedOn: '受理日期',
  approved: '审批结果',
  area: '区域',
  assignments: '岗位分配',
  attended: '到课',
  base64: '文件内容',
  bufferZones: '疏散缓冲区域',
  certificateIssuedOn: '发证日期',
  certificateNo: '保安员证号',
  changes: '修改项',
  closedWithSerious: '有未纠正严重问题',
  code: '验证码',
  comment: '说明',
  company: '公司信息',
  companyId: '保安服务公司',
  companyIds: '候选公司',
  compliant: '是否符合要求',
  contactName: '联系人',
  contactPhone: '联系电话',
  correctedAt: '纠正时间',
  creditCode: '统一社会信用代码',
  crowdGuidance: '人员疏导',
  currentPassword: '当前密码',
  date: '日期',
  decision: '审核结论',
  descending: '降序',
  displayName: '姓名',
  district: '辖区',
  dueOn: '答复期限',
  education: '学历',
  eligibleOn: '上岗条件日期',
  emergencyPlan: '应急救援预案',
  endsAt: '结束时间',
  entityId: '对象编号',
  entityType: '对象类型',
  entryId: '名单人员',
  entryIds: '名单人员',
  expected: '确认名单',
  expectedAttendance: '预计每场人数',
  expectedResultsVersion: '版本号',
  expectedVersion: '版本号',
  expectedVersions: '版本号',
  fewCandidates: '候选公司不足',
  field: '排序字段',
  file: '文件',
  filter: '筛选条件',
  findingId: '检查问题',
  from: '起始日期',
  guardId: '保安员',
  guardIds: '保安员',
  guardsRequired: '所需保安员人数',
  id: '编号',
  identificationMarks: '识别标志',
  idNumber: '身份证号',
  ids: '编号',
  includeInactive: '含已停用',
  includeRemoved: '含已移出人员',
  initialPassword: '初始密码',
  input: '输入',
  instructor: '授课人',
  isMakeup: '补训',
  item: '检查项目',
  justification: '推荐理由',
  key: '设置项',
  kind: '单位类型',
  late: '逾期',
  lateStage: '逾期环节',
  licenseExpiry: '许可证有效期',
  licenseNo: '许可证号',
  mine: '本单位',
  mode: '导入方式',
  name: '名称',
  newPassword: '新密码',
  note: '备注',
  onlyEligible: '仅符合条件',
  open: '未办结',
  openOnly: '仅未纠正',
  opinion: '意见',
  organizerName: '主办单位',
  organizerUnitId: '主办单位',
  outcome: '办结情况',
  page: '页码',
  pageSize: '每页条数',
  parking: '车辆停放',
  password: '密码',
  periods: '学时',
  personName: '姓名',
  phone: '手机号',
  photo: '照片',
  place: '地点',
  plan: '安保方案',
  post: '岗位',
  posts: '岗位',
  proposedCandidates: '拟推荐家数',
  qualified: '合格',
  qualifiedOnly: '仅显示合格公司',
  range: '日期范围',
  rating: '评分',
  reason: '原因',
  reasonCategory: '原因类别',
  recordedAt: '记录时间',
  recordedBy: '检查人',
  registeredCapital: '注册资本',
  relation: '亲属关系',
  relatives: '直系亲属',
  relativesStatement: '未登记亲属说明',
  result: '结果',
  results: '检查结果',
  role: '角色',
  rosterEntryId: '名单人员',
  rosterEntryIds: '参训人员',
  scale: '规模研判',
  score: '成绩',
  scores: '成绩',
  search: '搜索内容',
  securityMode: '安保方式',
  seriousOnly: '仅严重问题',
  sessionId: '培训场次',
  sort: '排序',
  sourceId: '被合并单位',
  staffing: '人员配备意见',
  stage: '环节',
  startsAt: '开始时间',
  statement: '说明',
  status: '状态',
  statuses: '状态',
  targetId: '保留单位',
  text: '内容',
  ticketAndSecurityChecks: '票证查验与安全检查',
  to: '截止日期',
  toCompanyId: '调入公司',
  topic: '培训科目',
  topics: '培训科目',
  trainingOutcome: '培训结果',
  type: '活动类型',
  uncorrectedStatement: '未纠正严重问题的说明',
  undertakerName: '承办单位',
  unitId: '单位',
  unreadOnly: '仅未读',
  username: '用户名',
  value: '设定值',
  venue: '场所',
  venueCapacity: '场所容量',
  version: '版本号',
  withHitsOnly: '仅比中记录',
};
/** Labels of fields whose name means another thing in another input, keyed by `parent.field`. */
const inputFieldLabelsIn: Record<string, string> = {
  'plan.posts': '岗位分工',
  'results.note': '问题说明',
};

/**
 * The Chinese label of an input path as a refusal names it (`input.plan.posts` → 岗位分工,
 * `input.posts.0` → 岗位, `input.results.2.note` → 问题说明), or undefined for a field the glossary
 * does not name.
 */
export function inputFieldLabel(path: string): string | undefined {
  const names = path.split('.').filter((part) => !/^\d+$/.test(part));
  const [parent, name] = names.slice(-2).length === 2 ? names.slice(-2) : [undefined, names[names.length - 1]];
  return (parent && inputFieldLabelsIn[`${parent}.${name}`]) || (name ? inputFieldLabels[name] : undefined);
}

