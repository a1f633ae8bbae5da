import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Domain1764000100000 } from './1764000100000-Domain';
import { VettingIndexes1764000400000 } from './1764000400000-VettingIndexes';
import { OverviewIndexes1764000650000 } from './1764000650000-OverviewIndexes';
import { RosterStats1764000800000 } from './1764000800000-RosterStats';
import { TrainingStats1764000850000 } from './1764000850000-TrainingStats';
import { SuggestionStats1764000900000 } from './1764000900000-SuggestionStats';
import { VettingIntegrity1765000000000 } from './1765000000000-VettingIntegrity';
import { OneRowRules1765100000000 } from './1765100000000-OneRowRules';
import { Calendar1765200000000 } from './1765200000000-Calendar';
import { Onboarding1765300000000 } from './1765300000000-Onboarding';
import { SecurityEnums1765400000000 } from './1765400000000-SecurityEnums';
import { SecurityControls1765400100000 } from './1765400100000-SecurityControls';
import { AuditSealing1765400200000 } from './1765400200000-AuditSealing';
import { PiiEncryption1765600000000 } from './1765600000000-PiiEncryption';
import { TotpSecretEncryption1766900000000 } from './1766900000000-TotpSecretEncryption';
import { SuggestionInputsVersion1767000000000 } from './1767000000000-SuggestionInputsVersion';
import { CredentialLock1767100000000 } from './1767100000000-CredentialLock';
import { ActivityFixedLimits1767200000000 } from './1767200000000-ActivityFixedLimits';
import { IdentityProbes1767300000000 } from './1767300000000-IdentityProbes';
import { EducationLock1767400000000 } from './1767400000000-EducationLock';
import { CertificateHolder1767500000000 } from './1767500000000-CertificateHolder';
import { CertificateNumberLock1767700000000 } from './1767700000000-CertificateNumberLock';
import { SuggestionInputsAccounts1767800000000 } from './1767800000000-SuggestionInputsAccounts';
import { ActivityDeadlineDays1767900000000 } from './1767900000000-ActivityDeadlineDays';
import { TrainingSessionVersion1768000000000 } from './1768000000000-TrainingSessionVersion';
import { OneSecurityDetachment1768100000000 } from './1768100000000-OneSecurityDetachment';
import { CompanyNameUnique1768200000000 } from './1768200000000-CompanyNameUnique';
import { OnePerCityUnits1768300000000 } from './1768300000000-OnePerCityUnits';
import { NotificationAudience1768400000000 } from './1768400000000-NotificationAudience';
import { VettingCountedRule1768500000000 } from './1768500000000-VettingCountedRule';
import { RosterLockUntilEnd1768600000000 } from './1768600000000-RosterLockUntilEnd';
import { VettingCountedReused1768700000000 } from './1768700000000-VettingCountedReused';
import { PassWithdrawnAt1768800000000 } from './1768800000000-PassWithdrawnAt';
import { CheckedIdHash1769000000000 } from './1769000000000-CheckedIdHash';
import { TrainingResultsVersion1767600000000 } from './1767600000000-TrainingResultsVersion';
import { AsRecordedOnSite1769100000000 } from './1769100000000-AsRecordedOnSite';
import { RegisteredOnceNormalized1769200000000 } from './1769200000000-RegisteredOnceNormalized';
import { PhotoMetadata1769250000000 } from './1769250000000-PhotoMetadata';
import { RelativesChecked1769300000000 } from './1769300000000-RelativesChecked';
import { RevocationCertificate1769400000000 } from './1769400000000-RevocationCertificate';
import { UnitNameOnce1769500000000 } from './1769500000000-UnitNameOnce';
import { LoginDevices1769600000000 } from './1769600000000-LoginDevices';
import { NotificationMerge1769700000000 } from './1769700000000-NotificationMerge';

/** Every migration in order; new ones are appended. */
export const migrations = [
  Foundation1764000000000, Domain1764000100000, VettingIndexes1764000400000, OverviewIndexes1764000650000,
  RosterStats1764000800000,
  TrainingStats1764000850000,
  SuggestionStats1764000900000,
  VettingIntegrity1765000000000,
  OneRowRules1765100000000,
  Calendar1765200000000,
  Onboarding1765300000000,
  SecurityEnums1765400000000,
  SecurityControls1765400100000,
  AuditSealing1765400200000,
  PiiEncryption1765600000000,
  TotpSecretEncryption1766900000000,
  SuggestionInputsVersion1767000000000,
  CredentialLock1767100000000,
  ActivityFixedLimits1767200000000,
  IdentityProbes1767300000000,
  EducationLock1767400000000,
  CertificateHolder1767500000000,
  TrainingResultsVersion1767600000000,
  CertificateNumberLock1767700000000,
  SuggestionInputsAccounts1767800000000,
  ActivityDeadlineDays1767900000000,
  TrainingSessionVersion1768000000000,
  OneSecurityDetachment1768100000000,
  CompanyNameUnique1768200000000,
  OnePerCityUnits1768300000000,
  NotificationAudience1768400000000,
  VettingCountedRule1768500000000,
  RosterLockUntilEnd1768600000000,
  VettingCountedReused1768700000000,
  PassWithdrawnAt1768800000000,
  CheckedIdHash1769000000000,
  AsRecordedOnSite1769100000000,
  RegisteredOnceNormalized1769200000000,
  PhotoMetadata1769250000000,
  RelativesChecked1769300000000,
  RevocationCertificate1769400000000,
  UnitNameOnce1769500000000,
  LoginDevices1769600000000,
  NotificationMerge1769700000000,
];
