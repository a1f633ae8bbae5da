import { AuditAction, formulaLikeProblem, personNameProblem, Role, roleLabels, rolesOfUnitKind, singleLineProblem, unitKindLabels } from '@evs/schema';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { conflict, DomainError, FieldProblem } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { hashPassword, passwordProblem, setPassword } from '../auth/auth.service';
import { UserEntity } from '../auth/user.entity';
import { UnitEntity } from '../units/unit.entity';
import { generateInitialPassword } from './initial-password';
import { accountRole, assertMayIssueAccount } from './users.policy';

export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;
export const USERNAME_RULE = '用户名应为3–32位小写字母、数字或 _ . -';

export interface NewAccountValues {
  username: string;
  displayName: string;
  role?: Role | null;
}

/** An account just opened, with the one-time initial password that only this answer carries. */
export interface IssuedAccount {
  account: UserEntity;
  initialPassword: string;
}

/** The account of a unit's contact person, trimmed; the role defaults to the one the unit's kind allows. */
export function normaliseAccount(input: NewAccountValues): NewAccountValues {
  return { username: input.username.trim(), displayName: input.displayName.trim(), role: input.role ?? null };
}

/** Field problems of a new account of a unit of `kind` (prefix: where the account sits in the input). */
export function accountProblems(input: NewAccountValues, unit: Pick<UnitEntity, 'kind'>, prefix = 'account'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!USERNAME_PATTERN.test(input.username)) problems.push({ field: `${prefix}.username`, message: USERNAME_RULE });
  if (!input.displayName) problems.push({ field: `${prefix}.displayName`, message: '请填写账号使用人姓名' });
  else if (input.displayName.length > 40) problems.push({ field: `${prefix}.displayName`, message: '账号使用人姓名不能超过40字' });
  else {
    // The name is part of every audit entry's actor: a line break there forges a line (review 8-B F7).
    // A person's name, as the contact's (red team 6, L3: "··" and "=1+1" were stored as who an account is).
    const characters =
      singleLineProblem(input.displayName, '账号使用人姓名') ?? formulaLikeProblem(input.displayName, '账号使用人姓名') ?? personNameProblem(input.displayName, '账号使用人姓名');
    if (characters) problems.push({ field: `${prefix}.displayName`, message: characters });
  }
  const verdict = accountRole(unit.kind, input.role);
  if (verdict === 'NOT_ALLOWED') {
    problems.push({
      field: `${prefix}.role`,
      message: `${unitKindLabels[unit.kind]}的账号只能是${rolesOfUnitKind(unit.kind).map((r) => roleLabels[r]).join('或')}，不能是${roleLabels[input.role!]}`,
    });
  } else if (verdict === 'MISSING') {
    problems.push({ field: `${prefix}.role`, message: '请选择账号的角色' });
  }
  return problems;
}

/** What the audit log keeps of an account: never a password or its hash. */
export const accountAuditView = (u: UserEntity) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
});

/**
 * Opens an account in `unit` inside the caller's transaction, audited: a strong password generated
 * here, stored only as a hash, returned once; the holder must change it at first login. The input
 * must have passed `accountProblems`. A taken username is a CONFLICT (the unique constraint decides
 * a race; see withUniqueConflicts).
 */
export async function issueAccount(
  m: EntityManager,
  audit: AuditService,
  actor: Actor,
  unit: UnitEntity,
  input: NewAccountValues,
  options: { prefix?: string } = {},
): Promise<IssuedAccount> {
  if (!unit.active) throw conflict(`“${unit.name}”已停用，不能开设账号`);
  if (await m.existsBy(UserEntity, { username: input.username })) {
    const message = `用户名“${input.username}”已被使用，请换一个`;
    throw new DomainError('CONFLICT', message, [{ field: `${options.prefix ?? 'account'}.username`, message }]);
  }
  const role = input.role ?? rolesOfUnitKind(unit.kind)[0];
  // 三员分立: the administrator never opens a security auditor's account.
  assertMayIssueAccount(actor, role);
  // Passes every password rule, the one about the username included.
  let initialPassword = generateInitialPassword();
  while (passwordProblem(initialPassword, input.username)) initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const user = await m.save(
    UserEntity,
    m.create(UserEntity, {
      username: input.username,
      displayName: input.displayName,
      role,
      unitId: unit.id,
      passwordHash,
      mustChangePassword: true,
    }),
  );
  await setPassword(m, user.id, passwordHash, { mustChange: true });
  await audit.record(m, actor, {
    action: AuditAction.CREATE,
    entityType: 'User',
    entityId: user.id,
    summary: `为“${unit.name}”开设账号 ${user.username}（${roleLabels[role]}，初始密码须在首次登录时修改）`,
    after: accountAuditView(user),
  });
  user.unit = unit;
  return { account: user, initialPassword };
}
