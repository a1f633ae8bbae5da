import { AuditAction, AuditResult, PASSWORD_HISTORY_SIZE, passwordProblems, Role } from '@evs/schema';
import crypto from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { badInput, DomainError, notFound, unauthenticated } from '../../common/errors';
import { decryptPii } from '../../common/pii';
import { currentRequest } from '../../common/request-context';
import { preparedRows } from '../../database/prepared';
import { AuditService } from '../audit/audit.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { hashPassword, needsRehash, spendVerifyTime, verifyPassword } from './password';
import { securityPolicy, SecurityPolicy } from './security-settings';
import { SessionEntity } from './session.entity';
import { hashRecoveryCode, normalizeRecoveryCode, totpStep } from './totp';

export { hashPassword } from './password';

export const SESSION_COOKIE = 'evs_session';
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** One answer for an unknown user, a wrong password and a locked account (nothing is revealed). */
export const WRONG_CREDENTIALS = '用户名或密码错误';
/** The same at the second step: it never says which of the three was wrong. */
export const WRONG_SECOND_STEP = '用户名、密码或动态验证码错误，请重新登录';
export const SECOND_FACTOR_NEEDED = '请输入手机身份验证器中的6位动态验证码（或一个恢复码）';
/** A session that asked for a secret again while its account locked, or was locked: it has ended. */
export const LOCKED_IN_SESSION = `多次输入错误，账号已锁定${LOCK_MINUTES}分钟，会话已结束，请稍后重新登录`;
/** How often a session's last activity is written (the idle timeout is in minutes). */
const TOUCH_EVERY_MS = 15_000;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * The browser's own cookie (not the session's): set at every login, kept at logout. A browser that has
 * logged in to an account before is a known device of it, with a failure count and a lock of its own for
 * that account (`login_devices`); every other client shares the account's. So whoever knows a username
 * and types wrong passwords locks it for the clients that never logged in to it, not for its owner's
 * phone or desk.
 */
export const DEVICE_COOKIE = 'evs_device';
export const DEVICE_COOKIE_DAYS = 180;
/** Known devices kept per account (the most recent logins); an older one counts with the account again. */
export const DEVICES_PER_ACCOUNT = 10;

/** The device cookie's value when it is one this server could have issued (32 random bytes), else undefined. */
export function deviceToken(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** What a login or a secret asked for again is counted against: a known device's own count, or the account's. */
type LockScope = { device: string } | null;

/** The password rules broken by `password` (username and history aside), as one Chinese message. */
export function passwordProblem(password: string, username = ''): string | null {
  const problems = passwordProblems(password, username);
  return problems.length ? problems.map((p) => p.message).join('；') : null;
}

/** BAD_USER_INPUT naming `field` once per broken rule; nothing is stored. */
export function assertPasswordRules(password: string, username: string, field: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) {
    throw badInput(
      `密码不符合要求：${problems.map((p) => p.message).join('；')}`,
      problems.map((p) => ({ field, message: p.message })),
    );
  }
}

/** The error `login` answers when a second factor is needed (extensions.secondFactor = true). */
export class SecondFactorRequired extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', SECOND_FACTOR_NEEDED, undefined, { secondFactor: true });
  }
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
  password_changed_at: Date;
  totp_enabled: boolean;
  /** every stored setting (business and security), as `settings.key → value` */
  settings: Record<string, unknown> | null;
}

const ACTOR_COLUMNS = `
  u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, un.kind AS unit_kind,
  un.district, u.must_change_password, u.password_changed_at, u.totp_secret IS NOT NULL AS totp_enabled,
  CASE WHEN un.kind = 'COMPANY' THEN un.id END AS company_id,
  (SELECT jsonb_object_agg(key, value) FROM settings) AS settings`;
const ACTOR_SQL = `SELECT ${ACTOR_COLUMNS} FROM users u JOIN units un ON un.id = u.unit_id`;

