import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import type { Viewer } from './request-context';
import type { RequestTransaction } from './request-transaction';

/** A session found for a request's token: who is acting, and whether its last-seen time is due. */
export type ResolvedSession = { viewer: Viewer; touch: boolean };

/**
 * What the request context needs of sessions. The sessions module provides it, so that common
 * code opens a request without depending on a feature module.
 */
export abstract class SessionResolver {
  /** The session token the request carries, or null. */
  abstract tokenOf(req: Request): string | null;

  /**
   * Opens the request's transaction with the token's session, in the same round trip, and sets
   * the identity of a session that is neither revoked nor of a disabled user. Null when the
   * session is unknown, ended or its user disabled: the caller then ends this transaction at once,
   * running nothing in it.
   */
  abstract resume(transaction: RequestTransaction, token: string): Promise<ResolvedSession | null>;

  /** Runs under the viewer's identity: row-level security applies. */
  abstract touch(db: EntityManager, sessionId: string): Promise<void>;
}
