import { DataSource, EntityManager } from 'typeorm';
import { Actor } from './common/actor';
import { ActivityEntity } from './modules/activities/activity.entity';
import { AppConfig } from './config';
import { LoginGate } from './common/login-gate';
import { ActivityLifecycle } from './modules/activities/lifecycle';
import { ActivityService } from './modules/activities/activity.service';
import { RecommendationService } from './modules/recommendation/recommendation.service';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { TwoFactorService } from './modules/auth/two-factor.service';
import { HomeService } from './modules/dashboard/home.service';
import { OverviewService } from './modules/dashboard/overview.service';
import { CompanyImportService } from './modules/companies/company-import.service';
import { CompaniesService } from './modules/companies/company.service';
import { GuardsService } from './modules/guards/guard.service';
import { InAppChannel, NotificationsService } from './modules/notifications/notifications.service';
import { SettingsService } from './modules/settings/settings.service';
import { OnboardingService } from './modules/units/onboarding.service';
import { UnitsService } from './modules/units/units.service';
import { UsersService } from './modules/users/users.service';
import { DeadlinesService } from './modules/deadlines/deadlines.service';
import { InspectionsService } from './modules/inspections/inspections.service';
import { TimelineService } from './modules/timeline/timeline.service';
import { TrainingService } from './modules/training/training.service';
import { createRecordsSource } from './modules/records/records.source';
import { RecordsService } from './modules/records/records.service';
import { GuardImportService } from './modules/guards/guard-import.service';
import { VettingService } from './modules/vetting/vetting.service';
import { VettingNoticeService } from './modules/vetting/vetting.summary';
import { SupervisionService } from './modules/supervision/supervision.service';
import { RetentionService } from './modules/privacy/retention.service';

/** Every service, built once per process; they hold no per-request state. */
export function createServices(ds: DataSource, config: AppConfig) {
  const audit = new AuditService(ds);
  const units = new UnitsService(ds);
  const clock = config.clock;
  const notifications = new NotificationsService(ds, audit, [new InAppChannel()], clock);
  const settings = new SettingsService(ds, audit, notifications);
  const lifecycle = new ActivityLifecycle(audit, notifications, clock);
  const training = new TrainingService(ds, audit, notifications, lifecycle, settings, clock);
  const inspections = new InspectionsService(ds, audit, lifecycle, settings, clock);
  const timeline = new TimelineService(ds, audit);
  const deadlines = new DeadlinesService(ds, settings, clock);
  const supervision = new SupervisionService(ds, audit, notifications, settings, clock);
  const overview = new OverviewService(ds, settings, supervision, clock);
  const home = new HomeService(ds, overview, supervision, clock);
  const activities = new ActivityService(ds, audit, settings, units, lifecycle, notifications, clock);
  const recommendation = new RecommendationService(ds, audit, settings, units, lifecycle, activities, clock);
  const companies = new CompaniesService(ds, audit, notifications, clock);
  // What a revocation, a new record or the detachment's withdrawal does to the rosters still open (vetting/open-roster-effects.ts).
  const openRosterEffects = {
    audit,
    notifications,
    syncReadiness: (m: EntityManager, activity: ActivityEntity, actor: Actor) => training.syncReadiness(m, activity, actor),
    lifecycle,
  };
  const guards = new GuardsService(ds, audit, settings, clock, openRosterEffects);
  const recordsSource = createRecordsSource(ds);
  const vetting = new VettingService(ds, audit, notifications, settings, units, lifecycle, recordsSource, clock, openRosterEffects);
  const vettingNotices = new VettingNoticeService(ds, vetting, audit, clock);
  const records = new RecordsService(ds, audit, clock, {
    ...openRosterEffects,
    checkRelatives: async (m: EntityManager) => (await settings.all(m))['vetting.checkRelatives'],
  });
  const guardImport = new GuardImportService(ds, audit, clock);
  const companyImport = new CompanyImportService(ds, audit, clock);
  const onboarding = new OnboardingService(ds, audit, companies, clock, notifications);
  const auth = new AuthService(ds, audit, config.sessionHours, config.sessionIdleMinutes, notifications);
  return {
    config,
    loginGate: new LoginGate(config.loginLimits),
    recordsSource,
    vetting,
    vettingNotices,
    records,
    guardImport,
    companyImport,
    audit,
    auth,
    twoFactor: new TwoFactorService(ds, audit, auth, notifications),
    units,
    onboarding,
    users: new UsersService(ds, audit, notifications),
    notifications,
    settings,
    lifecycle,
    training,
    inspections,
    timeline,
    deadlines,
    supervision,
    overview,
    home,
    companies,
    guards,
    activities,
    recommendation,
    retention: new RetentionService(ds, audit, settings, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
