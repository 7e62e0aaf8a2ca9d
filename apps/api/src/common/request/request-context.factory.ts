import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource, type QueryRunner } from 'typeorm';
import { readSessionToken } from '../../modules/auth/session-cookie';
import { SessionsService } from '../../modules/auth/sessions.service';
import { applyIdentity } from './identity';
import type { RequestContext } from './request-context';

@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Opens the request's transaction and, for a valid session, sets its identity before anything
   * else runs. The transaction ends in `finish` (from the Apollo plugin) or when the response closes.
   *
   * A pooled connection can die (a failover, a terminated backend) before the pool hears of it.
   * Nothing done here outlives a rollback, so after a pause in which the pool learns of its dead
   * connections, the opening is tried again on another one.
   */
  async create(req: Request, res: Response): Promise<RequestContext> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.open(req, res);
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
      }
    }
  }

  private async open(req: Request, res: Response): Promise<RequestContext> {
    const runner = oneStatementAtATime(this.dataSource.createQueryRunner());
    await runner.connect();
    let finished = false;
    const finish = async (commit: boolean) => {
      if (finished) return;
      finished = true;
      try {
        if (runner.isTransactionActive) {
          if (commit) await runner.commitTransaction();
          else await runner.rollbackTransaction();
        }
      } finally {
        await runner.release();
      }
    };
    try {
      await runner.startTransaction();
      const ctx: RequestContext = {
        req,
        res,
        db: runner.manager,
        viewer: null,
        loaders: new Map(),
        loginAttempted: false,
        finish,
      };
      const token = readSessionToken(req);
      const session = token ? await this.sessions.resolve(runner.manager, token) : null;
      if (session) {
        const { viewer } = session;
        await applyIdentity(runner.manager, {
          tenantId: viewer.tenantId,
          userId: viewer.userId,
          roles: viewer.roles,
        });
        if (session.touch) await this.sessions.touch(runner.manager, viewer.sessionId);
        ctx.viewer = viewer;
      }
      res.once('close', () => void finish(false).catch(() => undefined));
      return ctx;
    } catch (error) {
      // On a dead connection the rollback fails too; the first error is the one to report.
      await finish(false).catch(() => undefined);
      throw error;
    }
  }
}

/**
 * A request's resolvers and loaders run concurrently, but its connection takes one statement at a
 * time (pg queues them today and refuses from pg 9): statements wait their turn, in order.
 */
function oneStatementAtATime(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const turn = tail.then(() => query(...args));
    tail = turn.catch(() => undefined);
    return turn;
  };
  return runner;
}
