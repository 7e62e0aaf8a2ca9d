import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error';
import { applyIdentity } from './identity';
import type { RequestContext, Viewer } from './request-context';
import { RequestEndedError, RequestTransaction } from './request-transaction';
import { SessionResolver } from './session-resolver';

@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionResolver,
  ) {}

  /**
   * A GraphQL request (its body already parsed): a signed-in request's transaction opens here,
   * with the session checked and the identity set before anything else runs; an anonymous one
   * holds no connection until it needs one.
   */
  async create(req: Request, res: Response): Promise<RequestContext> {
    return this.withRetry(req, res, async (ctx) => {
      const token = this.sessions.tokenOf(req);
      if (!token) return;
      const transaction = new RequestTransaction(this.dataSource);
      ctx.transaction = transaction;
      ctx.viewer = await this.signIn(transaction, token);
      if (!ctx.viewer) {
        await transaction.finish(true);
        ctx.transaction = new RequestTransaction(this.dataSource);
      }
    });
  }

  /**
   * A REST request (uploads, downloads, exports): the session is checked in a short transaction
   * of its own, so the body can be read before the request's transaction opens (on its first
   * statement, with the identity set first).
   */
  async createForRest(req: Request, res: Response): Promise<RequestContext> {
    return this.withRetry(req, res, async (ctx) => {
      const token = this.sessions.tokenOf(req);
      if (!token) return;
      const check = new RequestTransaction(this.dataSource);
      ctx.transaction = check;
      try {
        ctx.viewer = await this.signIn(check, token);
      } finally {
        await check.finish(true);
      }
      const viewer = ctx.viewer;
      ctx.transaction = new RequestTransaction(
        this.dataSource,
        viewer ? (db) => applyIdentity(db, identityOf(viewer)) : null,
      );
    });
  }

  /** Opens the transaction with the session (its identity set with it); its last-seen time when due. */
  private async signIn(transaction: RequestTransaction, token: string): Promise<Viewer | null> {
    const session = await this.sessions.resume(transaction, token);
    if (!session) return null;
    if (session.touch) await this.sessions.touch(transaction.manager, session.viewer.sessionId);
    return session.viewer;
  }

  /**
   * A pooled connection can die (a failover, a terminated backend) before the pool hears of it.
   * Nothing done while opening outlives a rollback, so after a pause in which the pool learns of
   * its dead connections, the opening is tried again on another one. A full pool (SERVICE_BUSY)
   * or a client that has gone is not retried.
   */
  private async withRetry(
    req: Request,
    res: Response,
    open: (ctx: OpeningContext) => Promise<void>,
  ): Promise<RequestContext> {
    for (let attempt = 1; ; attempt += 1) {
      const ctx = this.context(req, res);
      try {
        if (clientGone(req, res)) throw new RequestEndedError();
        await open(ctx);
        return ctx;
      } catch (error) {
        await ctx.finish(false).catch(() => undefined);
        if (attempt >= 3 || error instanceof AppError || error instanceof RequestEndedError) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
      }
    }
  }

  private context(req: Request, res: Response): OpeningContext {
    const ctx: OpeningContext = {
      req,
      res,
      transaction: new RequestTransaction(this.dataSource),
      get db() {
        return this.transaction.manager;
      },
      viewer: null,
      loaders: new Map(),
      loginAttempted: false,
      finish(commit: boolean) {
        return this.transaction.finish(commit);
      },
      onRollback(undo: () => Promise<void>) {
        this.transaction.onRollback(undo);
      },
    };
    // A client that goes away mid-request: whatever its transaction did is rolled back and the
    // connection returned at once, even while it is still being waited for.
    res.once('close', () => void ctx.finish(false).catch(() => undefined));
    return ctx;
  }
}

type OpeningContext = RequestContext & { transaction: RequestTransaction };

function identityOf(viewer: Viewer) {
  return { tenantId: viewer.tenantId, userId: viewer.userId, roles: viewer.roles };
}

function clientGone(req: Request, res: Response): boolean {
  return req.socket.destroyed || res.destroyed;
}
