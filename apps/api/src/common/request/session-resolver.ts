import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import type { Viewer } from './request-context';

/** A session found for a request's token: who is acting, and whether its last-seen time is due. */
export type ResolvedSession = { viewer: Viewer; touch: boolean };

/**
 * What the request context needs of sessions. The sessions module provides it, so that common
 * code opens a request without depending on a feature module.
 */
export abstract class SessionResolver {
  /** The session token the request carries, or null. */
  abstract tokenOf(req: Request): string | null;

  /** The viewer behind a token, or null when the session is unknown, ended or its user disabled. */
  abstract resolve(db: EntityManager, token: string): Promise<ResolvedSession | null>;

  /** Runs under the viewer's identity: row-level security applies. */
  abstract touch(db: EntityManager, sessionId: string): Promise<void>;
}
