import { ActivityEntity } from '../modules/activities/activity.entity';
import { ActivityTransitionEntity } from '../modules/activities/transition.entity';
import { InstructionRequestEntity } from '../modules/activities/instruction-request.entity';
import { SupervisionNoticeEntity, SupervisionReminderEntity } from '../modules/supervision/supervision.entity';
import { ActivityRosterStatEntity } from '../modules/dashboard/roster-stat.entity';
import { ActivityTrainingStatEntity } from '../modules/dashboard/training-stat.entity';
import { AuditChainHeadEntity, AuditEntryEntity } from '../modules/audit/audit.entity';
import { LoginDeviceEntity, PasswordHistoryEntity, RecoveryCodeEntity, ServerSecretEntity } from '../modules/auth/credential.entities';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { CompanyEntity } from '../modules/companies/company.entity';
import { GuardEntity } from '../modules/guards/guard.entity';
import { RelativeEntity } from '../modules/guards/relative.entity';
import { CertificateRevocationEntity } from '../modules/guards/revocation.entity';
import { FindingEntity } from '../modules/inspections/finding.entity';
import { InspectionEntity } from '../modules/inspections/inspection.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { PiiKeyFingerprintEntity } from '../modules/privacy/key-fingerprint.entity';
import { CandidateEntity } from '../modules/recommendation/candidate.entity';
import { SuggestionInputsEntity } from '../modules/recommendation/suggestion-inputs.entity';
import { CriminalRecordEntity } from '../modules/records/criminal-record.entity';
import { SettingEntity } from '../modules/settings/setting.entity';
import { TrainingAttendanceEntity } from '../modules/training/training-attendance.entity';
import { TrainingSessionEntity } from '../modules/training/training-session.entity';
import { UnitEntity } from '../modules/units/unit.entity';
import { RosterEntryEntity } from '../modules/vetting/roster-entry.entity';
import { VettingHitEntity } from '../modules/vetting/vetting-hit.entity';

/** Every entity, listed once; the DataSource for the app, the CLI and the tests reads this. */
export const entities = [
  UnitEntity,
  UserEntity,
  SessionEntity,
  AuditEntryEntity,
  AuditChainHeadEntity,
  PasswordHistoryEntity,
  RecoveryCodeEntity,
  LoginDeviceEntity,
  ServerSecretEntity,
  NotificationEntity,
  SettingEntity,
  CompanyEntity,
  GuardEntity,
  RelativeEntity,
  CertificateRevocationEntity,
  CriminalRecordEntity,
  ActivityEntity,
  ActivityTransitionEntity,
  CandidateEntity,
  SuggestionInputsEntity,
  RosterEntryEntity,
  VettingHitEntity,
  TrainingSessionEntity,
  TrainingAttendanceEntity,
  InspectionEntity,
  FindingEntity,
  ActivityRosterStatEntity,
  ActivityTrainingStatEntity,
  InstructionRequestEntity,
  SupervisionReminderEntity,
  SupervisionNoticeEntity,
  PiiKeyFingerprintEntity,
];
