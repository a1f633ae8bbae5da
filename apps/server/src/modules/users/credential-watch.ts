import { Role, roleLabels } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { NotificationsService } from '../notifications/notifications.service';
import { AUDITOR_UNIT_KIND, handsDetailToAdmin } from './users.policy';

/**
 * The administrator manages accounts but sees no vetting detail (SPEC §1). Opening an account of a
 * role that reads it, or resetting its password or second factor, hands the administrator a way in:
 * whenever the administrator does so, the unit that holds the role and the security auditor are told at
 * once, in their own inboxes (which the administrator can neither read nor clear), besides the audit
 * trail. There is one 保安管理支队 (a unique index): the administrator cannot make a second one to
 * receive the warning itself (review 6 A-F1). A detachment officer who did not ask for it reports it.
 */
export async function watchCredentialsOfDetail(
  m: EntityManager,
  notifications: NotificationsService | undefined,
  actor: Actor,
  target: { username: string; role: Role; unitId: string },
  what: string,
): Promise<void> {
  if (!notifications || !handsDetailToAdmin(actor, target.role)) return;
  // The holder's unit and the security auditor's (三员分立: the auditor watches the administrator).
  const auditors: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1 AND active`, [AUDITOR_UNIT_KIND]);
  await notifications.notify(m, [target.unitId, ...auditors.map((u) => u.id)], {
    title: `系统管理员${what}：${target.username}`,
    body: `系统管理员（${actor.displayName}）${what}：${roleLabels[target.role]}账号 ${target.username}。该账号可查阅审核详情；如非本单位申请，请立即停用该账号并报告安全审计员。`,
    link: '/account',
  });
}