function toActor(r: ActorRow): Actor {
  const policy = securityPolicy(r.settings ?? {});
  const passwordExpired = r.password_changed_at.getTime() < Date.now() - policy.passwordMaxAgeDays * 86_400_000;
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
    mustChangePassword: r.must_change_password || passwordExpired,
    passwordExpired,
    passwordExpiresAt: new Date(r.password_changed_at.getTime() + policy.passwordMaxAgeDays * 86_400_000),
    totpEnabled: r.totp_enabled,
    mustEnrolTotp: policy.totpRequired(r.role) && !r.totp_enabled,
  };
}

/** An account's row as a login, or a secret asked for again in a session, reads it under its lock. */
export interface LoginUser {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  /** When the password was last set (text, compared as read): a login binds its session to it. */
  password_changed_at: string | null;
  active: boolean;
  locked: boolean;
  totp_secret: string | null;
  totp_last_step: string | null;
}

/**
 * A secret asked for again inside a session (the current password, a code from the app): what it
 * guards, as the audit names it, and how it is checked (AuthService.withSecretChecked).
 */
export interface SessionSecretCheck<P> {
  /** The operation it guards, e.g. 修改密码. */
  operation: string;
  /** The secret, e.g. 当前密码. */
  secret: string;
  /** Under the account's row lock: what proves the value right (e.g. the code's time step), or null when it is wrong. */
  verify: (user: LoginUser) => Promise<P | null>;
  /** The answer to a wrong value that does not lock the account: the operation's own message and field. */
  wrong: () => DomainError;
}

/** The account's row, read and locked for one login or one secret check at a time. */
const LOCKED_ACCOUNT_SQL = `
  SELECT id, username, display_name, role, password_hash, password_changed_at::text, active,
         coalesce(locked_until > now(), false) AS locked, totp_secret, totp_last_step::text
    FROM users WHERE id = $1 FOR UPDATE`;

export interface LoginMeta {
  userAgent?: string;
  ip?: string;
  /** The request's device cookie (`deviceToken`), if it carried one. */
  deviceToken?: string;
}

export interface SessionInfo {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

/** The session behind a request: its actor, and what the web app needs for the idle warning. */
export interface ActiveSession {
  actor: Actor;
  sessionId: string;
  expiresAt: Date;
  /**
   * The stored settings as this request began, read in the session's statement: the request's reads
   * take them from here (SettingsService.all) instead of a statement of their own.
   */
  storedSettings: Record<string, unknown>;
}

export class AuthService {
  private decoyKey?: Promise<Buffer>;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly sessionHours: number,
    readonly sessionIdleMinutes: number,
    private readonly notifications?: NotificationsService,
  ) {}

  /** The security policy; outside a transaction (no `manager`), as the request's session read it. */
  async policy(manager?: EntityManager): Promise<SecurityPolicy> {
    const read = manager ? undefined : currentRequest().storedSettings;
    if (read) return securityPolicy(read);
    const rows: { key: string; value: unknown }[] = await (manager ?? this.ds.manager).query(
      `SELECT key, value FROM settings WHERE key LIKE 'security.%'`,
    );
    return securityPolicy(Object.fromEntries(rows.map((r) => [r.key, r.value])));
  }

