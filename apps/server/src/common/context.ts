import { District, Role, UnitKind } from '@evs/schema';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Loaders } from './loaders';
import type { Services } from '../services';

/** The logged-in user as every service sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  district: District | null;
  /** The company this user works for (role COMPANY only). */
  companyId: string | null;
  /** Set by an administrator (first login, reset) or because the password expired. */
  mustChangePassword: boolean;
  // Facts of a logged-in account (absent on actors that scripts and seeds build for themselves).
  /** The password is older than the `security.passwordMaxAgeDays` setting. */
  passwordExpired?: boolean;
  passwordExpiresAt?: Date;
  totpEnabled?: boolean;
  /** The role requires two-factor login and the account has not enrolled yet. */
  mustEnrolTotp?: boolean;
}

export interface AppContext {
  requestId: string;
  actor: Actor | null;
  sessionToken: string | null;
  /** The session's id and absolute end, for the session list and the idle warning. */
  session: { id: string; expiresAt: Date } | null;
  req: Request;
  res: Response;
  dataSource: DataSource;
  services: Services;
  loaders: Loaders;
}

/** The actor of a context that the session guard has already checked. */
export function actorOf(ctx: AppContext): Actor {
  if (!ctx.actor) throw new Error('session guard did not run');
  return ctx.actor;
}
