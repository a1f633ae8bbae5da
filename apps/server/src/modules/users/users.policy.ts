import { Role } from '@evs/schema';
import { Actor } from '../../common/context';
import { forbidden } from '../../common/errors';

/**
 * 三员分立 (separation of duties): the system administrator manages every account except the
 * security auditors'; a security auditor manages auditors' accounts only. So ADMIN can never create,
 * reset or take over an account that reads the audit log, nor give anyone (itself included) that
 * duty; roles never change (the database refuses any role change into or out of ADMIN and AUDITOR).
 */
export function assertMayManage(actor: Actor, targetRole: Role): void {
  if (actor.role === Role.ADMIN && targetRole !== Role.AUDITOR) return;
  if (actor.role === Role.AUDITOR && targetRole === Role.AUDITOR) return;
  throw forbidden(
    targetRole === Role.AUDITOR
      ? '三员分立：安全审计员账号只能由安全审计员管理'
      : '三员分立：安全审计员只能管理安全审计员账号',
  );
}
