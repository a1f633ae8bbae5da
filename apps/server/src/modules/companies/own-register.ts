import { UnitKind } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { badInput } from '../../common/errors';

/**
 * A `companies` row is either a 保安服务公司 (its unit's kind is COMPANY) or a self-recruiting
 * organizer's own guard register (自招保安单位的自招名册, SPEC §2: a row with the organizer unit's id,
 * `ensureOwnRegister`). The unit's kind is what tells them apart, everywhere: the `companies` list,
 * `company(id)` (`canViewCompany`), the mutations of 保安管理支队 and the figures of `Company`.
 */
export const isSecurityCompanyUnit = (kind: UnitKind | string | null | undefined): boolean => kind === UnitKind.COMPANY;

/** Why 保安管理支队 may not `what` on an organizer's register. */
export const ownRegisterRefusal = (name: string, what: string) =>
  `“${name}”为自招保安单位的自招名册，不是保安服务公司，不能${what}`;

/**
 * Refuses (BAD_USER_INPUT on `field`, nothing stored: the caller's transaction rolls back) an action of
 * the company register on a row that is no 保安服务公司. An organizer's register carries no licence,
 * capital or credit code of its own (`ensureOwnRegister` fills placeholders), it is kept by the
 * organizer as its own staff, and only the organizer registers people there (`assertSelfRecruiting`):
 * editing it as a company, suspending it, or moving a person into it would make it one.
 */
export async function assertSecurityCompany(
  m: EntityManager,
  company: { id: string; name: string },
  what: string,
  field: string,
): Promise<void> {
  const [unit]: { kind: string }[] = await m.query(`SELECT kind FROM units WHERE id = $1`, [company.id]);
  if (isSecurityCompanyUnit(unit?.kind)) return;
  const message = ownRegisterRefusal(company.name, what);
  throw badInput(message, [{ field, message }]);
}
