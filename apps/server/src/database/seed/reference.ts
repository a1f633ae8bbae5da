import { District, districtBureauNames, Role, UnitKind } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { UserEntity } from '../../modules/auth/user.entity';
import { UnitEntity } from '../../modules/units/unit.entity';
import { hashPassword } from '../../modules/auth/auth.service';

/** The fixed units of the plan (三、组织领导): loaded on every fresh database. */
export const referenceUnits: { key: string; name: string; kind: UnitKind; district?: District }[] = [
  { key: 'leading', name: '前置大型活动保安公司资质审核领导小组', kind: UnitKind.LEADING_GROUP },
  { key: 'office', name: '领导小组办公室', kind: UnitKind.LEADING_GROUP_OFFICE },
  { key: 'baoan', name: '市公安局保安管理支队', kind: UnitKind.SECURITY_DETACHMENT },
  { key: 'dahuo', name: '市公安局大型活动安全保卫支队', kind: UnitKind.EVENT_DETACHMENT },
  { key: 'it', name: '市公安局信息通信处', kind: UnitKind.IT_DEPARTMENT },
  { key: 'inspectorate', name: '市公安局警务督察支队', kind: UnitKind.INSPECTORATE },
  ...Object.values(District).map((district) => ({
    key: district,
    name: districtBureauNames[district],
    kind: UnitKind.DISTRICT_BUREAU,
    district,
  })),
];

/**
 * Creates the reference units, the administrator and the security auditor (三员分立: ADMIN cannot
 * create an auditor, so the first one comes with the database); returns unit ids by key.
 */
export async function seedReference(
  m: EntityManager,
  admin: { password: string; mustChangePassword: boolean; auditorPassword?: string },
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const u of referenceUnits) {
    const row = await m.save(UnitEntity, m.create(UnitEntity, { name: u.name, kind: u.kind, district: u.district ?? null }));
    ids[u.key] = row.id;
  }
  await m.insert(UserEntity, {
    username: 'admin',
    passwordHash: await hashPassword(admin.password),
    displayName: '系统管理员',
    role: Role.ADMIN,
    unitId: ids.it,
    mustChangePassword: admin.mustChangePassword,
  });
  await m.insert(UserEntity, {
    username: 'auditor',
    passwordHash: await hashPassword(admin.auditorPassword ?? admin.password),
    displayName: '安全审计员',
    role: Role.AUDITOR,
    unitId: ids.inspectorate,
    mustChangePassword: admin.mustChangePassword,
  });
  return ids;
}
