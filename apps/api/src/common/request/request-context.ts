import type { Role, TenantLevel } from '@xiangmeng/domain';
import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';

/** Who is acting: the signed-in user, their home tenant and roles. */
export type Viewer = {
  userId: string;
  tenantId: string;
  tenantLevel: TenantLevel;
  roles: Role[];
  sessionId: string;
  /** The scheduler acting for the tenant's authority as a deadline passes: no person, no session. */
  system?: boolean;
};

/**
 * One GraphQL request: a single database transaction whose first statements set the tenant,
 * user and roles (transaction-locally), and the viewer they describe.
 */
export type RequestContext = {
  req: Request;
  res: Response;
  db: EntityManager;
  viewer: Viewer | null;
  /** Per-request batch loaders (one DataLoader of each kind per request). */
  loaders: Map<string, unknown>;
  /** Set by the first `login` of an operation; a second one is refused. */
  loginAttempted: boolean;
  finish(commit: boolean): Promise<void>;
  /** Work outside the database to undo when the request's transaction does not commit. */
  onRollback(undo: () => Promise<void>): void;
};