  /**
   * The session behind a cookie, or null when it is unknown, expired or idle for too long (then it is
   * ended and the end audited). A request marked as background (polling) does not count as activity.
   */
  async sessionForToken(token: string, options: { background?: boolean } = {}): Promise<ActiveSession | null> {
    const tokenHash = hashToken(token);
    const rows: (ActorRow & { session_id: string; expires_at: Date; last_seen_at: Date; alive: boolean; idle: boolean })[] =
      await preparedRows(
        this.ds,
        `SELECT ${ACTOR_COLUMNS}, s.id AS session_id, s.expires_at, s.last_seen_at,
                s.expires_at > now() AS alive, s.last_seen_at <= now() - make_interval(mins => $2) AS idle
           FROM sessions s JOIN users u ON u.id = s.user_id JOIN units un ON un.id = u.unit_id
          WHERE s.token_hash = $1 AND u.active AND un.active`,
        [tokenHash, this.sessionIdleMinutes],
      );
    const row = rows[0];
    if (!row) return null;
    const actor = toActor(row);
    if (!row.alive || row.idle) {
      await this.ds.transaction(async (m) => {
        const [, ended] = await m.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
        if (!ended) return;
        await this.audit.record(m, actor, {
          action: AuditAction.LOGOUT,
          entityType: 'User',
          entityId: actor.id,
          summary: row.alive
            ? `${actor.displayName} 的会话空闲超过${this.sessionIdleMinutes}分钟，已自动结束`
            : `${actor.displayName} 的会话到期（${this.sessionHours}小时），已自动结束`,
        });
      });
      return null;
    }
    if (!options.background && Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.ds.query(`UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1`, [tokenHash]);
    }
    return { actor, sessionId: row.session_id, expiresAt: row.expires_at, storedSettings: row.settings ?? {} };
  }

  /** Inside a transaction pass its manager: a second pooled connection there can starve the pool. */
  async actorById(userId: string, m: EntityManager = this.ds.manager): Promise<Actor> {
    const rows: ActorRow[] = await m.query(`${ACTOR_SQL} WHERE u.id = $1`, [userId]);
    return toActor(rows[0]);
  }

  /**
   * Whether an unknown username answers like an account with two-factor login: a fixed, keyed
   * choice per name, so the first step does not tell which names exist or have a second factor.
   */
  private async decoyNeedsCode(username: string): Promise<boolean> {
    this.decoyKey ??= this.ds
      .query(`SELECT value FROM server_secrets WHERE name = 'login.decoy'`)
      .then((rows: { value: string }[]) => Buffer.from(rows[0].value, 'hex'));
    // Keyed on the name exactly as looked up (case-sensitive, as the account lookup is): keyed on its lower case,
    // "BAOAN" (no account) answered as "baoan" would if it had none, and a difference told that it has (review 7-A F4).
    const mac = crypto.createHmac('sha256', await this.decoyKey).update(username).digest();
    return mac[0] < 128;
  }

