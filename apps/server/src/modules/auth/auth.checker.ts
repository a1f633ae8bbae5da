import { Role } from '@evs/schema';
import { defaultFieldResolver, GraphQLSchema } from 'graphql';
import { AuthChecker } from 'type-graphql';
import { Actor, hasRole } from '../../common/actor';
import { AppContext } from '../../common/context';
import type { DownloadSession } from '../../common/download';
import { DomainError, forbidden, unauthenticated } from '../../common/errors';
import { AuthService, SESSION_COOKIE } from './auth.service';

/** Role check at the edge: `@Authorized(...LIST)` on each operation, the list named in the feature's policy (e.g. `VETTING_DECIDERS`). */
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
 * The gate every request passes once its session is read (GraphQL root fields and downloads alike):
 * a session, and an account that has changed its first or expired password and enrolled its second
 * factor where its role requires one. `operation` names a GraphQL root field allowed before that.
 */
export function assertSessionMayAct(actor: Actor | null, operation?: string): asserts actor is Actor {
  if (!actor) throw unauthenticated();
  if (actor.mustChangePassword && !(operation && WHILE_PASSWORD_MUST_CHANGE.has(operation))) {
    throw new DomainError('FORBIDDEN', actor.passwordExpired ? '密码已到期，请先修改密码' : '首次登录请先修改密码');
  }
  if (actor.mustEnrolTotp && !(operation && WHILE_TOTP_MUST_ENROL.has(operation))) {
    throw new DomainError('FORBIDDEN', '本角色须启用两步验证：请先绑定身份验证器');
  }
}

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
        assertSessionMayAct(context.actor, field.name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** Downloads read the session cookie as the GraphQL context does, and pass the same gate. */
export function downloadSession(auth: AuthService): DownloadSession {
  return {
    actorOf: async (req) => {
      const token: string | undefined = req.cookies?.[SESSION_COOKIE];
      return token ? ((await auth.sessionForToken(token))?.actor ?? null) : null;
    },
    assertMayAct: (actor) => assertSessionMayAct(actor),
  };
}
