import 'reflect-metadata';
import * as enums from '@evs/schema';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, registerEnumType } from 'type-graphql';
import { ActivityResolver } from './modules/activities/activity.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { authChecker, guardRootFields } from './modules/auth/auth.checker';
import { AuthResolver } from './modules/auth/auth.resolver';
import { DashboardResolver } from './modules/dashboard/dashboard.resolver';
import { CompanyResolver } from './modules/companies/company.resolver';
import { CertificateRevocationResolver, GuardResolver } from './modules/guards/guard.resolver';
import { NotificationsResolver } from './modules/notifications/notifications.resolver';
import { RecommendationResolver } from './modules/recommendation/recommendation.resolver';
import { SettingsResolver } from './modules/settings/settings.resolver';
import { UnitsResolver } from './modules/units/units.resolver';
import { UsersResolver } from './modules/users/users.resolver';
import { ActivityDeadlinesResolver, WorkQueueResolver } from './modules/deadlines/deadlines.resolver';
import { InspectionsResolver } from './modules/inspections/inspections.resolver';
import { TimelineResolver } from './modules/timeline/timeline.resolver';
import { TrainingResolver } from './modules/training/training.resolver';
import { RecordsResolver } from './modules/records/records.resolver';
import { VettingResolver } from './modules/vetting/vetting.resolver';
import { SupervisionResolver } from './modules/supervision/supervision.resolver';

const enumDescriptions: Record<string, string> = {
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
};

for (const [name, description] of Object.entries(enumDescriptions)) {
  registerEnumType((enums as unknown as Record<string, object>)[name], { name, description });
}

export const resolvers = [
  AuthResolver,
  UnitsResolver,
  UsersResolver,
  AuditResolver,
  NotificationsResolver,
  SettingsResolver,
  VettingResolver,
  RecordsResolver,
  TrainingResolver,
  InspectionsResolver,
  TimelineResolver,
  ActivityDeadlinesResolver,
  WorkQueueResolver,
  SupervisionResolver,
  DashboardResolver,
  CompanyResolver,
  GuardResolver,
  CertificateRevocationResolver,
  ActivityResolver,
  RecommendationResolver,
] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers] as unknown as [Function, ...Function[]],
    authChecker,
    validate: { forbidUnknownValues: false },
  });
  return guardRootFields(schema);
}

/** The committed text of the schema (sorted, so it changes only when the API does). */
export async function schemaText(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
