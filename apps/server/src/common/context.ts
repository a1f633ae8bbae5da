import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Actor } from './actor';
import type { Loaders } from './loaders';
import type { IdNumberReads } from '../modules/audit/id-number-reads';
import type { Services } from '../services';

// Kept for callers that import the actor beside the context (its home is ./actor).
export type { Actor } from './actor';

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
  /** Unmasked ID numbers this request returned: one READ_DETAIL entry when the answer is sent. */
  idNumberReads: IdNumberReads;
}

/** The actor of a context that the session guard has already checked. */
export function actorOf(ctx: AppContext): Actor {
  if (!ctx.actor) throw new Error('session guard did not run');
  return ctx.actor;
}
