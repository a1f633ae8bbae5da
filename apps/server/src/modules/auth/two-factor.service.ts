import { AuditAction, roleLabels } from '@evs/schema';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { decryptPii, encryptPii } from '../../common/pii';
import { assertMayManage } from '../users/users.policy';
import { AuthService, SessionSecretCheck } from './auth.service';
import { verifyPassword } from './password';
import { hashRecoveryCode, newRecoveryCode, newTotpSecret, normalizeRecoveryCode, qrCodeDataUrl, RECOVERY_CODE_COUNT, totpStep, totpUri } from './totp';
import { watchAccountGrant } from '../users/credential-watch';
import { NotificationsService } from '../notifications/notifications.service';

const WRONG_CODE = '动态验证码不正确或已使用过，请核对手机时间后输入最新的验证码';

/**
 * Two-factor login (TOTP, RFC 6238): enrolment by QR code, one-time recovery codes (stored hashed),
 * turning it off where the role allows, and the reset by whoever manages the account.
 */
export class TwoFactorService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly notifications?: NotificationsService,
  ) {}

  async status(actor: Actor) {
    const [row] = await this.ds.query(
      `SELECT password_changed_at, (SELECT count(*)::int FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS left
         FROM users u WHERE id = $1`,
      [actor.id],
    );
    const policy = await this.auth.policy();
    return {
      passwordChangedAt: row.password_changed_at as Date,
      passwordExpiresAt: actor.passwordExpiresAt,
      totpEnabled: !!actor.totpEnabled,
      totpRequired: policy.totpRequired(actor.role),
      recoveryCodesLeft: actor.totpEnabled ? (row.left as number) : 0,
    };
  }

  /** A new secret for the QR code; it takes effect only once a code from it is confirmed. */
  async begin(actor: Actor) {
    if (actor.totpEnabled) throw conflict('已启用两步验证；如需更换手机，请先停用或请管理员重置');
    const secret = newTotpSecret();
    const otpauthUrl = totpUri(secret, actor.username);
    await this.ds.transaction(async (m) => {
      // stored encrypted like the register's ID numbers: a database dump must not let anyone mint codes
      await m.query(`UPDATE users SET totp_pending_secret = $2 WHERE id = $1`, [actor.id, encryptPii(secret)]);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 开始绑定身份验证器`,
      });
    });
    return { secret, otpauthUrl, qrCodeDataUrl: await qrCodeDataUrl(otpauthUrl) };
  }

  /** Confirms the scanned secret with a code from the app; answers the recovery codes (shown once). */
  async confirm(actor: Actor, code: string): Promise<string[]> {
    const [user] = await this.ds.query(`SELECT totp_secret, totp_pending_secret FROM users WHERE id = $1`, [actor.id]);
    if (user.totp_secret) throw conflict('已启用两步验证');
    if (!user.totp_pending_secret) throw conflict('请先扫描二维码（重新开始绑定）');
    const step = await totpStep(decryptPii(user.totp_pending_secret), code.trim(), null);
    if (step === null) throw badInput(WRONG_CODE, [{ field: 'code', message: WRONG_CODE }]);
    return this.ds.transaction(async (m) => {
      const [, enabled] = await m.query(
        `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(), totp_last_step = $2
          WHERE id = $1 AND totp_secret IS NULL AND totp_pending_secret = $3`,
        [actor.id, step, user.totp_pending_secret],
      );
      if (!enabled) throw conflict('绑定已在另一处完成或重新开始，请刷新后重试');
      const codes = await this.replaceRecoveryCodes(m, actor.id);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 启用两步验证（绑定身份验证器，生成${codes.length}个恢复码）`,
      });
      return codes;
    });
  }

  /**
   * New recovery codes (the old ones stop working); needs a current code from the app, checked as a login checks it
   * (AuthService.withSecretChecked: a wrong one counts toward the lockout and is audited).
   */
  async regenerateRecoveryCodes(actor: Actor, code: string): Promise<string[]> {
    const check: SessionSecretCheck<number> = {
      operation: '重新生成恢复码',
      secret: '动态验证码',
      verify: async (user) => {
        if (!user.totp_secret) throw conflict('尚未启用两步验证');
        return totpStep(decryptPii(user.totp_secret), code.trim(), user.totp_last_step === null ? null : Number(user.totp_last_step));
      },
      wrong: () => badInput(WRONG_CODE, [{ field: 'code', message: WRONG_CODE }]),
    };
    return this.auth.withSecretChecked(actor, check, async (m, _user, step) => {
      // A code counts once: its step was found after the last one taken, read under the same row lock.
      await m.query(`UPDATE users SET totp_last_step = $2 WHERE id = $1`, [actor.id, step]);
      const codes = await this.replaceRecoveryCodes(m, actor.id);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 重新生成恢复码（原恢复码作废）`,
      });
      return codes;
    });
  }

  /**
   * Turns two-factor login off for the user's own account, where the role does not require it; needs the password,
   * checked as a login checks it (AuthService.withSecretChecked).
   */
  async disable(actor: Actor, password: string): Promise<void> {
    if ((await this.auth.policy()).totpRequired(actor.role)) {
      throw forbidden(`${roleLabels[actor.role]}账号必须启用两步验证，不能停用`);
    }
    const check: SessionSecretCheck<true> = {
      operation: '停用两步验证',
      secret: '密码',
      verify: async (user) => ((await verifyPassword(user.password_hash, password)) ? true : null),
      wrong: () => badInput('当前密码不正确', [{ field: 'password', message: '当前密码不正确' }]),
    };
    await this.auth.withSecretChecked(actor, check, async (m, user) => {
      if (!user.totp_secret) throw conflict('尚未启用两步验证');
      await this.clear(m, actor.id);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 停用两步验证`,
      });
    });
  }

  /**
   * The reset for a lost phone: the secret and recovery codes go, the account's sessions end, and
   * (where its role requires it) the user enrols again at the next login. 三员分立 applies.
   */
  async reset(actor: Actor, userId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(userId)) throw notFound('账号');
    await this.ds.transaction(async (m) => {
      const [user] = await m.query(`SELECT id, username, role, unit_id AS "unitId" FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      if (!user) throw notFound('账号');
      assertMayManage(actor, user.role);
      await this.clear(m, userId);
      await m.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: userId,
        summary: `重置账号 ${user.username} 的两步验证（须重新绑定身份验证器，其会话全部结束）`,
      });
      await watchAccountGrant(m, this.notifications, actor, user, '重置两步验证');
    });
  }

  private async clear(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1`,
      [userId],
    );
    await m.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
  }

  private async replaceRecoveryCodes(m: EntityManager, userId: string): Promise<string[]> {
    await m.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await m.query(
      `INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`,
      [userId, codes.map((c) => hashRecoveryCode(normalizeRecoveryCode(c)!))],
    );
    return codes;
  }
}
