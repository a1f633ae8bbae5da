import { Role, roleLabels } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { NotificationsService } from '../notifications/notifications.service';
import { AUDITOR_ROLE, AUDITOR_UNIT_KIND, isAdministratorsGrant, readsVettingDetail } from './users.policy';

/**
 * Who is told when someone gets a way into an account (opened, password or second factor reset):
 *
 * - **by the administrator**, who sees no vetting detail and must not read the audit trail (SPEC §1):
 *   the security auditor always (三员分立: the auditor watches the administrator), and the accounts of the
 *   same role in the holder's unit (`audienceRole`: an account of another role the administrator opened
 *   there can neither read nor clear it; review 8-B F3). There is one 保安管理支队 and one 警务督察部门,
 *   and the latter cannot be deactivated (reviews 6 A-F1, 8-B F1): the warning cannot be diverted.
 * - **by the police** adding an account to an organizer or a company that already has one: that unit, whose
 *   accounts act in its name (review 8-B F4: a police-made account could choose the company for the
 *   organizer, unknown to it).
 *
 * Besides the audit trail. Whoever did not ask for it stops the account and reports it.
 */
export async function watchAccountGrant(
  m: EntityManager,
  notifications: NotificationsService | undefined,
  actor: Actor,
  target: { id?: string; username: string; displayName?: string; role: Role; unitId: string },
  what: string,
): Promise<void> {
  if (!notifications) return;
  if (isAdministratorsGrant(actor)) {
    const reads = readsVettingDetail(target.role) ? '该账号可查阅审核详情' : `该账号可以本单位名义查阅和办理${roleLabels[target.role]}的业务`;
    const message = {
      title: `系统管理员${what}：${target.username}`,
      body: `系统管理员（${actor.displayName}）${what}：${roleLabels[target.role]}账号 ${target.username}。${reads}；如非本单位申请，请立即停用该账号并报告安全审计员。`,
      link: '/account',
    };
    const auditors: { id: string }[] = await m.query(`SELECT id FROM units WHERE kind = $1`, [AUDITOR_UNIT_KIND]);
    await notifications.notify(m, [target.unitId], { ...message, audienceRole: target.role });
    if (target.role !== AUDITOR_ROLE) await notifications.notify(m, auditors.map((u) => u.id), { ...message, audienceRole: AUDITOR_ROLE });
    return;
  }
  if (actor.unitId === target.unitId) return;
  const [{ others }]: { others: number }[] = await m.query(
    `SELECT count(*)::int AS others FROM users WHERE unit_id = $1 AND active AND id IS DISTINCT FROM $2`,
    [target.unitId, target.id ?? null],
  );
  if (others === 0) return; // the unit's first account: onboarding itself
  await notifications.notify(m, [target.unitId], {
    title: `${actor.unitName}为本单位${what}：${target.username}`,
    body: `${actor.unitName}（${actor.displayName}）为本单位${what}：${roleLabels[target.role]}账号 ${target.username}${target.displayName ? `（使用人 ${target.displayName}）` : ''}，可以本单位名义办理业务。如非本单位申请，请立即与${actor.unitName}联系停用该账号。`,
    link: '/account',
  });
}
