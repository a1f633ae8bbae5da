import 'reflect-metadata';
import * as enums from '@evs/schema';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, registerEnumType } from 'type-graphql';
import { guardInputValues } from './common/input-guard';
import { ActivityResolver } from './modules/activities/activity.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { authChecker, guardRootFields } from './modules/auth/auth.checker';
import { AuthResolver } from './modules/auth/auth.resolver';
import { DashboardResolver, DrilldownRowResolver } from './modules/dashboard/dashboard.resolver';
import { CompanyResolver } from './modules/companies/company.resolver';
import { CertificateRevocationResolver, GuardResolver } from './modules/guards/guard.resolver';
import { NotificationsResolver } from './modules/notifications/notifications.resolver';
import { RecommendationResolver } from './modules/recommendation/recommendation.resolver';
import { SettingsResolver } from './modules/settings/settings.resolver';
import { UnitsResolver } from './modules/units/units.resolver';
import { UsersResolver } from './modules/users/users.resolver';
import { ActivityDeadlinesResolver, WorkQueueResolver } from './modules/deadlines/deadlines.resolver';
import { FindingResolver, InspectionsResolver } from './modules/inspections/inspections.resolver';
import { TimelineResolver } from './modules/timeline/timeline.resolver';
import { OnDutyGuardResolver, TrainingResolver } from './modules/training/training.resolver';
import { RecordsResolver } from './modules/records/records.resolver';
import { ClearedGuardResolver, VettingNoticeEntryResolver, VettingResolver } from './modules/vetting/vetting.resolver';
import { SupervisionResolver } from './modules/supervision/supervision.resolver';

for (const [name, description] of Object.entries(enums.enumTypeLabels)) {
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
  VettingNoticeEntryResolver,
  ClearedGuardResolver,
  RecordsResolver,
  TrainingResolver,
  OnDutyGuardResolver,
  InspectionsResolver,
  FindingResolver,
  TimelineResolver,
  ActivityDeadlinesResolver,
  WorkQueueResolver,
  SupervisionResolver,
  DashboardResolver,
  DrilldownRowResolver,
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
  // The session check runs first, then the shared input checks, then the resolver.
  return guardRootFields(guardInputValues(schema));
}

/** The committed text of the schema (sorted, so it changes only when the API does). */
export async function schemaText(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
