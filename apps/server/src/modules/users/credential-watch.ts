import { Role, roleLabels } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { NotificationsService } from '../notifications/notifications.service';
import { handsDetailToAdmin } from './users.policy';

/**
 * The administrator manages accounts but sees no vetting detail (SPEC §1). Opening an account of a
 * role that reads it, or resetting its password or second factor, hands the administrator a way in:
 * whenever the administrator does so, the unit that holds the role is told at once, in its own inbox
 * (which the administrator can neither read nor clear), besides the audit trail the security auditor
 * reviews. A detachment officer who did not ask for it reports it.
 */
export async function watchCredentialsOfDetail(
  m: EntityManager,
  notifications: NotificationsService | undefined,
  actor: Actor,
  target: { username: string; role: Role; unitId: string },
  what: string,
): Promise<void> {
  if (!notifications || !handsDetailToAdmin(actor, target.role)) return;
  await notifications.notify(m, [target.unitId], {
    title: `系统管理员${what}：${target.username}`,
    body: `系统管理员（${actor.displayName}）${what}：${roleLabels[target.role]}账号 ${target.username}。该账号可查阅审核详情；如非本单位申请，请立即停用该账号并报告安全审计员。`,
    link: '/account',
  });
}
