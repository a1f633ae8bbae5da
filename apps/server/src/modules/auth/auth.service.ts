import { AuditAction } from '@evs/schema';
import bcrypt from 'bcryptjs';
import crypto from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/context';
import { badInput, DomainError, unauthenticated } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export const SESSION_COOKIE = 'evs_session';
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const BCRYPT_COST = 10;
const WRONG_CREDENTIALS = '用户名或密码错误';

export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '新密码至少8位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '新密码须同时包含字母和数字';
  return null;
}

interface ActorRow {
  id: string;
  username: string;
  display_name: string;
  role: Actor['role'];
  unit_id: string;
  unit_name: string;
  unit_kind: Actor['unitKind'];
  district: Actor['district'];
  company_id: string | null;
  must_change_password: boolean;
}

const ACTOR_SQL = `
  SELECT u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, un.kind AS unit_kind,
         un.district, u.must_change_password,
         CASE WHEN un.kind = 'COMPANY' THEN un.id END AS company_id
    FROM users u JOIN units un ON un.id = u.unit_id`;

function toActor(r: ActorRow): Actor {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    district: r.district,
    companyId: r.company_id,
    mustChangePassword: r.must_change_password,
  };
}

export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly sessionHours: number,
  ) {}

  /** The actor behind a session cookie, or null when it is unknown or expired. */
  async actorForToken(token: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.ds.query(
      `${ACTOR_SQL} JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active AND un.active`,
      [hashToken(token)],
    );
    return rows[0] ? toActor(rows[0]) : null;
  }

  async actorById(userId: string): Promise<Actor> {
    const rows: ActorRow[] = await this.ds.query(`${ACTOR_SQL} WHERE u.id = $1`, [userId]);
    return toActor(rows[0]);
  }

  /**
   * Checks the password; 5 failures in a row lock the account for 15 minutes. The failure count is
   * kept in PostgreSQL so every API node sees the same lock.
   */
  async login(
    username: string,
    password: string,
    meta: { userAgent?: string; ip?: string; requestId?: string },
  ): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
    const name = username.trim();
    if (!name || !password) throw badInput('请输入用户名和密码', [
      ...(!name ? [{ field: 'username', message: '请输入用户名' }] : []),
      ...(!password ? [{ field: 'password', message: '请输入密码' }] : []),
    ]);
    const user = await this.ds.getRepository(UserEntity).findOne({ where: { username: name }, relations: { unit: true } });
    // A deactivated unit's accounts answer like unknown ones.
    if (!user || !user.active || !user.unit?.active) {
      // Spend the same time as a real check, so timing does not tell which part was wrong.
      await bcrypt.compare(password, '$2b$10$abcdefghijklmnopqrstuuF3lqJbQn0yYzj6vBCj0k1OCeGp1Ok2');
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60000);
      throw new DomainError('UNAUTHENTICATED', `连续${MAX_FAILED_LOGINS}次登录失败，账户已锁定，请${minutes}分钟后再试`);
    }
    const ok = await bcrypt.compare(password, user.passwordHash);
    if (!ok) {
      const locked = await this.ds.transaction(async (m) => {
        // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
        const [[row]]: [{ failed_login_count: number; locked_until: Date | null }[], number] = await m.query(
          `UPDATE users SET failed_login_count = failed_login_count + 1,
                  locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) END
            WHERE id = $1 RETURNING failed_login_count, locked_until`,
          [user.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
        );
        const rowsLocked = row.locked_until !== null;
        if (rowsLocked) {
          await m.query(`UPDATE users SET failed_login_count = 0 WHERE id = $1`, [user.id]);
          await this.audit.record(m, null, {
            action: AuditAction.LOGIN,
            entityType: 'User',
            entityId: user.id,
            summary: `账户 ${user.username} 连续${MAX_FAILED_LOGINS}次密码错误，锁定${LOCK_MINUTES}分钟`,
          }, meta.requestId);
        }
        return rowsLocked;
      });
      if (locked) {
        throw unauthenticated(`连续${MAX_FAILED_LOGINS}次登录失败，账户已锁定，请${LOCK_MINUTES}分钟后再试`);
      }
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.sessionHours * 3600_000);
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`,
        [user.id],
      );
      await m.insert(SessionEntity, {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip ?? null,
      });
      await m.query(`DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()`, [user.id]);
      const actor = await this.actorById(user.id);
      await this.audit.record(m, actor, {
        action: AuditAction.LOGIN,
        entityType: 'User',
        entityId: user.id,
        summary: `${user.displayName} 登录`,
      }, meta.requestId);
    });
    return { token, actor: await this.actorById(user.id), expiresAt };
  }

  async logout(actor: Actor, token: string, requestId?: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.delete(SessionEntity, { tokenHash: hashToken(token) });
      await this.audit.record(m, actor, {
        action: AuditAction.LOGOUT,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 退出登录`,
      }, requestId);
    });
  }

  async changePassword(actor: Actor, current: string, next: string, keepToken: string, requestId?: string) {
    const user = await this.ds.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
    if (!(await bcrypt.compare(current, user.passwordHash))) {
      throw badInput('当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    const problem = passwordProblem(next);
    if (problem) throw badInput(problem, [{ field: 'newPassword', message: problem }]);
    if (next === current) {
      throw badInput('新密码不能与当前密码相同', [{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
    }
    const passwordHash = await hashPassword(next);
    await this.ds.transaction(async (m) => {
      await m.update(UserEntity, { id: actor.id }, { passwordHash, mustChangePassword: false });
      // Other sessions of this user end: a changed password must lock out whoever had the old one.
      await m.query(`DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, [actor.id, hashToken(keepToken)]);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 修改密码`,
      }, requestId);
    });
    return this.actorById(actor.id);
  }
}
