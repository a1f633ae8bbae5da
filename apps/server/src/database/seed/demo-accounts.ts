import { District, Role, UnitKind } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { hashPassword } from '../../modules/auth/auth.service';
import { UserEntity } from '../../modules/auth/user.entity';
import { UnitEntity } from '../../modules/units/unit.entity';

export const DEMO_PASSWORD = 'Demo@2026';

/** Demo login → who they are. Company and organizer units are created by the demo register. */
export const demoAccounts: { username: string; displayName: string; role: Role; unitKey: string }[] = [
  { username: 'leader', displayName: '刘溯', role: Role.LEADER, unitKey: 'leading' },
  { username: 'office', displayName: '办公室值班员', role: Role.OFFICE, unitKey: 'office' },
  { username: 'baoan', displayName: '刘宝军', role: Role.SECURITY_DETACHMENT, unitKey: 'baoan' },
  { username: 'dahuo', displayName: '孟祥勇', role: Role.EVENT_DETACHMENT, unitKey: 'dahuo' },
  { username: 'panshan', displayName: '李雷', role: Role.DISTRICT_BUREAU, unitKey: District.PANSHAN },
  { username: 'shuangtaizi', displayName: '储良', role: Role.DISTRICT_BUREAU, unitKey: District.SHUANGTAIZI },
  { username: 'xinglongtai', displayName: '刘志', role: Role.DISTRICT_BUREAU, unitKey: District.XINGLONGTAI },
  { username: 'dawa', displayName: '杨玉楼', role: Role.DISTRICT_BUREAU, unitKey: District.DAWA },
  { username: 'liaodongwan', displayName: '李军', role: Role.DISTRICT_BUREAU, unitKey: District.LIAODONGWAN },
  { username: 'chengjiao', displayName: '王道通', role: Role.DISTRICT_BUREAU, unitKey: District.CHENGJIAO },
  { username: 'company1', displayName: '张伟', role: Role.COMPANY, unitKey: 'company1' },
  { username: 'company2', displayName: '王芳', role: Role.COMPANY, unitKey: 'company2' },
  { username: 'organizer1', displayName: '赵敏', role: Role.ORGANIZER, unitKey: 'organizer1' },
  { username: 'organizer2', displayName: '孙强', role: Role.ORGANIZER, unitKey: 'organizer2' },
  // Members of the leader group (seed 三) in their own units: each sees the city and their unit's part.
  { username: 'leader_xinglongtai', displayName: '刘志', role: Role.LEADER, unitKey: District.XINGLONGTAI },
  { username: 'leader_baoan', displayName: '刘宝军', role: Role.LEADER, unitKey: 'baoan' },
  { username: 'leader_dahuo', displayName: '孟祥勇', role: Role.LEADER, unitKey: 'dahuo' },
];

/** The organizer units of the demo (companies come from the demo register). */
export const demoOrganizers = [
  { key: 'organizer1', name: '盘锦红海滩文化旅游发展有限公司', creditCode: '91211104MA0Q7HT2L6', district: District.DAWA, contactName: '赵敏', contactPhone: '13904270001' },
  { key: 'organizer2', name: '盘锦市体育中心', creditCode: '12211100MB1K3R8NX2', district: District.XINGLONGTAI, contactName: '孙强', contactPhone: '13904270002' },
];

export async function seedDemoOrganizers(m: EntityManager, ids: Record<string, string>): Promise<void> {
  for (const o of demoOrganizers) {
    const row = await m.save(
      UnitEntity,
      m.create(UnitEntity, {
        name: o.name,
        kind: UnitKind.ORGANIZER,
        creditCode: o.creditCode,
        district: o.district,
        contactName: o.contactName,
        contactPhone: o.contactPhone,
      }),
    );
    ids[o.key] = row.id;
  }
}

/** Every demo account, password `Demo@2026`, no forced change (the demo must be quick to try). */
export async function seedDemoAccounts(m: EntityManager, ids: Record<string, string>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const username of ['admin', 'auditor']) {
    await m.update(UserEntity, { username }, { passwordHash, mustChangePassword: false });
  }
  const rows = demoAccounts
    .filter((a) => ids[a.unitKey])
    .map((a) => ({ username: a.username, displayName: a.displayName, role: a.role, unitId: ids[a.unitKey], passwordHash }));
  await m.insert(UserEntity, rows);
}