  /**
   * Logs in with the password and, for an account with two-factor login, a TOTP code or a recovery
   * code. Without a code such an account answers SecondFactorRequired whatever the password: the
   * password is checked only together with the code, and a failure of either moves the lockout
   * counter and answers the same text, so neither step tells whether the password was right.
   * Unknown users answer like accounts (some of them asking for a code, see decoyNeedsCode); a locked
   * account answers like a wrong password. 5 failures in a row lock the account for 15 minutes; the
   * count is kept in PostgreSQL so every API node sees the same lock.
   */
  async login(
    username: string,
    password: string,
    code: string | undefined,
    meta: LoginMeta,
  ): Promise<{ token: string; actor: Actor; expiresAt: Date; deviceToken: string }> {
    const name = username.trim();
    if (!name || !password) {
      throw badInput('请输入用户名和密码', [
        ...(!name ? [{ field: 'username', message: '请输入用户名' }] : []),
        ...(!password ? [{ field: 'password', message: '请输入密码' }] : []),
      ]);
    }
    const secondStep = !!code?.trim();
    const wrong = () => unauthenticated(secondStep ? WRONG_SECOND_STEP : WRONG_CREDENTIALS);
    const [user]: LoginUser[] = await this.ds.query(
      // A deactivated unit's accounts answer like inactive (and unknown) ones.
      `SELECT u.id, u.username, u.display_name, u.role, u.password_hash, u.password_changed_at::text, u.active AND un.active AS active,
              u.locked_until > now() AS locked, u.totp_secret, u.totp_last_step::text
         FROM users u JOIN units un ON un.id = u.unit_id WHERE u.username = $1`,
      [name],
    );

    if (!user || !user.active) {
      if (!secondStep && (await this.decoyNeedsCode(name))) throw new SecondFactorRequired();
      // One attempt at a time per name, as an account's attempts are (under its row lock, below): a burst of
      // guesses must not answer faster for a name that is no account (review: serialised only for real ones,
      // the time of three guesses at once told which names exist).
      await this.ds.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`login:${name}`]);
        await spendVerifyTime(password);
      });
      await this.audit.recordAlone(null, {
        action: AuditAction.LOGIN_FAILED,
        entityType: 'User',
        entityId: user?.id ?? null,
        summary: `用户名“${name.slice(0, 64)}”登录失败（${user ? '账号已停用' : '用户不存在'}）`,
        result: AuditResult.FAILURE,
      });
      throw wrong();
    }
    if (user.totp_secret && !secondStep) throw new SecondFactorRequired();

    // One attempt at a time per account, from the lock check to the outcome: the user's row is locked first and
    // held while the (slow) password is verified, so of a burst of guesses sent at once the sixth finds the account
    // locked and is not verified (review 7-A F1: each request read "not locked" before the hash, 99 were verified
    // and a right one among them logged in; a failure in flight also lifted the lock). Everything runs on the
    // transaction's one connection: asking the pool for a second while holding the lock could freeze the node.
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.sessionHours * 3600_000);
    // A new device token at every successful login, never the one the browser brought (red team 8, M2: a value
    // planted in or copied from the owner's browser let a stranger lock that browser from anywhere).
    const device = crypto.randomBytes(32).toString('base64url');
    const outcome = await this.ds.transaction(async (m): Promise<{ kind: 'locked' | 'failed'; scope: LockScope } | { kind: 'ok'; actor: Actor }> => {
      const [state]: { locked: boolean }[] = await m.query(`SELECT locked_until > now() AS locked FROM users WHERE id = $1 FOR UPDATE`, [user.id]);
      const known = meta.deviceToken ? await this.knownDevice(m, user.id, meta.deviceToken) : null;
      const scope: LockScope = known ? { device: hashToken(meta.deviceToken!) } : null;
      if (known ? known.locked : state?.locked) {
        // As long as a verification, and one at a time like them, so time tells a locked account from neither a wrong password nor an unknown name.
        await spendVerifyTime(password);
        return { kind: 'locked', scope };
      }
      // Both factors are always checked (no early exit), so time does not tell which one failed.
      const passwordOk = await verifyPassword(user.password_hash, password);
      const factor = user.totp_secret ? await this.checkSecondFactor(user, code!.trim(), m) : { ok: true as const };
      if (!passwordOk || !factor.ok) {
        await this.recordFailure(m, user, scope);
        return { kind: 'failed', scope };
      }
      if ('step' in factor) {
        // A code counts once: a login with the same code before this one took the step already.
        const [, taken] = await m.query(
          `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
          [user.id, factor.step],
        );
        if (!taken) {
          await this.recordFailure(m, user, scope);
          return { kind: 'failed', scope };
        }
      }
      if ('recoveryCodeHash' in factor) {
        const [, used] = await m.query(
          `UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
          [user.id, factor.recoveryCodeHash],
        );
        if (!used) {
          await this.recordFailure(m, user, scope);
          return { kind: 'failed', scope };
        }
      }
      const rehash = needsRehash(user.password_hash) ? await hashPassword(password) : null;
      await m.insert(SessionEntity, {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ip: meta.ip ?? null,
      });
      const loggedIn = await this.actorById(user.id, m);
      let how = user.totp_secret ? '（密码 + 动态验证码）' : '';
      if ('recoveryCodeHash' in factor) {
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
        how = `（密码 + 恢复码，剩余${n}个恢复码）`;
      }
      // Only with the password that was checked: a reset or change committed while the (slow) hash was verified
      // ended the account's sessions, and this one must not outlive it (review 5 B-F9). (By when it was set, not
      // by its hash: a login before this one may have re-hashed the same password.) A known device's login clears
      // its own count only: the account's count and lock stay for the other clients (whoever is guessing keeps
      // no fresh five guesses each time the owner logs in).
      const [, current] = await m.query(
        `UPDATE users SET failed_login_count = CASE WHEN $4 THEN failed_login_count ELSE 0 END,
                locked_until = CASE WHEN $4 THEN locked_until END, last_login_at = now(),
                password_hash = coalesce($2, password_hash)
          WHERE id = $1 AND password_changed_at::text IS NOT DISTINCT FROM $3`,
        [user.id, rehash, user.password_changed_at, !!scope],
      );
      if (!current) throw wrong();
      // This browser is (still) a known device of the account, under its new token, its count cleared; the other
      // accounts it is a known device of follow it to the new token (one cookie per browser).
      if (meta.deviceToken) {
        const old = hashToken(meta.deviceToken);
        await m.query(`DELETE FROM login_devices WHERE user_id = $1 AND token_hash = $2`, [user.id, old]);
        await m.query(`UPDATE login_devices SET token_hash = $2 WHERE token_hash = $1`, [old, hashToken(device)]);
      }
      await m.query(`INSERT INTO login_devices (user_id, token_hash) VALUES ($1, $2)`, [user.id, hashToken(device)]);
      await this.audit.record(m, loggedIn, {
        action: AuditAction.LOGIN,
        entityType: 'User',
        entityId: user.id,
        summary: `${user.display_name} 登录${how}`,
      });
      return { kind: 'ok', actor: loggedIn };
    });
    if (outcome.kind !== 'ok') {
      if (outcome.kind === 'failed') throw wrong();
      await this.audit.recordAlone(null, {
        action: AuditAction.LOGIN_FAILED,
        entityType: 'User',
        entityId: user.id,
        summary: outcome.scope
          ? `账号 ${user.username} 在此前登录过的一台设备上锁定期间尝试登录，已拒绝`
          : `账号 ${user.username} 锁定期间尝试登录，已拒绝`,
        result: AuditResult.FAILURE,
      });
      throw wrong();
    }
    const actor = outcome.actor;
    // Housekeeping outside the login transaction (no locks held while it runs).
    await this.ds.query(`DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()`, [user.id]);
    await this.ds.query(
      `DELETE FROM login_devices WHERE user_id = $1 AND token_hash NOT IN
         (SELECT token_hash FROM login_devices WHERE user_id = $1 ORDER BY last_login_at DESC LIMIT $2)`,
      [user.id, DEVICES_PER_ACCOUNT],
    );
    return { token, actor, expiresAt, deviceToken: device };
  }

  /**
   * The notice of an account locked by wrong passwords from browsers that never logged in to it: to its unit (the
   * holder may not know; nothing of the attempts' origin is in it, the audit log has that).
   */
  private async tellLocked(m: EntityManager, user: LoginUser): Promise<void> {
    if (!this.notifications) return;
    const [{ unit_id: unitId }]: { unit_id: string }[] = await m.query(`SELECT unit_id FROM users WHERE id = $1`, [user.id]);
    const body =
      `账号 ${user.username}（${user.display_name}）在未登录过的设备上连续${MAX_FAILED_LOGINS}次输错密码，已对这些设备锁定${LOCK_MINUTES}分钟；` +
      `本人此前登录过的手机、电脑仍可正常登录。如非本人所为，可能有人在猜测该账号的密码，请告知系统管理员并修改密码。`;
    await this.notifications.notify(m, [unitId], {
      title: '账号锁定提醒',
      body,
      mergedBody: `${body}（此后又发生过，已合并于此）`,
      link: '/account',
      mergeKey: `account-locked:${user.id}`,
    });
  }

  /**
   * Whether the browser of `token` is a known device of the account `username` in good standing: not locked and
   * no failure since its last login. Only such a browser passes an address whose minute of attempts is full
   * (login-gate.ts): a wrong password there ends the pass (red team 8, M1: a known device, the attacker's own
   * account's, sent unlimited wrong logins past the limit, each a password hash).
   */
  async isTrustedDevice(username: string, token: string): Promise<boolean> {
    const rows = await this.ds.query(
      `SELECT 1 FROM login_devices d JOIN users u ON u.id = d.user_id
        WHERE u.username = $1 AND d.token_hash = $2 AND d.failed_count = 0 AND (d.locked_until IS NULL OR d.locked_until <= now())`,
      [username.trim(), hashToken(token)],
    );
    return rows.length > 0;
  }

  /** The device's own lock state when the browser has logged in to this account before (read under its row lock), else null. */
  private async knownDevice(m: EntityManager, userId: string, token: string): Promise<{ locked: boolean } | null> {
    const [row]: { locked: boolean }[] = await m.query(
      `SELECT coalesce(locked_until > now(), false) AS locked FROM login_devices WHERE user_id = $1 AND token_hash = $2 FOR UPDATE`,
      [userId, hashToken(token)],
    );
    return row ?? null;
  }

  private async checkSecondFactor(
    user: LoginUser,
    code: string,
    m: EntityManager,
  ): Promise<{ ok: false } | { ok: true; step: number } | { ok: true; recoveryCodeHash: string }> {
    const step = await totpStep(decryptPii(user.totp_secret!), code, user.totp_last_step === null ? null : Number(user.totp_last_step));
    if (step !== null) return { ok: true, step };
    const normalized = normalizeRecoveryCode(code);
    if (!normalized) return { ok: false };
    const codeHash = hashRecoveryCode(normalized);
    // Only looked at here; it is used up in the login transaction, after the password proved right.
    const [row] = await m.query(
      `SELECT 1 FROM recovery_codes WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [user.id, codeHash],
    );
    return row ? { ok: true, recoveryCodeHash: codeHash } : { ok: false };
  }

  /**
   * One more failure in a row, under the user's row lock: of a login, or (`inSession`) of a secret asked for again in a
   * session, which counts the same. Counted on the known device's own row when the browser is one (`scope`), else on
   * the account's. The fifth locks (audited as a lockout): the device for this account, or the account for every client
   * but its known devices; a lock by a session's check also ends the account's sessions. Answers whether it locked.
   */
  private async recordFailure(m: EntityManager, user: LoginUser, scope: LockScope, inSession?: { actor: Actor; what: string }): Promise<boolean> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount]. A failure never lifts a lock (ELSE locked_until);
    // `locked` is this lock, not one that expired before (its time stays in the row until a success clears it).
    const [[row]]: [{ failed_login_count: number; locked: boolean }[], number] = scope
      ? await m.query(
          `UPDATE login_devices SET failed_count = CASE WHEN failed_count + 1 >= $3 THEN 0 ELSE failed_count + 1 END,
                  locked_until = CASE WHEN failed_count + 1 >= $3 THEN now() + make_interval(mins => $4) ELSE locked_until END
            WHERE user_id = $1 AND token_hash = $2
           RETURNING failed_count AS failed_login_count, coalesce(locked_until > now(), false) AS locked`,
          [user.id, scope.device, MAX_FAILED_LOGINS, LOCK_MINUTES],
        )
      : await m.query(
          `UPDATE users SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
                  locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
            WHERE id = $1 RETURNING failed_login_count, coalesce(locked_until > now(), false) AS locked`,
          [user.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
        );
    const { locked } = row;
    if (locked && inSession) await m.query(`DELETE FROM sessions WHERE user_id = $1`, [user.id]);
    // Someone else guessing (the account's own count, not one of its browsers): its unit is told, in one unread
    // notice per account however often it recurs (a stranger cannot flood the inbox with it).
    if (locked && !scope && !inSession) await this.tellLocked(m, user);
    // The account's lock holds for every client but its known devices; a known device's lock for that device only.
    const where = scope ? '在此前登录过的一台设备上' : '';
    const whatLocks = scope ? `该设备对此账号锁定${LOCK_MINUTES}分钟（其他设备不受影响）` : `锁定${LOCK_MINUTES}分钟（此前登录过的设备不受影响）`;
    let summary: string;
    if (inSession) {
      summary = locked
        ? `账号 ${user.username} ${where}${inSession.what}，连续${MAX_FAILED_LOGINS}次验证失败，${whatLocks}，其会话全部结束`
        : `账号 ${user.username} ${where}${inSession.what}（连续第${row.failed_login_count}次失败，已登录的会话中）`;
    } else {
      summary = locked
        ? `账号 ${user.username} ${where}连续${MAX_FAILED_LOGINS}次登录失败，${whatLocks}`
        : `账号 ${user.username} ${where}登录失败（第${row.failed_login_count}次，${user.totp_secret ? '密码或动态验证码错误' : '密码错误'}）`;
    }
    await this.audit.record(m, inSession?.actor ?? null, {
      action: locked ? AuditAction.LOCKOUT : AuditAction.LOGIN_FAILED,
      entityType: 'User',
      entityId: user.id,
      summary,
      result: AuditResult.FAILURE,
    });
    return locked;
  }

  /**
   * Runs `then` once the caller has proved a secret again inside a session (the current password, a code from the
   * app), checked as a login checks its own (review 8-B F8: these were unthrottled and unaudited; 400 wrong codes ran at
   * 30 a second). One transaction under the account's row lock, so a burst of guesses is taken one at a time:
   * - a wrong value counts toward the login's lockout and is audited, and both are committed although the operation
   *   is refused (the outcome is returned from the transaction, as login does, and thrown after it);
   * - the failure that reaches the limit locks the account as a login's does and ends its sessions: whoever holds
   *   one must log in again, with every factor;
   * - a locked account's secrets are not checked: the attempt is audited, its sessions end;
   * - a right value resets the count as a login does where it is all a login asks for (an account without a second
   *   factor). Otherwise it does not: a password known would reset the count for guesses at the code, and a code
   *   known the count for guesses at the password.
   * `then` continues the same transaction and writes its audit entry last.
   */
  async withSecretChecked<P, T>(
    actor: Actor,
    check: SessionSecretCheck<P>,
    then: (m: EntityManager, user: LoginUser, proof: P) => Promise<T>,
  ): Promise<T> {
    const outcome = await this.ds.transaction(async (m): Promise<{ kind: 'wrong' | 'locked' } | { kind: 'ok'; value: T }> => {
      const [user]: LoginUser[] = await m.query(LOCKED_ACCOUNT_SQL, [actor.id]);
      // Counted against this browser's own lock when it is a known device of the account (a session's browser
      // usually is): a lock others caused by guessing at the login does not end its owner's session here.
      const token = currentRequest().deviceToken;
      const known = token ? await this.knownDevice(m, user.id, token) : null;
      const scope: LockScope = known ? { device: hashToken(token!) } : null;
      if (known ? known.locked : user.locked) {
        await m.query(`DELETE FROM sessions WHERE user_id = $1`, [user.id]);
        await this.audit.record(m, actor, {
          action: AuditAction.LOGIN_FAILED,
          entityType: 'User',
          entityId: user.id,
          summary: `账号 ${user.username} 锁定期间${check.operation}（须验证${check.secret}），已拒绝，其会话全部结束`,
          result: AuditResult.FAILURE,
        });
        return { kind: 'locked' };
      }
      const proof = await check.verify(user);
      if (proof === null) {
        const locked = await this.recordFailure(m, user, scope, { actor, what: `${check.operation}时${check.secret}错误` });
        return { kind: locked ? 'locked' : 'wrong' };
      }
      if (!user.totp_secret) {
        await (scope
          ? m.query(`UPDATE login_devices SET failed_count = 0 WHERE user_id = $1 AND token_hash = $2`, [user.id, scope.device])
          : m.query(`UPDATE users SET failed_login_count = 0 WHERE id = $1`, [user.id]));
      }
      return { kind: 'ok', value: await then(m, user, proof) };
    });
    if (outcome.kind === 'ok') return outcome.value;
    throw outcome.kind === 'wrong' ? check.wrong() : unauthenticated(LOCKED_IN_SESSION);
  }

  async logout(actor: Actor, token: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.delete(SessionEntity, { tokenHash: hashToken(token) });
      await this.audit.record(m, actor, {
        action: AuditAction.LOGOUT,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 退出登录`,
      });
    });
  }

  /** The user's own sessions, newest activity first. */
  async sessions(actor: Actor, currentToken: string): Promise<SessionInfo[]> {
    const rows: (SessionInfo & { token_hash: string })[] = await this.ds.query(
      `SELECT id, token_hash, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt",
              user_agent AS "userAgent", ip
         FROM sessions
        WHERE user_id = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
        ORDER BY last_seen_at DESC`,
      [actor.id, this.sessionIdleMinutes],
    );
    const current = hashToken(currentToken);
    return rows.map(({ token_hash, ...s }) => ({ ...s, current: token_hash === current }));
  }

  /** Ends one of the user's own sessions (another user's session id is NOT_FOUND). */
  async endSession(actor: Actor, sessionId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw notFound('会话');
    await this.ds.transaction(async (m) => {
      const [rows] = await m.query(
        `DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING ip, user_agent`,
        [sessionId, actor.id],
      );
      if (!rows.length) throw notFound('会话');
      await this.audit.record(m, actor, {
        action: AuditAction.LOGOUT,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 结束了自己的一个会话（${rows[0].ip ?? '未知地址'}）`,
      });
    });
  }

  /**
   * The current password is checked as a login checks it (withSecretChecked: counted, audited, locking); the rules
   * first, as they need no secret and a weak new password should cost no attempt.
   */
  async changePassword(actor: Actor, current: string, next: string, keepToken: string) {
    assertPasswordRules(next, actor.username, 'newPassword');
    const check: SessionSecretCheck<true> = {
      operation: '修改密码',
      secret: '当前密码',
      verify: async (user) => ((await verifyPassword(user.password_hash, current)) ? true : null),
      wrong: () => badInput('当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]),
    };
    await this.withSecretChecked(actor, check, async (m, user) => {
      if (await this.usedRecently(m, actor.id, user.password_hash, next)) {
        const message = `新密码不能与最近${PASSWORD_HISTORY_SIZE}次使用过的密码相同`;
        throw badInput(message, [{ field: 'newPassword', message }]);
      }
      await setPassword(m, actor.id, await hashPassword(next), { mustChange: false });
      // Other sessions of this user end: a changed password must lock out whoever had the old one.
      await m.query(`DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, [actor.id, hashToken(keepToken)]);
      await this.audit.record(m, actor, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: actor.id,
        summary: `${actor.displayName} 修改密码${actor.passwordExpired ? '（原密码已到期）' : ''}`,
      });
    });
    return this.actorById(actor.id);
  }

  /** Whether `password` is the current one or one of the last ones (PASSWORD_HISTORY_SIZE in all). */
  private async usedRecently(m: EntityManager, userId: string, currentHash: string, password: string): Promise<boolean> {
    const rows: { password_hash: string }[] = await m.query(
      `SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2`,
      [userId, PASSWORD_HISTORY_SIZE],
    );
    const hashes = [...new Set([currentHash, ...rows.map((r) => r.password_hash)])].slice(0, PASSWORD_HISTORY_SIZE);
    const matches = await Promise.all(hashes.map((h) => verifyPassword(h, password)));
    return matches.some(Boolean);
  }
}

/**
 * Sets an account's password inside the caller's transaction: the hash, when it was set, and the
 * history (only the newest PASSWORD_HISTORY_SIZE are kept).
 */
export async function setPassword(m: EntityManager, userId: string, passwordHash: string, options: { mustChange: boolean }): Promise<void> {
  await m.query(
    `UPDATE users SET password_hash = $2, password_changed_at = now(), must_change_password = $3 WHERE id = $1`,
    [userId, passwordHash, options.mustChange],
  );
  await m.query(`INSERT INTO password_history (user_id, password_hash) VALUES ($1, $2)`, [userId, passwordHash]);
  await m.query(
    `DELETE FROM password_history WHERE user_id = $1
        AND id NOT IN (SELECT id FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2)`,
    [userId, PASSWORD_HISTORY_SIZE],
  );
}
