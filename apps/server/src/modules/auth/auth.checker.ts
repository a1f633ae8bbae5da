import { Role } from '@evs/schema';
import { defaultFieldResolver, GraphQLSchema } from 'graphql';
import { AuthChecker } from 'type-graphql';
import { hasRole } from '../../common/actor';
import { AppContext } from '../../common/context';
import { DomainError, forbidden, unauthenticated } from '../../common/errors';

/** Role check at the edge: `@Authorized(Role.X, …)` on each operation. */
export const authChecker: AuthChecker<AppContext, Role> = ({ context }, roles) => {
  if (!context.actor) throw unauthenticated();
  if (roles.length > 0 && !hasRole(context.actor, ...roles)) throw forbidden();
  return true;
};

const OPEN_FIELDS = new Set(['login']);
const WHILE_PASSWORD_MUST_CHANGE = new Set(['me', 'logout', 'changePassword', 'currentSession']);
/** An account whose role requires two-factor login can only enrol before anything else. */
const WHILE_TOTP_MUST_ENROL = new Set([...WHILE_PASSWORD_MUST_CHANGE, 'accountSecurity', 'beginTotpEnrolment', 'confirmTotpEnrolment']);

/**
 * Every root operation but `login` needs a session, whatever its decorators say; an account that
 * must change its password can do nothing else first. Wraps the resolvers of Query and Mutation
 * only: a type-graphql global middleware would run on every field of every object returned (a
 * ranked list of 300 companies has some 15,000), and cost more than the query itself.
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (OPEN_FIELDS.has(field.name)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: AppContext, info) => {
        if (!context.actor) throw unauthenticated();
        if (context.actor.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(field.name)) {
          throw new DomainError('FORBIDDEN', context.actor.passwordExpired ? '密码已到期，请先修改密码' : '首次登录请先修改密码');
        }
        if (context.actor.mustEnrolTotp && !WHILE_TOTP_MUST_ENROL.has(field.name)) {
          throw new DomainError('FORBIDDEN', '本角色须启用两步验证：请先绑定身份验证器');
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
