import { AuditAction, Role, roleLabels, unitKindLabels, unitKindsOfRole } from '@evs/schema';
import { Brackets, DataSource } from 'typeorm';
import { Actor } from '../../common/actor';
import { badInput, conflict, notFound } from '../../common/errors';
import { Page, PageInput, pageWindow } from '../../common/pagination';
import { withUniqueConflicts } from '../../common/unique-conflicts';
import { AuditService } from '../audit/audit.service';
import { assertPasswordRules, hashPassword, setPassword } from '../auth/auth.service';
import { UserEntity } from '../auth/user.entity';
import { UnitEntity } from '../units/unit.entity';
import { assertMayManage } from './users.policy';
import { watchAccountGrant } from './credential-watch';
import { NotificationsService } from '../notifications/notifications.service';
import { containsPattern } from '../../common/sql-predicate';

/** What the audit log keeps of an account: never the password hash. */
const auditView = (u: UserEntity) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
});

/** Account management for ADMIN: list, create, enable/disable, reset password. */
export class UsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications?: NotificationsService,
  ) {}

  async list(filter: { search?: string; role?: Role }, page?: PageInput): Promise<Page<UserEntity>> {
    const w = pageWindow(page);
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u').leftJoinAndSelect('u.unit', 'unit');
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    const search = filter.search?.trim();
    if (search) {
      qb.andWhere(
        new Brackets((b) =>
          b.where('u.username ILIKE :s', { s: containsPattern(search) }).orWhere('u.display_name ILIKE :s').orWhere('unit.name ILIKE :s'),
        ),
      );
    }
    const [items, total] = await qb.orderBy('u.role').addOrderBy('u.username').skip(w.skip).take(w.take).getManyAndCount();
    return { items, total, page: w.page, pageSize: w.pageSize };
  }

  async create(
    actor: Actor,
    input: { username: string; displayName: string; role: Role; unitId: string; initialPassword: string },
  ): Promise<UserEntity> {
    assertMayManage(actor, input.role);
    assertPasswordRules(input.initialPassword, input.username, 'initialPassword');
    const passwordHash = await hashPassword(input.initialPassword);
    // Two administrators creating the same username at once: the unique constraint decides.
    return withUniqueConflicts(() => this.ds.transaction(async (m) => {
      // FOR SHARE until the account is stored (red team 8, L3): a merge or deactivation of the unit comes wholly
      // before (refused here) or after (the merge moves the account; the deactivation sees it).
      const unit = await m.findOne(UnitEntity, { where: { id: input.unitId }, lock: { mode: 'pessimistic_read' } });
      if (!unit) throw badInput('所属单位不存在', [{ field: 'unitId', message: '所属单位不存在' }]);
      if (!unit.active) throw conflict(`“${unit.name}”已停用，不能新建账号`);
      const expected = unitKindsOfRole[input.role];
      if (!expected.includes(unit.kind)) {
        const message = `角色“${roleLabels[input.role]}”的账号应属于${expected.map((k) => unitKindLabels[k]).join('或')}，所选单位是${unitKindLabels[unit.kind]}`;
        throw badInput(message, [{ field: 'unitId', message }]);
      }
      if (await m.existsBy(UserEntity, { username: input.username })) {
        throw conflict(`用户名 ${input.username} 已被使用`);
      }
      const user = await m.save(
        UserEntity,
        m.create(UserEntity, {
          username: input.username,
          displayName: input.displayName.trim(),
          role: input.role,
          unitId: unit.id,
          passwordHash,
          mustChangePassword: true,
        }),
      );
      await setPassword(m, user.id, passwordHash, { mustChange: true });
      await this.audit.record(m, actor, {
        action: AuditAction.CREATE,
        entityType: 'User',
        entityId: user.id,
        summary: `新建账号 ${user.username}（${roleLabels[user.role]}，${unit.name}）`,
        after: auditView(user),
      });
      await watchAccountGrant(m, this.notifications, actor, user, '新建账号');
      return m.findOneOrFail(UserEntity, { where: { id: user.id }, relations: { unit: true } });
    }));
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<UserEntity> {
    if (id === actor.id && !active) throw conflict('不能停用自己的账号');
    return this.ds.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, relations: { unit: true }, lock: { mode: 'pessimistic_write', tables: ['users'] } });
      if (!user) throw notFound('账号');
      assertMayManage(actor, user.role);
      const before = auditView(user);
      user.active = active;
      await m.update(UserEntity, { id }, { active });
      // A disabled account is logged out everywhere at once.
      if (!active) await m.query(`DELETE FROM sessions WHERE user_id = $1`, [id]);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: id,
        summary: `${active ? '启用' : '停用'}账号 ${user.username}`,
        before,
        after: auditView(user),
      });
      return user;
    });
  }

  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<UserEntity> {
    const target = await this.ds.getRepository(UserEntity).findOneBy({ id });
    if (!target) throw notFound('账号');
    assertMayManage(actor, target.role);
    assertPasswordRules(newPassword, target.username, 'newPassword');
    const [{ changed: readChanged }]: { changed: string | null }[] = await this.ds.query(
      `SELECT password_changed_at::text AS changed FROM users WHERE id = $1`,
      [id],
    );
    const passwordHash = await hashPassword(newPassword);
    return this.ds.transaction(async (m) => {
      // Another reset (or the owner's change) committed while this one was hashed: one wins, the others are told
      // (red team 7, L2: 20 resets with 20 passwords at once all answered OK, and only one was in force).
      const [locked]: { changed: string | null }[] = await m.query(`SELECT password_changed_at::text AS changed FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw notFound('账号');
      if (locked.changed !== readChanged) {
        throw conflict(`账号 ${target.username} 的密码刚刚已被修改或重置，本次未重置（以免告知本人的密码不是生效的那个）；如仍需重置，请刷新后重试`);
      }
      const user = await m.findOne(UserEntity, { where: { id }, relations: { unit: true } });
      if (!user) throw notFound('账号');
      await setPassword(m, id, passwordHash, { mustChange: true });
      await m.update(UserEntity, { id }, { failedLoginCount: 0, lockedUntil: null });
      // …and the locks of its known browsers (auth.service DEVICE_COOKIE): the owner logs in again anywhere.
      await m.query(`UPDATE login_devices SET failed_count = 0, locked_until = NULL WHERE user_id = $1`, [id]);
      await m.query(`DELETE FROM sessions WHERE user_id = $1`, [id]);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: id,
        summary: `重置账号 ${user.username} 的密码（下次登录须修改）`,
      });
      await watchAccountGrant(m, this.notifications, actor, user, '重置密码');
      return m.findOneOrFail(UserEntity, { where: { id }, relations: { unit: true } });
    });
  }
}
