import { AuditEntryEntity } from '../modules/audit/audit.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { SettingEntity } from '../modules/settings/setting.entity';
import { UnitEntity } from '../modules/units/unit.entity';

/** Every entity, listed once; the DataSource for the app, the CLI and the tests reads this. */
export const entities = [UnitEntity, UserEntity, SessionEntity, AuditEntryEntity, NotificationEntity, SettingEntity];
