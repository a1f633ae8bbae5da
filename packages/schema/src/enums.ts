/**
 * The domain's enumerations. The server registers each of them with type-graphql under the same
 * name, so these values are exactly the GraphQL enum values (SPEC §7: keep them stable).
 */

export enum Role {
  ADMIN = 'ADMIN',
  LEADER = 'LEADER',
  OFFICE = 'OFFICE',
  SECURITY_DETACHMENT = 'SECURITY_DETACHMENT',
  EVENT_DETACHMENT = 'EVENT_DETACHMENT',
  DISTRICT_BUREAU = 'DISTRICT_BUREAU',
  ORGANIZER = 'ORGANIZER',
  COMPANY = 'COMPANY',
  /** 安全审计员 (等保 三员): reads the audit log and security events; kept apart from ADMIN. */
  AUDITOR = 'AUDITOR',
}

export enum District {
  PANSHAN = 'PANSHAN',
  SHUANGTAIZI = 'SHUANGTAIZI',
  XINGLONGTAI = 'XINGLONGTAI',
  DAWA = 'DAWA',
  LIAODONGWAN = 'LIAODONGWAN',
  CHENGJIAO = 'CHENGJIAO',
}

export enum UnitKind {
  LEADING_GROUP = 'LEADING_GROUP',
  LEADING_GROUP_OFFICE = 'LEADING_GROUP_OFFICE',
  SECURITY_DETACHMENT = 'SECURITY_DETACHMENT',
  EVENT_DETACHMENT = 'EVENT_DETACHMENT',
  DISTRICT_BUREAU = 'DISTRICT_BUREAU',
  COMPANY = 'COMPANY',
  ORGANIZER = 'ORGANIZER',
  IT_DEPARTMENT = 'IT_DEPARTMENT',
  /** 警务督察部门: home of the security auditors, apart from the IT department that runs the system. */
  INSPECTORATE = 'INSPECTORATE',
}

/**
 * The kinds of unit each role may belong to: an account's role must match its unit (server and
 * web). The leader group's members sit in their own units (seed 三): the group leader in the
 * group, the six bureau chiefs in their bureaus, the two detachment heads in their detachments.
 */
export const unitKindsOfRole: Record<Role, UnitKind[]> = {
  [Role.ADMIN]: [UnitKind.IT_DEPARTMENT],
  [Role.LEADER]: [UnitKind.LEADING_GROUP, UnitKind.DISTRICT_BUREAU, UnitKind.SECURITY_DETACHMENT, UnitKind.EVENT_DETACHMENT],
  [Role.OFFICE]: [UnitKind.LEADING_GROUP_OFFICE],
  [Role.SECURITY_DETACHMENT]: [UnitKind.SECURITY_DETACHMENT],
  [Role.EVENT_DETACHMENT]: [UnitKind.EVENT_DETACHMENT],
  [Role.DISTRICT_BUREAU]: [UnitKind.DISTRICT_BUREAU],
  [Role.ORGANIZER]: [UnitKind.ORGANIZER],
  [Role.COMPANY]: [UnitKind.COMPANY],
  [Role.AUDITOR]: [UnitKind.INSPECTORATE],
};

/** The usual kind of unit of each role (the first of `unitKindsOfRole`). */
export const unitKindOfRole = Object.fromEntries(
  Object.entries(unitKindsOfRole).map(([role, kinds]) => [role, kinds[0]]),
) as Record<Role, UnitKind>;

/** City-level units have no district; every other kind belongs to one (server and web). */
export const CITY_LEVEL_UNIT_KINDS: readonly UnitKind[] = [
  UnitKind.LEADING_GROUP,
  UnitKind.LEADING_GROUP_OFFICE,
  UnitKind.SECURITY_DETACHMENT,
  UnitKind.EVENT_DETACHMENT,
  UnitKind.IT_DEPARTMENT,
  UnitKind.INSPECTORATE,
];

/** Kinds that carry a 统一社会信用代码, a contact person and a phone. */
export const REGISTERED_UNIT_KINDS: readonly UnitKind[] = [UnitKind.ORGANIZER, UnitKind.COMPANY];

