import { Role } from '@evs/schema';
import { AuthChecker, MiddlewareFn } from 'type-graphql';
import { AppContext } from '../../common/context';
import { DomainError, forbidden, unauthenticated } from '../../common/errors';

/** Role check at the edge: `@Authorized(Role.X, …)` on each operation. */
export const authChecker: AuthChecker<AppContext, Role> = ({ context }, roles) => {
  if (!context.actor) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.actor.role)) throw forbidden();
  return true;
};

const OPEN_FIELDS = new Set(['login', '__schema', '__type', '__typename']);
const WHILE_PASSWORD_MUST_CHANGE = new Set(['me', 'logout', 'changePassword', '__typename']);

/**
 * Every root operation but `login` needs a session, whatever its decorators say; an account that
 * must change its password can do nothing else first.
 */
export const SessionGuard: MiddlewareFn<AppContext> = async ({ context, info }, next) => {
  const root = info.parentType.name;
  if ((root === 'Query' || root === 'Mutation') && !OPEN_FIELDS.has(info.fieldName)) {
    if (!context.actor) throw unauthenticated();
    if (context.actor.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(info.fieldName)) {
      throw new DomainError('FORBIDDEN', '首次登录请先修改密码');
    }
  }
  return next();
};