/**
 * The roles of the accounts a unit of this kind is opened with (its usual roles). A leader-group
 * member sitting in a bureau or detachment (LEADER) is created by the administrator with createUser.
 */
export function rolesOfUnitKind(kind: UnitKind): Role[] {
  return (Object.keys(unitKindOfRole) as Role[]).filter((r) => unitKindOfRole[r] === kind);
}

export enum ActivityStatus {
  DRAFT = 'DRAFT',
  REPORTED = 'REPORTED',
  APPROVED = 'APPROVED',
  CANDIDATES_RECOMMENDED = 'CANDIDATES_RECOMMENDED',
  COMPANY_SELECTED = 'COMPANY_SELECTED',
  VETTING = 'VETTING',
  TRAINING = 'TRAINING',
  READY = 'READY',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum SecurityMode {
  SERVICE_COMPANY = 'SERVICE_COMPANY',
  SELF_RECRUITED = 'SELF_RECRUITED',
}

export enum VettingDecision {
  PENDING = 'PENDING',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}

export enum CompanyStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

export enum GuardStatus {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
}

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum Education {
  PRIMARY = 'PRIMARY',
  JUNIOR_MIDDLE = 'JUNIOR_MIDDLE',
  SENIOR_MIDDLE = 'SENIOR_MIDDLE',
  VOCATIONAL = 'VOCATIONAL',
  COLLEGE = 'COLLEGE',
  BACHELOR = 'BACHELOR',
  POSTGRADUATE = 'POSTGRADUATE',
}

export enum RelativeRelation {
  FATHER = 'FATHER',
  MOTHER = 'MOTHER',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
}

/** 条例 Art. 17 record categories held in the records register. */
export enum RecordCategory {
  INTENTIONAL_CRIME = 'INTENTIONAL_CRIME',
  CUSTODY_EDUCATION = 'CUSTODY_EDUCATION',
  COMPULSORY_DETOX = 'COMPULSORY_DETOX',
  REEDUCATION_LABOR = 'REEDUCATION_LABOR',
  ADMIN_DETENTION = 'ADMIN_DETENTION',
}

/** Why a vetting decision went the way it did; the company sees only this category. */
export enum VettingReasonCategory {
  CLEAR = 'CLEAR',
  OWN_RECORD = 'OWN_RECORD',
  RELATIVE_RECORD = 'RELATIVE_RECORD',
  PRE_CHECK = 'PRE_CHECK',
  OTHER = 'OTHER',
}

export enum TrainingTopic {
  LAWS = 'LAWS',
  DUTY_SKILLS = 'DUTY_SKILLS',
  EMERGENCY = 'EMERGENCY',
}

export enum InspectionItem {
  UNIFORM = 'UNIFORM',
  CERTIFICATE = 'CERTIFICATE',
  BEARING = 'BEARING',
  DUTY = 'DUTY',
  FORBIDDEN_ACT = 'FORBIDDEN_ACT',
  UNVETTED_ON_DUTY = 'UNVETTED_ON_DUTY',
}

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  TRANSITION = 'TRANSITION',
  LOGIN = 'LOGIN',
  LOGOUT = 'LOGOUT',
  READ_DETAIL = 'READ_DETAIL',
  IMPORT = 'IMPORT',
  LOGIN_FAILED = 'LOGIN_FAILED',
  LOCKOUT = 'LOCKOUT',
  ACCESS_DENIED = 'ACCESS_DENIED',
  EXPORT = 'EXPORT',
}

/** Whether an audited event succeeded (a refused login or a permission denial is a FAILURE). */
export enum AuditResult {
  SUCCESS = 'SUCCESS',
  FAILURE = 'FAILURE',
}

/** Who permits a large event (条例 Art. 12): ≥ 1000–5000 the county-level bureau, > 5000 the city bureau. */
export enum PermitTier {
  NOT_COVERED = 'NOT_COVERED',
  COUNTY = 'COUNTY',
  CITY = 'CITY',
}
